"""Textual's Footer, composed again only when the keys it shows change, and without the removed keys it keeps alive.

Textual's Footer composes its keys anew (a dozen widgets) whenever a screen's bindings may have changed: at
every focus move, and every `refresh_bindings()`. Most of the time they are the same keys, and the old ones are
garbage for the collector: about two in five of the objects it freed while the app was used (opening and
closing Compare, Source, Search, Ledger, Coverage), each collection a pause of the app.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


def drop_closed_watchers(node: DOMNode) -> None:
    """Forget the watchers of `node`'s reactives that belong to widgets since removed.

    Textual (8.2) forgets them only when the reactive next changes, and some never change: the Footer's
    `compact`, which each key it composes watches, and the app's `title`, which each screen's Header watches.
    Until then each watcher keeps a removed widget alive, with all it holds.
    """
    for watchers in getattr(node, "__watchers", {}).values():
        watchers[:] = [(owner, callback) for owner, callback in watchers if not getattr(owner, "_closing", False)]


class Footer(TextualFooter):
    _shown: tuple = ()      # the keys composed last

    def bindings_changed(self, screen: Screen) -> None:
        shown = self._keys(screen)
        if self._bindings_ready and shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown     # what Textual's Footer is about to compose
        super().bindings_changed(screen)

    def _keys(self, screen: Screen) -> tuple:
        """What `compose` shows of the screen's bindings."""
        active = screen.active_bindings
        return (*((b.binding, b.enabled, b.tooltip) for b in active.values() if b.binding.show),
                active.get(self.app.COMMAND_PALETTE_BINDING))

    def compose(self) -> ComposeResult:
        drop_closed_watchers(self)      # the keys of the last composition, removed by now
        yield from super().compose()
