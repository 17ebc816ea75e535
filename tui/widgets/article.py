"""An article's stored text, one widget per paragraph, with its claims and entity mentions marked."""
from __future__ import annotations

from bisect import bisect_right

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from store.queries import SourceText, TextSpan

from ..text import visible

CLAIM_STYLE = "on $primary-muted"
CURRENT_STYLE = "bold $text-accent on $accent-muted"
MENTION_STYLE = "underline"
FURNITURE_STYLE = "dim italic"


def _overlapping(spans: tuple[TextSpan, ...], start: int, end: int) -> list[TextSpan]:
    return [s for s in spans if s.start < end and start < s.end]


class ArticleView(VerticalScroll):
    """The article's text; `current` is the index of the claim the reader is on (-1 for none)."""

    current: reactive[int] = reactive(-1, init=False)

    def __init__(self, source: SourceText, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        text = source.text
        self.paragraphs: list[tuple[int, int]] = []
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                self.paragraphs.append((offset, offset + len(line)))
            offset += len(line) + 1
        self._starts = [a for a, _ in self.paragraphs]

    def compose(self) -> ComposeResult:
        for i in range(len(self.paragraphs)):
            yield Static(self._render_paragraph(i), classes=self._paragraph_classes(i))

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def watch_current(self, old: int, new: int) -> None:
        statics = list(self.query(Static).results(Static))
        claims = self.source.claims
        for index in {old, new} - {-1}:
            claim = claims[index]
            for p in range(self.paragraph_of(claim.start), self.paragraph_of(max(claim.start, claim.end - 1)) + 1):
                statics[p].update(self._render_paragraph(p))
        if new >= 0:
            self.scroll_to_center(statics[self.paragraph_of(claims[new].start)], animate=False)

    def _paragraph_classes(self, index: int) -> str:
        start, end = self.paragraphs[index]
        furniture = _overlapping(self.source.furniture, start, end)
        whole = any(f.start <= start and end <= f.end for f in furniture)
        return "paragraph -furniture" if whole else "paragraph"

    def _render_paragraph(self, index: int) -> Content:
        start, end = self.paragraphs[index]
        body = Content(visible(self.source.text[start:end]))
        current = self.source.claims[self.current] if self.current >= 0 else None
        for claim in _overlapping(self.source.claims, start, end):
            style = CURRENT_STYLE if claim is current else CLAIM_STYLE
            body = body.stylize(style, max(claim.start, start) - start, min(claim.end, end) - start)
        for mention in _overlapping(self.source.mentions, start, end):
            body = body.stylize(MENTION_STYLE, max(mention.start, start) - start, min(mention.end, end) - start)
        furniture = _overlapping(self.source.furniture, start, end)
        for f in furniture:
            body = body.stylize(FURNITURE_STYLE, max(f.start, start) - start, min(f.end, end) - start)
        if furniture:
            kinds = ", ".join(dict.fromkeys(f.kind for f in furniture))
            body = Content.assemble((f"‹{kinds}, not reporting› ", "italic $text-muted"), body)
        return body
