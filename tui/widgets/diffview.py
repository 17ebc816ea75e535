"""The compare screen's columns: one outlet's words for a fact, diffed against the reference claim."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from store.queries import ClaimRow, SourceRow

from ..text import content, diff_content, one_line


class ClaimColumn(VerticalScroll):
    """The claims one outlet made of a fact; its words marked against the reference. When the outlet made
    several, `j`/`k` choose one (the one `o` opens)."""

    HELP_TITLE = "Compare column"
    BINDINGS = [Binding("j", "step(1)", "Outlet's next claim", show=False, id="compare.next_claim"),
                Binding("k", "step(-1)", "Outlet's previous claim", show=False, id="compare.previous_claim")]

    is_reference: reactive[bool] = reactive(False)
    current: reactive[int] = reactive(0, init=False)

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
        self.watch_current(self.current)

    @property
    def current_claim(self) -> ClaimRow:
        return self.claims[self.current]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return len(self.claims) > 1 if action == "step" else True

    def action_step(self, step: int) -> None:
        self.current = (self.current + step) % len(self.claims)

    def watch_current(self, current: int) -> None:
        if len(self.claims) > 1:
            texts = list(self.query(".claim-text"))
            for i, widget in enumerate(texts):
                widget.set_class(i == current, "-current")
            self.scroll_to_widget(texts[current], animate=False)

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
