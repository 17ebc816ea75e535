"""Coverage: which outlet reported which fact, hedged it, disagreed on it, or left it out."""
from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from .derived import fact_label_sql
from .queries import outlet_name

REPORTED, HEDGED, DISAGREES, NOT_REPORTED = "reported", "hedged", "disagrees", "not reported"


@dataclass(frozen=True)
class Outlet:
    source_id: int
    number: int
    name: str
    title: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True)
class CoverageRow:
    fact_id: int
    label: str
    cells: tuple[str, ...]          # one per outlet, in Coverage.outlets order
    claim_ids: tuple[tuple[int, ...], ...]   # the claims behind each cell

    @property
    def n_reported(self) -> int:
        return sum(c != NOT_REPORTED for c in self.cells)


@dataclass(frozen=True)
class Coverage:
    outlets: tuple[Outlet, ...]
    rows: tuple[CoverageRow, ...]   # most widely reported first

    def exclusives(self, outlet_index: int) -> list[CoverageRow]:
        """Facts only this outlet reports."""
        return [r for r in self.rows if r.n_reported == 1 and r.cells[outlet_index] != NOT_REPORTED]

    def omissions(self, outlet_index: int, min_outlets: int | None = None) -> list[CoverageRow]:
        """Widely reported facts (by at least half the other outlets, and at least two) this outlet leaves out."""
        need = min_outlets or widely_reported(len(self.outlets))
        return [r for r in self.rows if r.cells[outlet_index] == NOT_REPORTED and r.n_reported >= need]


def widely_reported(n_outlets: int) -> int:
    """How many outlets a fact needs to be widely reported among `n_outlets`: half of the others, at least two."""
    return max(2, math.ceil((n_outlets - 1) / 2))


def coverage_row(fact_id: int, label: str, members: list[tuple[int, int]], column: dict[int, int],
                 hedged: set[int], disagreeing: set[int]) -> CoverageRow:
    """A fact's row: its (claim id, source id) members placed in the outlets' columns (`column` maps a source id
    to its index; claims of sources without one are left out), each cell marked by its claims."""
    per: dict[int, list[int]] = defaultdict(list)     # a fact has a few claims: built sparse, then spread out
    for cid, sid in members:
        if sid in column:
            per[column[sid]].append(cid)
    cells = [NOT_REPORTED] * len(column)
    claim_ids: list[tuple[int, ...]] = [()] * len(column)
    for i, cids in per.items():
        claim_ids[i] = tuple(sorted(cids))
        if any(c in disagreeing for c in cids):
            cells[i] = DISAGREES
        elif any(c in hedged for c in cids):
            cells[i] = HEDGED
        else:
            cells[i] = REPORTED
    return CoverageRow(fact_id, label, tuple(cells), tuple(claim_ids))


def _overlap(a: dict, b: dict) -> bool:
    lo1 = a["low"] if a["low"] is not None else -math.inf
    hi1 = a["high"] if a["high"] is not None else math.inf
    lo2 = b["low"] if b["low"] is not None else -math.inf
    hi2 = b["high"] if b["high"] is not None else math.inf
    return lo1 <= hi2 and lo2 <= hi1


def disagreeing_claims(conn: sqlite3.Connection) -> set[int]:
    """Claims whose figure does not overlap another outlet's figure of the same quantity."""
    source_of = dict(conn.execute("SELECT id, source_id FROM claim_rows"))
    out: set[int] = set()
    for (vals,) in conn.execute("SELECT vals FROM discrepancies"):
        values = json.loads(vals)
        for v in values:
            cid = int(v["claim_id"][1:])
            if any(not _overlap(v, w) for w in values
                   if source_of.get(int(w["claim_id"][1:])) != source_of.get(cid)):
                out.add(cid)
    return out


def build_coverage(conn: sqlite3.Connection, *, min_outlets: int = 1, limit: int | None = None) -> Coverage:
    """The facts x outlets matrix of the whole store, most widely reported facts first (for the report, which
    needs all of it; the app reads it a page at a time through `Queries.coverage`)."""
    outlets = tuple(
        Outlet(sid, i + 1, outlet_name(outlet, name, url), title, url, published)
        for i, (sid, outlet, name, url, title, published) in enumerate(conn.execute(
            "SELECT id, outlet, name, url, title, published FROM sources ORDER BY id")))
    col = {o.source_id: i for i, o in enumerate(outlets)}
    hedged = {cid for cid, h in conn.execute("SELECT id, hedges FROM claim_rows WHERE hedges IS NOT NULL")
              if json.loads(h)}
    disagreeing = disagreeing_claims(conn)
    sql = (f"SELECT f.id, {fact_label_sql('f')} FROM facts f WHERE f.n_sources >= ?"
           " ORDER BY f.n_sources DESC, f.n_claims DESC, f.id"
           + (" LIMIT ?" if limit else ""))
    facts = conn.execute(sql, (min_outlets, limit) if limit else (min_outlets,)).fetchall()
    members: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ids = [f for f, _ in facts]
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for fid, cid, sid in conn.execute(
                f"SELECT fc.fact_id, c.id, c.source_id FROM fact_claims fc JOIN claim_rows c ON c.id = fc.claim_id"
                f" WHERE fc.fact_id IN ({','.join('?' * len(chunk))})", chunk):
            members[fid].append((cid, sid))
    rows = tuple(coverage_row(fid, label, members[fid], col, hedged, disagreeing) for fid, label in facts)
    return Coverage(outlets, rows)
