"""Search: as-you-type fuzzy search over facts, claims, entities and sources; `enter` jumps to the hit."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.queries import SearchHit

from ..text import content, flat, one_line
from ..widgets.footer import Footer
from .base import FactdiffScreen

KIND_STYLES = {"entity": "bold $text-success", "source": "bold $text-primary", "fact": "bold $text-accent",
               "claim": "bold $text-secondary"}
SNIPPET = 60   # characters of a long claim shown around the match
SEARCH_DELAY = 0.15   # seconds of no typing before a search runs: fast typing runs one query, not one a key
SLOW_SEARCH = 0.2    # seconds a search may take before the screen says it is searching (the first of a big store)


def hit_prompt(hit: SearchHit) -> Content:
    """A result: its kind, its text with the matched words underlined (long text cut around them), and where."""
    label = flat(hit.label)
    start, end = hit.match
    cut = max(0, min(start - 20, len(label) - SNIPPET)) if len(label) > SNIPPET else 0
    shown = label[cut:cut + SNIPPET]
    body = content(shown)
    if end > start:
        body = body.stylize("bold underline", max(0, start - cut), min(len(shown), end - cut))
    prefix = "…" if cut else ""
    suffix = "…" if cut + SNIPPET < len(label) else ""
    where = one_line(hit.where) + (f"  ·  story: {one_line(hit.story)}" if hit.story else "")
    return Content.assemble((f"{hit.kind:<7}", KIND_STYLES[hit.kind]), prefix, body, suffix,
                            ("\n       " + where, "$text-muted"))


class SearchScreen(FactdiffScreen):
    HELP_TITLE = "Search"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search.back"),
        Binding("down", "move(1)", "Next result", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.up"),
        Binding("enter", "jump", "Jump there", priority=True, id="search.jump"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self._pending: Timer | None = None
        self._slow: Timer | None = None     # says "Searching…" when a search takes a while

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search facts, claims, entities, sources — typos are fine", id="query")
        yield Static(id="search-status")
        yield OptionList(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#query").focus()
        # the first search of a big store reads its indexed words (seconds): read them while the query is typed
        self.run_worker(self.queries.prepare_search, thread=True, group="search-prepare", exit_on_error=False)

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(SEARCH_DELAY, lambda: self._start_search(event.value))

    def _start_search(self, query: str) -> None:
        if self._slow is not None:
            self._slow.stop()
        if query.strip():
            self._slow = self.set_timer(SLOW_SEARCH, lambda: self.query_one("#search-status", Static).update(
                "Searching…"))
        self.run_search(query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str) -> None:
        searched, hits = self.queries.search_respelt(query)
        self.app.call_from_thread(self._show_hits, query, hits, searched)

    def _show_hits(self, query: str, hits: list[SearchHit], searched: str) -> None:
        if query != self.query_one("#query", Input).value:
            return   # typed on since: a newer search is on its way
        if self._slow is not None:
            self._slow.stop()
        self.hits = hits
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options([Option(hit_prompt(hit)) for hit in hits])
        if hits:
            results.highlighted = 0
        status = Content(f"{len(hits)} results" if hits else "No match") if query.strip() else Content()
        if query.strip() and searched != query.strip():
            # a word spelt by its sound was searched as the store's word: say so ("elecshun" → "election")
            status = Content.assemble(status, " for ", (one_line(searched), "bold"))
        self.query_one("#search-status", Static).update(status)

    def action_move(self, step: int) -> None:
        results = self.query_one("#results", OptionList)
        if self.hits:
            current = results.highlighted if results.highlighted is not None else -step
            results.highlighted = (current + step) % len(self.hits)

    @on(OptionList.OptionSelected, "#results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_jump()

    def action_jump(self) -> None:
        index = self.query_one("#results", OptionList).highlighted
        if index is None or not self.hits:
            return
        hit = self.hits[index]
        self.app.pop_screen()
        self.app.go_to(hit.kind, hit.id, hit.source_id)
