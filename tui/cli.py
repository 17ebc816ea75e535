"""The `factdiff` command: headless subcommands go to store/, anything else opens the app."""
from __future__ import annotations

import sys

from store.cli import HEADLESS_COMMANDS, main as store_main


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in HEADLESS_COMMANDS or args[:1] in (["-h"], ["--help"]):
        return store_main(args)
    from .app import run_app   # imported only when the app is wanted: ingest stays fast

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
