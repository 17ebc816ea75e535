"""The coverage matrix: a row per fact, a column per outlet, a mark in each cell for how the outlet reported it."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from store.coverage import DISAGREES, HEDGED, NOT_REPORTED, REPORTED, CoverageRow, Outlet

from ..text import cell
from .panes import RowTable

CELL_MARKS = {REPORTED: ("●", "bold green"), HEDGED: ("◐", "bold yellow"), DISAGREES: ("≠", "bold red"),
              NOT_REPORTED: ("·", "dim")}


class CoverageTable(RowTable[CoverageRow]):
    """Facts x outlets, moved through cell by cell; `enter` on a cell opens that outlet's claim."""

    HELP_TITLE = "Coverage matrix"
    BINDINGS = [Binding("h", "cursor_left", "Left", show=False, id="coverage.left"),
                Binding("l", "cursor_right", "Right", show=False, id="coverage.right"),
                Binding("enter", "select_cursor", "Open", id="coverage.open")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cursor_type = "cell"
        self.outlets: tuple[Outlet, ...] = ()

    def set_outlets(self, outlets: tuple[Outlet, ...]) -> None:
        """The outlets the rows shown next have a cell for, in order."""
        self.outlets = outlets

    def fit(self, width: int) -> None:
        number_width = max((len(str(o.number)) for o in self.outlets), default=1)
        self.label_width = max(width - (3 + 2) - (number_width + 2) * len(self.outlets) - 2, 12)

    def column_names(self) -> tuple[str, ...]:
        return ("n", *(str(o.number) for o in self.outlets), "Fact")

    def cells(self, row: CoverageRow) -> tuple:
        return (Text(str(row.n_reported), justify="right"), *(Text(*CELL_MARKS[c]) for c in row.cells),
                cell(row.label, limit=self.label_width))

    def show(self, rows: list[CoverageRow]) -> None:
        column = self.cursor_column     # the outlet looked at stays in view when the rows change
        super().show(rows)
        self.move_cursor(column=column, animate=False)

    @property
    def current_outlet(self) -> int | None:
        """The index, among the outlets, of the cursor's column; None on the count or the fact."""
        index = self.cursor_column - 1
        return index if 0 <= index < len(self.outlets) else None
