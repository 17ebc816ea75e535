"""Bulk ingest: worker processes give the same store as one process, progress follows the input, and an
interrupted bulk ingest resumes without duplicates."""
from __future__ import annotations

import gzip
import json
import os
import sqlite3
from pathlib import Path

import pytest

import store.ingest
import store.link
from store.db import open_store
from store.export import build_export
from store.ingest import Progress, ingest
from store.readers import InputMeter, read_inputs

TOWNS = ["Ashford", "Brampton", "Carlow", "Dunmore", "Elgin", "Fenwick", "Garston", "Hexley"]


def _record(i: int) -> dict:
    """Stories of eight towns, each told by several outlets in their own words, a few days apart."""
    town = TOWNS[i % len(TOWNS)]
    outlet = ["Daily Ledger", "Evening Post", "Morning Star", "Coastal Times"][i // len(TOWNS) % 4]
    n = 10 + i % len(TOWNS)
    return {
        "title": f"Flooding in {town} forces {n * 10} families from their homes",
        "text": (f"Flooding in {town} forced at least {n * 10} families from their homes on Tuesday, the mayor,"
                 f" Maria Ostrova, said. \u201cWe are doing everything we can,\u201d Ostrova told reporters."
                 f" The {town} River rose {n} feet overnight, according to the National Weather Service."
                 f" {outlet} could not independently verify the figures."),
        "source": outlet, "date": f"2024-03-{1 + i % len(TOWNS):02d}", "url": f"https://example.com/{i}"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bulk") / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(96):
            fh.write(json.dumps(_record(i)) + "\n")
    return path


def _export(db_path: Path) -> dict:
    db = open_store(db_path)
    try:
        out = build_export(db)
    finally:
        db.conn.close()
    for source in out["sources"]:
        source.pop("ingested_at", None)
    return out


def test_worker_processes_give_the_same_store_as_one_process(corpus, tmp_path, monkeypatch):
    """Analysis in two worker processes, and relinking in them, store exactly what one process stores."""
    monkeypatch.setattr(store.link, "POOL_FROM", 10)     # this small corpus is linked in workers too
    monkeypatch.setattr(store.link, "TASK_SOURCES", 20)  # in several tasks
    pooled = []
    real_pool = store.link.worker_pool

    def counting_pool(workers):
        pooled.append(workers)
        return real_pool(workers)

    monkeypatch.setattr(store.link, "worker_pool", counting_pool)
    exports = []
    for workers in (1, 2):
        db = open_store(tmp_path / f"w{workers}.db")
        report = ingest(db, [str(corpus)], workers=workers)
        assert (report.added, report.skipped, report.interrupted) == (96, [], False)
        db.conn.close()
        exports.append(_export(tmp_path / f"w{workers}.db"))
    one, two = exports
    assert pooled    # the relink of the two-worker ingest did run in a pool
    assert len(one["claims"]) == len(two["claims"]) > 96 * 3
    assert one == two
    assert len(one["stories"]) >= 2
    assert any(len(f["claim_ids"]) >= 4 for f in one["facts"])    # outlets' claims were lined up


def test_progress_follows_a_jsonl_gz_as_it_is_read(tmp_path):
    """The share read moves with the compressed bytes consumed, not only when the file ends."""
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(2000):
            fh.write(json.dumps({"text": f"Report {i}: {os.urandom(64).hex()}.", "source": "Wire"}) + "\n")
    meter = InputMeter()
    seen = []
    for _ in read_inputs([str(path)], meter=meter):
        seen.append(meter.fraction)
    assert meter.total == path.stat().st_size
    assert len(seen) == 2000
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert seen[len(seen) // 2] == pytest.approx(0.5, abs=0.1)


class _Tty:
    def __init__(self):
        self.written = []

    def isatty(self):
        return True

    def write(self, s):
        self.written.append(s)

    def flush(self):
        pass


def test_progress_bar_shows_share_rate_and_time_left(corpus, tmp_path):
    out = _Tty()
    progress = Progress(out)
    progress.last = -1e9
    db = open_store(tmp_path / "p.db")
    ingest(db, [str(corpus)], progress=progress, workers=1)
    lines = [w for w in out.written if "articles" in w and "/s" in w]
    assert lines, out.written
    assert any("ETA" in line and "%" in line for line in lines)
    assert out.written[-1] == "\r\x1b[2K"      # the bar is cleared at the end


@pytest.mark.parametrize("pooled", [False, True])
def test_relink_says_what_it_is_doing_and_how_far_it_is(corpus, tmp_path, monkeypatch, pooled):
    """Relink is most of a big ingest's time: it names each step, and counts the stories' articles as their
    facts are lined up, in worker processes or not, up to all of them."""
    if pooled:
        monkeypatch.setattr(store.link, "POOL_FROM", 10)
    monkeypatch.setattr(store.link, "TASK_SOURCES", 20)     # several tasks: several counts
    db = open_store(tmp_path / "r.db")
    ingest(db, [str(corpus)], workers=1)
    said = []
    store.link.relink(db, workers=2 if pooled else 1, progress=lambda *report: said.append(report))
    steps = [what for what, _, _ in said]
    assert steps[0] == "linking: reading the articles' headlines and names"
    assert steps[1] == "linking: grouping 96 articles into stories"
    counted = [(done, total) for what, done, total in said if what.startswith("linking: the facts of")]
    assert len(counted) >= 4
    assert [done for done, _ in counted] == sorted(done for done, _ in counted)
    assert counted[0] == (0, 96) and counted[-1] == (96, 96)
    assert steps[-3:] == ["linking: writing entities", "linking: writing facts", "linking: indexing"]


def test_relink_progress_on_a_terminal_has_a_bar_and_time_left_within_80_columns(monkeypatch):
    out = _Tty()
    progress = Progress(out)
    clock = iter([100.0, 129.0, 170.0, 171.0])
    monkeypatch.setattr(store.ingest.time, "monotonic", lambda: next(clock))
    progress.phase("linking: the facts of 24,910 stories", 0, 37547)
    progress.phase("linking: the facts of 24,910 stories", 9000, 37547)
    progress.phase("linking: the facts of 24,910 stories", 37547, 37547)
    progress.phase("linking: writing entities")
    lines = [w.removeprefix("\r\x1b[2K") for w in out.written]
    assert lines[0] == "linking: the facts of 24,910 stories ░░░░░░░░░░░░░░░░░░░░   0%"
    # 9,000 of 37,547 in 29 s: 91.98 s to go at that rate
    assert lines[1] == "linking: the facts of 24,910 stories ████░░░░░░░░░░░░░░░░  24%  ETA 1:31"
    assert lines[2] == "linking: the facts of 24,910 stories ████████████████████ 100%"
    assert lines[3] == "linking: writing entities…"
    assert all(len(line) <= 80 for line in lines)


def test_an_interrupted_bulk_ingest_resumes_without_duplicates(corpus, tmp_path, monkeypatch):
    """Ctrl-C while workers analyse: whole sources stay, the store is consistent, and the same command
    run again stores the rest, each article once."""
    monkeypatch.setattr(store.ingest, "BATCH", 16)
    monkeypatch.setattr(store.ingest, "POOL_FROM", 8)
    written = []

    def interrupt_after_some(line: str) -> None:
        written.append(line)
        if len(written) == 40:
            raise KeyboardInterrupt

    path = tmp_path / "i.db"
    db = open_store(path)
    report = ingest(db, [str(corpus)], echo=interrupt_after_some, workers=2)
    assert report.interrupted
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert 0 < stored < 96
    # every stored source is whole: all its claims are there
    assert conn.execute("SELECT count(*) FROM sources s WHERE NOT EXISTS"
                        " (SELECT 1 FROM claims c WHERE c.source_id = s.id)").fetchone() == (0,)
    conn.close()

    again = ingest(db, [str(corpus)], workers=2)
    assert not again.interrupted
    assert (again.added, again.unchanged) == (96 - stored, stored)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM sources").fetchone() == (96, 96)
    assert conn.execute("SELECT value FROM meta WHERE key = 'dirty'").fetchone() == ("0",)
    fresh = open_store(tmp_path / "fresh.db")
    ingest(fresh, [str(corpus)], workers=1)
    fresh_claims = fresh.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == fresh_claims
    assert conn.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == fresh_claims
