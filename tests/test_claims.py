"""Claims: speakers, hedges, kinds and figures, on small texts written here."""
import pytest

from store.analyze import analyze_article
from store.claims import _VERB_WORDS, build_claims, find_attribution
from store.model import Article, Sentence


def _claims(text: str):
    analysis, _ = analyze_article(Article(path="t.txt", text=text))
    return analysis.claims


def test_speaker_after_a_quote_with_a_title():
    (c,) = _claims("“We believe they suffered losses,” national security communications adviser John Kirby said.")
    assert c.speaker == "John Kirby"
    assert c.kind == "quote"


def test_pronoun_and_surname_resolve_to_the_speaker_named_before():
    cs = _claims("State Department spokesperson Matthew Miller spoke on Monday. "
                 "“They are legitimate targets,” Miller said. “They entered a war,” he added.")
    # "spoke" attributes nothing; "he" is the "Miller" of the sentence before
    assert [c.speaker for c in cs] == [None, "Miller", "Miller"]


def test_agency_and_unnamed_official_are_attributed():
    cs = _claims("A senior US military official said on Tuesday that 200 troops were hurt. "
                 "“They are not battle-hardened,” the official said.")
    assert cs[0].speaker == "senior US military official"
    assert cs[1].speaker == "senior US military official"


def test_leading_attribution_and_according_to():
    cs = _claims("Ukrainian intelligence said at least 30 soldiers were killed. "
                 "According to Pentagon officials, approximately $1.2 billion remains.")
    assert cs[0].speaker == "Ukrainian intelligence"
    assert cs[1].speaker == "Pentagon"
    assert cs[0].kind == "figure"
    (f,) = cs[0].figures
    assert (f.low, f.high) == (30, None)


def test_hedges_are_found():
    (c,) = _claims("The photos purportedly show bodies, and the claim could not be independently verified.")
    assert set(c.hedges) == {"purportedly", "could not be independently verified"}


def test_statement_without_attribution_or_figures():
    (c,) = _claims("Ukrainian troops began their incursion into the region in August.")
    assert c.kind == "statement" and c.speaker is None and c.hedges == ()


def test_claim_offsets_index_the_text():
    text = "Title of the piece\n\nKyiv said 49 drones were launched. It added that 27 were shot down."
    analysis, _ = analyze_article(Article(path="t.txt", text=text))
    for c in analysis.claims:
        assert text[c.start:c.end] == c.text
        for f in c.figures:
            assert text[f.start:f.end] == f.text
    for m in analysis.mentions:
        assert text[m.start:m.end] == m.surface


def test_described_speaker_is_kept_and_the_agency_resolves_to_it():
    cs = _claims("His comments support claims by Ukraine’s military spy agency that 30 soldiers were killed. "
                 "Earlier, the agency said eight fighters died. A senior defense official said aid was late.")
    assert [c.speaker for c in cs] == ["Ukraine’s military spy agency", "Ukraine’s military spy agency",
                                       "senior defense official"]


def test_a_plural_noun_is_not_read_as_the_verb_of_a_long_speaker():
    (c,) = _claims("Kirby’s remarks follow Ukrainian military intelligence reports earlier in the day that 30 died.")
    assert c.speaker != "Kirby’s remarks follow Ukrainian military intelligence"
    (d,) = _claims("The Pentagon reports that 30 soldiers died in the attack on Monday.")
    assert d.speaker == "Pentagon"


def test_attribution_after_a_lead_phrase():
    (c,) = _claims("Earlier the same day, Pentagon Press Secretary Major Gen. Pat Ryder confirmed that the troops "
                   "had suffered casualties.")
    assert c.speaker == "Pat Ryder"
    (d,) = _claims("However, the ministry said the figures were wrong.")
    assert d.speaker == "ministry"


@pytest.mark.parametrize("verb", _VERB_WORDS)
def test_every_reporting_verb_attributes_a_trailing_or_inverted_speaker(verb):
    assert find_attribution(f"The bridge was hit twice, the governor {verb}.") == "the governor"
    assert find_attribution(f"The bridge was hit twice, {verb} the governor.") == "the governor"


def test_hedges_are_found_per_sentence_not_per_article():
    text = "The strike reportedly killed ten people. The mayor visited the site on Monday."
    claims = build_claims(text, [Sentence(0, 40), Sentence(41, len(text))], [])
    assert claims[0].hedges == ("reportedly",) and claims[1].hedges == ()
