"""Search on big stores: typos widened to the indexed words they mean, the FTS5 index finding candidates."""
from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz import fuzz, utils

import store.queries
from store.cli import main as store_main
from store.queries import Queries
from store.search import match_expressions, vocabulary

DEMO = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("search") / "demo.db"
    assert store_main(["ingest", str(DEMO), "--db", str(db), "-q"]) == 0
    return db


def test_a_typo_is_widened_to_the_indexed_words_like_it(demo):
    words = vocabulary(str(demo), "claims_fts")
    every, some = match_expressions("kirbi plekovo", words)
    assert '"kirby"' in every and '"plekhovo"' in every
    assert every.count(" AND ") == 1 and some.count(" AND ") == 0
    assert '"kirbi"*' in every          # and itself, as a prefix: the last word may be half typed
    assert match_expressions("  ", words) is None


@pytest.mark.parametrize("query, found", [("kirbi", "Kirby"), ("zelensky", "Zelensk"), ("plekovo", "Plekhovo"),
                                          ("north korean soldiers killed", "North Korea")])
def test_big_store_search_finds_misspelled_names_through_the_index(demo, monkeypatch, query, found):
    """With every table treated as big, candidates come from FTS5 only, and typos still find things."""
    monkeypatch.setattr(store.queries, "SCAN_ALL_BELOW", 0)
    hits = Queries(demo).search(query)
    assert any(found in h.label for h in hits[:5]), [h.label for h in hits[:5]]


def test_big_store_search_ranks_only_a_few_hundred_rows(demo, monkeypatch):
    monkeypatch.setattr(store.queries, "SCAN_ALL_BELOW", 0)
    monkeypatch.setattr(store.queries, "SEARCH_CANDIDATES", 3)
    q = Queries(demo)
    rows = q._candidates("claims", "t.id, t.text", "north korea")
    assert 0 < len(rows) <= 3


def test_the_vocabulary_follows_the_store(tmp_path):
    db = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text("Officials in Ashford said the river rose overnight.\n", encoding="utf-8")
    assert store_main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q"]) == 0
    assert "ashford" in vocabulary(str(db), "claims_fts")["a"]
    (tmp_path / "b.txt").write_text("Officials in Brampton said the bridge was closed.\n", encoding="utf-8")
    assert store_main(["ingest", str(tmp_path / "b.txt"), "--db", str(db), "-q"]) == 0
    assert "brampton" in vocabulary(str(db), "claims_fts")["b"]


def test_two_threads_asking_for_the_words_together_read_them_once(demo, monkeypatch):
    """The search screen reads the words ahead while the user types; a search that starts meanwhile waits
    for that reading instead of doing it again (seconds on a big store)."""
    import sqlite3
    import threading
    import time
    import types

    import store.search

    opened = []

    def slow_connect(*args, **kwargs):
        opened.append(args)
        time.sleep(0.3)
        return sqlite3.connect(*args, **kwargs)

    monkeypatch.setattr(store.search, "sqlite3", types.SimpleNamespace(connect=slow_connect))
    monkeypatch.setattr(store.search, "_cache", {})
    results = []
    threads = [threading.Thread(target=lambda: results.append(vocabulary(str(demo), "claims_fts")))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(opened) == 1 and results[0] is results[1] and results[0]


def test_an_empty_write_ahead_log_does_not_make_the_words_be_read_again(demo, tmp_path, monkeypatch):
    """Opening a store may create its empty -wal file (reading the words does): that is no change to it."""
    import shutil
    import sqlite3
    import types

    import store.search

    db = tmp_path / "copy.db"
    shutil.copyfile(demo, db)
    opened = []

    def counting_connect(*args, **kwargs):
        opened.append(args)
        return sqlite3.connect(*args, **kwargs)

    monkeypatch.setattr(store.search, "sqlite3", types.SimpleNamespace(connect=counting_connect))
    first = vocabulary(str(db), "claims_fts")
    (tmp_path / "copy.db-wal").write_bytes(b"")
    assert vocabulary(str(db), "claims_fts") is first
    assert len(opened) == 1


def test_prepare_search_reads_the_words_a_big_store_searches_through(demo, monkeypatch):
    import store.search

    monkeypatch.setattr(store.queries, "SCAN_ALL_BELOW", 0)     # every table counts as big
    monkeypatch.setattr(store.search, "_cache", {})
    Queries(demo).prepare_search()
    assert {table for _, table in store.search._cache} == {"entities_fts", "sources_fts", "facts_fts", "claims_fts"}


@pytest.mark.parametrize("query, name, kept", [
    ("parkland", "Pa", False), ("parkland", "Ark", False), ("netanyahoo", "Yahoo", False),
    ("whitehouse", "House", False), ("justice departmnt", "ICE", False),
    ("white house", "House", True), ("donald trmp", "Trump", True), ("john kirby", "Kirby", True),
    ("kirby", "John Kirby", True), ("trmp", "Trump", True), ("whitehouse", "White House", True)])
def test_a_name_much_shorter_than_the_query_counts_only_as_a_word_of_it(query, name, kept):
    """rapidfuzz's WRatio gives 90 to any short name found inside the query ("Pa" in "parkland")."""
    wratio = fuzz.WRatio(query, name, processor=utils.default_process)
    assert (store.queries.name_score(query, name, wratio) >= store.queries.SEARCH_CUTOFF) == kept


def test_a_small_stores_entity_names_are_read_again_once_it_is_linked_again(tmp_path):
    db = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text("Alice Ashdown, the mayor, said the river rose overnight.\n", encoding="utf-8")
    assert store_main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q"]) == 0
    q = Queries(db)
    assert any(h.kind == "entity" and h.label == "Alice Ashdown" for h in q.search("alice ashdown"))
    assert not any(h.kind == "entity" for h in q.search("brenda brampton"))
    (tmp_path / "b.txt").write_text("Brenda Brampton, the mayor, said the bridge was closed.\n", encoding="utf-8")
    assert store_main(["ingest", str(tmp_path / "b.txt"), "--db", str(db), "-q"]) == 0
    assert any(h.kind == "entity" and h.label == "Brenda Brampton" for h in q.search("brenda brampton"))


@pytest.fixture(scope="module")
def sounds_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sounds")
    (root / "a.txt").write_text("Voters in Ashford went to the polls.\n\nThe election was held on Tuesday, officials"
                                " said, and the photograph of the count was published.\n", encoding="utf-8")
    db = root / "s.db"
    assert store_main(["ingest", str(root / "a.txt"), "--db", str(db), "-q"]) == 0
    return db


@pytest.mark.parametrize("query, searched", [
    ("elecshun", "election"), ("Elecshun results", "election results"), ("fotograf", "photograph"),
    ("electi", "electi"),          # half typed: the index holds words it begins
    ("elecsion", "elecsion"),      # a typo with indexed words like it: match_expressions widens it
    ("ashford", "ashford"), ("bitcoin", "bitcoin"), ("kt", "kt")])
def test_a_word_spelt_by_its_sound_is_searched_as_the_stores_word(sounds_db, query, searched):
    assert Queries(sounds_db).respell(query) == searched


@pytest.mark.parametrize("big", [False, True])
def test_search_finds_what_a_word_spelt_by_its_sound_means(sounds_db, monkeypatch, big):
    if big:
        monkeypatch.setattr(store.queries, "SCAN_ALL_BELOW", 0)
    hits = Queries(sounds_db).search("elecshun")
    assert hits and "election" in hits[0].label.lower()


def test_a_word_only_an_outlets_name_holds_is_not_respelt(tmp_path):
    """Every searched table's words count: the outlet "Elecshun Watch" is what the user may be looking for."""
    db = tmp_path / "s.db"
    (tmp_path / "a.md").write_text("---\noutlet: Elecshun Watch\n---\nVoters in Ashford went to the polls.\n\n"
                                   "The election was held on Tuesday, officials said.\n", encoding="utf-8")
    assert store_main(["ingest", str(tmp_path / "a.md"), "--db", str(db), "-q"]) == 0
    assert Queries(db).respell("elecshun") == "elecshun"
    assert any(h.kind == "source" for h in Queries(db).search("elecshun"))
