"""Cleaning and sentence splitting, on small texts written here."""
import pytest

from store.text import clean, sentences, split_sentences


def _sents(text: str) -> list[str]:
    c = clean(text)
    return [text[s.start:s.end] for s in sentences(text, c.furniture, c.title)]


def _furniture(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start:f.end]) for f in clean(text).furniture]


def _assert_furniture_and_reporting(lines: dict[str, str], reporting: list[str]) -> None:
    """Each of `lines`, set among reporting lines, is furniture of its kind; each line of `reporting` is a sentence
    of reporting, whole."""
    text = "\n".join(["Storm hits the coast", "The storm killed 12 people, officials said.", *lines, *reporting])
    assert dict((t, k) for k, t in _furniture(text)) == lines
    assert _sents(text)[1:] == ["The storm killed 12 people, officials said.", *reporting]


def test_abbreviations_do_not_end_sentences():
    text = "Gen. Pat Ryder spoke in the U.S. capital on Dec. 17 about it. Mr. Smith disagreed with Dr. Jones."
    assert _sents(text) == ["Gen. Pat Ryder spoke in the U.S. capital on Dec. 17 about it.",
                            "Mr. Smith disagreed with Dr. Jones."]


def test_initialism_at_sentence_end_splits_before_a_new_sentence():
    text = "The troops came from the U.S. The Pentagon confirmed it later that day."
    assert _sents(text) == ["The troops came from the U.S.", "The Pentagon confirmed it later that day."]


def test_quote_spanning_two_sentences_stays_one_claim():
    text = ("“We do believe they suffered losses. I would say several dozens,” John Kirby said. "
            "He left soon after that.")
    assert _sents(text) == ["“We do believe they suffered losses. I would say several dozens,” John Kirby said.",
                            "He left soon after that."]


def test_mismatched_quote_marks_still_close():
    text = '"But it is hard. I would say dozens.” Then the briefing ended abruptly.'
    assert _sents(text) == ['"But it is hard. I would say dozens.”', "Then the briefing ended abruptly."]


def test_ellipsis_inside_word_run_is_not_a_boundary():
    text = '"We assess they fought in Kursk...we have indications of casualties," he said.'
    assert len(_sents(text)) == 1


def test_headline_without_full_stop_is_its_own_sentence_and_the_title():
    text = "Troops suffer heavy losses, officials say\nThe army said on Monday that 30 soldiers died."
    c = clean(text)
    assert c.title is not None and text[c.title[0]:c.title[1]] == "Troops suffer heavy losses, officials say"
    assert _sents(text) == ["Troops suffer heavy losses, officials say", "The army said on Monday that 30 soldiers died."]


def test_first_line_ending_in_a_full_stop_is_not_a_title():
    text = "The army said on Monday that 30 soldiers died.\nOfficials gave no other details."
    assert clean(text).title is None


@pytest.mark.parametrize("headline", ["Shooting Brings Rare Comity to the Capital, but Will It Last?",
                                      "Who is Dave Brat?", "Gay Marriages Get Recognition From the I.R.S.",
                                      "Former Mexican President Fox to Trump: We won't pay for 'that wall!'"])
def test_a_headline_that_ends_like_a_sentence_is_the_title_when_a_paragraph_of_its_own(headline):
    text = f"{headline}\n\nWASHINGTON — The lawmakers met on Thursday, officials said.\nThey left at noon."
    c = clean(text)
    assert c.title is not None and text[c.title[0]:c.title[1]] == headline
    # (not run into the next line, nor where the metadata gave the headline: the text then begins with the story)
    assert clean(text.replace("\n\n", "\n", 1)).title is None
    assert clean(text, titled=True).title is None
    # (nor a sentence of the story that is a paragraph of its own)
    assert clean("The army said on Monday that 30 soldiers died.\n\nOfficials gave no other details.").title is None


def test_page_furniture_is_found_and_metadata_kept():
    text = "\n".join([
        "Storm hits the coast",
        "Published: 17 Dec. 2024, 10:23",
        "- JANE DOE",
        "- [email protected]",
        "Audio report: written by reporters, read by AI",
        "The storm killed 12 people, officials said.",
        "Read also:",
        "- Another story about storms",
        "<image>data:image/png;base64,iVBORw0KGgo=</image>",
        "You could close this page. Or you could join our community and help us produce more materials like this.",
        "To write comments, please log in to one of the accounts.",
        "Standards Board Policy (0/250자)",
    ])
    c = clean(text)
    kinds = {text[f.start:f.end]: f.kind for f in c.furniture}
    assert kinds["Published: 17 Dec. 2024, 10:23"] == "dateline"
    assert kinds["Audio report: written by reporters, read by AI"] == "audio"
    assert kinds["- Another story about storms"] == "related"
    assert kinds["Read also:"] == "related"
    assert "image" in kinds.values()
    assert kinds["To write comments, please log in to one of the accounts."] == "comments"
    assert kinds["Standards Board Policy (0/250자)"] == "comments"
    assert c.published == "2024-12-17"      # (as the export gives dates: "Published: 17 Dec. 2024, 10:23")
    assert c.author == "Jane Doe"
    assert _sents(text) == ["Storm hits the coast", "The storm killed 12 people, officials said."]


def test_captions_advert_lines_read_more_links_newsletters_and_follow_lines_are_furniture():
    lines = {
        "Image copyright Reuters Image caption Michael Cohen works as a lawyer for President Donald Trump": "image",
        "Enlarge this image toggle caption Saul Loeb/AFP/Getty Images Saul Loeb/AFP/Getty Images": "image",
        "Photo: Protesters outside the court on Monday.": "image",
        "Advertisement": "advert",
        "Advertisement Continue reading the main story": "advert",
        "Story continues below advertisement": "advert",
        "Has Isis been defeated in Syria, as Trump claims? Read more": "related",
        "READ: Poland’s far-right used Independence Day to rally against gay rights": "related",
        "POLITICO Playbook newsletter Sign up today to receive the #1-rated newsletter in politics Email Sign Up": "promo",
        "Stay up to date... Sign up for our new newsletter. Join us on Twitter and Facebook": "promo",
        "Follow him on Twitter @RevJJackson.": "byline",
        "Follow @SusanPage on Twitter.": "byline",
        "Jack Dorsey announced the ban in a tweet thread. PRAKASH SINGH/AFP/Getty Images": "image",
        "Rep. Kyrsten Sinema, D-Ariz. (Photo: Rich Fury, Getty Images for Human Rights Campaign)": "image",
        "Read more from our diplomatic correspondent": "related",
        "Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Policy": "promo",
        "Email him at will.oremus@slate.com or follow him on Twitter.": "byline",
        "EJ Montini is a columnist for The Arizona Republic. Follow him on Twitter: @ejmontini": "byline",
        "Vice President Mike Pence, center, accompanied by his Chief of Staff Marc Short, second from left, leaves the "
        "U.S. Capitol building on Capitol Hill in Washington, Tuesday, March 12, 2019, after a long meeting with "
        "senators about the budget. (AP Photo/Andrew Harnik)": "image",
        "FILE - In this Jan. 4, 2020, file photo a sign for Fort Bragg, N.C., is shown.": "image",
        "Rob Porter departs Air Force One in Morristown, N.J., in August 2017. (Reuters photo: Jonathan Ernst)": "image",
        "(RELATED: NYT Devotes Front-Page Coverage To Irrelevant Fake News Site)": "related",
        "[Read: The world John Lewis helped create]": "related",
        "( PHOTOS: Republicans, 2016 contenders)": "related",
        "( QUIZ: How well do you know the candidates?)": "related",
        "PHOTOS: Best handguns ever made": "related",
        "Photos: WikiLeaks founder Julian Assange Photos: WikiLeaks founder Julian Assange WikiLeaks founder Julian "
        "Assange speaks to the media in London in May 2017. He has been a key figure in major leaks. Hide Caption 1 "
        "of 22 Photos: WikiLeaks founder Julian Assange The site published documents.": "gallery",
        "SCHIFF SAYS 'WE' DIDN'T TALK TO WHISTLEBLOWER -- THEN BACKTRACKS": "related",
        "Obama met Estonia's prime minister in Tallinn on September 3. Hide Caption 15 of 21 Photos: Obama in Europe "
        "President Obama speaks.": "gallery",
        "JUST WATCHED How the Macron-Trump bromance evolved Replay More Videos ... MUST WATCH How it evolved 01:51":
            "gallery",
    }
    reporting = [
        "Lawmakers said the short subheading stays",
        "The photo showed the president at the border, officials said.",
        "\"I will read more,\" he said, and urged others to Read more",
        "Officials said they would follow him on the trip to Twitter's offices in San Francisco and then go home.",
        "The newsletter reported on Monday that the senator had signed the bill.",
        "The photo was distributed by Getty Images.",
        "The agency sold the image to Getty Images and to AP",
        "Trump urged supporters to follow him on Twitter.",
        "Thus, Carlson had to read more of their radical demands:",
        "The senator said the vote would happen on Tuesday (Reuters).",
        "He said it was the WORST DEAL EVER, and NATO agreed.",
        "(Photos of the rally were shared widely: the crowd was larger than expected.)",
    ]
    _assert_furniture_and_reporting(lines, reporting)


def test_an_article_written_in_capitals_is_reporting():
    text = "STORM HITS THE COAST\nTHE STORM KILLED 12 PEOPLE, OFFICIALS SAID ON MONDAY.\nTHE GOVERNOR DECLARED AN EMERGENCY."
    assert not [f for f in clean(text).furniture if f.kind == "related"]
    assert _sents(text)[-2:] == ["THE STORM KILLED 12 PEOPLE, OFFICIALS SAID ON MONDAY.", "THE GOVERNOR DECLARED AN EMERGENCY."]


def test_related_headline_glued_to_the_next_sentence_is_cut_at_the_join():
    text = ("SEE ALSO: Why The Troops Will Struggle Against UkraineWith estimates rising, "
            "reports suggest more than 11,000 soldiers are there.")
    fur = _furniture(text)
    assert fur == [("related", "SEE ALSO: Why The Troops Will Struggle Against Ukraine")]
    assert _sents(text) == ["With estimates rising, reports suggest more than 11,000 soldiers are there."]


def test_quotes_with_appeal_words_are_reporting_not_furniture():
    text = '“We need your support and our allies must help us,” the president said in a speech to parliament.'
    assert _furniture(text) == []


def test_offsets_index_the_text():
    text = "  First sentence here.  Second one follows!\n\nThird line without stop"
    for s, e in split_sentences(text, 0, len(text)):
        assert text[s:e] == text[s:e].strip()
        assert s < e


def test_a_headline_fused_to_the_next_sentence_is_split_at_the_capital():
    t = "Drones Strike Against UkraineWith estimates of losses rising, officials met."
    assert [t[a:b] for a, b in split_sentences(t, 0, len(t))][0] == "Drones Strike Against Ukraine"


def test_a_word_news_writes_as_one_is_not_split_at_its_inner_capital():
    # "BuzzFeed", "WikiLeaks", "ObamaCare" are words of their own, not a headline glued to a sentence
    t = ("Peter Carr told BuzzFeed News on Friday that the report was wrong. He spoke to WikiLeaks founder Julian "
         "Assange about ObamaCare. Drones Strike Against UkraineWith estimates of losses rising, officials met.")
    assert [t[a:b] for a, b in split_sentences(t, 0, len(t))] == [
        "Peter Carr told BuzzFeed News on Friday that the report was wrong.",
        "He spoke to WikiLeaks founder Julian Assange about ObamaCare.",
        "Drones Strike Against Ukraine", "With estimates of losses rising, officials met."]
    text = "SEE ALSO: Why BuzzFeed Will Struggle Against UkraineWith estimates rising, reports suggest more."
    assert _furniture(text) == [("related", "SEE ALSO: Why BuzzFeed Will Struggle Against Ukraine")]


def test_share_links_file_photos_credits_update_notes_and_app_promos_are_furniture():
    lines = {
        "Read or Share this story: https://usat.ly/2sVlTpp": "related",
        "NOW WATCH: ‘5 Things You Need To Know About Judge Brett Kavanaugh’": "related",
        "FILE PHOTO: An unidentified voter casts his ballot at a local polling station in Miami November 2, 2010. "
        "REUTERS/Hans Deryk": "image",
        "The “war” on Covid-19: A National Guard member stops traffic in New Rochelle. (John Moore / Getty Images)":
            "image",
        "A mat at an immigration rally in New York, March 3, 2017. (Carlo Allegri/Reuters)": "image",
        "Associated Press photographer Alex Brandon in Washington and AP freelancer Meredith Somers in Upper "
        "Marlboro, Maryland, contributed to this report.": "credit",
        "This story has been updated with additional developments Wednesday.": "note",
        "This story was first published on July 12, 2020.": "note",
        "— Updated at 11:38 a.m.": "note",
        "Download the Yahoo News app to customize your experience.": "promo",
        "Thank you for signing up. For more from The Nation, check out our latest issue": "promo",
        "Subscribe on Apple Podcasts, Spotify, Overcast, or wherever you listen to podcasts.": "promo",
        "Byers Market Newsletter Get breaking news and insider analysis right to your inbox.": "promo",
    }
    reporting = [
        "Officials said the story has been updated many times since the leak.",
        "Share this story, the senator told his supporters at the rally on Monday.",
        "The file photo showed the president at the border, officials said.",
        "He said he would subscribe to whatever plan the committee sends him.",
        "Voters were told to download the county's app to find their polling place.",
        "The photo (Reuters) was published on Monday, officials said.",
    ]
    _assert_furniture_and_reporting(lines, reporting)


def test_a_link_run_into_a_paragraph_is_cut_out_of_it():
    text = ("Storm hits the coast\nThe campaign has received more than one million requests for the rally. (RELATED: "
            "President Trump Delays Oklahoma Rally) Trump said the rally would be huge. The senator (R-Texas) said no.")
    assert _furniture(text) == [("related", "(RELATED: President Trump Delays Oklahoma Rally)")]
    assert _sents(text)[1:] == ["The campaign has received more than one million requests for the rally.",
                                "Trump said the rally would be huge.", "The senator (R-Texas) said no."]


def test_agency_credits_before_or_after_a_caption_and_pipe_teasers_are_furniture():
    lines = {
        "Photo by Justin Sullivan/Getty Images.": "image",
        "Photograph by Nadav Kander for TIME": "image",
        "(Photo: Andrew Burton, Getty Images) Story Highlights Agency to propose rules on political activity": "image",
        "Credit: Gavin Schmidt NASA GISS": "image",
        "View Photo gallery Politicians, moguls and even a few Democrats: Trump's revolving door": "image",
        "| AP Photo Press rips Clinton campaign's handling of health incident": "image",
        "AP Photos Republicans, 2016: In full swing": "image",
        "Stephanie Keith / Getty Images Lev Parnas arrives at Federal Court on Dec. 17, 2019, in New York City.":
            "image",
        "Lucas Jackson/Reuters Supporters of President Donald Trump boo the media at a rally in Charlotte.": "image",
        "Bernie Sanders addresses supporters at Temple University on April 6, 2016, in Philadelphia. | Getty": "image",
        "McCarthy and Trump take a selfie on Inauguration Day. Photo courtesy of Kevin McCarthy": "image",
        "Mikhail Klimentyev, Kremlin Pool Photo via AP": "image",
        "The Washington Post via Getty Images, FILE": "image",
        "Demonstrators gather in front of the Colorado State Capitol building to protest stay-at-home orders during "
        "a rally in Denver, Colorado, on April 19, 2020, the third such rally in the state in as many weeks, and "
        "organisers said they would return. Photo: Jason Connolly/AFP via Getty Images": "image",
    }
    reporting = [
        "WASHINGTON — Reuters reported on Monday that the talks had stalled.",
        "Getty Images said on Monday it would license the photos to the museum.",
        "The museum bought the collection via Getty Images and the agency.",
        "He was seen by reporters from AP and Reuters at the rally, officials said.",
    ]
    _assert_furniture_and_reporting(lines, reporting)
    # a long explainer box keeps its reporting though it ends in its picture's credit
    assert _furniture("Storm hits the coast\n" + "Mueller was appointed special counsel in May 2017. " * 12
                      + "Photograph: Saul Loeb/AFP") == []


def test_a_credit_and_teaser_after_a_pipe_is_cut_from_the_sentence_before_it():
    text = ("Storm hits the coast\nOn Friday, Gao Feng, spokesman for the ministry, criticized the U.S. as "
            "“capricious.” | Andy Wong/AP Photo Trump vilifies press at Michigan rally As the press corps celebrates")
    assert _furniture(text) == [("related", "| Andy Wong/AP Photo Trump vilifies press at Michigan rally As the press "
                                            "corps celebrates")]
    assert _sents(text)[1:] == ["On Friday, Gao Feng, spokesman for the ministry, criticized the U.S. as "
                                "“capricious.”"]


def test_an_embedded_posts_signature_is_a_credit_not_a_sentence():
    text = ("Storm hits the coast\nWe will win. pic.twitter.com/abc — Donald J. Trump (@realDonaldTrump) "
            "February 12, 2020\nThe storm killed 12 people, officials said.")
    assert _furniture(text) == [("credit", "— Donald J. Trump (@realDonaldTrump) February 12, 2020")]
    assert _sents(text)[1:] == ["We will win. pic.twitter.com/abc", "The storm killed 12 people, officials said."]


def test_related_links_follow_lines_and_contact_notes_as_outlets_print_them_are_furniture():
    lines = {
        "More On This...": "related",
        "More On This... Chicago teachers strike enters 2nd week": "related",
        "More:Twitter rips Savannah Guthrie for 'appalling' interview with Nicholas Sandmann": "related",
        "MORE: Romney's political pretzel over Libya": "related",
        "More: Twitter thanks #BlackWomen for voting for Democrat Doug Jones": "related",
        "RELATED VIDEO: How Could Trump Deport 11 Million People?": "related",
        "Related Coverage Can Saudi Arabia pump much more oil?": "related",
        "Related 10 facts that explain how America regulates abortion": "related",
        "Related stories and posts:": "related",
        "Follow Paul Steinhauser on Twitter: @PsteinhauserCNN": "byline",
        "- Follow the Ticker on Twitter: @PoliticalTicker": "byline",
        "Follow @politicalticker Follow @danmericacnn": "byline",
        "Michael Collins covers the White House. Reach him on Twitter @mcollinsNEWS.": "byline",
        "Write to Sadie Gurman at sadie.gurman@wsj.com, Michael C. Bender at Mike.Bender@wsj.com and Aruna Viswanatha "
        "at Aruna.Viswanatha@wsj.com": "byline",
        "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher "
        "that can provide a large audience. For licensing opportunities of our original content, please contact "
        "licensing@dailycallernewsfoundation.org.": "byline",
    }
    reporting = [
        "Related Companies, the developer, said it would build 400 homes.",
        "Related to the probe, the committee subpoenaed three officials.",
        "More than 30 states have moratoriums on evictions during the outbreak.",
        "The president urged his supporters to follow Mike Pence on Twitter during the debate.",
        "She said she would email the senator at bob@senate.gov again on Monday if his office did not answer.",
    ]
    _assert_furniture_and_reporting(lines, reporting)


def test_an_authors_note_and_a_developing_story_note_at_the_end_are_furniture():
    text = "\n".join([
        "Storm hits the coast",
        "The storm killed 12 people, officials said.",
        "Fred Lucas is the White House correspondent for the Daily Signal.",
        "The governor declared an emergency on Monday.",
        "The storm is the worst in a decade.",
        "Japan is the second-largest contributor, having pledged $1.5 billion.",
        "Walter Shapiro is a Roll Call columnist and a lecturer at Yale.",
        "This is a developing story, stay tuned for updates."])
    assert _furniture(text) == [("byline", "Walter Shapiro is a Roll Call columnist and a lecturer at Yale."),
                                ("note", "This is a developing story, stay tuned for updates.")]
    # (an author's note is at the end: earlier, the same words are reporting)
    assert "Fred Lucas is the White House correspondent for the Daily Signal." in _sents(text)


def test_news_given_in_an_update_is_reporting_and_only_its_label_a_note():
    text = "\n".join([
        "Storm hits the coast",
        "The storm killed 12 people, officials said.",
        "UPDATE: Governor Jane Smith said in a statement, \"We will rebuild every home.\"",
        "Update at 2:47 p.m. - The death toll has risen to 14, the coroner's office said.",
        "Update at 9:15 a.m. ET. Where Was Most Of The Damage?",
        "Update: Story updated with comment from the mayor's office.",
        "Update 5:15 p.m. ET: Added the governor's new statement about the storm and its damage.",
        "Update: To check the forecasts I used this calculator from the weather service.",
        "Updated: 10:51 a.m. on Thursday, Nov. 12, 2020.",
        "Update: The governor has resigned.",
        "Update: More soon.",
        "Correction: An earlier version of this story misstated the number of people who died."])
    assert _furniture(text) == [
        ("note", "UPDATE: "), ("note", "Update at 2:47 p.m. - "),
        ("note", "Update at 9:15 a.m. ET. Where Was Most Of The Damage?"),
        ("note", "Update: Story updated with comment from the mayor's office."),
        ("note", "Update 5:15 p.m. ET: Added the governor's new statement about the storm and its damage."),
        ("note", "Update: To check the forecasts I used this calculator from the weather service."),
        ("dateline", "Updated: 10:51 a.m. on Thursday, Nov. 12, 2020."), ("note", "Update: "),
        ("note", "Update: More soon."),
        ("note", "Correction: An earlier version of this story misstated the number of people who died.")]
    assert _sents(text)[2:] == ["Governor Jane Smith said in a statement, \"We will rebuild every home.\"",
                                "The death toll has risen to 14, the coroner's office said.",
                                "The governor has resigned."]


def test_contributors_video_labels_and_a_reporters_follow_line_are_furniture():
    lines = {
        "Contributing: Eliza Collins, Maureen Groppe": "credit",
        "Contributing: Justin Vicory and Sam R. Hall, The (Jackson, Miss.) Clarion-Ledger; The Associated Press":
            "credit",
        "—Aaron Zitner contributed to this article.": "credit",
        "Fox News' Serafin Gomez contributed to this story.": "credit",
        "CLOSE Former White House aide Steve Bannon lashed out at Senate Majority Leader Mitch McConnell on Tuesday. "
        "(Oct. 18) AP": "image",
        "The news moves fast. To stay updated, follow Aaron Rupar on Twitter, and read more of Vox’s policy and "
        "politics coverage.": "byline",
    }
    reporting = [
        "Contributing factors include the drought, officials said on Monday.",
        "Trump told supporters to follow Fox News on Twitter.",
        "CLOSE to half of the voters said they had not decided.",
        "The senator contributed to this article's central argument, critics said.",
    ]
    _assert_furniture_and_reporting(lines, reporting)


def test_an_illustrations_credit_and_a_membership_pitch_are_furniture():
    lines = {
        "Photo illustration by Slate.": "image",
        "Illustration by Jane Doe for Politico": "image",
    }
    reporting = [
        "The paywall cost the paper readers, its editor said.",
        "Illustrations by schoolchildren hung in the hall where the senator spoke.",
    ]
    _assert_furniture_and_reporting(lines, reporting)
    # (a pitch ends an article: what follows an appeal there is more of it)
    pitch = ("Members get all of our content (including the magazine), no paywalls or content meters, an "
             "advertising-minimal experience, and unique access to our writers and editors.")
    text = "\n".join(["Storm hits the coast", "The storm killed 12 people, officials said.", *reporting, pitch])
    assert _furniture(text) == [("appeal", pitch)]
    pitch = "Get all of our content, with no paywalls or content meters."
    text = "\n".join(["Storm hits the coast", "The storm killed 12 people, officials said.", *reporting, pitch])
    assert _furniture(text) == [("appeal", pitch)]


def test_wire_and_newspaper_page_parts_are_furniture():
    # as Reuters, the AP, the BBC, the New York Times and Al Jazeera print them around a story
    lines = {
        "By Guy Faulconbridge and Mark Trevelyan": "byline",
        "By Paul Kirby, BBC News": "byline",
        "December 18, 20244:12 PM GMTUpdated 2 hours ago": "dateline",
        "18 December 2024": "dateline",
        "Wed 18 Dec 2024 12.05 GMT": "dateline",
        "Advertisement · Scroll to continue": "advert",
        "Report this ad": "advert",
        "Share full article": "advert",
        "Purchase Licensing Rights, opens new tab": "related",
        "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine": "related",
        "Credit...Nanna Heitmann for The New York Times": "image",
        "A version of this article appears in print on Dec. 19, 2024, Section A, Page 9 of the New York edition.":
            "note",
        "Order Reprints | Today’s Paper | Subscribe": "related",
        "See more on: Vyacheslav Gladkov": "related",
        "Marc Santora reported from Kyiv, Ukraine.": "credit",
        "Anton Troianovski and Ivan Nechepurenko contributed reporting.": "credit",
        "Facebook": "promo",
        "Copy link": "promo",
        "NEWYou can now listen to Fox News articles!": "audio",
        "3 min read": "dateline",
        "Posted by Times of Israel Staff": "byline",
        "Follow our live coverage": "promo",
        "See Full Web Article": "related",
        "list 3 of 4": "related",
        "end of list": "related",
        "protected by reCAPTCHA": "promo",
    }
    reporting = [
        "By Wednesday, the ministry said, 40 drones had been shot down over the region.",
        "The governor said the attack began on December 18 at 4:12 PM.",
        "Smith reported from the front line that the village had fallen, his editor said.",
        "The page said readers could follow the war at https://example.com, officials said.",
        "Read the order at https://example.gov, the governor said on Twitter",
        "John Smith reported from the scene that “the village had fallen,” his editor said.",
        "Senate passes the budget bill after a long night of votes | Politics | Live",
    ]
    _assert_furniture_and_reporting(lines, reporting)


def test_a_box_of_links_and_a_list_of_headlines_under_a_label_are_furniture():
    text = "\n".join([
        "Russia claims it downed 40 Ukrainian drones",
        "Russia said its air defence units destroyed 40 drones over the Belgorod region.",
        "Keep reading",
        "list of 4 items",
        "list 1 of 4",
        "Russia-Ukraine war: List of key events, day 1,028",
        "list 2 of 4",
        "Ukraine says Russian strike killed 3 in Kherson",
        "end of list",
        "The governor said a woman was wounded.",
        "See full story: Ceasefire talks resume in Doha",
        "More on this story",
        "Ukraine war in maps: Tracking the Russian advance",
        "Watch: Drone strikes hit Russian oil depot",
        "The drones were launched from the Sumy region, the ministry said.",
        "Suggested Topics:",
        "Europe",
    ])
    # (the list of links under a label goes on while its lines are headlines: not over a paragraph)
    assert _sents(text)[1:] == ["Russia said its air defence units destroyed 40 drones over the Belgorod region.",
                                "Keep reading", "The governor said a woman was wounded.",
                                "The drones were launched from the Sumy region, the ministry said."]


def test_a_question_to_the_reader_at_the_end_is_furniture_and_an_interviewers_is_not():
    text = "\n".join([
        "Storm hits the coast",
        "The storm killed 12 people, officials said.",
        "Did you lose power in the storm?",      # (a question of the article's, far from its end)
        "The governor declared an emergency on Monday.",
        "Schools will stay closed until Thursday.",
        "Power was restored to most homes by Tuesday night.",
        "Two bridges were closed.",
        "The coast guard rescued 40 people.",
        "AMY GOODMAN: Your response, Governor?",
        "Would you believe it, he said?",
        "Get in touch",
        "Have you been affected by the issues raised in this story?"])
    assert _furniture(text) == [("promo", "Get in touch"),
                                ("promo", "Have you been affected by the issues raised in this story?")]
    assert "Did you lose power in the storm?" in _sents(text)
    assert "Would you believe it, he said?" in _sents(text)


def test_a_pages_date_is_its_date_as_the_export_gives_dates():
    from store.text import iso_date
    assert clean("Drones hit Belgorod overnight\n18 December 2024\nRussia said 40 drones fell.").published == \
        "2024-12-18"
    assert iso_date("Dec. 18, 2024, 10:05 a.m. ET") == "2024-12-18"
    assert iso_date("December 18th, 2024") == "2024-12-18"
    assert iso_date("31 Febtember 2024") == "31 Febtember 2024"
    assert iso_date("44 December 2024") == "44 December 2024"
    assert iso_date("Tuesday") == "Tuesday"
    assert iso_date("18/12/2024 - 10:12 GMT+1") == "2024-12-18"
    assert iso_date("12/18/2024") == "2024-12-18"
    assert iso_date("05/06/2024") == "05/06/2024"      # the 5th of June or the 6th of May: left as written


def test_a_byline_that_places_its_reporter_is_furniture_at_the_top_only():
    text = "\n".join(["Israel and Hamas agree to ceasefire deal", "Bethan McKernan in Jerusalem",
                     "Julian Borger in Washington and Andrew Roth in Moscow",
                     "Israel and Hamas have agreed to a ceasefire deal in Gaza, Qatar’s prime minister has said.",
                     "Peace Talks in Geneva", "Ukrainian Forces in Kursk", "Talks resume on Monday, officials said."])
    assert _furniture(text) == [("byline", "Bethan McKernan in Jerusalem"),
                                ("byline", "Julian Borger in Washington and Andrew Roth in Moscow")]
    assert clean(text).author == "Bethan McKernan"
    later = "\n".join(["Ceasefire agreed", *[f"Paragraph {i} of the story said something." for i in range(8)],
                      "Bethan McKernan in Jerusalem", "The talks resume on Monday."])
    assert _furniture(later) == []


def test_an_authors_note_before_the_tags_a_page_ends_with_is_furniture():
    text = "\n".join(["Storm hits the coast", "The storm killed 12 people, officials said.",
                     "Greg Norman is a reporter for Fox News Digital.", "Related Topics", "Storms", "Florida",
                     "Weather"])
    assert ("byline", "Greg Norman is a reporter for Fox News Digital.") in _furniture(text)


def test_a_newsletters_blurb_is_furniture():
    text = "\n".join(["Storm hits the coast", "The storm killed 12 people, officials said.",
                     "Three years later, Lyndon Johnson had the brief delivered each morning in person.",
                     "The governor declared an emergency on Monday.", "Comment on this story", "Today's Headlines",
                     "The most important news stories of the day, curated by Post editors and delivered every morning."])
    assert _furniture(text)[0] == ("comments", "Comment on this story")
    assert "Three years later, Lyndon Johnson had the brief delivered each morning in person." in _sents(text)
    assert _furniture(text)[-1] == (
        "promo", "The most important news stories of the day, curated by Post editors and delivered every morning.")


def test_magazine_and_tabloid_page_parts_are_furniture():
    # as the Kyiv Independent, Newsweek, the Daily Mail and Reuters print them
    lines = {
        "December 13, 2024 11:45 AM 2 min read": "dateline",
        "Scroll down for video": "advert",
        "Share or comment on this article:": "advert",
        "Our Standards: The Thomson Reuters Trust Principles.": "footer",
        "Do you have a tip on a world news story that Newsweek should be covering? Let us know via "
        "worldnews@newsweek.com.": "byline",
    }
    reporting = [
        "Officials said they read the report on December 13.",
        "“Please consider supporting us,” the charity’s director wrote to donors.",
        "Please consider supporting the relief effort, the governor said.",
        "Scroll down for video, the sign read, and few of the visitors did.",
    ]
    _assert_furniture_and_reporting(lines, reporting)


def test_a_reporters_role_and_a_button_by_the_byline_are_furniture_and_no_author():
    text = "\n".join(["Map Shows Where North Korean Troops Are Fighting", "FOLLOW", "By Ellie Cook",
                     "Security & Defense Reporter", "North Korean troops have suffered losses, the Pentagon said.",
                     "Foreign Correspondent", "The Pentagon said more would follow."])
    assert _furniture(text) == [("byline", "FOLLOW"), ("byline", "By Ellie Cook"),
                                ("byline", "Security & Defense Reporter")]
    assert clean(text).author == "Ellie Cook"
    # a word in capitals at the top is no reporter's name
    assert clean("Storm hits the coast\nADVERTISEMENT\nThe storm killed 12 people, officials said.").author is None
    # the reporter, not the outlet a byline adds
    assert clean("Storm hits\nBy CHRIS PLEASANCE FOR DAILYMAIL.COM\nThe storm killed 12.").author == "Chris Pleasance"
    assert clean("Storm hits\nBy Ian Ballinger, for TheBlaze\nThe storm killed 12.").author == "Ian Ballinger"


def test_an_authors_appeal_and_a_paywalls_offer_at_the_end_are_furniture():
    appeal = ["Note from the author:",
              "Hi, this is Martin Fornusek. I hope you found this article useful. We’ve been working hard to bring "
              "you independent, ground-level journalism from Ukraine. If you like what we do, please consider "
              "supporting us.",
              "Become a member"]
    paywall = ["Already a subscriber? Log in", "Want to read more? Get unlimited access to our journalism."]
    alone = [["We’ve been working hard to bring you reporting from the front line."],
             ["If you like what we do, please consider supporting us."], ["Want to read more?"],
             ["Get unlimited access to our journalism."]]
    for tail in (appeal, paywall, *alone):
        text = "\n".join(["Storm hits the coast", "The storm killed 12 people, officials said.",
                          "The governor declared an emergency on Monday.", *tail])
        assert [t for _, t in _furniture(text)] == tail
        assert _sents(text)[1:] == ["The storm killed 12 people, officials said.",
                                    "The governor declared an emergency on Monday."]


def test_the_links_a_page_ends_with_are_furniture_but_not_a_figure_a_list_or_a_heading_before_text():
    body = ["Storm hits the coast", "The storm killed 12 people, officials said.", "Rebuilding Begins",
            "The governor declared an emergency on Monday."]
    links = ["Request Reprint & Licensing", "Submit Correction", "View Editorial & Research Guidelines"]
    assert _furniture("\n".join([*body, *links])) == [("related", t) for t in links]
    assert _sents("\n".join(body))[2] == "Rebuilding Begins"
    # (nor the lines of a text that has no sentence, nor a long line)
    assert _furniture("Storm hits the coast\nOfficials Count The Damage\nRebuilding Begins") == []
    for last in ["World Cup 2022", "- Damaged Homes And Roads", "the storm is expected to weaken by Friday",
                 "Officials Expect The Cleanup To Take Several Months To Finish"]:
        assert _furniture("\n".join([*body, last])) == []


def test_credits_live_blog_sign_offs_slideshows_and_capital_datelines_are_furniture():
    # as Politico, Reuters, the AP, USA Today, NPR, The Hill and The Flip Side print them
    lines = {
        "Story Continued Below": "advert",
        "Slideshow (2 Images)": "advert",
        "Full Coverage: Virus Outbreak": "related",
        "Like us on Facebook.": "promo",
        "— Danielle Kurtzleben]": "byline",
        "- Nicholas Wu": "byline",
        "Special for USA TODAY": "credit",
        "Molly Snee for NPR": "credit",
        "Chris Cillizza, CNN": "credit",
        "Jordain Carney contributed.": "credit",
        "RIYADH, SAUDI ARABIA": "dateline",
        "7 years ago": "dateline",
    }
    reporting = [
        "Votes for Trump rose sharply in Ohio, officials said.",
        "Sanders, Warren and Biden spoke for an hour on Monday.",
        "Bernie Sanders campaigned for Joe Biden in Michigan on Monday.",
    ]
    _assert_furniture_and_reporting(lines, reporting)
    # (not a place in capitals that is none, a line that begins with a dash and names no person, a place named for a
    # person)
    for line in ["NATO, EU", "- Kyiv Oblast", "Campaign for Change", "Santa Clara, California"]:
        assert _furniture(f"Storm hits the coast\nThe storm killed 12 people, officials said.\n{line}\n"
                          "The governor declared an emergency on Monday.") == []


def test_a_call_to_join_the_comments_ends_the_article_and_a_relative_time_dates_no_page():
    text = "\n".join(["Storm hits the coast", "The storm killed 12 people, officials said.",
                     "Join the conversation below.", "Log in", "Most popular"])
    assert [k for k, _ in _furniture(text)] == ["comments", "comments", "comments"]
    assert clean("Storm hits the coast\n7 years ago\nThe storm killed 12 people, officials said.").published is None
    assert clean("Storm hits the coast\nUpdated 2 hours ago\nThe storm killed 12 people.").published is None
    assert clean("Storm hits the coast\n18 December 2024\nThe storm killed 12 people.").published == "2024-12-18"


def test_what_a_page_says_of_itself_galleries_share_bars_and_newsletter_pitches_are_furniture():
    # as the Guardian, CNN, Democracy Now, the AP, Fox, Bloomberg, NBC, the BBC and The Flip Side print them
    lines = {
        "This article is more than 1 year old": "note",
        "The opinions expressed in this commentary are his own.": "note",
        "This is a rush transcript.": "note",
        "Information from The Associated Press was used in this report.": "note",
        "next Image 1 of 2": "image",
        "Photographer: Andrew Harrer/Bloomberg": "image",
        "LISTEN TO ARTICLE 2:40 SHARE THIS ARTICLE Share Tweet Post Email": "promo",
        "Click for more from Media Buzz.": "promo",
        "Join us on Facebook.com/CNNOpinion.": "promo",
        "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday "
        "mornings.": "promo",
        "Get breaking news alerts and special reports.": "promo",
        "The news and stories that matter, delivered weekday mornings.": "promo",
        "The AP is solely responsible for all content.": "note",
        "Editorial Board, Wall Street Journal": "credit",
        "Analysis by Anthony Zurcher, BBC Washington": "byline",
    }
    reporting = [
        "The opinions expressed in the letter were shared by many senators.",
        "Analysis by the Pentagon found that 40 drones were launched, officials said.",
        "Insurers have signed up for the exchanges, and few have signed up to sell plans to small firms.",
    ]
    _assert_furniture_and_reporting(lines, reporting)


def test_an_authors_note_with_no_article_before_the_role_is_furniture_at_the_end_only():
    body = ["Storm hits the coast", "The storm killed 12 people, officials said."]
    note = "Joel B. Pollak is Senior Editor-at-Large at Breitbart News. He earned an A.B. from Harvard College."
    assert _furniture("\n".join([*body, note])) == [("byline", note)]
    assert _furniture("\n".join([*body, "Susan Glasser is editor of Politico."])) == [
        ("byline", "Susan Glasser is editor of Politico.")]
    mid = ["Jane Smith is editor of the county paper and has run it since 1990.", "The paper endorsed no one.",
           "The governor declared an emergency on Monday.", "Rain is expected to last until Friday evening."]
    assert _furniture("\n".join([*body, *mid])) == []


@pytest.mark.parametrize("byline, author", [
    ("Analysis by Anthony Zurcher, BBC Washington", "Anthony Zurcher"),
    ("By Paul Kirby, BBC News", "Paul Kirby"),
    ("By Jane Doe - Staff Writer", "Jane Doe"),
    ("By Bill Scher - October 20, 2014", "Bill Scher"),
    ("By Jane Doe, John Roe and Ann Lee", "Jane Doe, John Roe and Ann Lee"),
])
def test_a_bylines_author_is_the_reporter_without_what_the_reporter_is(byline, author):
    assert clean(f"Storm hits the coast\n{byline}\nThe storm killed 12 people, officials said.").author == author


def test_a_columns_disclaimer_a_wire_note_and_a_video_caption_are_furniture():
    # as Townhall, the Washington Times, NPR and the BBC print them
    lines = {
        "The opinions expressed by columnists are their own and do not represent the views of Townhall.com.": "note",
        "• This article is based in part on wire service reports.": "note",
        "This text may not be in its final form and may be updated or revised in the future.": "note",
        "Media playback is unsupported on your device Media caption Five numbers that explain US border crisis":
            "image",
    }
    reporting = [
        "This article is based on interviews with 40 officials, the editor said.",
        "The opinions expressed by voters at the rally were mixed, organisers said.",
    ]
    _assert_furniture_and_reporting(lines, reporting)
