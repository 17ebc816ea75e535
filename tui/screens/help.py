"""Help: every key binding, read from the bindings themselves (so it cannot drift from what the keys do)."""
from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

Section = tuple[str, list[Binding]]


def sections_here(active: dict[str, ActiveBinding]) -> list[Section]:
    """The bindings that apply where the focus was, grouped by the widget or screen that holds them."""
    groups: dict[str, list[Binding]] = {}
    for key, item in active.items():
        if item.binding.description and not item.binding.system:
            groups.setdefault(_node_title(item.node), []).append(replace(item.binding, key=key))
    return list(groups.items())


def _node_title(node: object) -> str:
    return getattr(node, "HELP_TITLE", None) or type(node).__name__


class HelpScreen(ModalScreen):
    HELP_TITLE = "Help"
    BINDINGS = [Binding("escape,q,question_mark,f1", "app.pop_screen", "Close help", id="help.close")]

    def __init__(self, here: list[Section], elsewhere: list[Section]) -> None:
        super().__init__()
        self.here = here
        self.elsewhere = elsewhere

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys  (escape closes)"
            yield Static(self._render_sections("Here", self.here), classes="help-here")
            yield Static(self._render_sections("Elsewhere", self.elsewhere), classes="help-elsewhere")

    def _render_sections(self, heading: str, sections: list[Section]) -> Content:
        lines: list = [(heading, "bold $text-accent underline"), "\n"]
        for title, bindings in sections:
            if not bindings:
                continue
            lines += ["\n", (title, "bold"), "\n"]
            merged: dict[str, list[str]] = {}
            for binding in bindings:
                keys = [self.app.get_key_display(replace(binding, key=k.strip(), key_display=None))
                        for k in binding.key.split(",")]
                merged.setdefault(binding.description, []).extend(keys)
            for description, keys in merged.items():
                lines += [(f"  {' '.join(dict.fromkeys(keys)):<16}", "bold $text-primary"), f" {description}\n"]
        return Content.assemble(*lines)
