"""The `factdiff` command: headless subcommands go to store/, anything else opens the app."""
from __future__ import annotations

import argparse
import sys

from store.cli import HEADLESS_COMMANDS, build_parser, main as store_main


# What "factdiff --help" says beside the headless commands: how to open the app
APP_USAGE = """without a COMMAND, factdiff opens the app:
  factdiff               on the demo corpus
  factdiff PATH...       on these articles or folders (ingested first)
  factdiff --db FILE     on an existing store (so does 'factdiff FILE')
In the app, press ? for its keys."""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["-h"], ["--help"]):
        parser = build_parser()
        parser.usage = "factdiff [-h] COMMAND ...\n       factdiff [PATH... | --db FILE]"
        parser.epilog = APP_USAGE
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        parser.print_help()
        return 0
    if args and args[0] in HEADLESS_COMMANDS:
        return store_main(args)
    from .app import run_app   # imported only when the app is wanted: ingest stays fast

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
