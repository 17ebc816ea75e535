"""store/queries.py and store/wordiff.py, without any UI: on the demo corpus and on small texts."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from store import queries as queries_module
from store.cli import main as store_main
from store.coverage import DISAGREES, HEDGED, NOT_REPORTED, REPORTED, build_coverage
from store.db import open_store
from store.queries import Queries, StoryRow, apart, outlet_name
from store.wordiff import DIFF, FIGURE, SAME, SPEAKER, diff_words, tokens


def generated_store(path: Path, *, sources: int = 2000, claims_per_source: int = 25, per_story: int = 5) -> Path:
    """A store of `sources` x `claims_per_source` claims (50,000 by default) written straight into store/db.py's
    schema, without the analysis (about two seconds). Stories of `per_story` articles; in each, the claims at
    one position of its articles make a fact reported by 1 to `per_story` of them (by position), every other
    claim a fact of its own; facts are numbered as relink numbers them (most outlets first, then by first claim).
    Entities are named by some claims' speakers."""
    db = open_store(path)
    conn = db.conn
    # Search indexes are built once at the end, not row by row by any insert triggers (four times faster).
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%AFTER INSERT%'"
                            ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    source_rows, claim_rows, claims_of = [], [], {}
    cid = 0
    for sid in range(1, sources + 1):
        lines, offset = [], 0
        claims_of[sid] = []
        for k in range(claims_per_source):
            cid += 1
            text = f"Claim {cid} of article {sid}: officials said {k + 1} things happened."
            claim_rows.append((cid, sid, offset, offset + len(text), text, "statement",
                               f"Speaker {cid % 500}" if k % 3 == 0 else None))
            claims_of[sid].append(cid)
            lines.append(text)
            offset += len(text) + 1
        source_rows.append((sid, f"/generated/a{sid}.txt", f"a{sid}.txt", f"hash{sid}", f"Outlet {sid % 40}",
                            f"Article {sid}", f"2024-01-{1 + sid % 28:02d}", "txt", "\n".join(lines), "2024-02-01",
                            (sid - 1) // per_story + 1))
    stories = (sources + per_story - 1) // per_story
    conn.executemany("INSERT INTO stories VALUES (?, ?, ?, ?)",
                     [(t, f"Story {t}", per_story, "2024-01-01") for t in range(1, stories + 1)])
    conn.executemany("INSERT INTO sources (id, path, name, content_hash, outlet, title, published, format, text,"
                     " ingested_at, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)", source_rows)
    conn.executemany('INSERT INTO claims (id, source_id, start, "end", text, kind, speaker) VALUES (?,?,?,?,?,?,?)',
                     claim_rows)
    facts = []      # (story, claim ids, how many articles)
    for story in range(1, stories + 1):
        members = range((story - 1) * per_story + 1, min(story * per_story, sources) + 1)
        for k in range(claims_per_source):
            width = 1 + k % per_story
            facts.append((story, [claims_of[sid][k] for sid in members[:width]]))
            facts += [(story, [claims_of[sid][k]]) for sid in members[width:]]
    facts.sort(key=lambda f: (-len(f[1]), f[1][0]))
    ids = list(range(1, len(facts) + 1))
    conn.executemany("INSERT INTO facts (id, label, story_id, n_sources, n_claims) VALUES (?,?,?,?,?)",
                     [(fid, f"Fact {fid}: claim {claims[0]} in story {story}", story, len(claims), len(claims))
                      for fid, (story, claims) in zip(ids, facts)])
    conn.executemany("INSERT INTO fact_claims VALUES (?, ?)",
                     [(fid, claim) for fid, (_, claims) in zip(ids, facts) for claim in claims])
    conn.executemany("INSERT INTO entities (id, name, type, aliases, n_sources, n_mentions) VALUES (?,?,?,?,?,?)",
                     [(e, f"Speaker {e}" if e < 500 else f"Place {e}", "PERSON" if e < 500 else "PLACE", "[]",
                       1 + e % 7, 1 + e % 13) for e in range(1, 3001)])
    for (fts,) in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%USING FTS5%'"
                               ).fetchall():
        conn.execute(f"INSERT INTO \"{fts}\"(\"{fts}\") VALUES ('rebuild')")
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


@pytest.fixture(scope="session")
def big_db(tmp_path_factory) -> Path:
    """A store of 50,000 generated claims, built once per session (test_tui_app.py shares it)."""
    path = tmp_path_factory.getbasetemp() / "big" / "big.db"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        generated_store(path)
    return path


@pytest.fixture
def demo(demo_db) -> Queries:
    return Queries(demo_db)


@pytest.fixture
def small(small_db) -> Queries:
    return Queries(small_db)


def test_outlet_falls_back_to_the_host_then_a_short_file_name():
    assert outlet_name("Reuters", "x.txt", "https://www.bbc.co.uk/news/1") == "Reuters"
    assert outlet_name(None, "000_bdddd05343c1693e.txt", "https://www.Reuters.com/world/x?id=1") == "reuters.com"
    assert outlet_name(None, "000_bdddd05343c1693e.txt", "http://[::1") == "000_bdddd053"   # malformed URL
    assert outlet_name(None, "000_bdddd05343c1693e.txt") == "000_bdddd053"
    assert outlet_name(None, "feed.jsonl#12", "not a url") == "feed"


def test_sources_without_an_outlet_are_named_by_their_host(tmp_path):
    (tmp_path / "000_bdddd05343c1693e.md").write_text(
        "---\nurl: https://www.apnews.com/article/floods\n---\nPolice said 12 people died in the flood.\n")
    db = tmp_path / "s.db"
    assert store_main(["ingest", str(tmp_path), "--db", str(db), "-q"]) == 0
    q = Queries(db)
    assert [s.outlet for s in q.sources()] == ["apnews.com"]
    assert {c.outlet for c in q.claims_of_fact(q.facts()[0].id)} == {"apnews.com"}


def test_sources_are_numbered_with_their_outlets(small):
    rows = small.sources()
    assert [r.number for r in rows] == [1, 2, 3, 4, 5]
    assert {r.outlet for r in rows} == {"Northern Herald", "Coastal Times", "Daily Ledger"}
    assert all(r.n_claims > 0 for r in rows)


def flood(q: Queries) -> StoryRow:
    return next(s for s in q.stories() if "Aren" in s.label)


def test_stories_come_biggest_first_and_scope_sources_facts_and_entities(small):
    stories = small.stories()
    assert [s.n_sources for s in stories] == [3, 2] and stories[1].first_published == "2024-04-22"
    story = flood(small)
    sources = small.sources(story.id)
    assert {s.title for s in sources} == {"Floods kill 12 in the Aren valley", "Aren river bursts its banks",
                                          "Eight dead as Aren floods"}
    everyone = {s.id: s.number for s in small.sources()}
    assert all(everyone[s.id] == s.number for s in sources)      # numbered as among all sources
    facts = small.facts(story_id=story.id)
    assert facts and all(f.story_id == story.id for f in facts)
    assert len(facts) < len(small.facts())
    names = {e.name for e in small.entities(story.id)}
    assert "Kelbrook" in names and "Petra Holm" not in names
    assert "Petra Holm" in {e.name for e in small.entities()}


def test_a_storys_entities_are_counted_and_ranked_in_that_story(tmp_path):
    """Kelbrook is named by the store's four articles, Lena Ostrova by one of them; in the strike story, only
    Ostrova is named by both of its articles: she comes first there, with the counts of that story."""
    articles = {
        "a.md": "---\noutlet: Herald\ntitle: Floods kill 12 in the Aren valley\npublished: 2024-03-05\n---\n"
                "Officials said 12 people were killed when the Aren river flooded Kelbrook on Tuesday.\n\n"
                "Mayor Lena Ostrova said rescue teams reached Kelbrook before dawn.\n",
        "b.md": "---\noutlet: Times\ntitle: Aren river floods Kelbrook\npublished: 2024-03-05\n---\n"
                "At least 12 people were killed when the Aren river flooded Kelbrook on Tuesday, police said.\n",
        "c.md": "---\noutlet: Herald\ntitle: Kelbrook tram drivers strike over pay\npublished: 2024-06-20\n---\n"
                "Tram drivers in Kelbrook walked out on Monday in a dispute over pay.\n\n"
                "Mayor Lena Ostrova said talks with the union would resume on Friday.\n\n"
                "Ostrova said the city could not afford the raise.\n",
        "d.md": "---\noutlet: Times\ntitle: Trams stop in Kelbrook as drivers strike\npublished: 2024-06-20\n---\n"
                "Tram drivers in Kelbrook walked out on Monday over pay.\n\n"
                "Mayor Lena Ostrova said the strike was unlawful.\n",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    assert store_main(["ingest", str(tmp_path), "--db", str(db), "-q"]) == 0
    q = Queries(db)
    strike = next(s for s in q.stories() if "strike" in s.label.lower())
    assert strike.n_sources == 2 and len(q.stories()) == 2
    everywhere = {e.name: (e.n_sources, e.n_mentions) for e in q.entities()}
    assert everywhere["Kelbrook"][0] == 4 and everywhere["Lena Ostrova"] == (3, 4)
    in_story = q.entities(strike.id)
    assert [(e.name, e.n_sources, e.n_mentions) for e in in_story[:2]] == [("Lena Ostrova", 2, 3), ("Kelbrook", 2, 2)]
    assert q.count_entities(strike.id) == len(in_story)
    assert [q.entity_index(e.id, strike.id) for e in in_story] == list(range(len(in_story)))
    assert q.entities(strike.id, offset=1, limit=1) == in_story[1:2]


def test_search_hits_say_which_story_they_are_in(small):
    stories = {s.id: s.label for s in small.stories()}
    hits = small.search("Delgado")
    assert hits and all(h.story == flood(small).label for h in hits)
    holm = next(h for h in small.search("Petra Holm") if h.kind == "entity")
    assert holm.story != flood(small).label and holm.story in stories.values()


def test_disagreements_come_most_outlets_first_with_values_lowest_first(small):
    killed, drivers = small.disagreements()
    assert killed.n_outlets == 3 and drivers.n_outlets == 2
    assert [(v.outlet, v.text, v.low, v.high) for v in killed.values] == [
        ("Daily Ledger", "as many as 8", None, 8), ("Northern Herald", "12", 12, 12),
        ("Coastal Times", "At least 12", 12, None)]
    assert all(v.apart for v in killed.values)      # each misses the Ledger's, or the Ledger's misses them
    assert not any(v.apart for v in drivers.values)    # "About 400" and "Some 400" overlap; only speakers differ
    assert [d.quantity for d in small.disagreements(flood(small).id)] == [killed.quantity]


def test_apart_marks_values_another_outlet_does_not_reach():
    assert apart([(1, None, 8), (2, 12, 12), (3, 12, None)]) == [True, True, True]
    assert apart([(1, 10, 20), (2, 12, 12), (3, 15, None)]) == [False, True, True]
    assert apart([(1, 5, 5), (1, 9, 9)]) == [False, False]       # one outlet's own figures never disagree


def test_coverage_is_scoped_sorted_filtered_and_limited(small):
    story = flood(small)
    view = small.coverage(story.id)
    assert [o.source_id for o in view.outlets] == [s.id for s in small.sources(story.id)]
    assert view.total == len(view.rows) == len(small.facts(story_id=story.id))
    assert [r.n_reported for r in view.rows] == sorted((r.n_reported for r in view.rows), reverse=True)
    killed = view.rows[0]
    assert "killed" in killed.label and set(killed.cells) == {DISAGREES}
    dam = next(r for r in view.rows if "dam operator" in r.label)
    assert sorted(dam.cells) == sorted([HEDGED, REPORTED, NOT_REPORTED])
    fewest = small.coverage(story.id, fewest_first=True)
    assert fewest.rows[0].n_reported == 1 and fewest.total == view.total
    only = small.coverage(story.id, exclusive=True)
    assert only.rows and all(r.n_reported == 1 for r in only.rows) and only.total == len(only.rows)
    ledger = next(o for o in view.outlets if o.name == "Daily Ledger")
    omitted = small.coverage(story.id, omitted_by=ledger.source_id)
    column = list(view.outlets).index(ledger)
    assert omitted.rows and all(r.cells[column] == NOT_REPORTED and r.n_reported >= 2 for r in omitted.rows)
    page = small.coverage(limit=4)
    assert len(page.rows) == 4 and page.total == len(small.facts()) and len(page.outlets) == 5


def paged(read, total: int, size: int) -> list:
    """A whole list read `size` rows at a time, as a pane reads it while scrolling (a page nearer the end read
    backwards from it)."""
    return [row for offset in range(0, total, size) for row in read(offset=offset, limit=size, total=total)]


def test_pages_join_up_into_the_whole_list_and_each_row_is_found_where_it_is(small):
    story = flood(small).id
    source = small.sources()[1]
    entity = next(e for e in small.entities() if e.name == "Kelbrook")
    for scope in ({}, {"story_id": story}, {"source_id": source.id}, {"story_id": story, "entity_id": entity.id}):
        everything = small.facts(**scope)
        assert everything and small.count_facts(**scope) == len(everything)
        for size in (1, 3, 4):
            assert paged(lambda scope=scope, **page: small.facts(**scope, **page), len(everything), size) == everything
        assert [small.fact_index(f.id, **scope) for f in everything] == list(range(len(everything)))
    assert small.fact_index(small.facts(story_id=story)[0].id, story_id=story + 1) is None
    for story_id in (None, story):
        sources, entities = small.sources(story_id), small.entities(story_id)
        assert (small.count_sources(story_id), small.count_entities(story_id)) == (len(sources), len(entities))
        assert paged(lambda story_id=story_id, **page: small.sources(story_id, **page), len(sources), 2) == sources
        assert paged(lambda story_id=story_id, **page: small.entities(story_id, **page), len(entities), 3) == entities
        assert [small.source_index(r.id, story_id) for r in sources] == list(range(len(sources)))
        assert [small.entity_index(e.id, story_id) for e in entities] == list(range(len(entities)))
    strike_source = next(r for r in small.sources() if r not in small.sources(story))
    assert small.source_index(strike_source.id, story) is None
    assert small.entity_index(next(e.id for e in small.entities() if e.name == "Petra Holm"), story) is None


@pytest.mark.parametrize("scoped", [False, True])
def test_coverage_pages_are_the_rows_of_the_whole_matrix(small, small_db, scoped):
    """Queries.coverage works out a page's cells in SQL; build_coverage (for the report) builds the whole matrix
    in Python: they agree, cell by cell, in every order and filter."""
    whole = build_coverage(sqlite3.connect(small_db))
    story = flood(small).id if scoped else None
    outlets = small.coverage_outlets(story)
    keep = [i for i, o in enumerate(whole.outlets) if o in outlets]
    assert len(keep) == len(outlets) and (len(outlets) == 5) is not scoped
    facts = {f.id for f in small.facts(story_id=story)}
    expected = [(r.fact_id, tuple(r.cells[i] for i in keep), tuple(r.claim_ids[i] for i in keep))
                for r in whole.rows if r.fact_id in facts]
    ledger = next(o for o in outlets if o.name == "Daily Ledger")
    column = outlets.index(ledger)
    widely = 2      # widely reported: by half the other outlets and at least two (2 of 5, 2 of 3)
    for fewest, exclusive, omitted_by, wanted in [
            (False, False, None, expected),
            (True, False, None, sorted(expected, key=lambda r: sum(c != NOT_REPORTED for c in r[1]))),
            (False, True, None, [r for r in expected if sum(c != NOT_REPORTED for c in r[1]) == 1]),
            (False, False, ledger.source_id, [r for r in expected if r[1][column] == NOT_REPORTED
                                              and sum(c != NOT_REPORTED for c in r[1]) >= widely])]:
        args = {"fewest_first": fewest, "exclusive": exclusive, "omitted_by": omitted_by}
        total = small.count_coverage(outlets, story, exclusive=exclusive, omitted_by=omitted_by)
        rows = paged(lambda args=args, **page: small.coverage_rows(outlets, story, **args, **page), total, 3)
        assert [(r.fact_id, r.cells, r.claim_ids) for r in rows] == wanted and wanted
        assert [small.coverage_index(r.fact_id, outlets, story, **args) for r in rows] == list(range(total))


def test_a_page_of_a_big_store_is_read_quickly_whatever_its_place(big_db):
    """On a store of 50,000 claims (30,000 facts), a page of 40 facts (with what the Facts pane shows of each:
    coverage, disagreements, speakers) at the top, the middle and the end, in CPU time."""
    q = Queries(big_db)
    total = q.count_facts()
    order = [fid for (fid,) in q.conn.execute("SELECT id FROM facts ORDER BY n_sources DESC, id")]
    assert total == len(order) == 30_000
    for offset in (0, total // 2, total - 40):
        took = []
        for _ in range(3):
            start = time.process_time()
            page = q.facts(offset=offset, limit=40, total=total)
            took.append(time.process_time() - start)
        assert [f.id for f in page] == order[offset:offset + 40]
        assert min(took) < 0.05, f"a page of facts at {offset} took {min(took) * 1000:.0f} ms"
    story = q.facts(story_id=123, limit=40)
    assert story and all(f.story_id == 123 for f in story) and q.count_facts(story_id=123) == 75



def test_a_story_s_facts_are_read_through_the_story_index_in_every_coverage_view(big_db):
    """Within a story, its facts (a few) are found by story, not by scanning every fact of one outlet: the plan
    SQLite makes for each page of the coverage view uses facts_story."""
    q = Queries(big_db)
    outlets = q.coverage_outlets(123)
    statements: list[str] = []
    q.conn.set_trace_callback(statements.append)
    for kwargs in ({}, {"fewest_first": True}, {"exclusive": True}, {"exclusive": True, "fewest_first": True},
                   {"omitted_by": outlets[0].source_id}):
        statements.clear()
        rows = q.coverage_rows(outlets, 123, **kwargs)
        page = next(s for s in statements if s.startswith("SELECT f.id FROM facts f") and "LIMIT" in s)
        plan = " ".join(str(r[-1]) for r in q.conn.execute("EXPLAIN QUERY PLAN " + page))
        assert "facts_story" in plan, (kwargs, plan)
        assert kwargs.get("omitted_by") or rows
    q.conn.set_trace_callback(None)

def test_a_figure_disagrees_by_the_disagreements_table(small_db, tmp_path):
    """The ≠ of a fact and of a figure follow the disagreements table: values that overlap are no disagreement."""
    q = Queries(small_db)
    killed = next(f for f in q.facts() if "killed" in f.label)
    assert killed.figures_disagree
    eight = next(c for c in q.claims_of_fact(killed.id) if "as many as 8" in c.text)
    assert [f.disagrees for f in eight.figures] == [True]
    copy = tmp_path / "copy.db"
    with sqlite3.connect(small_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with sqlite3.connect(copy) as conn:
        vals = [{**v, "high": 20} if v["text"] == "as many as 8" else v
                for v in json.loads(conn.execute("SELECT vals FROM discrepancies WHERE quantity = 'people killed'")
                                    .fetchone()[0])]
        conn.execute("UPDATE discrepancies SET vals = ? WHERE quantity = 'people killed'", (json.dumps(vals),))
    q = Queries(copy)
    assert not q.fact(killed.id).figures_disagree
    assert not any(f.disagrees for c in q.claims_of_fact(killed.id) for f in c.figures)


def test_the_widely_reported_fact_comes_first_with_its_coverage(demo):
    facts = demo.facts()
    assert [f.n_sources for f in facts] == sorted((f.n_sources for f in facts), reverse=True)
    thirty = max((f for f in facts if any("at least 30" in c.text.lower() for c in demo.claims_of_fact(f.id))),
                 key=lambda f: f.n_sources)
    assert len(thirty.coverage) == thirty.n_sources >= 4


def test_facts_filtered_by_source_all_touch_it(demo):
    source = demo.sources()[1]
    facts = demo.facts(source_id=source.id)
    assert 0 < len(facts) < len(demo.facts())
    assert all(source.id in f.coverage for f in facts)


def test_facts_filtered_by_entity_all_name_it(demo):
    plekhovo = next(e for e in demo.entities() if e.name == "Plekhovo")
    facts = demo.facts(entity_id=plekhovo.id)
    assert facts
    for fact in facts:
        assert any("Plekhovo" in c.text for c in demo.claims_of_fact(fact.id))


def test_facts_filtered_by_entity_are_the_facts_of_claims_naming_it(demo):
    """Every entity's facts, in every story, are those with a claim holding one of its mentions, as SQL
    over the claims' spans finds them."""
    conn = demo.conn
    stories = [None] + [s.id for s in demo.stories()]
    checked = 0
    for (eid,) in conn.execute("SELECT id FROM entities").fetchall():
        for story in stories:
            expected = [fid for (fid,) in conn.execute(
                "SELECT DISTINCT fc.fact_id FROM fact_claims fc JOIN claim_rows c ON c.id = fc.claim_id"
                ' JOIN mention_rows m ON m.source_id = c.source_id AND m.start >= c.start AND m.start < c."end"'
                " JOIN facts f ON f.id = fc.fact_id WHERE m.entity_id = ? AND (? IS NULL OR f.story_id = ?)"
                " ORDER BY fc.fact_id", (eid, story, story))]
            assert [f.id for f in demo.facts(entity_id=eid, story_id=story, limit=10_000)] == expected
            assert demo.count_facts(entity_id=eid, story_id=story) == len(expected)
            checked += bool(expected)
    assert checked > 20


def test_an_entitys_facts_are_worked_out_again_once_the_store_is_linked_again(tmp_path):
    from store.cli import main as store_main

    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.md").write_text("---\noutlet: One\n---\nGovernor Jane Smith said 12 people died in the storm"
                                   " on Monday.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert store_main(["ingest", str(folder), "--db", str(db), "-q"]) == 0
    queries = Queries(db)
    smith = next(e for e in queries.entities() if e.name == "Jane Smith")
    before = queries.count_facts(entity_id=smith.id)
    assert before >= 1
    (folder / "two.md").write_text("---\noutlet: Two\n---\nGovernor Jane Smith opened the Route 9 bridge on"
                                   " Friday after repairs costing $2 million.\n", encoding="utf-8")
    assert store_main(["ingest", str(folder), "--db", str(db), "-q"]) == 0
    smith = next(e for e in queries.entities() if e.name == "Jane Smith")
    assert queries.count_facts(entity_id=smith.id) > before
    queries.close()


def test_figures_that_cannot_both_hold_mark_a_disagreement(small):
    killed = next(f for f in small.facts() if "killed" in f.label)
    assert killed.figures_disagree            # 12 people vs as many as 8
    weather = next(f for f in small.facts() if "weather" in f.label)
    assert not weather.figures_disagree       # both say 40 years


SPEAKER_ARTICLES = {
    "alpha.md": "Pentagon spokesman John Kirby said 3,000 soldiers were sent to the border on Monday.",
    "beta.md": "Pentagon press secretary Pat Ryder said 3,000 soldiers were sent to the border on Monday.",
    "gamma.md": "John Kirby spoke to reporters. Kirby said 3,000 soldiers were sent to the border on Monday.",
}


@pytest.mark.parametrize("files, differ", [(("alpha.md", "beta.md", "gamma.md"), True),
                                           (("alpha.md", "gamma.md"), False)])
def test_speakers_differ_only_when_outlets_credit_different_named_people(tmp_path, files, differ):
    for name in files:
        (tmp_path / name).write_text(f"---\noutlet: {name[:-3]}\n---\n{SPEAKER_ARTICLES[name]}\n")
    db = tmp_path / "s.db"
    assert store_main(["ingest", str(tmp_path), "--db", str(db), "-q"]) == 0
    q = Queries(db)
    soldiers = next(f for f in q.facts() if "3,000" in f.label)
    assert soldiers.n_sources == len(files)
    assert soldiers.speakers_differ is differ


def test_unnamed_or_differently_worded_speakers_are_no_disagreement(small):
    killed = next(f for f in small.facts() if "killed" in f.label)        # "Officials", "Police", "police"
    weather = next(f for f in small.facts() if "weather" in f.label)      # "regional weather office", "weather office"
    assert not killed.speakers_differ and not weather.speakers_differ


def test_claims_carry_outlet_speaker_and_figures(small):
    killed = next(f for f in small.facts() if "killed" in f.label)
    claims = small.claims_of_fact(killed.id)
    assert {c.outlet for c in claims} == {"Northern Herald", "Coastal Times", "Daily Ledger"}
    for claim in claims:
        for fig in claim.figures:
            assert claim.text[fig.start:fig.end] == fig.text


def test_source_text_spans_index_its_text(demo):
    source = demo.source_text(demo.sources()[0].id)
    assert source.claims and source.mentions
    for span in source.claims + source.mentions + source.furniture:
        assert 0 <= span.start < span.end <= len(source.text)
    claim = demo.claim(source.claims[0].ref)
    assert source.text[claim.start:claim.end] == claim.text


@pytest.mark.parametrize("typo, name", [("zelensky", "Volodymyr Zelenskiy"), ("kirbi", "John Kirby"),
                                        ("plekovo", "Plekhovo")])
def test_search_finds_misspelled_names(demo, typo, name):
    hits = demo.search(typo)
    entities = [h.label for h in hits if h.kind == "entity"]
    assert entities[0] == name
    assert hits[0].kind == "entity"


def test_search_covers_every_kind_and_says_where(demo):
    hits = demo.search("pentagon")
    assert {"entity", "fact", "claim"} <= {h.kind for h in hits}
    claim = next(h for h in hits if h.kind == "claim")
    start, end = claim.match
    assert claim.label[start:end].lower() == "pentagon"
    assert claim.where.startswith("claim, ") and claim.source_id


def test_search_results_are_limited(demo):
    assert 0 < len(demo.search("the")) <= queries_module.SEARCH_LIMIT
    assert demo.search("  ") == []


def test_big_stores_narrow_by_fts_and_still_forgive_typos(demo, monkeypatch):
    monkeypatch.setattr(queries_module, "SCAN_ALL_BELOW", 0)
    assert demo.search("plekovo")[0].label == "Plekhovo"
    assert any(h.label == "John Kirby" for h in demo.search("kirbi"))


def test_each_thread_gets_its_own_read_only_connection(demo):
    seen = []
    thread = threading.Thread(target=lambda: seen.append((demo.conn, len(demo.sources()))))
    thread.start()
    thread.join()
    assert seen[0][1] == len(demo.sources())
    assert seen[0][0] is not demo.conn
    with pytest.raises(sqlite3.OperationalError):
        demo.conn.execute("DELETE FROM facts")


def test_word_diff_keeps_the_text_and_marks_what_differs():
    ref = "Officials said 12 people were killed on Tuesday."
    text = "Police said 15 people were killed on Tuesday, Delgado said."
    tags = diff_words(text, ref, figures=((12, 21),), speaker="Marco Delgado")
    assert "".join(tok for tok, _ in tags) == text
    tag_of = {tok: tag for tok, tag in tags}
    assert tag_of["Police"] == DIFF
    assert tag_of["killed"] == SAME
    assert tag_of["15"] == FIGURE
    assert tag_of["Delgado"] == SPEAKER


def test_tokens_cover_the_text():
    text = "U.S. officials' \"1,200\" troops — ok\n"
    assert "".join(text[a:b] for a, b in tokens(text)) == text
