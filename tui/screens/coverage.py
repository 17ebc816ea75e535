"""Coverage: which outlet reported which fact, hedged it, disagreed on it, or left it out."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.markup import escape
from textual.widgets import DataTable, Footer, Header, Static

from store.coverage import Outlet
from store.queries import CoverageView, StoryRow

from ..text import content, one_line
from ..widgets.coverage import CoverageTable
from .base import FactdiffScreen

ALL, EXCLUSIVE, OMITTED = "all", "exclusive", "omitted"
LEGEND = Content.assemble(("●", "bold $text-success"), " reported  ", ("◐", "bold $text-warning"), " hedged  ",
                          ("≠", "bold $text-error"), " disagrees  ", ("·", "$text-muted"), " not reported")


def _packed(entries: list[Content], width: int) -> list[Content | str]:
    """Entries two spaces apart, wrapped to `width` between entries, never inside one ("5 Coastal Times")."""
    parts: list[Content | str] = []
    used = 0
    for entry in entries:
        if used and used + 2 + entry.cell_length > width:
            parts.append("\n")
            used = 0
        elif used:
            parts.append("  ")
            used += 2
        parts.append(entry)
        used += entry.cell_length
    return parts


class CoverageScreen(FactdiffScreen):
    HELP_TITLE = "Coverage"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="coverage.back"),
        Binding("s", "toggle_order", "Sort", id="coverage.sort"),
        Binding("x", "toggle_exclusive", "Exclusives", id="coverage.exclusive"),
        Binding("m", "toggle_omissions", "Omitted", id="coverage.omissions"),
    ]

    def __init__(self, story: StoryRow | None) -> None:
        super().__init__()
        self.story = story
        self.fewest_first = False
        self.only = ALL
        self.omitter: Outlet | None = None    # whose omissions are shown, when only == OMITTED

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="coverage-status")
        yield Static(id="coverage-legend")
        yield CoverageTable(id="coverage")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#coverage").focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="coverage-load")
    def load(self) -> None:
        view = self.queries.coverage(self.story.id if self.story else None, fewest_first=self.fewest_first,
                                     exclusive=self.only == EXCLUSIVE,
                                     omitted_by=self.omitter.source_id if self.only == OMITTED else None)
        self.app.call_from_thread(self._show, view)

    def _show(self, view: CoverageView) -> None:
        table = self.query_one("#coverage", CoverageTable)
        table.set_outlets(view.outlets)
        table.show(list(view.rows))
        what = {ALL: "facts", EXCLUSIVE: "facts only one outlet reports",
                OMITTED: f"widely reported facts #{self.omitter.number} {self.omitter.name} omits"
                if self.omitter else ""}[self.only]
        where = [" in ", content(one_line(self.story.label), "italic")] if self.story else []
        self.query_one("#coverage-status", Static).update(Content.assemble(
            ("Coverage", "bold"), f" · showing {len(view.rows)} of {view.total} ", content(one_line(what)),
            *where, (" · fewest outlets first" if self.fewest_first else " · most outlets first", "$text-muted")))
        legend = self.query_one("#coverage-legend", Static)
        entries = [Content.assemble((f"{o.number} ", "bold"), content(one_line(o.name))) for o in view.outlets]
        legend.update(Content.assemble(*_packed(entries, legend.content_region.width), "\n", LEGEND))

    def action_toggle_order(self) -> None:
        self.fewest_first = not self.fewest_first
        self.load()

    def action_toggle_exclusive(self) -> None:
        self.only = ALL if self.only == EXCLUSIVE else EXCLUSIVE
        self.load()

    def action_toggle_omissions(self) -> None:
        table = self.query_one("#coverage", CoverageTable)
        index = table.current_outlet
        if index is None:
            self.app.notify("Move to an outlet's column to see what it omits.")
            return
        outlet = table.outlets[index]
        if self.only == OMITTED and self.omitter == outlet:
            self.only = ALL
        else:
            self.only, self.omitter = OMITTED, outlet
        self.load()

    @on(DataTable.CellSelected, "#coverage")
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        table = self.query_one("#coverage", CoverageTable)
        row, index = table.current_record, table.current_outlet
        if row is None:
            return
        if index is None:
            self.app.open_compare(row.fact_id)
        elif row.claim_ids[index]:
            self.app.open_source(table.outlets[index].source_id, row.claim_ids[index][0])
        else:
            outlet = table.outlets[index]
            self.app.notify(escape(f"Not reported by #{outlet.number} {outlet.name}"))
