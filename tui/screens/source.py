"""Source view: one article as stored, its claims highlighted, `n`/`p` to step from claim to claim."""
from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.widgets import Header, Static

from store.queries import ClaimRow, SourceText

from ..text import content, one_line
from ..widgets.article import ArticleView
from ..widgets.footer import Footer
from .base import FactdiffScreen


class SourceScreen(FactdiffScreen):
    HELP_TITLE = "Source"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="source.back"),
        # `p` is left out of the footer (help lists it) so that at 80 columns the footer keeps every other key.
        Binding("n", "step(1)", "Next claim", id="source.next_claim"),
        Binding("p", "step(-1)", "Previous claim", show=False, id="source.previous_claim"),
        Binding("c", "compare", "Compare", id="source.compare"),
        Binding("j", "scroll(1)", "Down", show=False, id="source.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="source.up"),
    ]

    def __init__(self, source_id: int, claim_id: int | None = None) -> None:
        super().__init__()
        self.source_id = source_id
        self.claim_id = claim_id
        self.article: ArticleView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="source-title")
        yield Container(id="article-box")
        yield Static(id="claim-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="source-load")
    def load(self) -> None:
        self.app.call_from_thread(self._show, self.queries.source_text(self.source_id))

    async def _show(self, source: SourceText | None) -> None:
        if source is None:
            self.app.notify("That source is no longer in the store.", severity="warning")
            self.app.pop_screen()
            return
        row = source.source
        self.query_one("#source-title", Static).update(Content.assemble(
            (f"#{row.number} ", "bold"), content(one_line(row.outlet), "bold"), "  ",
            content(one_line(row.title or "(untitled)")), ("  " + one_line(row.published), "$text-muted"),
            (f"  ·  {len(source.claims)} claims", "$text-muted")))
        self.article = ArticleView(source, id="article")
        await self.query_one("#article-box").mount(self.article)
        self.article.focus()
        ids = [c.ref for c in source.claims]
        if self.claim_id in ids:
            self.article.current = ids.index(self.claim_id)
            self.show_claim(self.claim_id)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("step", "compare") and (self.article is None or not self.article.source.claims):
            return None
        if action == "compare" and self.article.current < 0:
            return None
        return True

    def action_step(self, step: int) -> None:
        article = self.article
        n = len(article.source.claims)
        article.current = (article.current + step) % n if article.current >= 0 else (0 if step > 0 else n - 1)
        self.show_claim(article.source.claims[article.current].ref)
        self.refresh_bindings()

    def action_scroll(self, lines: int) -> None:
        if self.article is not None:
            self.article.scroll_relative(y=lines, animate=False)

    def action_compare(self) -> None:
        self._compare(self.article.source.claims[self.article.current].ref)

    @work(thread=True, exclusive=True, exit_on_error=False, group="source-compare")
    def _compare(self, claim_id: int) -> None:
        fact_id = self.queries.fact_of_claim(claim_id)
        if fact_id is None:
            self.app.call_from_thread(self.app.notify, "This claim is in no fact.")
        else:
            self.app.call_from_thread(self.app.open_compare, fact_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="source-claim")
    def show_claim(self, claim_id: int) -> None:
        claim = self.queries.claim(claim_id)
        if claim is not None:
            self.app.call_from_thread(self._show_status, claim)

    def _show_status(self, claim: ClaimRow) -> None:
        article = self.article
        parts: list = [(f"Claim {article.current + 1} of {len(article.source.claims)}", "bold"), "  ", claim.kind]
        if claim.speaker:
            parts += ["  ·  speaker ", content(one_line(claim.speaker), "bold $text-success")]
        if claim.figures:
            parts += ["  ·  figures ", content(one_line(", ".join(f.text for f in claim.figures)), "$text-accent")]
        if claim.hedges:
            parts += ["  ·  hedged ", content(one_line(", ".join(claim.hedges)), "italic $text-warning")]
        self.query_one("#claim-status", Static).update(Content.assemble(*parts))
