"""An article's stored text as wrapped rows drawn only when on screen, its claims and entity mentions marked.

However long the article, this is one widget: the rows are offsets into the text, laid out in a worker for
the width, and each is turned into a styled line when it scrolls into view (Textual's Line API).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from rich.cells import cell_len
from textual import work
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from store.queries import SourceText, TextSpan

from ..text import flat

CLAIM_STYLE = "on $primary-muted"
CURRENT_STYLE = "bold $text-accent on $accent-muted"
MENTION_STYLE = "underline"
FURNITURE_STYLE = "dim italic"
LABEL_STYLE = "italic $text-muted"
GUTTER = ("▌ ", "$warning-muted")    # before each row of a paragraph that is page furniture

_WORD = re.compile(r"\S+\s*|\s+")


class Row(NamedTuple):
    start: int                  # offsets into the article's text of what the row shows
    end: int
    note: str = ""              # "‹kinds, not reporting›", on a row of its own above a paragraph with furniture
    furniture: bool = False     # the row's paragraph is all page furniture: it is set behind a gutter

    @property
    def blank(self) -> bool:
        return self.start == self.end and not self.note


class Spans:
    """Spans sorted by start, and those overlapping a range found without scanning them all."""

    def __init__(self, spans: tuple[TextSpan, ...]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[TextSpan]:
        # A span that reaches `start` begins no more than `longest` before it.
        lo, hi = bisect_left(self.starts, start - self.longest), bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.end > start]


@lru_cache(maxsize=8)
def _rows_of(width: int) -> re.Pattern[str]:
    # Up to `width` characters that end before a space (the spaces go with them), else `width` of a long word.
    return re.compile(rf".{{1,{width}}}(?:\s+|$)|.{{{width}}}")


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Rows of at most `width` cells for text[start:end]: broken at spaces, inside a word only when the word
    is longer than a row. Trailing spaces may overhang (they are cut when drawn)."""
    width = max(width, 1)
    rows = [m.span() for m in _rows_of(width).finditer(text, start, end)]
    if text[start:end].isascii() or all(cell_len(text[a:b].rstrip()) <= width for a, b in rows):
        return rows
    return _wrap_cells(text, start, end, width)


def _wrap_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """`wrap` counting cells, for text with wide characters (a CJK character takes two)."""
    rows, row_start, used = [], start, 0
    for match in _WORD.finditer(text, start, end):
        word = match.group().rstrip()
        need = cell_len(word)
        if used and used + need > width:
            rows.append((row_start, match.start()))
            row_start, used = match.start(), 0
        if need > width:
            for i, char in enumerate(word, match.start()):
                if used and used + cell_len(char) > width:
                    rows.append((row_start, i))
                    row_start, used = i, 0
                used += cell_len(char)
            used += len(match.group()) - len(word)
        else:
            used += cell_len(match.group())
    rows.append((row_start, end))
    return rows


def layout(text: str, shown: str, furniture: Spans, width: int) -> list[Row]:
    """The article's rows at `width` cells: each paragraph (non-blank line) wrapped, a blank row between
    paragraphs, a note above a paragraph with furniture, and a paragraph that is all furniture set behind a
    gutter. `shown` is `text` as displayed."""
    rows: list[Row] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        if rows:
            rows.append(Row(start, start))
        spans = furniture.overlapping(start, end)
        whole = any(f.start <= start and end <= f.end for f in spans)
        if spans:
            kinds = ", ".join(dict.fromkeys(f.kind for f in spans))
            rows.append(Row(start, start, f"‹{kinds}, not reporting{'' if whole else ': the dimmed words'}›", whole))
        text_width = width - len(GUTTER[0]) if whole else width
        rows += [Row(a, b, furniture=whole) for a, b in wrap(shown, start, end, text_width)]
    return rows


class ArticleView(ScrollView):
    """The article's text; `current` is the index of the claim the reader is on (-1 for none)."""

    current: reactive[int] = reactive(-1, init=False)

    def __init__(self, source: SourceText, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.shown = flat(source.text)      # same length as the text: the store's offsets still hold
        self.claims = Spans(source.claims)
        self.mentions = Spans(source.mentions)
        self.furniture = Spans(source.furniture)
        self.rows: list[Row] = []
        self._row_starts: list[int] = []
        self._width = -1                    # the width the rows are laid out for, or are being
        self._strips: LRUCache[int, Strip] = LRUCache(1024)

    # -- layout ----------------------------------------------------------------

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width and width > 0:
            self._width = width
            self.lay_out(width)

    @work(thread=True, exclusive=True, exit_on_error=False, group="article-layout")
    def lay_out(self, width: int) -> None:
        rows = layout(self.source.text, self.shown, self.furniture, width)
        self.app.call_from_thread(self._show_rows, rows, width)

    def _show_rows(self, rows: list[Row], width: int) -> None:
        if width != self._width:
            return   # resized since: a newer layout is on its way
        # Keep the reader's place: the text at the top stays at the top (or the current claim, at first).
        top = self.rows[min(self.scroll_offset.y, len(self.rows) - 1)].start if self.rows else None
        self.rows = rows
        self._row_starts = [row.start for row in rows]
        self._strips.clear()
        self.virtual_size = Size(width, len(rows))
        self.refresh()
        if top is not None:
            self.scroll_to(y=self.row_of(top), animate=False)
        elif self.current >= 0:
            self._scroll_to_current()

    def row_of(self, offset: int) -> int:
        """The row showing the character at `offset` of the text."""
        return max(0, bisect_right(self._row_starts, offset) - 1)

    # -- the current claim -----------------------------------------------------

    def watch_current(self) -> None:
        self._strips.clear()
        self.refresh()
        if self.rows and self.current >= 0:
            self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        row = self.row_of(self.source.claims[self.current].start)
        self.scroll_to(y=max(0, row - self.scrollable_content_region.height // 2), animate=False)

    # -- drawing ---------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()     # the theme changed: styled rows are drawn again

    def row_content(self, index: int) -> Content:
        """Row `index` as styled text: claims highlighted, the current one emphasised, mentions underlined,
        furniture dimmed."""
        row = self.rows[index]
        if row.note:
            return Content.assemble(GUTTER if row.furniture else "", (row.note, LABEL_STYLE))
        start, end = row.start, row.end
        body = Content(self.shown[start:end])
        current = self.source.claims[self.current] if self.current >= 0 else None
        for spans, style_of in ((self.claims, lambda s: CURRENT_STYLE if s is current else CLAIM_STYLE),
                                (self.mentions, lambda s: MENTION_STYLE),
                                (self.furniture, lambda s: FURNITURE_STYLE)):
            for span in spans.overlapping(start, end):
                body = body.stylize(style_of(span), max(span.start, start) - start, min(span.end, end) - start)
        return Content.assemble(GUTTER, body) if row.furniture else body

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self.rows) or self.rows[index].blank:
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            strips = Visual.to_strips(self, self.row_content(index), width, 1, self.visual_style, pad=True)
            strip = self._strips[index] = strips[0] if strips else Strip.blank(width, self.rich_style)
        return strip
