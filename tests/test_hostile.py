"""Hostile input (issue 6): each kind of bad file is ingested or skipped with a one-line reason, never a
traceback, and what the store held before is left as it was. Also: stores that are old, foreign or not
stores at all, and hostile text shown by the app."""
from __future__ import annotations

import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import store.db
from store.cli import EXIT_SKIPPED, main
from store.db import SCHEMA_VERSION, StoreError, open_store
from tui.app import FactdiffApp

ROOT = Path(__file__).resolve().parent.parent

# The store's earlier data: a story unlike any below, so that new sources cannot regroup its facts.
EARLIER = {
    "rail.md": "---\noutlet: Rail Weekly\n---\nTrain drivers began a 48-hour strike on Monday, union leader"
               " Mick Dorsey said.\n“We had no choice,” Dorsey told reporters in Leeds.\n",
    "rail2.md": "---\noutlet: City Post\n---\nUnion leader Mick Dorsey said train drivers would strike for"
                " 48 hours from Monday.\nNetwork Rail said 300 services were cancelled.\n",
}

BODY = "Police said 12 people were killed in the flood on Tuesday. Governor Jane Smith visited the town.\n"
ESCAPES = ("Police said [bold]12[/bold] people [@click=app.quit]died[/] [link=https://evil.example]here[/link]."
           " \x1b[2J\x1b[H\x1b[31mred\x1b[0m \x1b]52;c;aGVsbG8=\x07 \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
           " Officials said \u202eevil\u202c and \u2066isolated\u2069 text.\n")

HTML_PAGE = """<!doctype html><html><head><title>Flood kills 12</title>
<style>.x { color: red } STYLESECRET</style><script>var SCRIPTSECRET = "Police said 99 died.";</script></head>
<body><nav><a href="/">NAVSECRET Home</a> <a href="/news">News</a></nav>
<article><h1>Flood kills 12</h1>
<p>Police said 12 people were killed in the flood on Tuesday, officials confirmed to reporters.</p>
<p>Governor Jane Smith said rescue teams reached the village before dawn on Wednesday.</p></article>
<footer>FOOTERSECRET Copyright 2024 Example News. All rights reserved.</footer></body></html>"""

JSON_LINES = "\n".join([
    json.dumps({"text": BODY, "outlet": "Wire"}),
    '{"text": "Police said", ',
    json.dumps({"title": "A record without text"}),
    "[1, 2]",
    '"just a string"',
    "",
    json.dumps({"maintext": "Officials said 40 homes lost power on Monday.", "source_domain": "b.example"}),
    '{"text": "Half a surrogate pair \\ud800 in a report, police said on Friday.", "title": "\\udfff"}',
]) + "\n"


def _kinds() -> dict[str, tuple[dict[str, bytes], dict[str, str]]]:
    """Per kind: the files to write, and per input path (relative) its outcome: 'added' or a reason."""
    nopunct = " ".join(["police", "flood", "river", "Smith", "people", "killed", "rescue", "teams"][i % 8]
                       for i in range(40_000)) + "\n"
    return {
        "binary": ({"image.txt": bytes(range(256)) * 16, "nul.txt": b"Police said\x00 12 people\x00 died.\x00" * 40},
                   {"image.txt": "binary file", "nul.txt": "binary file (NUL bytes)"}),
        "empty": ({"empty.txt": b"", "blank.md": b"  \n\t\n   \r\n"},
                  {"empty.txt": "empty file", "blank.md": "empty file"}),
        "encodings": ({"latin1.txt": "Le ministre a déclaré à Genève que 12 élèves étaient blessés.\n".encode("latin-1"),
                       "cp1252.txt": "Officials said “12 people” died – the mayor’s office confirmed.\n".encode("cp1252"),
                       "utf16le.txt": BODY.replace("Tuesday", "Tuesday in Kyiv").encode("utf-16"),
                       "utf16be.txt": _utf16_be_with_bom(BODY.replace("Tuesday", "Tuesday in Zürich"))},
                      {"latin1.txt": "added", "cp1252.txt": "added", "utf16le.txt": "added", "utf16be.txt": "added"}),
        "long line": ({"line.txt": nopunct.encode()}, {"line.txt": "added"}),
        "too large": ({"big.txt": (BODY * 12_000).encode()},   # 1.1 MB with --max-size 1
                      {"big.txt": "larger than the 1 MB limit (raise it with --max-size)"}),
        "html": ({"page.html": HTML_PAGE.encode()}, {"page.html": "added"}),
        "json lines": ({"feed.jsonl": JSON_LINES.encode()},
                       {"feed.jsonl#1": "added", "feed.jsonl#2": "not valid JSON",
                        "feed.jsonl#3": "record has no text", "feed.jsonl#4": "record is not a JSON object",
                        "feed.jsonl#5": "record is not a JSON object", "feed.jsonl#7": "added",
                        "feed.jsonl#8": "added"}),
        "front matter": ({"fm.md": ("---\noutlet: X\nthis line: has: [no closing\n" + BODY).encode()},
                         {"fm.md": "added"}),
        "file names": ({"with space [1] ünïcode ä.txt": BODY.replace("12", "13").encode(),
                        "new\nline.txt": BODY.replace("12", "14").encode(),
                        NOT_UTF8_NAME: BODY.replace("12", "15").encode()},
                       {"with space [1] ünïcode ä.txt": "added", "new\nline.txt": "added", NOT_UTF8_NAME: "added"}),
        "markup and escapes": ({"escapes.txt": ESCAPES.encode()}, {"escapes.txt": "added"}),
    }


NOT_UTF8_NAME = os.fsdecode(b"caf\xe9 latin-1.txt")


def _utf16_be_with_bom(text: str) -> bytes:
    return b"\xfe\xff" + text.encode("utf-16-be")


def _snapshot(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        claims = conn.execute('SELECT id, source_id, start, "end", text, kind, speaker FROM claims ORDER BY id').fetchall()
        groups = {frozenset(r[0] for r in conn.execute("SELECT claim_id FROM fact_claims WHERE fact_id = ?", (fid,)))
                  for (fid,) in conn.execute("SELECT id FROM facts")}
        return {
            "sources": conn.execute("SELECT id, path, content_hash, outlet, title, text FROM sources ORDER BY id").fetchall(),
            "claims": claims,
            "figures": conn.execute('SELECT claim_id, start, "end", low, high FROM figures ORDER BY id').fetchall(),
            "mentions": conn.execute('SELECT source_id, start, "end", name FROM mentions'
                                     ' ORDER BY source_id, seq').fetchall(),
            "entities": set(conn.execute("SELECT name, type FROM entities").fetchall()),
            "facts": groups,
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        }
    finally:
        conn.close()


def assert_earlier_data_intact(before: dict[str, object], after: dict[str, object]) -> None:
    n = len(before["sources"])
    assert after["integrity"] == "ok"
    assert after["sources"][:n] == before["sources"]
    old_claims = {c[0] for c in before["claims"]}
    assert [c for c in after["claims"] if c[0] in old_claims] == before["claims"]
    assert [f for f in after["figures"] if f[0] in old_claims] == before["figures"]
    old_sources = {s[0] for s in before["sources"]}
    assert [m for m in after["mentions"] if m[0] in old_sources] == before["mentions"]
    assert before["entities"] <= after["entities"]
    # Facts are recomputed after each ingest; the earlier claims must still be grouped as they were.
    assert {g & old_claims for g in after["facts"]} - {frozenset()} == before["facts"]


@pytest.fixture(scope="module")
def earlier_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("earlier")
    for name, text in EARLIER.items():
        (root / name).write_text(text, encoding="utf-8")
    db = root / "earlier.db"
    assert main(["ingest", str(root), "--db", str(db), "-q"]) == 0
    return db


@pytest.fixture
def db(earlier_store, tmp_path) -> Path:
    """A copy of the store holding the earlier data."""
    copy = tmp_path / "store.db"
    src, dst = sqlite3.connect(earlier_store), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def _escaped(path: str) -> str:
    """A path as ingest prints it: on one line, control characters and undecodable bytes made visible."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in path)


@pytest.mark.parametrize("kind", list(_kinds()))
def test_each_kind_of_bad_input(kind, db, tmp_path, capsys):
    files, outcomes = _kinds()[kind]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    before = _snapshot(db)
    capsys.readouterr()
    t = time.perf_counter()
    code = main(["ingest", *sorted(str(folder / n) for n in files), "--db", str(db), "--max-size", "1"])
    elapsed = time.perf_counter() - t
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == len(outcomes), out
    for rel, outcome in outcomes.items():
        name = _escaped(str(folder / rel))
        (line,) = [l for l in lines if re.match(rf"\w+ +{re.escape(name)}(:|  |$)", l)]
        if outcome == "added":
            assert line.startswith("added "), line
        else:
            assert line.startswith("skipped ") and f"{name}: {outcome}" in line, line
    skipped = any(o != "added" for o in outcomes.values())
    assert code == (EXIT_SKIPPED if skipped else 0)
    assert elapsed < 30, f"{kind}: {elapsed:.1f}s"
    after = _snapshot(db)
    assert_earlier_data_intact(before, after)
    added = sum(o == "added" for o in outcomes.values())
    assert len(after["sources"]) == len(before["sources"]) + added
    _check_spans(db)


def _check_spans(db: Path) -> None:
    conn = sqlite3.connect(db)
    texts = dict(conn.execute("SELECT id, text FROM sources"))
    for sid, start, end, text in conn.execute('SELECT source_id, start, "end", text FROM claims'):
        assert texts[sid][start:end] == text
    for sid, start, end, surface in conn.execute('SELECT source_id, start, "end", surface FROM mentions'):
        assert texts[sid][start:end] == surface
    conn.close()


def test_legacy_encodings_are_decoded_to_the_text_written(db, tmp_path):
    cases = _kinds()["encodings"][0]
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    main(["ingest", *(str(tmp_path / n) for n in cases), "--db", str(db), "-q"])
    conn = sqlite3.connect(db)
    stored = dict(conn.execute("SELECT name, text FROM sources"))
    assert stored["latin1.txt"] == "Le ministre a déclaré à Genève que 12 élèves étaient blessés.\n"
    assert stored["cp1252.txt"] == "Officials said “12 people” died – the mayor’s office confirmed.\n"
    assert stored["utf16le.txt"] == BODY.replace("Tuesday", "Tuesday in Kyiv")
    assert stored["utf16be.txt"] == BODY.replace("Tuesday", "Tuesday in Zürich")


def test_text_sqlite_cannot_hold_is_stored_visibly(db, tmp_path):
    """Half a surrogate pair from a JSON escape becomes U+FFFD; a file name that is not UTF-8 keeps its bytes as \\xNN."""
    (tmp_path / "feed.jsonl").write_text(JSON_LINES, encoding="utf-8")
    (tmp_path / NOT_UTF8_NAME).write_text(BODY, encoding="utf-8")
    main(["ingest", str(tmp_path / "feed.jsonl"), str(tmp_path / NOT_UTF8_NAME), "--db", str(db), "-q"])
    conn = sqlite3.connect(db)
    names = [n for (n,) in conn.execute("SELECT name FROM sources")]
    assert "caf\\xe9 latin-1.txt" in names
    (text, title), = conn.execute("SELECT text, title FROM sources WHERE path LIKE '%#8'")
    assert text.startswith("Half a surrogate pair \ufffd in") and title == "\ufffd"


def test_html_scripts_styles_navigation_and_footers_are_not_claims(db, tmp_path):
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    main(["ingest", str(tmp_path / "page.html"), "--db", str(db), "-q"])
    conn = sqlite3.connect(db)
    (text,) = conn.execute("SELECT text FROM sources WHERE name = 'page.html'").fetchone()
    claims = [c for (c,) in conn.execute(
        "SELECT c.text FROM claims c JOIN sources s ON s.id = c.source_id WHERE s.name = 'page.html'")]
    assert any("12 people were killed" in c for c in claims)
    for secret in ("STYLESECRET", "SCRIPTSECRET", "99 died", "NAVSECRET", "FOOTERSECRET", "color: red"):
        assert secret not in text and not any(secret in c for c in claims)


def test_front_matter_that_does_not_parse_is_read_as_text_with_a_warning(db, tmp_path, capsys):
    (tmp_path / "fm.md").write_text("---\noutlet: X\nthis line: has: [no closing\n" + BODY, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "fm.md"), "--db", str(db)]) == 0
    assert "warning: front matter did not parse" in capsys.readouterr().out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT outlet FROM sources WHERE name = 'fm.md'").fetchone() == (None,)


def test_markup_and_escapes_are_stored_and_exported_faithfully(db, tmp_path):
    (tmp_path / "escapes.txt").write_text(ESCAPES, encoding="utf-8", newline="")
    main(["ingest", str(tmp_path / "escapes.txt"), "--db", str(db), "-q"])
    out = tmp_path / "export.json"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    raw = out.read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\x07" not in raw and "\\u001b]52;c;aGVsbG8=\\u0007" in raw
    (source,) = [s for s in json.loads(raw)["sources"] if s["path"].endswith("escapes.txt")]
    assert source["text"] == ESCAPES


def test_export_escapes_bidi_and_c1_controls(db, tmp_path):
    (tmp_path / "bidi.txt").write_text("Officials said \u202eevil\u202c and \x9b2J text today.\n", encoding="utf-8")
    main(["ingest", str(tmp_path / "bidi.txt"), "--db", str(db), "-q"])
    out = tmp_path / "export.json"
    main(["export", "--db", str(db), "-o", str(out)])
    raw = out.read_text(encoding="utf-8")
    assert not re.search("[\u0080-\u009f\u202a-\u202e\u2066-\u2069]", raw)
    assert any(s["text"].startswith("Officials said \u202eevil") for s in json.loads(raw)["sources"])


def test_every_kind_at_once_through_the_real_command(earlier_store, tmp_path):
    """One `factdiff ingest` process over a folder of all the kinds: no traceback, each input named once."""
    folder = tmp_path / "in"
    expected: dict[str, str] = {}
    for kind, (files, outcomes) in _kinds().items():
        sub = folder / kind.replace(" ", "_")
        sub.mkdir(parents=True)
        for name, data in files.items():
            (sub / name).write_bytes(data)
        expected.update({_escaped(str(sub / rel)): outcome for rel, outcome in outcomes.items()})
    db = tmp_path / "s.db"
    r = subprocess.run([sys.executable, "-m", "store.cli", "ingest", str(folder), "--db", str(db), "--max-size", "1"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120,
                       check=False)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == EXIT_SKIPPED
    lines = r.stdout.splitlines()
    assert len(lines) == len(expected), r.stdout
    for path, outcome in expected.items():
        (line,) = [l for l in lines if f" {path}:" in l or f" {path}  " in l or l.endswith(f" {path}")]
        assert line.startswith("added" if outcome == "added" else "skipped"), line
    skipped = sum(o != "added" for o in expected.values())
    assert re.search(rf"\b{skipped} skipped\b", r.stderr), r.stderr


def test_the_size_limit_is_configurable_and_checked(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text(BODY * 300, encoding="utf-8")   # 29 KB
    db = tmp_path / "s.db"
    assert main(["ingest", str(big), "--db", str(db), "--max-size", "0.02"]) == EXIT_SKIPPED
    assert "larger than the 20 KB limit (raise it with --max-size)" in capsys.readouterr().out
    assert main(["ingest", str(big), "--db", str(db), "--max-size", "0.03"]) == 0
    for bad in ("0", "-1", "nan", "lots"):
        with pytest.raises(SystemExit) as exc:
            main(["ingest", str(big), "--db", str(db), "--max-size", bad])
        assert exc.value.code == 2
        assert "positive number of MB" in capsys.readouterr().err


def test_an_analyser_failure_skips_that_article_only(db, tmp_path, monkeypatch, capsys):
    import store.ingest
    from store.analyze import analyze_article

    def flaky(article):
        if "boom" in article.text:
            raise ValueError("bad offsets")
        return analyze_article(article)

    monkeypatch.setattr(store.ingest, "analyze_article", flaky)
    (tmp_path / "a.txt").write_text("The boom was heard at dawn, police said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    before = _snapshot(db)
    assert main(["ingest", str(tmp_path), "--db", str(db)]) == EXIT_SKIPPED
    out = capsys.readouterr().out
    assert "a.txt: could not be analysed (ValueError: bad offsets)" in out and "added      " + str(tmp_path / "b.txt") in out
    assert_earlier_data_intact(before, _snapshot(db))


# -- stores --------------------------------------------------------------------

def test_a_file_that_is_not_a_store_is_refused_clearly(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    cases = [(notes, "not a factdiff store (not an SQLite file)"),
             (other, "an SQLite file, but not a factdiff store; choose another --db path"),
             (broken, "cannot open as a store"),
             (tmp_path, "is a folder")]
    for path, message in cases:
        before = path.read_bytes() if path.is_file() else None
        assert main(["ingest", str(notes), "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"factdiff: {path}: ") and message in err and err.count("\n") == 1, err
        assert before is None or path.read_bytes() == before


def test_a_store_too_old_to_migrate_is_refused_with_advice(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema 0 is too old to migrate; re-ingest into a new --db file"):
        open_store(path)


def test_an_older_store_is_migrated_on_open(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(path), "-q"]) == 0
    monkeypatch.setattr(store.db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store.db.MIGRATIONS, SCHEMA_VERSION + 1,
                        "ALTER TABLE sources ADD COLUMN language TEXT;\nUPDATE sources SET language = 'en';\n")
    db = open_store(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION + 1)
    assert db.execute("SELECT language, count(*) FROM sources").fetchone() == ("en", 1)
    db.conn.close()
    open_store(path).conn.close()    # opening again does not run the migration twice


def test_a_failed_migration_leaves_the_store_unchanged(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    open_store(path).conn.close()
    monkeypatch.setattr(store.db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store.db.MIGRATIONS, SCHEMA_VERSION + 1,
                        "ALTER TABLE sources ADD COLUMN language TEXT;\nUPDATE no_such_table SET x = 1;\n")
    with pytest.raises(StoreError, match=f"could not migrate the store from schema {SCHEMA_VERSION} to"
                                         f" {SCHEMA_VERSION + 1} .*the store is unchanged"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert "language" not in [r[1] for r in conn.execute("PRAGMA table_info(sources)")]
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)


def test_creating_a_store_is_all_or_nothing(tmp_path, monkeypatch):
    """A store whose creation fails (or is killed) part way is left empty, and the next open creates it."""
    path = tmp_path / "s.db"
    monkeypatch.setitem(store.db._FTS, "no_such_table", ["x"])   # fails after every other table is made
    with pytest.raises(StoreError):
        open_store(path)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    monkeypatch.undo()
    db = open_store(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == store.db.APP_ID
    assert "facts_fts" in db.table_names()


# -- the app ---------------------------------------------------------------------

def _screen_text(app) -> str:
    """What the terminal would show, as text: the screenshot's characters, line by line."""
    svg = app.export_screenshot()
    rows = re.findall(r'<text class="[^"]*" x="[^"]*" y="([^"]*)"[^>]*>(.*?)</text>', svg)
    lines: dict[float, str] = {}
    for y, chars in rows:
        lines[float(y)] = lines.get(float(y), "") + html.unescape(chars).replace("\xa0", " ")
    return "\n".join(lines[y] for y in sorted(lines))


async def test_the_app_shows_markup_and_escapes_as_plain_characters(tmp_path):
    text = ("Police said [bold]12[/bold] people [@click=app.quit]died[/] [link=https://x.example]here[/link]"
            " and \x1b[2J\x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07 \x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\"
            " officials said \u202eevil\u202c today.\n")
    (tmp_path / "odd.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "odd.txt"), "--db", str(db), "-q"]) == 0
    (source_id,) = sqlite3.connect(db).execute("SELECT id FROM sources").fetchone()
    app = FactdiffApp(db)
    async with app.run_test(size=(200, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.open_source(source_id)
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        shown = _screen_text(app)
        assert "[bold]12[/bold] people [@click=app.quit]died[/] [link=https://x.example]here[/link]" in shown
        assert "␛[2J␛[31mred␛[0m ␛]52;c;aGk=␇ ␛]8;;https://x.example␛\\link␛]8;;␛\\" in shown
        assert "\u202e" not in shown and "evil" in shown
        await pilot.click(offset=(10, 5))
        await pilot.pause()
        assert app.is_running


def test_a_schema_1_store_is_brought_up_to_date_by_the_real_migrations(tmp_path):
    """A store as schema 1 left it (without what schemas 2 and 3 added) is migrated and then used as usual."""
    path = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(path), "-q"]) == 0
    conn = sqlite3.connect(path)
    conn.executescript("""
        DROP INDEX sources_story; ALTER TABLE sources DROP COLUMN story_id;
        DROP TABLE stories; DROP TABLE discrepancies;
        UPDATE meta SET value = '1' WHERE key = 'schema_version';
    """)
    conn.close()
    db = open_store(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert {"stories", "discrepancies"} <= set(db.table_names())
    db.conn.close()
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(path), "-q"]) == 0
    assert main(["export", "--db", str(path), "-o", str(tmp_path / "e.json")]) == 0


def _claims_search_is_exact(conn: sqlite3.Connection) -> None:
    """The claims' search index holds exactly the claims' current text and speakers."""
    conn.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")


def test_a_replaced_or_deleted_source_leaves_the_claims_search_index_exact(tmp_path):
    """Claims' text is read from their source's (schema 6): replacing or deleting a source takes its claims out
    of the search index while that text can still be read."""
    path = tmp_path / "s.db"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BODY, encoding="utf-8")
    b.write_text("Officials said 40 homes were flooded near Brampton on Monday.\n", encoding="utf-8")
    assert main(["ingest", str(a), str(b), "--db", str(path), "-q"]) == 0
    a.write_text(BODY.replace("flood", "storm surge").replace("Tuesday", "Wednesday"), encoding="utf-8")
    assert main(["ingest", str(a), "--db", str(path), "-q"]) == 0       # replaced
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")     # as open_store() has it: deletions cascade
    _claims_search_is_exact(conn)

    def found(word: str) -> set[str]:
        return {t for (t,) in conn.execute("SELECT c.text FROM claims_fts f JOIN claims c ON c.id = f.rowid"
                                           " WHERE claims_fts MATCH ?", (word,))}
    assert found("surge") and not found("tuesday") and found("brampton")
    conn.execute("DELETE FROM sources WHERE name = 'b.txt'")
    _claims_search_is_exact(conn)
    assert not found("brampton")
    (cid, text) = conn.execute("SELECT id, text FROM claims LIMIT 1").fetchone()
    assert "smith" not in text.lower()
    conn.execute("UPDATE claims SET speaker = 'Jane Smith' WHERE id = ?", (cid,))    # through the view
    _claims_search_is_exact(conn)
    # (the index keeps no columns, detail=none: the speaker is found by a search of the whole row)
    assert cid in {r for (r,) in conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'smith'")}
    conn.execute("DELETE FROM claims WHERE id = ?", (cid,))
    _claims_search_is_exact(conn)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_claim_in_an_article_with_a_nul_character_keeps_its_text(tmp_path):
    """SQLite's substr stops at a NUL character: there the claim keeps its own text."""
    from store.analyze import analyze_article
    from store.db import content_hash, write_source
    from store.model import Article

    db = open_store(tmp_path / "s.db")
    article = Article(path="nul.txt", text="Police said\x00 12 people died. " + BODY)
    analysis, acronyms = analyze_article(article)
    sid = write_source(db, article, analysis, acronyms, content_hash(article))
    claims = db.execute('SELECT start, "end", text FROM claims WHERE source_id = ?', [sid]).fetchall()
    assert claims and all(article.text[a:b] == text for a, b, text in claims)
    _claims_search_is_exact(db.conn)
    db.conn.close()


def _as_schema_7(path: Path) -> None:
    """Turn a store of this schema back into one as schema 7 left it: claims' kinds and mentions' types as
    words, no hedges or quotes as '[]', claims found by an index on (source, start, end), mentions a table with
    rowids and an index on their source."""
    from store.db import _CLAIM_ROWS_V6, _CLAIMS_V6, _MENTION_ROWS_V6, _MENTIONS_V6, RELINK_INDEXES
    from store.derived import CLAIM_KINDS, MENTION_TYPES, decoded

    claims, claims_index = _CLAIM_ROWS_V6.split(");\n", 1)
    mentions, mentions_index = _MENTION_ROWS_V6.split(");\n", 1)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.executescript(f"""
        BEGIN;
        DROP VIEW claims; DROP VIEW claim_texts; DROP TRIGGER sources_claims_bd;
        {claims.replace("claim_rows", "claim_rows_7")});
        INSERT INTO claim_rows_7 SELECT id, source_id, start, "end", text, {decoded("kind", CLAIM_KINDS)},
            speaker_as_written, speaker, coalesce(hedges, '[]'), coalesce(quotes, '[]'), is_heading FROM claim_rows;
        DROP TABLE claim_rows;
        ALTER TABLE claim_rows_7 RENAME TO claim_rows;
        {claims_index}{_CLAIMS_V6}
        DROP VIEW mentions;
        {mentions.replace("mention_rows", "mention_rows_7")});
        INSERT INTO mention_rows_7 (source_id, start, "end", surface, name, type, evidence, entity_id)
            SELECT source_id, start, "end", surface, name, {decoded("type", MENTION_TYPES)}, evidence, entity_id
            FROM mention_rows ORDER BY source_id, seq;
        DROP TABLE mention_rows;
        ALTER TABLE mention_rows_7 RENAME TO mention_rows;
        {mentions_index}{RELINK_INDEXES["mentions_entity"]};
        {_MENTIONS_V6}
        UPDATE meta SET value = '7' WHERE key = 'schema_version';
        COMMIT;
    """)
    assert conn.execute("SELECT count(*) FROM claim_rows WHERE typeof(kind) <> 'text'").fetchone() == (0,)
    conn.close()


def _as_schema_5(path: Path) -> None:
    """Turn a store of this schema back into one as schema 5 left it: claims a table keeping its text, every
    fact its label, fact_claims a table with rowids."""
    from store.derived import fact_label_sql

    _as_schema_7(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.executescript(f"""
        BEGIN;
        UPDATE facts SET label = {fact_label_sql("facts")} WHERE label IS NULL;
        UPDATE claim_rows SET quotes = (SELECT quotes FROM claims c WHERE c.id = claim_rows.id);
        UPDATE mention_rows SET surface = (SELECT surface FROM mentions m WHERE m.id = mention_rows.id);
        UPDATE mention_rows SET name = surface WHERE name IS NULL;
        DROP VIEW mentions;
        ALTER TABLE mention_rows RENAME TO mentions;
        DROP VIEW claims;
        DROP VIEW claim_texts;
        DROP TABLE claims_fts;
        DROP TRIGGER claims_ad; DROP TRIGGER claims_au; DROP TRIGGER sources_claims_bd;
        ALTER TABLE claim_rows RENAME TO claims;
        UPDATE claims SET text = substr((SELECT text FROM sources s WHERE s.id = source_id), start + 1, "end" - start)
            WHERE text IS NULL;
        CREATE INDEX claims_source ON claims(source_id);
        DROP INDEX claims_span;
        CREATE INDEX claims_span ON claims(source_id, start, "end");
        CREATE VIRTUAL TABLE claims_fts USING FTS5 ("text", "speaker", tokenize='unicode61 remove_diacritics 2',
                                                   content="claims");
        INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
        CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
          INSERT INTO claims_fts (claims_fts, rowid, "text", "speaker")
            VALUES('delete', old.rowid, old."text", old."speaker");
        END;
        CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
          INSERT INTO claims_fts (claims_fts, rowid, "text", "speaker")
            VALUES('delete', old.rowid, old."text", old."speaker");
          INSERT INTO claims_fts (rowid, "text", "speaker") VALUES (new.rowid, new."text", new."speaker");
        END;
        CREATE TABLE fact_claims_5 (fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE, PRIMARY KEY (fact_id, claim_id));
        INSERT INTO fact_claims_5 SELECT * FROM fact_claims;
        DROP TABLE fact_claims;
        ALTER TABLE fact_claims_5 RENAME TO fact_claims;
        CREATE INDEX fact_claims_claim ON fact_claims(claim_id);
        UPDATE meta SET value = '5' WHERE key = 'schema_version';
        COMMIT;
    """)
    assert conn.execute("SELECT count(*) FROM claims WHERE text IS NULL").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM mentions WHERE surface IS NULL OR name IS NULL").fetchone() == (0,)
    conn.close()


def test_a_schema_5_store_is_migrated_with_the_same_content_and_a_working_search(tmp_path):
    from store.export import build_export

    path = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said 12 people were killed in the flood. Jane Smith called it"
                                    " “the worst flood in decades” on Tuesday.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Engineers said the bridge on Route 9 reopened on Friday after repairs costing"
                                    " about $2 million, the longest closure in the county's history.\n",
                                    encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", str(path), "-q"]) == 0
    db = open_store(path)
    before = build_export(db)
    assert any(len(f["claim_ids"]) == 1 for f in before["facts"]) and any(
        f["label"].endswith("…") for f in before["facts"])
    db.conn.close()
    _as_schema_5(path)
    db = open_store(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert "claims" in db.view_names() and "claim_rows" in db.table_names()
    assert db.execute("SELECT count(*) FROM claim_rows WHERE text IS NOT NULL").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM claim_rows WHERE quotes LIKE '[\"%'").fetchone() == (0,)
    assert db.execute("SELECT quotes FROM claims WHERE quotes <> '[]'").fetchall() == [
        ('["the worst flood in decades"]',)]
    assert db.execute("SELECT count(*) FROM mention_rows WHERE surface IS NOT NULL").fetchone() == (0,)
    assert {"claims", "mentions"} <= set(db.view_names())
    assert db.execute("SELECT count(*) FROM facts WHERE label IS NOT NULL AND n_claims = 1").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM facts WHERE label_start IS NOT NULL").fetchone()[0] > 0
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # schema 7: facts numbered in the order the panes list them; the claims' index keeps no positions
    ranked = [r[1:] for r in db.execute("SELECT id, -n_sources, -n_claims FROM facts ORDER BY id")]
    assert ranked == sorted(ranked) and len(set(r for r in ranked)) > 1
    assert "detail=none" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_fts'").fetchone()[0]
    assert not {"facts_rank", "facts_story_rank", "facts_coverage_rank"} & set(
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
    (figures,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'figures'").fetchone()
    assert 'REFERENCES "claim_rows"' in figures
    _claims_search_is_exact(db.conn)
    assert build_export(db) == before
    db.conn.close()
    open_store(path).conn.close()      # opening again migrates nothing
    (tmp_path / "a.txt").write_text(BODY.replace("flood", "storm"), encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", str(path), "-q"]) == 0     # a source replaced after migrating
    conn = sqlite3.connect(path)
    _claims_search_is_exact(conn)
    assert conn.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'storm'").fetchone()[0] >= 1


def test_a_schema_6_store_gets_its_facts_numbered_in_pane_order(tmp_path, capsys):
    """Schema 7 lists facts in id order: migrating renumbers them (most outlets, then most claims first)."""
    from store.export import build_export

    path = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said 12 people were killed in the flood on Tuesday.\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", str(path), "-q"]) == 0
    db = open_store(path)
    before = build_export(db)
    db.conn.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.executescript("""
        BEGIN;
        UPDATE facts SET id = -id;  UPDATE fact_claims SET fact_id = -fact_id;
        UPDATE facts SET id = 1000 + id;  UPDATE fact_claims SET fact_id = 1000 + fact_id;
        DROP INDEX facts_story; DROP INDEX facts_sources;
        CREATE INDEX facts_rank ON facts(n_sources DESC);
        UPDATE meta SET value = '6' WHERE key = 'schema_version';
        COMMIT;
    """)
    conn.close()
    capsys.readouterr()
    db = open_store(path)
    # a migration can take minutes on a big store: it says so, on one line naming the file
    err = capsys.readouterr().err
    assert err == f"factdiff: {path}: updating the store of 2 articles from schema 6 to {SCHEMA_VERSION};" \
                  " on a big store this takes minutes…\n"
    ranked = [r for r in db.execute("SELECT -n_sources, -n_claims FROM facts ORDER BY id")]
    assert ranked == sorted(ranked) and ranked[0] != ranked[-1]
    assert [r[0] for r in db.execute("SELECT id FROM facts ORDER BY id")] == list(range(1, len(ranked) + 1))
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    after = build_export(db)

    def facts(export):
        claims = {c["id"]: c["text"] for c in export["claims"]}
        return sorted((f["label"], sorted(claims[c] for c in f["claim_ids"])) for f in export["facts"])
    assert facts(after) == facts(before)
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "facts_rank" not in indexes and {"facts_story", "facts_sources"} <= indexes
    db.conn.close()


def test_speakers_set_in_bulk_leave_the_claims_search_index_exact(tmp_path):
    """Relink sets resolved speakers in bulk, around the per-row trigger: the index then holds the new speakers,
    not the old, and the trigger is back for later updates."""
    from store.db import set_speakers

    path = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said 40 homes were flooded near Brampton on Monday.\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", str(path), "-q"]) == 0
    conn = sqlite3.connect(path)
    ids = [cid for (cid,) in conn.execute("SELECT id FROM claim_rows ORDER BY id")][:3]
    assert len(ids) == 3 and not conn.execute("SELECT 1 FROM claims_fts WHERE claims_fts MATCH 'quimby'").fetchall()
    conn.execute("BEGIN")
    set_speakers(conn, [("Ann Quimby", ids[0]), ("Bo Quimby", ids[1]), (None, ids[2])])
    conn.commit()
    _claims_search_is_exact(conn)
    assert [r for (r,) in conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'quimby' ORDER BY rowid")
            ] == ids[:2]
    assert conn.execute("SELECT speaker FROM claim_rows WHERE id = ?", (ids[2],)).fetchone() == (None,)
    conn.execute("UPDATE claim_rows SET speaker = 'Cy Zorba' WHERE id = ?", (ids[0],))    # the trigger again
    _claims_search_is_exact(conn)
    assert conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'quimby'").fetchall() == [(ids[1],)]
    conn.close()


def _three_articles(folder: Path) -> None:
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.txt").write_text("Officials said 12 people were killed in the flood. Jane Smith called it"
                                  " “the worst flood in decades” on Tuesday, police said.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Engineers said the bridge on Route 9 reopened on Friday after repairs costing"
                                  " about $2 million, the longest closure in the county's history.\n", encoding="utf-8")


def test_a_schema_7_store_is_migrated_to_numbered_kinds_and_mentions_kept_by_source(tmp_path):
    from store.export import build_export

    path = tmp_path / "s.db"
    _three_articles(tmp_path)
    assert main(["ingest", str(tmp_path), "--db", str(path), "-q"]) == 0
    db = open_store(path)
    before = build_export(db)
    views_before = {v: db.execute(f"SELECT * FROM {v} ORDER BY 1, 2").fetchall() for v in ("claims", "mentions")}
    db.conn.close()
    _as_schema_7(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM claim_rows WHERE hedges = '[]' OR quotes = '[]'").fetchone()[0] > 0
    conn.close()
    db = open_store(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "claims_span" in indexes and "mentions_source" not in indexes
    assert "WITHOUT ROWID" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'mention_rows'").fetchone()[0]
    assert db.execute("SELECT DISTINCT typeof(kind) FROM claim_rows").fetchall() == [("integer",)]
    assert db.execute("SELECT DISTINCT typeof(type) FROM mention_rows").fetchall() == [("integer",)]
    assert db.execute("SELECT count(*) FROM claim_rows WHERE hedges = '[]' OR quotes = '[]'").fetchone() == (0,)
    # a source's mentions are numbered from 0 in the order of its text
    for (sid,) in db.execute("SELECT id FROM sources"):
        seqs = [seq for seq, in db.execute("SELECT seq FROM mention_rows WHERE source_id = ? ORDER BY start, seq",
                                           (sid,))]
        assert seqs == list(range(len(seqs)))
    assert {v: db.execute(f"SELECT * FROM {v} ORDER BY 1, 2").fetchall() for v in ("claims", "mentions")} \
        == views_before
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    _claims_search_is_exact(db.conn)
    assert build_export(db) == before
    db.conn.close()
    (tmp_path / "a.txt").write_text(BODY.replace("flood", "storm"), encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", str(path), "-q"]) == 0      # replaced, relinked
    db = open_store(path)
    _claims_search_is_exact(db.conn)
    assert db.execute("SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL").fetchone()[0] > 0
    db.conn.close()


def test_claims_written_through_the_view_keep_kinds_as_numbers_and_no_hedges_as_null(tmp_path):
    path = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", str(path), "-q"]) == 0
    db = open_store(path)
    (sid,) = db.execute("SELECT id FROM sources").fetchone()
    db.conn.execute('INSERT INTO claims (id, source_id, start, "end", text, kind, hedges, quotes) VALUES'
                    " (9001, ?, 0, 5, 'x', 'quote', '[]', '[\"x\"]')", (sid,))
    assert db.execute("SELECT kind, hedges, quotes FROM claim_rows WHERE id = 9001").fetchone() == (1, None, '["x"]')
    assert db.execute("SELECT kind, hedges, quotes FROM claims WHERE id = 9001").fetchone() == ("quote", "[]", '["x"]')
    db.conn.execute("UPDATE claims SET kind = 'figure', hedges = '[\"reportedly\"]' WHERE id = 9001")
    assert db.execute("SELECT kind, hedges FROM claims WHERE id = 9001").fetchone() == ("figure", '["reportedly"]')
    with pytest.raises(sqlite3.IntegrityError):     # a kind the store does not know is refused
        db.conn.execute("UPDATE claims SET kind = 'rumour' WHERE id = 9001")
    db.conn.rollback()
    db.conn.close()
