"""The app's reads (store.queries) while another process ingests into the same store: WAL and the busy timeout
keep both going, and what was ingested shows on the next read."""
from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import store.db
import store.ingest
from store.cli import main
from store.db import SCHEMA_VERSION, StoreError, open_store
from store.queries import Queries
from tui.app import FactdiffApp
from tui.widgets.panes import SourcesTable

ROOT = Path(__file__).resolve().parent.parent
N_FILES = 40


def _article(i: int) -> str:
    return (f"---\noutlet: Outlet {i % 5}\n---\n"
            f"Police said {i + 3} people were killed in the flood in Kelbrook on Tuesday.\n\n"
            f"Mayor Lena Ostrova said {i % 9 + 2} rescue teams reached the village before dawn.\n")


def _read_everything(q: Queries) -> int:
    """What the app does on a refresh and as the user moves around; returns how many sources it saw."""
    sources = q.sources()
    for s in sources[:3]:
        q.source(s.id)
        q.source_text(s.id)
        q.facts(source_id=s.id)
    for f in q.facts()[:5]:
        q.fact(f.id)
        for c in q.claims_of_fact(f.id)[:2]:
            q.claim(c.id)
            q.fact_of_claim(c.id)
    for e in q.entities()[:3]:
        q.entity(e.id)
        q.facts(entity_id=e.id)
    q.search("ostrova")
    return len(sources)


def test_reads_while_another_process_ingests(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(N_FILES):
        (folder / f"{i:02d}.md").write_text(_article(i), encoding="utf-8")
    db = tmp_path / "s.db"
    files = sorted(folder.iterdir())
    assert main(["ingest", str(files[0]), "--db", str(db), "-q"]) == 0

    # One ingest per file: each writes a source, then recomputes entities and facts for the whole store.
    code = ("import sys\nfrom store.cli import main\n"
            "for path in sys.argv[2:]:\n"
            "    code = main(['ingest', path, '--db', sys.argv[1], '-q'])\n"
            "    if code:\n"
            "        sys.exit(code)\n")
    writer = subprocess.Popen([sys.executable, "-c", code, str(db), *map(str, files[1:])],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    errors: list[BaseException] = []
    seen: list[int] = []

    def reader() -> None:
        q = Queries(db)
        try:
            while writer.poll() is None:
                seen.append(_read_everything(q))
        except BaseException as exc:   # collected: an error in this thread must fail the test
            errors.append(exc)
        finally:
            q.close()

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    _, err = writer.communicate(timeout=120)
    for t in threads:
        t.join(timeout=30)
    assert writer.returncode == 0, err
    assert "Traceback" not in err
    assert not errors, errors
    assert len(seen) > 5 and min(seen) >= 1
    assert max(seen) > min(seen)                     # the reads saw sources arrive
    q = Queries(db)
    assert _read_everything(q) == N_FILES             # a fresh read shows every source
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT value FROM meta WHERE key = 'dirty'").fetchone() == ("0",)


def test_two_ingests_of_the_same_files_at_once(tmp_path):
    """Content one process stored while the other was analysing it counts as unchanged, not as an error."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(N_FILES):
        (folder / f"{i:02d}.md").write_text(_article(i), encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(folder / "00.md"), "--db", str(db), "-q"]) == 0
    procs = [subprocess.Popen([sys.executable, "-m", "store.cli", "ingest", str(folder), "--db", str(db), "-q"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0 and "Traceback" not in err, err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM sources").fetchone() == (N_FILES, N_FILES)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_content_stored_by_another_process_meanwhile_counts_as_unchanged(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(_article(1), encoding="utf-8")
    db = open_store(tmp_path / "s.db")
    assert store.ingest.ingest(db, [str(tmp_path / "a.md")]).added == 1
    # As if the other process wrote it between this one's look-up and its write.
    monkeypatch.setattr(store.ingest, "find_source", lambda db, article, digest: ("new", None))
    report = store.ingest.ingest(db, [str(tmp_path / "a.md")])
    assert (report.added, report.unchanged, report.skipped) == (0, 1, [])
    assert db.execute("SELECT count(*) FROM sources").fetchone() == (1,)


def test_two_processes_opening_a_new_store_at_once(tmp_path):
    """Creating the store is one transaction under the write lock: the second process finds it made."""
    db = tmp_path / "s.db"
    code = "import sys\nfrom store.db import open_store\nopen_store(sys.argv[1]).conn.close()\n"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'claims_au'").fetchone() == (1,)


def _hold_write_lock(db: Path, seconds: float) -> threading.Thread:
    """Another writer on a new file still in the rollback journal, as a process is while switching it to WAL:
    SQLite refuses the switch at once rather than wait, whatever the busy timeout."""
    holding = threading.Event()

    def hold():
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        holding.set()
        time.sleep(seconds)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait()
    return thread


def test_opening_a_new_store_waits_while_another_process_makes_it(tmp_path):
    db = tmp_path / "s.db"
    holder = _hold_write_lock(db, 0.3)
    start = time.monotonic()
    open_store(db).conn.close()
    assert time.monotonic() - start >= 0.25
    holder.join()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)


def test_a_store_locked_for_longer_than_the_busy_timeout_gives_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setattr(store.db, "BUSY_TIMEOUT", 0.2)
    db = tmp_path / "s.db"
    holder = _hold_write_lock(db, 1.0)
    with pytest.raises(StoreError, match=r"s\.db: cannot open as a store \(database is locked\)$"):
        open_store(db)
    holder.join()
    open_store(db).conn.close()     # free again: made as usual


async def test_the_app_browses_while_another_process_ingests(tmp_path):
    """Keys pressed while sources arrive: no errors on either side; the store opened again shows them all."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.md").write_text(_article(i), encoding="utf-8")
    db = tmp_path / "s.db"
    files = sorted(folder.iterdir())
    assert main(["ingest", str(files[0]), "--db", str(db), "-q"]) == 0
    code = ("import sys\nfrom store.cli import main\n"
            "for path in sys.argv[2:]:\n"
            "    main(['ingest', path, '--db', sys.argv[1], '-q'])\n")
    writer = await asyncio.create_subprocess_exec(sys.executable, "-c", code, str(db), *map(str, files[1:]),
                                                  cwd=ROOT, stderr=asyncio.subprocess.PIPE)
    app = FactdiffApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        while writer.returncode is None:
            await pilot.press("j", "tab", "k", "tab", "tab")
            await app.workers.wait_for_complete()
            try:
                await asyncio.wait_for(writer.wait(), 0.05)
            except TimeoutError:
                pass
        err = (await writer.stderr.read()).decode()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert writer.returncode == 0 and "Traceback" not in err, err
        assert app.is_running
        assert not [n for n in app._notifications if n.severity == "error"]
    app = FactdiffApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.query_one(SourcesTable).row_count == 12
