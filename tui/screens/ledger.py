"""Ledger: every disagreement's figures side by side on one scale; `enter` opens the article at a figure's claim."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, OptionList, Static

from store.queries import MAX_ROWS, DisagreementRow, StoryRow

from ..text import content, one_line
from ..widgets.footer import Footer
from ..widgets.ledger import APART_STYLE, LedgerList
from .base import FactdiffScreen


class LedgerScreen(FactdiffScreen):
    HELP_TITLE = "Ledger"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="ledger.back")]

    def __init__(self, story: StoryRow | None) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="ledger-title")
        yield LedgerList(id="ledger")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#ledger").focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="ledger-load")
    def load(self) -> None:
        rows = self.queries.disagreements(self.story.id if self.story else None)
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[DisagreementRow]) -> None:
        self.query_one("#ledger", LedgerList).show(rows)
        count = f"first {len(rows)}" if len(rows) >= MAX_ROWS else str(len(rows))
        where = [" in ", content(one_line(self.story.label), "italic")] if self.story else []
        legend = [("≠", APART_STYLE), " out of reach of another outlet   ├━┤ range   ┃ one value   ◀ ▶ open end"]
        self.query_one("#ledger-title", Static).update(Content.assemble(
            ("Disagreements", "bold"), f" · {count}", *where, "\n",
            *(legend if rows else ["No figures of one quantity differ between outlets."])))

    @on(OptionList.OptionSelected, "#ledger")
    def _open_value(self, event: OptionList.OptionSelected) -> None:
        value = self.query_one("#ledger", LedgerList).values[event.option_index]
        if value is not None:
            self.app.open_source(value.source_id, value.claim_id)
