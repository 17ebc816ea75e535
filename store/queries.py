"""Read-only queries over a store for front ends: every SQL the app runs, returning small frozen records.

A `Queries` object may be shared by threads: each thread gets its own sqlite3 connection (a connection
belongs to the thread that opened it), opened with `PRAGMA query_only` so nothing here can write.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process, utils

MAX_ROWS = 300          # most rows any list query returns: panes never hold whole tables
SEARCH_LIMIT = 50
SEARCH_CUTOFF = 70      # rapidfuzz score (0-100) below which a search hit is dropped
SCAN_ALL_BELOW = 5000   # tables smaller than this are fuzzy-matched whole; bigger ones are narrowed by FTS5


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
    figures_disagree: bool        # same-unit figures with ranges that do not overlap
    speakers_differ: bool         # two outlets credit it to different named people or organisations

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


def _ranges_overlap(a: tuple[float | None, float | None, float], b: tuple[float | None, float | None, float]) -> bool:
    (alo, ahi, atol), (blo, bhi, btol) = a, b
    alo, ahi = (alo if alo is not None else float("-inf")), (ahi if ahi is not None else float("inf"))
    blo, bhi = (blo if blo is not None else float("-inf")), (bhi if bhi is not None else float("inf"))
    slack = max(atol, btol) * max(abs(v) for v in (alo, ahi, blo, bhi) if abs(v) != float("inf"))
    return alo <= bhi + slack and blo <= ahi + slack


class Queries:
    """Every read the app makes of one store."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._local = threading.local()
        self._numbers: dict[int, int] | None = None

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

    def sources(self, limit: int = MAX_ROWS) -> list[SourceRow]:
        rows = self.conn.execute(
            "SELECT s.id, s.outlet, s.name, s.url, s.title, s.published, s.path,"
            " (SELECT count(*) FROM claims c WHERE c.source_id = s.id)"
            " FROM sources s ORDER BY s.id LIMIT ?", (limit,))
        return [SourceRow(sid, n, outlet_name(outlet, name, url), title or "", published or "", n_claims, path)
                for n, (sid, outlet, name, url, title, published, path, n_claims) in enumerate(rows, 1)]

    def source(self, source_id: int) -> SourceRow | None:
        row = self.conn.execute(
            "SELECT s.id, s.outlet, s.name, s.url, s.title, s.published, s.path,"
            " (SELECT count(*) FROM claims c WHERE c.source_id = s.id),"
            " (SELECT count(*) FROM sources t WHERE t.id <= s.id) FROM sources s WHERE s.id = ?",
            (source_id,)).fetchone()
        if row is None:
            return None
        sid, outlet, name, url, title, published, path, n_claims, number = row
        return SourceRow(sid, number, outlet_name(outlet, name, url), title or "", published or "", n_claims, path)

    def source_text(self, source_id: int) -> SourceText | None:
        source = self.source(source_id)
        if source is None:
            return None
        conn = self.conn
        (text,) = conn.execute("SELECT text FROM sources WHERE id = ?", (source_id,)).fetchone()
        claims = tuple(TextSpan(a, b, kind, cid) for cid, a, b, kind in conn.execute(
            'SELECT id, start, "end", kind FROM claims WHERE source_id = ? ORDER BY start', (source_id,)))
        mentions = tuple(TextSpan(a, b, typ, eid or 0) for a, b, typ, eid in conn.execute(
            'SELECT start, "end", type, entity_id FROM mentions WHERE source_id = ? AND entity_id IS NOT NULL'
            " ORDER BY start", (source_id,)))
        furniture = tuple(TextSpan(a, b, kind) for a, b, kind in conn.execute(
            'SELECT start, "end", kind FROM furniture WHERE source_id = ? ORDER BY start', (source_id,)))
        return SourceText(source, text, claims, mentions, furniture)

    # -- facts -----------------------------------------------------------------

    def facts(self, *, source_id: int | None = None, entity_id: int | None = None,
              limit: int = MAX_ROWS) -> list[FactRow]:
        """Facts by how many outlets report them; only those touching a source or entity when given."""
        where, args = [], []
        if source_id is not None:
            where.append("f.id IN (SELECT fc.fact_id FROM fact_claims fc JOIN claims c ON c.id = fc.claim_id"
                         " WHERE c.source_id = ?)")
            args.append(source_id)
        if entity_id is not None:
            where.append("f.id IN (SELECT fc.fact_id FROM fact_claims fc JOIN claims c ON c.id = fc.claim_id"
                         ' JOIN mentions m ON m.source_id = c.source_id AND m.start >= c.start AND m.start < c."end"'
                         " WHERE m.entity_id = ?)")
            args.append(entity_id)
        sql = ("SELECT f.id, f.label, f.n_sources, f.n_claims FROM facts f"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY f.n_sources DESC, f.id LIMIT ?")
        rows = self.conn.execute(sql, (*args, limit)).fetchall()
        return self._fact_rows(rows)

    def fact(self, fact_id: int) -> FactRow | None:
        rows = self.conn.execute("SELECT id, label, n_sources, n_claims FROM facts WHERE id = ?",
                                 (fact_id,)).fetchall()
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
        speakers: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        for fid, sid, speaker in self.conn.execute(
                f"SELECT fc.fact_id, c.source_id, c.speaker FROM fact_claims fc JOIN claims c ON c.id = fc.claim_id"
                f" WHERE fc.fact_id IN ({marks})", ids):
            coverage[fid].add(sid)
            if speaker:
                speakers[fid][sid].add(speaker)
        named = self._named_speakers({s for by_source in speakers.values() for names in by_source.values()
                                      for s in names})
        figures: dict[int, list[tuple]] = defaultdict(list)
        for fid, sid, low, high, unit, kind, tol in self.conn.execute(
                f"SELECT fc.fact_id, c.source_id, g.low, g.high, g.unit, g.kind, g.tolerance FROM fact_claims fc"
                f" JOIN claims c ON c.id = fc.claim_id JOIN figures g ON g.claim_id = c.id"
                f" WHERE fc.fact_id IN ({marks})", ids):
            figures[fid].append((sid, unit if kind == "count" else (unit or kind), (low, high, tol)))
        flagged = self._discrepant_facts(ids)
        return [FactRow(fid, label, n_sources, n_claims, frozenset(coverage[fid]),
                        fid in flagged or _figures_conflict(figures[fid]),
                        _speakers_conflict([{named[s] for s in names if s in named}
                                            for names in speakers[fid].values()]))
                for fid, label, n_sources, n_claims in rows]

    def _named_speakers(self, speakers: set[str]) -> dict[str, int]:
        """The speakers that are a person or organisation of the entities table, by name or alias: their ids."""
        if not speakers:
            return {}
        marks = ",".join("?" * len(speakers))
        return {value: eid for eid, value in self.conn.execute(
            f"SELECT id, name FROM entities WHERE type IN ('PERSON', 'ORG') AND name IN ({marks})"
            f" UNION ALL SELECT e.id, j.value FROM entities e, json_each(e.aliases) j"
            f" WHERE e.type IN ('PERSON', 'ORG') AND j.value IN ({marks})", [*speakers, *speakers])}

    def _discrepant_facts(self, fact_ids: list[int]) -> set[int]:
        """Facts with a claim named in the `discrepancies` table, when the store has one."""
        conn = self.conn
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'discrepancies'").fetchone():
            return set()
        claim_ids: set[int] = set()
        for (vals,) in conn.execute("SELECT vals FROM discrepancies"):
            for v in json.loads(vals):
                cid = v.get("claim_id")
                claim_ids.add(int(str(cid).lstrip("c")) if cid is not None else -1)
        marks = ",".join("?" * len(fact_ids))
        return {fid for fid, cid in conn.execute(
            f"SELECT fact_id, claim_id FROM fact_claims WHERE fact_id IN ({marks})", fact_ids) if cid in claim_ids}

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
        for cid, a, b, text, low, high, unit in self.conn.execute(
                f'SELECT claim_id, start, "end", text, low, high, unit FROM figures'
                f" WHERE claim_id IN ({','.join('?' * len(ids))}) ORDER BY claim_id, start", ids):
            figs[cid].append(FigureRow(a - starts[cid], b - starts[cid], text, low, high, unit))
        return [ClaimRow(cid, sid, outlet_name(outlet, name, url), text, kind, speaker, tuple(json.loads(hedges)),
                         tuple(figs[cid]), start, end)
                for cid, sid, outlet, name, url, text, kind, speaker, hedges, start, end in rows]

    # -- entities --------------------------------------------------------------

    def entities(self, limit: int = MAX_ROWS) -> list[EntityRow]:
        return [EntityRow(eid, name, typ, tuple(json.loads(aliases)), n_sources, n_mentions)
                for eid, name, typ, aliases, n_sources, n_mentions in self.conn.execute(
                    "SELECT id, name, type, aliases, n_sources, n_mentions FROM entities"
                    " ORDER BY n_sources DESC, n_mentions DESC, name LIMIT ?", (limit,))]

    def entity(self, entity_id: int) -> EntityRow | None:
        row = self.conn.execute("SELECT id, name, type, aliases, n_sources, n_mentions FROM entities WHERE id = ?",
                                (entity_id,)).fetchone()
        if row is None:
            return None
        eid, name, typ, aliases, n_sources, n_mentions = row
        return EntityRow(eid, name, typ, tuple(json.loads(aliases)), n_sources, n_mentions)

    # -- search ----------------------------------------------------------------

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Fuzzy search over entities, sources, facts and claims: misspellings still match."""
        query = query.strip()
        if not utils.default_process(query):
            return []
        hits = (self._search_entities(query) + self._search_sources(query)
                + self._search_facts(query) + self._search_claims(query))
        hits.sort(key=lambda h: (-h.score, _KIND_ORDER[h.kind], h.label))
        return hits[:limit]

    def _candidates(self, table: str, columns: str, query: str, extra: str = "") -> list[tuple]:
        """Rows of `table` to score: all of a small table; on a big one, those FTS5 finds by word prefixes."""
        conn = self.conn
        (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        base = f"SELECT {columns} FROM {table} t {extra}"
        if count < SCAN_ALL_BELOW:
            return conn.execute(base).fetchall()
        # A misspelling usually keeps its first three letters ("plekovo" -> ple*), so prefixes narrow well.
        words = {w[:3] for w in re.findall(r"\w+", query.casefold()) if len(w) >= 2}
        if not words:
            return []
        match = " OR ".join(f'"{w}"*' for w in sorted(words))
        return conn.execute(
            f"{base} WHERE t.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT 5000)",
            (match,)).fetchall()

    def _search_entities(self, query: str) -> list[SearchHit]:
        names: list[str] = []
        owners: list[tuple[int, str, str, bool]] = []
        for eid, name, typ, aliases in self._candidates("entities", "t.id, t.name, t.type, t.aliases", query):
            for alias in [name, *json.loads(aliases)]:
                names.append(alias)
                owners.append((eid, name, typ, alias != name))
        best: dict[int, SearchHit] = {}
        for alias, score, i in process.extract(query, names, scorer=fuzz.WRatio, processor=utils.default_process,
                                               score_cutoff=SEARCH_CUTOFF, limit=None):
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
            score = max(fuzz.WRatio(query, f, processor=utils.default_process) for f in fields)
            if score >= SEARCH_CUTOFF:
                hits.append(SearchHit("source", sid, label, f"source, {fields[1]}", score, _span(query, label), sid))
        return hits

    # Named things (entities, sources) rank above sentences that merely contain a similar word.
    def _search_facts(self, query: str) -> list[SearchHit]:
        rows = self._candidates("facts", "t.id, t.label, t.n_sources", query)
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


def _span(query: str, text: str) -> tuple[int, int]:
    """Where in `text` the query best matches (case-insensitive), for highlighting."""
    al = fuzz.partial_ratio_alignment(query.casefold(), text.casefold())
    return (al.dest_start, al.dest_end) if al else (0, 0)


def _speakers_conflict(outlets: list[set[int]]) -> bool:
    """True when two outlets credit a fact to named speakers (entity ids) and share none of them: "officials"
    against "John Kirby" is not a conflict, nor "Kirby" against "John Kirby" (one entity)."""
    credited = [ids for ids in outlets if ids]
    return any(a.isdisjoint(b) for i, a in enumerate(credited) for b in credited[i + 1:])


def _figures_conflict(figures: list[tuple[int, str | None, tuple]]) -> bool:
    """True when two outlets give figures of the same unit whose ranges cannot both hold."""
    by_unit: dict[str | None, list[tuple[int, tuple]]] = defaultdict(list)
    for sid, unit, rng in figures:
        by_unit[unit].append((sid, rng))
    for unit, items in by_unit.items():
        if unit is None:
            continue
        for i, (sa, ra) in enumerate(items):
            for sb, rb in items[i + 1:]:
                if sa != sb and not _ranges_overlap(ra, rb):
                    return True
    return False
