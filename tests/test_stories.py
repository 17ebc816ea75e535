"""Stories: articles about one event grouped by content alone."""
import json

from store.cli import main
from store.stories import ArticleProfile, group_stories, parse_date


def _profile(sid, title, lead, entities, day):
    return ArticleProfile(sid, title, lead, entities, parse_date(day))


QUAKE_1 = ("Strong earthquake kills dozens in central Turkey",
           "A magnitude 6.8 earthquake struck the province of Malatya in central Turkey on Tuesday, "
           "collapsing buildings and killing at least 40 people, the disaster agency AFAD said.",
           ["malatya", "turkey", "afad"], "2023-03-07")
QUAKE_1B = ("Rescuers search rubble after deadly Malatya quake",
            "Rescue teams dug through collapsed apartment blocks in Malatya after Tuesday's magnitude 6.8 "
            "earthquake, which AFAD said had killed more than 40 people in central Turkey.",
            ["malatya", "afad", "turkey"], "2023-03-08")
QUAKE_2 = ("Earthquake hits western Turkey near Izmir",
           "A magnitude 5.9 earthquake shook the Aegean coast near Izmir in western Turkey on Wednesday, "
           "damaging older homes; AFAD reported three injuries and no deaths.",
           ["izmir", "turkey", "afad"], "2023-03-15")
MERGER = ("Acme agrees to buy Widget Corp for $2 billion",
          "Acme Holdings said on Monday it would acquire Widget Corp in a $2 billion cash deal, its largest "
          "acquisition, pending regulatory approval.",
          ["acme holdings", "widget corp"], "2023-03-06")


def test_same_event_in_different_words_is_one_story_and_similar_events_are_not():
    stories = group_stories([_profile(1, *QUAKE_1), _profile(2, *QUAKE_1B), _profile(3, *QUAKE_2),
                             _profile(4, *MERGER)])
    groups = sorted(sorted(s.source_ids) for s in stories)
    assert groups == [[1, 2], [3], [4]]


def test_articles_weeks_apart_are_never_one_story():
    far = ("Strong earthquake kills dozens in central Turkey", QUAKE_1[1], QUAKE_1[2], "2023-06-07")
    stories = group_stories([_profile(1, *QUAKE_1), _profile(2, *far)])
    assert len(stories) == 2


def test_one_article_is_its_own_story():
    (story,) = group_stories([_profile(7, *MERGER)])
    assert story.source_ids == [7] and "Acme" in story.label


def test_a_stored_articles_profile_has_the_names_it_uses(tmp_path):
    """Stories are grouped on the profiles relink reads from the store: headline, lead, date and the names of
    people, organisations and places the article uses (mention_rows keeps their types as numbers)."""
    import sqlite3

    from store.link import _profiles

    for name, (title, lead, _, day) in {"q1.md": QUAKE_1, "m.md": MERGER}.items():
        (tmp_path / name).write_text(f"---\npublished: {day}\n---\n{title}\n\n{lead}\n", encoding="utf-8")
    db_path = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path), "--db", str(db_path), "-q"]) == 0
    conn = sqlite3.connect(db_path)
    profiles = {p.title: p for p in _profiles(conn)}
    conn.close()
    quake, merger = profiles[QUAKE_1[0]], profiles[MERGER[0]]
    assert {"malatya", "turkey"} <= set(quake.entities) and "widget corp" in merger.entities
    assert quake.published == parse_date(QUAKE_1[3])


def test_export_lists_stories_and_facts_stay_within_them(tmp_path):
    for name, (title, lead, _, day) in {"q1.md": QUAKE_1, "q1b.md": QUAKE_1B, "m.md": MERGER}.items():
        (tmp_path / name).write_text(f"---\npublished: {day}\n---\n{title}\n\n{lead}\n", encoding="utf-8")
    db, out = tmp_path / "s.db", tmp_path / "e.json"
    main(["ingest", str(tmp_path), "--db", str(db), "-q"])
    main(["export", "--db", str(db), "-o", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    story_of = {s["id"]: s["story_id"] for s in data["sources"]}
    assert sorted(len(s["source_ids"]) for s in data["stories"]) == [1, 2]
    assert {s["id"] for s in data["stories"]} == set(story_of.values())
    claim_story = {c["id"]: story_of[c["source_id"]] for c in data["claims"]}
    for f in data["facts"]:
        assert len({claim_story[c] for c in f["claim_ids"]}) == 1
        assert f["story_id"] == claim_story[f["claim_ids"][0]]



def test_relinking_an_unchanged_store_rewrites_no_source_or_mention(tmp_path):
    """Updating a source rewrites its whole row, text and all: relink writes only the story ids and entity ids
    that change, so a second relink of the same articles writes neither table."""
    import sqlite3

    from store.db import open_store
    from store.link import relink

    for name, (title, lead, _, day) in {"q1.md": QUAKE_1, "q1b.md": QUAKE_1B, "m.md": MERGER}.items():
        (tmp_path / name).write_text(f"---\npublished: {day}\n---\n{title}\n\n{lead}\n", encoding="utf-8")
    db_path = tmp_path / "s.db"
    main(["ingest", str(tmp_path), "--db", str(db_path), "-q"])
    conn = sqlite3.connect(db_path)
    before = conn.execute("SELECT id, story_id FROM sources ORDER BY id").fetchall()
    linked = conn.execute("SELECT source_id, seq, entity_id FROM mention_rows ORDER BY source_id, seq").fetchall()
    conn.close()
    assert all(tid for _, tid in before) and any(eid for *_, eid in linked)
    db = open_store(db_path)
    db.conn.executescript("""
        CREATE TEMP TABLE writes (tbl TEXT);
        CREATE TEMP TRIGGER sources_written AFTER UPDATE ON main.sources BEGIN
          INSERT INTO writes VALUES ('sources'); END;
        CREATE TEMP TRIGGER mentions_written AFTER UPDATE ON main.mention_rows BEGIN
          INSERT INTO writes VALUES ('mention_rows'); END;
    """)
    relink(db, workers=1)
    assert db.conn.execute("SELECT tbl, count(*) FROM writes GROUP BY tbl").fetchall() == []
    assert db.conn.execute("SELECT id, story_id FROM sources ORDER BY id").fetchall() == before
    assert db.conn.execute("SELECT source_id, seq, entity_id FROM mention_rows"
                           " ORDER BY source_id, seq").fetchall() == linked
    db.conn.close()

def test_fact_labels_trim_only_a_trailing_attribution():
    from store.align import fact_label

    assert fact_label("Russia launched 49 drones against Ukraine overnight, Kyiv said.") == \
        "Russia launched 49 drones against Ukraine overnight"
    mid = "Washington hit Russia with sanctions that the Treasury said targeted its banks."
    assert fact_label(mid) == mid.rstrip(".")


def test_fact_labels_trim_the_links_a_post_ends_with():
    from store.align import fact_label
    from store.derived import label_span

    text = "The Mainstream Media is out of control. They lie! pic.twitter.com/abc123 https://t.co/xyz"
    assert fact_label(text) == "The Mainstream Media is out of control. They lie!"
    # (still a span of the claim's text, so the store keeps it as one)
    assert label_span(fact_label(text), text) == (0, 49, 0)
    # a link that is all there is stays, and a slash inside a sentence is no link
    assert fact_label("https://t.co/abc") == "https://t.co/abc"
    assert fact_label("The 50/50 split was agreed on Monday.") == "The 50/50 split was agreed on Monday"
