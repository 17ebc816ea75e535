"""The factdiff app: which store to open, the screens, and the keys that work everywhere."""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen

from store.queries import Queries

from .commands import StoreCommands
from .config import ConfigError, keymap_path, load_keymap
from .screens.browse import BrowseScreen
from .screens.compare import CompareScreen
from .screens.coverage import CoverageScreen
from .screens.help import HelpScreen, sections_here
from .screens.ledger import LedgerScreen
from .screens.search import SearchScreen
from .screens.source import SourceScreen
from .screens.stories import StoriesList, StoriesScreen
from .stores import StoreError, demo_store, existing_store, is_store_file, paths_store
from .widgets.coverage import CoverageTable
from .widgets.diffview import ClaimColumn
from .widgets.ledger import LedgerList
from .widgets.panes import ClaimsList, EntitiesTable, FactsTable, SourcesTable

# The screens and widgets that declare bindings: help lists them, and a user keymap is checked against them.
BINDING_OWNERS = (BrowseScreen, SourcesTable, FactsTable, EntitiesTable, ClaimsList, CompareScreen, ClaimColumn,
                  SourceScreen, SearchScreen, StoriesScreen, StoriesList, LedgerScreen, LedgerList, CoverageScreen,
                  CoverageTable)


def binding_ids(*owners: type) -> set[str]:
    return {b.id for owner in owners for cls in owner.__mro__ for b in getattr(cls, "BINDINGS", ())
            if isinstance(b, Binding) and b.id}


class FactdiffApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "factdiff"
    HELP_TITLE = "Everywhere"
    COMMANDS = App.COMMANDS | {StoreCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
    ]

    def __init__(self, db_path: str | Path) -> None:
        super().__init__()
        self.queries = Queries(db_path)
        self.sub_title = Path(db_path).name
        self.keymap: dict[str, str] = {}    # the user's, by binding id

    def on_mount(self) -> None:
        self.load_user_keymap()

    def load_user_keymap(self) -> None:
        """Remap bindings from the user's keymap file; a file that cannot be used is ignored, with a notice."""
        path = keymap_path()
        try:
            keymap = load_keymap(path)
        except ConfigError as exc:
            self.notify(escape(str(exc)), title="Keymap ignored", severity="warning", timeout=10)
            return
        unknown = sorted(set(keymap) - binding_ids(FactdiffApp, HelpScreen, *BINDING_OWNERS))
        if unknown:
            self.notify(escape(f"{path}: no binding has the id {', '.join(unknown)}"), title="Keymap",
                        severity="warning", timeout=10)
        self.keymap = keymap
        self.set_keymap(keymap)

    def get_default_screen(self) -> Screen:
        return BrowseScreen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Search", "Fuzzy search facts, claims, entities and sources", self.action_search)
        yield SystemCommand("Help", "Every key binding", self.action_help)
        yield SystemCommand("Browse", "Back to the sources, facts and entities", self.show_browse)
        yield SystemCommand("Stories", "Browse one story, or all of them",
                            lambda: self.show_browse().action_stories())
        yield SystemCommand("Ledger", "Every disagreement's figures, outlet by outlet, on one scale",
                            lambda: self.show_browse().action_ledger())
        yield SystemCommand("Coverage", "Which outlet reported, hedged, disputed or left out each fact",
                            lambda: self.show_browse().action_coverage())

    def report_error(self, error: BaseException | None) -> None:
        """Where every failed worker ends up: one notification, the app keeps running."""
        self.notify(escape(f"{type(error).__name__}: {error}"), title="Something went wrong", severity="error")

    # -- going places --------------------------------------------------------

    def show_browse(self) -> BrowseScreen:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, BrowseScreen):
            self.pop_screen()
        return self.screen_stack[0]

    def open_compare(self, fact_id: int) -> None:
        self.push_screen(CompareScreen(fact_id))

    def open_source(self, source_id: int, claim_id: int | None = None) -> None:
        self.push_screen(SourceScreen(source_id, claim_id))

    def go_to(self, kind: str, item_id: int, source_id: int = 0) -> None:
        """Show a search or palette hit: a fact compared, a source or claim in its article, an entity's facts."""
        if kind == "fact":
            self.open_compare(item_id)
        elif kind == "source":
            self.open_source(item_id)
        elif kind == "claim":
            self.open_source(source_id, item_id)
        elif kind == "entity":
            self.show_browse().filter_by_entity(item_id)

    # -- actions -------------------------------------------------------------

    def action_search(self) -> None:
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        here = sections_here(self.screen.active_bindings)
        shown = {title for title, _ in here}
        elsewhere = [(cls.HELP_TITLE, [replace(b, key=self.keymap.get(b.id, b.key)) for b in cls.BINDINGS])
                     for cls in BINDING_OWNERS if cls.HELP_TITLE not in shown]
        self.push_screen(HelpScreen(here, elsewhere))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="factdiff", description="Open the app: on the demo corpus, on articles, or on a store.",
        epilog="Headless commands: 'factdiff ingest', 'factdiff export' and 'factdiff report' (see 'factdiff --help').")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="articles or folders to ingest and open; or one store to open, as with --db")
    p.add_argument("--db", metavar="FILE", help="open an existing store")
    return p


def run_app(args: list[str]) -> int:
    parser = build_parser()
    ns = parser.parse_args(args)
    if ns.db and ns.paths:
        parser.error("give either PATHs or --db, not both")
    if len(ns.paths) == 1 and is_store_file(ns.paths[0]):
        # "factdiff news.db": the store is opened, not read as an article
        ns.db, ns.paths = ns.paths[0], []
    try:
        if ns.db:
            path = existing_store(ns.db)
        elif ns.paths:
            path = paths_store(ns.paths)
        else:
            path = demo_store()
    except StoreError as exc:
        print(f"factdiff: {exc}", file=sys.stderr)
        return 1
    FactdiffApp(path).run()
    return 0
