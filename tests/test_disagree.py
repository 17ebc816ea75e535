"""Figures that count the same thing across outlets, and when they disagree."""
from store.analyze import analyze_article
from store.disagree import FigureUse, find_disagreements, group_quantities, same_quantity
from store.model import Article


def _uses(*articles: tuple[str, str]) -> list[FigureUse]:
    out = []
    cid = 0
    for source, (speaker, text) in enumerate(articles):
        analysis, _ = analyze_article(Article(path=f"{source}.txt", text=text))
        for c in analysis.claims:
            cid += 1
            for f in c.figures:
                if f.kind == "count":
                    out.append(FigureUse(cid, source, speaker, f.text, f.low, f.high, f.unit, c.text,
                                         f.start - c.start))
    return out


def test_casualty_figures_from_three_speakers_are_one_disagreement():
    uses = _uses(
        ("HUR", "Ukrainian intelligence said at least 30 North Korean soldiers have been killed or wounded."),
        ("John Kirby", "“They suffered losses, killed and wounded. I would say several dozens,” Kirby said."),
        ("senior US military official", "An official said North Korea had lost “a couple hundred” troops, killed or injured."),
        ("Ukraine", "Ukraine estimates 11,000 North Korean soldiers are now involved in the fighting."),
    )
    (d,) = [d for d in find_disagreements(uses) if any(u.text == "at least 30" for u in d.values)]
    assert {u.text for u in d.values} == {"at least 30", "several dozens", "a couple hundred"}
    assert "killed" in d.quantity and "North Korean" in d.quantity


def test_troop_numbers_group_apart_from_casualties():
    uses = _uses(
        ("Treasury", "North Korea has supplied Russia with more than 11,000 troops, the Treasury said."),
        ("Ukraine", "Ukraine said North Korea had deployed 10,000 to 12,000 troops to support Russia."),
        ("Pat Ryder", "Ryder estimated that North Korea had sent approximately 12,000 troops to Russia."),
        ("HUR", "At least 30 North Korean soldiers were killed or wounded, the agency said."),
    )
    groups = [sorted(u.text for u in g) for g in group_quantities(uses)]
    assert sorted(["10,000 to 12,000", "approximately 12,000", "more than 11,000"]) in groups
    assert ["At least 30"] in groups


def test_different_peoples_events_or_sizes_are_different_quantities():
    a, b, c, d = _uses(
        ("A", "At least 30 North Korean soldiers were killed in the fighting."),
        ("B", "More than 600,000 Russian soldiers were killed in the war."),
        ("C", "At least 30 North Korean soldiers were deployed to the front."),
        ("D", "Officials said 40 Russian soldiers were killed in the attack."),
    )
    assert not same_quantity(a, b)      # a thousand times apart
    assert not same_quantity(a, c)      # killed vs deployed
    assert not same_quantity(a, d)      # North Korean vs Russian


def test_agreeing_figures_from_one_speaker_are_no_disagreement():
    uses = _uses(
        ("HUR", "At least 30 North Korean soldiers were killed or wounded, Ukraine said."),
        ("HUR", "Ukraine said at least 30 North Korean soldiers were killed or wounded."),
    )
    assert find_disagreements(uses) == []


def test_bare_numbers_alone_do_not_make_a_disagreement():
    uses = _uses(
        ("Kyiv", "It added that 27 were shot down."),
        ("HUR", "A group opened fire and shot 19 in the attack."),
    )
    assert find_disagreements(uses) == []


def test_values_one_sentence_lists_are_several_quantities_not_a_disagreement():
    uses = _uses(
        (None, "Johnson said there were six arrests Wednesday, compared to 47 arrests the previous night."),
        (None, "Still, the police made 47 arrests overnight after protesters threw bottles."),
    )
    assert find_disagreements(uses) == []
    (six,) = [g for g in group_quantities(uses) if any(u.text.startswith("six") for u in g)]
    assert [u.text for u in six] == ["six"]


def test_a_part_of_the_people_counted_is_another_quantity():
    uses = _uses(
        (None, "A gunman killed 26 people at the school in Newtown in December."),
        (None, "His son was killed in December along with 19 other children at the school."),
    )
    assert find_disagreements(uses) == []


def test_one_outlets_two_values_from_one_speaker_count_two_things_and_from_two_a_disagreement():
    uses = _uses(
        (None, "Gorsuch could be approved with a simple majority of 51 votes. Democrats could still require him "
               "to garner 60 votes in the Senate."),
        (None, "The Senate's rule requires a supermajority of 60 votes to overcome a filibuster."),
    )
    assert find_disagreements(uses) == []
    kyiv, us, other = _uses(
        ("Kyiv", "Kyiv says 30 North Korean soldiers were killed or wounded."),
        ("US officials", "US officials said a couple hundred North Korean soldiers were killed or wounded."),
        ("Ukraine", "Ukraine said 30 North Korean soldiers were killed or wounded."),
    )
    us.source = kyiv.source        # one outlet reporting both speakers' figures
    (d,) = find_disagreements([kyiv, us, other])
    assert {u.text for u in d.values} == {"30", "a couple hundred"}
