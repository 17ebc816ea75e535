"""Cross-article work over the whole store: stories, one entity per real thing, speakers named alike,
facts aligned, figures that disagree.

Articles are first grouped into stories (over the whole store). Everything else happens within a story:
names are joined ("Kirby" is the John Kirby of that story), claims are aligned into facts, figures are
compared. So the stories are shared among worker processes, and the work grows with the number of
articles, not its square. Entities of different stories with the same name are then one entity.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain
from typing import Callable

import sqlite_utils

from .align import ClaimFeatures, align_facts, fact_label
from .db import FACT_RANK, RELINK_INDEXES, set_speakers
from .derived import MENTION_TYPES, label_span, quotes_of
from .disagree import FigureUse, find_disagreements
from .entities import (_DEPARTMENT_OF, FAMILY_SUFFIXES, _bare_name, _given_names, _name_core, _norm, _person_core,
                       _unhyphened, hyphen_compatible, resolve_entities, same_given_name)
from .lexicon import place_kind
from .model import Mention
from .stories import LEAD_CHARS, ArticleProfile, group_stories, parse_date, profile_terms
from .workers import default_workers, worker_pool

TASK_SOURCES = 400        # sources handed to a worker at once (a bigger story goes whole)
POOL_FROM = 400           # fewer sources than this are linked in this process: a pool would cost more
_TYPED = ", ".join(str(i) for i, t in enumerate(MENTION_TYPES) if t)   # mention_rows.type of a person, org, place
MENTION_KEY_BITS = 32     # a mention is source_id << 32 | seq here: one number (2**32 mentions would take
                          # an article of gigabytes)


# What relink is doing, for a progress line: (what, done, of how many); the counts are 0, 0 for a step
# that is not counted.
Report = Callable[[str, int, int], None]


def relink(db: sqlite_utils.Database, workers: int | None = None, progress: Report | None = None) -> dict[str, int]:
    """Recompute stories, entities, facts and disagreements for the whole store in one transaction."""
    conn = db.conn
    # take the write lock before reading: another writer's new sources cannot slip in between what
    # this relink read and what it writes, and leave the store marked clean but stale
    if conn.in_transaction:
        conn.commit()
    # Relink rewrites every reference between its tables itself, with their indexes dropped: SQLite's own
    # foreign-key actions would look up each deleted entity's mentions with no index to do it (the
    # setting can only change outside a transaction).
    (fk,) = conn.execute("PRAGMA foreign_keys").fetchone()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            return _relink(conn, workers, progress or (lambda what, done, total: None))
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if fk else 'OFF'}")


@dataclass
class _StoryLinks:
    """What linking some stories found, as plain rows for the writer."""
    entities: list[tuple[str, str, list[str], list[int], int]] = field(default_factory=list)
    # (name, type, other names, mentions (MENTION_KEY_BITS), number of sources)
    speakers: list[tuple[str, int]] = field(default_factory=list)      # (speaker, claim id), where it changes
    facts: list[tuple[list[int], str | None, int, int, tuple[int, int, int] | None]] = field(default_factory=list)
    # (claim ids, label, story id, number of sources, the label as a span of the claim's text: one-claim facts)
    disagreements: list[tuple[str, str]] = field(default_factory=list)  # (quantity, values as JSON)


def _phase(name: str, _last: list[float] = [0.0]) -> None:
    """With FACTDIFF_TIMING set, say on stderr how long relink's last phase took (for benchmarks)."""
    if os.environ.get("FACTDIFF_TIMING"):
        now = time.perf_counter()
        if _last[0]:
            try:
                import resource     # (Unix only)
                kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                peak = f", peak memory of this process so far {kb / 1024:.0f} MB"
            except ImportError:
                peak = ""
            print(f"relink: {name} {now - _last[0]:.1f}s{peak}", file=sys.stderr, flush=True)
        _last[0] = now


def _relink(conn: sqlite3.Connection, workers: int | None, progress: Report) -> dict[str, int]:
    _phase("start")
    progress("linking: reading the articles' headlines and names", 0, 0)
    profiles = _profiles(conn)
    n_sources = len(profiles)
    path = _db_path(conn)
    if workers is None:
        workers = default_workers()
    # What each story gives is written to temporary tables as it comes, and sorted there: the memory
    # relink needs does not grow with the store's claims and mentions.
    staging = _Staging(conn)
    if workers > 1 and len(profiles) >= POOL_FROM and path:
        with worker_pool(workers) as pool:
            step = max(1, len(profiles) // (4 * workers))
            chunks = [profiles[i:i + step] for i in range(0, len(profiles), step)]
            for chunk, terms in zip(chunks, pool.imap(_profile_terms, chunks)):
                for p, t in zip(chunk, terms):
                    p.terms = t
            _phase("profiles")
            progress(f"linking: grouping {n_sources:,} articles into stories", 0, 0)
            stories = _group(profiles)
            del profiles, chunks        # their words are the biggest thing relink holds; the stories are made
            _phase("stories")
            tasks = _tasks([(tid, st.source_ids) for tid, st in enumerate(stories, 1)])
            _count_work(progress, len(stories), n_sources, tasks, pool.imap(_link_task, [(path, t) for t in tasks]),
                        staging)
            _phase("story work")
    else:
        progress(f"linking: grouping {n_sources:,} articles into stories", 0, 0)
        stories = _group(profiles)
        del profiles
        tasks = _tasks([(tid, st.source_ids) for tid, st in enumerate(stories, 1)])
        _count_work(progress, len(stories), n_sources, tasks, (_link_stories(conn, task) for task in tasks), staging)

    for name in RELINK_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    progress("linking: writing entities", 0, 0)
    n_entities = staging.write_entities()
    _phase("entities written")
    # speakers: "Kirby" and "John Kirby" are one speaker (only where it changes: each update also
    # rewrites the claim's search-index row)
    set_speakers(conn, staging.speakers)

    published, current = {}, {}
    for sid, date, tid in conn.execute("SELECT id, published, story_id FROM sources"):
        published[sid], current[sid] = date, tid
    conn.execute("DELETE FROM stories")
    story_rows, story_of = [], {}
    for tid, st in enumerate(stories, 1):
        dates = sorted(published[sid] for sid in st.source_ids if published[sid])
        story_rows.append((tid, st.label, len(st.source_ids), dates[0] if dates else None))
        story_of.update((sid, tid) for sid in st.source_ids)
    conn.executemany("INSERT INTO stories (id, label, n_sources, first_published) VALUES (?, ?, ?, ?)", story_rows)
    # only the sources whose story changed: updating a source rewrites its whole row, text and all
    conn.executemany("UPDATE sources SET story_id = ? WHERE id = ?",
                     [(story_of.get(sid), sid) for sid in sorted(current) if story_of.get(sid) != current[sid]])

    _phase("speakers and stories written")
    progress("linking: writing facts", 0, 0)
    n_facts, n_claims = staging.write_facts()
    _phase("facts written")
    progress("linking: indexing", 0, 0)
    for sql in RELINK_INDEXES.values():
        conn.execute(sql)
    conn.execute("DELETE FROM discrepancies")
    conn.executemany("INSERT INTO discrepancies (quantity, vals) VALUES (?, ?)", staging.disagreements)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '0')")
    # a new mark for each linking: what readers worked out from facts and entities is stale once it changes
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('linked', (SELECT coalesce(max(CAST(value AS INTEGER)), 0) + 1"
                 " FROM meta WHERE key = 'linked'))")
    conn.commit()
    staging.drop()
    _phase("indexes and commit")
    return {"entities": n_entities, "facts": n_facts, "claims": n_claims,
            "disagreements": len(staging.disagreements), "stories": len(stories)}


def _count_work(progress: Report, n_stories: int, total: int, tasks: list[list[tuple[int, list[int]]]], results,
                staging: _Staging) -> None:
    """Stage each task's results as they come, saying how many of the `total` articles (every article is in
    one story) are linked so far."""
    what = f"linking: the facts of {n_stories:,} stories"
    done = 0
    progress(what, done, total)
    for task, result in zip(tasks, results):
        staging.add(result)
        done += sum(len(sids) for _, sids in task)
        progress(what, done, total)


def _group(profiles: list[ArticleProfile]) -> list:
    for p in profiles:
        if not p.terms:
            p.terms = profile_terms(p)
        p.lead = p.lead[:120]     # the words are counted; only a label may still need the lead's start
    return group_stories(profiles)


class _Staging:
    """Stories' results on their way into the store: entities merged by name across stories, mentions and
    facts in temporary tables (on disk, as SQLite keeps temporary tables), sorted there."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.entities: dict[str, dict] = {}
        self.speakers: list[tuple[str, int]] = []
        self.disagreements: list[tuple[str, str]] = []
        self.drop()
        conn.execute("CREATE TEMP TABLE relink_mentions (entity_key TEXT NOT NULL, mention_id INTEGER NOT NULL)")
        conn.execute("CREATE TEMP TABLE relink_facts (id INTEGER PRIMARY KEY, label TEXT, story_id INTEGER,"
                     " n_sources INTEGER, n_claims INTEGER, first_claim INTEGER, label_start INTEGER,"
                     " label_end INTEGER, label_cut INTEGER)")
        conn.execute("CREATE TEMP TABLE relink_fact_claims (fact INTEGER NOT NULL, claim_id INTEGER NOT NULL)")
        self.next_fact = 1

    def drop(self) -> None:
        for table in ("relink_mentions", "relink_facts", "relink_fact_claims", "relink_entity_ids"):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")

    def add(self, r: _StoryLinks) -> None:
        rows = []
        for name, typ, aliases, mention_ids, n_src in r.entities:
            key = _norm(name)
            e = self.entities.get(key)
            if e is None:
                e = self.entities[key] = {"name": name, "names": Counter(), "types": Counter(), "aliases": set(),
                                          "mentions": 0, "sources": 0}
            e["names"][name] += len(mention_ids)
            e["types"][typ] += len(mention_ids)
            e["aliases"].update(aliases)
            e["aliases"].add(name)
            e["mentions"] += len(mention_ids)
            e["sources"] += n_src
            rows.extend((key, mid) for mid in mention_ids)
        self.conn.executemany("INSERT INTO relink_mentions VALUES (?, ?)", rows)
        self.speakers.extend(r.speakers)
        self.disagreements.extend(r.disagreements)
        facts, members = [], []
        for ids, label, tid, n_src, span in r.facts:
            facts.append((self.next_fact, label, tid, n_src, len(ids), ids[0], *(span or (None, None, None))))
            members.extend((self.next_fact, c) for c in ids)
            self.next_fact += 1
        self.conn.executemany("INSERT INTO relink_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)
        self.conn.executemany("INSERT INTO relink_fact_claims VALUES (?, ?)", members)

    def write_entities(self) -> int:
        """One entity per name, the most often named first; every mention pointed at its entity."""
        conn = self.conn
        # Only the mentions whose entity changes are written (an update rewrites the row): first those no
        # entity holds any more, then each entity's, where its id differs.
        conn.execute("CREATE INDEX temp.relink_mentions_id ON relink_mentions(mention_id)")
        conn.execute("UPDATE mention_rows SET entity_id = NULL WHERE entity_id IS NOT NULL"
                     f" AND (source_id << {MENTION_KEY_BITS} | seq) NOT IN (SELECT mention_id FROM relink_mentions)")
        conn.execute("INSERT INTO entities_fts (entities_fts) VALUES ('delete-all')")
        conn.execute("DELETE FROM entities")
        # each entity is called by the name most of its mentions have ("Saudi Arabia", not the "SAUDI ARABIA" of
        # the first story that named it so); among names as common, not one in capitals
        for e in self.entities.values():
            e["name"] = max(e["names"], key=lambda n: (e["names"][n], not n.isupper(), n))
        merged = self._join_people()
        ordered = sorted(self.entities.items(), key=lambda kv: (-kv[1]["mentions"], kv[1]["name"]))
        conn.executemany("INSERT INTO entities (id, name, type, aliases, n_sources, n_mentions) VALUES (?,?,?,?,?,?)",
                         ((eid, e["name"], _top_type(e["types"]),
                           json.dumps(sorted(e["aliases"] - {e["name"]}), ensure_ascii=False),
                           e["sources"], e["mentions"]) for eid, (_, e) in enumerate(ordered, 1)))
        conn.execute("INSERT INTO entities_fts (rowid, name, aliases) SELECT id, name, aliases FROM entities")
        conn.execute("CREATE TEMP TABLE relink_entity_ids (entity_key TEXT PRIMARY KEY, id INTEGER NOT NULL)")
        id_of = {key: eid for eid, (key, _) in enumerate(ordered, 1)}
        conn.executemany("INSERT INTO relink_entity_ids VALUES (?, ?)",
                         chain(id_of.items(), ((key, id_of[into]) for key, into in merged.items())))
        # (one statement: SQLite joins and updates the millions of mentions of a big store itself)
        conn.execute("UPDATE mention_rows SET entity_id = x.id FROM"
                     f" (SELECT m.mention_id >> {MENTION_KEY_BITS} AS source_id,"
                     f" m.mention_id & {(1 << MENTION_KEY_BITS) - 1} AS seq, e.id AS id"
                     " FROM relink_mentions m JOIN relink_entity_ids e USING (entity_key)) AS x"
                     " WHERE mention_rows.source_id = x.source_id AND mention_rows.seq = x.seq"
                     " AND mention_rows.entity_id IS NOT x.id")
        # names joined across stories may share sources: count the sources of each such entity again
        joined = sorted({id_of[into] for into in merged.values()})
        if joined:
            conn.executemany("UPDATE entities SET n_sources = ? WHERE id = ?", [(n, eid) for eid, n in conn.execute(
                f"SELECT e.id, count(DISTINCT m.mention_id >> {MENTION_KEY_BITS}) FROM relink_mentions m"
                f" JOIN relink_entity_ids e USING (entity_key) WHERE e.id IN ({_in(joined)}) GROUP BY e.id")])
        return len(ordered)

    def _join_people(self) -> dict[str, str]:
        """Join, across stories, names of one person that stories keep apart; say which name's entity each joined
        name's mentions now belong to.

        - A name with middle initials or a numeral is the name without them ("Donald J. Trump" is Donald Trump),
          unless names with other initials share it about as often ("George W. Bush", "George H.W. Bush").
        - A surname alone is the person of that surname nine times in ten in the whole store, if named by a given
          name at least a quarter as often: articles that only say "President Trump" are about Donald Trump, and
          "Bush" stays itself beside George W. Bush and Jeb Bush.
        """
        merged: dict[str, str] = {}

        def merge(key: str, into: str, as_person: bool = False) -> None:
            e, target = self.entities.pop(key), self.entities[into]
            if as_person:
                target["types"]["PERSON"] += e["mentions"]
            else:
                target["types"].update(e["types"])
            target["aliases"] |= e["aliases"]
            target["mentions"] += e["mentions"]
            target["sources"] += e["sources"]
            merged[key] = into

        by_core: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for key, e in self.entities.items():
            if " " in key and _top_type(e["types"]) == "PERSON":
                core, initials = _person_core(key)
                if core != key and " " in core:
                    by_core[core][initials].append(key)
        for core, variants in by_core.items():
            # (one "Donald F. Trump" in the store does not keep Donald J. Trump apart: the initials of one person
            # hold 95 in 100 of the mentions with initials, or no name is joined)
            weight = {initials: sum(self.entities[k]["mentions"] for k in ks) for initials, ks in variants.items()}
            top = max((i for i in weight if i), key=lambda i: (weight[i], i), default="")
            if top and weight[top] < 0.95 * sum(w for i, w in weight.items() if i):
                continue
            forms = sorted(k for initials, ks in variants.items() if initials in ("", top) for k in ks)
            plain = self.entities.get(core)
            if plain is not None and _top_type(plain["types"]) in ("PERSON", "OTHER"):
                into = core
            else:
                into = max(forms, key=lambda k: (self.entities[k]["mentions"], k))
            for key in forms:
                if key != into:
                    merge(key, into)

        # "Kim Jong-un" is the "Kim Jong Un" of other stories
        for key, spaced in [(k, _unhyphened(e["name"])) for k, e in self.entities.items()]:
            if spaced in self.entities and spaced != key \
                    and _top_type(self.entities[spaced]["types"]) in ("PERSON", "OTHER"):
                merge(key, spaced)
        # "Bashar Assad" is the "Bashar al-Assad" of other stories: a person's name with and without its Arabic
        # article, joined into the form named more often
        for key in [k for k, e in self.entities.items() if _top_type(e["types"]) == "PERSON"]:
            bare = _ARABIC_ARTICLE.sub(" ", key)
            if bare != key and key in self.entities and bare in self.entities \
                    and _top_type(self.entities[bare]["types"]) in ("PERSON", "OTHER"):
                into = max((key, bare), key=lambda k: (self.entities[k]["mentions"], k))
                merge(bare if into == key else key, into)

        # "al-Qaeda" is the "al Qaeda" of other stories
        for key in [k for k in self.entities if "-" in k]:
            spaced = key.replace("-", " ")
            if key in self.entities and spaced in self.entities and hyphen_compatible(
                    _top_type(self.entities[form]["types"]) for form in (key, spaced)):
                into = max((key, spaced), key=lambda k: (self.entities[k]["mentions"], k))
                merge(spaced if into == key else key, into)
        # "Justice Department" is the "Department of Justice" of other stories; "Homeland Security" the "Department of
        # Homeland Security" where a story named it both ways (not every "Public Safety" or "Foreign Affairs" is a
        # department's)
        for key in [k for k in self.entities if k.startswith(_DEPARTMENT_OF)]:
            field_ = key[len(_DEPARTMENT_OF):]
            for other in (f"{field_} department", field_):
                if key in self.entities and other in self.entities \
                        and (other != field_ or self.entities[other]["name"] in self.entities[key]["aliases"]) \
                        and all(_top_type(self.entities[k]["types"]) in ("ORG", "OTHER") for k in (key, other)):
                    into = max((key, other), key=lambda k: (self.entities[k]["mentions"], k))
                    merge(other if into == key else key, into)
        # "Chuck Schumer" is the "Charles Schumer" of other stories, and "Christine Blasey Ford" the "Christine Ford",
        # where a story named the person both ways (and its entity so has the other name among its names): "Mike
        # Brown" is not every Michael Brown, nor "John Adams" John Quincy Adams. The name named more often stays.
        by_rest: dict[str, list[str]] = defaultdict(list)     # the surname (less middle names) -> people
        for key, e in self.entities.items():
            if " " in key and _top_type(e["types"]) == "PERSON":
                by_rest[_name_core(key)[0].split(" ", 1)[1]].append(key)
        for keys in by_rest.values():
            for a, b in [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]:
                if a not in self.entities or b not in self.entities:
                    continue
                ga, gb = _name_core(a)[0].split()[0], _name_core(b)[0].split()[0]
                ea, eb = self.entities[a], self.entities[b]
                # (names that differ by their initials alone are joined above, or kept apart there as two people's:
                # "George Bush" may be George W. or George H.W.)
                (core_a, initials_a), (core_b, initials_b) = _person_core(a), _person_core(b)
                if core_a == core_b and initials_a != initials_b:
                    continue
                if same_given_name(ga, gb) and (
                        eb["name"] in ea["aliases"] or ea["name"] in eb["aliases"]):
                    into = max((a, b), key=lambda k: (self.entities[k]["mentions"], k))
                    merge(b if into == a else a, into)

        given = _given_names()
        people: dict[str, list[str]] = defaultdict(list)      # surname -> full names of people
        for key, e in self.entities.items():
            if " " in key and _top_type(e["types"]) == "PERSON":
                words = _person_core(key)[0].split()
                if words[-1] in FAMILY_SUFFIXES and len(words) > 2:      # Donald Trump Jr. shares the surname
                    words.pop()
                people[words[-1]].append(key)
                # ("Assad" alone is Bashar al-Assad's surname too)
                if words[-1].startswith(("al-", "el-")):
                    people[words[-1][3:]].append(key)
        for key in [k for k in self.entities if " " not in k and k in people]:
            e = self.entities[key]
            # (not a given name: "Tucker" is more often Tucker Carlson than anyone surnamed Tucker; nor a place's
            # name: "Houston" untyped in one story is not Whitney Houston in all)
            if _top_type(e["types"]) not in ("PERSON", "OTHER") or e["name"].isupper() or e["name"] in given \
                    or place_kind(e["name"]):
                continue
            into = max(people[key], key=lambda k: (self.entities[k]["mentions"], k))
            target = self.entities[into]
            if target["mentions"] >= max(5.0, 0.9 * sum(self.entities[k]["mentions"] for k in people[key]),
                                         0.25 * e["mentions"]) and _plainly_a_person(target["name"], given):
                merge(key, into, as_person=True)
        # (a name joined into one that was later joined into another belongs to the last)
        for key, into in merged.items():
            while into in merged:
                into = merged[into]
            merged[key] = into
        return merged

    def write_facts(self) -> tuple[int, int]:
        """Facts numbered in the order the panes list them (db.FACT_RANK, then by their first claim), with their
        claims."""
        conn = self.conn
        conn.execute("DELETE FROM fact_claims")
        conn.execute("INSERT INTO facts_fts (facts_fts) VALUES ('delete-all')")
        conn.execute("DELETE FROM facts")
        conn.execute("CREATE TEMP TABLE relink_fact_ids AS SELECT id AS staged,"
                     f" row_number() OVER (ORDER BY {FACT_RANK}, first_claim) AS id FROM relink_facts")
        conn.execute("CREATE INDEX temp.relink_fact_ids_staged ON relink_fact_ids(staged)")
        conn.execute("INSERT INTO facts (id, label, story_id, n_sources, n_claims, label_start, label_end, label_cut)"
                     " SELECT i.id, f.label, f.story_id, f.n_sources, f.n_claims, f.label_start, f.label_end,"
                     " f.label_cut FROM relink_facts f JOIN relink_fact_ids i ON i.staged = f.id ORDER BY i.id")
        # a fact of one claim is found by searching its claim: only facts of several claims are indexed
        conn.execute("INSERT INTO facts_fts (rowid, label) SELECT id, label FROM facts WHERE n_claims > 1")
        conn.execute("INSERT INTO fact_claims (fact_id, claim_id) SELECT i.id, m.claim_id FROM relink_fact_claims m"
                     " JOIN relink_fact_ids i ON i.staged = m.fact ORDER BY i.id, m.claim_id")
        conn.execute("DROP TABLE temp.relink_fact_ids")
        n_facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
        n_claims = conn.execute("SELECT count(*) FROM relink_fact_claims").fetchone()[0]
        return n_facts, n_claims


# an Arabic article inside a name's key, not at its start ("Al Gore"): "bashar al-assad", "abdel fattah el sisi"
_ARABIC_ARTICLE = re.compile(r" (?:al|el)[- ](?=\w)")


def _plainly_a_person(name: str, given: frozenset[str]) -> bool:
    """A given name and a surname, perhaps a middle name, and no word of a title's, a body's or a place's name."""
    return name.split()[0] in given and _bare_name(_norm(name))


def _top_type(types: Counter) -> str:
    return max(types, key=lambda t: (types[t], t)) if types else "OTHER"


def _tasks(stories: list[tuple[int, list[int]]]) -> list[list[tuple[int, list[int]]]]:
    """Stories in runs of about TASK_SOURCES sources, in order."""
    tasks: list[list[tuple[int, list[int]]]] = [[]]
    size = 0
    for tid, sids in stories:
        if size and size + len(sids) > TASK_SOURCES:
            tasks.append([])
            size = 0
        tasks[-1].append((tid, sids))
        size += len(sids)
    return [t for t in tasks if t]


def _db_path(conn: sqlite3.Connection) -> str:
    """The store's file, for worker processes to read; '' for an in-memory store."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or ""
    return ""


def _reader(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA query_only = ON")
    return conn


def _profile_terms(profiles: list[ArticleProfile]) -> list[dict[str, float]]:
    return [profile_terms(p) for p in profiles]


def _link_task(args: tuple[str, list[tuple[int, list[int]]]]) -> _StoryLinks:
    path, stories = args
    conn = _reader(path)
    try:
        return _link_stories(conn, stories)
    finally:
        conn.close()


def _link_stories(conn: sqlite3.Connection, stories: list[tuple[int, list[int]]]) -> _StoryLinks:
    out = _StoryLinks()
    for tid, sids in stories:
        _link_story(conn, tid, sorted(sids), out)
    return out


def _in(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def _link_story(conn: sqlite3.Connection, tid: int, sids: list[int], out: _StoryLinks) -> None:
    """One story: its entities, its speakers' full names, its facts and its disagreements."""
    index = {sid: i for i, sid in enumerate(sids)}
    per_source: list[list[Mention]] = [[] for _ in sids]
    mention_ids: list[list[int]] = [[] for _ in sids]
    # claims' text and mentions' surfaces are spans of their sources' text (store.db, schema 6): cut here
    texts = dict(conn.execute(f"SELECT id, text FROM sources WHERE id IN ({_in(sids)})"))
    for seq, sid, start, end, surface, name, typ, ev in conn.execute(
            'SELECT seq, source_id, start, "end", surface, name, type, evidence FROM mention_rows'
            f' WHERE source_id IN ({_in(sids)}) ORDER BY source_id, start'):
        if surface is None:
            surface = texts[sid][start:end]
        per_source[index[sid]].append(Mention(start, end, surface, name if name is not None else surface,
                                              MENTION_TYPES[typ], ev))
        mention_ids[index[sid]].append(sid << MENTION_KEY_BITS | seq)
    acronyms = conn.execute(f"SELECT name, acronym FROM acronyms WHERE source_id IN ({_in(sids)})").fetchall()
    entities = resolve_entities(per_source, acronyms)

    mention_id = {(si, m.start): mid for si, (ms, ids) in enumerate(zip(per_source, mention_ids))
                  for m, mid in zip(ms, ids)}
    alias_to_name: dict[str, str] = {}
    entity_of: dict[tuple[int, int], int] = {}      # (source index, mention start) -> entity, in this story
    for local, ent in enumerate(entities):
        for si, m in ent.mentions:
            entity_of[(si, m.start)] = local
        for a in ent.aliases | {ent.name}:
            alias_to_name.setdefault(_norm(a), ent.name)
        out.entities.append((ent.name, ent.type, sorted(ent.aliases - {ent.name}),
                             [mention_id[(si, m.start)] for si, m in ent.mentions],
                             len({si for si, _ in ent.mentions})))

    claims = [(cid, sid, start, end, text if text is not None else texts[sid][start:end], written, speaker,
               quotes, heading)
              for cid, sid, start, end, text, written, speaker, quotes, heading in conn.execute(
                  'SELECT id, source_id, start, "end", text, speaker_as_written, speaker, quotes, is_heading'
                  f' FROM claim_rows WHERE source_id IN ({_in(sids)}) ORDER BY id')]
    speaker_of: dict[int, str | None] = {}
    for cid, _, _, _, _, written, old, _, _ in claims:
        new = alias_to_name.get(_norm(written), written) if written else old
        speaker_of[cid] = new
        if new != old:
            out.speakers.append((new, cid))

    if len(sids) == 1:
        # one article: no other outlet to line its claims up with, nor to disagree with
        out.facts.extend(_fact([c[0]], fact_label(c[4]), tid, 1, c[4]) for c in claims)
        return

    figures: dict[int, list] = defaultdict(list)
    for cid, low, high, unit, kind, fstart, ftext in conn.execute(
            'SELECT f.claim_id, f.low, f.high, f.unit, f.kind, f.start, f.text FROM figures f'
            f' JOIN claim_rows c ON c.id = f.claim_id WHERE c.source_id IN ({_in(sids)})'):
        figures[cid].append((low, high, unit, kind, fstart, ftext))
    mentions_at: list[list[tuple[int, int]]] = [
        sorted((m.start, entity_of[(si, m.start)]) for m in ms if (si, m.start) in entity_of)
        for si, ms in enumerate(per_source)]
    features = []
    lead: dict[int, int] = {}       # source -> its first claim under the headline (claims are in text order)
    for cid, sid, _, _, _, _, _, _, heading in claims:
        if not heading:
            lead.setdefault(sid, cid)
    leads = set(lead.values())
    for cid, sid, start, end, text, _, _, quotes, heading in claims:
        quotes = quotes_of(quotes, texts[sid])
        ms = mentions_at[index[sid]]
        i = bisect_left(ms, (start, -1))
        ents = set()
        while i < len(ms) and ms[i][0] < end:
            ents.add(ms[i][1])
            i += 1
        features.append(ClaimFeatures(id=cid, source=sid, story=tid, text=text, speaker=speaker_of[cid],
                                      entities=frozenset(ents),
                                      figures=tuple(f[:4] for f in figures.get(cid, ())),
                                      quotes=tuple(quotes), is_heading=bool(heading), lead=cid in leads))
    source_of = {c.id: c.source for c in features}
    text_of = {c.id: c.text for c in features}
    fact_of: dict[int, int] = {}
    for i, fact in enumerate(align_facts(features)):
        out.facts.append(_fact(fact.claim_ids, fact.label, tid, len({source_of[c] for c in fact.claim_ids}),
                               text_of[fact.claim_ids[0]]))
        fact_of.update((c, i) for c in fact.claim_ids)

    by_id = {c[0]: c for c in claims}
    uses = [FigureUse(cid, by_id[cid][1], speaker_of[cid], ftext, low, high, unit, by_id[cid][4],
                      fstart - by_id[cid][2], tid, kind, fact_of.get(cid))
            for cid, figs in figures.items() for low, high, unit, kind, fstart, ftext in figs
            if kind in ("count", "money")]
    for d in find_disagreements(uses):
        out.disagreements.append((d.quantity, json.dumps([
            {"claim_id": f"c{u.claim_id}", "text": u.text, "low": _num(u.low), "high": _num(u.high),
             "unit": u.unit, "speaker": u.speaker} for u in d.values], ensure_ascii=False)))


def _fact(claim_ids: list[int], label: str, tid: int, n_sources: int, text: str) -> tuple:
    """A fact as _StoryLinks keeps it: a fact of one claim has its label as a span of the claim's `text` where it
    is one (store.derived.fact_label_sql)."""
    span = label_span(label, text) if len(claim_ids) == 1 else None
    return (claim_ids, None if span else label, tid, n_sources, span)


def _num(v: float | None) -> float | int | None:
    return None if v is None else (int(v) if float(v).is_integer() else v)


def _profiles(conn: sqlite3.Connection) -> list[ArticleProfile]:
    """What stories are grouped on: headline, lead, the names an article uses, its date."""
    names: dict[int, set[str]] = defaultdict(set)
    # a name that is its mention's surface is not kept: it is cut from the source's text, read once per source
    text_of: tuple[int, str] = (0, "")
    # (in the table's order: a source's mentions are written together, and reading in order is faster)
    for sid, start, end, surface, name in conn.execute(
            'SELECT source_id, start, "end", surface, name FROM mention_rows WHERE evidence >= 1'
            f" AND type IN ({_TYPED})"):
        if name is None:
            name = surface
        if name is None:
            if text_of[0] != sid:
                text_of = (sid, conn.execute("SELECT text FROM sources WHERE id = ?", (sid,)).fetchone()[0])
            name = text_of[1][start:end]
        names[sid].add(_norm(name))
    return [ArticleProfile(sid, title or "", text, sorted(names.get(sid, ())), parse_date(published))
            for sid, title, text, published in conn.execute(
                "SELECT id, title, substr(text, 1, ?), published FROM sources ORDER BY id", (LEAD_CHARS,))]


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
