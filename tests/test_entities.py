"""Entity detection and resolution on small news texts written here."""
import json
import os
import subprocess
import sys

from store.entities import _names_word, acronym_pairs, extract_mentions, resolve_entities
from store.text import clean, sentences


def _mentions(text: str):
    c = clean(text)
    spans = [(s.start, s.end, s.is_heading) for s in sentences(text, c.furniture, c.title)]
    return extract_mentions(text, spans)


def _entities(*texts: str):
    per, acr = [], []
    for t in texts:
        ms = _mentions(t)
        per.append(ms)
        acr += acronym_pairs(t, ms)
    return {e.name: e for e in resolve_entities(per, acr)}


def test_titles_are_stripped_and_people_typed():
    ms = {m.name: m.type for m in _mentions(
        "Pentagon Press Secretary Major Gen. Pat Ryder spoke. Sir Keir Starmer replied in Tallinn.")}
    assert ms["Pat Ryder"] == "PERSON"
    titled = {m.name: m.type for m in _mentions("He met Democratic Congressman John Smith and Councilwoman Jane Doe. "
                                                 "Congresswoman Mary Roe and Assemblyman Bob Poe met Alderman Ed Burke.")}
    assert all(titled.get(n) == "PERSON" for n in ("John Smith", "Jane Doe", "Mary Roe", "Bob Poe", "Ed Burke"))
    # a body news knows before a person's name is the body, then the person; "Photos" of a photo credit is no given
    # name (the lexicon learnt it from credits)
    bodies = {m.name: m.type for m in _mentions("He met U.S. Ambassador to the United Nations Nikki Haley on Monday "
                                                 "and U.N. Susan Rice on Tuesday. AP Photos GOP leaders met.")}
    assert bodies["Nikki Haley"] == bodies["Susan Rice"] == "PERSON"
    assert bodies["United Nations"] == bodies["U.N."] == "ORG"
    assert "Photos GOP" not in bodies
    from store.entities import _given_names
    assert "Photos" not in _given_names() and {"John", "Hillary", "Kim"} <= _given_names()
    assert ms["Keir Starmer"] == "PERSON"
    assert ms["Pentagon"] == "ORG"
    assert ms["Tallinn"] == "PLACE"


def test_capital_city_is_a_place_not_a_person():
    ms = {m.name: m.type for m in _mentions("Kyiv said the drones were shot down over the city.")}
    assert ms == {"Kyiv": "PLACE"}


def test_possessive_is_folded_and_sentence_initial_words_are_not_entities():
    ms = [m.name for m in _mentions("Meanwhile, Zelenskiy’s office said nothing. Separately, Russia's army moved.")]
    assert "Zelenskiy" in ms and "Russia" in ms
    assert not {"Meanwhile", "Separately", "Zelenskiy’s", "Russia's"} & set(ms)


def test_villages_listed_after_a_cue_are_places():
    ms = {m.name: m.type for m in _mentions(
        "Fighting was reported near the villages of Martynovka, Plekhovo, and Vorozhba on Sunday.")}
    assert ms == {"Martynovka": "PLACE", "Plekhovo": "PLACE", "Vorozhba": "PLACE"}


def test_surname_spelling_variant_and_acronym_join_one_entity():
    ents = _entities(
        "President Volodymyr Zelenskiy said on Monday that talks failed. Zelenskiy added more.",
        "Zelenskyy said the Institute for the Study of War (ISW) agreed. ISW published maps.",
        "The European Union said the EU would respond, and John Kirby said Kirby would not.",
    )
    z = ents["Volodymyr Zelenskiy"]
    assert {"Zelenskiy", "Zelenskyy"} <= z.aliases and z.type == "PERSON"
    assert "ISW" in ents["Institute for the Study of War"].aliases
    assert "EU" in ents["European Union"].aliases
    assert "Kirby" in ents["John Kirby"].aliases


def test_country_abbreviations_join_the_country():
    ents = _entities("The U.S. said on Monday it would act. The United States has allies. US troops left.")
    assert {"U.S.", "US"} <= ents["United States"].aliases
    assert ents["United States"].type == "PLACE"


def test_military_unit_in_lower_case_is_an_organisation():
    ms = {m.name: m.type for m in _mentions("Soldiers came from the 94th separate brigade of the army.")}
    assert ms == {"94th Separate Brigade": "ORG"}


def test_headline_case_words_are_not_entities_unless_known():
    ms = {m.name for m in _mentions("Senators Keep Pressure on Steele Over Afghanistan Comments\nSteele said he erred.")}
    assert "Afghanistan" in ms and "Steele" in ms
    assert not {"Senators", "Keep Pressure", "Comments", "Senators Keep Pressure"} & ms


def test_a_person_named_with_where_they_are_from_is_a_person_and_a_place():
    ms = {m.name: m.type for m in _mentions(
        "Sen. Rand Paul of Kentucky said the bill would fail. Lindsey Graham of South Carolina disagreed.")}
    assert ms == {"Rand Paul": "PERSON", "Kentucky": "PLACE", "Lindsey Graham": "PERSON",
                  "South Carolina": "PLACE"}


def test_pm_before_a_name_is_a_title_and_after_an_hour_is_no_name():
    ms = {m.name: m.type for m in _mentions("Israeli PM Benjamin Netanyahu met UK PM Boris Johnson on Sunday. "
                                             "PM Modi said they spoke at 3 PM Eastern and at 8 PM ET on Monday. "
                                             "It airs at 9 PM Eastern Time on Fox. The vote is at 10 AM Wednesday.")}
    assert ms["Benjamin Netanyahu"] == ms["Boris Johnson"] == ms["Modi"] == "PERSON"
    assert not any(n.startswith(("PM", "AM")) or n in ("Eastern", "ET", "Eastern Time") for n in ms), ms
    assert ms.get("Time") != "PERSON"


def test_a_name_news_knows_no_given_name_of_before_of_and_a_body_or_a_place_is_split_from_it():
    ms = {m.name for m in _mentions("Azadeh Erfani of the Capital Area Immigrants’ Rights Coalition wrote it. "
                                     "“It is hard,” said Kica Matos of the Fair Immigration Reform Movement. "
                                     "“It is not,” said Carole Cadwalladr of The Observer and Markwayne Mullin of "
                                     "Oklahoma.")}
    assert {"Azadeh Erfani", "Kica Matos", "Fair Immigration Reform Movement", "Carole Cadwalladr",
            "Markwayne Mullin", "Oklahoma"} <= ms
    # (not a place's or a body's name with "of", nor letters)
    ms = {m.name for m in _mentions("He visited the Democratic Republic of the Congo and argued before the Ninth "
                                     "Circuit of the U.S. Court of Appeals and the Supreme Court of the United States. "
                                     "The French Union of Jewish Students loves the U S of A. They marked the 50th "
                                     "Anniversary of the Selma march. Time named Giuliani Person of the Year.")}
    assert {"Democratic Republic of the Congo", "Ninth Circuit of the U.S. Court of Appeals",
            "Supreme Court of the United States", "French Union of Jewish Students"} <= ms
    assert not {"U S", "50th Anniversary", "Giuliani Person"} & ms, ms


def test_names_joined_by_of_are_organisations_or_titles_not_people():
    ms = {m.name: m.type for m in _mentions(
        "The House of Representatives voted on Tuesday. Officials at the Bank of America said so. "
        "Rep. Jim Jordan said the Department of Justice erred. The Duke of Edinburgh visited Kyiv.")}
    assert ms["House of Representatives"] == "ORG"
    assert ms["Bank of America"] == "ORG"
    assert ms["Department of Justice"] == "ORG"
    assert ms["Jim Jordan"] == "PERSON"
    assert ms.get("Duke of Edinburgh") != "PERSON"
    assert {m.name: m.type for m in _mentions("The charity Hope for Haiti said so.")}.get("Hope for Haiti") != "PERSON"


def test_a_title_with_of_runs_on_to_the_persons_given_name():
    ms = {m.name: m.type for m in _mentions(
        "Secretary of State Mike Pompeo said so. Minister of Foreign Affairs Sergei Lavrov replied. "
        "The Secretary of State was not available.")}
    assert ms == {"Mike Pompeo": "PERSON", "Sergei Lavrov": "PERSON"}


def test_a_title_word_before_an_organisations_head_names_the_organisation():
    ms = {m.name: m.type for m in _mentions("The Justice Department said so. Russia’s Defense Ministry agreed.")}
    assert ms == {"Justice Department": "ORG", "Russia": "PLACE", "Defense Ministry": "ORG"}


def test_a_surname_used_for_a_person_named_in_full_votes_as_a_person():
    """"Warren" alone is also a city; in an article that names Elizabeth Warren, it is her."""
    ents = _entities("Sen. Elizabeth Warren spoke on Monday. Warren said the bill would fail. "
                     "Warren added that she would vote against it. Warren called it a giveaway.")
    assert ents["Elizabeth Warren"].type == "PERSON"


def test_words_of_bodies_the_given_name_lexicon_learnt_are_not_given_names():
    """The lexicon's builder learnt "House" from "House Republicans ... Republicans said", and "Journal" alike."""
    ms = {m.name: m.type for m in _mentions("Several House Republican members said so. Journal Sentinel "
                                           "reporters said so. Senator Diana Ross spoke.")}
    assert ms.get("House Republican") != "PERSON"
    assert ms.get("Journal Sentinel") != "PERSON"
    assert ms["Diana Ross"] == "PERSON"


def test_words_used_as_no_given_name_is_are_not_in_the_given_name_lexicon():
    """The "John Kirby ... Kirby said" convention also taught the builder "Capitol" (Capitol Hill ... Hill said),
    "United", "Trump" and "Wednesday"; how news uses them (after "the", seldom before a capital) rules them out."""
    from store.lexicon import first_names

    names = first_names()
    for word in ("Capitol", "Treasury", "Supreme", "United", "Senate", "Republican", "Trump", "Wednesday"):
        assert word not in names
    for word in ("John", "Nancy", "Volodymyr", "Kim", "Xi", "Kamala"):
        assert word in names


def test_places_and_bodies_named_after_people_are_not_people():
    ms = {m.name: m.type for m in _mentions("Officials met on Capitol Hill on Tuesday. Delegates at the United "
                                           "Nations voted. Guests gathered at Trump Tower on Friday. Senator Diana Ross spoke.")}
    assert ms.get("Capitol Hill") != "PERSON" and ms.get("United Nations") != "PERSON"
    assert ms.get("Trump Tower") != "PERSON" and ms["Diana Ross"] == "PERSON"


def test_a_party_before_a_persons_name_is_description():
    ms = {m.name: m.type for m in _mentions("Officials said Republican Mitt Romney would run. Officials said "
                                           "Democrat Joe Manchin would vote. Democratic Party leaders met.")}
    assert ms["Mitt Romney"] == "PERSON" and ms["Joe Manchin"] == "PERSON"
    assert "Republican Mitt Romney" not in ms and ms["Democratic Party"] == "ORG"
    ms = {m.name: m.type for m in _mentions("Officials said the Democrat Sanders Plan would fail. Many African "
                                           "American Voices joined.")}
    assert ms.get("Democrat Sanders Plan") != "PERSON" and ms.get("African American Voices") != "PERSON"


def test_a_day_of_the_week_is_not_part_of_a_name_unless_it_names_an_event():
    names = {m.name for m in _mentions(
        "Defense Secretary Mark Esper said Friday the US would stay. Officials said on Friday U.S. Rep. Michael McCaul "
        "agreed. Sanders told CNN Tuesday that he would win on Super Tuesday. She appeared on Fox News Sunday. "
        "Churches were full on Easter Sunday.")}
    assert {"US", "U.S.", "CNN", "Michael McCaul", "Super Tuesday", "Fox News Sunday", "Easter Sunday"} <= names
    assert not {"Friday the US", "Friday U.S.", "CNN Tuesday"} & names


def test_a_point_of_the_compass_is_no_given_name_and_regions_are_places():
    ms = {m.name: m.type for m in _mentions("Officials said fighting in North Kivu spread. Attacks across North Africa "
                                           "and Europe were reported. Officials in the Middle East agreed.")}
    assert ms["North Kivu"] != "PERSON"
    assert ms["North Africa"] == ms["Europe"] == ms["Middle East"] == "PLACE"


def test_names_one_word_apart_are_one_only_when_that_word_is_spelt_alike():
    ents = _entities("Officials said Brett Kavanaugh would testify. Trade with North America grew, officials said.",
                     "Officials said Bret Kavanaugh would testify. Attacks across North Africa grew, officials said.")
    assert {"Bret Kavanaugh", "Brett Kavanaugh"} <= (ents.get("Brett Kavanaugh") or ents["Bret Kavanaugh"]).aliases
    assert "North Africa" in ents and "North America" in ents


def test_a_persons_bracketed_state_is_not_their_acronym():
    assert "Us" not in {m.name for m in _mentions("It is Us vs. Them, officials said. The US agreed.")}
    ents = _entities("Officials said Republican Senator Tim Scott (SC) received the calls. The Supreme Court ruled. "
                     "SC officials said so.")
    assert "SC" not in ents["Tim Scott"].aliases and "Tim Scott" not in ents["Supreme Court"].aliases
    assert acronym_pairs("The Institute for the Study of War (ISW) said so.",
                         _mentions("The Institute for the Study of War (ISW) said so.")) == [
        ("Institute for the Study of War", "ISW")]
    ents = _entities("Officials said the General Data Protection Regulation (GDPR) applies. GDPR fines rose.")
    assert "GDPR" in next(e for e in ents.values() if "Data Protection Regulation" in e.name).aliases


def test_a_title_word_ending_a_given_name_is_a_surname_and_counsel_ends_bodies_names():
    ents = _entities("Officials said Martin Luther King Jr. spoke. Officials said Sen. Angus King objected.",
                     "Officials said Special Counsel Robert Mueller reported. The report by Special Counsel Mueller "
                     "was released. White House Counsel Pat Cipollone said so. The Office of Legal Counsel agreed.",
                     "Officials said Donald Trump Jr. tweeted. Officials said Donald Trump spoke.")
    people = ("Martin Luther King Jr", "Angus King", "Robert Mueller", "Pat Cipollone", "Donald Trump Jr", "Donald Trump")
    assert {n: ents[n].type for n in people} == dict.fromkeys(people, "PERSON")
    assert "Mueller" in ents["Robert Mueller"].aliases and ents["Office of Legal Counsel"].type == "ORG"
    assert not {"Jr", "Martin Luther", "Sen. Angus", "Special Counsel Mueller", "Office of Legal", "Special"} & set(ents)
    ents = _entities("Officials said Martin Luther King spoke.", "The MLK estate sued. The MLK estate won. The MLK estate lost.")
    assert ents["Martin Luther King"].type == "PERSON" and "MLK" in ents["Martin Luther King"].aliases
    assert [m.name for m in _mentions("Officials said Special Counsel Robert Mueller reported.")] == ["Robert Mueller"]


def test_middle_initials_and_numerals_name_the_same_person_unless_initials_tell_two_apart():
    assert [(m.name, m.type) for m in _mentions("Officials said Robert S. Mueller III would testify.")] == [
        ("Robert S. Mueller III", "PERSON")]
    ents = _entities("Officials said Robert S. Mueller III would testify.", "Officials said Mueller declined.")
    assert "Mueller" in ents["Robert S. Mueller III"].aliases
    ents = _entities("Officials said Special Counsel Robert S. Mueller III would testify on Friday.",
                     "Robert Mueller said the report was final.", "Officials said Mueller declined to say more.",
                     "Officials said Donald J. Trump Foundation money was spent. Donald J. Trump said so.",
                     "Officials said Donald Trump spoke. Trump said the Trump Foundation would close.")
    mueller = next(e for e in ents.values() if "Robert Mueller" in e.aliases)
    assert mueller.type == "PERSON" and {"Robert S. Mueller III", "Mueller"} <= mueller.aliases
    trump = next(e for e in ents.values() if "Donald Trump" in e.aliases)
    assert {"Donald J. Trump", "Trump"} <= trump.aliases and trump.type == "PERSON"
    # a surname is its person, not a body named after them
    assert "Trump" not in ents["Trump Foundation"].aliases
    ents = _entities("Officials said President George W. Bush spoke.", "Officials said George H.W. Bush spoke.",
                     "Officials said George Bush spoke. Bush said so.")
    assert {"George W. Bush", "George H.W. Bush", "George Bush"} <= set(ents)


def test_across_stories_people_are_joined_by_initials_and_by_a_surname_most_use_for_one_person(tmp_path):
    import sqlite3

    from store.cli import main

    days = iter(range(1, 28))
    for name, text in {
        "quake.md": "Earthquake hits coastal town\n\nA strong earthquake struck the coastal town of Ferrol on Monday, "
                    "officials said. Donald J. Trump sent condolences to the families of the victims.",
        "budget.md": "Senate passes budget bill\n\nThe Senate passed the budget bill late on Thursday after a long "
                     "debate. Donald Trump said the plan would help farmers. Donald Trump signed it. Donald Trump "
                     "thanked the Senate. Officials said Donald Trump and Donald Trump's aides were pleased. Donald "
                     "Trump spoke in Ohio. Donald Trump spoke in Iowa. Donald Trump spoke in Maine.",
        "garden.md": "White House garden reopens\n\nMelania Trump and Donald Trump reopened the White House rose "
                     "garden on Friday. Trump said the roses had been planted in the spring.",
        "trade.md": "Tariffs on steel rise\n\nTariffs on imported steel rose sharply in the spring, traders said. "
                    "President Trump said the tariffs would stay until the talks in Geneva ended.",
        "war.md": "Historians revisit the Gulf War\n\nHistorians met in Boston to revisit the Gulf War of 1991. "
                  "George H.W. Bush ordered the air campaign against Iraqi forces in Kuwait that January.",
        "iraq.md": "Museum opens Iraq war exhibit\n\nA museum in Dallas opened an exhibit on the Iraq war of 2003. "
                   "George W. Bush visited the exhibit with veterans of the invasion on Saturday.",
        "florida.md": "Jeb Bush returns to Florida politics\n\nFormer governor Jeb Bush endorsed a candidate in Tampa "
                      "on Tuesday. Jeb Bush said the state's schools had improved. Jeb Bush thanked teachers. Jeb "
                      "Bush met parents. Jeb Bush left for Miami. Eric Tucker, Eric Tucker, Eric Tucker, Eric Tucker "
                      "and Eric Tucker's brother came too.",
        "cable.md": "Cable hosts spar over the border\n\nCable news hosts argued about border policy on Wednesday "
                    "night. Officials said Tucker said the wall would be finished before the election.",
        "campaign.md": "Candidates court voters in Iowa\n\nCandidates crossed Iowa on Sunday before the caucuses. "
                       "Officials said Bush spoke to farmers in Ames about ethanol subsidies and trade.",
    }.items():
        month = next(days)
        (tmp_path / name).write_text(f"---\npublished: 2019-{month:02d}-10\n---\n{text}\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path), "--db", str(db), "-q"]) == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 9
    people = {name: json.loads(aliases) for name, aliases in conn.execute(
        "SELECT name, aliases FROM entities WHERE type = 'PERSON'")}
    # "Donald J. Trump" and the "Trump" of an article that never names him in full are Donald Trump
    assert {"Donald J. Trump", "Trump"} <= set(people["Donald Trump"])
    assert not {"Donald J. Trump", "Trump"} & set(people)
    (eid, n_sources) = conn.execute("SELECT id, n_sources FROM entities WHERE name = 'Donald Trump'").fetchone()
    # (the garden article's "Trump" may be Melania or Donald there: it joins him only across stories, and the
    # article counts once)
    assert n_sources == 4
    assert conn.execute("SELECT count(DISTINCT source_id) FROM mention_rows WHERE entity_id = ?",
                        (eid,)).fetchone()[0] == 4
    # the initials tell two Bushes apart, and "Bush" alone may be either of three
    assert {"George H.W. Bush", "George W. Bush", "Jeb Bush"} <= set(people)
    assert conn.execute("SELECT count(*) FROM entities WHERE name = 'Bush'").fetchone()[0] == 1
    # a given name alone is not taken for the one person of that surname ("Tucker" is Tucker Carlson more often)
    assert "Tucker" not in people.get("Eric Tucker", [])
    assert conn.execute("SELECT count(*) FROM entities WHERE name = 'Tucker'").fetchone()[0] == 1
    conn.close()


def test_only_a_plain_personal_name_takes_a_surname_from_other_stories():
    from store.entities import _given_names
    from store.link import _plainly_a_person

    given = _given_names()
    assert _plainly_a_person("Donald Trump", given) and _plainly_a_person("Sarah Huckabee Sanders", given)
    assert _plainly_a_person("Robert S. Mueller III", given)
    assert not _plainly_a_person("Billy Graham Evangelistic Association", given)
    assert not _plainly_a_person("Lawrence County Academy", given)
    assert not _plainly_a_person("Trump Tower", given)


def test_across_stories_initials_of_one_person_join_unless_another_is_named_about_as_often():
    import sqlite3
    from collections import Counter

    from store.link import _Staging

    staging = _Staging(sqlite3.connect(":memory:"))
    for name, mentions in {"Donald Trump": 300, "Donald J. Trump": 100, "Donald F. Trump": 1, "George Bush": 20,
                           "George W. Bush": 80, "George H.W. Bush": 20, "Paul Ryan": 50, "Whitney Houston": 90,
                           "Houston": 10, "Pelosi": 10, "Nancy Pelosi": 90}.items():
        staging.entities[name.lower()] = {"name": name, "types": Counter(PERSON=mentions), "aliases": {name},
                                          "mentions": mentions, "sources": mentions}
    merged = staging._join_people()
    # a stray "Donald F." does not keep Donald J. Trump apart; W. and H.W. name two presidents
    # a surname alone joins the one person of that name, unless it is also a place's
    assert merged == {"donald j. trump": "donald trump", "pelosi": "nancy pelosi"}
    assert staging.entities["donald trump"]["mentions"] == 400 and "donald f. trump" in staging.entities


def test_across_stories_a_persons_name_with_and_without_its_arabic_article_is_one_person():
    import sqlite3
    from collections import Counter

    from store.link import _Staging

    staging = _Staging(sqlite3.connect(":memory:"))
    for name, mentions, typ in [("Bashar al-Assad", 350, "PERSON"), ("Bashar Assad", 250, "PERSON"),
                                ("Assad", 50, "OTHER"),
                                ("Abdel Fattah el-Sisi", 20, "PERSON"), ("Abdel Fattah Sisi", 40, "PERSON"),
                                ("Al Gore", 30, "PERSON"), ("Gore", 20, "OTHER"), ("Lesley Gore", 25, "PERSON"),
                                ("Ahmed al-Jazeera", 3, "PERSON"), ("Ahmed Jazeera", 5, "ORG")]:
        staging.entities[name.lower()] = {"name": name, "types": Counter({typ: mentions}), "aliases": {name},
                                          "mentions": mentions, "sources": mentions}
    merged = staging._join_people()
    # into the form named more often, its surname alone with it; not a name that begins with "Al", nor a name
    # that is no person's
    assert merged == {"bashar assad": "bashar al-assad", "abdel fattah el-sisi": "abdel fattah sisi",
                      "assad": "bashar al-assad"}
    assert staging.entities["bashar al-assad"]["mentions"] == 650


def test_names_with_particles_and_names_said_surname_first_join_their_people():
    ms = {m.name: m.type for m in _mentions(
        "Syrian President Bashar al-Assad met European Commission President Ursula von der Leyen in Geneva.")}
    assert ms["Bashar al-Assad"] == "PERSON" and ms["Ursula von der Leyen"] == "PERSON"
    assert [(m.name, m.evidence) for m in _mentions("Officials said the militants of al-Qaida attacked.")] == [
        ("al-Qaida", 1)]
    # a capitalised particle begins a name; alone, or "the", it does not
    assert [m.name for m in _mentions("Officials said Al Qaeda and Al Jazeera reported. Officials said Le Pen won. "
                                      "THE WHITE HOUSE agreed. Van drivers said so.")] == [
        "Al Qaeda", "Al Jazeera", "Le Pen", "WHITE HOUSE"]
    ents = _entities("Syrian President Bashar al-Assad said on Monday that talks failed.", "Officials said Assad left.",
                     "Officials said President Ursula von der Leyen agreed. Officials said von der Leyen left.",
                     "Brazilian President Luiz Inacio Lula da Silva said so. Lula da Silva added more.",
                     "Officials said Donald Trump Jr. tweeted. Officials said Trump Jr. deleted it.",
                     "North Korean leader Kim Jong Un visited Moscow. Officials said Kim met Putin.",
                     "Chinese President Xi Jinping spoke on Monday. Officials said Xi left.")
    joined = {"Bashar al-Assad": "Assad", "Ursula von der Leyen": "Leyen", "Luiz Inacio Lula da Silva": "Lula da Silva",
              "Donald Trump Jr": "Trump Jr", "Kim Jong Un": "Kim", "Xi Jinping": "Xi"}
    assert {name: short in ents[name].aliases for name, short in joined.items()} == dict.fromkeys(joined, True)
    assert all(ents[name].type == "PERSON" for name in joined)
    # a first name alone is the person only in an article that names one person so, and no one of that surname
    ents = _entities("Officials said Kim Jong Un and Kim Yo Jong met. Officials said Kim left.")
    assert "Kim" not in ents["Kim Jong Un"].aliases and "Kim" not in ents["Kim Yo Jong"].aliases
    ents = _entities("The Sonoma County Sheriff said on Monday that roads were closed. Officials said Sonoma was dry.")
    assert "Sonoma" not in ents["Sonoma County Sheriff"].aliases
    # (and a surname comes first: "Kim" after "Senator Andy Kim" is him)
    ents = _entities("Officials said Kim Jong Un met Senator Andy Kim. Officials said Kim left.")
    assert "Kim" in ents["Andy Kim"].aliases and "Kim" not in ents["Kim Jong Un"].aliases


def test_a_given_name_of_hyphened_syllables_after_a_surname_is_part_of_the_name():
    ms = {m.name: m.type for m in _mentions(
        "Officials said Kim Jong-un met Moon Jae-in and Choe Son-hui in Pyongyang. U.N. Secretary-General "
        "Ban Ki-moon and Tsai Ing-wen's envoy spoke.")}
    assert {n: ms.get(n) for n in ("Kim Jong-un", "Moon Jae-in", "Choe Son-hui", "Ban Ki-moon", "Tsai Ing-wen")} == \
        dict.fromkeys(("Kim Jong-un", "Moon Jae-in", "Choe Son-hui", "Ban Ki-moon", "Tsai Ing-wen"), "PERSON")
    assert not {"Kim", "Moon", "Choe", "Ban", "Tsai"} & set(ms)
    # a name before a compound word is no given name: the compound does not join it
    names = [m.name for m in _mentions(
        "Officials said a New York-based group, Tea Party-backed rivals and Cold War-era rules met the Tallahassee "
        "Mayor-elect Andrew Gillum, who read The Pick-up Artist and The Sit-in Diaries in a Ford Pick-up truck.")]
    assert not any("-" in n for n in names), names
    assert "Andrew Gillum" in names
    # spelled "Kim Jong-un" by one outlet and "Kim Jong Un" by another: one person; a hyphened surname stays whole
    ents = _entities("North Korean leader Kim Jong-un visited Moscow. Officials said Kim Jong-un left.",
                     "North Korean leader Kim Jong Un visited Moscow on Monday.",
                     "Rep. Alexandria Ocasio-Cortez spoke. Officials said Ocasio-Cortez left.")
    assert "Kim Jong-un" in ents["Kim Jong Un"].aliases and "Kim Jong-un" not in ents
    assert "Ocasio-Cortez" in ents["Alexandria Ocasio-Cortez"].aliases


def test_across_stories_a_hyphened_given_name_joins_the_name_written_without_the_hyphen():
    import sqlite3
    from collections import Counter

    from store.link import _Staging

    staging = _Staging(sqlite3.connect(":memory:"))
    for name, typ, mentions in [("Kim Jong Un", "PERSON", 5), ("Kim Jong-un", "PERSON", 9),
                                ("Alexandria Ocasio-Cortez", "PERSON", 9), ("Alexandria Ocasio Cortez", "PERSON", 5),
                                ("al-Qaeda", "OTHER", 3), ("al Qaeda", "ORG", 7),
                                ("Fort-Worth", "PLACE", 2), ("Fort Worth", "ORG", 4)]:
        staging.entities[name.lower()] = {"name": name, "types": Counter({typ: mentions}), "aliases": {name},
                                          "mentions": mentions, "sources": mentions}
    # a hyphened given name is the name without it; any other name written with a hyphen is the name written with
    # a space, into the form named more often; not names typed apart
    assert staging._join_people() == {"kim jong-un": "kim jong un", "alexandria ocasio cortez": "alexandria ocasio-cortez",
                                      "al-qaeda": "al qaeda"}


def test_across_stories_a_nickname_or_a_middle_name_joins_where_a_story_named_the_person_both_ways():
    import sqlite3
    from collections import Counter

    from store.link import _Staging

    staging = _Staging(sqlite3.connect(":memory:"))
    for name, mentions, aliases in [
            ("Chuck Schumer", 400, ()), ("Charles E. Schumer", 200, ("Chuck Schumer",)), ("Charles Schumer", 50, ()),
            ("Christine Blasey Ford", 260, ("Christine Ford",)), ("Christine Ford", 8, ()),
            # never named both ways in one story: two people as far as the store can tell
            ("Mike Brown", 30, ()), ("Michael Brown", 100, ()), ("John Adams", 30, ()), ("John Quincy Adams", 10, ()),
            # initials alone: "George Bush" may be either president, whatever one story joined
            ("George Bush", 20, ("George W. Bush",)), ("George W. Bush", 80, ("George Bush",)),
            ("George H.W. Bush", 20, ())]:
        staging.entities[name.lower()] = {"name": name, "types": Counter(PERSON=mentions),
                                          "aliases": {name, *aliases}, "mentions": mentions, "sources": mentions}
    merged = staging._join_people()
    # (Charles E. Schumer is first Charles Schumer, by his initial, and then, with him, Chuck Schumer)
    assert merged == {"charles e. schumer": "chuck schumer", "charles schumer": "chuck schumer",
                      "christine ford": "christine blasey ford"}
    assert staging.entities["chuck schumer"]["mentions"] == 650
    assert staging.entities["christine blasey ford"]["mentions"] == 268


def test_a_department_named_either_way_is_one_body():
    ents = _entities("The Department of Justice opened an inquiry. The Department of Homeland Security agreed.",
                     "The Justice Department declined to comment. Homeland Security officials met in Washington.",
                     "The Department of HHS said so, and HHS will pay. The Ministry of Defence and the Defence "
                     "Ministry disagreed. The Department of Labor released the jobs report.",
                     "In Australia, Labor won the election, and Labor leaders cheered.")
    assert "Justice Department" in ents["Department of Justice"].aliases
    assert "Homeland Security" in ents["Department of Homeland Security"].aliases
    assert "HHS" in ents["Department of HHS"].aliases
    # a word alone is no department's name; a ministry is left as it is named (Russia's and Britain's may meet)
    assert "Labor" not in ents["Department of Labor"].aliases
    from store.model import Mention
    named = {e.name: e for e in resolve_entities([[Mention(0, 19, "Department of State", "Department of State", "ORG", 2),
                                                   Mention(30, 35, "State", "State", "ORG", 2),
                                                   Mention(40, 43, "HHS", "HHS", "ORG", 2),
                                                   Mention(50, 67, "Department of HHS", "Department of HHS", "ORG", 2)]],
                                                 [])}
    assert set(named) == {"Department of State", "State", "Department of HHS"}
    assert {"Ministry of Defence", "Defence Ministry"} <= ents.keys()


def test_across_stories_a_department_named_either_way_is_one_body():
    import sqlite3
    from collections import Counter

    from store.link import _Staging

    staging = _Staging(sqlite3.connect(":memory:"))
    for name, mentions, aliases in [
            ("Justice Department", 1000, ()), ("Department of Justice", 300, ()),
            ("Department of Homeland Security", 300, ("Homeland Security",)), ("Homeland Security", 100, ()),
            # the field alone only where a story named the department so
            ("Department of Foreign Affairs", 5, ()), ("Foreign Affairs", 20, ()),
            ("Ministry of Defence", 50, ()), ("Defence Ministry", 60, ()),
            # (nor a name typed as no body's)
            ("Department of Transportation", 20, ()), ("Transportation Department", 3, ())]:
        typ = "PLACE" if name == "Transportation Department" else "ORG"
        staging.entities[name.lower()] = {"name": name, "types": Counter({typ: mentions}),
                                          "aliases": {name, *aliases}, "mentions": mentions, "sources": mentions}
    assert staging._join_people() == {"department of justice": "justice department",
                                      "homeland security": "department of homeland security"}


def test_in_one_story_a_middle_name_or_a_nickname_dropped_is_one_person_unless_one_article_names_both():
    from store.entities import _name_core

    ents = _entities("Former Secretary of State Hillary Rodham Clinton spoke in Iowa on Monday.",
                     "Hillary Clinton told voters in Des Moines that she backed the plan. Sen. Chuck Schumer agreed.",
                     "Sen. Charles E. Schumer said the bill was dead. Officials blamed al-Qaeda for the attack.",
                     "John Adams and John Quincy Adams were presidents. Joe Kennedy and Joseph Kennedy spoke.",
                     "Officials said al Qaeda was behind the attack.")
    assert {"Hillary Clinton", "Hillary Rodham Clinton"} <= ents["Hillary Rodham Clinton"].aliases
    assert {"Chuck Schumer", "Charles E. Schumer"} <= ents["Charles E. Schumer"].aliases
    assert {"al-Qaeda", "al Qaeda"} <= ents["al Qaeda"].aliases
    assert {"John Adams", "John Quincy Adams", "Joe Kennedy", "Joseph Kennedy"} <= ents.keys()
    assert _name_core("hillary rodham clinton") == ("hillary clinton", "r")
    assert _name_core("robert s. mueller iii") == ("robert mueller", "s")
    # not a particle, a family suffix, a first word that is no given name, nor a name read twice
    for key in ("luiz inacio lula da silva", "martin luther king jr.", "moon jae in", "donald trump trump"):
        assert _name_core(key) == (key, "")


def test_provinces_and_regions_outside_the_us_are_places_without_a_cue():
    ms = {m.name: m.type for m in _mentions(
        "Officials said Scotland and Wales voted, Alberta sued, Bavaria agreed and Zaporizhzhia was shelled. "
        "Officials said Catalonia, Queensland, Sindh and Tigray objected.")}
    assert ms == dict.fromkeys(["Scotland", "Wales", "Alberta", "Bavaria", "Zaporizhzhia", "Catalonia", "Queensland",
                                "Sindh", "Tigray"], "PLACE")


def test_people_of_world_news_and_given_names_that_are_words_are_typed_by_the_given_name_alone():
    ms = {m.name: m.type for m in _mentions(
        "Recep Tayyip Erdogan met Olaf Scholz. Officials said Giorgia Meloni, Shehbaz Sharif, Kyrylo Budanov and "
        "Shigeru Ishiba agreed, and Friedrich Merz and Abdel Fattah el-Sisi objected. Officials said Bill de Blasio, "
        "Ed Markey and Mark Esper signed the bill.")}
    names = ["Recep Tayyip Erdogan", "Olaf Scholz", "Giorgia Meloni", "Shehbaz Sharif", "Kyrylo Budanov",
             "Shigeru Ishiba", "Friedrich Merz", "Abdel Fattah el-Sisi", "Bill de Blasio", "Ed Markey", "Mark Esper"]
    assert {n: ms.get(n) for n in names} == dict.fromkeys(names, "PERSON")


def test_party_and_state_tags_plural_titles_and_sentences_inside_quotes_make_no_names():
    names = {m.name: m.type for m in _mentions(
        'Sens. Marco Rubio and Ted Cruz spoke. Sen. Dianne Feinstein (D-Calif.) and Rep. Jim Jordan, R-Ohio, agreed. '
        '"They asked for an investigation. And I believe it would help," she said.')}
    assert names == {"Marco Rubio": "PERSON", "Ted Cruz": "PERSON", "Dianne Feinstein": "PERSON",
                     "Jim Jordan": "PERSON"}


def test_an_entity_is_called_as_most_stories_call_it(tmp_path):
    import sqlite3

    from store.cli import main

    for i, (name, text) in enumerate({
        "a.md": "Oil prices rise\n\nOil prices rose sharply on Monday after officials said SAUDI ARABIA would cut "
                "output by a million barrels a day.",
        "b.md": "Football club sold\n\nA football club in Newcastle was sold on Tuesday to a fund that officials said "
                "is controlled by Saudi Arabia.",
        "c.md": "Pilgrims arrive in Mecca\n\nMore than two million pilgrims arrived in Mecca on Friday, officials in "
                "Saudi Arabia said.",
    }.items(), 1):
        (tmp_path / name).write_text(f"---\npublished: 2019-{i * 3:02d}-10\n---\n{text}\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path), "--db", str(db), "-q"]) == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 3
    assert conn.execute("SELECT name, n_sources FROM entities WHERE name LIKE 'saudi arabia'").fetchall() == [
        ("Saudi Arabia", 3)]
    conn.close()


def test_a_country_named_after_its_demonym_and_states_as_news_abbreviates_them_are_places():
    ents = _entities("Officials in Miami, Fla., said Saudi Arabia, the Czech Republic and the Dominican Republic agreed.",
                     "Florida voted on Tuesday, officials said.")
    assert {n: ents[n].type for n in ("Saudi Arabia", "Czechia", "Dominican Republic", "Florida")} == dict.fromkeys(
        ("Saudi Arabia", "Czechia", "Dominican Republic", "Florida"), "PLACE")
    assert "Fla" in ents["Florida"].aliases and "Czech Republic" in ents["Czechia"].aliases
    assert not {"Arabia", "Republic", "Fla"} & set(ents)
    # the VA is Veterans Affairs, not Virginia
    ents = _entities("Officials at the Department of Veterans Affairs (VA) said the VA would hire more doctors.")
    assert ents["Department of Veterans Affairs"].type == "ORG"


def test_words_in_capitals_that_news_writes_in_lower_case_are_no_names_but_acronyms_are():
    ents = _entities("STORY: Officials said the BIG PICTURE had changed.",
                     "FIRST, the council said it would act. \"We are NOT for sale,\" the mayor said.",
                     "The minister said (CONTINUES OVER WIDE SHOT OF NEWS CONFERENCE) that talks had stalled.",
                     "Officials at NATO said AIDS funding and a GOP bill, first reported by the WSJ, would pass.")
    assert not {"STORY", "BIG PICTURE", "FIRST", "NOT", "CONTINUES OVER WIDE SHOT OF NEWS CONFERENCE"} & set(ents)
    assert {n: ents[n].type for n in ("NATO", "GOP", "WSJ")} == dict.fromkeys(("NATO", "GOP", "WSJ"), "ORG")
    assert ents["AIDS"].type == "OTHER"     # (a disease: letters that name no body)
    # a body whose letters make a word is still a name where the text spells it out
    ents = _entities("The Community United Rebuilding Effort (CURE) said CURE would sue.")
    assert "CURE" in ents["Community United Rebuilding Effort"].aliases


def test_the_district_and_usa_today_are_a_place_and_a_newspaper_and_a_states_letters_begin_a_courts_name():
    ents = _entities("Officials in Washington, D.C., told USA TODAY on Monday that the D.C. Circuit would rule.")
    assert ents["District of Columbia"].type == "PLACE" and "D.C." in ents["District of Columbia"].aliases
    assert ents["USA TODAY"].type == "ORG"
    assert "United States" not in ents and "TODAY" not in ents
    assert "D.C. Circuit" in ents


def test_a_bodys_name_runs_on_past_its_head_word_but_not_into_a_month_or_a_place():
    ents = _entities("A report by the Center for American Progress said so, and the Council on Foreign Relations agreed.",
                     "The Committee to Protect Journalists said the Commission on Presidential Debates (CPD) met.",
                     "The Council on May 3 sent the plan to the Commission to Brussels.")
    for name in ("Center for American Progress", "Council on Foreign Relations", "Committee to Protect Journalists",
                 "Commission on Presidential Debates"):
        assert ents[name].type == "ORG", name
    assert "CPD" in ents["Commission on Presidential Debates"].aliases
    assert ents["Brussels"].type == "PLACE"
    assert not [n for n in ents if n.startswith(("Council on May", "Commission to"))]
    # a headline's common words cut a name; no part of it ends with a particle
    names = [m.name for m in _mentions("Institute for the Study of War Says Troops Advance Near Kursk")]
    assert not [n for n in names if n.split()[-1] in ("for", "the", "of", "on", "to")], names


def test_a_bodys_head_word_alone_mid_sentence_and_well_known_bodies_are_organisations():
    ents = _entities("After the House voted, officials told the Times that the Army would act.",
                     "Officials at the United Nations and the Federal Reserve said the Treasury agreed, but Democrats "
                     "said the plan would fail.")
    for name in ("House", "Times", "Army", "United Nations", "Federal Reserve", "Treasury"):
        assert ents[name].type == "ORG", name
    assert ents["Democrats"].type != "ORG"


def test_a_bodys_name_runs_on_with_and_but_not_into_a_person_or_a_second_body():
    ents = _entities("The Department of Health and Human Services and the Center for Strategic and International "
                     "Studies agreed, officials said.",
                     "The Ministry of Defence and Foreign Ministry said so.",
                     "The Speaker of the House of Commons John Bercow and Liberal Democrat leaders met.",
                     "Officials said the Islamic State group had claimed the attack.")
    for name in ("Department of Health and Human Services", "Center for Strategic and International Studies",
                 "Ministry of Defence", "Foreign Ministry", "Islamic State"):
        assert ents[name].type == "ORG", name
    assert not [n for n in ents if "and Foreign" in n or "and Liberal" in n]


def test_leadership_titles_and_a_title_after_a_place_are_not_names():
    ents = _entities("Senate Majority Leader Mitch McConnell and House Minority Whip Steny Hoyer met on Monday.",
                     "The aid will speak louder than complaints by San Juan Mayor. Doing everything we can, he said.",
                     'He said: "My focus is on the abuse of power of this President. Doing so matters," officials said.')
    assert ents["Mitch McConnell"].type == ents["Steny Hoyer"].type == "PERSON"
    assert ents["San Juan"].type == "PLACE"
    assert not {"Senate Majority", "House Minority", "San Juan Mayor", "Doing", "President Doing"} & set(ents)


def test_a_place_begun_by_a_common_word_or_st_stays_whole_and_a_place_and_party_describe_a_person():
    ents = _entities("New York has a plan, officials in St. Louis said.",
                     "North Korea Says It Will Talk to United States",
                     "Ohio Republican Rob Portman and a North Carolina Republican said the Iowa Democratic caucuses "
                     "matter, and the Iowa Democratic Party agreed.")
    for name in ("New York", "St. Louis", "North Korea", "United States", "Ohio", "North Carolina", "Iowa"):
        assert ents[name].type == "PLACE", name
    assert ents["Rob Portman"].type == "PERSON" and ents["Iowa Democratic Party"].type == "ORG"
    assert not {"York", "St", "Louis", "United", "States", "North Carolina Republican", "Iowa Democratic"} & set(ents)


def test_time_zones_are_no_names_and_letters_naming_no_body_are_not_organisations():
    ents = _entities("The rally began at 10 a.m. ET on Monday, and DNA evidence and GDP figures were shown, officials "
                     "at the FBI said. Oh, it was late, another official said at 9 p.m. PST.")
    assert not {"ET", "PST", "Oh"} & set(ents)
    assert ents["DNA"].type == ents["GDP"].type == "OTHER" and ents["FBI"].type == "ORG"


def test_a_state_abbreviation_that_is_also_a_word_is_the_state_only_after_a_place():
    ents = _entities("ARLINGTON, Va. — Officials in Baltimore, Md., said the VA would hire more doctors.",
                     "He went to Mass on Sunday in Boston, Mass., officials said.")
    assert {n: ents[n].type for n in ("Virginia", "Maryland", "Massachusetts")} == dict.fromkeys(
        ("Virginia", "Maryland", "Massachusetts"), "PLACE")
    assert ents["VA"].type == "ORG" and "Va" not in ents["VA"].aliases
    assert not {"Va", "Md"} & set(ents)


def test_title_words_that_begin_a_bodys_name_do_not_make_a_person():
    ents = _entities("The U.S. National Security Agency (NSA) said so, and the National Security Council met.",
                     "Defense Secretary Jim Mattis and National Security Adviser John Bolton agreed.")
    assert ents["National Security Agency"].type == ents["National Security Council"].type == "ORG"
    assert "NSA" in ents["National Security Agency"].aliases
    assert ents["Jim Mattis"].type == ents["John Bolton"].type == "PERSON"
    assert not {"Security Agency", "Security Council"} & set(ents)


def test_given_names_with_accents_and_two_given_names_before_two_surnames():
    # the lexicon knows "Andres", "Jose" and "Jurgen"; news writes "Andrés", "José" and "Jürgen"
    ms = {m.name: m.type for m in _mentions("Jürgen Klopp and José Mourinho met. Sébastien Lecornu did not.")}
    assert ms == {"Jürgen Klopp": "PERSON", "José Mourinho": "PERSON", "Sébastien Lecornu": "PERSON"}
    ents = _entities("Andrés Manuel López Obrador spoke on Monday. López Obrador said the plan would work.")
    assert ents["Andrés Manuel López Obrador"].type == "PERSON"
    assert "López Obrador" in ents["Andrés Manuel López Obrador"].aliases


def test_a_lower_case_al_begins_a_name_and_a_lower_case_compound_is_no_name():
    ents = _entities("Officials blamed al Qaeda. Leaders of al Qaeda met. Al Qaeda said so. President Bashar al Assad "
                     "spoke; Assad said no.")
    assert "Al Qaeda" in ents["al Qaeda"].aliases
    assert "Assad" in ents["Bashar al Assad"].aliases
    assert "Qaeda" not in ents
    names = {m.name for m in _mentions("The rise of anti-Semitism worried non-Hispanic voters near pro-Kremlin "
                                       "bloggers and anti-NATO crowds in pro-Ukraine towns.")}
    assert names == {"Kremlin", "NATO", "Ukraine"}
    # a common word or a title after the hyphen may begin a longer name; a name there is cut off
    ents = _entities("Post-war and post-World War II rules, pro-Second Amendment groups, ex-Secretary of State Rex "
                     "Tillerson and a pro-Trump Facebook group.")
    assert {"World War II", "Second Amendment", "Rex Tillerson", "Facebook"} <= set(ents)
    assert not {"War II", "Amendment", "State Rex Tillerson", "Trump Facebook"} & set(ents)


def test_a_titles_complement_is_a_place_and_the_rest_the_person():
    ms = {m.name: m.type for m in _mentions(
        "The U.S. Special Envoy for Ukraine Kurt Volker said so. UN Special Envoy for Syria Geir Pedersen agreed. "
        "The U.S. ambassador to Ukraine Bridget Brink did not. Assistant Secretary for Diplomatic Security Charlene "
        "Lamb and Deputy National Security Adviser for Communications Ben Rhodes left.")}
    assert ms.get("Charlene Lamb") == ms.get("Ben Rhodes") == "PERSON"
    assert not [n for n in ms if n.endswith(("Kurt Volker", "Charlene Lamb", "Ben Rhodes")) and n.count(" ") > 1]
    assert {k: ms.get(k) for k in ("Kurt Volker", "Geir Pedersen", "Bridget Brink", "Ukraine", "Syria")} == {
        "Kurt Volker": "PERSON", "Geir Pedersen": "PERSON", "Bridget Brink": "PERSON", "Ukraine": "PLACE",
        "Syria": "PLACE"}
    # with no title, a state's name before a person's names a body named after them: it is left whole
    assert {m.name: m.type for m in _mentions("The Arkansas Bill Clinton Foundation paid.")} == {
        "Arkansas Bill Clinton Foundation": "ORG"}


def test_a_title_with_of_ends_before_two_uncommon_words_when_the_given_name_is_unknown():
    ms = {m.name: m.type for m in _mentions(
        "Secretary of State Antony Blinken said so. The Secretary of State for Northern Ireland did not.")}
    assert ms.get("Antony Blinken") == "PERSON"
    assert not any("Blinken" in n and n != "Antony Blinken" for n in ms)
    assert not any(t == "PERSON" for n, t in ms.items() if "Ireland" in n)


def test_entities_do_not_depend_on_the_order_python_iterates_sets_in():
    # which names join and which name stands for an entity must not change with the process's hash seed
    code = (
        "from store.entities import resolve_entities\n"
        "from store.model import Mention\n"
        "M = lambda n, t='PERSON', ev=2, at=0: Mention(at, at + len(n), n, n, t, ev)\n"
        "per = [[M('Luiz Inacio Lula da Silva'), M('Lula da Silva', None, 1, 40)],\n"
        "       [M('Inacio Lula da Silva'), M('Lula da Silva', None, 1, 40)],\n"
        "       [M('Special Envoy Kurt Volker'), M('Envoy Kurt Volker', at=40), M('Kurt Volker', at=80)],\n"
        "       [M('Bowe Berghdal'), M('Bowe Bergdahl', at=20), M('Bergdahl', None, 1, 40)]]\n"
        "print(sorted((e.name, sorted(e.aliases)) for e in resolve_entities(per, [])))\n")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(outs) == 1, outs
    # of two spellings as long, the one named more often (with its surname alone) stands for the entity
    assert "('Bowe Bergdahl', ['Bergdahl', 'Bowe Bergdahl', 'Bowe Berghdal'])" in outs.pop()


def test_a_bodys_name_of_words_of_the_language_runs_on_over_and():
    ms = {m.name: m.type for m in _mentions(
        "He met officials of the Food and Drug Administration, agents of U.S. Immigration and Customs Enforcement, "
        "staff of the Centers for Disease Control and Prevention and members of the Ways and Means Committee. "
        "The Securities and Exchange Commission fined the bank. He said Health and Human Services Secretary Alex "
        "Azar agreed. He chairs the House Energy and Commerce Committee.")}
    assert ms["Food and Drug Administration"] == "ORG"
    assert ms["Immigration and Customs Enforcement"] == "ORG"
    assert ms["Centers for Disease Control and Prevention"] == "ORG"
    assert ms["Ways and Means Committee"] == "ORG"
    assert ms["Securities and Exchange Commission"] == "ORG"
    assert ms["Health and Human Services"] == "ORG" and ms["Alex Azar"] == "PERSON"
    assert ms["House Energy and Commerce Committee"] == "ORG"
    assert "Customs Enforcement" not in ms and "Prevention" not in ms


def test_and_does_not_join_two_names():
    names = {m.name for m in _mentions(
        "The plan passed the House and Senate, then went to Trump and Justice Department lawyers in North and "
        "South Korea. Bill and Melinda Gates gave money. In Poland the ruling Law and Justice party won. "
        "He watched Rain Man and The Graduate, took the SAT and ACT tests and watched Hallmark Channel and "
        "Home and Garden Television. He opposed No Child Left Behind and Common Core standards. He said "
        "WHO and Health Ministry officials met. The Detroit Lions and Chicago Bears played.")}
    assert {"House", "Senate", "Justice Department", "South Korea", "Melinda Gates", "Rain Man", "SAT", "ACT",
            "Hallmark Channel", "Home and Garden Television", "Common Core", "WHO", "Health Ministry"} <= names
    assert not any(n.startswith(("House and", "Trump and", "Bill and", "Law and", "Rain Man and", "SAT and",
                                 "Hallmark Channel and", "WHO and")) or "Lions and" in n for n in names)


def test_a_date_an_ordinal_alone_and_the_abbreviation_of_number_are_no_names():
    surfaces = {m.surface for m in _mentions(
        "Donald Trump took office as the 45th president of the United States. Taxes must not go up on January 1st, "
        "he said, nor on February the 15th. Thune, who holds the No. 3 position in Senate leadership, spoke. The "
        "lapse dragged into its 12th day in the 21st century.")}
    assert surfaces & {"45th", "January 1st", "February the 15th", "No", "12th", "21st"} == set()
    assert {"Donald Trump", "United States", "Thune"} <= surfaces
    # an ordinal still begins a name: a unit, an amendment, a congress
    named = {m.surface for m in _mentions("The 1st Armored Division, the 14th Amendment and the 116th Congress.")}
    assert {"1st Armored Division", "14th Amendment", "116th Congress"} <= named


def test_a_persons_role_before_their_name_types_them_a_person_and_a_firm_stays_a_firm():
    types = {m.surface: m.type for m in _mentions(
        "The speech was delivered by radio host Rush Limbaugh on Friday, after economist Nouriel Roubini and actor "
        "Woody Harrelson spoke, according to market researcher Parks Associates.")}
    assert types["Rush Limbaugh"] == types["Nouriel Roubini"] == types["Woody Harrelson"] == "PERSON"
    assert types.get("Parks Associates") != "PERSON"


def test_a_trades_title_before_a_given_name_is_stripped_and_what_it_works_for_kept():
    ms = {m.surface: m.type for m in _mentions(
        "CNN Senior Legal Analyst Jeffrey Toobin said the case was weak. Quinnipiac University Polling Analyst Tim "
        "Malloy said voters were split, and State Senate President Pro Tem David Long agreed.")}
    assert ms["Jeffrey Toobin"] == ms["Tim Malloy"] == ms["David Long"] == "PERSON"
    assert {"CNN", "Quinnipiac University"} <= set(ms)
    assert not [s for s in ms if "Analyst" in s or "Pro" in s]
    # (before no given name, such a word is part of a body's name)
    bodies = {m.surface for m in _mentions("The Host Committee met, and the Economist Intelligence Unit said growth "
                                            "would slow. Later the paper said Anchor Brewing sold its stake.")}
    assert {"Host Committee", "Economist Intelligence Unit", "Anchor Brewing"} <= bodies


def test_a_paper_named_the_and_a_word_keeps_its_the():
    ms = {m.name: m.type for m in _mentions(
        "The Senate passed the bill on Tuesday, according to The Hill. He told The Atlantic it was costly. "
        "The vote came after a long debate, the Independent reported. Diplomats met in The Hague.")}
    assert ms["The Hill"] == "ORG" and ms["The Atlantic"] == "ORG" and ms["The Independent"] == "ORG"
    assert ms["The Hague"] == "PLACE"
    assert not {"Hill", "Atlantic", "Independent", "Hague"} & set(ms)
    # not a title, a family, a body's head word, a surname before what it qualifies, nor a sentence's "The"
    names = {m.name for m in _mentions(
        "He met The Pope and The Clintons, and read about it in the Times. Media caption The Mueller report in 60 "
        "seconds. The Nation is divided.")}
    assert not any(n.startswith("The ") for n in names)


def test_a_paper_is_no_person_of_the_same_surname():
    ents = _entities("Senator Jane Hill said on Tuesday she opposed the bill. The bill would cost $4 billion, "
                     "according to The Hill. Hill said it was too expensive.",
                     "Senator Jane Hill voted against the bill, the Hill reported.")
    assert ents["The Hill"].type == "ORG"
    assert {m.surface for _, m in ents["Jane Hill"].mentions} == {"Jane Hill", "Hill"}
    assert len(ents["The Hill"].mentions) == 2


def test_letters_with_full_stops_are_the_letters_and_end_a_name_before_a_new_sentence():
    ents = _entities("“We need a great director of the F.B.I. I cherish the F.B.I. It’s special,” he said. The U.N. "
                     "Security Council met.", "The FBI said on Monday that the UN Security Council met.")
    assert {m.surface for _, m in ents["F.B.I."].mentions} == {"F.B.I.", "FBI"}
    assert {m.surface for _, m in ents["U.N. Security Council"].mentions} == {"U.N. Security Council",
                                                                             "UN Security Council"}
    assert not any(n.startswith("F.B.I. ") for n in ents)


def test_a_title_of_several_a_person_of_a_body_and_a_weekday_before_a_party_are_split():
    ms = {m.name: m.type for m in _mentions(
        "At a closed-door lunch, Senators Sheldon Whitehouse of Rhode Island and Richard J. Durbin of Illinois spoke "
        "against him. Also interviewed was Michael J. Garcia of the New York State Court of Appeals. During a "
        "Thursday Democratic caucus lunch, he said no. He watched Fox News Sunday.")}
    assert ms["Sheldon Whitehouse"] == "PERSON" and ms["Rhode Island"] == "PLACE"
    assert ms["Michael J. Garcia"] == "PERSON" and ms["New York State Court of Appeals"] == "ORG"
    assert "Democratic" in ms and "Fox News Sunday" in ms
    assert not any(n.startswith(("Senators", "Thursday", "the ")) or " of the " in n for n in ms)


def test_a_partys_member_of_a_place_names_the_place_and_a_party_is_no_place():
    ms = {m.name: m.type for m in _mentions(
        "Senator John McCain, Republican of Arizona, said no. Representative Mikie Sherrill, Democrat of New Jersey, "
        "agreed. Redistricting is working in the Democrats' favor, and in the Republican camp they know it.")}
    assert ms["Arizona"] == "PLACE" and ms["New Jersey"] == "PLACE" and ms["John McCain"] == "PERSON"
    assert not any(" of " in n for n in ms)
    assert ms["Democrats"] != "PLACE" and ms.get("Republican") != "PLACE"


def test_a_doctrine_or_a_group_that_argues_is_no_person():
    ms = {m.name: m.type for m in _mentions(
        "In the speech, the Bush Doctrine argued for preventive strikes. On Monday, Amnesty International said the "
        "trial was unfair. In Baghdad, Haider al-Abadi said the city was safe. Later, Xavier Becerra said no.")}
    assert ms.get("Bush Doctrine") != "PERSON" and ms.get("Amnesty International") != "PERSON"
    assert ms["Haider al-Abadi"] == "PERSON" and ms["Xavier Becerra"] == "PERSON"


def test_a_quotations_first_word_is_capitalised_by_position():
    # "Who" opening a question is no World Health Organization, nor "What Trump" a name
    names = {m.name for m in _mentions('He asked himself, “Who are these guys?” The point is: Who decides? '
                                       'She said, “What Trump did was wrong.” The WHO said so.')}
    assert "Who" not in names and "What Trump" not in names
    assert {"Trump", "WHO"} <= names
    # a short quotation in title case is a title, not a sentence: its first word stays
    titles = {m.name for m in _mentions('He spoke on NBC’s “Meet the Press” and on “Liberty File with Judge '
                                        'Napolitano,” in a “Make America Great Again” hat.')}
    assert {"Meet the Press", "Liberty File", "Make America Great Again"} <= titles


def test_a_sentence_may_begin_with_a_name_whose_first_word_is_a_word():
    # a given name that is also a word, before a surname
    people = {m.name: m.type for m in _mentions("Bill Clinton said it was fine. Bill de Blasio agreed. "
                                                "Rich Beeson, the political director, said so too.")}
    assert people.get("Bill Clinton") == people.get("Bill de Blasio") == people.get("Rich Beeson") == "PERSON"
    # not a modal verb news rarely capitalises, nor a word before a party
    others = {m.name for m in _mentions("Will Trump win? Rich Democrat donors gave more.")}
    assert "Will Trump" not in others and "Rich Democrat" not in others
    # a name the article writes inside a sentence is whole where a sentence begins with it
    bodies = {m.name for m in _mentions("Planned Parenthood said it would sue. The clinic is run by Planned "
                                        "Parenthood. Black Lives Matter activists marched. They back Black Lives "
                                        "Matter. Associate Justice Elena Kagan wrote. He met Associate Justice "
                                        "Sonia Sotomayor.")}
    assert "Planned Parenthood" in bodies and "Parenthood" not in bodies
    assert "Black Lives Matter" in bodies and "Lives Matter" not in bodies
    # (a word before a title qualifies the title: "Associate Justice" begins no name)
    text = "Associate Justice Elena Kagan wrote. He met Associate Justice Sonia Sotomayor."
    assert [m.name for m in _mentions(text) if m.start < text.index(".")] == ["Elena Kagan"]


def test_an_apposition_says_what_an_unknown_name_is():
    typed = {m.name: m.type for m in _mentions(
        "They quoted Ming Pao, a daily newspaper that covered the protests, and Cuebiq, a private data company. "
        "Many visited Tuam, a town in western Ireland, and Yarnell, a town of about 700 residents.")}
    assert typed["Ming Pao"] == typed["Cuebiq"] == "ORG"
    assert typed["Tuam"] == typed["Yarnell"] == "PLACE"
    # (a person's apposition names the body the person is of: the body's noun is after a preposition)
    people = {m.name: m.type for m in _mentions("He met Bijan Kian, a co-founder of the lobbying group, and "
                                                "Jorge Armando, a vendor from the Mexican state of Puebla.")}
    assert people.get("Bijan Kian") != "ORG" and people.get("Jorge Armando") != "PLACE"


def test_a_body_named_for_its_cause_keeps_its_people():
    names = {m.name for m in _mentions("Americans for Prosperity, a conservative group, and Americans for Tax "
                                       "Reform sent a letter. Latinos for Trump met in Miami.")}
    assert {"Americans for Prosperity", "Americans for Tax Reform", "Latinos for Trump"} <= names
    assert "Prosperity" not in names and "Trump" not in names


def test_a_demonym_before_a_word_of_a_bodys_or_a_places_name_is_part_of_the_name():
    typed = {m.name: m.type for m in _mentions(
        "Members of the Muslim Brotherhood met about the North American Free Trade Agreement. The American Academy of Pediatrics warned parents, and the "
        "American Legion said it agreed. The American Red Cross sent aid across the Mediterranean Sea, "
        "before the French Open began.")}
    assert {"Muslim Brotherhood", "North American Free Trade Agreement", "American Academy of Pediatrics", "American Legion", "French Open"} <= set(typed)
    assert not {"Brotherhood", "Academy of Pediatrics", "Legion", "Open", "Red Cross", "Sea"} & set(typed)
    assert typed["American Red Cross"] == "ORG" and typed["Mediterranean Sea"] == "PLACE"
    assert typed["American Legion"] != "PERSON"
    # a person's name, a title, a place or a pronoun after it is described: the demonym is not their name's
    names = {m.name for m in _mentions(
        "Ukrainian Volodymyr Zelensky met Russian President Vladimir Putin. The Chechen Akhmat unit fought in "
        "Communist China. Scottish First Minister Nicola Sturgeon said: as a Christian I believe it, and so does "
        "Canadian Prime Minister Justin Trudeau.")}
    assert {"Volodymyr Zelensky", "Vladimir Putin", "Akhmat", "China", "Nicola Sturgeon", "Justin Trudeau"} <= names
    assert not {n for n in names if n.split()[0] in ("Ukrainian", "Russian", "Chechen", "Communist", "Scottish",
                                                      "Christian", "Canadian")}
    names = {m.name for m in _mentions(
        "Ukrainian Zelensky said so. He met American Bill Browder in London. Assistant Secretary of State for East "
        "Asian and Pacific Affairs Danny Russel said so.")}
    assert {"Zelensky", "Bill Browder"} <= names and not {n for n in names if "Pacific" in n or "American" in n}
    # (a headline capitalises every word: the demonym still describes; and a place after it is the place)
    names = {m.name for m in _mentions("Russian Forces Pound Ukrainian Military Bases\n\nRussian forces pounded "
                                       "the bases, he said. He lived in the Western United States for years.")}
    assert "United States" in names and not {n for n in names if n.split()[0] in ("Russian", "Ukrainian", "Western")}
    # (the words that begin bodies' names are the language's: not a pronoun, an acronym, a month or a place)
    assert all(_names_word(w) for w in ("Academy", "Open", "Legion", "Red", "Brotherhood"))
    assert not any(_names_word(w) for w in ("al", "I", "PM", "Jan", "China", "Troops", "President", "Bill", "Zelensky", "European"))


def test_a_wire_datelines_capitals_do_not_name_the_place():
    ents = _entities("KYIV, Ukraine (AP) — Ukrainian drones attacked the Russian region of Belgorod overnight.",
                     "Officials in Kyiv said the drones were launched from the Sumy region.")
    assert "Kyiv" in ents and "KYIV" not in ents
    assert "KYIV" in ents["Kyiv"].aliases


def test_news_outlets_cited_as_sources_are_organisations_but_a_market_index_is_not_one():
    ents = _entities("Newsweek has contacted the Russian Defense Ministry for comment.",
                     "The Kyiv Independent could not verify the claim, and the minister told Haaretz he had no doubt.",
                     "Speaking to Euronews and the Daily Beast, officials said Mother Jones first reported it.",
                     "Japan's Nikkei gained 1.8% on Monday, traders said.")
    for name in ("Newsweek", "Kyiv Independent", "Haaretz", "Euronews", "Daily Beast", "Mother Jones"):
        assert ents[name].type == "ORG", name
    assert ents["Nikkei"].type != "ORG"


def test_a_titles_abbreviation_without_its_full_stop_ending_a_name_is_a_surname():
    names = [m.name for m in _mentions("Oil will rise, said Amrita Sen, chief oil analyst at Energy Aspects. "
                                       "Prime Minister Hun Sen met Sen Mike Lee and former Ohio Gov John Kasich.")]
    assert "Amrita Sen" in names and "Hun Sen" in names
    assert "Mike Lee" in names and "John Kasich" in names
    # (not after a place, a party, a title, letters or a word news writes in lower case)
    for text in ("He met the Ohio Gov on Monday.", "He met a Republican Rep on Monday.",
                 "He met the Former Gov on Monday.", "He met the Lt Gov on Monday.", "He met an ISAF Gen on Monday.",
                 "Wallace Presses Dem Rep on the bill."):
        assert not any(m.name.endswith((" Gov", " Rep", " Gen")) for m in _mentions(text)), text


def test_nothing_in_a_link_or_a_handle_is_a_name():
    names = {m.name for m in _mentions(
        "Senator Lindsey Graham wrote on Twitter that the deal was dead. “This is over,” he said. "
        "pic.twitter.com/SHXEqzB0pS — Lindsey Graham (@LindseyGrahamSC) March 3, 2019\n"
        "Read more at https://t.co/LDeYL3dL26 or www.Example.com/News about Graham.")}
    assert "Lindsey Graham" in names
    assert not {"SHXEqzB0pS", "LindseyGrahamSC", "LDeYL3dL26", "Example", "News"} & names
    names = {m.name for m in _mentions("Kyle Kashuv (@KyleKashuv) said the school failed, and www.Example.com agreed.")}
    assert names == {"Kyle Kashuv"}
    assert {m.name for m in _mentions("Trump tweeted https://t.co/LDeYL3dL26 on Monday, aides said.")} == {"Trump"}
    assert not _mentions("The senator posted pic.twitter.com/SHXEqzB0pS on Tuesday, aides said.")


def test_firms_named_as_people_and_joined_by_an_ampersand_are_organisations():
    ms = {m.name: m.type for m in _mentions(
        "Analysts at Goldman Sachs and Morgan Stanley disagreed. Cambridge Analytica had the data, Fox Business "
        "said. Shares of Procter & Gamble and Walt Disney Co fell, while Tyson Foods and Koch Industries rose.")}
    assert {n: ms.get(n) for n in ("Goldman Sachs", "Morgan Stanley", "Cambridge Analytica", "Fox Business",
                                   "Procter & Gamble", "Walt Disney Co", "Tyson Foods", "Koch Industries")} == \
        dict.fromkeys(("Goldman Sachs", "Morgan Stanley", "Cambridge Analytica", "Fox Business", "Procter & Gamble",
                       "Walt Disney Co", "Tyson Foods", "Koch Industries"), "ORG")
    # (a headline's ampersand is its "and"; shouted words with one are no name)
    types = {m.name: m.type for m in _mentions("Trump & Putin Meet In Helsinki\nThe two leaders met on Monday in "
                                               "Helsinki. Protesters held signs reading WORDS OF VIOLENCE & DEATH.")}
    assert {"Trump", "Putin"} <= set(types) and "Trump & Putin" not in types
    assert types["WORDS OF VIOLENCE & DEATH"] == ""


def test_who_after_a_name_of_a_place_or_body_is_about_the_person_before_it():
    types = {m.name: m.type for m in _mentions(
        "Margaret Meade of Marshalltown, who identifies as a Democrat, said the race was close. Bishop Derrick "
        "Robinson of the Kingdom Destiny Fellowship International, who has organised protests, spoke to CNN.")}
    assert types["Margaret Meade"] == types["Derrick Robinson"] == "PERSON"
    assert types.get("Marshalltown") != "PERSON" and types.get("Kingdom Destiny Fellowship International") != "PERSON"
    # (a person's name before "who" stays one, and "the Trump administration" after "of" still says Trump is a person)
    types = {m.name: m.type for m in _mentions(
        "The plan was drafted by Mulvaney, who runs the office. Supporters of the Trump administration cheered. "
        "They spoke of the firing of Comey, who led the bureau.")}
    assert types["Mulvaney"] == types["Trump"] == types["Comey"] == "PERSON"


def test_a_plural_owner_begins_a_bodys_name():
    # "Children’s", "Women’s", "People’s" before a capitalised word are part of one name, not an owner
    ms = {m.name: m.type for m in _mentions(
        "She worked for the Children’s Defense Fund in Boston. The People's Republic of China objected. "
        "He joined the Women’s March and the Korean People's Army. Men’s rights, women’s groups.")}
    assert ms["Children’s Defense Fund"] == "ORG"
    assert ms["People's Republic of China"] == "PLACE"
    assert "Women’s March" in ms and "Korean People's Army" in ms
    assert not {"Children", "Defense Fund", "Women", "People", "Army", "Republic of China"} & set(ms)
    # an owner that is a name still ends it: "Trump’s Justice Department"
    owner = {m.name for m in _mentions("Officials said Trump’s Justice Department declined.")}
    assert {"Trump", "Justice Department"} <= owner


def test_bodies_named_for_what_they_campaign_for():
    ms = {m.name: m.type for m in _mentions(
        "He spoke at the Museum for African Art on Monday. The Campaign for Accountability filed a complaint. "
        "Officials said Americans for Prosperity spent millions and Mothers Against Drunk Driving applauded. "
        "He joined the Veterans of Foreign Wars and taught at the Princeton Theological Seminary.")}
    assert ms["Museum for African Art"] == "ORG"
    assert ms["Campaign for Accountability"] == "ORG"
    assert ms["Americans for Prosperity"] == "ORG"
    assert ms["Mothers Against Drunk Driving"] == ms["Veterans of Foreign Wars"] == "ORG"
    assert ms["Princeton Theological Seminary"] == "ORG"


def test_a_places_kind_begins_its_name():
    ms = {m.name: m.type for m in _mentions(
        "He was born in Mount Kisco and served at Fort Zalk, near Lake Tahoe. He flew to Camp David. "
        "Officials said the Camp Fire spread. He read the Fort Worth Star-Telegram.")}
    assert ms["Mount Kisco"] == ms["Fort Zalk"] == ms["Lake Tahoe"] == ms["Camp David"] == "PLACE"
    assert ms.get("Camp Fire") != "PLACE"
    assert ms.get("Fort Worth Star-Telegram") != "PLACE"


def test_letters_with_full_stops_are_the_name_they_abbreviate():
    # The New York Times writes acronyms with full stops: "I.M.F." is the International Monetary Fund named before
    ents = _entities("The International Monetary Fund said growth would slow. Christine Lagarde, head of the "
                     "I.M.F., spoke on Monday.", "The I.M.F. warned on Monday that the National Rifle Association "
                     "and the N.R.A. were one.")
    assert {"I.M.F."} <= ents["International Monetary Fund"].aliases
    assert {"N.R.A."} <= ents["National Rifle Association"].aliases
    # two letters are as often a person's initials as a body's
    ents = _entities("The Justice Department sued on Monday. The suit cites J.D. twice.")
    assert "J.D." not in ents["Justice Department"].aliases


def test_buildings_and_rooms_are_places():
    ms = {m.name: m.type for m in _mentions("Officials met in the Oval Office on Monday. Later, lawmakers on Capitol "
                                            "Hill said the Capitol was closed. He flew to Mar-a-Lago.")}
    assert ms["Oval Office"] == ms["Capitol Hill"] == ms["Capitol"] == ms["Mar-a-Lago"] == "PLACE"


def test_a_firms_web_address_is_the_firm():
    ents = _entities("Marc Benioff, the chief of Salesforce.com, said it would cancel events. Officials said "
                     "Salesforce has 2,000 workers there.")
    assert ents["Salesforce.com"].type == "ORG"
    assert "Salesforce" in ents["Salesforce.com"].aliases
    # (a place of that name is not the site)
    ents = _entities("He read it on Texas.com on Monday. Officials in Texas said it was wrong.")
    assert ents["Texas"].type == "PLACE" and "Texas.com" not in ents["Texas"].aliases


def test_an_editor_in_chief_is_a_title_before_a_name():
    ms = {m.name: m.type for m in _mentions("Officials said BuzzFeed Editor-in-Chief Ben Smith stood by the report. "
                                            "The paper's Publisher Arthur Sulzberger agreed.")}
    assert ms["Ben Smith"] == ms["Arthur Sulzberger"] == "PERSON"
    assert ms["BuzzFeed"] == "ORG"


def test_a_person_who_goes_by_initials_is_a_person():
    ms = {m.name: m.type for m in _mentions(
        "Officials said J.D. Vance spoke at the rally on Monday, and H.R. McMaster agreed. Later, J. D. Salinger "
        "wrote, and E. coli spread. The D.C. Circuit ruled, the L.A. Dodgers won, and R. Smith spoke.")}
    assert ms["J.D. Vance"] == ms["H.R. McMaster"] == ms["J. D. Salinger"] == "PERSON"
    # (a place's letters, or one initial, are not enough)
    assert ms.get("D.C. Circuit") != "PERSON" and ms.get("L.A. Dodgers") != "PERSON" and ms.get("R. Smith") != "PERSON"
