"""The browse screen's panes: sources, facts, entities, and the claims of the highlighted fact."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.queries import ClaimRow, EntityRow, FactRow, Queries, SourceRow, StoryRow

from ..text import cell, content, one_line
from .table import RowMessage, RowTable

MAX_MARKS = 20   # coverage marks drawn per fact, one per source of the store or story, if it has no more


# The lists the panes show, read a page at a time (in workers: these query the store).

@dataclass(frozen=True)
class SourcePages:
    queries: Queries
    story_id: int | None = None

    def count(self) -> int:
        return self.queries.count_sources(self.story_id)

    def page(self, offset: int, limit: int, total: int) -> list[SourceRow]:
        return self.queries.sources(self.story_id, limit, offset=offset, total=total)

    def index_of(self, record: SourceRow) -> int | None:
        return self.queries.source_index(record.id, self.story_id)


@dataclass(frozen=True)
class FactPages:
    queries: Queries
    story_id: int | None = None
    source_id: int | None = None
    entity_id: int | None = None

    def count(self) -> int:
        return self.queries.count_facts(story_id=self.story_id, source_id=self.source_id, entity_id=self.entity_id)

    def page(self, offset: int, limit: int, total: int) -> list[FactRow]:
        return self.queries.facts(story_id=self.story_id, source_id=self.source_id, entity_id=self.entity_id,
                                  offset=offset, limit=limit, total=total)

    def index_of(self, record: FactRow) -> int | None:
        return self.queries.fact_index(record.id, story_id=self.story_id, source_id=self.source_id,
                                       entity_id=self.entity_id)


@dataclass(frozen=True)
class EntityPages:
    queries: Queries
    story_id: int | None = None

    def count(self) -> int:
        return self.queries.count_entities(self.story_id)

    def page(self, offset: int, limit: int, total: int) -> list[EntityRow]:
        return self.queries.entities(self.story_id, limit, offset=offset, total=total)

    def index_of(self, record: EntityRow) -> int | None:
        return self.queries.entity_index(record.id, self.story_id)


def _widest(texts: Iterable[str], at_least: int, at_most: int = 1000) -> int:
    return min(max([at_least, *(cell_len(t) for t in texts)]), at_most)


class SourcesTable(RowTable[SourceRow]):
    HELP_TITLE = "Sources pane"
    BINDINGS = [Binding("enter", "select_cursor", "Filter facts", id="sources.filter"),
                Binding("o", "open_source", "Open article", id="sources.open")]
    TITLE_MIN = 24      # the Claims and Date columns are shown only while the title keeps this many cells
    OUTLET_MAX = 40     # outlets are never cut short of this; a title is cut first

    class OpenRequested(RowMessage):
        """The user asked to read the highlighted source."""

    def fit(self, width: int) -> None:
        rows = self.records
        self.outlet_width = self.widest("outlet", _widest((one_line(r.outlet) for r in rows), 6, self.OUTLET_MAX))
        number_width = self.widest("number", _widest((str(r.number) for r in rows), 1))
        date_width = self.widest("date", _widest((r.published for r in rows), 4, 20))
        space = width - (number_width + 2) - (self.outlet_width + 2) - 2
        extras = []
        for extra_width in (6, date_width):    # Claims, Date
            if space - extra_width - 2 < self.TITLE_MIN:
                break
            space -= extra_width + 2
            extras.append(extra_width)
        self.extra = len(extras)
        self.title_width = max(space, 8)
        self.widths = (number_width, self.outlet_width, self.title_width, *extras)

    def column_names(self) -> tuple[str, ...]:
        return ("#", "Outlet", "Title", "Claims", "Date")[:3 + self.extra]

    def cells(self, row: SourceRow) -> tuple:
        return (Text(str(row.number), style="bold"), cell(row.outlet, limit=self.outlet_width),
                cell(row.title or "(untitled)", limit=self.title_width), Text(str(row.n_claims), justify="right"),
                cell(row.published, limit=20))[:3 + self.extra]

    def action_open_source(self) -> None:
        if self.current_record is not None:
            self.post_message(self.OpenRequested(self, self.current_record))


class FactsTable(RowTable[FactRow]):
    HELP_TITLE = "Facts pane"
    LABEL_MIN = 20      # cells of a fact's label the coverage marks may not take
    BINDINGS = [Binding("enter", "select_cursor", "Compare", id="facts.compare")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sources: list[SourceRow] = []
        self.marked = False

    def set_sources(self, sources: list[SourceRow]) -> None:
        """The sources of the store or story, one coverage mark each (the facts shown next are marked against
        them); more than MAX_MARKS, and there are no marks: those of some of them would not say who left a fact
        out."""
        self.sources = sources if len(sources) <= MAX_MARKS else []

    def fit(self, width: int) -> None:
        self.marks_header = "".join(str(s.number % 10) for s in self.sources)
        marks_width = max(len(self.marks_header), 3)
        room = width - (7 + 2) - (1 + 2) - 2
        # the fact's own words come first: the marks go where they would leave it less than LABEL_MIN cells
        self.marked = bool(self.sources) and room - (marks_width + 2) >= self.LABEL_MIN
        self.label_width = max(room - (marks_width + 2 if self.marked else 0), 12)
        self.widths = (7, marks_width, 1, self.label_width) if self.marked else (7, 1, self.label_width)

    def column_names(self) -> tuple[str, ...]:
        return ("Outlets", self.marks_header, "≠", "Fact") if self.marked else ("Outlets", "≠", "Fact")

    def cells(self, row: FactRow) -> tuple:
        if row.figures_disagree:
            flag = Text("≠", style="bold red")
        elif row.speakers_differ:
            flag = Text("~", style="yellow")
        else:
            flag = Text(" ")
        cells = (Text(str(row.n_sources), justify="right"), flag, cell(row.label, limit=self.label_width))
        if not self.marked:
            return cells
        marks = Text()
        for s in self.sources:
            marks.append("●" if s.id in row.coverage else "·", style="bold green" if s.id in row.coverage else "dim")
        return (cells[0], marks, *cells[1:])


TYPE_BADGES = {"PERSON": "P", "ORG": "O", "PLACE": "L"}   # L for location: P is taken by person


class EntitiesTable(RowTable[EntityRow]):
    HELP_TITLE = "Entities pane"
    BINDINGS = [Binding("enter", "select_cursor", "Filter facts", id="entities.filter")]
    ALSO_MIN = 12       # below this many cells for other names the type shrinks to a badge, below 8 they go

    def fit(self, width: int) -> None:
        self.name_width = self.widest("name", _widest((one_line(r.name) for r in self.records), 6, 26))
        self.count_width = 7        # "Outlets"
        space = width - (self.name_width + 2) - (self.count_width + 2) - 2
        self.badge = space - (6 + 2) < self.ALSO_MIN
        if self.badge and space - (1 + 2) < 0:
            # a narrow pane: the count of outlets, which ranks the list, goes under "n" (as on the coverage
            # screen) and a long name gives way to it
            self.count_width = self.widest("count", max((len(str(r.n_sources)) for r in self.records), default=1))
            self.name_width = max(min(self.name_width, width - (1 + 2) - (self.count_width + 2) - 2), 8)
            space = width - (self.name_width + 2) - (self.count_width + 2) - 2
        self.also_width = space - (1 + 2 if self.badge else 6 + 2)
        widths = (1, self.name_width, self.count_width) if self.badge else (self.name_width, self.count_width, 6)
        self.widths = (*widths, self.also_width) if self.also_width >= 8 else widths

    def column_names(self) -> tuple[str, ...]:
        count = "Outlets" if self.count_width >= 7 else "n"
        names = (" ", "Entity", count, "Also") if self.badge else ("Entity", count, "Type", "Also")
        return names if self.also_width >= 8 else names[:3]

    def cells(self, row: EntityRow) -> tuple:
        name = cell(row.name, "bold", limit=self.name_width)
        outlets = Text(str(row.n_sources), justify="right")
        if self.badge:
            cells = Text(TYPE_BADGES.get(row.type, "·"), style="bold"), name, outlets
        else:
            cells = name, outlets, Text(row.type.lower() or "–", style="dim")
        return (*cells, cell(", ".join(row.aliases), limit=self.also_width)) if self.also_width >= 8 else cells


class ClaimsList(OptionList):
    """The claims of one fact, each with its outlet and speaker; long claims wrap."""

    HELP_TITLE = "Claims pane"

    BINDINGS = [Binding("j", "cursor_down", "Down", show=False, id="claims.down"),
                Binding("k", "cursor_up", "Up", show=False, id="claims.up"),
                Binding("enter", "select", "Open at claim", id="claims.open")]

    class Chosen(Message):
        """The user pressed enter on a claim."""

        def __init__(self, claim: ClaimRow) -> None:
            super().__init__()
            self.claim = claim

    claims: list[ClaimRow] = []

    def show(self, claims: list[ClaimRow]) -> None:
        self.claims = claims
        self.clear_options()
        self.add_options([Option(claim_prompt(c)) for c in claims])
        if claims:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.claims[event.option_index]))


def claim_prompt(claim: ClaimRow) -> Content:
    head = [(claim.outlet, "bold $text-primary")]
    if claim.speaker:
        head += [" · ", (one_line(claim.speaker), "$text-success")]
    if claim.hedges:
        head += [" · ", ("hedged: " + one_line(", ".join(claim.hedges)), "italic $text-warning")]
    return Content.assemble(*head, "\n", content(one_line(claim.text)))


class FilterBar(Static):
    """Says which story, source or entity the panes are scoped to, and how to clear it."""

    def show(self, what: SourceRow | EntityRow | None, story: StoryRow | None = None) -> None:
        self.display = what is not None or story is not None
        if what is None and story is not None:
            label = Content.assemble(("Story ", "bold"), content(one_line(story.label), "bold"),
                                     f" ({story.n_sources} sources)")
        elif isinstance(what, SourceRow):
            label = Content.assemble(("Facts in source ", "bold"), (f"#{what.number} ", "bold"),
                                     content(one_line(what.outlet)), " — ",
                                     content(one_line(what.title or "(untitled)")))
        elif isinstance(what, EntityRow):
            label = Content.assemble(("Facts naming ", "bold"), content(one_line(what.name), "bold"),
                                     f" ({what.type.lower() or 'entity'})")
        else:
            label = Content("")
        self.update(Content.assemble(label, ("   esc clears", "italic")))
