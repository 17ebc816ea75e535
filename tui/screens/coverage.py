"""Coverage: which outlet reported which fact, hedged it, disagreed on it, or left it out."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.markup import escape
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from store.coverage import Outlet
from store.queries import StoryRow

from ..text import content, one_line
from ..widgets.coverage import CoveragePages, CoverageTable
from ..widgets.footer import Footer
from ..widgets.table import Viewport, Window, read_window
from .base import FactdiffScreen

ALL, EXCLUSIVE, OMITTED = "all", "exclusive", "omitted"
LEGEND = Content.assemble(("●", "bold $text-success"), " reported  ", ("◐", "bold $text-warning"), " hedged  ",
                          ("≠", "bold $text-error"), " disagrees  ", ("·", "$text-muted"), " not reported")


def _packed(entries: list[Content], width: int, lines: int = 2) -> list[Content | str]:
    """Entries two spaces apart, wrapped to `width` between entries, never inside one ("5 Coastal Times"), on at
    most `lines` lines; the rest are counted at the end."""
    parts: list[Content | str] = []
    used = 0
    line = 1
    for n, entry in enumerate(entries):
        if used and used + 2 + entry.cell_length > width:
            if line == lines:
                parts.append(f"  +{len(entries) - n} more")
                break
            parts.append("\n")
            used = 0
            line += 1
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
        self.outlets: tuple[Outlet, ...] = ()     # the matrix's columns, read with its first rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="coverage-status")
        yield Static(id="coverage-legend")
        yield CoverageTable(id="coverage")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#coverage").focus()
        self.reload()

    def reload(self) -> None:
        """Read the matrix again for the order and filter now chosen, keeping the cursor on its fact."""
        self.load(self.query_one("#coverage", CoverageTable).viewport(), self.fewest_first, self.only,
                  self.omitter)

    @work(thread=True, exclusive=True, exit_on_error=False, group="coverage-load")
    def load(self, viewport: Viewport, fewest_first: bool, only: str, omitter: Outlet | None) -> None:
        story_id = self.story.id if self.story else None
        outlets = self.outlets or self.queries.coverage_outlets(story_id)
        pages = CoveragePages(self.queries, outlets, story_id, fewest_first, exclusive=only == EXCLUSIVE,
                              omitted_by=omitter.source_id if only == OMITTED and omitter else None)
        window = read_window(pages, viewport)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, window)

    def _show(self, window: Window) -> None:
        table = self.query_one("#coverage", CoverageTable)
        outlets = window.pages.outlets
        if outlets != self.outlets:
            self.outlets = outlets
            table.set_outlets(outlets)
            legend = self.query_one("#coverage-legend", Static)
            entries = [Content.assemble((f"{o.number} ", "bold"), content(one_line(o.name))) for o in outlets]
            legend.update(Content.assemble(*_packed(entries, legend.content_region.width), "\n", LEGEND))
        table.show(window)
        what = {ALL: "facts", EXCLUSIVE: "facts only one outlet reports",
                OMITTED: f"widely reported facts #{self.omitter.number} {self.omitter.name} omits"
                if self.omitter else ""}[self.only]
        where = [" in ", content(one_line(self.story.label), "italic")] if self.story else []
        self.query_one("#coverage-status", Static).update(Content.assemble(
            ("Coverage", "bold"), f" · {window.total:,} ", content(one_line(what)), *where,
            (" · fewest outlets first" if self.fewest_first else " · most outlets first", "$text-muted")))

    def action_toggle_order(self) -> None:
        self.fewest_first = not self.fewest_first
        self.reload()

    def action_toggle_exclusive(self) -> None:
        self.only = ALL if self.only == EXCLUSIVE else EXCLUSIVE
        self.reload()

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
        self.reload()

    @on(CoverageTable.Chosen, "#coverage")
    def _cell_chosen(self, event: CoverageTable.Chosen) -> None:
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
