"""The command palette's provider: jump to any source, fact or entity by name."""
from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .text import flat

if TYPE_CHECKING:
    from .app import FactdiffApp

KIND_STYLES = {"source": "bold $text-primary", "fact": "bold $text-accent", "entity": "bold $text-success"}
# A name typed is more likely meant for the thing so named than for a fact that mentions it.
KIND_WEIGHTS = {"source": 1.0, "entity": 1.0, "fact": 0.8}


class StoreCommands(Provider):
    """Sources, facts and entities of the open store, each a command that goes there."""

    app: "FactdiffApp"

    async def startup(self) -> None:
        # The store is read in a thread: the palette opens at once and never waits on SQLite.
        self.items: list[tuple[str, int, str]] = await asyncio.to_thread(self._load)

    def _load(self) -> list[tuple[str, int, str]]:
        queries = self.app.queries
        return ([("source", s.id, f"#{s.number} {s.outlet} {s.title}".strip()) for s in queries.sources()]
                + [("fact", f.id, f.label) for f in queries.facts()]
                + [("entity", e.id, " / ".join((e.name, *e.aliases))) for e in queries.entities()])

    def _display(self, kind: str, text: str, offsets: tuple[int, ...] = ()) -> Content:
        # Built as Content from plain text: names from articles are never read as markup.
        body = Content(flat(text))
        for offset in offsets:
            if offset < len(body):
                body = body.stylize("bold underline", offset, offset + 1)
        return Content.assemble((f"{kind:<7}", KIND_STYLES[kind]), body)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for kind, item_id, text in self.items:
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                yield Hit(matcher.match(text) * KIND_WEIGHTS[kind], self._display(kind, text, offsets),
                          partial(self.app.go_to, kind, item_id), text=f"{kind} {text}",
                          help=f"Go to this {kind}")

    async def discover(self) -> Hits:
        for kind, item_id, text in self.items[:30]:
            yield DiscoveryHit(self._display(kind, text), partial(self.app.go_to, kind, item_id),
                               text=f"{kind} {text}")
