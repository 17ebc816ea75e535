"""Ingesting articles into the store: read, analyse, write each source whole, then relink the store."""
from __future__ import annotations

import sqlite3
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, TextIO

import sqlite_utils

from .analyze import analyze_article
from .db import content_hash, find_source, write_source
from .link import relink
from .model import Article, ReadError
from .readers import DEFAULT_MAX_BYTES, read_inputs


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0


def _safe(s: str) -> str:
    """A path or reason printed on one line, with control characters made visible."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in s)


class Progress:
    """A one-line progress bar on a terminal: done/total, rate and time left."""

    def __init__(self, out: TextIO, total: int | None):
        self.out, self.total, self.start, self.last = out, total, time.monotonic(), 0.0
        self.enabled = out.isatty()

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and not force):
            return
        self.last = now
        rate = done / max(now - self.start, 1e-6)
        if self.total:
            frac = min(1.0, done / self.total)
            bar = "█" * int(frac * 30) + "░" * (30 - int(frac * 30))
            eta = (self.total - done) / rate if rate else 0
            line = f"\r{bar} {done}/{self.total}  {rate:.0f}/s  ETA {int(eta // 60)}:{int(eta % 60):02d} "
        else:
            line = f"\r{done} read  {rate:.0f}/s "
        self.out.write(line)
        self.out.flush()

    def close(self) -> None:
        if self.enabled:
            self.out.write("\r\x1b[2K")
            self.out.flush()


def ingest(db: sqlite_utils.Database, paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
           echo: Callable[[str], None] | None = None, progress: Progress | None = None) -> IngestReport:
    """Ingest files, folders, JSON Lines or '-' (stdin); one input's failure never stops the others."""
    report = IngestReport()
    started = time.monotonic()
    done = 0
    say = echo or (lambda line: None)
    try:
        for item in read_inputs(paths, max_bytes=max_bytes):
            done += 1
            if progress:
                progress.update(done)
            if isinstance(item, ReadError):
                _skip(report, say, item.path, item.reason)
                continue
            _ingest_one(db, item, report, say)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        if progress:
            progress.close()
    if not report.interrupted and (report.added or report.replaced):
        try:
            relink(db)
        except KeyboardInterrupt:
            report.interrupted = True   # the store stays marked dirty; the next run relinks it
    report.seconds = time.monotonic() - started
    return report


def _skip(report: IngestReport, say: Callable[[str], None], path: str, reason: str) -> None:
    report.skipped.append((path, reason))
    say(f"skipped    {_safe(path)}: {_safe(reason)}")


def _ingest_one(db: sqlite_utils.Database, article: Article, report: IngestReport,
                say: Callable[[str], None]) -> None:
    digest = content_hash(article)
    status, old = find_source(db, article, digest)
    if status == "same":
        report.unchanged += 1
        say(f"unchanged  {_safe(article.path)}")
        return
    try:
        analysis, acronyms = analyze_article(article)
    except RecursionError:
        _skip(report, say, article.path, "text too deeply nested to analyse")
        return
    except Exception as exc:  # an analyser bug on one article must not stop the batch
        _skip(report, say, article.path, f"could not be analysed ({type(exc).__name__}: {exc}); please report it")
        return
    try:
        write_source(db, article, analysis, acronyms, digest, replaces=old)
    except sqlite3.IntegrityError as exc:
        if "sources.content_hash" not in str(exc):
            raise
        report.unchanged += 1   # another ingest into this store stored the same content meanwhile
        say(f"unchanged  {_safe(article.path)}")
        return
    if status == "changed":
        report.replaced += 1
        verb = "replaced "
    else:
        report.added += 1
        verb = "added    "
    outlet = f"  [{_safe(article.outlet)}]" if article.outlet else ""
    warn = f"  (warning: {_safe(article.warning)})" if article.warning else ""
    say(f"{verb}  {_safe(article.path)}{outlet}  {len(analysis.claims)} claims, {len(analysis.mentions)} mentions{warn}")


def print_summary(report: IngestReport, out: TextIO | None = None) -> None:
    out = out or sys.stderr
    parts = [f"{report.added} added", f"{report.replaced} replaced", f"{report.unchanged} unchanged",
             f"{len(report.skipped)} skipped"]
    tail = " (interrupted: run the same command again to finish)" if report.interrupted else ""
    out.write(f"factdiff: {', '.join(parts)} in {report.seconds:.2f}s{tail}\n")
