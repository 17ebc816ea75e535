"""Read-only queries over a store for front ends: every SQL the app runs, returning small frozen records.

A `Queries` object may be shared by threads: each thread gets its own sqlite3 connection (a connection
belongs to the thread that opened it), opened with `PRAGMA query_only` so nothing here can write.

Lists the app scrolls through (sources, facts, entities, coverage rows) are read a page at a time: a `count_*`
query says how many rows a list has, and the list query returns `limit` of them from `offset`, in an order that
ties never make ambiguous, so that pages join up. Given the count (`total`), a page nearer the end is read
backwards from it, so that the last page costs what the first does.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process, utils

from .derived import CLAIM_KINDS, MENTION_TYPES, fact_label_sql
from .search import match_expressions, respell, vocabulary

if TYPE_CHECKING:
    from .coverage import CoverageRow, Outlet

MAX_ROWS = 300          # most rows a list query returns unless asked for another page size
LINKED_CACHE = 16       # results Queries keeps worked out from facts and entities (an entity's facts each)
SEARCH_LIMIT = 50
SEARCH_CUTOFF = 70      # rapidfuzz score (0-100) below which a search hit is dropped
SCAN_ALL_BELOW = 2000   # tables smaller than this are fuzzy-matched whole (about 10 ms at this size); bigger
                        # ones are narrowed by FTS5
SEARCH_CANDIDATES = 100  # most rows of a big table one search ranks (each costs ~0.1 ms to fetch and score)
MANY_STORIES = 9         # an entity in more stories than this is said to be in "9+ stories"
_LABEL = fact_label_sql("f")   # a fact's label (a fact of one claim has its claim's)


@dataclass(frozen=True)
class SourceRow:
    id: int
    number: int           # 1-based position among the store's sources, as shown in coverage marks
    outlet: str
    title: str
    published: str
    n_claims: int
    path: str


@dataclass(frozen=True)
class FactRow:
    id: int
    label: str
    n_sources: int
    n_claims: int
    coverage: frozenset[int]      # ids of the sources that report it
    figures_disagree: bool        # a claim's figure is out of reach of another outlet's (see FigureValue.apart)
    speakers_differ: bool         # two outlets credit it to different named people or organisations
    story_id: int                 # 0 in a store without stories

    @property
    def disagreement(self) -> str | None:
        reasons = [r for r, on in (("figures differ", self.figures_disagree),
                                   ("speakers differ", self.speakers_differ)) if on]
        return ", ".join(reasons) or None


@dataclass(frozen=True)
class FigureRow:
    start: int            # offsets into the claim's text
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str | None
    disagrees: bool = False   # out of reach of another outlet's figure of the same quantity


@dataclass(frozen=True)
class ClaimRow:
    id: int
    source_id: int
    outlet: str
    text: str
    kind: str
    speaker: str | None
    hedges: tuple[str, ...]
    figures: tuple[FigureRow, ...]
    start: int            # offsets into the source's text
    end: int


@dataclass(frozen=True)
class EntityRow:
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    n_sources: int
    n_mentions: int


@dataclass(frozen=True)
class StoryRow:
    id: int
    label: str
    n_sources: int
    first_published: str


@dataclass(frozen=True)
class FigureValue:
    """One outlet's figure of a disagreement's quantity."""
    claim_id: int
    source_id: int
    number: int           # the source's number, as in SourceRow
    outlet: str
    speaker: str | None
    text: str
    low: float | None     # None: open-ended ("as many as 8" has no low)
    high: float | None
    unit: str | None
    apart: bool           # some other outlet's range does not overlap it


@dataclass(frozen=True)
class DisagreementRow:
    id: int
    quantity: str
    n_outlets: int
    values: tuple[FigureValue, ...]   # lowest first


@dataclass(frozen=True)
class CoverageView:
    """A page of the facts x outlets matrix: the rows shown, and how many matched."""
    outlets: tuple[Outlet, ...]
    rows: tuple[CoverageRow, ...]
    total: int


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    kind: str             # claim kind, entity type or furniture kind
    ref: int = 0          # claim id or entity id (0 for furniture)


@dataclass(frozen=True)
class SourceText:
    source: SourceRow
    text: str
    claims: tuple[TextSpan, ...]
    mentions: tuple[TextSpan, ...]
    furniture: tuple[TextSpan, ...]


@dataclass(frozen=True)
class SearchHit:
    kind: str             # fact | claim | entity | source
    id: int
    label: str
    where: str            # what matched: "alias Zelenskiy", "claim, RFE/RL", ...
    score: float
    match: tuple[int, int] = (0, 0)   # the matched span inside `label`
    source_id: int = 0    # where a claim hit lives
    story: str = ""       # the story it is in; "3 stories" for an entity named in several


def outlet_name(outlet: str | None, name: str, url: str | None = None) -> str:
    """An outlet's name; when the source does not say, its web site's host, else a short form of the file name
    (both lead a fact-checker back to where the article came from)."""
    if outlet:
        return outlet
    try:
        host = urlsplit(url or "").hostname
    except ValueError:    # a malformed URL, such as an unclosed IPv6 bracket
        host = None
    if host:
        return host.removeprefix("www.")
    stem = Path(name.split("#")[0]).name
    stem = re.sub(r"\.(jsonl|ndjson|json|html?|md|markdown|txt|text)(\.gz)?$", "", stem, flags=re.I)
    return stem[:12] or name[:12]


def overlap(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """Whether two ranges (None for an open end) share a value."""
    (alo, ahi), (blo, bhi) = a, b
    return ((alo is None or bhi is None or alo <= bhi) and (blo is None or ahi is None or blo <= ahi))


def apart(values: list[tuple[int, float | None, float | None]]) -> list[bool]:
    """For each (source id, low, high) value of one quantity: whether some other outlet's range misses it."""
    return [any(s != t and not overlap((lo, hi), (tlo, thi)) for t, tlo, thi in values) for s, lo, hi in values]


# The values of disagreements, each with the claim's source; claim ids in `vals` are written "c12".
_VALUES = ("SELECT d.id AS did, json_extract(j.value, '$.text'), json_extract(j.value, '$.low'),"
           " json_extract(j.value, '$.high'), json_extract(j.value, '$.unit'), json_extract(j.value, '$.speaker'),"
           " c.id, c.source_id AS source_id FROM discrepancies d, json_each(d.vals) j"
           " JOIN claim_rows c ON c.id = CAST(substr(json_extract(j.value, '$.claim_id'), 2) AS INTEGER)")


class _LinkedCache:
    """Results worked out from a store's facts and entities, kept while the store's `linked` mark (raised by
    every relink, when facts and entities are numbered anew) stays the same; the most recently used first."""

    def __init__(self, size: int):
        self._lock = threading.Lock()
        self._size = size
        self._mark: object = object()
        self._items: OrderedDict = OrderedDict()

    def get(self, conn: sqlite3.Connection, key: tuple, work):
        (mark,) = conn.execute("SELECT (SELECT value FROM meta WHERE key = 'linked')").fetchone()
        with self._lock:
            if mark != self._mark:
                self._items.clear()
                self._mark = mark
            elif key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = work()      # (outside the lock: another thread may work out the same meanwhile, harmlessly)
        with self._lock:
            if mark == self._mark:
                self._items[key] = value
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return value


class Queries:
    """Every read the app makes of one store."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._local = threading.local()
        self._linked = _LinkedCache(LINKED_CACHE)

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute("PRAGMA query_only = 1")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- sources ---------------------------------------------------------------

    def count_sources(self, story_id: int | None = None) -> int:
        if story_id is None:
            return self.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM sources WHERE story_id = ?", (story_id,)).fetchone()[0]

    def sources(self, story_id: int | None = None, limit: int = MAX_ROWS, *, offset: int = 0,
                total: int | None = None) -> list[SourceRow]:
        """The store's sources, or a story's, by id: `limit` of them from `offset`; numbered by their place among
        all of them either way."""
        where, args = ("", ()) if story_id is None else (" WHERE s.story_id = ?", (story_id,))
        rows = self._page("s.id, s.outlet, s.name, s.url, s.title, s.published, s.path,"
                          " (SELECT count(*) FROM claim_rows c WHERE c.source_id = s.id)", "sources s", where, args,
                          "s.id", "s.id DESC", offset, limit, total)
        if story_id is None:
            numbers = {row[0]: offset + i + 1 for i, row in enumerate(rows)}
        else:
            numbers = self._numbers([row[0] for row in rows])
        return [SourceRow(sid, numbers[sid], outlet_name(outlet, name, url), title or "", published or "", n_claims,
                          path) for sid, outlet, name, url, title, published, path, n_claims in rows]

    def source_index(self, source_id: int, story_id: int | None = None) -> int | None:
        """Where a source is in `sources(story_id)`; None when it is not there."""
        where, args = ("", ()) if story_id is None else (" AND story_id = ?", (story_id,))
        if self.conn.execute("SELECT 1 FROM sources WHERE id = ?" + where, (source_id, *args)).fetchone() is None:
            return None
        return self.conn.execute("SELECT count(*) FROM sources WHERE +id < ?" + where,
                                 (source_id, *args)).fetchone()[0]

    def _numbers(self, source_ids: list[int]) -> dict[int, int]:
        """Each source's number: its 1-based place among all the store's sources by id."""
        if not source_ids:
            return {}
        # Every id, in one pass however many sources are numbered; SQLite reads them from the smallest index
        # rather than the table, whose rows hold whole articles.
        ids = sorted(sid for (sid,) in self.conn.execute("SELECT id FROM sources"))
        return {sid: bisect_right(ids, sid) for sid in source_ids}

    def source(self, source_id: int) -> SourceRow | None:
        row = self.conn.execute(
            "SELECT s.id, s.outlet, s.name, s.url, s.title, s.published, s.path,"
            " (SELECT count(*) FROM claim_rows c WHERE c.source_id = s.id),"
            " (SELECT count(*) FROM sources t WHERE +t.id <= s.id) FROM sources s WHERE s.id = ?",
            (source_id,)).fetchone()
        if row is None:
            return None
        sid, outlet, name, url, title, published, path, n_claims, number = row
        return SourceRow(sid, number, outlet_name(outlet, name, url), title or "", published or "", n_claims, path)

    def _page(self, columns: str, table: str, where: str, args: tuple, order: str, backwards: str, offset: int,
              limit: int, total: int | None) -> list[tuple]:
        """`limit` rows (`columns`, the first being the id) of `table` (`"facts f"`) from `offset` in `order`.

        The page's ids are found first, then its rows read by id: sorting ids costs far less than sorting whole
        rows when no index gives the order. A page in the last fifth of the list is read in the `backwards` order
        from its end (SQLite steps over every row an OFFSET skips, or sorts them all when no index gives the
        order; nearer the middle, reading backwards saves little, and without an index sorts slower)."""
        offset = max(offset, 0)
        key = table.split()[-1] + ".id"
        sql = f"SELECT {key} FROM {table}{where} ORDER BY {{}} LIMIT ? OFFSET ?"
        if total is not None:
            limit = max(0, min(limit, total - offset))
        if total is not None and limit and (total - offset - limit) * 4 < offset:
            ids = [i for (i,) in self.conn.execute(sql.format(backwards), (*args, limit, total - offset - limit))]
            ids.reverse()
        else:
            ids = [i for (i,) in self.conn.execute(sql.format(order), (*args, limit, offset))]
        if not ids:
            return []
        rows = {row[0]: row for row in self.conn.execute(
            f"SELECT {columns} FROM {table} WHERE {key} IN ({','.join('?' * len(ids))})", ids)}
        return [rows[i] for i in ids if i in rows]

    def source_text(self, source_id: int) -> SourceText | None:
        source = self.source(source_id)
        if source is None:
            return None
        conn = self.conn
        (text,) = conn.execute("SELECT text FROM sources WHERE id = ?", (source_id,)).fetchone()
        claims = tuple(TextSpan(a, b, CLAIM_KINDS[kind], cid) for cid, a, b, kind in conn.execute(
            'SELECT id, start, "end", kind FROM claim_rows WHERE source_id = ? ORDER BY start', (source_id,)))
        mentions = tuple(TextSpan(a, b, MENTION_TYPES[typ], eid or 0) for a, b, typ, eid in conn.execute(
            'SELECT start, "end", type, entity_id FROM mention_rows WHERE source_id = ? AND entity_id IS NOT NULL'
            " ORDER BY start", (source_id,)))
        furniture = tuple(TextSpan(a, b, kind) for a, b, kind in conn.execute(
            'SELECT start, "end", kind FROM furniture WHERE source_id = ? ORDER BY start', (source_id,)))
        return SourceText(source, text, claims, mentions, furniture)

    # -- facts -----------------------------------------------------------------

    @staticmethod
    def _fact_filter(story_id: int | None, source_id: int | None) -> tuple[str, tuple]:
        """The WHERE clause (with its arguments) choosing the facts of a story, or touching a source (for an
        entity, see _entity_facts)."""
        where, args = [], []
        if story_id is not None:
            where.append("f.story_id = ?")
            args.append(story_id)
        if source_id is not None:
            where.append("f.id IN (SELECT fc.fact_id FROM fact_claims fc JOIN claim_rows c ON c.id = fc.claim_id"
                         " WHERE c.source_id = ?)")
            args.append(source_id)
        return (" WHERE " + " AND ".join(where) if where else ""), tuple(args)

    def count_facts(self, *, story_id: int | None = None, source_id: int | None = None,
                    entity_id: int | None = None) -> int:
        if entity_id is not None:
            return len(self._entity_facts(entity_id, story_id, source_id))
        where, args = self._fact_filter(story_id, source_id)
        return self.conn.execute("SELECT count(*) FROM facts f" + where, args).fetchone()[0]

    def facts(self, *, story_id: int | None = None, source_id: int | None = None, entity_id: int | None = None,
              offset: int = 0, limit: int = MAX_ROWS, total: int | None = None) -> list[FactRow]:
        """Facts by how many outlets report them (`limit` of them from `offset`); only those of a story, or
        touching a source or entity, when given."""
        columns = f"f.id, {_LABEL}, f.n_sources, f.n_claims, f.story_id"
        if entity_id is not None:
            page = self._entity_facts(entity_id, story_id, source_id)[max(offset, 0):max(offset, 0) + limit]
            rows = {row[0]: row for row in self.conn.execute(
                f"SELECT {columns} FROM facts f WHERE f.id IN (SELECT value FROM json_each(?))", (json.dumps(page),))}
            return self._fact_rows([rows[i] for i in page if i in rows])
        where, args = self._fact_filter(story_id, source_id)
        # facts are numbered in this order (store.db.FACT_RANK): a page is a run of ids
        rows = self._page(columns, "facts f", where, args, "f.id", "f.id DESC", offset, limit, total)
        return self._fact_rows(rows)

    def fact_index(self, fact_id: int, *, story_id: int | None = None, source_id: int | None = None,
                   entity_id: int | None = None) -> int | None:
        """Where a fact is in `facts(...)` with the same filters; None when it is not there."""
        if entity_id is not None:
            ids = self._entity_facts(entity_id, story_id, source_id)
            i = bisect_left(ids, fact_id)
            return i if i < len(ids) and ids[i] == fact_id else None
        where, args = self._fact_filter(story_id, source_id)
        where = where or " WHERE 1"
        if self.conn.execute(f"SELECT 1 FROM facts f{where} AND f.id = ?", (*args, fact_id)).fetchone() is None:
            return None
        return self.conn.execute(f"SELECT count(*) FROM facts f{where} AND f.id < ?", (*args, fact_id)).fetchone()[0]

    def _entity_facts(self, entity_id: int, story_id: int | None, source_id: int | None) -> list[int]:
        """The ids, in order, of the facts with a claim that holds a mention of an entity (in a story, or
        touching a source, when given). Kept until the store is linked again, so that counting them and paging
        through them work them out once: for the most named entity of a 37,547-article store (124,739
        mentions in 13,546 articles) that takes about a second."""
        return self._linked.get(self.conn, ("entity facts", entity_id, story_id, source_id),
                                lambda: self._work_out_entity_facts(entity_id, story_id, source_id))

    def _work_out_entity_facts(self, entity_id: int, story_id: int | None, source_id: int | None) -> list[int]:
        sql = ("SELECT DISTINCT fc.fact_id FROM mention_rows m JOIN claim_rows c ON c.source_id = m.source_id"
               ' AND c.start <= m.start AND c."end" > m.start JOIN fact_claims fc ON fc.claim_id = c.id')
        if story_id is not None:
            sql += " JOIN sources s ON s.id = m.source_id AND s.story_id = ?"
        args = [story_id] if story_id is not None else []
        sql += " WHERE m.entity_id = ?"
        args.append(entity_id)
        if source_id is not None:
            sql += " AND m.source_id = ?"
            args.append(source_id)
        return [fid for (fid,) in self.conn.execute(sql + " ORDER BY fc.fact_id", args)]

    def fact(self, fact_id: int) -> FactRow | None:
        rows = self.conn.execute(f"SELECT f.id, {_LABEL}, f.n_sources, f.n_claims, f.story_id FROM facts f"
                                 " WHERE f.id = ?", (fact_id,)).fetchall()
        return (self._fact_rows(rows) or [None])[0]

    def fact_of_claim(self, claim_id: int) -> int | None:
        row = self.conn.execute("SELECT fact_id FROM fact_claims WHERE claim_id = ?", (claim_id,)).fetchone()
        return row[0] if row else None

    def _fact_rows(self, rows: list[tuple]) -> list[FactRow]:
        if not rows:
            return []
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        coverage: dict[int, set[int]] = defaultdict(set)
        claims: dict[int, set[int]] = defaultdict(set)
        speakers: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        for fid, cid, sid, speaker in self.conn.execute(
                f"SELECT fc.fact_id, c.id, c.source_id, c.speaker FROM fact_claims fc JOIN claim_rows c"
                f" ON c.id = fc.claim_id WHERE fc.fact_id IN ({marks})", ids):
            coverage[fid].add(sid)
            claims[fid].add(cid)
            if speaker:
                speakers[fid][sid].add(speaker)
        named = self._named_speakers({s for by_source in speakers.values() for names in by_source.values()
                                      for s in names})
        disagreeing = {cid for cid, _ in self._apart_figures(set().union(*claims.values()))}
        return [FactRow(fid, label, n_sources, n_claims, frozenset(coverage[fid]),
                        not claims[fid].isdisjoint(disagreeing),
                        _speakers_conflict([{named[s] for s in names if s in named}
                                            for names in speakers[fid].values()]), story_id)
                for fid, label, n_sources, n_claims, story_id in rows]

    def _named_speakers(self, speakers: set[str]) -> dict[str, int]:
        """The speakers that are a person or organisation of the entities table, by name or alias: their ids.
        Each speaker is looked up once until the store is linked again (a page of facts names the speakers of
        the pages before it again)."""
        known: dict[str, int | None] = self._linked.get(self.conn, ("speakers",), dict)
        new = [s for s in speakers if s not in known]
        if new:
            found = self._look_up_speakers(new)
            known.update((s, found.get(s)) for s in new)
        return {s: eid for s in speakers if (eid := known.get(s)) is not None}

    def _look_up_speakers(self, speakers: list[str]) -> dict[str, int]:
        phrases = ['"' + s.replace('"', '""') + '"' for s in speakers if _WORD.search(s)]
        if not phrases:
            return {}
        wanted = set(speakers)
        # The entities whose name or aliases hold a speaker's words (FTS5 finds them without reading every
        # entity's aliases), then those that have it as a whole name or alias; a name wins over an alias.
        candidates = self.conn.execute(
            "SELECT id, name, aliases FROM entities WHERE type IN ('PERSON', 'ORG') AND id IN"
            " (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?) ORDER BY id",
            (" OR ".join(sorted(phrases)),)).fetchall()
        named = {alias: eid for eid, _, aliases in candidates for alias in json.loads(aliases) if alias in wanted}
        named.update({name: eid for eid, name, _ in candidates if name in wanted})
        return named

    def _apart_figures(self, claim_ids: Iterable[int]) -> set[tuple[int, str]]:
        """(claim id, figure text) of these claims' figures that another outlet's figure of the same quantity
        does not overlap, by the disagreements table."""
        ids = set(claim_ids)
        holding = self._linked.get(self.conn, ("discrepancies of claims",), self._work_out_discrepancy_claims)
        wanted = sorted({did for cid in ids for did in holding.get(cid, ())})
        if not wanted:
            return set()
        values: dict[int, list[tuple]] = defaultdict(list)
        for did, text, low, high, _, _, cid, sid in self.conn.execute(
                f"{_VALUES} WHERE d.id IN (SELECT value FROM json_each(?))", (json.dumps(wanted),)):
            values[did].append((cid, text, sid, low, high))
        return {(cid, text) for vals in values.values()
                for (cid, text, *_), out in zip(vals, apart([v[2:] for v in vals])) if out and cid in ids}

    def _work_out_discrepancy_claims(self) -> dict[int, list[int]]:
        """Each claim with a figure in the disagreements table: the disagreements it is in. Read whole once (its
        JSON is a megabyte at 37,547 articles, read by every page of facts before)."""
        out: dict[int, list[int]] = defaultdict(list)
        for did, cid in self.conn.execute("SELECT d.id, CAST(substr(json_extract(j.value, '$.claim_id'), 2)"
                                          " AS INTEGER) FROM discrepancies d, json_each(d.vals) j"):
            out[cid].append(did)
        return dict(out)

    # -- claims ----------------------------------------------------------------

    def claims_of_fact(self, fact_id: int) -> list[ClaimRow]:
        return self._claim_rows(
            'SELECT c.id, c.source_id, s.outlet, s.name, s.url, c.text, c.kind, c.speaker, c.hedges, c.start, c."end"'
            " FROM fact_claims fc JOIN claims c ON c.id = fc.claim_id JOIN sources s ON s.id = c.source_id"
            " WHERE fc.fact_id = ? ORDER BY c.source_id, c.start LIMIT ?", (fact_id, MAX_ROWS))

    def claim(self, claim_id: int) -> ClaimRow | None:
        rows = self._claim_rows(
            'SELECT c.id, c.source_id, s.outlet, s.name, s.url, c.text, c.kind, c.speaker, c.hedges, c.start, c."end"'
            " FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id = ?", (claim_id,))
        return rows[0] if rows else None

    def _claim_rows(self, sql: str, args: tuple) -> list[ClaimRow]:
        rows = self.conn.execute(sql, args).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        starts = {r[0]: r[9] for r in rows}
        figs: dict[int, list[FigureRow]] = defaultdict(list)
        disagreeing = self._apart_figures(ids)
        for cid, a, b, text, low, high, unit in self.conn.execute(
                f'SELECT claim_id, start, "end", text, low, high, unit FROM figures'
                f" WHERE claim_id IN ({','.join('?' * len(ids))}) ORDER BY claim_id, start", ids):
            figs[cid].append(FigureRow(a - starts[cid], b - starts[cid], text, low, high, unit,
                                       (cid, text) in disagreeing))
        return [ClaimRow(cid, sid, outlet_name(outlet, name, url), text, kind, speaker, tuple(json.loads(hedges)),
                         tuple(figs[cid]), start, end)
                for cid, sid, outlet, name, url, text, kind, speaker, hedges, start, end in rows]

    # -- entities --------------------------------------------------------------

    def _story_entities(self, story_id: int) -> tuple[list[tuple[int, int, int]], dict[int, int]]:
        """The entities a story's sources name, each with how many of those sources name it and how often, most
        widely named in the story first; and where each is in that list. Worked out once until the store is
        linked again (a story's sources are few: reading their mentions is quick)."""
        def work() -> tuple[list[tuple[int, int, int]], dict[int, int]]:
            rows = self.conn.execute(
                "SELECT e.id, count(DISTINCT m.source_id) AS n_src, count(*) AS n_m FROM sources s"
                " JOIN mention_rows m ON m.source_id = s.id JOIN entities e ON e.id = m.entity_id"
                " WHERE s.story_id = ? GROUP BY e.id ORDER BY n_src DESC, n_m DESC, e.name, e.id",
                (story_id,)).fetchall()
            return rows, {eid: i for i, (eid, _, _) in enumerate(rows)}

        return self._linked.get(self.conn, ("story entities", story_id), work)

    def count_entities(self, story_id: int | None = None) -> int:
        if story_id is not None:
            return len(self._story_entities(story_id)[0])
        return self.conn.execute("SELECT count(*) FROM entities").fetchone()[0]

    def entities(self, story_id: int | None = None, limit: int = MAX_ROWS, *, offset: int = 0,
                 total: int | None = None) -> list[EntityRow]:
        """Entities, most widely named first (`limit` of them from `offset`). Given a story, those its sources
        name, counted in that story: how many of its sources name each, and how often."""
        if story_id is None:
            rows = self._page("e.id, e.name, e.type, e.aliases, e.n_sources, e.n_mentions", "entities e", "", (),
                              "e.n_sources DESC, e.n_mentions DESC, e.name, e.id",
                              "e.n_sources, e.n_mentions, e.name DESC, e.id DESC", offset, limit, total)
            return [EntityRow(eid, name, typ, tuple(json.loads(aliases)), n_sources, n_mentions)
                    for eid, name, typ, aliases, n_sources, n_mentions in rows]
        counted = self._story_entities(story_id)[0][max(offset, 0):max(offset, 0) + max(limit, 0)]
        if not counted:
            return []
        named = {eid: (name, typ, aliases) for eid, name, typ, aliases in self.conn.execute(
            f"SELECT id, name, type, aliases FROM entities WHERE id IN ({','.join('?' * len(counted))})",
            [eid for eid, _, _ in counted])}
        return [EntityRow(eid, named[eid][0], named[eid][1], tuple(json.loads(named[eid][2])), n_sources, n_mentions)
                for eid, n_sources, n_mentions in counted if eid in named]

    def entity_index(self, entity_id: int, story_id: int | None = None) -> int | None:
        """Where an entity is in `entities(story_id)`; None when it is not there."""
        if story_id is not None:
            return self._story_entities(story_id)[1].get(entity_id)
        row = self.conn.execute("SELECT n_sources, n_mentions, name FROM entities WHERE id = ?",
                                (entity_id,)).fetchone()
        if row is None:
            return None
        n, m, name = row
        return self.conn.execute(
            "SELECT count(*) FROM entities e WHERE (e.n_sources > ? OR e.n_sources = ? AND (e.n_mentions > ?"
            " OR e.n_mentions = ? AND (e.name < ? OR e.name = ? AND e.id < ?)))",
            (n, n, m, m, name, name, entity_id)).fetchone()[0]

    def entity(self, entity_id: int) -> EntityRow | None:
        row = self.conn.execute("SELECT id, name, type, aliases, n_sources, n_mentions FROM entities WHERE id = ?",
                                (entity_id,)).fetchone()
        if row is None:
            return None
        eid, name, typ, aliases, n_sources, n_mentions = row
        return EntityRow(eid, name, typ, tuple(json.loads(aliases)), n_sources, n_mentions)

    # -- stories ---------------------------------------------------------------

    def stories(self, limit: int = MAX_ROWS) -> list[StoryRow]:
        """Stories, biggest first, then newest."""
        return [StoryRow(*row[:3], row[3] or "") for row in self.conn.execute(
            "SELECT id, label, n_sources, first_published FROM stories"
            " ORDER BY n_sources DESC, first_published DESC, id LIMIT ?", (limit,))]

    # -- disagreements and coverage ----------------------------------------------

    def disagreements(self, story_id: int | None = None, limit: int = MAX_ROWS) -> list[DisagreementRow]:
        """Figures of one quantity that differ between outlets, those most outlets give first; only those
        with a value from a story's sources when given."""
        conn = self.conn
        ranked = conn.execute(
            f"SELECT v.did, q.quantity, count(DISTINCT v.source_id) FROM ({_VALUES}) v"
            f" JOIN discrepancies q ON q.id = v.did JOIN sources s ON s.id = v.source_id"
            f" WHERE ? IS NULL OR s.story_id = ? GROUP BY v.did ORDER BY 3 DESC, v.did LIMIT ?",
            (story_id, story_id, limit)).fetchall()
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        values: dict[int, list[tuple]] = defaultdict(list)
        for did, text, low, high, unit, speaker, cid, sid, outlet, name, url, number in conn.execute(
                f"SELECT v.*, s.outlet, s.name, s.url, (SELECT count(*) FROM sources t WHERE t.id <= s.id)"
                f" FROM ({_VALUES}) v JOIN sources s ON s.id = v.source_id WHERE v.did IN ({marks})",
                [did for did, _, _ in ranked]):
            values[did].append((cid, sid, number, outlet_name(outlet, name, url), speaker, text, low, high, unit))
        rows = []
        for did, quantity, n_outlets in ranked:
            vals = sorted(values[did], key=lambda v: (v[6] if v[6] is not None else v[7], v[2]))
            flags = apart([(v[1], v[6], v[7]) for v in vals])
            rows.append(DisagreementRow(did, quantity, n_outlets,
                                        tuple(FigureValue(*v, out) for v, out in zip(vals, flags))))
        return rows

    def coverage_outlets(self, story_id: int | None = None) -> tuple[Outlet, ...]:
        """The columns of the coverage matrix: every source of the store, or of a story, by id."""
        from .coverage import Outlet    # here: store.coverage imports this module

        where, args = ("", ()) if story_id is None else (" WHERE story_id = ?", (story_id,))
        rows = self.conn.execute(f"SELECT id, outlet, name, url, title, published FROM sources{where} ORDER BY id",
                                 args).fetchall()
        numbers = ({sid: i for i, (sid, *_) in enumerate(rows, 1)} if story_id is None
                   else self._numbers([sid for sid, *_ in rows]))
        return tuple(Outlet(sid, numbers[sid], outlet_name(outlet, name, url), title, url, published)
                     for sid, outlet, name, url, title, published in rows)

    @staticmethod
    def _coverage_filter(outlets: tuple[Outlet, ...], story_id: int | None, exclusive: bool,
                         omitted_by: int | None) -> tuple[str, tuple]:
        from .coverage import widely_reported

        where, args = [], []
        if story_id is not None:
            where.append("f.story_id = ?")
            args.append(story_id)
        # (within a story its facts are found by the story, few, not by their number of outlets: the unary +
        # keeps SQLite from reading every fact of that many outlets through facts_sources instead)
        n_sources = "+f.n_sources" if story_id is not None else "f.n_sources"
        if exclusive:
            where.append(f"{n_sources} = 1")
        elif omitted_by is not None:
            where.append(f"{n_sources} >= ? AND NOT EXISTS (SELECT 1 FROM fact_claims fc JOIN claim_rows c"
                         " ON c.id = fc.claim_id WHERE fc.fact_id = f.id AND c.source_id = ?)")
            args += [widely_reported(len(outlets)), omitted_by]
        return (" WHERE " + " AND ".join(where) if where else ""), tuple(args)

    def count_coverage(self, outlets: tuple[Outlet, ...], story_id: int | None = None, *, exclusive: bool = False,
                       omitted_by: int | None = None) -> int:
        where, args = self._coverage_filter(outlets, story_id, exclusive, omitted_by)
        return self.conn.execute("SELECT count(*) FROM facts f" + where, args).fetchone()[0]

    # Most outlets first, then most claims, is the facts' own numbering (store.db.FACT_RANK); fewest outlets
    # first, then most claims, is ascending n_sources with ties in id order (the index facts_sources).
    _COVERAGE_ORDER = {False: ("f.id", "f.id DESC"),
                       True: ("f.n_sources, f.id", "f.n_sources DESC, f.id DESC")}

    def coverage_rows(self, outlets: tuple[Outlet, ...], story_id: int | None = None, *, fewest_first: bool = False,
                      exclusive: bool = False, omitted_by: int | None = None, offset: int = 0, limit: int = MAX_ROWS,
                      total: int | None = None) -> list[CoverageRow]:
        """A page of the facts x outlets matrix: the rows of `limit` facts from `offset`, most outlets first (or
        fewest), a cell per outlet of `outlets`; every fact (of a story when given), or those only one outlet
        reports, or the widely reported ones source `omitted_by` leaves out. Only this page's cells are worked out."""
        from .coverage import coverage_row

        where, args = self._coverage_filter(outlets, story_id, exclusive, omitted_by)
        facts = self._page(f"f.id, {_LABEL}", "facts f", where, args, *self._COVERAGE_ORDER[fewest_first], offset,
                           limit, total)
        if not facts:
            return []
        members: dict[int, list[tuple[int, int]]] = defaultdict(list)
        hedged: set[int] = set()
        for fid, cid, sid, hedges in self.conn.execute(
                f"SELECT fc.fact_id, c.id, c.source_id, c.hedges FROM fact_claims fc"
                f" JOIN claim_rows c ON c.id = fc.claim_id WHERE fc.fact_id IN ({','.join('?' * len(facts))})",
                [fid for fid, _ in facts]):
            members[fid].append((cid, sid))
            if hedges is not None and json.loads(hedges):     # (none is NULL: store.derived)
                hedged.add(cid)
        disagreeing = {cid for cid, _ in self._apart_figures(cid for rows in members.values() for cid, _ in rows)}
        column = {o.source_id: i for i, o in enumerate(outlets)}
        return [coverage_row(fid, label, members[fid], column, hedged, disagreeing) for fid, label in facts]

    def coverage_index(self, fact_id: int, outlets: tuple[Outlet, ...], story_id: int | None = None, *,
                       fewest_first: bool = False, exclusive: bool = False,
                       omitted_by: int | None = None) -> int | None:
        """Where a fact's row is in `coverage_rows(...)` with the same arguments; None when it is not there."""
        where, args = self._coverage_filter(outlets, story_id, exclusive, omitted_by)
        where = where or " WHERE 1"
        row = self.conn.execute(f"SELECT f.n_sources FROM facts f{where} AND f.id = ?", (*args, fact_id)).fetchone()
        if row is None:
            return None
        if not fewest_first:
            return self.conn.execute(f"SELECT count(*) FROM facts f{where} AND f.id < ?",
                                     (*args, fact_id)).fetchone()[0]
        return self.conn.execute(f"SELECT count(*) FROM facts f{where} AND (f.n_sources < ? OR f.n_sources = ?"
                                 " AND f.id < ?)", (*args, row[0], row[0], fact_id)).fetchone()[0]

    def coverage(self, story_id: int | None = None, *, fewest_first: bool = False, exclusive: bool = False,
                 omitted_by: int | None = None, offset: int = 0, limit: int = MAX_ROWS) -> CoverageView:
        """The outlets of the facts x outlets matrix (of a story's facts and sources when given), a page of its
        rows (see `coverage_rows`), and how many rows it has."""
        outlets = self.coverage_outlets(story_id)
        total = self.count_coverage(outlets, story_id, exclusive=exclusive, omitted_by=omitted_by)
        rows = self.coverage_rows(outlets, story_id, fewest_first=fewest_first, exclusive=exclusive,
                                  omitted_by=omitted_by, offset=offset, limit=limit, total=total)
        return CoverageView(outlets, tuple(rows), total)

    # -- search ----------------------------------------------------------------

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Fuzzy search over entities, sources, facts and claims: misspellings still match, and a word spelt by
        its sound is searched as the word of the store that sounds the same (`respell`)."""
        return self.search_respelt(query, limit)[1]

    def search_respelt(self, query: str, limit: int = SEARCH_LIMIT) -> tuple[str, list[SearchHit]]:
        """`search`, with the query as it was searched (respelt), for the screen to say which words it used."""
        query = self.respell(query.strip())
        if not utils.default_process(query):
            return query, []
        hits = (self._search_entities(query) + self._search_sources(query)
                + self._search_facts(query) + self._search_claims(query))
        hits.sort(key=lambda h: (-h.score, _KIND_ORDER[h.kind], h.label))
        return query, self._with_stories(hits[:limit])

    def _with_stories(self, hits: list[SearchHit]) -> list[SearchHit]:
        """The hits, each saying which story it is in (an entity: every story naming it, counted up to
        MANY_STORIES). Only the hits' own stories are read, so a big store costs no more than a small one."""
        conn = self.conn
        one = {"fact": "SELECT id, story_id FROM facts WHERE id IN ({})",
               "claim": "SELECT c.id, s.story_id FROM claim_rows c JOIN sources s ON s.id = c.source_id"
                        " WHERE c.id IN ({})",
               "source": "SELECT id, story_id FROM sources WHERE id IN ({})"}
        story_of: dict[tuple[str, int], int] = {}
        for kind, sql in one.items():
            wanted_ids = [h.id for h in hits if h.kind == kind]
            if wanted_ids:
                story_of.update(((kind, i), sid) for i, sid in conn.execute(
                    sql.format(",".join(map(str, wanted_ids)))) if sid is not None)
        many = ("SELECT DISTINCT s.story_id FROM mention_rows m JOIN sources s ON s.id = m.source_id"
                f" WHERE m.entity_id = ? LIMIT {MANY_STORIES + 1}")
        ids = [[sid for (sid,) in conn.execute(many, (hit.id,)) if sid is not None] if hit.kind == "entity"
               else [story_of[(hit.kind, hit.id)]] if (hit.kind, hit.id) in story_of else [] for hit in hits]
        wanted = sorted({sid for found in ids if len(found) == 1 for sid in found})
        labels = dict(conn.execute(f"SELECT id, label FROM stories WHERE id IN ({','.join(map(str, wanted))})"))
        out = []
        for hit, found in zip(hits, ids):
            if len(found) == 1:
                story = labels.get(found[0], "")
            elif len(found) > MANY_STORIES:
                story = f"{MANY_STORIES}+ stories"
            else:
                story = f"{len(found)} stories" if found else ""
            out.append(replace(hit, story=story))
        return out

    SEARCHED = ("entities", "sources", "facts", "claims")

    def respell(self, query: str) -> str:
        """The query as it will be searched: a word that no searched table holds, nor any word like it letter
        for letter, becomes the store's word that sounds the same ("elecshun" → "election")."""
        return respell(query, [vocabulary(self.path, f"{table}_fts") for table in self.SEARCHED])

    def prepare_search(self) -> None:
        """Read ahead what the first search of a big store needs, the indexed words (seconds on tens of
        thousands of articles): for a thread to run while the user types the query."""
        for table in self.SEARCHED:
            if not self._small(table):
                vocabulary(self.path, f"{table}_fts")

    def _small(self, table: str) -> bool:
        """Whether a search matches all of `table` (SCAN_ALL_BELOW), judged by its largest id: no full count."""
        (top,) = self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
        return top < SCAN_ALL_BELOW

    def _candidates(self, table: str, columns: str, query: str, extra: str = "", small: bool | None = None
                    ) -> list[tuple]:
        """Rows of `table` to score: all of a small table; on a big one, at most SEARCH_CANDIDATES that FTS5
        finds for the query's words or the indexed words most like them (store/search.py). `small` is
        self._small(table), when the caller knows it."""
        conn = self.conn
        base = f"SELECT {columns} FROM {table} t {extra}"
        if small if small is not None else self._small(table):
            return conn.execute(base).fetchall()
        expressions = match_expressions(query, vocabulary(self.path, f"{table}_fts"))
        if expressions is None:
            return []
        every, some = expressions
        sql = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT {SEARCH_CANDIDATES}"
        ids = [i for (i,) in conn.execute(sql, (every,))]
        if len(ids) < SEARCH_CANDIDATES // 4 and some != every:    # few have every word: any of them will do
            ids = list(dict.fromkeys(ids + [i for (i,) in conn.execute(sql, (some,))]))[:SEARCH_CANDIDATES]
        if not ids:
            return []
        return conn.execute(f"{base} WHERE t.id IN ({','.join(map(str, ids))})").fetchall()

    def _search_entities(self, query: str) -> list[SearchHit]:
        def names_of(rows: list[tuple]) -> tuple[list[str], list[tuple[int, str, str, bool]]]:
            names, owners = [], []
            for eid, name, typ, aliases in rows:
                for alias in [name, *json.loads(aliases)]:
                    names.append(alias)
                    owners.append((eid, name, typ, alias != name))
            return names, owners

        small = self._small("entities")

        def candidates() -> list[tuple]:
            return self._candidates("entities", "t.id, t.name, t.type, t.aliases", query, small=small)

        if small:
            # every entity's names, read once until the store is linked again (reading them is most of a search)
            names, owners = self._linked.get(self.conn, ("entity names",), lambda: names_of(candidates()))
        else:
            names, owners = names_of(candidates())
        best: dict[int, SearchHit] = {}
        for alias, score, i in process.extract(query, names, scorer=fuzz.WRatio, processor=utils.default_process,
                                               score_cutoff=SEARCH_CUTOFF, limit=None):
            score = name_score(query, alias, score)
            if score < SEARCH_CUTOFF:
                continue
            eid, name, typ, is_alias = owners[i]
            where = f"{typ.lower() or 'entity'}" + (f", also {alias}" if is_alias else "")
            if eid not in best or score > best[eid].score:
                best[eid] = SearchHit("entity", eid, name, where, score, _span(query, name))
        return list(best.values())

    def _search_sources(self, query: str) -> list[SearchHit]:
        hits = []
        for sid, outlet, name, url, title in self._candidates("sources", "t.id, t.outlet, t.name, t.url, t.title",
                                                              query):
            label = title or name
            fields = [label, outlet_name(outlet, name, url)]
            ratios = [fuzz.WRatio(query, f, processor=utils.default_process) for f in fields]
            if max(ratios) < SEARCH_CUTOFF:
                continue
            score = max(name_score(query, f, ratio) for f, ratio in zip(fields, ratios))
            if score >= SEARCH_CUTOFF:
                hits.append(SearchHit("source", sid, label, f"source, {fields[1]}", score, _span(query, label), sid))
        return hits

    # Named things (entities, sources) rank above sentences that merely contain a similar word.
    def _search_facts(self, query: str) -> list[SearchHit]:
        rows = self._candidates("facts", f"t.id, {fact_label_sql('t')}, t.n_sources", query)
        return [SearchHit("fact", rows[i][0], label, f"fact, {rows[i][2]} outlets", score * 0.9,
                          _span(query, label))
                for label, score, i in process.extract(
                    query, [r[1] for r in rows], scorer=text_score, processor=utils.default_process,
                    score_cutoff=SEARCH_CUTOFF, limit=SEARCH_LIMIT)]

    def _search_claims(self, query: str) -> list[SearchHit]:
        rows = self._candidates("claims", "t.id, t.text, t.source_id, s.outlet, s.name, s.url, t.speaker", query,
                                "JOIN sources s ON s.id = t.source_id")
        hits = []
        for text, score, i in process.extract(
                query, [r[1] for r in rows], scorer=text_score, processor=utils.default_process,
                score_cutoff=SEARCH_CUTOFF, limit=SEARCH_LIMIT):
            cid, _, sid, outlet, name, url, speaker = rows[i]
            where = f"claim, {outlet_name(outlet, name, url)}" + (f", {speaker}" if speaker else "")
            hits.append(SearchHit("claim", cid, text, where, score * 0.88, _span(query, text), sid))
        return hits


_KIND_ORDER = {"entity": 0, "source": 1, "fact": 2, "claim": 3}
_WORD = re.compile(r"\w")


def text_score(query: str, text: str, *, processor=None, score_cutoff: float | None = None) -> float:
    """How well a query matches a sentence: each query word against its closest word in the sentence
    (so typos and word order are forgiven), or the query as one phrase, whichever is better."""
    if processor is not None:
        query, text = processor(query), processor(text)
    words = text.split()
    if not words or not query:
        return 0.0
    per_word = [process.extractOne(w, words, scorer=fuzz.ratio)[1] for w in query.split()]
    score = max(sum(per_word) / len(per_word), fuzz.partial_ratio(query, text))
    return score if score_cutoff is None or score >= score_cutoff else 0.0


def name_score(query: str, name: str, wratio: float) -> float:
    """A name's score for a query, given rapidfuzz's WRatio of the two. WRatio scores a name much shorter than
    the query by its best match anywhere in the query, so "Pa" and "Ark" score 90 for "parkland" and "Yahoo"
    for "netanyahoo". Such a name here counts only as well as it matches whole words of the query: "House" for
    "white house" still scores 90, "Trump" for "donald trmp" 80."""
    q, n = utils.default_process(query), utils.default_process(name)
    if not n or len(n) * 1.5 > len(q):       # (WRatio compares the two whole, or the query inside the name)
        return wratio
    words, k = q.split(), len(n.split())
    best = max((fuzz.ratio(" ".join(words[i:i + k]), n) for i in range(max(1, len(words) - k + 1))), default=0.0)
    return min(wratio, max(fuzz.ratio(q, n), 0.9 * best))


def _span(query: str, text: str) -> tuple[int, int]:
    """Where in `text` the query best matches (case-insensitive), for highlighting."""
    al = fuzz.partial_ratio_alignment(query.casefold(), text.casefold())
    return (al.dest_start, al.dest_end) if al else (0, 0)


def _speakers_conflict(outlets: list[set[int]]) -> bool:
    """True when two outlets credit a fact to named speakers (entity ids) and share none of them: "officials"
    against "John Kirby" is not a conflict, nor "Kirby" against "John Kirby" (one entity)."""
    credited = [ids for ids in outlets if ids]
    return any(a.isdisjoint(b) for i, a in enumerate(credited) for b in credited[i + 1:])

