"""store/queries.py and store/wordiff.py, without any UI: on the demo corpus and on small texts."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from store import queries as queries_module
from store.cli import main as store_main
from store.queries import Queries, outlet_name
from store.wordiff import DIFF, FIGURE, SAME, SPEAKER, diff_words, tokens


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
    assert [r.number for r in rows] == [1, 2, 3]
    assert {r.outlet for r in rows} == {"Northern Herald", "Coastal Times", "Daily Ledger"}
    assert all(r.n_claims > 0 for r in rows)


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


def test_figures_that_cannot_both_hold_mark_a_disagreement(small):
    killed = next(f for f in small.facts() if "killed" in f.label)
    assert killed.figures_disagree            # 12 people vs 15 people
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
