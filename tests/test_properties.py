"""Property-based tests: any text or bytes through cleaning, sentence splitting, claim and entity extraction,
and into the store: no exception, every offset inside the text, and text[start:end] equal to the stored span."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.analyze import analyze_article
from store.claims import build_claims
from store.db import content_hash, open_store, write_source
from store.entities import acronym_pairs, extract_mentions
from store.model import Article, ReadError
from store.readers import decode_bytes, read_file
from store.text import clean, sentences

# Pieces of news writing and of the things that trip parsers, so that examples reach the interesting paths.
_PIECES = [
    "Police said", " 12 people", " were killed", " on Tuesday.", " at least 30", " more than 11,000", "about 40%",
    " Gen. Pat Ryder", " the U.S.", " Mr. Smith", " Dec. 17", " Institute for the Study of War (ISW)",
    " John Kirby", ", he said.", " Kirby added", " reportedly", " “We are ready,” she said.", ' "quoted',
    "”", "’s", "Read also:", "SEE ALSO", "Published: 2024-12-16", "By Jane Doe", "© 2024", "Subscribe to our newsletter",
    "![img](x.png)", "<img src=x>", "[bold]", "[@click=app.quit]", "\x1b[31m", "\x1b]52;c;aGk=\x07", "\u202e",
    "\n", "\n\n", "\t", " ", ".", "?", "!", "…", "(", ")", "—", "-", "UkraineWith", "F-16", "1/2", "$5m",
    "Москва", "中文", "é", "\u0301", "\ufeff", "\x00", "\r", "\u2028", "\U0001F600",
]
news_text = st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=60).map("".join)
any_text = st.text() | news_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


@SETTINGS
@given(any_text)
def test_cleaning_and_sentences_keep_offsets_inside_the_text(text):
    cleaned = clean(text)
    for f in cleaned.furniture:
        assert _inside(text, f.start, f.end)
    if cleaned.title is not None:
        assert _inside(text, *cleaned.title)
    for s in sentences(text, cleaned.furniture, cleaned.title):
        assert _inside(text, s.start, s.end) and s.start < s.end
        assert text[s.start:s.end].strip()


@SETTINGS
@given(any_text)
def test_mentions_and_claims_are_spans_of_the_text(text):
    cleaned = clean(text)
    sents = sentences(text, cleaned.furniture, cleaned.title)
    mentions = extract_mentions(text, [(s.start, s.end, s.is_heading) for s in sents])
    for m in mentions:
        assert _inside(text, m.start, m.end) and text[m.start:m.end] == m.surface
    acronym_pairs(text, mentions)
    for c in build_claims(text, sents, mentions):
        assert _inside(text, c.start, c.end) and text[c.start:c.end] == c.text
        for f in c.figures:
            assert c.start <= f.start <= f.end <= c.end and text[f.start:f.end] == f.text


@SETTINGS
@given(any_text)
def test_analysis_spans_hold(text):
    analysis, _ = analyze_article(Article(path="x.txt", text=text))
    assert analysis.text == text
    for span in (*analysis.furniture, *analysis.claims, *analysis.mentions):
        assert _inside(text, span.start, span.end)
    assert all(text[c.start:c.end] == c.text for c in analysis.claims)
    assert all(text[m.start:m.end] == m.surface for m in analysis.mentions)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("props") / "s.db"
    open_store(path).conn.close()
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(news_text.filter(lambda t: t.strip()))
def test_stored_spans_equal_the_stored_text(store_path, text):
    db = open_store(store_path)
    try:
        article = Article(path="p.txt", text=text)
        digest = content_hash(article)
        if db.execute("SELECT 1 FROM sources WHERE content_hash = ?", [digest]).fetchone():
            return
        analysis, acronyms = analyze_article(article)
        sid = write_source(db, article, analysis, acronyms, digest)
        (stored,) = db.execute("SELECT text FROM sources WHERE id = ?", [sid]).fetchone()
        assert stored == text
        for start, end, claim in db.execute('SELECT start, "end", text FROM claims WHERE source_id = ?', [sid]):
            assert stored[start:end] == claim
        for start, end, surface in db.execute('SELECT start, "end", surface FROM mentions WHERE source_id = ?', [sid]):
            assert stored[start:end] == surface
        for start, end, fig in db.execute(
                'SELECT f.start, f."end", f.text FROM figures f JOIN claims c ON c.id = f.claim_id'
                ' WHERE c.source_id = ?', [sid]):
            assert stored[start:end] == fig
    finally:
        db.conn.close()


@SETTINGS
@given(st.binary(max_size=3000) | st.lists(st.sampled_from(_PIECES), max_size=40).map(
    lambda ps: "".join(ps).encode(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"][len(ps) % 5], "replace")))
def test_any_bytes_decode_to_text_or_a_reason(data):
    try:
        text = decode_bytes(data)
    except ValueError as exc:
        assert str(exc).startswith("binary file (")
    else:
        assert isinstance(text, str) and "\r" not in text
        text.encode("utf-8")      # storable: no lone surrogates


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".json.gz"]))
def test_any_file_reads_as_articles_or_one_line_reasons(tmp_path, data, ext):
    path = tmp_path / f"f{ext}"
    path.write_bytes(data)
    for result in read_file(str(path)):
        if isinstance(result, ReadError):
            assert result.reason and "\n" not in result.reason
        else:
            assert result.text.strip()
            for value in (result.text, result.title, result.outlet, result.url, result.published, result.author):
                if value is not None:
                    value.encode("utf-8")

