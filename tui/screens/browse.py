"""The main screen: sources, facts and entities side by side, of every story or one; choosing a source or entity
filters the facts."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.reactive import reactive
from textual.widgets import Header
from textual.worker import get_current_worker

from store.queries import EntityRow, SourceRow, StoryRow

from ..text import one_line
from ..widgets.footer import Footer
from ..widgets.panes import (MAX_MARKS, ClaimsList, EntitiesTable, EntityPages, FactPages, FactsTable, FilterBar,
                             SourcePages, SourcesTable)
from ..widgets.table import RowTable, Viewport, Window, read_window
from .base import FactdiffScreen
from .coverage import CoverageScreen
from .ledger import LedgerScreen
from .stories import StoriesScreen

PANES = (("sources", "Sources"), ("facts", "Facts"), ("entities", "Entities"))


class BrowseScreen(FactdiffScreen):
    HELP_TITLE = "Browse"
    BINDINGS = [
        # Out of the footer (the filter bar says "esc clears") so that at 80 columns the footer keeps the others.
        Binding("escape", "clear_filter", "Clear filter or story", show=False, id="browse.clear_filter"),
        Binding("s", "stories", "Stories", id="browse.stories"),
        Binding("l", "ledger", "Ledger", id="browse.ledger"),
        Binding("c", "coverage", "Coverage", id="browse.coverage"),
        # Out of the footer for room at 80 columns; Help lists it.
        Binding("f5,ctrl+r", "refresh", "Refresh", show=False, id="browse.refresh"),
    ]

    filter: reactive[SourceRow | EntityRow | None] = reactive(None, init=False)
    story: reactive[StoryRow | None] = reactive(None, init=False)     # None: every story

    def __init__(self) -> None:
        super().__init__()
        self._stale: set[str] = set()     # panes whose lists are being read again

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(id="filter")
        with Container(id="panes"):
            yield SourcesTable(id="sources")
            yield FactsTable(id="facts")
            yield EntitiesTable(id="entities")
            yield ClaimsList(id="claims")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#filter", FilterBar).show(None)
        for pane, title in (*PANES, ("claims", "Claims")):
            self.query_one(f"#{pane}").border_title = title
        self.query_one("#claims").border_subtitle = "of the highlighted fact"
        self.query_one("#facts").focus()
        self.reload("sources", "facts", "entities")

    # -- loading -------------------------------------------------------------

    def reload(self, *panes: str, from_top: bool = False) -> None:
        """Read the lists of these panes again, for the story and filter now chosen (with those of a load this
        one cancels, if it had not shown them yet); each pane keeps its cursor on the record under it, unless
        `from_top` (a new story is a new list: it is shown from its start)."""
        self._stale.update(panes)
        viewports = {pane: self.query_one(f"#{pane}", RowTable).viewport() for pane in self._stale}
        if from_top:
            viewports = {pane: Viewport(0, v.height) for pane, v in viewports.items()}
        self.load(self.story, self.filter, viewports)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-load")
    def load(self, story: StoryRow | None, what: SourceRow | EntityRow | None, viewports: dict[str, Viewport]) -> None:
        """The lists for a story and filter, each read around where its pane stands: loaded together, so a newer
        scope's lists never meet an older one's. Only a new story changes sources and entities; a filter, the
        facts alone."""
        story_id = story.id if story else None
        if isinstance(what, SourceRow):
            facts = FactPages(self.queries, source_id=what.id)
        elif isinstance(what, EntityRow):
            facts = FactPages(self.queries, story_id=story_id, entity_id=what.id)
        else:
            facts = FactPages(self.queries, story_id=story_id)
        lists = {"sources": SourcePages(self.queries, story_id), "facts": facts,
                 "entities": EntityPages(self.queries, story_id)}
        windows = {pane: read_window(lists[pane], viewport) for pane, viewport in viewports.items()}
        marks = self.queries.sources(story_id, MAX_MARKS + 1) if "facts" in windows else []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_lists, windows, marks)

    def _show_lists(self, windows: dict[str, Window], marks: list[SourceRow]) -> None:
        self._stale.difference_update(windows)
        if "facts" in windows:
            self.query_one("#facts", FactsTable).set_sources(marks)
        for pane, title in PANES:
            if pane in windows:
                table = self.query_one(f"#{pane}", RowTable)
                table.show(windows[pane])
                table.border_title = f"{title} · {table.total:,}"
        if "facts" in windows and not windows["facts"].total:
            self.query_one("#claims", ClaimsList).show([])

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-claims")
    def load_claims(self, fact_id: int) -> None:
        claims = self.queries.claims_of_fact(fact_id)
        self.app.call_from_thread(self.query_one("#claims", ClaimsList).show, claims)

    # -- filters -------------------------------------------------------------

    def watch_filter(self, what: SourceRow | EntityRow | None) -> None:
        self._filter_changed(what)
        self.reload("facts")

    def _filter_changed(self, what: SourceRow | EntityRow | None) -> None:
        self.query_one("#filter", FilterBar).show(what, self.story)
        self.refresh_bindings()

    def watch_story(self, story: StoryRow | None) -> None:
        self.sub_title = f"Story: {one_line(story.label)}" if story else None
        self.set_reactive(BrowseScreen.filter, None)    # a source or entity of another story may be out of it
        self._filter_changed(None)
        self.reload("sources", "facts", "entities", from_top=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.filter is not None or self.story is not None
        return True

    def action_clear_filter(self) -> None:
        """Clear the source or entity filter; with none, the story scope."""
        if self.filter is not None:
            self.filter = None
        else:
            self.story = None

    def action_stories(self) -> None:
        self.app.push_screen(StoriesScreen(self.story), self._story_chosen)

    def _story_chosen(self, story: StoryRow | None) -> None:
        if story != self.story:
            self.story = story

    def action_refresh(self) -> None:
        self._refresh_store()

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-refresh")
    def _refresh_store(self) -> None:
        """Show what another process ingested since: finish its pending linking first if it left any."""
        # imported here: linking (and sqlite-utils behind it) is a second's imports the app's start does not need
        from store.link import bring_up_to_date

        relinked = bring_up_to_date(self.queries.path)
        self.app.call_from_thread(self._refreshed, relinked)

    def _refreshed(self, relinked: bool) -> None:
        if relinked:
            # facts, entities and stories were numbered anew: an old scope would point at something else
            self.set_reactive(BrowseScreen.filter, None)
            self.set_reactive(BrowseScreen.story, None)
            self.sub_title = None
            self.query_one("#filter", FilterBar).show(None, None)
            self.refresh_bindings()
        self.reload("sources", "facts", "entities")
        self.notify("Store reloaded" + (", with the latest ingest linked in" if relinked else ""), timeout=3)

    def action_ledger(self) -> None:
        self.app.push_screen(LedgerScreen(self.story))

    def action_coverage(self) -> None:
        self.app.push_screen(CoverageScreen(self.story))

    def filter_by_entity(self, entity_id: int) -> None:
        """Filter the facts to an entity known only by id (from search or the command palette), in every story:
        search and the palette look across them all."""
        self._load_entity_filter(entity_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-entity")
    def _load_entity_filter(self, entity_id: int) -> None:
        entity = self.queries.entity(entity_id)
        if entity is not None:
            self.app.call_from_thread(self._filter_everywhere, entity)

    def _filter_everywhere(self, entity: EntityRow) -> None:
        scoped = self.story is not None
        self.set_reactive(BrowseScreen.story, None)
        self.sub_title = None
        self.set_reactive(BrowseScreen.filter, entity)
        self._filter_changed(entity)
        self.reload(*(("sources", "facts", "entities") if scoped else ("facts",)))

    # -- choices -------------------------------------------------------------

    @on(RowTable.Chosen, "#sources")
    @on(RowTable.Chosen, "#entities")
    def _filter_chosen(self, event: RowTable.Chosen) -> None:
        self.filter = event.row
        self.query_one("#facts").focus()

    @on(RowTable.Highlighted, "#facts")
    def _fact_highlighted(self, event: RowTable.Highlighted) -> None:
        self.load_claims(event.row.id)

    @on(RowTable.Chosen, "#facts")
    def _fact_chosen(self, event: RowTable.Chosen) -> None:
        self.app.open_compare(event.row.id)

    @on(SourcesTable.OpenRequested)
    def _open_source(self, event: SourcesTable.OpenRequested) -> None:
        self.app.open_source(event.row.id)

    @on(ClaimsList.Chosen)
    def _open_claim(self, event: ClaimsList.Chosen) -> None:
        self.app.open_source(event.claim.source_id, event.claim.id)
