"""The headless `factdiff` commands: ingest, export."""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys

from .db import StoreError, open_store

DEFAULT_DB = "factdiff.db"
EXIT_SKIPPED = 3       # some inputs were skipped (each named on stderr); everything else was stored
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factdiff", description="Line up what several outlets said about one story.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    ing = sub.add_parser("ingest", help="read articles (files, folders, JSON Lines, '-' for stdin) into a store")
    ing.add_argument("paths", nargs="+", metavar="PATH")
    ing.add_argument("--db", default=DEFAULT_DB, help=f"store file (default: {DEFAULT_DB})")
    ing.add_argument("--max-size", type=_megabytes, default=5.0, metavar="MB",
                     help="largest article (or JSON Lines record) to read, in MB (default 5)")
    ing.add_argument("-q", "--quiet", action="store_true", help="no per-file lines, only the summary")
    exp = sub.add_parser("export", help="write the store as JSON (see README: 'The export')")
    exp.add_argument("--db", default=DEFAULT_DB)
    exp.add_argument("--format", choices=["json"], default="json")
    exp.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    rep = sub.add_parser("report", help="write a fact-checker's memo: facts by coverage, disagreements, omissions")
    rep.add_argument("--db", default=DEFAULT_DB)
    rep.add_argument("--format", choices=["md", "json"], default="md")
    rep.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    return p


def _megabytes(value: str) -> float:
    try:
        mb = float(value)
    except ValueError:
        mb = 0.0
    if not 0 < mb < float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of MB")
    return mb


HEADLESS_COMMANDS = ("ingest", "export", "report")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "export":
            return _export(args)
        if args.command == "report":
            return _report(args)
    except StoreError as exc:
        print(f"factdiff: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        # e.g. a full disk or a lock held past the busy timeout: each source is written whole, so say so.
        print(f"factdiff: {args.db}: {exc} (what was stored is whole)", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        # Outside the per-source transactions (opening the store, printing): nothing half-written to report.
        print("factdiff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    build_parser().print_help()
    return 2


def _ingest(args) -> int:
    from .ingest import Progress, ingest, print_summary

    db = open_store(args.db)
    out = sys.stdout
    say = None if args.quiet else (lambda line: print(line, file=out, flush=False))
    progress = Progress(sys.stderr)
    report = ingest(db, args.paths, max_bytes=int(args.max_size * 1024 * 1024), echo=say, progress=progress)
    out.flush()
    print_summary(report)
    if report.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SKIPPED if report.skipped else 0


def _report(args) -> int:
    from .export import dumps
    from .ingest import finish_linking
    from .report import build_report, render_markdown

    db = open_store(args.db, create=False)
    finish_linking(db)
    report = build_report(db.conn)
    text = render_markdown(report) if args.format == "md" else dumps(report)
    _write_output(args.output, text + "\n")
    return 0


def _write_output(path: str, text: str) -> None:
    """Standard output, or a file written whole (a temporary file renamed into place)."""
    if path == "-":
        sys.stdout.write(text)
        return
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _export(args) -> int:
    from .export import write_export
    from .ingest import finish_linking

    db = open_store(args.db, create=False)
    finish_linking(db)
    if args.output == "-":
        write_export(db, sys.stdout)
    else:
        tmp = f"{args.output}.tmp{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as fh:
            write_export(db, fh)
        os.replace(tmp, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
