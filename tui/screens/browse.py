"""The main screen: sources, facts and entities side by side; choosing a source or entity filters the facts."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.reactive import reactive
from textual.widgets import Footer, Header

from store.queries import MAX_ROWS, EntityRow, FactRow, SourceRow

from ..widgets.panes import ClaimsList, EntitiesTable, FactsTable, FilterBar, RowTable, SourcesTable
from .base import FactdiffScreen


def _count(n: int) -> str:
    return f"first {n}" if n >= MAX_ROWS else str(n)


class BrowseScreen(FactdiffScreen):
    HELP_TITLE = "Browse"
    BINDINGS = [
        Binding("escape", "clear_filter", "Clear filter", id="browse.clear_filter"),
    ]

    filter: reactive[SourceRow | EntityRow | None] = reactive(None, init=False)

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(id="filter")
        with Container(id="panes"):
            yield SourcesTable(id="sources")
            yield FactsTable(id="facts")
            yield EntitiesTable(id="entities")
            yield ClaimsList(id="claims")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter", FilterBar).show(None)
        for pane, title in (("#sources", "Sources"), ("#facts", "Facts"), ("#entities", "Entities"),
                            ("#claims", "Claims")):
            self.query_one(pane).border_title = title
        self.query_one("#claims").border_subtitle = "of the highlighted fact"
        self.query_one("#facts").focus()
        self.load_lists()

    # -- loading -------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-lists")
    def load_lists(self) -> None:
        sources = self.queries.sources()
        entities = self.queries.entities()
        facts = self.queries.facts()
        self.app.call_from_thread(self._show_lists, sources, entities, facts)

    def _show_lists(self, sources: list[SourceRow], entities: list[EntityRow], facts: list[FactRow]) -> None:
        self.query_one("#sources", SourcesTable).show(sources)
        self.query_one("#sources").border_title = f"Sources · {_count(len(sources))}"
        self.query_one("#entities", EntitiesTable).show(entities)
        self.query_one("#entities").border_title = f"Entities · {_count(len(entities))}"
        self.query_one("#facts", FactsTable).set_sources(sources)
        self._show_facts(facts)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-facts")
    def load_facts(self, what: SourceRow | EntityRow | None) -> None:
        if isinstance(what, SourceRow):
            facts = self.queries.facts(source_id=what.id)
        elif isinstance(what, EntityRow):
            facts = self.queries.facts(entity_id=what.id)
        else:
            facts = self.queries.facts()
        self.app.call_from_thread(self._show_facts, facts)

    def _show_facts(self, facts: list[FactRow]) -> None:
        table = self.query_one("#facts", FactsTable)
        table.show(facts)
        table.border_title = f"Facts · {_count(len(facts))}"
        if not facts:
            self.query_one("#claims", ClaimsList).show([])

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-claims")
    def load_claims(self, fact_id: int) -> None:
        claims = self.queries.claims_of_fact(fact_id)
        self.app.call_from_thread(self.query_one("#claims", ClaimsList).show, claims)

    # -- filters -------------------------------------------------------------

    def watch_filter(self, what: SourceRow | EntityRow | None) -> None:
        self.query_one("#filter", FilterBar).show(what)
        self.refresh_bindings()
        self.load_facts(what)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.filter is not None
        return True

    def action_clear_filter(self) -> None:
        self.filter = None

    def filter_by_entity(self, entity_id: int) -> None:
        """Filter the facts to an entity known only by id (from search or the command palette)."""
        self._load_entity_filter(entity_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browse-entity")
    def _load_entity_filter(self, entity_id: int) -> None:
        entity = self.queries.entity(entity_id)
        if entity is not None:
            self.app.call_from_thread(setattr, self, "filter", entity)

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
