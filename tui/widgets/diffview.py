"""The compare screen's columns: one outlet's words for a fact, diffed against the reference claim."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from store.queries import ClaimRow, SourceRow

from ..text import content, diff_content, one_line


class ClaimColumn(VerticalScroll):
    """The claims one outlet made of a fact; its words marked against the reference."""

    is_reference: reactive[bool] = reactive(False)

    def __init__(self, source: SourceRow, claims: list[ClaimRow]) -> None:
        super().__init__(classes="claim-column")
        self.source = source
        self.claims = claims

    def compose(self) -> ComposeResult:
        for claim in self.claims:
            yield Static(self._meta(claim), classes="claim-meta")
            yield Static(content(claim.text), classes="claim-text")

    def on_mount(self) -> None:
        self.border_title = Content.assemble((f"#{self.source.number} ", "bold"), content(self.source.outlet))

    def watch_is_reference(self, is_reference: bool) -> None:
        self.set_class(is_reference, "-reference")
        self.border_subtitle = "reference" if is_reference else ""

    def show_diff(self, diffs: list[list[tuple[str, str]]]) -> None:
        """Draw each claim from its word-diff tokens (one list per claim, in order)."""
        for widget, tokens in zip(self.query(".claim-text").results(Static), diffs):
            widget.update(diff_content(tokens))

    @staticmethod
    def _meta(claim: ClaimRow) -> Content:
        parts: list = [(claim.kind, "italic $text-muted")]
        if claim.speaker:
            parts += [" · ", (one_line(claim.speaker), "bold $text-success")]
        if claim.hedges:
            parts += [" · ", ("hedged: " + one_line(", ".join(claim.hedges)), "italic $text-warning")]
        return Content.assemble(*parts)


class NotReportedColumn(Static):
    """A narrow column for an outlet that did not report the fact."""

    def __init__(self, source: SourceRow) -> None:
        super().__init__(Content.assemble((f"#{source.number} ", "bold"), content(one_line(source.outlet)),
                                          (" not reported", "italic")),
                         classes="not-reported")
        self.source = source
