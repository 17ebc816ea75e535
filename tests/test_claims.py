"""Claims: speakers, hedges, kinds and figures, on small texts written here."""
import pytest

from store.analyze import analyze_article
from store.claims import _INVERTED_ANYWHERE, _ISSUED_DOCUMENT, _VERB_WORDS, build_claims, find_attribution
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
    assert cs[1].speaker == "Pentagon officials"
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


def test_one_described_by_the_body_they_are_of_is_the_description_not_the_body():
    assert _speakers("“A lot of this isn’t normal,” said one GOP lobbyist. “It is a disservice to readers,” said "
                     "another Times employee.") == ["one GOP lobbyist", "another Times employee"]


def test_a_body_described_further_is_not_the_last_body_that_spoke():
    # "the agency" is the agency that spoke last, "the news agency" the news agency; "the Ukrainian military" and "the
    # state health department" are bodies of their own
    assert _speakers("Ukraine's Security Service said it hit the depot. The agency said the strike was planned. "
                     "The Ukrainian military said no drones hit their targets.") \
        == ["Security Service", "Security Service", "Ukrainian military"]
    assert _speakers("The figures rose, according to Johns Hopkins University. Wisconsin had 246 deaths, according to "
                     "the state health department.")[-1] == "state health department"
    assert _speakers("The talks failed, the Associated Press reported. Earlier, the news agency reported that two "
                     "suspects fled.")[-1] == "Associated Press"
    assert _speakers("The talks failed, Reuters reported. The wire service said two suspects fled.")[-1] == "Reuters"


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
    # a verb news puts before its speaker does so anywhere at a sentence's end, any other after a quotation only;
    # "told", "tells" and "urged" never: what follows them is who was told or urged
    inverted = find_attribution(f"The bridge was hit twice, {verb} the governor.")
    quoted = find_attribution(f"“The bridge was hit twice,” {verb} the governor.")
    if verb in ("told", "tells", "urged") or verb in _ISSUED_DOCUMENT:
        assert inverted != "the governor" and quoted != "the governor"
    elif verb in _INVERTED_ANYWHERE:
        assert inverted == quoted == "the governor"
    else:
        assert inverted != "the governor" and quoted == "the governor"


def test_a_description_then_a_name_at_a_sentences_end_is_the_speaker():
    assert find_attribution("“Chuck has his wingman back now,” the late admiral's widow, Sarah Larson, told CNN.") \
        == "Sarah Larson"
    assert find_attribution("“The city is in shock,” Kolkata's deputy mayor, Atin Ghosh, told Reuters.") == "Atin Ghosh"
    assert find_attribution("After his mother died, he moved in with a friend, the family’s lawyer, Jim Lewis, told "
                            "AP.") == "Jim Lewis"
    # (not a place's state or country, nor a party's member from it)
    for sentence, wrong in (("Her son was arrested, police in Wasilla, Alaska, said Tuesday.", "Alaska"),
                            ("The shelling went on all night, officials in Kharkiv, Ukraine, said Tuesday.", "Ukraine"),
                            ("After the election, a woman in Ann Arbor, Mich., insisted that she was threatened.", "Mich"),
                            ("Also before the election, then-Senate Minority Leader Harry Reid, Nevada Democrat, wrote a "
                             "letter to the FBI.", "Nevada Democrat")):
        assert find_attribution(sentence) != wrong, sentence


def test_continued_says_something_only_before_what_is_said():
    for sentence, speaker in (("“We will win,” he continued.", "he"), ("He continued: “We will win.”", "He"),
                              ("“We will win,” continued Smith.", "Smith"),
                              ("“It’s a good thing,” Romney continued to applause.", "Romney"),
                              ("Earlier Saturday, Trump continued to claim that the election is rigged.", "Trump"),
                              ("Biden has continued to vehemently defend his crime bill.", "Biden"),
                              ("Trump continued to unload on his opponents: “I went to the best schools.”", "Trump"),
                              ("Mitt Romney continued his harsh rebuke of the administration, charging that it "
                               "divides.", "Mitt Romney")):
        assert find_attribution(sentence) == speaker, sentence
    for sentence in ("Yet in Syria, where the bloodshed has continued unabated for a year, the U.S. stayed out.",
                     "After his father's death, his son, Kim Jong-il, continued and advanced both programs.",
                     "Yellen has continued Bernanke’s policies to widespread praise.",
                     "The fighting, which began in May, continued unabated."):
        assert find_attribution(sentence) is None, sentence


def test_what_follows_a_verb_that_does_not_invert_is_no_speaker():
    for sentence in ("The St. Cloud Republican's attorney, Susan Gaertner, denied the allegations in an interview.",
                     "The committee, which has held a series of hearings, acknowledged receiving the documents.",
                     "But the ITC report on NAFTA issued in January, 1993, predicted only modest gains.",
                     "Grocery stores, which benefited from stockpiling in March, posted a 13% decline in sales."):
        assert find_attribution(sentence) not in ("the allegations in an interview", "receiving the documents",
                                                  "only modest gains", "a 13% decline in sales"), sentence
    assert find_attribution("“He will be out by November 1,” predicted a third Iowa Republican.") \
        == "a third Iowa Republican"
    # (nor is a quotation's "Let's say" anyone's)
    assert find_attribution("“Let’s say we’ve been to a house four times,” Police Chief Bill Brooks of Norwood, "
                            "Massachusetts, told me.") not in ("me", "Let’s")


def test_hedges_are_found_per_sentence_not_per_article():
    text = "The strike reportedly killed ten people. The mayor visited the site on Monday."
    claims = build_claims(text, [Sentence(0, 40), Sentence(41, len(text))], [])
    assert claims[0].hedges == ("reportedly",) and claims[1].hedges == ()


def test_a_speaker_set_off_by_an_aside_is_attributed():
    # the aside after the name: at the start, at the end, after the verb; with a party and state
    assert [c.speaker for c in _claims(
        "Kevin Werbach, a professor at Wharton School of Business, says the ruling was wrong. "
        "“It is easier said than done,” Ann Abrams, the behavior expert from NYU, said. "
        "“We had to get our members there,” said Sen. John Thune, a Republican from South Dakota. "
        "“It was a terrible idea,” Rep. Tom McClintock, R-Calif., told reporters on Monday. "
        "“It is the one pick-up we figured we would get,” said Sen. Mike Braun (R-Ind.), who beat an incumbent.")] \
        == ["Kevin Werbach", "Ann Abrams", "John Thune", "Tom McClintock", "Mike Braun"]
    assert find_attribution("Hamish de Bretton-Gordon, a former commanding officer, said the attacks were new.") \
        == "Hamish de Bretton-Gordon"
    assert find_attribution("“It is the one pick-up we figured we would get,” said Sen. Mike Braun (R-Ind.), who beat "
                            "an incumbent.") == "Sen. Mike Braun"

    # (and where the outlet left out the aside's closing comma: at the start, or after a quote)
    assert find_attribution("Anne Milgram, a former New Jersey attorney general told CNN the raid was legal.") \
        == "Anne Milgram"
    assert find_attribution("“We want action,” Dan Gross, president of the Brady campaign said Friday.") == "Dan Gross"
    assert find_attribution("John Smith, CEO of Acme Corp. said the plant would close.") == "John Smith"
    # (not where no name, or a body's, comes before the comma, nor where the description ends in a name, nor where
    # the name is inside the sentence)
    for sentence, speaker in [
            ("On Monday, a member of staff at the hotel told reporters it was closed.", "a member of staff at the hotel"),
            ("Los Angeles, law enforcement sources said the suspect had fled.", "law enforcement sources"),
            ("Carter Coal Co., the court said that mining was not commerce.", "the court"),
            ("On Fox News Sunday, strategist Mary Matalin said the public would see it.", "strategist Mary Matalin"),
            ("He met Anne Milgram, the former attorney general said.", "the former attorney general")]:
        assert find_attribution(sentence) == speaker
    assert "Seth Moulton" not in find_attribution("Seth Moulton (D-Mass.), Katie Porter (D-Calif.) and Ayanna Pressley "
                                                  "(D-Mass.) also said they had symptoms.")


def test_a_speaker_named_after_a_description_of_them():
    # a description, then the name between commas; a description of a few words before a name after the verb
    assert [c.speaker for c in _claims(
        "FBI special agent in charge, Matthew DeSarno, said the gunman had been arrested before. "
        "But Bolton's lawyer, Charles Cooper, says Bolton will not appear without a subpoena. "
        "“I think sooner or later Cruz will earn it,” said Iowa evangelical leader Bob Vander Plaats, CEO of the "
        "Family Leader, whose own endorsement went to Cruz. "
        "“He was comforting,” said Sen. Sherrod Brown, who nonetheless said he was “very concerned.”")] \
        == ["Matthew DeSarno", "Charles Cooper", "Bob Vander Plaats", "Sherrod Brown"]
    # not a name and its aside, nor two people joined by "and"
    assert find_attribution("Sen. Dianne Feinstein, California Democrat, said the rule works.") == "Sen. Dianne Feinstein"
    assert find_attribution("Senate Appropriations Committee Chairman Richard Shelby and Sen. Jon Tester, Montana "
                            "Democrat, said things could still work out.") != "Montana Democrat"
    # nor a place after a description; an unnamed speaker is the description ("two officials, who asked not to be
    # named, said" too)
    assert find_attribution("“It is bound to spill over,” said one Iowa Republican, who asked not to be named.") \
        == "one Iowa Republican"
    assert find_attribution("“It works,” said the president of Mexico, Andrés Manuel López Obrador, on Monday.") \
        != "the president of Mexico"
    assert find_attribution("“We are cautious,” said chairman of Goldman Sachs, Lloyd Blankfein, on Monday.") \
        != "chairman of Goldman Sachs"


def test_a_person_a_clause_of_saying_is_about_is_the_speaker():
    assert find_attribution("The comments echo those of his successor, Felipe Calderón, who a week ago asserted that "
                            "Mexico will not pay for a wall.") == "Felipe Calderón"
    assert find_attribution("Investors heard from Dallas Fed President Robert Kaplan, who told CNBC on Friday that "
                            "oil prices would be muted.") == "Dallas Fed President Robert Kaplan"
    # not a place or a party before "who", not a clause with a subject of its own, and "who" is no speaker
    assert find_attribution("Graham was joined by Sen. Lindsey Graham of South Carolina, who traveled to Egypt and "
                            "said it was a coup.") != "South Carolina"
    assert find_attribution("Supporters included Sen. John Thune, South Dakota Republican, who said it works.") \
        != "South Dakota Republican"
    assert find_attribution("Trump also recognized Charles McGee, who he said was one of the last airmen.") \
        != "Charles McGee"
    assert find_attribution("It clashed with the view of Cruz, who vigorously warned against spending.") is None


def test_a_speaker_after_a_lead_phrase_a_conjunction_or_between_quotes():
    assert find_attribution("Asked by a lawmaker about the theory, Mr. Mueller said, “I believe it is not true.”") \
        == "Mr. Mueller"
    # (what follows the verb is too long for a trailing attribution's)
    assert find_attribution("Later Tuesday morning, in an interview with CNN, Corker said Trump “has great difficulty "
                            "with truth on many issues” and that, if he had it to do over, he would not support him "
                            "for president.") == "Corker"
    assert find_attribution("But he said he expects more staff changes.") == "he"
    assert find_attribution("“At the same time,” he said, “exploiting the work is a disservice.”") == "he"
    # (and whom to, where or how)
    assert find_attribution("“We have the momentum,” he told a rally in Las Vegas Sunday, “and we’re going to win.”") \
        == "he"
    # (a quote closed by two apostrophes; a full stop before the next part, where the splitter kept them together)
    assert _speakers("\"Trump believes that Flynn should testify,'' Spicer told reporters Friday. \"What he's "
                     "asking is, 'go testify.' \"") == ["Spicer"]
    assert find_attribution("“He was so comforting,” Goldstein said of Trump. “He brought amazing consolation,”") \
        == "Goldstein"
    assert find_attribution("“Soothing words are nice,” New York Mayor Michael Bloomberg said in a radio interview, "
                            "“but maybe it's time they tell us what they will do.”") \
        == "New York Mayor Michael Bloomberg"
    # (two closing apostrophes for a closing quote)
    assert find_attribution("“It gave me a remarkable sense of calm,’’ he said.") == "he"


def test_an_attribution_the_sentence_goes_on_after():
    assert find_attribution("“Obama took it to the next level and Clinton did not,” Thurman said, noting the Clinton "
                            "team resisted using her Senate campaign or leadership PAC to begin building a national "
                            "voter file before she kicked off her presidential campaign in the spring.") == "Thurman"
    assert find_attribution("“They did not help us in the war,” said Trump, adding that they only fight for "
                            "“their land.”") == "Trump"


def test_how_or_when_it_was_said_is_not_part_of_the_speaker():
    assert find_attribution("Trump repeatedly said the wall would be built.") == "Trump"
    assert find_attribution("California and New York likewise announced that they will sue.") \
        == "California and New York"


def test_what_is_not_a_speaker():
    # a dateline; an object of "urged"; a party and state; a verb phrase; a list's plural noun
    assert find_attribution("DAVOS, Switzerland (Reuters) - Sundar Pichai, the CEO of Alphabet Inc and its Google "
                            "subsidiary, said on Wednesday that health care offers the biggest potential over the next "
                            "five to ten years for using artificial intelligence.") != "DAVOS"
    assert find_attribution("The council, in a statement on Monday, urged Iran, the United States and other "
                            "nations to show restraint while the investigation unfolds.") != "Iran"
    assert find_attribution("Joe Manchin, D-W.Va., and Pat Toomey, R-Pa., announced a bipartisan agreement to expand "
                            "background checks to buyers at gun shows and online, their offices said on Wednesday "
                            "in a joint release.") not in ("D-W.Va.", "R-Pa.")
    assert find_attribution("Mary Cheney, the younger sister of Liz Cheney, a Wyoming Senate candidate, sharply "
                            "criticized her sister’s stance on same-sex marriage and urged her own friends to share "
                            "the message.") is None
    assert find_attribution("Parnas, who is seeking immunity for his testimony, turned over text messages, notes and "
                            "other communications he had with Giuliani.") is None


def test_the_title_a_person_was_named_with_stands_for_that_person():
    cs = _claims("Arkansas Gov. Asa Hutchinson signed the bill on Thursday. President Donald Trump praised it. "
                 "Former Vice President Dick Cheney spoke too. Ryan Zinke, the interior secretary, flew home. "
                 "Pentagon spokesman John Kirby was there. "
                 "The governor said the law was fair. The president said it was great. "
                 "The former vice president said it was wrong. The secretary said nothing new. "
                 "The spokeswoman said the talks were over.")
    assert [c.speaker for c in cs][5:] == ["Asa Hutchinson", "Donald Trump", "Dick Cheney", "Ryan Zinke",
                                           "John Kirby"]
    # with no one named with the title, the title is the speaker, as written
    (c,) = _claims("The mayor said the bridge would reopen in May.")
    assert c.speaker == "mayor"


def test_a_title_stands_for_the_person_the_article_names_most_with_it_and_no_other_role():
    cs = _claims("President Donald Trump spoke on Monday. Trump was angry. Former President Barack Obama replied. "
                 "Turkish President Recep Erdogan called. Attorney General William Barr and Lt. Gov. Dan Patrick "
                 "were there. "
                 "The president said it was over. The former president said it was not. The general said nothing. "
                 "The governor said he would run.")
    assert [c.speaker for c in cs][5:] == ["Donald Trump", "Barack Obama", "general", "governor"]


def test_what_an_aside_gives_a_person_is_their_title_only():
    cs = _claims("Hillary Clinton, the former secretary of state, spoke. Jane Roe, a spokeswoman for the governor, "
                 "spoke. Secretary of State Mike Pompeo spoke. "
                 "The former secretary said it was wrong. The governor said it was right. The state said it would "
                 "appeal. The spokeswoman said no more.")
    assert [c.speaker for c in cs][3:] == ["Hillary Clinton", "governor", "state", "Jane Roe"]


def test_a_statement_or_a_body_named_by_its_kind_is_who_issued_it_or_that_body():
    cs = _claims("Ryan Zinke said in a statement on Friday that the ban would stay. "
                 "“We both believe conservation is critical,” the statement said. "
                 "The U.S. Fish and Wildlife Service issued permits last year. "
                 "On Thursday, the service announced that it would stop.")
    assert [c.speaker for c in cs] == ["Ryan Zinke", "Ryan Zinke", None, "Fish and Wildlife Service"]
    # a document named in passing is no one's, nor is "the government" the last body named
    cs = _claims("The Nunes memo was released on Friday, Paul Ryan said. The memo says the warrant was wrong. "
                 "The Institute of Government and Public Affairs published a study. "
                 "The government said the memo was misleading.")
    assert [c.speaker for c in cs][1:] == ["memo", None, "government"]


def test_a_verb_or_an_adverb_does_not_end_a_speaker():
    assert find_attribution("Obama rejected claims that he betrayed Democrats by cutting a deal.") is None
    assert find_attribution("The newly announced policy applies to the remains of elephants.") is None
    assert find_attribution("The family said the boy was safe.") == "The family"


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in _claims(text)]


def test_she_said_is_not_the_man_who_spoke_last():
    # the woman spoke first, a man after her: "she" is the woman, "he" the man
    assert _speakers("Susan Collins said the vote would be close. Senator John Thune said he had the votes. "
                     "“We will see on Friday,” she said. “I am confident,” he said.") \
        == ["Susan Collins", "John Thune", "Susan Collins", "John Thune"]


def test_a_pronoun_means_the_person_named_since_the_last_speaker_where_the_text_tells_their_sex():
    # an honorific tells: "Ms. Wareham" is who "she notes" means, not Pomper, who spoke before and may be anyone
    assert _speakers("“It will not matter,” Pomper said about the treaty. Ms. Wareham, a campaigner in Geneva, has "
                     "fought it for years. Several allies are signatories, she notes in the report.") \
        == ["Pomper", None, "Wareham"]
    # where nothing tells, the person who spoke stays who "she" means
    assert _speakers("“It will not matter,” Pomper said about the treaty. Wareham, a campaigner in Geneva, has "
                     "fought it for years. Several allies are signatories, she notes in the report.")[-1] == "Pomper"


def test_a_pronoun_means_a_person_just_named_where_no_one_who_may_be_meant_spoke():
    # (before: the man who spoke last; or no one where no one had spoken)
    assert _speakers("Officials said Daniel Morgan will lead the inquiry. Lauren Evans, 19, fled her home on Saturday "
                     "with her two dogs. “It was getting bad,” she said.")[-1] == "Lauren Evans"
    assert _speakers("Lauren Evans, 19, fled her home on Saturday with her two dogs and a cat. "
                     "“It was getting bad,” she said.")[-1] == "Lauren Evans"


def test_a_name_in_a_quote_or_far_back_is_no_ones_antecedent():
    # Barack Obama is named in Christie's words, not as a person the next "he" can mean
    text = ("The governor spoke for an hour. “The new normal is the policy of Barack Obama,” the governor said. "
            "The crowd cheered for a long time at the rally. “We will win,” he said.")
    assert _speakers(text)[-1] != "Barack Obama"
    far = "Maria Lopez was the first to arrive at the scene of the fire on Monday. " \
          + "The crowd grew through the day as more residents came to watch. " * 30 + "“It was terrible,” she said."
    assert _speakers(far)[-1] is None


def test_a_person_of_a_place_or_a_body_is_the_speaker():
    assert _speakers("Margaret Meade of Marshalltown, who identifies as a Democrat, said the senator might have some "
                     "success.") == ["Margaret Meade"]
    assert _speakers("Democratic Sen. Dianne Feinstein of California, who chairs the Senate Intelligence Committee, "
                     "told reporters she expected more information.") == ["Dianne Feinstein"]


def test_a_pronoun_is_not_whom_the_last_speaker_spoke_of():
    # Ryan and Harris are what Odom and Hoyer spoke of, in the sentences they spoke in
    assert _speakers("Eric Odom, a consultant in Wisconsin, confirmed that a businessman would run to oust Mr. Ryan. "
                     "“I have had the privilege of meeting him,” he said.")[-1] == "Eric Odom"
    assert _speakers("Rep. Steny Hoyer said on Tuesday that Mr. Harris likely would not be seated. "
                     "“We would oppose it,” he said.")[-1] == "Steny Hoyer"
    # nor the first person the speaker's sentence names
    assert _speakers("The bill, which Mr. Tom Harris opposed, will pass, Senator Bob Casey said on Friday. "
                     "“It is time,” he said.")[-1] == "Bob Casey"


@pytest.mark.parametrize("text, speaker", [
    # the subject, named first, not the man the sentence also names
    ("The two men met in the Oval Office. On Thursday, President Barack Obama also gave Tim Geithner a send-off at "
     "the White House. “He will go down as one of our finest secretaries,” he said.", "Barack Obama"),
    # not in a clause the sentence opens with
    ("The day was busy. While Mr. Rosenstein was headed to the White House, Mr. Jeff Sessions was speaking with "
     "Mr. Tom Cole in Alabama. “I may need this today,” he said.", "Jeff Sessions"),
    # nor a name qualifying a noun, or owning one
    ("President Donald Trump held a rally. Former Trump strategist Steve Bannon met Mr. Jared Kushner on "
     "Friday. “It is a fight,” he said.", "Steve Bannon"),
    ("President Donald Trump held a rally. After the election, Mr. Trump’s campaign chief Stephen Bannon met "
     "Mr. Jared Kushner. “Darkness is good,” he told the Hollywood Reporter.", "Stephen Bannon"),
    # nor a name in quoted words
    ("The debate was heated. “Mr. Tom Cole has no plan” was how Mr. Bob Casey put it to Mr. Jared Kushner on "
     "Friday. “It is time,” he said.", "Bob Casey"),
    # nor one the pronoun cannot mean
    ("The race was close. Mr. Tom Cole lost to Ms. Karen Handel on Tuesday. “I won,” she said.", "Karen Handel"),
])
def test_a_pronoun_means_the_subject_of_the_sentence_that_names_the_person(text, speaker):
    assert _speakers(text)[-1] == speaker


def test_whom_a_quotation_a_sentence_opens_with_cites_is_not_its_speaker():
    # the words of whom the sentence quotes, not who says them
    assert _speakers("Markets fell on Monday.\n“Most economists actually say we are not going to have a recession.”"
                     )[-1] is None
    assert _speakers("Markets fell on Monday.\n“Senator Schumer says you can’t. Only improve the fence.”")[-1] is None
    # read again outside the quotation
    assert _speakers("Bernie Sanders spoke in Las Vegas on Sunday. “Everything in my political gut tells me that we "
                     "have the momentum here,” he said, “and we’re going to do just fine.”")[-1] \
        == "Bernie Sanders"
    assert _speakers("\"Senator Schumer says you can't,\" Mr. Larry Kudlow said, \"and he knows it.\"")[-1] \
        == "Larry Kudlow"
    # (a name both quoted and outside: the one outside)
    assert _speakers("“Kudlow says it will pass,” Mr. Larry Kudlow said, “and Kudlow is always right.”")[-1] \
        == "Larry Kudlow"


def test_a_quotation_that_goes_on_is_the_speakers_of_the_quote_before_it():
    assert _speakers("“They were partisan,” Ted Olson said in an interview. “They believed in the things they were "
                     "doing.”") == ["Ted Olson", "Ted Olson"]
    # not in the next paragraph, nor after a claim that quotes no one, nor after an unattributed quote
    assert _speakers("“They were partisan,” Ted Olson said in an interview.\n“They believed in the things they "
                     "were doing.”")[-1] is None
    assert _speakers("Ted Olson said the men were partisan. “They believed in the things they were doing.”")[-1] is None
    assert _speakers("The crowd chanted “lock her up” for an hour. “They believed in the things they were "
                     "doing.”")[-1] is None
    # nor where the quotation says whose it is, and that is no one the text names
    assert _speakers("“They were partisan,” the group said in a statement. “We lost,” she said.")[-1] is None


def test_a_man_and_a_woman_of_one_surname_leave_the_surname_open():
    # "Reed" may be either of them: "she said" can still mean the Reed who spoke
    assert _speakers("The dinner was hosted by John Reed and Mary Reed on Friday. Reed said the dinner went well. "
                     "“It was a lovely evening,” she said.")[-1] == "Reed"
    # but a given name still tells: "he" is not Mary Reed
    assert _speakers("The dinner was hosted by John Reed and Mary Reed on Friday. “It was lovely,” Mary Reed said. "
                     "“I agree with her,” he said.")[-1] == "John Reed"


def test_a_title_tells_a_persons_sex_and_an_untyped_word_is_no_ones_antecedent():
    # "Mr." says Kim Lee is a man (news gives "Kim" to men and women): "he said" is him, not the woman who spoke
    assert _speakers("Susan Park said the plan would fail. Mr. Kim Lee, who runs the shop, disagreed with the plan "
                     "on Friday. “It will work,” he said.")[-1] == "Kim Lee"
    # a capitalised word the text gave no type is no person "he" can mean, unless it is the surname of one
    assert _speakers("In a series of tweets, the senator described a Trojan horse scheme at the border. "
                     "“Children are being used,” he wrote.")[-1] != "Trojan"


def test_an_embedded_posts_words_are_its_authors():
    text = ("Trump responded on Twitter on Monday morning.\n"
            "The Mainstream Media is out of control. They lie! pic.twitter.com/abc123 — Donald J. Trump "
            "(@realDonaldTrump) February 12, 2020\n"
            "Today we honor our great troops. — Vice President Mike Pence (@VP) July 13, 2019\n"
            "“You’re getting into details,” Mnuchin says pic.twitter.com/quJC8NHHC8 — Aaron Rupar (@atrupar) "
            "September 22, 2019\n"
            "Officials said the vote would be held on Friday.")
    claims = _claims(text)
    assert [(c.text, c.speaker) for c in claims] == [
        ("Trump responded on Twitter on Monday morning.", "Trump"),
        ("The Mainstream Media is out of control. They lie! pic.twitter.com/abc123", "Donald J. Trump"),
        ("Today we honor our great troops.", "Mike Pence"),
        # what the post says someone said is theirs
        ("“You’re getting into details,” Mnuchin says pic.twitter.com/quJC8NHHC8", "Mnuchin"),
        ("Officials said the vote would be held on Friday.", "Officials")]


def test_an_embedded_instagram_posts_words_are_its_authors_and_its_signature_no_claim():
    text = ("Crowds filled the square at midnight, police said.\n"
            "Happy New Year 2017 from Paris #hny2017 A video posted by Grace Thansuwanwong (@kanttiegirl) on Dec 31, "
            "2016 at 3:12pm PST\n"
            "A photo posted by Ashley Killough (@ashkillough) on Feb 6, 2015 at 2:10pm PST\n"
            "The fireworks lasted an hour.")
    assert [(c.text, c.speaker) for c in _claims(text)] == [
        ("Crowds filled the square at midnight, police said.", "police"),
        ("Happy New Year 2017 from Paris #hny2017", "Grace Thansuwanwong"),
        ("The fireworks lasted an hour.", None)]


def test_a_paragraph_run_into_a_post_is_not_the_posts_author():
    reporting = "The senator spoke to reporters in the hall for a long time about the budget and the vote. " * 4
    claims = _claims("Budget talks\n" + reporting + "We will win. — Jane Doe (@janedoe) May 1, 2020")
    assert claims[-1].speaker == "Jane Doe"
    assert claims[0].speaker is None


def test_a_speaker_after_a_quote_with_a_title_a_description_where_from_or_when():
    assert find_attribution("“He's a tough guy,” said Rep. Steve Scalise of Louisiana, the GOP whip.") \
        == "Rep. Steve Scalise"
    assert find_attribution("“There was very strong feeling,” said Sen. Ben Cardin (D-Md.).") == "Sen. Ben Cardin"
    # (where the quote closed before the sentence's end, or there was none)
    assert find_attribution("“There was very strong feeling” on relations, said Sen. Ben Cardin (D-Md.).") \
        == "Sen. Ben Cardin"
    assert find_attribution("Hundreds of students are enrolled in training, said Base commander Capt. Tim Kinsella.") \
        == "Base commander Capt. Tim Kinsella"
    assert find_attribution("“The time to act is now,” said House Speaker Paul Ryan (R) of Wisconsin just before "
                            "Christmas.") == "House Speaker Paul Ryan"
    assert find_attribution("“I rather doubt it,” said Democratic strategist and CNN contributor Paul Begala, who "
                            "was a top adviser.") == "Democratic strategist and CNN contributor Paul Begala"
    # what it says of someone else, and a title's first word, are no speaker
    assert find_attribution("He has called her “crazy,” said that Rep. Maxine Waters, D-Calif., has a “low-I.Q.,” "
                            "and moved on.") is None
    assert find_attribution("“It was an important year,” said Secretary of State Pietro Parolin, the Vatican’s "
                            "second-ranking official.") != "Secretary"


def test_a_speaker_between_quotes_or_before_a_programme_is_found_past_when_and_where():
    assert find_attribution("“The president and I talked,” Pence said afterward, “and I appreciated it.”") == "Pence"
    assert find_attribution("“There are times when force is necessary,” he said on ABC's “This Week,” referring "
                            "to the protests.") == "he"
    assert find_attribution("“In Georgia we have secure elections,” he told Fox News’ “Fox & Friends” program.") \
        == "he"
    # a phrase in quotes after the verb that is no programme keeps its sentence's clause from being a speaker
    assert find_attribution("Mitt Romney, at a rally on Friday in Virginia, still asserted that Biden had "
                            "“directly contradicted” State Department testimony.") != "still"


def test_a_speaker_after_a_dateline_or_described_by_a_clause_and_an_acronym_that_is_a_word():
    assert find_attribution("WASHINGTON (AP) — President Donald Trump on Wednesday said his administration will "
                            "not consider it.") == "President Donald Trump"
    assert find_attribution("The WHO on Saturday said the number of new cases in China was stabilising.") == "The WHO"
    assert find_attribution("An Israeli driver who witnessed the explosion told Army Radio the bus was charred.") \
        == "An Israeli driver"
    assert find_attribution("You don't necessarily seem like somebody who has somebody who tells you you're wrong a "
                            "lot.") is None
    assert find_attribution("WASHINGTON (Reuters) - Like the deal-maker he says he is, President Donald Trump "
                            "appears to be keeping his options open.") is None


@pytest.mark.parametrize("sentence", [
    "The first ring is Syria, Iraq and the nearby states of Lebanon, Israel and Jordan.",
    "Eight states have laws that technically prohibit atheists from holding office.",
    "The analysis found 32 states are not doing enough to achieve mitigation.",
    "A number of US states have also voted to end prohibition.",
    "Biden notched decisive primary victories in Michigan and three other states.",
    "He resigned in March, following reports that Trump wasn’t willing to listen to his lawyers.",
    "The handwritten notes were submitted by Flynn’s legal team on Wednesday.",
    "Trump’s false or misleading claims about the investigation contributed 1,200 entries.",
    "Continuing claims fell for the week ended May 16 to just over 21 million.",
    "The Gulf states that border Iran fear an attack on their oil fields.",
])
def test_a_plural_noun_spelt_like_a_verb_of_saying_attributes_nothing(sentence):
    assert find_attribution(sentence) is None


def test_the_same_words_as_verbs_of_saying_attribute_and_a_noun_stays_in_a_speaker():
    assert find_attribution("“We are ready,” the report states.") == "the report"
    assert find_attribution("The unverified memo states that the hotel was under FSB control.") == "The unverified memo"
    assert find_attribution("O’Reilly states unequivocally that Steinle is dead because of the policy.") == "O’Reilly"
    assert find_attribution("The Sacramento Bee reports that Luis Bracamontes was sentenced.") == "The Sacramento Bee"
    assert find_attribution("Krugman notes that life expectancy has increased.") == "Krugman"
    assert find_attribution("The senator also notes that the bill would cost $3 billion.") == "The senator"
    assert find_attribution("The research firm estimates that prices will rise.") == "The research firm"
    assert find_attribution("The family claims that the teen was playing a game.") == "The family"
    assert find_attribution("Pyongyang claims to be targeting the U.S. mainland.") == "Pyongyang"
    assert find_attribution("“It is over,” notes Smith.") == "Smith"
    assert find_attribution("In his book, he claims that the law failed.") == "he"
    # (the plural noun is part of the speaker, as written)
    assert find_attribution("Officials in several states said in statements that they had no choice.") \
        == "Officials in several states"
    assert find_attribution("“We had no choice,” officials in several states said.") == "officials in several states"


def test_how_it_was_said_or_a_negation_is_no_part_of_a_speaker_after_a_quote_or_a_list():
    assert find_attribution("“There’s a difference,” Conway helpfully explained after it was over.") == "Conway"
    assert find_attribution("“I could have done better,” Bush reportedly told senior staffers.") == "Bush"
    assert find_attribution("Researchers, advocates and policymakers increasingly say that housing is critical.") \
        == "advocates and policymakers"
    assert find_attribution("Pizzagate, a social-media conspiracy that falsely claimed a pizzeria was a front.") is None
    assert find_attribution("“They don’t say that. Every person there claims to be a conservative.") \
        == "Every person there"
    assert find_attribution("“I can’t say why Mr. Morrison questioned my judgment.”") is None


def test_a_partys_member_from_a_place_is_described_not_the_place():
    assert _speakers("“Tensions are high,” added an Ohio Republican.") == ["Ohio Republican"]
    assert _speakers("“We will not back down,” the California Democrat told CNN on Sunday. “No one is above the law,” "
                     "the Michigan Democrat told reporters.") == ["California Democrat", "Michigan Democrat"]
    assert _speakers("Ohio Republicans said the map was fair.") == ["Ohio Republicans"]


def test_an_article_alone_before_a_participle_is_no_speaker():
    assert find_attribution("The alleged shooter, James Holmes, was armed with an AR-15 assault rifle.") is None
    assert find_attribution("An estimated 3.3 million parents of US citizens would be eligible.") is None
    assert find_attribution("“It is the largest voter bloc,” said Doug Wead, a noted historian, and best-selling "
                            "author.") == "Doug Wead"


def test_a_name_that_qualifies_a_speaker_is_not_the_speaker():
    assert _speakers("The Trump administration argues that the risk is greater. The administration said it would "
                     "appeal.") == ["Trump administration", "Trump administration"]
    assert _speakers("White House officials said the plan would fail.") == ["White House officials"]
    assert _speakers("A senior Obama campaign official said the bounce was small.") == ["senior Obama campaign official"]
    assert _speakers("The House speaker also said the plan would fail.") == ["House speaker"]
    # (a report or a poll is its author's; a name with more after it than a noun is the name)
    assert _speakers("The Reuters report said 30 people died.") == ["Reuters"]
    assert _speakers("David Corn of the progressive Mother Jones magazine claimed on Monday that it was over.") \
        == ["David Corn"]


def test_a_qualified_speaker_is_the_person_named_so_before_and_officials_are_no_he():
    assert _speakers("Pentagon spokesman John Kirby said the plan would fail. The Pentagon spokesman said it again. "
                     "The Kremlin spokesman said it would not.") == ["John Kirby", "John Kirby", "Kremlin spokesman"]
    assert _speakers("Maria Zakharova, the Russian foreign ministry spokeswoman, said it was a lie. The foreign "
                     "ministry spokeswoman said so again.")[1] == "Maria Zakharova"
    # (Kelley is "a Collins campaign spokesman", not the campaign)
    assert _speakers("Kevin Kelley, a Collins campaign spokesman, declined to comment. The Collins campaign says the "
                     "race is close.")[-1] == "Collins campaign"
    assert _speakers("Governor Tom Wolf spoke on Monday. White House aides said the law was clear. “We will win,” "
                     "he said.")[1:] == ["White House aides", "Tom Wolf"]


def test_the_official_is_no_officials_spoken_before():
    assert _speakers("A senior defense official said aid was late. According to Pentagon officials, $1.2 billion "
                     "remains. The official also said 1,200 troops a day were lost.") \
        == ["senior defense official", "Pentagon officials", "senior defense official"]


@pytest.mark.parametrize("sentence", [
    "The indictment recounts an alleged scheme by Parnas and Fruman.",
    "Protesters caused an estimated $100,000 in damage.",
    "Look no further than the alleged anti-Pelosi wing of the party.",
])
def test_an_article_ends_no_speaker(sentence):
    assert find_attribution(sentence) is None or _speakers(sentence) == [None]


def test_the_company_is_no_paper_that_reported_it():
    assert _speakers("Walmart will stop selling the rifles, according to The Hill. “We are joining other "
                     "retailers,” the company said.") == ["The Hill", "company"]


def test_a_first_line_is_the_headline_only_where_the_metadata_gave_none():
    text = "Has the virus in some way helped the air we breathe?\n\nThe air is cleaner than in 2019, scientists said."
    untitled, _ = analyze_article(Article(path="t.txt", text=text))
    titled, _ = analyze_article(Article(path="t.txt", text=text, title="Cleaner air in the lockdown"))
    assert untitled.title == "Has the virus in some way helped the air we breathe?"
    assert titled.title == "Cleaner air in the lockdown"
    assert [c.is_heading for c in titled.claims if c.text.startswith("Has")] == [False]


@pytest.mark.parametrize("sentence", [
    "“Needless to say, the war in Afghanistan was not a war of choice.”",
    "Suffice it to say, the plan failed on Monday.",
    "Sad to say, the plan failed on Monday.",
])
def test_an_idiom_of_saying_names_no_speaker(sentence):
    assert find_attribution(sentence) is None


@pytest.mark.parametrize("sentence, speaker", [
    ("The official, speaking on condition of anonymity, said the talks failed.", "The official"),
    ("The justices, voting 5-4 along ideological lines, said for the first time Monday that the law applies.",
     "The justices"),
    ("Two Republican senators, Mike Lee and Jerry Moran, said the bill did not go far enough.",
     "Two Republican senators"),
    ("The family lawyer, Billy Murphy, said the charges are a first step.", "Billy Murphy"),
    ("The spokesman, senior Justice Department official Bruce Ohr, said the talks failed.", "Bruce Ohr"),
    ("A snow plow driver in Fairfax, Virginia, told CNN that the storm is bad.", "A snow plow driver in Fairfax"),
    ("Two months ago, McConnell, whom the right sees as a problem, told The New York Times that he would win.",
     "McConnell"),
    ("The organization, which will mark its anniversary Jan. 1, has 450 troops in 47 states, said Mark Hancock, its "
     "chief executive.", "Mark Hancock"),
    ("Vice President Mike Pence, who in an Oct. 14, 2016, interview with Fox News claimed the campaign had no "
     "contact, said in a statement Monday that he had not known.", "Vice President Mike Pence"),
])
def test_a_description_set_off_by_an_aside_is_the_speaker_or_the_name_it_gives(sentence, speaker):
    assert find_attribution(sentence) == speaker


def test_a_described_speaker_placed_by_a_name_is_the_description_not_the_place():
    assert _speakers("One voter from Boston, a delegate for Mr. Sanders, says he likes Warren.") \
        == ["One voter from Boston"]
    assert _speakers("One former ambassador to Ukraine told the Times that a cloud hangs over the meeting.") \
        == ["One former ambassador to Ukraine"]
    # (a place after no preposition is the speaker named: "a claim Damascus denied", "the most recent U.S. data")
    assert _speakers("Hariri's allies accused Syria of being behind the killings, a claim Damascus denied.") \
        == ["Damascus"]
    assert _speakers("Half of all visas went to farms, according to the most recent U.S. Citizenship and "
                     "Immigration Services data on approvals.")[0] != "most recent U"


def test_a_time_before_an_aside_is_no_speaker():
    assert find_attribution("Two days later, the senator, who had voted no, said he was undecided.") \
        != "Two days later"


def test_according_to_reads_past_an_abbreviations_full_stop():
    assert find_attribution("The attack killed five, according to U.S. officials.") == "U.S. officials"
    assert find_attribution("The attack killed five, according to Sen. John Smith, R-Ky.") == "Sen. John Smith"
    assert find_attribution("Prices rose, according to a Dec. 3 report by Reuters.") == "a Dec. 3 report by Reuters"
    assert find_attribution("It closed, according to the St. Louis Post-Dispatch.") == "the St. Louis Post-Dispatch"
    # (a sentence's own full stop still ends it)
    assert find_attribution("The attack killed five, according to officials in the U.S.") == "officials in the U.S"


def test_what_stands_between_a_speaker_and_the_verb_is_no_part_of_it():
    # an adverb or a modal before the verb
    assert find_attribution("Rep. Ed Royce, R-Calif., also suggested the U.S. was ill-prepared.") == "Rep. Ed Royce"
    assert find_attribution("Michael McFaul, a former ambassador to Russia, also noted restrictions.") \
        == "Michael McFaul"
    assert find_attribution("Crifasi can say that with certainty because she did the research.") == "Crifasi"
    assert find_attribution("David Byrne may have said it best: “This used to be real estate.”") == "David Byrne"
    # a description's relative clause: a person's, or after "according to" a thing's
    assert find_attribution("It ended, according to a source who said Trump was happy with him.") == "a source"
    assert find_attribution("Confidence rose, according to the latest poll that ended on Sept. 5.") \
        == "the latest poll"
    assert find_attribution("He speaks Japanese, according to people who know him well.") == "people who know him well"
    assert find_attribution("According to that theory, the tariffs are to our benefit.") == "that theory"
    # a time before a pronoun
    assert find_attribution("About an hour later he tweeted: “All of this is fake.”") == "he"
    assert find_attribution("Later he added, “you do not hold people hostage.”") == "he"


def test_a_time_or_a_manner_alone_is_no_speaker():
    # the subject is set off by a relative clause or an aside: the words before the verb are when, not who
    for sentence in ("A student leader, who was listed among the campaign's “steering committee,” later said that "
                     "she had not known.",
                     "Her husband, whom she declined to identify, later told her he was OK.",
                     "Also, one of the bomb victims, who lost both legs, told investigators that he saw it.",
                     "Of course, some of these same outlets have run with stories, also involving anonymous sources, "
                     "about alleged collusion."):
        assert find_attribution(sentence) not in ("later", "Also", "about"), sentence
    # the name the aside is about is the speaker
    assert find_attribution("As we explained before, Condoleezza Rice, Bush’s secretary of State, later wrote that "
                            "Bush wanted an agreement.") == "Condoleezza Rice"
    assert find_attribution("Gen. Abolfazl Shekarchi, the spokesman of the armed forces, earlier denied a missile hit "
                            "the airplane.") == "Gen. Abolfazl Shekarchi"
    assert find_attribution("Senate Majority Leader Mitch McConnell, who voted for the powers, now says he has "
                            "questions.") == "Senate Majority Leader Mitch McConnell"


def test_even_still_or_instead_before_the_verb_is_no_part_of_the_speaker_and_its_is_no_one():
    assert find_attribution("Cole even suggested they might have to win the vote on the floor.") == "Cole"
    assert find_attribution("Pelosi still says the wall is immoral.") == "Pelosi"
    assert find_attribution("David Folkenflik, NPR’s media correspondent, even suggested that Williams has lost all "
                            "credibility.") == "David Folkenflik"
    assert find_attribution("He instead wrote checks to Republican candidates.") == "He"
    for sentence in ("It’s widely believed that Mueller won’t actually indict Trump.",
                     "It's too early to say whether restrictions in Italy are working.",
                     "It’s often said that a picture is worth a thousand words."):
        assert find_attribution(sentence) is None, sentence


def test_the_name_a_description_is_of_is_the_speaker_not_the_body_or_place_describing_them():
    text = ("NBA superstar LeBron James of the Cleveland Cavaliers said anthem kneeling is not disrespectful.\n\n"
            "“It is not going your way,” tweeted Broadway star Lin-Manuel Miranda.\n\n"
            "“I don't care about Mubarak now,” said Cairo resident Akram Karam.\n\n"
            "In a blog post, Azadeh Erfani of the Capital Area Immigrants’ Rights Coalition wrote that it was bad.\n\n"
            "America's National Security Adviser, Susan Rice, said on Twitter that she spoke with him.\n\n"
            "“Not true,” New York state Health Commissioner Dr. Howard Zucker told CNN on Friday night.\n\n"
            "Another Brexit-supporting Tory, Jacob Rees-Mogg, said he had not yet decided which way to vote.\n\n"
            "“We will be in uncharted territory,” said Amrita Sen of consultancy Energy Aspects.\n\n"
            "Neither Baroni nor Wildstein responded to requests for comment.\n\n"
            "CNN's Kaitlan Collins reported that the raid sent him over the edge.\n\n"
            "About 7 percent of executions were botched, according to Austin Sarat's Gruesome Spectacles.\n")
    speakers = [c.speaker for c in _claims(text)]
    assert speakers[:7] == ["LeBron James", "Lin-Manuel Miranda", "Akram Karam", "Azadeh Erfani", "Susan Rice",
                            "Howard Zucker", "Jacob Rees-Mogg"]
    # (not a body named in a description inside another's, nor one name of a list, nor a person's work)
    assert speakers[7] != "Energy Aspects"
    assert speakers[8] != "Wildstein"
    assert speakers[9:] == ["Kaitlan Collins", "Austin Sarat"]


def test_a_verb_before_to_say_or_where_before_the_speaker_is_no_part_of_it():
    assert find_attribution("Trump declined to say how many years he has gone without paying taxes.") == "Trump"
    assert find_attribution("Administration officials declined to say what such steps might be.") \
        == "Administration officials"
    assert find_attribution("Wright then went on to say: “I think I convinced him.”") == "Wright"
    assert find_attribution("The statement went on to say the thefts were meant to interfere.") == "The statement"
    assert find_attribution("The Alabama Attorney General’s Office soon responded: it was wrong.") \
        == "The Alabama Attorney General’s Office"
    assert find_attribution("Their prospects are better in the House, where most analysts say they will win.") \
        == "most analysts"
    # (a pronoun after "where" is its clause's, as before; "want" is a quotation's; "First" is when)
    assert find_attribution("It grew fastest in Libya, where it claims its own province.") is None
    assert find_attribution("I want to say to you that we must face the fact.") is None
    assert find_attribution("Hard to say what happened.") is None


def test_the_subject_of_a_few_words_before_to_say_is_the_speaker():
    assert find_attribution("Tillerson seemed to say something similar.") == "Tillerson"
    assert find_attribution("President Donald Trump goes on television every night to say the same thing.") \
        == "President Donald Trump"
    assert find_attribution("He went so far as to say the outbreak is good.") == "He"
    assert find_attribution("Brantly called his wife to say goodbye.") == "Brantly"
    assert find_attribution("Trump to say in his speech that the economy is strong.") == "Trump"
    # (not a word of the language, nor past an auxiliary, nor where "to" is whom one spoke to)
    for sentence in ("Yet it’s safe to say that each of them hoped.",
                     "Democrats are less apt to say they want their party to win.",
                     "One thing I want to say is that the plan failed.",
                     "He’s willing to say the things everyone is thinking.",
                     "I’m embarrassed to say that there is growing evidence.",
                     "They trot out Juan Williams to say that no one censors him."):
        assert find_attribution(sentence) is None, sentence
    assert find_attribution("James says the week before his son died, he had called his girlfriend several times to "
                            "say he was sad.") == "James"
    assert find_attribution("The reform advocates I spoke to said that a cap is promising.") \
        == "The reform advocates I spoke to"
    assert find_attribution("First reported in January, the company is doing two major things.") is None


def test_a_description_then_a_name_after_an_opening_phrase():
    assert find_attribution("Meanwhile, Trump's personal attorney, Rudy Giuliani, says that he can pardon himself.") \
        == "Rudy Giuliani"
    assert find_attribution("Meanwhile, the deputy director of Metrojet, Viktor Yung, told reporters that he did not "
                            "believe it.") == "Viktor Yung"
    assert find_attribution("In a statement, the national security adviser, John Bolton, said: “Iran will pay.”") \
        == "John Bolton"


def test_a_clause_before_a_pronoun_or_a_relative_names_no_speaker():
    for sentence in ("Whatever he says, it will be well practiced.",
                     "Mr. Trump shook the campaign last year when he announced a list of nominees.",
                     "In the corner, she quietly recorded the raid, photos she gleefully posted online.",
                     "Migrants, most of whom say they are fleeing violence, travel through Mexico.",
                     "Social media users encountered numerous comments that claimed he had said it.",
                     "Pizzagate, a social-media conspiracy that falsely claimed a pizzeria was a front.",
                     "It was a flop for them, a conspiracy theory that claimed he was born abroad."):
        assert find_attribution(sentence) is None, sentence


def test_people_described_by_whom_they_are_close_to_are_not_that_person():
    text = ("Gov. Chris Christie met aides on Monday.\n\n"
            "A source close to Christie said there would probably be some sacrificial firing.\n\n"
            "Allies of Pelosi said she had the votes.\n\n"
            "A spokeswoman for Pelosi said no.\n\n"
            "The head of the FBI said it was fine.\n\n"
            # (a title's place before the person who holds it, a formal title, a name or a body's head: the person)
            "Former special envoy to Ukraine Kurt Volker told lawmakers he never conveyed a linkage.\n\n"
            "Secretary of State John Kerry said the talks would go on.\n\n"
            "Office of Management and Budget Director Mick Mulvaney said the plan was dead.\n\n"
            "Chairman of the Joint Chiefs Gen. Mark Milley said the troops would stay.\n\n"
            "Former Secretary of State Hillary Clinton said she accepts responsibility.\n\n"
            "Director of National Intelligence James Clapper told NBC that Snowden had lied.\n\n"
            "The Center for Responsive Politics says that bundlers raised more.")
    speakers = [c.speaker for c in _claims(text)][1:]
    assert speakers == ["source close to Christie", "Allies of Pelosi", "spokeswoman for Pelosi", "head of the FBI",
                        "Kurt Volker", "John Kerry", "Mick Mulvaney", "Mark Milley", "Hillary Clinton", "James Clapper",
                        "Center for Responsive Politics"]
    from store.claims import _related_to
    assert not _related_to("Thrush in a statement to Vox".split())
    assert not _related_to("He appeared with Obama at a White House event".split())


@pytest.mark.parametrize("sentence, speaker", [
    ("MOSCOW, Dec 18 (Reuters) - Russia's defence ministry said on Wednesday it had destroyed 40 drones.",
     "Russia's defence ministry"),
    ("SEOUL, Dec. 17 (Yonhap) -- North Korea said it would respond to the drills.", "North Korea"),
    ("KYIV, Ukraine (AP) — Drones hit the region overnight, wounding one woman, the regional governor said.",
     "the regional governor"),
    ("NEW YORK (CNNMoney) - Apple said sales rose.", "Apple"),
])
def test_a_wire_dateline_names_the_agency_not_the_speaker(sentence, speaker):
    assert find_attribution(sentence) == speaker


def test_a_capitalised_title_is_a_description_of_a_person_not_the_place_or_body_in_it():
    assert _speakers("Israel and Hamas agreed to a ceasefire, Qatar's Prime Minister said on Wednesday. "
                     "The first phase will last six weeks, he said.") == ["Qatar's Prime Minister"] * 2
    assert _speakers("The Senate Majority Leader said the vote would wait.") == ["Senate Majority Leader"]
    assert _speakers("“The vote will wait,” the Senate Majority Leader said.") == ["Senate Majority Leader"]
    assert _speakers("Senate Majority Leader Mitch McConnell spoke first. "
                     "The Senate Majority Leader said the vote would wait.") == [None, "Mitch McConnell"]
    # (a body whose name ends in a title's word is the body)
    assert _speakers("The Office of Legal Counsel said in a memo that a president cannot be indicted.") == \
        ["Office of Legal Counsel"]
    assert _speakers("A research review by the Brennan Center for Justice said crime fell.") == ["Brennan Center"]


def test_what_was_said_in_the_passive_is_its_agents():
    assert _speakers("The deal was announced by Qatar’s Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani "
                     "in Doha.") == ["Mohammed bin Abdulrahman Al Thani"]
    assert _speakers("The letter was first reported by The New York Times.") == ["New York Times"]
    assert _speakers("The suspect was described by police as a man in his forties.") == ["police"]
    # (not an appointment, nor a writer's "as has been stated by …", nor what something merely shows)
    assert _speakers("She was confirmed by the Senate on Tuesday.") == [None]
    assert _speakers("As has been stated by many scholars, the plan is legal.") == [None]
    assert _speakers("The preference here is revealed by the intensity of the second guessing.") == [None]


def test_he_or_she_is_no_described_speaker_but_a_person_named():
    assert _speakers("His capture was announced by Pakistan's military. "
                     "“I have not abandoned my desire for a peaceful life,” he said.") == ["Pakistan's military", None]
    # (a name the text gave no type, with a particle in it)
    assert _speakers("Hamish de Bretton-Gordon, a former commanding officer at the Joint Chemical Biological "
                     "Radiological Nuclear Regiment, said the attacks were the worst since the 1980s. "
                     "“It is very evident,” he said.") == ["Hamish de Bretton-Gordon"] * 2


@pytest.mark.parametrize("sentence, speaker", [
    ("The troops will leave by March, the official, speaking on condition of anonymity, told Reuters.",
     "the official"),
    ("The troops will leave by March, two officials, who asked not to be named, said on Monday.", "two officials"),
    ("“It will not happen,” a senior official, who was not authorized to speak publicly, told reporters.",
     "a senior official"),
    ("The talks failed, a diplomat, speaking anonymously because the talks were private, said.", "a diplomat"),
    # (and after its verb: who the speaker is, then)
    ("“It will not happen,” said the senior official, who asked not to be named.", "the senior official"),
    ("“Once you have the study, you can point to it,” said one lobbyist, who likened it to the Abramoff scandal.",
     "one lobbyist"),
    ("“Carly, hands down,” added a New Hampshire Democrat, who responded via an online survey.",
     "a New Hampshire Democrat"),
    ("“I think Boehner knows it,” says a Republican House member, speaking on background.",
     "a Republican House member"),
    ("“We will see,” said a senior diplomat, talking on condition of anonymity.", "a senior diplomat"),
    # (and a clause before a described speaker and an aside is no speaker)
    ("The talks failed, the minister, a veteran diplomat, said.", "the minister"),
    ("The troops will leave by March, the minister, a veteran diplomat, said.", "the minister"),
    # (but a description with a participle in it is one, and the aside after it none)
    ("A man accused of murder, the father of two, said he was innocent.", "A man accused of murder"),
    ("The plan was approved in March, the report, released on Tuesday, said.", "the report"),
    ("The spokesman, a retired general, a veteran of two wars, said the talks failed.", "The spokesman"),
    ("“We will not give up,” two officials, who asked not to be named, said on Monday.", "two officials"),
    ("“We will not give up,” a diplomat, speaking anonymously, said.", "a diplomat"),
])
def test_an_unnamed_source_at_the_end_and_its_reason_is_the_speaker_not_the_clause_before(sentence, speaker):
    assert find_attribution(sentence) == speaker


def test_a_lists_number_alone_is_no_claim_but_a_short_figure_with_words_is():
    assert [c.text for c in _claims("Storm hits the coast\n1.\nThe storm killed 12 people.\n2.\n12 dead.")] == \
        ["Storm hits the coast", "The storm killed 12 people.", "12 dead."]


def test_a_named_speakers_sex_is_read_past_the_titles_before_the_given_name():
    # ("MP Simon Clarke" is a man: "she" is the woman named before him)
    assert _speakers("Prime Minister Theresa May urged MPs to back the deal. Conservative MP Simon Clarke said a "
                     "majority would vote against it. “This is the moment,” she said.")[2] == "Theresa May"


@pytest.mark.parametrize("sentence, speaker", [
    # the first "…, X said" of a sentence names no one: a later one may
    ("The plan, which Republicans said would cut taxes, is dead, Schumer said.", "Schumer"),
    ("Four wineries had suffered “total losses,” and nine reported damage to their vineyards, the group said.",
     "the group"),
    ("Some could not obtain insurance because they were denied coverage, or could not afford it, Obama said.",
     "Obama"),
    # (but only after a comma, and where its words begin as a speaker's do)
    ("In interviews, the reports show that CGI argued a deadline was impossible, given how complex the government "
     "said the site needed to be.", None),
    ("She never engages with examples, instead pivoting to say that actually, free speech hurts oppressed people (a "
     "notion that is, let us say, dubious).", None),
    ("The government insisted this was mere coincidence, but Mr. Schumer’s remarks revealed the fire under the "
     "smoke.", "The government"),
    # (nor does a speaker end in a preposition)
    ("Doctors were alarmed, and a number of new patients were admitted, the number of confirmed cases now exceeds "
     "500.", None),
    # a full stop of letters or of "St." ends no clause before a speaker
    ("The toll “looks more like 60,000” that U.S. officials previously estimated, Fauci said.", "Fauci"),
    ("A senior U.S. intelligence official said Monday there were no plans to scrap the programs.",
     "A senior U.S. intelligence official"),
    ("Adjunct General David S. Baldwin said the helicopters will be available.", "Adjunct General David S. Baldwin"),
    ("As St. Louis Public Radio reported, Democrats succeeded in changing a provision.", "St. Louis Public Radio"),
])
def test_a_trailing_speaker_is_found_past_a_clause_that_names_none_and_past_a_letters_full_stop(sentence, speaker):
    assert find_attribution(sentence) == speaker


@pytest.mark.parametrize("sentence, speaker", [
    ("But U.S. officials say the two governments are looking for a different location.", "U.S. officials"),
    ("And pollster Frank Luntz tweeted that the debate would hurt the party.", "pollster Frank Luntz"),
    ("But then U.S. Secretary of State John Kerry said no.", "U.S. Secretary of State John Kerry"),
    ("Yet officials insisted on the roll-out anyway.", "officials"),
    ("Still others say it discriminates against the poor.", "others"),
])
def test_a_conjunction_before_a_leading_speaker_is_no_part_of_it(sentence, speaker):
    assert find_attribution(sentence) == speaker


@pytest.mark.parametrize("sentence, speakers", [
    # a verb of saying joined to the first verb of a sentence is its subject's
    ("Sen. Marco Rubio took to Twitter Tuesday and said Iran was directly responsible.", {"Sen. Marco Rubio"}),
    ("He was unable to provide details, but said Thursday he was working on it.", {"He"}),
    ("Mexico did not single out Mr. Trump for blame, but said it would push for dialogue.", {"Mexico"}),
    ("Mr. Trump himself hadn’t specified the changes, but said “we have rejiggered it” for the opponents.",
     {"Mr. Trump"}),
    # (not a word of the language that begins the sentence, nor "It")
    ("Unemployment peaked at 10 percent in his first term but since then, the economy has reclaimed and added 13.2 "
     "million jobs.", {None}),
    ("During the weeks Trump downplayed the epidemic and told Americans not to worry, he called it a virus.", {None}),
    ("It was also nice when Nancy Pelosi embraced the remarks and said she prays for him.", {None, "Nancy Pelosi"}),
    # (nor a name that only begins the subject: a list's, a possessive's, one before a noun of people)
    ("Pelosi and Schumer met and said the talks failed.", {None, "Pelosi and Schumer"}),
    ("Trump's lawyer met Mueller and said no.", {None, "Trump's lawyer"}),
    ("Republican senators met privately, but said there was no resolution.", {None, "Republican senators"}),
    ("White House spokeswoman Joanna Rosholm disputed the comment and said a bill was needed.",
     {None, "White House spokeswoman Joanna Rosholm"}),
    ("Fed chairman Jerome Powell spent three hours before the Senate Banking Committee on Tuesday and said rates would "
     "stay low.",
     {None, "Fed chairman Jerome Powell"}),
])
def test_the_subject_of_a_verb_of_saying_joined_to_the_first_verb_is_the_speaker(sentence, speakers):
    assert find_attribution(sentence) in speakers


@pytest.mark.parametrize("sentence, speaker", [
    # a speaker after an opening phrase of where, when or how it was said
    ("On Capitol Hill, Republican Sen. John McCain of Arizona said, “It's just foolish.”",
     "Republican Sen. John McCain of Arizona"),
    ("Speaking in his first interview since becoming prime minister, Haider al-Abadi told state television that he "
     "had approved the strikes.", "Haider al-Abadi"),
    ("Asked by reporters Tuesday if she is feeling pressure to pursue impeachment, Pelosi said, “No.”", "Pelosi"),
    ("This week, the foreign minister told reporters the talks would resume.", "the foreign minister"),
    # a clause the sentence opens with
    ("If Congress were to pursue a bill to add oversight to staffing shake-ups in the inquiry, Turley says there "
     "could be a “credible challenge to the bills, and it may be a toss-up when it gets to the Supreme Court.”",
     "Turley"),
    ("Although the travel ban is facially legitimate, the majority says, it is not bona fide, because there's \"ample "
     "evidence\" of \"bad faith.\"", "the majority"),
    # (not "This" before anything but a time, nor a name that ends in "ing")
    ("This little funding snafu is going to tweak Trump, who's been obsessed with building the wall since the day he "
     "announced his candidacy.", None),
    ("Beijing ordered a complete lockdown in Wuhan and other cities on Jan. 23, about halfway into the first 25 days "
     "of reported community transmission.", None),
])
def test_a_speaker_after_an_opening_phrase_of_where_when_or_how(sentence, speaker):
    assert find_attribution(sentence) == speaker



@pytest.mark.parametrize("sentence, speaker", [
    ("House Foreign Affairs Committee Chairman Ed Royce, R-Calif., said “the answer is more pressure.”",
     "House Foreign Affairs Committee Chairman Ed Royce"),
    ("Speaker of the House Nancy Pelosi, D-Calif., said last week that the checks should be sent.",
     "Speaker of the House Nancy Pelosi"),
    ("Sen. Dianne Feinstein of California, who chairs the committee, told reporters she expected it.",
     "Sen. Dianne Feinstein of California"),
    ("Sen. John McCain, R-Ariz., speaking on CNN's State of the Union, said the U.S. needs a czar.",
     "Sen. John McCain"),
    # (but a name, then a description with an aside, is the name's; two people are neither's)
    ("Bob Pinnegar, CEO of the National Apartment Association, which has 81,000 members, said April was good.",
     "Bob Pinnegar"),
    ("Joe Manchin, D-W.Va., and Pat Toomey, R-Pa., announced a bipartisan agreement.", None),
])
def test_a_name_with_a_long_title_or_where_it_is_from_then_an_aside_is_the_speaker(sentence, speaker):
    assert find_attribution(sentence) == speaker


@pytest.mark.parametrize("sentence, speaker", [
    ("“It was wrong,” said his sister, Brandy Peek.", "Brandy Peek"),
    ("The men will be freed, said North Korea’s official news agency, KCNA.", "KCNA"),
    ("“We tried to win Iowa,” said Sanders’ senior strategist, Tad Devine.", "Tad Devine"),
    # (not where they are from, nor their party)
    ("The man fled, said police in Wasilla, Alaska.", None),
    ("“It is over,” says voter Cheryl Clukey of Augusta, Maine.", "voter Cheryl Clukey"),
    ("“It is over,” said committee Chairman Tom Price, Georgia Republican.", "committee Chairman Tom Price"),
    # (nor a name, then its title: the name is the speaker)
    ("“We won,” said Sen. Chuck Schumer, Minority Leader.", "Sen. Chuck Schumer"),
])
def test_a_description_after_the_verb_then_the_name_it_describes_is_the_name(sentence, speaker):
    assert find_attribution(sentence) == speaker


@pytest.mark.parametrize("sentence, speaker", [
    # what one issues says what one says
    ("The White House issued a statement this morning saying the president was aware.", "The White House"),
    ("Obama issued a statement condemning the killing.", "Obama"),
    ("Harvard University released a letter asking him to explain his comments.", "Harvard University"),
    # a clause before "as", then the subject that names someone
    ("The announcements came as Khashoggi’s family released a statement saying they are traumatized.",
     "Khashoggi’s family"),
    ("Fellow Republicans nodded as Collins said the GOP will take their case to voters.", "Collins"),
    ("But reclassifying their deaths as related to the coronavirus suggests the virus had spread.", None),
    # (not "as far as", "such as")
    ("Garza even went as far as to say that prayer would help.", "Garza"),
    ("Republicans such as Sen. Susan Collins said it would pass.", "Susan Collins"),
    ("Democrats such as Nancy Pelosi argued that the bill would fail.", "Democrats such as Nancy Pelosi"),
])
def test_a_statement_issued_and_a_subject_after_a_clause_of_as(sentence, speaker):
    assert find_attribution(sentence) == speaker


def test_a_statement_issued_speaks_for_its_issuer():
    assert _speakers("Senator John Smith issued a statement on Monday condemning the strikes. “They are a dangerous "
                     "expansion of the war,” the statement said.") == ["John Smith", "John Smith"]


def test_one_opening_phrase_is_read_past():
    assert find_attribution("In Paris, on Monday, speaking to reporters, the minister said the talks failed.") == \
        "the minister"
    # (one only: what follows a second is no sentence's start)
    assert find_attribution("In a, " * 50 + "the minister declined.") is None


@pytest.mark.parametrize("sentence, speaker", [
    ("Judd has since said she will not run.", "Judd"),
    ("Obama has long argued that diplomacy is the best way to prevent Iran from building a bomb.", "Obama"),
    ("Several insurers have already announced that they would keep young adults on their parents’ plans.",
     "Several insurers"),
    ("Warren opposed the trade pact and has said she would block all new trade deals.", "Warren"),
    ("Indeed, a conservative movement leader told Axios’s Jonathan Swan that Rosenstein is “becoming a conversation "
     "at every conservative gathering.”", "a conservative movement leader"),
])
def test_a_speaker_before_since_already_or_long_and_after_indeed(sentence, speaker):
    assert find_attribution(sentence) == speaker


def test_a_possessive_pronouns_office_or_lawyer_is_its_owners():
    # the owner named before it in the sentence, else whom the pronoun means
    assert _speakers("House Speaker John Boehner met Obama on Monday. Boehner offered a counter proposal on Tuesday, "
                     "his office said.") == [None, "Boehner’s office"]
    assert _speakers("Sen. Claire McCaskill spoke on Monday. Her office said she was unavailable.") == \
        [None, "Claire McCaskill’s office"]
    # ("her" is no man's; "its" is a body's or a place's, even one that has not spoken)
    assert _speakers("Sen. Claire McCaskill spoke on Monday. His office said he was unavailable.") == [None, None]
    assert _speakers("The Russian Defense Ministry issued a statement. Its spokesman said the strikes hit 30 "
                     "targets.") == ["Russian Defense Ministry", "Russian Defense Ministry’s spokesman"]
    assert _speakers("Ukraine pushed back on Monday, its general staff said.") == ["Ukraine’s general staff"]
    # (only people or a body that speak for the owner: "his critics said" is not his)
    assert _speakers("Trump spoke on Monday. His critics said the plan would fail.") == [None, None]


def test_a_possessive_pronouns_owner_is_not_in_a_quotation_and_may_be_the_sentences_untyped_subject():
    assert _speakers("Gov. Chris Christie spoke on Monday. “The review will uncover the facts about the lane closures "
                     "in Fort Lee,” his office said.")[1] == "Chris Christie’s office"
    assert _speakers("Phillipos was at the university by coincidence on April 18, his lawyers said.") == \
        ["Phillipos’s lawyers"]


def test_a_possessive_pronoun_means_an_owner_it_can_be():
    assert _speakers("Instagram was down for hours on Monday, its parent company said.") == ["Instagram’s parent company"]
    # (no woman's "his office"; nor a title's "Her Majesty's government")
    assert _speakers("Claire McCaskill voted against the bill on Monday, his office said.") == [None]
    assert _speakers("Theresa May spoke on Monday. Her Majesty’s government said the talks would resume.") == [None, None]


def test_a_building_is_where_people_spoke_not_who():
    # the person named beside it speaks, not "Capitol Hill" (nor "Trump Tower": "in his Trump Tower office")
    assert _speakers("Trump and his Republican allies on Capitol Hill say the inquiry is illegitimate.") == ["Trump"]
    assert _speakers("In an interview in his Trump Tower office, Trump said he expected to face Biden.") == ["Trump"]


def test_an_office_then_its_holder_named_with_a_title_is_the_holder():
    assert _speakers("Earlier Friday, chairman of the House Intelligence Committee Rep. Adam Schiff (D-Calif.) "
                     "revealed that his committee had begun searching for witnesses.") == ["Adam Schiff"]
    # (people related to a body are still described: no one named with a title follows it)
    assert _speakers("A source close to the House Foreign Affairs Committee said the bill was dead.") \
        == ["source close to the House Foreign Affairs Committee"]
    assert _speakers("People close to the Texas governor and his wife said the plan was dead.") \
        == ["People close to the Texas governor and his wife"]
    assert _speakers("A senior adviser to Mayor Bill de Blasio said the plan was dead.") \
        == ["senior adviser to Mayor Bill de Blasio"]


def test_a_titled_name_after_for_or_to_is_whom_the_speaker_works_for():
    # the full stop of "Sen." is no sentence's end before a trailing "Ted Cruz said"
    assert find_attribution("A spokesman for Sen. Ted Cruz said he would vote no.") == "A spokesman for Sen. Ted Cruz"
    assert find_attribution("The bill is dead, a spokeswoman for Rep. Nancy Pelosi said.") \
        == "a spokeswoman for Rep. Nancy Pelosi"
    assert find_attribution("Fanned out were veterans and what Gen. Mike Flynn said were 17 winners.") is None
    assert find_attribution("An aide to Rep. Nancy Pelosi said the vote was set.") == "An aide to Rep. Nancy Pelosi"
    # a titled name after other words still speaks
    assert find_attribution("In back-to-back speeches, Ann Romney talked about love and New Jersey Gov. Chris Christie "
                            "said that respect was more important.") == "Chris Christie"
    assert find_attribution("“Why doesn’t he want to release them?” Mrs. Clinton said on Wednesday.") == "Mrs. Clinton"
