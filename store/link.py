"""Cross-article work over the whole store: one entity per real thing, speakers named alike, facts aligned."""
from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict

import sqlite_utils

from .align import ClaimFeatures, align_facts
from .disagree import FigureUse, find_disagreements
from .stories import LEAD_CHARS, ArticleProfile, group_stories, parse_date
from .entities import _norm, resolve_entities
from .model import Mention


def relink(db: sqlite_utils.Database) -> dict[str, int]:
    """Recompute entities and facts for the whole store in one transaction; returns counts."""
    conn = db.conn
    # take the write lock before reading: another writer's new sources cannot slip in between what
    # this relink read and what it writes, and leave the store marked clean but stale
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        return _relink(conn)
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise


def _relink(conn) -> dict[str, int]:
    source_ids = [r[0] for r in conn.execute("SELECT id FROM sources ORDER BY id")]
    index = {sid: i for i, sid in enumerate(source_ids)}
    per_source: list[list[Mention]] = [[] for _ in source_ids]
    mention_rows: list[list[int]] = [[] for _ in source_ids]
    for mid, sid, start, end, surface, name, typ, ev in conn.execute(
            'SELECT id, source_id, start, "end", surface, name, type, evidence FROM mentions ORDER BY source_id, start'):
        per_source[index[sid]].append(Mention(start, end, surface, name, typ, ev))
        mention_rows[index[sid]].append(mid)
    acronyms = [(n, a) for n, a in conn.execute("SELECT name, acronym FROM acronyms")]
    entities = resolve_entities(per_source, acronyms)

    with conn:
        conn.execute("UPDATE mentions SET entity_id = NULL")
        conn.execute("INSERT INTO entities_fts (entities_fts) VALUES ('delete-all')")
        conn.execute("DELETE FROM entities")
        alias_to_name: dict[str, str] = {}
        mention_entity: dict[int, int] = {}
        conn.executemany("INSERT INTO entities (id, name, type, aliases, n_sources, n_mentions) VALUES (?,?,?,?,?,?)",
                         [(eid, ent.name, ent.type,
                           json.dumps(sorted(ent.aliases - {ent.name}), ensure_ascii=False),
                           len({si for si, _ in ent.mentions}), len(ent.mentions))
                          for eid, ent in enumerate(entities, 1)])
        conn.execute("INSERT INTO entities_fts (rowid, name, aliases) SELECT id, name, aliases FROM entities")
        for eid, ent in enumerate(entities, 1):
            for a in ent.aliases | {ent.name}:
                alias_to_name.setdefault(_norm(a), ent.name)
            for si, m in ent.mentions:
                # mentions are unique per (source, start)
                mention_entity[(si, m.start)] = eid
        updates = []
        for si, (ms, ids) in enumerate(zip(per_source, mention_rows)):
            for m, mid in zip(ms, ids):
                eid = mention_entity.get((si, m.start))
                if eid is not None:
                    updates.append((eid, mid))
        conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", updates)

        # speakers: "Kirby" and "John Kirby" are one speaker
        # (only where it changes: each update also rewrites the claim's search-index row)
        conn.executemany("UPDATE claims SET speaker = ? WHERE id = ?", [
            (new, cid) for cid, w, old in conn.execute(
                "SELECT id, speaker_as_written, speaker FROM claims WHERE speaker_as_written IS NOT NULL")
            if (new := alias_to_name.get(_norm(w), w)) != old])

        stories = group_stories(_profiles(conn, per_source, source_ids))
        conn.execute("UPDATE sources SET story_id = NULL")
        conn.execute("DELETE FROM stories")
        story_of: dict[int, int] = {}
        published = dict(conn.execute("SELECT id, published FROM sources"))
        story_rows = []
        for tid, st in enumerate(stories, 1):
            dates = sorted(published[sid] for sid in st.source_ids if published[sid])
            story_rows.append((tid, st.label, len(st.source_ids), dates[0] if dates else None))
            for sid in st.source_ids:
                story_of[sid] = tid
        conn.executemany("INSERT INTO stories (id, label, n_sources, first_published) VALUES (?, ?, ?, ?)",
                         story_rows)
        conn.executemany("UPDATE sources SET story_id = ? WHERE id = ?", [(v, k) for k, v in story_of.items()])

        features = _claim_features(conn, index, story_of)
        facts = align_facts(features)
        conn.execute("DELETE FROM fact_claims")
        conn.execute("INSERT INTO facts_fts (facts_fts) VALUES ('delete-all')")
        conn.execute("DELETE FROM facts")
        src_of = {c.id: c.source for c in features}
        ordered = sorted(facts, key=lambda f: (-len({src_of[c] for c in f.claim_ids}), min(f.claim_ids)))
        conn.executemany("INSERT INTO facts (id, label, story_id, n_sources, n_claims) VALUES (?,?,?,?,?)",
                         [(fid, f.label, f.story, len({src_of[c] for c in f.claim_ids}), len(f.claim_ids))
                          for fid, f in enumerate(ordered, 1)])
        conn.execute("INSERT INTO facts_fts (rowid, label) SELECT id, label FROM facts")
        conn.executemany("INSERT INTO fact_claims VALUES (?, ?)",
                         [(fid, c) for fid, f in enumerate(ordered, 1) for c in f.claim_ids])
        disagreements = find_disagreements(_figure_uses(conn, index, story_of))
        conn.execute("DELETE FROM discrepancies")
        conn.executemany("INSERT INTO discrepancies (quantity, vals) VALUES (?, ?)", [
            (d.quantity, json.dumps([
                {"claim_id": f"c{u.claim_id}", "text": u.text, "low": _num(u.low), "high": _num(u.high),
                 "unit": u.unit, "speaker": u.speaker} for u in d.values], ensure_ascii=False))
            for d in disagreements])
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '0')")
    return {"entities": len(entities), "facts": len(facts), "claims": len(features),
            "disagreements": len(disagreements)}


def _num(v: float | None) -> float | int | None:
    return None if v is None else (int(v) if float(v).is_integer() else v)


def _figure_uses(conn, index: dict[int, int], story_of: dict[int, int]) -> list[FigureUse]:
    return [FigureUse(cid, index[sid], speaker, ftext, low, high, unit, ctext, fstart - cstart, story_of.get(sid, 0))
            for cid, sid, cstart, ctext, speaker, fstart, ftext, low, high, unit in conn.execute(
                "SELECT c.id, c.source_id, c.start, c.text, c.speaker, f.start, f.text, f.low, f.high, f.unit"
                " FROM figures f JOIN claims c ON c.id = f.claim_id WHERE f.kind = 'count'")]


def _profiles(conn, per_source: list[list[Mention]], source_ids: list[int]) -> list[ArticleProfile]:
    """What stories are grouped on: headline, lead, the names an article uses, its date."""
    names = {sid: sorted({_norm(m.name) for m in ms if m.evidence >= 1 and m.type in ("PERSON", "ORG", "PLACE")})
             for sid, ms in zip(source_ids, per_source)}
    return [ArticleProfile(sid, title or "", text[:LEAD_CHARS], names.get(sid, []), parse_date(published))
            for sid, title, text, published in conn.execute(
                "SELECT id, title, substr(text, 1, ?), published FROM sources ORDER BY id", (LEAD_CHARS,))]


def _claim_features(conn, index: dict[int, int], story_of: dict[int, int]) -> list[ClaimFeatures]:
    figs: dict[int, list] = defaultdict(list)
    for cid, low, high, unit, kind in conn.execute("SELECT claim_id, low, high, unit, kind FROM figures"):
        figs[cid].append((low, high, unit, kind))
    ments: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for sid, start, eid in conn.execute(
            "SELECT source_id, start, entity_id FROM mentions WHERE entity_id IS NOT NULL ORDER BY source_id, start"):
        ments[sid].append((start, eid))
    out = []
    for cid, sid, start, end, text, speaker, quotes, heading in conn.execute(
            'SELECT id, source_id, start, "end", text, speaker, quotes, is_heading FROM claims ORDER BY id'):
        ms = ments.get(sid, [])
        i = bisect_left(ms, (start, -1))
        ents = set()
        while i < len(ms) and ms[i][0] < end:
            ents.add(ms[i][1])
            i += 1
        out.append(ClaimFeatures(id=cid, source=index[sid], story=story_of.get(sid, 0), text=text, speaker=speaker,
                                 entities=frozenset(ents), figures=tuple(figs.get(cid, ())),
                                 quotes=tuple(json.loads(quotes)), is_heading=bool(heading)))
    return out


def bring_up_to_date(path: str) -> bool:
    """Finish the cross-article work another process's ingest left pending; True if there was any."""
    from .db import get_meta, open_store

    db = open_store(path, create=False)
    try:
        if get_meta(db, "dirty") != "1":
            return False
        relink(db)
        return True
    finally:
        db.conn.close()
