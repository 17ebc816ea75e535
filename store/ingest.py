"""Ingesting articles into the store: read, analyse (in worker processes), write whole sources, relink.

One process reads the inputs, checks which are new, and writes; the analysis, the slow part, runs in a
pool of worker processes when there are many articles. Sources are written in batches, each batch one
transaction of whole sources, so an interrupted run leaves whole sources or none, and running the same
command again finishes the job (what is stored is recognised by its content hash and skipped).
"""
from __future__ import annotations

import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, TextIO

import sqlite_utils

from .analyze import analyze_article
from .db import (SourceRows, compact, content_hash, find_source, get_meta, printable, source_rows,
                 write_sources)
from .link import relink
from .model import Article, ReadError
from .readers import DEFAULT_MAX_BYTES, InputMeter, read_inputs
from .workers import default_workers, worker_pool

BATCH = 64          # articles analysed and written together; one transaction per batch
POOL_FROM = 24      # a pool of workers is started once this many articles are waiting to be analysed
IN_FLIGHT = 3       # batches handed to the workers ahead of the writer


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0


class Progress:
    """A one-line progress bar on a terminal: how much is read, articles stored, rate and time left."""

    def __init__(self, out: TextIO):
        self.out, self.start, self.last = out, time.monotonic(), 0.0
        self.enabled = out.isatty()
        self.meter: InputMeter | None = None
        self.phase_text, self.phase_start = "", 0.0

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and not force):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-6)
        rate = done / elapsed
        frac = self.meter.fraction if self.meter else None
        if frac:
            bar = "█" * int(frac * 30) + "░" * (30 - int(frac * 30))
            eta = elapsed * (1 - frac) / frac
            line = f"\r{bar} {frac:4.0%}  {done} articles  {rate:.0f}/s  ETA {int(eta // 60)}:{int(eta % 60):02d} "
        else:
            line = f"\r{done} articles  {rate:.0f}/s "
        self.out.write(line)
        self.out.flush()

    def phase(self, text: str, done: int = 0, total: int = 0) -> None:
        """Say what the run is doing now that is not reading articles ("linking: grouping 37,547 articles into
        stories"), with a bar, share and time left when it counts `done` of `total`."""
        if not self.enabled:
            return
        now = time.monotonic()
        if text != self.phase_text:
            self.phase_text, self.phase_start = text, now
        elif now - self.last < 0.1 and done < total:
            return
        self.last = now
        line = f"{text}…"
        if total:
            frac = min(done / total, 1.0)
            cells = int(frac * 20)
            line = f"{text} {'█' * cells}{'░' * (20 - cells)} {frac:4.0%}"
            if frac >= 0.01 and done < total:
                eta = (now - self.phase_start) * (1 - frac) / frac
                line += f"  ETA {int(eta // 60)}:{int(eta % 60):02d}"
        self.out.write(f"\r\x1b[2K{line}")
        self.out.flush()

    def close(self) -> None:
        if self.enabled:
            self.out.write("\r\x1b[2K")
            self.out.flush()


def finish_linking(db: sqlite_utils.Database) -> None:
    """Relink a store an interrupted ingest left unlinked (marked dirty), showing its progress on stderr."""
    if get_meta(db, "dirty") != "1":
        return
    progress = Progress(sys.stderr)
    try:
        relink(db, progress=progress.phase)
    finally:
        progress.close()


# -- the analysis, in whichever process runs it -----------------------------------

def analyse_for_store(article: Article) -> SourceRows | str:
    """An article's analysis as the rows the store holds, or why it could not be analysed."""
    try:
        analysis, acronyms = analyze_article(article)
    except RecursionError:
        return "text too deeply nested to analyse"
    except Exception as exc:  # an analyser bug on one article must not stop the batch
        return f"could not be analysed ({type(exc).__name__}: {exc}); please report it"
    return source_rows(analysis, acronyms)


def _analyse_batch(articles: list[Article]) -> list[SourceRows | str]:
    return [analyse_for_store(a) for a in articles]


# -- the run ---------------------------------------------------------------------

@dataclass
class _Todo:
    article: Article
    digest: str
    status: str          # "new" | "changed"
    replaces: int | None


def ingest(db: sqlite_utils.Database, paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
           echo: Callable[[str], None] | None = None, progress: Progress | None = None,
           workers: int | None = None) -> IngestReport:
    """Ingest files, folders, JSON Lines or '-' (stdin); one input's failure never stops the others."""
    report = IngestReport()
    started = time.monotonic()
    say = echo or (lambda line: None)
    workers = default_workers() if workers is None else workers
    meter = InputMeter()
    if progress:
        progress.meter = meter
    run = _Run(db, report, say, progress)
    pool = None
    try:
        inflight: deque = deque()
        for todo in _batches(run, read_inputs(paths, max_bytes=max_bytes, meter=meter)):
            if pool is None and workers > 1 and len(todo) >= POOL_FROM:
                pool = worker_pool(workers)
            if pool is None:
                run.write(todo, _analyse_batch([t.article for t in todo]))
                continue
            chunk = max(1, len(todo) // (2 * workers))
            inflight.append((todo, pool.map_async(_analyse_batch, _chunks([t.article for t in todo], chunk))))
            while len(inflight) >= IN_FLIGHT:
                _write_when_ready(run, *inflight.popleft())
        while inflight:
            _write_when_ready(run, *inflight.popleft())
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        if progress:
            progress.update(run.done, force=True)
    if not report.interrupted and (report.added or report.replaced):
        try:
            relink(db, workers=workers, progress=progress.phase if progress else None)
        except KeyboardInterrupt:
            report.interrupted = True   # the store stays marked dirty; the next run relinks it
    if not report.interrupted and _bulk(db, report):
        try:
            if progress:
                progress.phase("compacting the store")
            began = time.perf_counter()
            compact(db.conn)
            if os.environ.get("FACTDIFF_TIMING"):
                print(f"compact {time.perf_counter() - began:.1f}s", file=sys.stderr, flush=True)
        except KeyboardInterrupt:
            report.interrupted = True   # the store is whole, only not compacted
    if progress:
        progress.close()
    report.seconds = time.monotonic() - started
    return report


COMPACT_SHARE = 0.25       # a run that adds or replaces this share of the store's sources compacts it


def _bulk(db: sqlite_utils.Database, report: IngestReport) -> bool:
    """Whether this run wrote enough of the store for compacting it to pay: a bulk ingest leaves about 5 % of it
    slack (store.db.compact), while compacting a big store (14 s at 37,547 articles) for a few new articles
    would not pay."""
    written = report.added + report.replaced
    (total,) = db.conn.execute("SELECT count(*) FROM sources").fetchone()
    return written > 0 and written >= COMPACT_SHARE * total


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _write_when_ready(run: _Run, todo: list[_Todo], pending) -> None:
    results = [r for chunk in pending.get() for r in chunk]
    run.write(todo, results)


def _batches(run: _Run, items: Iterator[Article | ReadError]) -> Iterator[list[_Todo]]:
    """The articles still to analyse, BATCH at a time; what cannot be read or is stored already is said here."""
    todo: list[_Todo] = []
    for item in items:
        if isinstance(item, ReadError):
            run.skip(item.path, item.reason)
            continue
        digest = content_hash(item)
        status, old = find_source(run.db, item, digest)
        if status == "same":
            run.report.unchanged += 1
            run.done += 1
            run.say(f"unchanged  {printable(item.path)}")
            continue
        todo.append(_Todo(item, digest, status, old))
        if len(todo) >= BATCH:
            yield todo
            todo = []
        if run.progress:
            run.progress.update(run.done)
    if todo:
        yield todo


class _Run:
    """What one ingest has done so far, and the writing of analysed batches."""

    def __init__(self, db: sqlite_utils.Database, report: IngestReport, say: Callable[[str], None],
                 progress: Progress | None):
        self.db, self.report, self.say, self.progress = db, report, say, progress
        self.done = 0

    def skip(self, path: str, reason: str) -> None:
        self.report.skipped.append((path, reason))
        self.done += 1
        self.say(f"skipped    {printable(path)}: {printable(reason)}")

    def write(self, todo: list[_Todo], results: list[SourceRows | str]) -> None:
        ready: list[tuple[_Todo, SourceRows]] = []
        for t, rows in zip(todo, results):
            if isinstance(rows, str):
                self.skip(t.article.path, rows)
            else:
                ready.append((t, rows))
        stored = write_sources(self.db, [(t.article, rows, t.digest, t.replaces) for t, rows in ready])
        for (t, rows), ok in zip(ready, stored):
            article = t.article
            self.done += 1
            if not ok:
                self.report.unchanged += 1   # another ingest into this store stored the same content meanwhile
                self.say(f"unchanged  {printable(article.path)}")
                continue
            if t.status == "changed":
                self.report.replaced += 1
                verb = "replaced "
            else:
                self.report.added += 1
                verb = "added    "
            outlet = f"  [{printable(article.outlet)}]" if article.outlet else ""
            warn = f"  (warning: {printable(article.warning)})" if article.warning else ""
            self.say(f"{verb}  {printable(article.path)}{outlet}  {len(rows.claims)} claims, "
                     f"{len(rows.mentions)} mentions{warn}")
        if self.progress:
            self.progress.update(self.done)


def print_summary(report: IngestReport, out: TextIO | None = None) -> None:
    out = out or sys.stderr
    parts = [f"{report.added} added", f"{report.replaced} replaced", f"{report.unchanged} unchanged",
             f"{len(report.skipped)} skipped"]
    tail = " (interrupted: run the same command again to finish)" if report.interrupted else ""
    rate = ""
    stored = report.added + report.replaced
    if stored >= 100 and report.seconds > 0:
        rate = f" ({stored / report.seconds:.0f} articles/s)"
    out.write(f"factdiff: {', '.join(parts)} in {report.seconds:.2f}s{rate}{tail}\n")
