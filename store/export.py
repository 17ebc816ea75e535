"""The JSON export (shared/docs/export-format.md, version 1): the store's scriptable face."""
from __future__ import annotations

import json
import re
from typing import Any

import sqlite_utils

from .db import get_meta
from .derived import CLAIM_KINDS, quotes_of
from .link import relink

EXPORT_VERSION = 1


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def build_export(db: sqlite_utils.Database) -> dict[str, Any]:
    if get_meta(db, "dirty") == "1":
        relink(db)
    conn = db.conn
    sources = [
        {"id": f"s{sid}", "path": path, "outlet": outlet, "title": title, "url": url, "published": published,
         "author": author, "story_id": f"t{story}" if story else None, "text": text}
        for sid, path, outlet, title, url, published, author, story, text in conn.execute(
            "SELECT id, path, outlet, title, url, published, author, story_id, text FROM sources ORDER BY id")]
    figures: dict[int, list] = {}
    for cid, text, low, high, unit, qualifier, kind, tol in conn.execute(
            "SELECT claim_id, text, low, high, unit, qualifier, kind, tolerance FROM figures ORDER BY claim_id, start"):
        figures.setdefault(cid, []).append({"text": text, "low": _num(low), "high": _num(high), "unit": unit,
                                            "qualifier": qualifier, "kind": kind, "tolerance": tol})
    texts = {s["id"]: s["text"] for s in sources}
    claims = [    # (a claim's text is its span of its source's, unless claim_rows keeps it: store.db)
        {"id": f"c{cid}", "source_id": f"s{sid}", "start": start, "end": end,
         "text": text if text is not None else texts[f"s{sid}"][start:end], "kind": CLAIM_KINDS[kind],
         "speaker": speaker, "hedges": json.loads(hedges) if hedges is not None else [],
         "quotes": quotes_of(quotes, texts[f"s{sid}"]),
         "is_heading": bool(heading), "figures": figures.get(cid, [])}
        for cid, sid, start, end, text, kind, speaker, hedges, quotes, heading in conn.execute(
            'SELECT id, source_id, start, "end", text, kind, speaker, hedges, quotes, is_heading FROM claim_rows'
            ' ORDER BY id')]
    members: dict[int, list[str]] = {}
    for fid, cid in conn.execute("SELECT fact_id, claim_id FROM fact_claims ORDER BY fact_id, claim_id"):
        members.setdefault(fid, []).append(f"c{cid}")
    claim_text = {c["id"]: c["text"] for c in claims}

    def label_of(fid: int, label: str | None, start: int | None, end: int | None, cut: int | None) -> str | None:
        """A fact's label: its own, or a span of its (one) claim's text (store.derived.fact_label_sql)."""
        if label is not None or start is None or not members.get(fid):
            return label
        return claim_text[members[fid][0]][start:end] + ("…" if cut else "")

    facts = [{"id": f"f{fid}", "label": label_of(fid, *label), "story_id": f"t{story}" if story else None,
              "claim_ids": members.get(fid, []), "n_sources": n}
             for fid, story, n, *label in conn.execute(
                 "SELECT id, story_id, n_sources, label, label_start, label_end, label_cut FROM facts ORDER BY id")]
    mentions: dict[int, list] = {}
    for eid, sid, start, end in conn.execute(
            'SELECT entity_id, source_id, start, "end" FROM mention_rows WHERE entity_id IS NOT NULL'
            ' ORDER BY entity_id, source_id, start'):
        mentions.setdefault(eid, []).append({"source_id": f"s{sid}", "start": start, "end": end})
    entities = [{"id": f"e{eid}", "name": name, "type": typ, "aliases": json.loads(aliases),
                 "mentions": mentions.get(eid, [])}
                for eid, name, typ, aliases in conn.execute("SELECT id, name, type, aliases FROM entities ORDER BY id")]
    stories = [{"id": f"t{tid}", "label": label, "source_ids": [f"s{sid}" for (sid,) in conn.execute(
                    "SELECT id FROM sources WHERE story_id = ? ORDER BY id", (tid,))]}
               for tid, label in conn.execute("SELECT id, label FROM stories ORDER BY id")]
    return {"version": EXPORT_VERSION, "stories": stories, "sources": sources, "claims": claims, "facts": facts,
            "entities": entities, "discrepancies": _discrepancies(db)}


def _discrepancies(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    if "discrepancies" not in db.table_names():
        return []
    out = []
    for did, quantity, values in db.execute("SELECT id, quantity, vals FROM discrepancies ORDER BY id"):
        vals = json.loads(values)
        out.append({"id": f"d{did}", "quantity": quantity,
                    "claim_ids": list(dict.fromkeys(v["claim_id"] for v in vals)), "values": vals})
    return out


# Characters that reorder or hide text in a terminal or editor (C1 controls, bidi overrides, line separators).
# JSON keeps them as \uXXXX escapes: the data is the same, and no viewer of the file is fooled by it.
_INVISIBLE = re.compile("[\u0080-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(obj: Any) -> str:
    """JSON as UTF-8 text, with every character that could disguise text escaped (they occur only in strings)."""
    text = json.dumps(obj, ensure_ascii=False, indent=1)
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_export(db: sqlite_utils.Database, fh) -> None:
    fh.write(dumps(build_export(db)))
    fh.write("\n")
