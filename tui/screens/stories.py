"""The story picker: every story, biggest first; choosing one scopes Browse to it, "All stories" clears that."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.queries import StoryRow

from ..text import content, one_line
from ..widgets.footer import Footer
from .base import FactdiffScreen


class StoriesList(OptionList):
    HELP_TITLE = "Stories"
    BINDINGS = [Binding("j", "cursor_down", "Down", show=False, id="stories.down"),
                Binding("k", "cursor_up", "Up", show=False, id="stories.up"),
                Binding("enter", "select", "Choose", id="stories.choose")]


class StoriesScreen(FactdiffScreen, ModalScreen[StoryRow | None]):
    """Returns the story chosen, None for all stories; escape returns the scope it was opened with."""

    HELP_TITLE = "Stories"
    BINDINGS = [Binding("escape", "close", "Close", id="stories.close")]

    def __init__(self, current: StoryRow | None) -> None:
        super().__init__()
        self.current = current
        self.stories: list[StoryRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="stories-box") as box:
            box.border_title = "Stories"
            yield StoriesList(id="stories")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#stories").focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stories-load")
    def load(self) -> None:
        self.app.call_from_thread(self._show, self.queries.stories())

    def _show(self, stories: list[StoryRow]) -> None:
        self.stories = stories
        options = self.query_one("#stories", StoriesList)
        options.set_options([Option(Content.styled("All stories", "bold")), *(
            Option(Content.assemble(content(one_line(s.label), "bold"),
                                    (f"\n{s.n_sources} sources · {s.first_published or 'undated'}", "$text-muted")))
            for s in stories)])
        options.highlighted = stories.index(self.current) + 1 if self.current in stories else 0

    @on(OptionList.OptionSelected, "#stories")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.stories[event.option_index - 1] if event.option_index else None)

    def action_close(self) -> None:
        self.dismiss(self.current)
