"""The coverage matrix: a row per fact, a column per outlet, a mark in each cell for how the outlet reported it."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding

from store.coverage import DISAGREES, HEDGED, NOT_REPORTED, REPORTED, CoverageRow, Outlet
from store.queries import Queries

from ..text import cell
from .table import RowTable

CELL_MARKS = {REPORTED: ("●", "bold green"), HEDGED: ("◐", "bold yellow"), DISAGREES: ("≠", "bold red"),
              NOT_REPORTED: ("·", "dim")}
LABEL_MIN = 12      # the fact's label keeps this many cells; outlets beyond what fits beside it scroll


@dataclass(frozen=True)
class CoveragePages:
    """The matrix's rows, read a page at a time (in a worker: these query the store)."""
    queries: Queries
    outlets: tuple[Outlet, ...]
    story_id: int | None = None
    fewest_first: bool = False
    exclusive: bool = False
    omitted_by: int | None = None

    def count(self) -> int:
        return self.queries.count_coverage(self.outlets, self.story_id, exclusive=self.exclusive,
                                           omitted_by=self.omitted_by)

    def page(self, offset: int, limit: int, total: int) -> list[CoverageRow]:
        return self.queries.coverage_rows(self.outlets, self.story_id, fewest_first=self.fewest_first,
                                          exclusive=self.exclusive, omitted_by=self.omitted_by, offset=offset,
                                          limit=limit, total=total)

    def index_of(self, record: CoverageRow) -> int | None:
        return self.queries.coverage_index(record.fact_id, self.outlets, self.story_id, fewest_first=self.fewest_first,
                                           exclusive=self.exclusive, omitted_by=self.omitted_by)


class CoverageTable(RowTable[CoverageRow]):
    """Facts x outlets, moved through cell by cell; `enter` on a cell opens that outlet's claim.

    `cursor_column` counts every column: 0 the count, 1 to len(outlets) the outlets, then the fact. When more
    outlets than fit beside the fact's label, the outlet columns shown follow the cursor.
    """

    HELP_TITLE = "Coverage matrix"
    BINDINGS = [Binding("h", "cursor_left", "Left", show=False, id="coverage.left"),
                Binding("l", "cursor_right", "Right", show=False, id="coverage.right"),
                Binding("left", "cursor_left", "Left", show=False),
                Binding("right", "cursor_right", "Right", show=False),
                Binding("enter", "select_cursor", "Open", id="coverage.open")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.outlets: tuple[Outlet, ...] = ()
        self.first_outlet = 0     # the first outlet column shown
        self.shown_outlets = 0    # how many are shown

    def set_outlets(self, outlets: tuple[Outlet, ...]) -> None:
        """The outlets the rows shown next have a cell for, in order."""
        self.outlets = outlets
        self.cursor_column = min(self.cursor_column, len(outlets) + 1)

    def fit(self, width: int) -> None:
        self.number_width = max((len(str(o.number)) for o in self.outlets), default=1)
        count_width = len(str(len(self.outlets)))      # "n": how many outlets report the fact
        room = width - (count_width + 2) - (LABEL_MIN + 2) - 2
        self.shown_outlets = min(len(self.outlets), max(room // (self.number_width + 2), 1))
        self._follow_cursor()
        self.label_width = max(width - (count_width + 2) - (self.number_width + 2) * self.shown_outlets - 2,
                               LABEL_MIN)
        self.widths = (count_width, *[self.number_width] * self.shown_outlets, self.label_width)

    def _follow_cursor(self) -> None:
        outlet = self.current_outlet
        if outlet is not None:
            if outlet < self.first_outlet:
                self.first_outlet = outlet
            elif outlet >= self.first_outlet + self.shown_outlets:
                self.first_outlet = outlet - self.shown_outlets + 1
        self.first_outlet = max(0, min(self.first_outlet, len(self.outlets) - self.shown_outlets))

    def _shown(self) -> range:
        return range(self.first_outlet, self.first_outlet + self.shown_outlets)

    def column_names(self) -> tuple[str, ...]:
        return ("n", *(str(self.outlets[i].number) for i in self._shown()), "Fact")

    def cells(self, row: CoverageRow) -> tuple:
        return (Text(str(row.n_reported), justify="right"), *(Text(*CELL_MARKS[row.cells[i]]) for i in self._shown()),
                cell(row.label, limit=self.label_width))

    @property
    def current_outlet(self) -> int | None:
        """The index, among the outlets, of the cursor's column; None on the count or the fact."""
        index = self.cursor_column - 1
        return index if 0 <= index < len(self.outlets) else None

    def cursor_cell(self) -> int | None:
        outlet = self.current_outlet
        if outlet is not None:
            return 1 + outlet - self.first_outlet
        return 0 if self.cursor_column == 0 else 1 + self.shown_outlets

    def _move_column(self, column: int) -> None:
        column = max(0, min(column, len(self.outlets) + 1))
        if column == self.cursor_column:
            return
        self.cursor_column = column
        first = self.first_outlet
        self._follow_cursor()
        if self.first_outlet != first:
            self._refit()       # other outlets' columns: every line changes
            self.refresh()
        else:
            self.refresh_line(self.cursor_row + 1)

    def _column_at(self, x: int) -> int | None:
        edge = 0
        for shown, width in enumerate(self.widths):
            edge += width + 2
            if x < edge:
                if shown == 0:
                    return 0
                return self.first_outlet + shown if shown <= self.shown_outlets else len(self.outlets) + 1
        return None

    def action_cursor_left(self) -> None:
        self._move_column(self.cursor_column - 1)

    def action_cursor_right(self) -> None:
        self._move_column(self.cursor_column + 1)
