"""Coverage matrix and the fact-checker's report, on small texts and on the demo corpus."""
import json
from pathlib import Path

import pytest

from store.cli import main
from store.coverage import DISAGREES, HEDGED, NOT_REPORTED, REPORTED, build_coverage
from store.db import open_store
from store.report import md

ROOT = Path(__file__).resolve().parent.parent

STORY = {
    "a.md": "---\noutlet: Daily One\nurl: https://one.example/a\n---\n"
            "At least 12 people died in the storm, Governor Jane Smith said on Monday.\n"
            "The storm also cut power to 40,000 homes across the county.\n"
            "A separate fire destroyed the old mill on the river bank.\n",
    "b.md": "---\noutlet: Evening Two\n---\n"
            "At least 12 people were killed by the storm, according to Governor Jane Smith.\n"
            "Power was reportedly cut to 40,000 homes across the county.\n",
    "c.md": "---\noutlet: Third Paper\n---\n"
            "The mayor said as many as 8 people were killed in the storm on Monday.\n"
            "The storm also cut power to 40,000 homes across the county, the utility said.\n",
}


@pytest.fixture()
def story_db(tmp_path):
    for name, text in STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path), "--db", str(db), "-q"]) == 0
    return db


def _row(cov, needle):
    (row,) = [r for r in cov.rows if needle in r.label]
    return row


def test_coverage_marks_reported_hedged_disagreeing_and_missing(story_db):
    cov = build_coverage(open_store(story_db).conn)
    assert [o.name for o in cov.outlets] == ["Daily One", "Evening Two", "Third Paper"]
    power = _row(cov, "40,000 homes")
    assert power.cells == (REPORTED, HEDGED, REPORTED)
    # the mayor's "as many as 8" does not overlap the governor's "at least 12"
    assert DISAGREES in {c for r in cov.rows for c in r.cells}, [(r.label, r.cells) for r in cov.rows]
    mill = _row(cov, "old mill")
    assert mill.cells == (REPORTED, NOT_REPORTED, NOT_REPORTED)
    assert mill in cov.exclusives(0)
    # most widely reported first
    assert [r.n_reported for r in cov.rows] == sorted((r.n_reported for r in cov.rows), reverse=True)


def test_omissions_are_widely_reported_facts_an_outlet_left_out(story_db):
    cov = build_coverage(open_store(story_db).conn)
    third = [o.name for o in cov.outlets].index("Third Paper")
    omitted = {r.label for r in cov.omissions(third)}
    reported_by_all = {r.label for r in cov.rows if NOT_REPORTED not in r.cells}
    assert not omitted & reported_by_all
    assert all(r.n_reported >= 2 for r in cov.omissions(third))


def test_markdown_report_has_its_sections_and_traceable_quotes(story_db, capsys):
    assert main(["report", "--db", str(story_db)]) == 0
    memo = capsys.readouterr().out
    for heading in ("# factdiff report", "## Sources", "## Facts by how many outlets report them",
                    "## Disagreements", "## Hedged claims", "## What each outlet left out"):
        assert heading in memo
    assert "https://one.example/a" in memo
    assert "> The storm also cut power to 40,000 homes across the county." in memo
    assert "**Evening Two** [S2]" in memo and "reportedly" in memo


def test_json_report_and_output_file(story_db, tmp_path):
    out = tmp_path / "r.json"
    assert main(["report", "--db", str(story_db), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"sources", "shared_facts", "disagreements", "hedged_claims", "outlets"} <= set(data)
    assert all(o["claims"] for f in data["shared_facts"] for o in f["outlets"])


def test_markdown_escapes_article_text():
    assert md("*bold* [link](x) <script> | \x1b[31m") == r"\*bold\* \[link\](x) \<script\> \| \u001b\[31m"


def test_demo_report_names_the_casualty_disagreement(tmp_path, capsys):
    db = tmp_path / "d.db"
    main(["ingest", str(ROOT / "data"), "--db", str(db), "-q"])
    capsys.readouterr()
    main(["report", "--db", str(db)])
    memo = capsys.readouterr().out
    section = memo.split("## Disagreements")[1].split("## Hedged claims")[0]
    for figure in ("at least 30", "several dozens", "a couple hundred", "more than 11,000", "10,000 to 12,000"):
        assert figure in section
    assert "John Kirby" in section
