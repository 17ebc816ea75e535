"""The SQLite store: schema, migrations, and the writes that keep it whole.

The store is an ordinary SQLite file (WAL mode) that sqlite-utils or Datasette
can open. Each source is written in one transaction with everything found in
it, so an interrupted ingest leaves whole sources or none; the cross-article
work (entities, facts) is redone in one transaction by `relink()`, and a
`dirty` flag makes the next run finish it if a run was cut short.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import sqlite_utils

from .derived import (CLAIM_KINDS, CLAIM_TEXT, MENTION_SURFACE, MENTION_TYPES, QUOTES, decoded, encoded, label_span,
                      none_if_empty, quote_spans)
from .model import Analysis, Article

SCHEMA_VERSION = 8
APP_ID = 0x66646966  # "fdif": marks the file as a factdiff store
BUSY_TIMEOUT = 30  # seconds a process waits for another to finish with the store


class StoreError(Exception):
    """A file that cannot be used as a store, with a message saying what to do."""


# Schema 2: figures from different outlets that count the same thing and disagree.
_DISCREPANCIES_V2 = """
CREATE TABLE IF NOT EXISTS discrepancies (
    id INTEGER PRIMARY KEY,
    quantity TEXT NOT NULL,
    vals TEXT NOT NULL
);
"""

# Schema 3: stories, groups of articles about one event; facts are aligned within a story.
_STORIES_V3 = """
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    n_sources INTEGER NOT NULL,
    first_published TEXT
);
ALTER TABLE sources ADD COLUMN story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL;
CREATE INDEX IF NOT EXISTS sources_story ON sources(story_id);
"""

# Schema 5: the orders the app's panes page through, so a page of a big store reads an index, not the table.
_PAGE_INDEXES_V5 = """
CREATE INDEX IF NOT EXISTS facts_rank ON facts(n_sources DESC);
CREATE INDEX IF NOT EXISTS facts_story_rank ON facts(story_id, n_sources DESC);
CREATE INDEX IF NOT EXISTS facts_coverage_rank ON facts(n_sources DESC, n_claims DESC);
CREATE INDEX IF NOT EXISTS entities_rank ON entities(n_sources DESC, n_mentions DESC, name);
"""

# Schema 7: facts are numbered in the order the panes list them, most outlets first, then most claims, then by
# their first claim (relink's _Staging.write_facts). That order is the ids' own, so it needs no index; a story's
# facts are found by a narrow index and read in id order, and the fewest-outlets-first order is an index on
# n_sources alone (its ties are in id order). Queries rely on this numbering.
_PAGE_INDEXES_V7 = """
DROP INDEX IF EXISTS facts_rank;
DROP INDEX IF EXISTS facts_story_rank;
DROP INDEX IF EXISTS facts_coverage_rank;
CREATE INDEX IF NOT EXISTS facts_story ON facts(story_id);
CREATE INDEX IF NOT EXISTS facts_sources ON facts(n_sources);
"""
FACT_RANK = "n_sources DESC, n_claims DESC"    # the order of facts' ids, before their first claim
_CLAIMS_SPAN_V5 = 'CREATE INDEX IF NOT EXISTS claims_span ON claims(source_id, start, "end");\n'

# Schema 6: a claim's text is not stored twice. It is the span start..end of its source's text, which the
# `claims` view reads (SQLite's substr counts characters, as Python's offsets do); `claim_rows` holds the rest,
# and a text only where substr cannot give it back (an article with a NUL character, where substr stops); its
# quotes as spans of the source's text too (store.derived). The search index reads the text through the
# narrower view `claim_texts` (FTS5 cannot read a view with a json_each() subquery, as `claims` has).
_CLAIM_ROWS_V6 = """
CREATE TABLE IF NOT EXISTS claim_rows (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
    kind TEXT NOT NULL, speaker_as_written TEXT, speaker TEXT,
    hedges TEXT NOT NULL DEFAULT '[]', quotes TEXT NOT NULL DEFAULT '[]', is_heading INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS claims_span ON claim_rows(source_id, start, "end");
"""
_CLAIM_COLUMNS = ("kind", "speaker_as_written", "speaker", "hedges", "quotes", "is_heading")


def _claims_views(numbered: bool) -> str:
    """The view `claims` over claim_rows (inserting, updating and deleting through it work), the narrower view
    the search index reads, the index, and the triggers that keep it. `numbered`: schema 8's claim_rows, which
    keeps a claim's kind as a number and no hedges or quotes as NULL (store.derived.CLAIM_KINDS)."""
    kind_out = decoded("c.kind", CLAIM_KINDS) if numbered else "c.kind"
    hedges_out = "coalesce(c.hedges, '[]')" if numbered else "c.hedges"

    def kept(column: str) -> str:       # a value written through the view, as claim_rows keeps it
        if column == "kind":
            return encoded("new.kind", CLAIM_KINDS) if numbered else "new.kind"
        if column in ("hedges", "quotes"):
            return f"nullif(new.{column}, '[]')" if numbered else f"coalesce(new.{column}, '[]')"
        return "coalesce(new.is_heading, 0)" if column == "is_heading" else f"new.{column}"
    return f"""
CREATE VIEW IF NOT EXISTS claims AS SELECT c.id, c.source_id, c.start, c."end",
    {CLAIM_TEXT.format(c="c", s="s")} AS text, {kind_out} AS kind, c.speaker_as_written, c.speaker,
    {hedges_out} AS hedges, {QUOTES.format(c="c", s="s")} AS quotes, c.is_heading
    FROM claim_rows c LEFT JOIN sources s ON s.id = c.source_id;
CREATE VIEW IF NOT EXISTS claim_texts AS SELECT c.id, {CLAIM_TEXT.format(c="c", s="s")} AS text, c.speaker
    FROM claim_rows c LEFT JOIN sources s ON s.id = c.source_id;
CREATE TRIGGER IF NOT EXISTS claims_insert INSTEAD OF INSERT ON claims BEGIN
  INSERT INTO claim_rows (id, source_id, start, "end", text, kind, speaker_as_written, speaker, hedges, quotes,
                          is_heading)
  VALUES (new.id, new.source_id, new.start, new."end",
          CASE WHEN new.text IS substr((SELECT text FROM sources WHERE id = new.source_id), new.start + 1,
                                       new."end" - new.start) THEN NULL ELSE new.text END,
          {", ".join(kept(c) for c in _CLAIM_COLUMNS)});
END;
CREATE TRIGGER IF NOT EXISTS claims_update INSTEAD OF UPDATE ON claims BEGIN
  UPDATE claim_rows SET {", ".join(f"{c} = {kept(c)}" for c in _CLAIM_COLUMNS)} WHERE id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS claims_delete INSTEAD OF DELETE ON claims BEGIN
  DELETE FROM claim_rows WHERE id = old.id;
END;
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING FTS5 (
    "text", "speaker",
    tokenize='unicode61 remove_diacritics 2',
    content="claim_texts", content_rowid="id", columnsize=0, detail=none
);
CREATE TRIGGER IF NOT EXISTS claims_ad AFTER DELETE ON claim_rows BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, text, speaker) SELECT 'delete', old.id,
    {CLAIM_TEXT.format(c="old", s="s")}, old.speaker FROM sources s WHERE s.id = old.source_id;
END;
CREATE TRIGGER IF NOT EXISTS claims_au AFTER UPDATE ON claim_rows BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, text, speaker) SELECT 'delete', old.id,
    {CLAIM_TEXT.format(c="old", s="s")}, old.speaker FROM sources s WHERE s.id = old.source_id;
  INSERT INTO claims_fts (rowid, text, speaker) SELECT new.id,
    {CLAIM_TEXT.format(c="new", s="s")}, new.speaker FROM sources s WHERE s.id = new.source_id;
END;
CREATE TRIGGER IF NOT EXISTS sources_claims_bd BEFORE DELETE ON sources BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, text, speaker) SELECT 'delete', c.id,
    {CLAIM_TEXT.format(c="c", s="old")}, c.speaker FROM claim_rows c WHERE c.source_id = old.id;
END;
"""


_CLAIMS_V6 = _claims_views(numbered=False)
_CLAIMS_V8 = _claims_views(numbered=True)

# Schema 8: claim_rows keeps a claim's kind as a number and no hedges or quotes as NULL (store.derived). Its
# index on (source, start, end) answers which claims hold a span (an entity's mention) without the table.
_CLAIM_ROWS_V8 = """
CREATE TABLE IF NOT EXISTS claim_rows (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
    kind INTEGER NOT NULL, speaker_as_written TEXT, speaker TEXT,
    hedges TEXT, quotes TEXT, is_heading INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS claims_span ON claim_rows(source_id, start, "end");
"""
# (A claim deleted with its source is taken out of the search index before the source goes, while its
# text can still be read: by the time the deletion cascades to claim_rows, the source is gone.)


def set_speakers(conn: sqlite3.Connection, speakers: list[tuple[str | None, int]]) -> None:
    """Set claims' speakers, (speaker, claim id) each, with their search-index rows, in bulk: the old rows
    out, the claims updated without the per-row trigger claims_au (which reads the source's whole text
    twice for each claim), the new rows in. For relink, inside its transaction."""
    if not speakers:
        return
    conn.execute("CREATE TEMP TABLE set_speakers (id INTEGER PRIMARY KEY, speaker TEXT)")
    conn.executemany("INSERT INTO set_speakers (speaker, id) VALUES (?, ?)", speakers)
    rows = (f"SELECT c.id, {CLAIM_TEXT.format(c='c', s='s')}, c.speaker FROM set_speakers n"
            " JOIN claim_rows c ON c.id = n.id LEFT JOIN sources s ON s.id = c.source_id ORDER BY c.id")
    trigger = _claims_statement("TRIGGER IF NOT EXISTS claims_au")
    conn.execute(f"INSERT INTO claims_fts (claims_fts, rowid, text, speaker) SELECT 'delete', * FROM ({rows})")
    conn.execute("DROP TRIGGER claims_au")
    conn.execute("UPDATE claim_rows SET speaker = (SELECT n.speaker FROM set_speakers n WHERE n.id = claim_rows.id)"
                 " WHERE id IN (SELECT id FROM set_speakers)")
    conn.execute(trigger)
    conn.execute(f"INSERT INTO claims_fts (rowid, text, speaker) {rows}")
    conn.execute("DROP TABLE temp.set_speakers")

# The same for entity mentions: `surface` is the span of the source's text, `name` is the surface unless
# mention_rows keeps another (a possessive's name drops its "'s").
_MENTION_ROWS_V6 = """
CREATE TABLE IF NOT EXISTS mention_rows (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, surface TEXT,
    name TEXT, type TEXT NOT NULL, evidence INTEGER NOT NULL,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS mentions_source ON mention_rows(source_id);
"""
_MENTIONS_V6 = f"""
CREATE VIEW IF NOT EXISTS mentions AS SELECT m.id, m.source_id, m.start, m."end",
    {MENTION_SURFACE.format(c="m", s="s")} AS surface,
    coalesce(m.name, {MENTION_SURFACE.format(c="m", s="s")}) AS name, m.type, m.evidence, m.entity_id
    FROM mention_rows m LEFT JOIN sources s ON s.id = m.source_id;
"""

# Schema 8: a source's mentions are kept together, in a table without rowids keyed by the source and the
# mention's place among its mentions (`seq`, from 0, in the order of the text), which needs no index to find
# them; a mention's type is kept as a number (store.derived.MENTION_TYPES).
_MENTION_ROWS_V8 = """
CREATE TABLE IF NOT EXISTS mention_rows (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, surface TEXT,
    name TEXT, type INTEGER NOT NULL, evidence INTEGER NOT NULL,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    PRIMARY KEY (source_id, seq)
) WITHOUT ROWID;
"""
_MENTIONS_V8 = f"""
CREATE VIEW IF NOT EXISTS mentions AS SELECT m.source_id, m.seq, m.start, m."end",
    {MENTION_SURFACE.format(c="m", s="s")} AS surface,
    coalesce(m.name, {MENTION_SURFACE.format(c="m", s="s")}) AS name, {decoded("m.type", MENTION_TYPES)} AS type,
    m.evidence, m.entity_id
    FROM mention_rows m LEFT JOIN sources s ON s.id = m.source_id;
"""

# Schema 6: a fact of one claim (most facts) keeps its label as a span of its claim's text, label_start..
# label_end, followed by "…" when label_cut (readers use store.derived.fact_label_sql()); `label` is kept only
# where it is not such a span. Memberships are a table without rowids.
_FACTS_V6 = """
CREATE TABLE IF NOT EXISTS {facts} (
    id INTEGER PRIMARY KEY,
    label TEXT, story_id INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL, n_claims INTEGER NOT NULL,
    label_start INTEGER, label_end INTEGER, label_cut INTEGER
);
CREATE TABLE IF NOT EXISTS {fact_claims} (
    fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claim_rows(id) ON DELETE CASCADE,
    PRIMARY KEY (fact_id, claim_id)
) WITHOUT ROWID;
"""


# Indexes over columns relink() rewrites whole: it drops them, writes, and builds them again in one go,
# which is several times faster than updating them row by row.
RELINK_INDEXES = {
    "mentions_entity": "CREATE INDEX IF NOT EXISTS mentions_entity ON mention_rows(entity_id)",
    "fact_claims_claim": "CREATE INDEX IF NOT EXISTS fact_claims_claim ON fact_claims(claim_id)",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    outlet TEXT, title TEXT, url TEXT, published TEXT, author TEXT,
    format TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_path ON sources(path);
CREATE TABLE IF NOT EXISTS furniture (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS furniture_source ON furniture(source_id);
""" + _CLAIM_ROWS_V8 + """
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claim_rows(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    low REAL, high REAL, unit TEXT, qualifier TEXT, kind TEXT NOT NULL, tolerance REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS figures_claim ON figures(claim_id);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
    n_sources INTEGER NOT NULL DEFAULT 0, n_mentions INTEGER NOT NULL DEFAULT 0
);
""" + _MENTION_ROWS_V8 + """CREATE TABLE IF NOT EXISTS acronyms (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    name TEXT NOT NULL, acronym TEXT NOT NULL
);
""" + _FACTS_V6.format(facts="facts", fact_claims="fact_claims") + "".join(
    f"{sql};\n" for sql in RELINK_INDEXES.values()) + _DISCREPANCIES_V2 + _STORIES_V3 + _PAGE_INDEXES_V5 + _CLAIMS_V8 \
    + _MENTIONS_V8 + _PAGE_INDEXES_V7

_FTS = {    # (claims_fts, which reads the claim_texts view, is made with the views: _CLAIMS_V6)
    "sources": ["title", "outlet", "name"],
    "entities": ["name", "aliases"],
    "facts": ["label"],
}
# Which changes triggers carry into each search index (insert, delete, update). The others are written in
# bulk, which is several times faster than a trigger per row: new claims by write_sources() (claims_fts's
# triggers, for changed and deleted claims, are in _CLAIMS_V6), and the entities and facts, which relink()
# rewrites whole, by rebuilding their index.
_FTS_TRIGGERS = {"sources": ("ai", "ad", "au"), "entities": (), "facts": ()}

# Schema 4: the indexes written in bulk lose their per-row triggers.
_BULK_FTS_V4 = """
DROP TRIGGER IF EXISTS claims_ai;
DROP TRIGGER IF EXISTS entities_ai;
DROP TRIGGER IF EXISTS entities_ad;
DROP TRIGGER IF EXISTS entities_au;
DROP TRIGGER IF EXISTS facts_ai;
DROP TRIGGER IF EXISTS facts_ad;
DROP TRIGGER IF EXISTS facts_au;
"""


def _is_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _to_v5(conn: sqlite3.Connection) -> None:
    _run(conn, _PAGE_INDEXES_V5 + (_CLAIMS_SPAN_V5 if _is_table(conn, "claims") else ""))


def _to_v6(conn: sqlite3.Connection) -> None:
    """Claims' text and quotes and mentions' surfaces read from their sources' text, one-claim facts' labels
    from their claims' (see _CLAIMS_V6, _MENTIONS_V6 and _FACTS_V6). Tables are rebuilt as SQLite's ALTER TABLE
    documentation describes, with foreign keys off (_migrate's caller turns them off), so that no deletion
    cascades. Each part is skipped where the store already has it."""
    if _is_table(conn, "claims"):
        table, index = _CLAIM_ROWS_V6.split(");\n", 1)
        text = CLAIM_TEXT.format(c="c", s="s").replace("c.text", "NULL")
        # the first rename carries the other tables' references to claims over to claim_rows, the name the
        # rebuilt table then takes
        _run(conn, f"""
DROP TRIGGER IF EXISTS claims_ai;
DROP TRIGGER IF EXISTS claims_ad;
DROP TRIGGER IF EXISTS claims_au;
DROP TABLE IF EXISTS claims_fts;
ALTER TABLE claims RENAME TO claim_rows;
{table.replace("claim_rows", "claim_rows_v6")});
INSERT INTO claim_rows_v6 (id, source_id, start, "end", text, kind, speaker_as_written, speaker, hedges, quotes,
                           is_heading)
SELECT c.id, c.source_id, c.start, c."end", CASE WHEN c.text IS {text} THEN NULL ELSE c.text END, c.kind,
       c.speaker_as_written, c.speaker, c.hedges, c.quotes, c.is_heading
FROM claim_rows c LEFT JOIN sources s ON s.id = c.source_id ORDER BY c.id;
DROP TABLE claim_rows;
ALTER TABLE claim_rows_v6 RENAME TO claim_rows;
{index}""")
        for rows in _chunks(conn, "claim_rows", 'SELECT c.id, c.start, c.quotes, substr(s.text, c.start + 1,'
                            ' c."end" - c.start) FROM claim_rows c JOIN sources s ON s.id = c.source_id'
                            " WHERE c.id BETWEEN ? AND ? AND c.quotes <> '[]' AND c.text IS NULL"):
            updates = []
            for cid, start, quotes, text in rows:     # (spans of the claim's text, then of the source's)
                kept = quote_spans(quotes, text, 0, len(text))
                if kept != quotes:
                    updates.append((json.dumps([[a + start, b + start] for a, b in json.loads(kept)]), cid))
            conn.executemany("UPDATE claim_rows SET quotes = ? WHERE id = ?", updates)
        _run(conn, _CLAIMS_V6)
        conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
    if _is_table(conn, "mentions"):
        table, index = _MENTION_ROWS_V6.split(");\n", 1)
        surface = MENTION_SURFACE.format(c="m", s="s").replace("m.surface", "NULL")
        _run(conn, f"""
ALTER TABLE mentions RENAME TO mention_rows;
{table.replace("mention_rows", "mention_rows_v6")});
INSERT INTO mention_rows_v6 (id, source_id, start, "end", surface, name, type, evidence, entity_id)
SELECT m.id, m.source_id, m.start, m."end", CASE WHEN m.surface IS {surface} THEN NULL ELSE m.surface END,
       CASE WHEN m.name IS m.surface THEN NULL ELSE m.name END, m.type, m.evidence, m.entity_id
FROM mention_rows m LEFT JOIN sources s ON s.id = m.source_id ORDER BY m.id;
DROP TABLE mention_rows;
ALTER TABLE mention_rows_v6 RENAME TO mention_rows;
{index}{RELINK_INDEXES["mentions_entity"]};
{_MENTIONS_V6}""")
    (facts_sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'fact_claims'").fetchone()
    if "WITHOUT ROWID" not in facts_sql.upper():
        _run(conn, _FACTS_V6.format(facts="facts_v6", fact_claims="fact_claims_v6") + """
INSERT INTO facts_v6 (id, label, story_id, n_sources, n_claims)
SELECT id, label, story_id, n_sources, n_claims FROM facts ORDER BY id;
INSERT INTO fact_claims_v6 (fact_id, claim_id) SELECT fact_id, claim_id FROM fact_claims ORDER BY fact_id, claim_id;
DROP TABLE fact_claims;
DROP TABLE facts;
ALTER TABLE facts_v6 RENAME TO facts;
ALTER TABLE fact_claims_v6 RENAME TO fact_claims;
""" + "".join(f"{sql};\n" for sql in RELINK_INDEXES.values() if "fact_claims" in sql) + _PAGE_INDEXES_V5)
        # a one-claim fact's label becomes a span of its claim's text where it is one
        for rows in _chunks(conn, "facts", f"SELECT f.id, f.label, {CLAIM_TEXT.format(c='c', s='s')} FROM facts f"
                            " JOIN fact_claims fc ON fc.fact_id = f.id JOIN claim_rows c ON c.id = fc.claim_id"
                            " LEFT JOIN sources s ON s.id = c.source_id WHERE f.id BETWEEN ? AND ? AND f.n_claims = 1"):
            spans = [(*span, fid) for fid, label, text in rows if (span := label_span(label, text or "")) is not None]
            conn.executemany("UPDATE facts SET label = NULL, label_start = ?, label_end = ?, label_cut = ?"
                             " WHERE id = ?", spans)


def _to_v7(conn: sqlite3.Connection) -> None:
    """Facts renumbered in the order the panes list them, and the indexes that order no longer needs dropped
    (_PAGE_INDEXES_V7); the claims' search index rebuilt without word positions (detail=none: the search
    matches words and prefixes, never phrases, and the index is less than half the size)."""
    (fts_sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_fts'").fetchone()
    if "detail=none" not in fts_sql:
        create = _claims_statement("claims_fts USING FTS5")
        conn.execute("DROP TABLE claims_fts")
        conn.execute(create)
        conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
    # ties keep their order: the ids schema 6 gave were in order of first claim among facts of as many outlets
    _run(conn, _FACTS_V6.format(facts="facts_v7", fact_claims="fact_claims_v7") + f"""
CREATE TEMP TABLE v7_fact_ids AS SELECT id AS old, row_number() OVER (ORDER BY {FACT_RANK}, id) AS new FROM facts;
CREATE INDEX temp.v7_fact_ids_old ON v7_fact_ids(old);
INSERT INTO facts_v7 (id, label, story_id, n_sources, n_claims, label_start, label_end, label_cut)
SELECT i.new, f.label, f.story_id, f.n_sources, f.n_claims, f.label_start, f.label_end, f.label_cut
FROM facts f JOIN v7_fact_ids i ON i.old = f.id ORDER BY i.new;
INSERT INTO fact_claims_v7 (fact_id, claim_id)
SELECT i.new, fc.claim_id FROM fact_claims fc JOIN v7_fact_ids i ON i.old = fc.fact_id ORDER BY i.new, fc.claim_id;
DROP TABLE temp.v7_fact_ids;
DROP TABLE fact_claims;
DROP TABLE facts;
ALTER TABLE facts_v7 RENAME TO facts;
ALTER TABLE fact_claims_v7 RENAME TO fact_claims;
INSERT INTO facts_fts (facts_fts) VALUES ('delete-all');
INSERT INTO facts_fts (rowid, label) SELECT id, label FROM facts WHERE n_claims > 1;
""" + "".join(f"{sql};\n" for sql in RELINK_INDEXES.values() if "fact_claims" in sql) + _PAGE_INDEXES_V7)


def _to_v8(conn: sqlite3.Connection) -> None:
    """claim_rows and mention_rows rebuilt as schema 8 keeps them (_CLAIM_ROWS_V8, _MENTION_ROWS_V8): kinds and
    types as numbers, no hedges or quotes as NULL, a source's mentions kept together in a table without rowids.
    The views and triggers over the two tables are made again; claim ids, and so the search index, are unchanged."""
    if "seq" in {row[1] for row in conn.execute("PRAGMA table_info(mention_rows)")}:
        return      # a store made by this schema's code, marked older (tests that rerun every migration)
    claims, claims_index = _CLAIM_ROWS_V8.split(");\n", 1)
    _run(conn, f"""
DROP VIEW IF EXISTS claims;
DROP VIEW IF EXISTS claim_texts;
DROP TRIGGER IF EXISTS sources_claims_bd;
{claims.replace("claim_rows", "claim_rows_v8")});
INSERT INTO claim_rows_v8 (id, source_id, start, "end", text, kind, speaker_as_written, speaker, hedges, quotes,
                           is_heading)
SELECT id, source_id, start, "end", text, {encoded("kind", CLAIM_KINDS)}, speaker_as_written, speaker,
       nullif(hedges, '[]'), nullif(quotes, '[]'), is_heading
FROM claim_rows ORDER BY id;
DROP TABLE claim_rows;
ALTER TABLE claim_rows_v8 RENAME TO claim_rows;
{claims_index}{_CLAIMS_V8}
DROP VIEW IF EXISTS mentions;
{_MENTION_ROWS_V8.replace("mention_rows", "mention_rows_v8")}
INSERT INTO mention_rows_v8 (source_id, seq, start, "end", surface, name, type, evidence, entity_id)
SELECT source_id, row_number() OVER (PARTITION BY source_id ORDER BY id) - 1, start, "end", surface, name,
       {encoded("type", MENTION_TYPES)}, evidence, entity_id
FROM mention_rows ORDER BY source_id, id;
DROP TABLE mention_rows;
ALTER TABLE mention_rows_v8 RENAME TO mention_rows;
{RELINK_INDEXES["mentions_entity"]};
{_MENTIONS_V8}""")


def _chunks(conn: sqlite3.Connection, table: str, sql: str, size: int = 20000):
    """The rows of `sql` (with `id BETWEEN ? AND ?`) a range of `table`'s ids at a time: a migration's memory
    does not grow with the store."""
    (top,) = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
    for low in range(0, top + 1, size):
        yield conn.execute(sql, (low, low + size - 1)).fetchall()


def _run(conn: sqlite3.Connection, script: str) -> None:
    for statement in _statements(script):
        conn.execute(statement)


# One entry per schema version after 1: the SQL (or the function) that brings a store from the version before.
MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {
    2: _DISCREPANCIES_V2, 3: _STORIES_V3, 4: _BULK_FTS_V4, 5: _to_v5, 6: _to_v6, 7: _to_v7, 8: _to_v8}


def content_hash(article: Article) -> str:
    """Same content read by the same analyser: ingesting it again adds nothing."""
    import store.fingerprint  # looked up at call time, so tests can stand in another analyser

    h = hashlib.sha256(store.fingerprint.analyzer_fingerprint().encode())
    for part in (article.text, article.title or "", article.outlet or "", article.url or "",
                 article.published or "", article.author or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_store(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (or create) a store, refusing files that are not factdiff stores and migrating old ones."""
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{p}: is a folder; give a store file")
    exists = p.exists() and p.stat().st_size > 0
    if not exists and not create:
        raise StoreError(f"{p}: no such store (run 'factdiff ingest' first)")
    if exists:
        try:
            with open(p, "rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise StoreError(f"{p}: cannot be read ({exc.strerror or exc})") from None
        if header != b"SQLite format 3\x00":
            raise StoreError(f"{p}: not a factdiff store (not an SQLite file)")
    try:
        conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{p}: cannot open as a store ({exc})") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        _when_free(lambda: _set_up(conn, p), BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{p}: cannot open as a store ({exc})") from None
    except BaseException:
        conn.close()
        raise
    return sqlite_utils.Database(conn)


def _set_up(conn: sqlite3.Connection, p: Path) -> None:
    # Before anything that writes: another program's database must be left exactly as it was.
    if _has_tables(conn) and conn.execute("PRAGMA application_id").fetchone()[0] != APP_ID:
        raise StoreError(f"{p}: an SQLite file, but not a factdiff store; choose another --db path")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    _prepare(conn, p)


def _when_free(step: Callable[[], None], timeout: float) -> None:
    """Run `step`, again while the file is busy, for up to `timeout` seconds. SQLite's busy timeout does not
    cover everything: a switch to WAL while another process is switching the same new file (or holds its
    write lock in the old journal mode) fails at once, since waiting there could deadlock. The step must be
    safe to repeat: _set_up's writes are one transaction, rolled back when it fails."""
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _prepare(conn: sqlite3.Connection, p: Path) -> None:
    """Create the store in an empty file, or migrate it to this schema version."""
    if _schema_version(conn) == SCHEMA_VERSION:
        return
    # Under the write lock and in one transaction: a killed run leaves the file as it was, and another
    # process opening the same file waits, then finds the work done. Foreign keys are off meanwhile (they can
    # only be switched outside a transaction): a migration rebuilding a table must not cascade its deletion.
    (fk,) = conn.execute("PRAGMA foreign_keys").fetchone()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _schema_version(conn) == SCHEMA_VERSION:     # another process did it meanwhile
                pass
            elif not _has_tables(conn):
                _create(conn)
            else:
                _migrate(conn, p)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if fk else 'OFF'}")


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is not None


def _schema_version(conn: sqlite3.Connection) -> int | None:
    """The version the store records; None for an empty file, 0 for tables without one."""
    if not _has_tables(conn):
        return None
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def _create(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA + "".join(_fts_sql(table, cols) for table, cols in _FTS.items())):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '0')")


def _fts_sql(table: str, cols: list[str]) -> str:
    """An FTS5 index over a table, as sqlite-utils' enable_fts makes it (so its search() finds it), with the
    triggers _FTS_TRIGGERS gives it."""
    fts = f"{table}_fts"
    names = ", ".join(f'"{c}"' for c in cols)
    new = ", ".join(f'new."{c}"' for c in cols)
    old = ", ".join(f'old."{c}"' for c in cols)
    insert = f'INSERT INTO "{fts}" (rowid, {names}) VALUES (new.rowid, {new});'
    delete = f'INSERT INTO "{fts}" ("{fts}", rowid, {names}) VALUES(\'delete\', old.rowid, {old});'
    triggers = {
        "ai": f'CREATE TRIGGER IF NOT EXISTS "{table}_ai" AFTER INSERT ON "{table}" BEGIN\n  {insert}\nEND;\n',
        "ad": f'CREATE TRIGGER IF NOT EXISTS "{table}_ad" AFTER DELETE ON "{table}" BEGIN\n  {delete}\nEND;\n',
        "au": f'CREATE TRIGGER IF NOT EXISTS "{table}_au" AFTER UPDATE ON "{table}" BEGIN\n  {delete}\n  {insert}\n'
              'END;\n'}
    return f"""
CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING FTS5 (
    {names},
    tokenize='unicode61 remove_diacritics 2',
    content="{table}"
);
""" + "".join(triggers[t] for t in _FTS_TRIGGERS.get(table, ("ai", "ad", "au")))


def _claims_statement(marker: str) -> str:
    """The one statement of the claims' schema (_CLAIMS_V8) that holds `marker`, to run again on its own."""
    (statement,) = [s for s in _statements(_CLAIMS_V8) if marker in s]
    return statement


def _statements(script: str) -> list[str]:
    """Split an SQL script into statements, so that it runs inside a transaction (executescript commits)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf)
            buf = ""
    if buf.strip():
        out.append(buf)
    return out


def _migrate(conn: sqlite3.Connection, p: Path) -> None:
    version = _schema_version(conn) or 0
    if version > SCHEMA_VERSION:
        raise StoreError(f"{p}: written by a newer factdiff (schema {version}); upgrade factdiff to open it")
    if version < 1:
        raise StoreError(f"{p}: store schema {version} is too old to migrate; re-ingest into a new --db file")
    if version < SCHEMA_VERSION:
        # (it rebuilds tables and search indexes: minutes on a store of tens of thousands of articles)
        (n,) = conn.execute("SELECT count(*) FROM sources").fetchone()
        sys.stderr.write(f"factdiff: {printable(str(p))}: updating the store of {n:,} articles from schema {version}"
                         f" to {SCHEMA_VERSION}; on a big store this takes minutes…\n")
        sys.stderr.flush()
    while version < SCHEMA_VERSION:
        try:
            step = MIGRATIONS[version + 1]
            if callable(step):
                step(conn)
            else:
                _run(conn, step)
        except sqlite3.Error as exc:
            raise StoreError(f"{p}: could not migrate the store from schema {version} to {version + 1} ({exc});"
                             " the store is unchanged") from None
        version += 1
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))


def compact(conn: sqlite3.Connection) -> None:
    """Rewrite the store with its pages full (VACUUM), and empty the write-ahead log into it. After a bulk
    ingest about 5 % of the store is slack (34 MB of 753 at 37,547 articles): relink's updates (speakers,
    entity ids) grow rows in full pages, which split, and indexes filled row by row leave room in each page.
    Ctrl-C stops it, leaving the store as it was; it holds the write lock meanwhile."""
    if conn.in_transaction:
        conn.commit()
    # without a progress handler, Ctrl-C would wait for the VACUUM to finish: the handler gives Python a
    # moment to raise KeyboardInterrupt, which makes SQLite stop the statement and roll it back
    conn.set_progress_handler(lambda: 0, 100_000)
    try:
        conn.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise KeyboardInterrupt from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def printable(s: str) -> str:
    """A path or reason printed on one line, with control characters made visible."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in s)


def _text_path(path: str) -> str:
    """A file name that is not UTF-8 (its bytes held as surrogates) as text SQLite can store: caf\\xe9.txt."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def find_source(db: sqlite_utils.Database, article: Article, digest: str) -> tuple[str, int | None]:
    """('same', id) if this content is stored; ('changed', id) if this path holds other content; ('new', None)."""
    row = db.execute("SELECT id FROM sources WHERE content_hash = ?", [digest]).fetchone()
    if row:
        return "same", row[0]
    row = db.execute("SELECT id FROM sources WHERE path = ? ORDER BY id DESC LIMIT 1",
                     [_text_path(article.path)]).fetchone()
    if row:
        return "changed", row[0]
    return "new", None


@dataclass
class SourceRows:
    """One analysed article as the rows the store keeps of it (plain tuples: cheap to send between processes)."""
    title: str | None
    author: str | None
    published: str | None
    furniture: list[tuple]      # (start, end, kind)
    claims: list[tuple]         # (start, end, text, kind, speaker, hedges, quotes, is_heading, [figure rows])
    mentions: list[tuple]       # (start, end, surface, name, type, evidence)
    acronyms: list[tuple[str, str]]
    # As claim_rows and mention_rows keep them (schemas 6 and 8): a claim's text and a mention's surface None
    # where they are their span of the source's text, a name None where it is the surface, quotes as spans,
    # no hedges or quotes as None, kinds and types as numbers (store.derived.CLAIM_KINDS, MENTION_TYPES). Made
    # where the article is analysed (a worker process), so the one writer does less and less is sent to it.


def source_rows(analysis: Analysis, acronyms: list[tuple[str, str]]) -> SourceRows:
    """An analysis as the rows write_sources() stores."""
    text = analysis.text if "\x00" not in analysis.text else None     # (SQLite's substr stops at a NUL)
    claims = []
    for c in analysis.claims:
        kept = None if text is not None and text[c.start:c.end] == c.text else c.text
        claims.append((c.start, c.end, kept, CLAIM_KINDS.index(c.kind), c.speaker,
                       json.dumps(list(c.hedges)) if c.hedges else None,
                       none_if_empty(quote_spans(json.dumps(list(c.quotes), ensure_ascii=False),
                                                 text if kept is None else None, c.start, c.end)), int(c.is_heading),
                       [(f.start, f.end, f.text, f.low, f.high, f.unit, f.qualifier, f.kind, f.tolerance)
                        for f in c.figures]))
    return SourceRows(
        title=analysis.title, author=analysis.author, published=analysis.published,
        furniture=[(f.start, f.end, f.kind) for f in analysis.furniture],
        claims=claims,
        mentions=[(m.start, m.end, None if text is not None and text[m.start:m.end] == m.surface else m.surface,
                   None if m.name == m.surface else m.name, MENTION_TYPES.index(m.type), m.evidence)
                  for m in analysis.mentions],
        acronyms=list(acronyms))


def write_sources(db: sqlite_utils.Database,
                  batch: list[tuple[Article, SourceRows, str, int | None]]) -> list[bool]:
    """Store articles and everything found in them, all in one transaction: each source is whole or absent.

    Each item is (article, rows, content hash, id of the source it replaces or None). Returns, per item,
    whether it was stored: False when the same content is already in the store (another run stored it).
    """
    conn = db.conn
    stored: list[bool] = []
    if not batch:
        return stored
    with conn:
        ids: list[int | None] = []
        for article, rows, digest, replaces in batch:
            if replaces is not None:
                conn.execute("DELETE FROM sources WHERE id = ?", (replaces,))
            path = _text_path(article.path)
            try:
                cur = conn.execute(
                    "INSERT INTO sources (path, name, content_hash, outlet, title, url, published, author, format,"
                    " text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (path, Path(path.split("#")[0]).name or path, digest, article.outlet, rows.title, article.url,
                     rows.published, rows.author, article.format, article.text, _now()))
            except sqlite3.IntegrityError as exc:
                if "sources.content_hash" not in str(exc):
                    raise
                ids.append(None)
                continue
            ids.append(cur.lastrowid)
        # the write lock is held: claim ids can be given here, so figures need no lookup per claim
        (next_claim,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM claim_rows").fetchone()
        furniture, claims, figures, mentions, acronyms, indexed = [], [], [], [], [], []
        for (article, rows, _, _), sid in zip(batch, ids):
            stored.append(sid is not None)
            if sid is None:
                continue
            furniture += [(sid, *f) for f in rows.furniture]
            source_text = article.text
            for start, end, kept, kind, speaker, hedges, quotes, heading, figs in rows.claims:
                claims.append((next_claim, sid, start, end, kept, kind, speaker, speaker, hedges, quotes, heading))
                indexed.append((next_claim, source_text[start:end] if kept is None else kept, speaker))
                figures += [(next_claim, *f) for f in figs]
                next_claim += 1
            mentions += [(sid, seq, *m) for seq, m in enumerate(rows.mentions)]
            acronyms += [(sid, n, a) for n, a in rows.acronyms]
        conn.executemany('INSERT INTO furniture (source_id, start, "end", kind) VALUES (?,?,?,?)', furniture)
        conn.executemany('INSERT INTO claim_rows (id, source_id, start, "end", text, kind, speaker_as_written,'
                         ' speaker, hedges, quotes, is_heading) VALUES (?,?,?,?,?,?,?,?,?,?,?)', claims)
        # (from the texts at hand: reading them back through claim_texts would cut each from its source's text)
        conn.executemany("INSERT INTO claims_fts (rowid, text, speaker) VALUES (?, ?, ?)", indexed)
        conn.executemany('INSERT INTO figures (claim_id, start, "end", text, low, high, unit, qualifier, kind,'
                         ' tolerance) VALUES (?,?,?,?,?,?,?,?,?,?)', figures)
        conn.executemany('INSERT INTO mention_rows (source_id, seq, start, "end", surface, name, type, evidence)'
                         ' VALUES (?,?,?,?,?,?,?,?)', mentions)
        conn.executemany("INSERT INTO acronyms VALUES (?,?,?)", acronyms)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")
    return stored


def write_source(db: sqlite_utils.Database, article: Article, analysis: Analysis,
                 acronyms: list[tuple[str, str]], digest: str, replaces: int | None = None) -> int:
    """Store one article and everything found in it, in one transaction; returns its id."""
    if not write_sources(db, [(article, source_rows(analysis, acronyms), digest, replaces)])[0]:
        raise sqlite3.IntegrityError("UNIQUE constraint failed: sources.content_hash")
    return db.execute("SELECT id FROM sources WHERE content_hash = ?", [digest]).fetchone()[0]
