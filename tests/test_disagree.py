"""Figures that count the same thing across outlets, and when they disagree."""
from store.analyze import analyze_article
from store.disagree import FigureUse, find_disagreements, group_quantities, same_quantity
from store.model import Article


def _uses(*articles: tuple[str, str], kind: str = "count", facts: dict[str, int] | None = None) -> list[FigureUse]:
    """The figures of `kind` of each (speaker, text) article, one outlet each; `facts` gives the claims whose text
    begins with a key the fact the aligner put them in."""
    out = []
    cid = 0
    for source, (speaker, text) in enumerate(articles):
        analysis, _ = analyze_article(Article(path=f"{source}.txt", text=text))
        for c in analysis.claims:
            cid += 1
            fact = next((f for start, f in (facts or {}).items() if c.text.startswith(start)), None)
            for f in c.figures:
                if f.kind == kind:
                    out.append(FigureUse(cid, source, speaker, f.text, f.low, f.high, f.unit, c.text,
                                         f.start - c.start, kind=kind, fact=fact))
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


def test_one_sum_of_money_given_differently_is_a_disagreement():
    uses = _uses(
        (None, "Hillary and Bill Clinton earned roughly $141 million from 2007 to 2014. According to the returns, "
               "the Clintons earned $140,937,785 over the eight year span."),
        (None, "The returns show that she and Bill Clinton earned $139 million in the last eight years."),
        kind="money")
    (d,) = find_disagreements(uses)
    # (one outlet's "roughly $141 million" and "$140,937,785" are one sum, rounded and not)
    assert {u.text for u in d.values} == {"roughly $141 million", "$140,937,785", "$139 million"}
    assert d.quantity.startswith("dollars earned")


def test_sums_are_told_apart_by_what_they_did_next_to_them():
    uses = _uses(
        (None, "The couple paid $43,885,310 in federal taxes and $13,625,777 in state and local taxes, and made "
               "$14,959,450 in charitable contributions during that time."),
        (None, "They gave nearly $15 million to charity, and paid an additional $13.6 million in state taxes."),
        kind="money")
    groups = sorted(sorted(u.text for u in g) for g in group_quantities(uses))
    assert ["$14,959,450", "nearly $15 million"] in groups
    assert ["$13,625,777", "$13.6 million"] in groups
    assert ["$43,885,310"] in groups
    # (what a sum did is said next to it, not anywhere in its sentence)
    uses = _uses((None, "She earned $10 million in speaking fees in 2013 and later gave $10.5 million to charity."),
                 (None, "They donated $10 million to charity."), kind="money")
    groups = sorted(sorted(u.text for u in g) for g in group_quantities(uses))
    assert ["$10 million", "$10.5 million"] in groups


def test_sums_of_one_kind_that_do_not_nearly_agree_are_one_only_in_one_fact():
    articles = ((None, "She earned nearly $10 million in speaking fees in 2013."),
                (None, "She earned approximately $20 million from book sales."))
    assert not find_disagreements(_uses(*articles, kind="money"))
    assert not find_disagreements(_uses((None, "She earned $10 million in 2013."),
                                        (None, "She earned $12 million in 2013."), kind="money"))
    facts = {"She earned nearly": 1, "She earned approximately": 1}
    (d,) = find_disagreements(_uses(*articles, kind="money", facts=facts))
    assert {u.text for u in d.values} == {"nearly $10 million", "approximately $20 million"}
    # (nor, in one fact, three times apart or more, nor a sum raised and a sum spent)
    assert not find_disagreements(_uses((None, "She earned $10 million in 2013."),
                                        (None, "She earned $31 million in 2013."), kind="money",
                                        facts={"She earned": 1}))
    assert not find_disagreements(_uses((None, "The campaign raised $10 million in 2013."),
                                        (None, "The campaign spent $11 million in 2013."), kind="money"))
