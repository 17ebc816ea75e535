"""Tests for store.figures: what a figure is, what it is not, and that nothing ever breaks it."""
from __future__ import annotations

import math
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import figures as figures_module
from store.figures import APPROX_TOLERANCE, DOCUMENTED_RANGES, QUALIFIERS, find_figures
from store.model import Figure

DATA = Path(__file__).resolve().parent.parent / "data"


def check_invariants(text: str, found: list[Figure]) -> None:
    """What every result of find_figures must satisfy, whatever the input."""
    assert isinstance(found, list)
    prev_end = 0
    for f in found:
        assert isinstance(f, Figure)
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= prev_end, "figures overlap or are out of order"
        prev_end = f.end
        assert text[f.start:f.end] == f.text
        assert f.kind in ("count", "percent", "money")
        assert f.tolerance in (0.0, APPROX_TOLERANCE)
        assert f.low is not None or f.high is not None
        for v in (f.low, f.high):
            assert v is None or type(v) in (int, float)
            if isinstance(v, float):
                assert math.isfinite(v)
                assert not v.is_integer(), "whole values are ints"
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
        assert f.unit is None or (isinstance(f.unit, str) and f.unit)
        assert f.qualifier is None or f.qualifier in QUALIFIERS


# (sentence, [(text, low, high, unit, qualifier, kind)]); tolerance follows the qualifier.
CASES = [
    # exact numbers and units
    ("at least 30 North Korean soldiers were killed",
     [("at least 30", 30, None, "soldiers", "at least", "count")]),
    ("30 soldiers of North Korean units", [("30", 30, 30, "soldiers", None, "count")]),
    ("there are 11,000 North Koreans in total", [("11,000", 11000, 11000, "North Koreans", None, "count")]),
    ("Russia launched 49 Shahed-type drones", [("49", 49, 49, "drones", None, "count")]),
    ("as many as 1,200 troops a day", [("as many as 1,200", None, 1200, "troops", "as many as", "count")]),
    ("killed 1.2 people on average", [("1.2", 1.2, 1.2, "people", None, "count")]),
    ("about 5.6 million people", [("about 5.6 million", 5_600_000, 5_600_000, "people", "about", "count")]),
    ("1.2 million refugees", [("1.2 million", 1_200_000, 1_200_000, "refugees", None, "count")]),
    ("around 200 Russian and North Korean soldiers",
     [("around 200", 200, 200, "soldiers", "around", "count")]),
    ("eight members of the Chechen unit", [("eight", 8, 8, "members", None, "count")]),
    ("30 police officers were hurt", [("30", 30, 30, "officers", None, "count")]),
    ("30 military personnel", [("30", 30, 30, "personnel", None, "count")]),
    ("27 were shot down", [("27", 27, 27, None, None, "count")]),
    ("a 12,000-strong force", [("12,000", 12000, 12000, None, None, "count")]),
    ("2024 troops were deployed", [("2024", 2024, 2024, "troops", None, "count")]),
    ("about 2000 people", [("about 2000", 2000, 2000, "people", "about", "count")]),
    ("at least 2000 fled", [("at least 2000", 2000, None, None, "at least", "count")]),
    # spelled-out numbers
    ("twenty-five soldiers", [("twenty-five", 25, 25, "soldiers", None, "count")]),
    ("twenty five soldiers", [("twenty five", 25, 25, "soldiers", None, "count")]),
    ("a hundred people", [("a hundred", 100, 100, "people", None, "count")]),
    ("one hundred people", [("one hundred", 100, 100, "people", None, "count")]),
    ("two hundred soldiers", [("two hundred", 200, 200, "soldiers", None, "count")]),
    ("a hundred and fifty soldiers", [("a hundred and fifty", 150, 150, "soldiers", None, "count")]),
    ("three thousand people", [("three thousand", 3000, 3000, "people", None, "count")]),
    ("a million people", [("a million", 1_000_000, 1_000_000, "people", None, "count")]),
    ("two dozen soldiers", [("two dozen", 24, 24, "soldiers", None, "count")]),
    ("half a dozen soldiers", [("half a dozen", 6, 6, "soldiers", None, "count")]),
    ("Three remained in Ukrainian air space", [("Three", 3, 3, None, None, "count")]),
    ("Nine other Western allies", [("Nine", 9, 9, "allies", None, "count")]),
    ('with "at least three" North Korean soldiers missing',
     [("at least three", 3, None, "soldiers", "at least", "count")]),
    ("at least one soldier", [("at least one", 1, None, None, "at least", "count")]),
    ("more than one soldier", [("more than one", 2, None, None, "more than", "count")]),
    ("one or two soldiers", [("one or two", 1, 2, "soldiers", None, "count")]),
    # qualifiers
    ("no fewer than 40 people", [("no fewer than 40", 40, None, "people", "no fewer than", "count")]),
    ("a minimum of 40 people", [("a minimum of 40", 40, None, "people", "a minimum of", "count")]),
    ("more than 11,000 troops", [("more than 11,000", 11001, None, "troops", "more than", "count")]),
    ("over 500 civilians", [("over 500", 501, None, "civilians", "over", "count")]),
    ("in excess of 500 civilians", [("in excess of 500", 501, None, "civilians", "in excess of", "count")]),
    ("upwards of 500 people", [("upwards of 500", 501, None, "people", "upwards of", "count")]),
    ("above 500 people", [("above 500", 501, None, "people", "above", "count")]),
    ("more than 1.5 people", [("more than 1.5", 1.5, None, "people", "more than", "count")]),
    ("fewer than 100 civilians", [("fewer than 100", None, 99, "civilians", "fewer than", "count")]),
    ("less than 100 civilians", [("less than 100", None, 99, "civilians", "less than", "count")]),
    ("under 100 civilians", [("under 100", None, 99, "civilians", "under", "count")]),
    ("below 100 civilians", [("below 100", None, 99, "civilians", "below", "count")]),
    ("up to 12,000 troops", [("up to 12,000", None, 12000, "troops", "up to", "count")]),
    ("at most 12 boats", [("at most 12", None, 12, "boats", "at most", "count")]),
    ("no more than 40 people", [("no more than 40", None, 40, "people", "no more than", "count")]),
    ("a maximum of 5 prisoners", [("a maximum of 5", None, 5, "prisoners", "a maximum of", "count")]),
    ("approximately 12,000 troops", [("approximately 12,000", 12000, 12000, "troops", "approximately", "count")]),
    ("roughly 300 villagers", [("roughly 300", 300, 300, "villagers", "roughly", "count")]),
    ("some 300 villagers", [("some 300", 300, 300, "villagers", "some", "count")]),
    ("some three villages", [("three", 3, 3, "villages", None, "count")]),
    ("an estimated 11,000 troops", [("an estimated 11,000", 11000, 11000, "troops", "an estimated", "count")]),
    ("estimated 500 deaths", [("estimated 500", 500, 500, "deaths", "estimated", "count")]),
    ("nearly 600,000 casualties", [("nearly 600,000", 600000, 600000, "casualties", "nearly", "count")]),
    ("almost 50 tanks", [("almost 50", 50, 50, "tanks", "almost", "count")]),
    ("close to 70 tanks", [("close to 70", 70, 70, "tanks", "close to", "count")]),
    ("just under 1,000 troops", [("just under 1,000", 1000, 1000, "troops", "just under", "count")]),
    ("just over 2,000 people", [("just over 2,000", 2000, 2000, "people", "just over", "count")]),
    ("more or less 40 aircraft", [("more or less 40", 40, 40, "aircraft", "more or less", "count")]),
    ("At least 30 soldiers", [("At least 30", 30, None, "soldiers", "at least", "count")]),
    # ranges
    ("deployed 10,000 to 12,000 troops", [("10,000 to 12,000", 10000, 12000, "troops", None, "count")]),
    ("deployed 10,000-12,000 troops", [("10,000-12,000", 10000, 12000, "troops", None, "count")]),
    ("deployed 10,000\u201312,000 troops", [("10,000\u201312,000", 10000, 12000, "troops", None, "count")]),
    ("between 10 and 20 missiles", [("between 10 and 20", 10, 20, "missiles", None, "count")]),
    ("from 10 to 20 missiles", [("from 10 to 20", 10, 20, "missiles", None, "count")]),
    ("10 or 12 soldiers", [("10 or 12", 10, 12, "soldiers", None, "count")]),
    ("5 to 6 million people", [("5 to 6 million", 5_000_000, 6_000_000, "people", None, "count")]),
    ("1.5 to 2 million people", [("1.5 to 2 million", 1_500_000, 2_000_000, "people", None, "count")]),
    ("500 to 1 million people", [("500 to 1 million", 500, 1_000_000, "people", None, "count")]),
    ("two to three hundred soldiers", [("two to three hundred", 200, 300, "soldiers", None, "count")]),
    ("between 20 and 10 boats", [("between 20 and 10", 10, 20, "boats", None, "count")]),
    ("about 10,000 to 12,000 troops",
     [("about 10,000 to 12,000", 10000, 12000, "troops", "about", "count")]),
    ("fell from 20 to 10 boats", [("20", 20, 20, None, None, "count"), ("10", 10, 10, "boats", None, "count")]),
    # vague quantities
    ("a couple of soldiers", [("a couple", 2, 3, "soldiers", None, "count")]),
    ('lost "a couple hundred" troops', [("a couple hundred", 150, 300, "troops", None, "count")]),
    ("with \u201ca couple hundred\u201d killed or injured",
     [("a couple hundred", 150, 300, None, None, "count")]),
    ("a couple of hundred refugees", [("a couple of hundred", 150, 300, "refugees", None, "count")]),
    ("a few soldiers", [("a few", 3, 5, "soldiers", None, "count")]),
    ("a few hundred civilians", [("a few hundred", 200, 500, "civilians", None, "count")]),
    ("several dozen drones", [("several dozen", 24, 99, "drones", None, "count")]),
    ("several dozens of drones", [("several dozens", 24, 99, "drones", None, "count")]),
    ("dozens of drones", [("dozens", 24, 99, "drones", None, "count")]),
    ("certainly in the realm of dozens, several dozens",
     [("in the realm of dozens", 24, 99, None, "in the realm of", "count"),
      ("several dozens", 24, 99, None, None, "count")]),
    ("a dozen soldiers", [("a dozen", 12, 12, "soldiers", None, "count")]),
    ("Hundreds of North Korean troops killed", [("Hundreds", 200, 999, "troops", None, "count")]),
    ("several hundred people", [("several hundred", 300, 900, "people", None, "count")]),
    ("deploying thousands of North Korean troops", [("thousands", 2000, 9999, "troops", None, "count")]),
    ("several thousand troops", [("several thousand", 3000, 9000, "troops", None, "count")]),
    ("a force of tens of thousands of Russians",
     [("tens of thousands", 20000, 99999, "Russians", None, "count")]),
    ("hundreds of thousands of refugees",
     [("hundreds of thousands", 200_000, 999_999, "refugees", None, "count")]),
    ("millions of people", [("millions", 2_000_000, 9_999_999, "people", None, "count")]),
    ("tens of millions of people", [("tens of millions", 20_000_000, 99_999_999, "people", None, "count")]),
    ("a handful of soldiers", [("a handful", 3, 6, "soldiers", None, "count")]),
    ("scores of civilians", [("scores", 40, 99, "civilians", None, "count")]),
    ("at least several dozen soldiers",
     [("at least several dozen", 24, None, "soldiers", "at least", "count")]),
    ("up to a few hundred soldiers", [("up to a few hundred", None, 500, "soldiers", "up to", "count")]),
    ("more than a dozen soldiers", [("more than a dozen", 13, None, "soldiers", "more than", "count")]),
    ("fewer than a dozen soldiers", [("fewer than a dozen", None, 11, "soldiers", "fewer than", "count")]),
    ("about a dozen soldiers", [("about a dozen", 12, 12, "soldiers", "about", "count")]),
    # percentages
    ("20% of the territory", [("20%", 20, 20, "%", None, "percent")]),
    ("about 20% of the territory", [("about 20%", 20, 20, "%", "about", "percent")]),
    ("20 percent of voters", [("20 percent", 20, 20, "%", None, "percent")]),
    ("20 per cent of voters", [("20 per cent", 20, 20, "%", None, "percent")]),
    ("less than 2.5 percent", [("less than 2.5 percent", None, 2.5, "%", "less than", "percent")]),
    ("more than 20% of voters", [("more than 20%", 20, None, "%", "more than", "percent")]),
    ("10-20% of voters", [("10-20%", 10, 20, "%", None, "percent")]),
    ("between 10% and 20% of voters", [("between 10% and 20%", 10, 20, "%", None, "percent")]),
    ("rose 3 percentage points", [("3 percentage points", 3, 3, "percentage points", None, "percent")]),
    # money
    ("delivery of $5.6 billion in weapons", [("$5.6 billion", 5_600_000_000, 5_600_000_000, "USD", None, "money")]),
    ("approximately $1.2 billion remains",
     [("approximately $1.2 billion", 1_200_000_000, 1_200_000_000, "USD", "approximately", "money")]),
    ("a $1.2bn package", [("$1.2bn", 1_200_000_000, 1_200_000_000, "USD", None, "money")]),
    ("\u00a3300 million for schools", [("\u00a3300 million", 300_000_000, 300_000_000, "GBP", None, "money")]),
    ("\u20ac2m in aid", [("\u20ac2m", 2_000_000, 2_000_000, "EUR", None, "money")]),
    ("5 million dollars in aid", [("5 million dollars", 5_000_000, 5_000_000, "USD", None, "money")]),
    ("US$3 million in aid", [("US$3 million", 3_000_000, 3_000_000, "USD", None, "money")]),
    ("5 million euros in aid", [("5 million euros", 5_000_000, 5_000_000, "EUR", None, "money")]),
    ("5 million pounds in aid", [("5 million pounds", 5_000_000, 5_000_000, "GBP", None, "money")]),
    ("$5-6 billion in aid", [("$5-6 billion", 5_000_000_000, 6_000_000_000, "USD", None, "money")]),
    ("more than $1.2 billion", [("more than $1.2 billion", 1_200_000_000, None, "USD", "more than", "money")]),
    ("millions of dollars", [("millions", 2_000_000, 9_999_999, "USD", None, "money")]),
    ("500 pounds of explosives", [("500", 500, 500, "pounds", None, "count")]),
    # several figures in one sentence
    ("at least 30 killed and 40 wounded, officials said",
     [("at least 30", 30, None, None, "at least", "count"), ("40", 40, 40, None, None, "count")]),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_figures(sentence: str, expected: list[tuple]) -> None:
    found = find_figures(sentence)
    check_invariants(sentence, found)
    got = [(f.text, f.low, f.high, f.unit, f.qualifier, f.kind) for f in found]
    assert got == expected
    for f in found:
        approx = f.qualifier is not None and QUALIFIERS[f.qualifier] == "approx"
        assert f.tolerance == (APPROX_TOLERANCE if approx else 0.0)
        for v in (f.low, f.high):
            if v is not None and v == int(v):
                assert type(v) is int


def test_offsets_inside_a_longer_text() -> None:
    text = "Officials said on Monday that more than 11,000 troops had arrived; about 20% were lost."
    found = find_figures(text)
    assert [f.text for f in found] == ["more than 11,000", "about 20%"]
    assert found[0].start == text.index("more than")
    assert found[1].end == text.index(" were lost")


NOT_FIGURES = [
    # dates
    "a spokesman on December 16 saying",
    "on 16 December, officials said",
    "Update, Dec. 17: Numbers of",
    "on 17 Dec. 2024 the army",
    "said on 17 December that",
    "the inauguration on January 20, 2025.",
    "in October 2024 that",
    "December 16 and 17",
    "16-17 December",
    "between December 16 and 20",
    # years
    "in 2024, Russia",
    "since 2014 Russians have fought",
    "the 2020 election",
    "the 2020 elections",
    "around 2010, the war",
    "in 1800",
    # clock times
    "at 10:23 local time",
    "at 3 p.m. on Monday",
    "at 3pm",
    "the 5 PM meeting",
    # ordinals
    "the 94th separate brigade",
    "the 3rd battalion",
    "first and third companies",
    "forty-first",
    # numbers glued to letters, model names
    "an F-16 jet",
    "COVID-19 patients",
    "the G7 summit",
    "a Su-34 bomber",
    "flight MH17 was",
    "a B-52 bomber",
    "the 1990s",
    "30m tall",
    "100k troops",
    # labels
    "Article 5 of the treaty",
    "No. 10 Downing Street",
    "Section 3 says",
    "version 2.0 of the app",
    "the Type 99 tank",
    "aged 50 and over",
    # phone-like runs, identifiers, fractions, counters
    "call +44 20 7946 0958 now",
    "call 555-123-4567 now",
    "call (555) 123-4567 now",
    "ref 0800 today",
    "id 123456789 today",
    "the 0/250 counter",
    "open 24/7",
    "on 12.05.2024",
    "the 2023-24 season",
    "the score was 3-1",
    # URLs and e-mail addresses
    "see https://example.com/news/2024/12/30-soldiers-killed and",
    "see www.example.com/30 now",
    "mail press30@example.org today",
    # hyphenated compounds, fractions
    "a 50-year-old man",
    "a 10-day truce",
    "two-thirds of voters",
    "two thirds of voters",
    # bare one, a, an, several
    "one of the soldiers",
    "one day later",
    "a soldier and an officer",
    "several villages",
    "a couple who married",
    "quite a few soldiers",
    "one or more soldiers",
    # huge numbers and exponents: skipped, never inf
    "the ratio 1e400",
    "9" * 500,
    "99999999999999999999999999999999999999 soldiers",
    "1,000,000,000,000,000,000,000 troops",
    "3.14159265358979323846264338327950288419716939937510 units",
    "30\u00b0C heat",
]


@pytest.mark.parametrize("text", NOT_FIGURES, ids=[t[:40] for t in NOT_FIGURES])
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_dates_do_not_hide_figures_next_to_them() -> None:
    text = "On December 16, Russia launched 49 drones; 27 were shot down by 10:23."
    assert [(f.text, f.unit) for f in find_figures(text)] == [("49", "drones"), ("27", None)]


def test_qualifier_does_not_cross_a_line_break() -> None:
    found = find_figures("at least\n30 soldiers")
    assert [(f.text, f.low, f.high, f.qualifier) for f in found] == [("30", 30, 30, None)]


def test_figure_text_does_not_swallow_quotes() -> None:
    text = "lost \u201cat least\u201d 30 soldiers"
    assert [f.text for f in find_figures(text)] == ["30"]


@pytest.mark.parametrize("text", [
    "\u0130stanbul 30 soldiers",       # lower() of \u0130 is two characters
    "\u212a 30 \u212a soldiers",       # Kelvin sign
    "\ufb03 30 troops",                # ligature
    "30\u00a0soldiers and 40\u202fpeople",
])
def test_unicode_offsets(text: str) -> None:
    found = find_figures(text)
    check_invariants(text, found)
    assert found and found[0].text == "30"


def test_non_str_and_empty() -> None:
    assert find_figures("") == []
    assert find_figures(None) == []  # type: ignore[arg-type]


def test_demo_corpus_offsets() -> None:
    for path in sorted(DATA.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = find_figures(text)
        check_invariants(text, found)
        assert found, path.name


def test_documented_ranges_are_in_the_docstring() -> None:
    doc = figures_module.__doc__ or ""
    for phrase, (low, high) in DOCUMENTED_RANGES.items():
        assert low is not None and high is not None and low <= high
        row = re.search(rf"^{re.escape(phrase)}\s+([\d,]+) \.\. ([\d,]+)", doc, re.MULTILINE)
        assert row, f"{phrase!r} has no row in the module docstring"
        assert (int(row.group(1).replace(",", "")), int(row.group(2).replace(",", ""))) == (low, high)
    for phrase in QUALIFIERS:
        assert phrase in doc, f"qualifier {phrase!r} is not documented"
    assert str(APPROX_TOLERANCE) in doc


@pytest.mark.parametrize("phrase", list(DOCUMENTED_RANGES))
def test_every_documented_range_is_found(phrase: str) -> None:
    direct = phrase.startswith(("a few", "a couple ", "several", "a dozen"))
    text = f"Officials said {phrase} {'' if direct else 'of '}soldiers were there."
    found = find_figures(text)
    assert [(f.text, f.low, f.high, f.unit) for f in found] == \
        [(phrase, *DOCUMENTED_RANGES[phrase], "soldiers")]


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
FRAGMENTS = [
    "at least", "more than", "about", "some", "up to", "fewer than", "between", "and", "from", "to",
    "or", "a", "an", "one", "two", "twenty", "twenty-five", "hundred", "a couple", "of", "a few",
    "several", "dozens", "dozen", "tens", "thousands", "millions", "scores", "half", "30", "11,000",
    "1.2", "5.6", "2024", "0", "007", "1e400", "9" * 40, "1,000,000,000,000,000,000", "million",
    "billion", "bn", "m", "k", "$", "US$", "\u00a3", "\u20ac", "%", "percent", "per cent",
    "dollars", "pounds", "December", "Dec.", "p.m.", "GMT", "10:23", "94th", "F-16", "No.", "Article",
    "-", "\u2013", "/", ",", ".", ":", "\u201c", "\u201d", "\"", "'", "(", ")", "\n", "soldiers",
    "North", "Koreans", "troops", "people", "police", "http://x.com/", "a@b.org", "-strong",
    "\u0130", "\u212a", "\u00a0", "\ufb03", "0.5", "3-1", "555-123-4567",
]
numbery_text = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(["", " ", "  ", "\t", "-", ",", "\n"])),
    max_size=25,
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    check_invariants(text, find_figures(text))


@settings(max_examples=1500, deadline=None)
@given(numbery_text)
def test_never_raises_on_number_like_text(text: str) -> None:
    check_invariants(text, find_figures(text))


@settings(max_examples=200, deadline=None)
@given(numbery_text, st.text(alphabet=" abc.,", max_size=5))
def test_a_prefix_shifts_offsets_only(text: str, prefix: str) -> None:
    """A figure does not depend on text far before it: a short neutral prefix
    followed by a line break only shifts the offsets."""
    shifted = find_figures(prefix + "\n" + text)
    base = find_figures(text)
    k = len(prefix) + 1
    assert [(f.start - k, f.end - k, f.text, f.low, f.high) for f in shifted] == \
        [(f.start, f.end, f.text, f.low, f.high) for f in base]


@pytest.mark.parametrize("text", [
    "1 " * 20000, "a " * 20000, "one " * 10000, "9" * 40000, "1," * 20000, "1-" * 20000,
    "at least more than about " * 2000, "between 1 and " * 3000, " " * 40000 + "30",
    "at least" + " " * 20000 + "x", "30" + " " * 20000 + "to x", "\u201c30\u201d " * 8000,
])
def test_linear_time_on_adversarial_input(text: str) -> None:
    t0 = time.perf_counter()
    found = find_figures(text)
    elapsed = time.perf_counter() - t0
    check_invariants(text, found)
    assert elapsed < 10.0
