"""Aligning claims into facts, on small stories written here: what makes two claims one fact."""
from hypothesis import example, given, settings
from hypothesis import strategies as st

from store.align import _CLAUSE_BREAK, _MONTH, Aligner, ClaimFeatures, _may_break, align_facts, clauses_of, months_of
from store.figures import find_figures

# Claims of one story that state other facts: the aligner weighs words by how rare they are in the story,
# so a story of two sentences would say little.
BACKGROUND = [
    (1, "The war began in February 2022 when Russian forces crossed the border.", None),
    (2, "Western governments have sent air defence systems and artillery shells to Kyiv.", None),
    (3, "Officials in Seoul said the troops had received two months of training.", None),
    (1, "The foreign ministry summoned the ambassador over the shelling of a hospital.", None),
    (2, "Moscow has denied targeting civilian buildings.", "Moscow"),
    (3, "Prices of grain rose sharply after the port was closed.", None),
]


def _story(claims: list[tuple[int, str, str | None]]) -> list[ClaimFeatures]:
    out = []
    for i, (source, text, speaker) in enumerate(claims + BACKGROUND):
        figures = tuple((f.low, f.high, f.unit, f.kind) for f in find_figures(text))
        out.append(ClaimFeatures(id=i + 1, source=source, text=text, speaker=speaker, figures=figures))
    return out


def _fact_of(facts, claim_id: int) -> list[int]:
    return next(f.claim_ids for f in facts if claim_id in f.claim_ids)


def test_a_count_of_people_agrees_whatever_it_calls_them():
    facts = align_facts(_story([
        (1, "Ukraine estimates there are 11,000 North Koreans in total operating in Russia.", "Ukraine"),
        (2, "Ukraine estimates that around 11,000 North Korean soldiers are now involved in the fighting.", "Ukraine"),
        (3, "The Pentagon estimated that North Korea had sent approximately 12,000 troops to Russia.", "Pentagon"),
    ]))
    assert _fact_of(facts, 1) == [1, 2]
    assert _fact_of(facts, 3) == [3]


def test_the_month_of_an_event_is_part_of_the_fact():
    def likeness(month: str) -> float:
        claims = _story([
            (1, "Ukrainian troops began their incursion into the Kursk region in August and still hold ground.", None),
            (2, f"This area has been a focal point since Ukraine launched an incursion there in {month}.", None),
        ])
        return Aligner(claims).similarity(1, 2)
    # the same month is evidence of the same event; another month, of another event
    assert likeness("August") - likeness("October") >= 0.2
    assert likeness("August") >= Aligner.THRESHOLD


def test_a_capital_speaks_for_its_country():
    claims = _story([
        (1, "At least 30 soldiers were killed or wounded near the villages.", "Kyiv"),
        (2, "At least 30 soldiers were killed or wounded near the villages.", "Ukraine"),
        (3, "At least 30 soldiers were killed or wounded near the villages.", "Moscow"),
    ])
    al = Aligner(claims)
    assert al.similarity(1, 2) > al.similarity(1, 3)


def test_one_word_in_common_however_rare_is_not_yet_a_fact():
    facts = align_facts(_story([
        (1, "It could complicate the political dialogue further.", None),
        (2, "Those savings have a complicated history.", None),
        (3, "The agency had arranged for the gatherings.", None),
        (1, "Protesters were told to gather in one place.", None),
    ]))
    assert _fact_of(facts, 1) == [1] and _fact_of(facts, 3) == [3]
    # two words, and the same fact
    facts = align_facts(_story([
        (1, "Protesters were told to gather at the courthouse.", None),
        (2, "Organisers told protesters to gather outside the courthouse on Wednesday.", None),
    ]))
    assert _fact_of(facts, 1) == [1, 2]


def test_how_a_claim_is_attributed_does_not_decide_its_fact():
    facts = align_facts(_story([
        (1, "“We have started to see this movement of the troops from the second line to the front line,” "
            "Kirby added.", "John Kirby"),
        (2, "A White House official said the troops were being moved forward to the frontline.",
         "White House official"),
        (3, "Kirby said the White House would announce new sanctions on Friday.", "John Kirby"),
    ]))
    assert _fact_of(facts, 1) == [1, 2]
    assert _fact_of(facts, 3) == [3]


def test_words_of_one_sense_count_as_that_sense():
    claims = _story([
        (1, "This marks the first official confirmation of North Korean losses in the war.", None),
        (2, "The statement marked the first detailed claim of North Korean casualties on this scale.", None),
        (3, "The statement marked the first detailed map of North Korean positions on this front.", None),
    ])
    al = Aligner(claims)
    assert al.similarity(1, 2) > al.similarity(1, 3)


# Pieces of sentences that reach each of the patterns' alternatives, and the letters a case-blind pattern
# matches in other forms.
_BREAK_PIECES = ["Although", "although", "ALTHOUGH", "though", "While", "as", "As", "after", "before", "because",
                 "since", "if", "but", "But", "BUT", "and", "which", "who", "whose", "where", "with", "without",
                 "adding", "saying", "according", "the first", "a first", "in what", "İf", "ſince", "bıt",
                 ",", ", ", ",\n", ",\t", ",\xa0", ";", " — ", "—", " – ", " -- ", "--", " ", "\n", "in", "since",
                 "January", "August", "December", "mid-", "early", "late", " 12", " 2024", "troops", "Kyiv",
                 "said", ".", "x" * 12]
# (few pieces: a sentence of many has some break, and would not test the others)
_sentence = st.lists(st.sampled_from(_BREAK_PIECES) | st.text(max_size=4), max_size=8).map(" ".join) | \
    st.lists(st.sampled_from(_BREAK_PIECES), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_sentence)
@example("Although the troops had advanced, the village held.")
@example("The troops advanced, ſince the village was empty.")
@example("İf the troops advance on the village, it falls.")
@example("The troops advanced but the village held.")
def test_the_quick_test_for_a_break_in_a_sentence_never_misses_one(text):
    # clauses_of runs its pattern only where _may_break says a break is possible
    if not _may_break(text):
        assert _CLAUSE_BREAK.search(text) is None


@settings(max_examples=400, deadline=None)
@given(_sentence)
def test_the_months_of_a_claim_are_the_patterns(text):
    assert months_of(text) == frozenset(m.lower() for m in _MONTH.findall(text))


def test_a_sentence_of_two_statements_is_cut_in_two_and_one_of_one_is_not():
    assert clauses_of("The troops advanced on the village, while the drones struck the depot behind it.") == [
        "The troops advanced on the village", "while the drones struck the depot behind it."]
    assert clauses_of("The troops advanced on the village and took the depot behind it.") == []
    assert clauses_of("Although the troops advanced on the village, the drones struck the depot behind it.") == [
        "Although the troops advanced on the village", "the drones struck the depot behind it."]


HUCKABEE = ("Mike Huckabee, the Baptist minister who became Arkansas governor, said Tuesday he will seek the 2016 "
            "Republican presidential nomination.",
            "Former Arkansas Gov. Mike Huckabee announced Tuesday he is running for president, delivering an "
            "economy- and security-centered message.")


def _leads(claims: list[tuple[int, str, str | None]], leads: set[int]) -> list[ClaimFeatures]:
    story = _story(claims)
    for c in story:
        c.lead = c.id in leads
    return story


def test_two_articles_leads_state_the_storys_main_fact():
    # the same news in two outlets' words shares little ("will seek the nomination", "is running for president"),
    # but news puts its main fact first: two leads that share something are one fact
    assert _fact_of(align_facts(_leads([(1, HUCKABEE[0], None), (2, HUCKABEE[1], None)], {1, 2})), 1) == [1, 2]
    # the same sentences further down the articles are not
    assert _fact_of(align_facts(_leads([(1, HUCKABEE[0], None), (2, HUCKABEE[1], None)], set())), 1) == [1]
    assert _fact_of(align_facts(_leads([(1, HUCKABEE[0], None), (2, HUCKABEE[1], None)], {1})), 1) == [1]
    # nor are two leads that two named speakers say: each outlet leads with what another source says
    said = [(1, HUCKABEE[0], "Reuters"), (2, HUCKABEE[1], "CNN")]
    assert _fact_of(align_facts(_leads(said, {1, 2})), 1) == [1]
    said = [(1, HUCKABEE[0], "Reuters"), (2, HUCKABEE[1], None)]
    assert _fact_of(align_facts(_leads(said, {1, 2})), 1) == [1, 2]
    # nor two that tell of different days: "announced Tuesday", "spoke on Friday"
    friday = HUCKABEE[1].replace("Tuesday", "Friday")
    assert _fact_of(align_facts(_leads([(1, HUCKABEE[0], None), (2, friday, None)], {1, 2})), 1) == [1]
    # (a day one of them names alone says nothing)
    no_day = HUCKABEE[1].replace(" Tuesday", "")
    assert _fact_of(align_facts(_leads([(1, HUCKABEE[0], None), (2, no_day, None)], {1, 2})), 1) == [1, 2]
    assert _fact_of(align_facts(_leads([(1, no_day, None), (2, HUCKABEE[0], None)], {1, 2})), 1) == [1, 2]
    # and two leads with nothing in common are not one fact
    apart = [(1, HUCKABEE[0], None), (2, "Markets in Tokyo closed lower on Friday after a volatile week.", None)]
    assert _fact_of(align_facts(_leads(apart, {1, 2})), 1) == [1]
