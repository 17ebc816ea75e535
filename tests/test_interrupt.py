"""Killing `factdiff ingest` part way (SIGKILL, SIGINT) leaves a sound store of whole sources, and running
the same command again finishes the job without duplicates."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.analyze import analyze_article
from store.cli import EXIT_INTERRUPTED, main
from store.db import get_meta, open_store
from store.export import build_export
from store.readers import read_file, read_inputs

ROOT = Path(__file__).resolve().parent.parent
N_ARTICLES = 300
TOWNS = ["Kelbrook", "Aren", "Dunmore", "Halvik", "Pereth", "Oskarby"]


def _article(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (f"---\noutlet: Outlet {i % 7}\ntitle: Flood in {town}, report {i}\n---\n"
            f"Police said {i + 3} people were killed when the river burst its banks in {town} on Tuesday.\n\n"
            f"Mayor Lena Ostrova said rescue teams reached {town} before dawn.\n\n"
            f"\u201cWe are doing everything we can,\u201d Ostrova told reporters, adding that {i % 40 + 2} homes"
            f" had been lost.\n")


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(N_ARTICLES):
        (folder / f"{i:03d}.md").write_text(_article(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def expected(articles) -> dict[str, tuple[int, int]]:
    """Per file: how many claims and mentions a whole source of it holds."""
    out = {}
    for path in sorted(articles.iterdir()):
        (article,) = read_file(str(path))
        analysis, _ = analyze_article(article)
        out[str(path)] = (len(analysis.claims), len(analysis.mentions))
    return out


def _sources(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:   # not created yet
        return 0


def _ingest_and_stop(folder: Path, db: Path, sig: signal.Signals, after_sources: int) -> subprocess.CompletedProcess:
    proc = subprocess.Popen([sys.executable, "-m", "store.cli", "ingest", str(folder), "--db", str(db), "-q"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while _sources(db) < after_sources and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _check_whole(db: Path, expected: dict[str, tuple[int, int]]) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute(
            "SELECT s.path, (SELECT count(*) FROM claims c WHERE c.source_id = s.id),"
            " (SELECT count(*) FROM mentions m WHERE m.source_id = s.id) FROM sources s").fetchall()
        for path, n_claims, n_mentions in rows:
            assert (n_claims, n_mentions) == expected[path], path
        for query in ("SELECT count(*) FROM fact_claims WHERE claim_id NOT IN (SELECT id FROM claims)",
                      "SELECT count(*) FROM fact_claims WHERE fact_id NOT IN (SELECT id FROM facts)",
                      "SELECT count(*) FROM figures WHERE claim_id NOT IN (SELECT id FROM claims)",
                      ("SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL"
                       " AND entity_id NOT IN (SELECT id FROM entities)"),
                      ("SELECT count(*) FROM facts f WHERE n_claims != (SELECT count(*) FROM fact_claims fc"
                       " WHERE fc.fact_id = f.id)")):
            assert conn.execute(query).fetchone() == (0,), query
        return len(rows)
    finally:
        conn.close()


def _finish_and_check(inputs: list[str], db: Path, expected: dict[str, tuple[int, int]]) -> None:
    # An unfinished relink is finished by whoever opens the store next (here the export).
    store = open_store(db)
    build_export(store)
    assert get_meta(store, "dirty") == "0"
    store.conn.close()
    _check_whole(db, expected)
    assert main(["ingest", *inputs, "--db", str(db), "-q"]) == 0
    n = len(list(read_inputs(inputs)))
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT path) FROM sources"
                        ).fetchone() == (n, n, n)
    assert conn.execute("SELECT value FROM meta WHERE key = 'dirty'").fetchone() == ("0",)
    assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] > 0
    conn.close()
    _check_whole(db, expected)


def test_sigkill_mid_ingest_leaves_whole_sources_and_a_rerun_finishes(articles, expected, tmp_path):
    db = tmp_path / "s.db"
    r = _ingest_and_stop(articles, db, signal.SIGKILL, after_sources=40)
    assert r.returncode == -signal.SIGKILL
    stored = _check_whole(db, expected)
    assert 0 < stored < N_ARTICLES
    _finish_and_check([str(articles)], db, expected)


def test_sigint_mid_ingest_exits_130_with_whole_sources_and_a_rerun_finishes(articles, expected, tmp_path):
    db = tmp_path / "s.db"
    r = _ingest_and_stop(articles, db, signal.SIGINT, after_sources=40)
    assert r.returncode == EXIT_INTERRUPTED, r.stderr
    assert "Traceback" not in r.stderr
    assert "interrupted" in r.stderr and "run the same command again" in r.stderr
    stored = _check_whole(db, expected)
    assert 0 < stored < N_ARTICLES
    _finish_and_check([str(articles)], db, expected)


def test_sigkill_before_relink_leaves_the_store_dirty_and_it_is_relinked(articles, expected, tmp_path):
    """Sources are stored whole before the cross-article step; killed before it ends, the store is marked dirty."""
    db = tmp_path / "s.db"
    files = [str(p) for p in sorted(articles.iterdir())[:30]]
    assert main(["ingest", *files[:10], "--db", str(db), "-q"]) == 0
    code = ("import os, signal, sys\n"
            "import store.ingest\n"
            "store.ingest.relink = lambda db, **_: os.kill(os.getpid(), signal.SIGKILL)\n"
            "from store.cli import main\n"
            "sys.exit(main(['ingest', *sys.argv[2:], '--db', sys.argv[1], '-q']))\n")
    r = subprocess.run([sys.executable, "-c", code, str(db), *files], cwd=ROOT, capture_output=True, text=True,
                       timeout=60, check=False)
    assert r.returncode == -signal.SIGKILL
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'dirty'").fetchone() == ("1",)
    conn.close()
    assert _check_whole(db, expected) == 30
    _finish_and_check(files, db, expected)
