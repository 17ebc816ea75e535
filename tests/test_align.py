"""Aligning claims into facts, on small stories written here: what makes two claims one fact."""
from store.align import Aligner, ClaimFeatures, align_facts
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
