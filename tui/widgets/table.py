"""A table of store rows that holds only what it shows: the rows on screen and half a screen above and below.

The table knows how many rows its list has (its scrollbar is as long as the whole list) but holds a window of
them; when the user scrolls, the rows coming into view are read from the store by a worker, and each line is
drawn when it is on screen (Textual's Line API, as toolong's LogLines). A row not read yet is drawn as a dim
placeholder until it arrives, a few milliseconds later. No database access happens on the main thread.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

RowT = TypeVar("RowT")
PLACEHOLDER = "…"


class Pages(Protocol[RowT]):
    """A list of store rows, read a page at a time. Its methods query the store: call them in a worker."""

    def count(self) -> int:
        """How many rows the list has."""

    def page(self, offset: int, limit: int, total: int) -> Sequence[RowT]:
        """`limit` rows from `offset` (`total` is what `count()` said)."""

    def index_of(self, record: RowT) -> int | None:
        """Where a record is in the list, or None when it is not in it."""


@dataclass(frozen=True)
class Viewport:
    """Where a table stands: the list row at the top of the screen, how many rows fit on it, and the record
    under the cursor (kept there when the table is given a new list that still has it)."""
    top: int
    height: int
    current: object | None = None


@dataclass(frozen=True)
class Window(Generic[RowT]):
    """What a table needs to show a list: the list, its length, the rows around the screen and where they start,
    where the cursor is and the list row at the top of the screen."""
    pages: Pages[RowT]
    total: int
    start: int
    rows: tuple[RowT, ...]
    cursor: int
    top: int


def margin(height: int) -> int:
    """How many rows a table holds beyond each edge of the screen: half a screen, so that moving or scrolling by a
    line never shows a placeholder, and a table holds at most two screens' worth."""
    return height // 2


def held_range(top: int, height: int, total: int) -> tuple[int, int]:
    """The list rows a table shows from `top` on a screen `height` rows high, with the margin either side."""
    return max(0, top - margin(height)), min(total, top + height + margin(height))


def read_window(pages: Pages[RowT], viewport: Viewport) -> Window[RowT]:
    """In a worker: count the list, find the cursor's record in it, and read the rows the table will show."""
    total = pages.count()
    found = pages.index_of(viewport.current) if viewport.current is not None and total else None
    cursor, top = (0, 0) if found is None else (found, viewport.top)
    if cursor < top:
        top = cursor
    elif cursor >= top + viewport.height:
        top = cursor - viewport.height + 1
    top = max(0, min(top, total - viewport.height))
    start, end = held_range(top, viewport.height, total)
    rows = tuple(pages.page(start, end - start, total)) if end > start else ()
    return Window(pages, total, start, rows, cursor, top)


class RowMessage(Message):
    """A message about one row of a RowTable."""

    def __init__(self, table: RowTable, row: object) -> None:
        super().__init__()
        self.table = table
        self.row = row

    @property
    def control(self) -> RowTable:
        return self.table


class RowTable(ScrollView, Generic[RowT], can_focus=True):
    """A table of store rows, with vim keys, that says which row is highlighted or chosen.

    Give it a list with `show(window)` (a `Window` made by `read_window` in a worker). Its columns are fitted to
    the pane: `fit()` chooses them for the width (setting `widths`, the cells of each column's text),
    `column_names()` heads them and `cells()` fills them from a record; long text is cut with an ellipsis, and the
    columns are fitted again when the pane is resized or rows wider than any before come into view.
    """

    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .row-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .row-table--placeholder {
            color: $text-disabled;
        }
    }
    """
    COMPONENT_CLASSES = {"row-table--header", "row-table--cursor", "row-table--placeholder"}

    BINDINGS = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("j", "cursor_down", "Down", show=False, id="pane.down"),
        Binding("k", "cursor_up", "Up", show=False, id="pane.up"),
        Binding("g", "first", "First", show=False, id="pane.first"),
        Binding("G", "last", "Last", show=False, id="pane.last"),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
        # A table never scrolls sideways: ScrollView's keys for it do nothing here (and, undescribed, Help
        # leaves them out).
        Binding("left,right,ctrl+pageup,ctrl+pagedown", "nothing", show=False),
    ]

    class Highlighted(RowMessage):
        """The cursor moved to a row (and the row has been read)."""

        def can_replace(self, message: Message) -> bool:
            # holding j: only the row the cursor stops on matters
            return isinstance(message, RowTable.Highlighted) and message.table is self.table

    class Chosen(RowMessage):
        """The user pressed enter on a row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pages: Pages[RowT] | None = None
        self.total = 0                       # rows in the list
        self.cursor_row = 0
        self.cursor_column = 0               # a table with a cell cursor moves it (see `cursor_cell`)
        self.widths: tuple[int, ...] = ()    # of each column's text; a column takes a cell of padding either side
        self._start = 0                      # the list row of records[0]
        self._rows: list[RowT] = []
        self._cursor_record: tuple[int, RowT] | None = None    # kept when the cursor's row leaves the window
        self._generation = 0                 # counts lists shown: a page read for an older list is dropped
        self._requested: tuple[int, int] | None = None
        self._highlight_pending = False      # the cursor is on a row not read yet: say so when it arrives
        self._fitted_width = -1
        self._widest: dict[str, int] = {}

    # -- what it holds -----------------------------------------------------------

    @property
    def records(self) -> list[RowT]:
        """The records the table holds: those on screen and the margin either side, not the whole list."""
        return self._rows

    @property
    def row_count(self) -> int:
        """Rows in the list (not all of them held)."""
        return self.total

    def record_at(self, index: int) -> RowT | None:
        """The record of list row `index`, if the table holds it."""
        if 0 <= index - self._start < len(self._rows):
            return self._rows[index - self._start]
        if self._cursor_record is not None and self._cursor_record[0] == index:
            return self._cursor_record[1]
        return None

    @property
    def current_record(self) -> RowT | None:
        return self.record_at(self.cursor_row) if self.total else None

    def viewport(self) -> Viewport:
        """Where the table stands, for `read_window` to read a new list around (before the first layout, the
        screen's height stands in for the table's)."""
        height = self.visible_rows() if self.size.height else self.app.size.height
        return Viewport(self.scroll_offset.y, max(height, 1), self.current_record)

    def visible_rows(self) -> int:
        """How many list rows fit on screen below the header."""
        return max(0, self.scrollable_content_region.height - 1)

    # -- the list ------------------------------------------------------------------

    def show(self, window: Window[RowT]) -> None:
        """Show a new list (or the same one read again): the cursor goes where `read_window` found its record."""
        self._generation += 1
        self.pages = window.pages
        self.total = window.total
        self._start, self._rows = window.start, list(window.rows)
        self._requested = None
        self._cursor_record = None
        self._widest.clear()
        self.cursor_row = min(window.cursor, max(self.total - 1, 0))
        self._refit()
        self.virtual_size = Size(self.scrollable_content_region.width, self.total + 1)
        self.scroll_to(y=window.top, animate=False)
        self._scroll_to_cursor()
        self.refresh()
        self._ensure_window()
        self._highlight_pending = False
        self._say_highlighted()

    def _ensure_window(self) -> None:
        """Drop the rows that left the margin, and read those coming into it."""
        if self.pages is None or not self.size.height:
            return
        height = self.visible_rows()
        top = self.scroll_offset.y
        low, high = held_range(top, height, self.total)
        self._keep(low, high)
        need_low, need_high = max(0, top - margin(height) // 2), min(self.total, top + height + margin(height) // 2)
        if need_high <= need_low or (self._start <= need_low and self._start + len(self._rows) >= need_high):
            return
        if self._requested != (low, high):
            self._requested = (low, high)
            self._read_page(self._generation, self.pages, low, high - low, self.total)

    def _keep(self, low: int, high: int) -> None:
        start = max(low, self._start)
        end = min(high, self._start + len(self._rows))
        if start >= end:
            self._start, self._rows = low, []
        elif (start, end) != (self._start, self._start + len(self._rows)):
            self._rows = self._rows[start - self._start:end - self._start]
            self._start = start

    @work(thread=True, exclusive=True, exit_on_error=False, group="row-table-page")
    def _read_page(self, generation: int, pages: Pages[RowT], start: int, limit: int, total: int) -> None:
        rows = list(pages.page(start, limit, total))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._page_read, generation, start, rows)

    def _page_read(self, generation: int, start: int, rows: list[RowT]) -> None:
        if generation != self._generation:
            return      # read for a list no longer shown
        self._requested = None
        end = self._start + len(self._rows)
        if self._rows and start <= end and start + len(rows) >= self._start:      # overlapping: joined up
            before = self._rows[:max(0, start - self._start)]
            after = self._rows[start + len(rows) - self._start:] if start + len(rows) < end else []
            self._start, self._rows = min(start, self._start), before + rows + after
        else:
            self._start, self._rows = start, rows
        self._remember_cursor()
        self.fit(self._fitted_width)      # columns sized to their content may grow
        self.refresh()
        self._ensure_window()
        if self._highlight_pending and self.current_record is not None:
            self._highlight_pending = False
            self._say_highlighted()

    def _remember_cursor(self) -> None:
        record = self.record_at(self.cursor_row) if 0 <= self.cursor_row - self._start < len(self._rows) else None
        if record is not None:
            self._cursor_record = (self.cursor_row, record)

    def _say_highlighted(self) -> None:
        self._remember_cursor()
        record = self.current_record
        if record is None:
            self._highlight_pending = self.total > 0
        else:
            self.post_message(self.Highlighted(self, record))

    # -- columns ------------------------------------------------------------------

    def fit(self, width: int) -> None:
        """Choose the columns, and how wide their text may be, for a pane `width` cells wide: set `widths`."""
        raise NotImplementedError

    def column_names(self) -> tuple[str, ...]:
        raise NotImplementedError

    def cells(self, row: RowT) -> tuple[Text, ...]:
        raise NotImplementedError

    def widest(self, key: str, width: int) -> int:
        """`width`, or the widest given for `key` since the list was shown: columns sized to their content grow as
        wider rows come into view, and never shrink back while the user scrolls."""
        width = max(width, self._widest.get(key, 0))
        self._widest[key] = width
        return width

    def _refit(self) -> None:
        self._fitted_width = self.scrollable_content_region.width
        self.fit(self._fitted_width)

    def cursor_cell(self) -> int | None:
        """The column of the cursor's cell among those shown; None: the cursor is the whole row."""
        return None

    # -- drawing -------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._fitted_width:
            self._refit()
        self.virtual_size = Size(self.scrollable_content_region.width, self.total + 1)
        self._scroll_to_cursor()
        self._ensure_window()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.scrollable_content_region.width != self._fitted_width:    # a scrollbar came or went
            self._refit()
            # every line drawn again at the new widths, not only those asked for now: the header and rows
            # Textual kept from before would otherwise stay at the old ones
            self.refresh()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width     # into a scrollbar's gutter while it has no scrollbar, as DataTable's lines
        index = self.scroll_offset.y + y - 1
        if y and index >= self.total:
            return Strip.blank(width, self.rich_style)
        # Not kept here: Textual keeps the lines on screen until they change, and a line is quick to draw again.
        # (Every Strip is some twenty objects; a cache of them costs every garbage collection more.)
        return self._render(index if y else None, y > 0 and index == self.cursor_row, width)

    def _render(self, index: int | None, cursor: bool, width: int) -> Strip:
        base = self.rich_style
        if index is None:
            texts = tuple(Text(name) for name in self.column_names())
            style = base + self.get_component_rich_style("row-table--header")
        else:
            record = self.record_at(index)
            if record is None:
                dim = self.get_component_rich_style("row-table--placeholder")
                texts = (Text(PLACEHOLDER, style=Style(color=dim.color)),)
            else:
                texts = self.cells(record)
            style = base
        line = Text(no_wrap=True, end="")
        spans = []
        for text, cells in zip(texts, self.widths):
            if text.cell_len > cells:
                text = text.copy()
                text.truncate(cells, overflow="ellipsis")
            room = cells - text.cell_len
            left = room if text.justify == "right" else room // 2 if text.justify == "center" else 0
            start = len(line)
            line.append(" " * (1 + left))
            line.append_text(text)
            line.append(" " * (room - left + 1))
            spans.append((start, len(line)))
        line.append(" " * max(0, width - line.cell_len))
        line.truncate(width)
        if cursor:      # under the cells' own styles, over the row's; its colour over all
            column = self.cursor_cell()
            start, end = (0, len(line)) if column is None or column >= len(spans) else spans[column]
            cursor_style = self.get_component_rich_style("row-table--cursor")
            line.stylize_before(cursor_style, start, end)
            line.stylize(Style(color=cursor_style.color), start, end)
        line.stylize_before(style)      # under everything (a Text's own base style is lost when it has no spans)
        return Strip(line.render(self.app.console), width)

    # -- the cursor ----------------------------------------------------------------

    def move_cursor(self, *, row: int | None = None, column: int | None = None, animate: bool = False,
                    scroll: bool = True) -> None:
        """Put the cursor on list row `row` (and column `column`, in a table with a cell cursor). It moves at once:
        `animate` is there for DataTable's signature."""
        if column is not None:
            self._move_column(column)
        if row is not None:
            self._move_row(row, scroll=scroll)

    def _move_column(self, column: int) -> None:
        pass

    def _move_row(self, row: int, *, scroll: bool = True) -> None:
        row = max(0, min(row, self.total - 1))
        if row == self.cursor_row or not self.total:
            return
        self.refresh_line(self.cursor_row + 1)
        self.cursor_row = row
        self.refresh_line(row + 1)
        if scroll:
            self._scroll_to_cursor()
        self._ensure_window()
        self._say_highlighted()

    def _scroll_to_cursor(self) -> None:
        height = self.visible_rows()
        if not height:
            return
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._ensure_window()

    def action_cursor_down(self) -> None:
        self._move_row(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self._move_row(self.cursor_row - 1)

    def action_first(self) -> None:
        self._move_row(0)

    def action_last(self) -> None:
        self._move_row(self.total - 1)

    def action_page_down(self) -> None:
        height = max(self.visible_rows(), 1)
        self.scroll_to(y=self.scroll_offset.y + height, animate=False)
        self._move_row(self.cursor_row + height)

    def action_page_up(self) -> None:
        height = max(self.visible_rows(), 1)
        self.scroll_to(y=self.scroll_offset.y - height, animate=False)
        self._move_row(self.cursor_row - height)

    def action_nothing(self) -> None:
        pass

    def action_select_cursor(self) -> None:
        record = self.current_record
        if record is not None:
            self.post_message(self.Chosen(self, record))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor there; a click on the cursor chooses it (as DataTable does)."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = self.scroll_offset.y + offset.y - 1
        if row >= self.total:
            return
        event.stop()
        column = self._column_at(offset.x)
        if row == self.cursor_row and (column is None or column == self.cursor_column):
            self.action_select_cursor()
        else:
            self.move_cursor(row=row, column=column)

    def _column_at(self, x: int) -> int | None:
        """The cursor column at `x` cells from the left, in a table with a cell cursor."""
        return None
