"""The store end to end: ingest, idempotency, replacement, bad input, export contract."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store.cli import EXIT_SKIPPED, main
from store.db import StoreError, open_store
from store.export import build_export

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data"

ARTICLE_A = """---
outlet: Daily One
published: 2024-12-16
url: https://one.example/a
---
Officials count storm damage

At least 12 people died in the storm, Governor Jane Smith said on Monday.
“We have never seen anything like it,” Smith said.
"""
ARTICLE_B = """---
outlet: Evening Two
---
At least 12 people were killed by the storm, according to Governor Jane Smith.
The storm also cut power to 40,000 homes.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _counts(db_path: Path) -> dict[str, int]:
    conn = sqlite3.connect(db_path)
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sources", "claims", "figures", "mentions", "entities", "facts")}


def test_ingest_twice_adds_nothing(tmp_path, capsys):
    _write(tmp_path, "a.md", ARTICLE_A)
    _write(tmp_path, "b.txt", ARTICLE_B)
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path), "--db", str(db)]) == 0
    first = _counts(db)
    assert first["sources"] == 2 and first["claims"] >= 4
    assert main(["ingest", str(tmp_path), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("unchanged") == 2
    assert _counts(db) == first


def test_changed_file_replaces_its_old_version(tmp_path):
    p = _write(tmp_path, "a.md", ARTICLE_A)
    db = tmp_path / "s.db"
    main(["ingest", str(p), "--db", str(db)])
    p.write_text(ARTICLE_A.replace("At least 12", "At least 14"), encoding="utf-8")
    main(["ingest", str(p), "--db", str(db)])
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
    texts = [r[0] for r in conn.execute("SELECT text FROM claims")]
    assert any("At least 14" in t for t in texts) and not any("At least 12" in t for t in texts)


def test_metadata_from_front_matter_and_title_from_headline(tmp_path):
    _write(tmp_path, "a.md", ARTICLE_A)
    db_path = tmp_path / "s.db"
    main(["ingest", str(tmp_path), "--db", str(db_path)])
    (src,) = build_export(open_store(db_path))["sources"]
    assert src["outlet"] == "Daily One" and src["published"] == "2024-12-16"
    assert src["title"] == "Officials count storm damage"


def test_bad_input_is_skipped_with_one_line_and_stored_data_survives(tmp_path, capsys):
    good = _write(tmp_path, "a.md", ARTICLE_A)
    db = tmp_path / "s.db"
    main(["ingest", str(good), "--db", str(db)])
    before = _counts(db)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    code = main(["ingest", str(tmp_path / "bin.txt"), str(tmp_path / "empty.txt"), "--db", str(db)])
    assert code == EXIT_SKIPPED
    lines = [l for l in capsys.readouterr().out.splitlines() if l.startswith("skipped")]
    assert len(lines) == 2 and "bin.txt" in lines[0] and "empty.txt" in lines[1]
    assert _counts(db) == before


def test_not_a_store_is_refused(tmp_path):
    p = tmp_path / "x.db"
    p.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not a factdiff store"):
        open_store(p)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a factdiff store"):
        open_store(other)


def test_newer_schema_is_refused_with_advice(tmp_path):
    db_path = tmp_path / "s.db"
    db = open_store(db_path)
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.conn.commit()
    db.conn.close()
    with pytest.raises(StoreError, match="newer factdiff"):
        open_store(db_path)


def test_export_follows_the_contract(tmp_path):
    _write(tmp_path, "a.md", ARTICLE_A)
    _write(tmp_path, "b.txt", ARTICLE_B)
    db = tmp_path / "s.db"
    main(["ingest", str(tmp_path), "--db", str(db)])
    out = tmp_path / "e.json"
    assert main(["export", "--db", str(db), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert set(data) >= {"sources", "claims", "facts", "entities", "discrepancies"}
    texts = {s["id"]: s["text"] for s in data["sources"]}
    assert all(s["path"].endswith(("a.md", "b.txt")) for s in data["sources"])
    for c in data["claims"]:
        assert texts[c["source_id"]][c["start"]:c["end"]] == c["text"]
        assert c["kind"] in ("quote", "figure", "statement")
        for f in c["figures"]:
            assert f["low"] is None or isinstance(f["low"], (int, float))
    for e in data["entities"]:
        assert e["type"] in ("PERSON", "ORG", "PLACE", "OTHER")
        for m in e["mentions"]:
            assert m["end"] > m["start"]
    claim_ids = {c["id"] for c in data["claims"]}
    assert all(set(f["claim_ids"]) <= claim_ids for f in data["facts"])
    # the same figure from the same speaker in both outlets is one fact
    by_id = {c["id"]: c for c in data["claims"]}
    shared = [f for f in data["facts"] if len({by_id[c]["source_id"] for c in f["claim_ids"]}) == 2]
    assert any(all("12" in by_id[c]["text"] for c in f["claim_ids"]) for f in shared)
    # ids are stable across exports of the same store
    again = build_export(open_store(db))
    assert [c["id"] for c in again["claims"]] == [c["id"] for c in data["claims"]]
    assert [f["claim_ids"] for f in again["facts"]] == [f["claim_ids"] for f in data["facts"]]


def test_store_is_readable_by_sqlite_utils_with_fts(tmp_path):
    import sqlite_utils

    _write(tmp_path, "a.md", ARTICLE_A)
    db_path = tmp_path / "s.db"
    main(["ingest", str(tmp_path), "--db", str(db_path)])
    db = sqlite_utils.Database(db_path)
    assert {"sources", "claim_rows", "figures", "entities", "mention_rows", "facts",
            "fact_claims"} <= set(db.table_names())
    # a claim's text and a mention's surface are read from the source's text (schema 6)
    assert {"claims", "mentions"} <= set(db.view_names())
    assert [r["surface"] for r in db["mentions"].rows] == [
        db["sources"].get(r["source_id"])["text"][r["start"]:r["end"]] for r in db["mentions"].rows]
    assert [r["text"] for r in db["claims"].rows] == [
        db["sources"].get(r["source_id"])["text"][r["start"]:r["end"]] for r in db["claims"].rows]
    hits = list(db.query("SELECT claims.* FROM claims JOIN claims_fts ON claims_fts.rowid = claims.id"
                         " WHERE claims_fts MATCH ? ORDER BY claims_fts.rank", ["storm"]))
    assert hits and all("storm" in h["text"].lower() for h in hits)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_package_never_imports_the_ui():
    """The import-linter contract in pyproject.toml: store/ stays headless."""
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={str(ROOT / 'pyproject.toml')!r}))")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "KEPT" in r.stdout


def test_demo_ingests_in_under_a_second_after_imports(tmp_path):
    import time

    from store.ingest import ingest
    from store.lexicon import first_names, word_stats

    word_stats("warm"), first_names()          # the lexicons load once per process
    db = open_store(tmp_path / "s.db")
    t = time.perf_counter()
    report = ingest(db, [str(DEMO)])
    elapsed = time.perf_counter() - t
    assert report.added == 5 and not report.skipped
    assert elapsed < 1.0, f"demo ingest took {elapsed:.2f}s"


def test_a_changed_analyser_reanalyses_unchanged_files(tmp_path, monkeypatch, capsys):
    import store.fingerprint

    _write(tmp_path, "a.md", ARTICLE_A)
    db = tmp_path / "s.db"
    main(["ingest", str(tmp_path), "--db", str(db)])
    monkeypatch.setattr(store.fingerprint, "analyzer_fingerprint", lambda: "another analyser")
    main(["ingest", str(tmp_path), "--db", str(db)])
    out = capsys.readouterr().out
    assert "replaced" in out and _counts(db)["sources"] == 1


def _pages(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA page_count").fetchone()[0]
    finally:
        conn.close()


def test_a_bulk_ingest_leaves_the_store_compact(tmp_path):
    """Relink's updates split pages; the ingest that wrote most of the store compacts it after, so a VACUUM
    finds nothing more to give back, and the write-ahead log is emptied into the file."""
    db = tmp_path / "s.db"
    assert main(["ingest", str(DEMO), "--db", str(db), "-q"]) == 0
    pages = _pages(db)
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    conn = sqlite3.connect(db)
    conn.execute("VACUUM")
    conn.close()
    assert _pages(db) == pages


def test_a_small_ingest_into_a_big_store_does_not_compact_it(tmp_path, monkeypatch):
    import store.ingest

    calls = []
    monkeypatch.setattr(store.ingest, "compact", lambda conn: calls.append(conn))
    db = tmp_path / "s.db"
    assert main(["ingest", str(DEMO), "--db", str(db), "-q"]) == 0
    assert len(calls) == 1
    (tmp_path / "more").mkdir()
    _write(tmp_path / "more", "a.md", ARTICLE_A)
    assert main(["ingest", str(tmp_path / "more"), "--db", str(db), "-q"]) == 0
    assert len(calls) == 1      # one article added to five: under a quarter of the store


class _InterruptedConn:
    """A connection whose progress handler raises KeyboardInterrupt, as Python's SIGINT handler does when
    Ctrl-C arrives while SQLite runs a statement with a progress handler set."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def set_progress_handler(self, handler, n):
        if handler is None:
            return self._conn.set_progress_handler(None, 0)

        def interrupt():
            raise KeyboardInterrupt
        return self._conn.set_progress_handler(interrupt, 1000)


def test_ctrl_c_while_compacting_leaves_the_store_as_it_was(tmp_path):
    from store.db import compact

    db = tmp_path / "s.db"
    assert main(["ingest", str(DEMO), "--db", str(db), "-q"]) == 0
    before = _counts(db)
    store = open_store(db)
    with pytest.raises(KeyboardInterrupt):
        compact(_InterruptedConn(store.conn))
    assert store.conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    store.conn.close()
    assert _counts(db) == before
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "e.json")]) == 0


def test_a_paper_credited_is_not_a_person_of_its_name(tmp_path):
    _write(tmp_path, "a.txt", "Senate passes spending bill\nSenator Jane Hill said on Tuesday she opposed the bill, "
                              "which the Senate passed 52-48.\nThe bill would cost $4 billion over ten years, "
                              "according to The Hill.\nHill said the bill was too expensive.\n")
    _write(tmp_path, "b.txt", "Senate approves $4 billion spending bill\nThe Senate on Tuesday approved a $4 billion "
                              "spending bill by 52 votes to 48, the Hill reported.\nSenator Jane Hill voted against "
                              "it, saying it was too expensive.\n")
    db = tmp_path / "s.db"
    main(["ingest", str(tmp_path), "--db", str(db), "-q"])
    data = build_export(open_store(str(db)))
    speakers = {c["text"]: c["speaker"] for c in data["claims"]}
    assert speakers["The bill would cost $4 billion over ten years, according to The Hill."] == "The Hill"
    assert speakers["Hill said the bill was too expensive."] == "Jane Hill"
    assert speakers["The Senate on Tuesday approved a $4 billion spending bill by 52 votes to 48, the Hill "
                    "reported."] == "The Hill"


def test_two_articles_leads_under_their_headlines_are_one_fact(tmp_path):
    # the first sentence under each headline is the article's lead; further down, the same sentences are not
    lead_a = ("Mike Huckabee, the Baptist minister who became Arkansas governor, said Tuesday he will seek the 2016 "
              "Republican presidential nomination.")
    lead_b = ("Former Arkansas Gov. Mike Huckabee announced Tuesday he is running for president, delivering an "
              "economy- and security-centered message.")
    rest = ["His wife Janet joined him on stage in Hope.", "Polls show a crowded field of candidates.",
            "The former governor hosted a television show for six years.", "He sold his show to a network.",
            "Crowds waited outside in the heat."]
    for tag, at_top in (("top", True), ("below", False)):
        folder = tmp_path / tag
        folder.mkdir()
        for name, lead, others in (("a.txt", lead_a, rest[:3]), ("b.txt", lead_b, rest[3:])):
            body = [lead] + others if at_top else others + [lead]
            _write(folder, name, "Huckabee enters the race\n" + "\n".join(body) + "\n")
        db = folder / "s.db"
        main(["ingest", str(folder), "--db", str(db), "-q"])
        data = build_export(open_store(str(db)))
        ids = {c["text"]: c["id"] for c in data["claims"]}
        joined = any({ids[lead_a], ids[lead_b]} <= set(f["claim_ids"]) for f in data["facts"])
        assert joined == at_top, tag


def _discrepancies(tmp_path: Path, a: str, b: str) -> list[list[str]]:
    """The values of each discrepancy the export reports for two articles, each sorted."""
    _write(tmp_path, "a.txt", a)
    _write(tmp_path, "b.txt", b)
    db = tmp_path / "s.db"
    main(["ingest", str(tmp_path), "--db", str(db), "-q"])
    data = build_export(open_store(str(db)))
    return [sorted(v["text"] for v in d["values"]) for d in data["discrepancies"]]


def test_sums_of_money_that_outlets_give_differently_are_a_discrepancy(tmp_path):
    values = _discrepancies(tmp_path, "Clintons release tax returns\nHillary and Bill Clinton earned roughly $141 "
                                      "million from 2007 to 2014, according to their tax returns.\nThey gave $15 "
                                      "million to charity.\n",
                            "Clintons report earnings\nHillary Clinton and Bill Clinton earned $139 million from 2007 "
                            "to 2014, their tax returns show.\nThey gave nearly $15 million to charity.\n")
    assert ["$139 million", "roughly $141 million"] in values
    assert not any("$15 million" in v for v in values)     # "$15 million" and "nearly $15 million" agree


def test_sums_of_money_apart_in_claims_of_one_fact_are_a_discrepancy(tmp_path):
    # two leads about one ad: its cost, given far apart; not two sums of a story that only spend alike
    values = _discrepancies(tmp_path, "Group airs Netanyahu ad\nSecure America Now is spending $1 million to air an "
                                      "ad with Benjamin Netanyahu in Florida, the group said.\nThe group spent "
                                      "$90,000 on a poll.\n",
                            "Netanyahu appears in ad\nSecure America Now has reserved $500,000 of airtime in Florida "
                            "for an ad featuring Benjamin Netanyahu.\nIt spent $150,000 on mailers.\n")
    assert values == [["$1 million", "$500,000"]]
