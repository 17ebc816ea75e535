"""Claims: each reporting sentence with its kind, who it is attributed to, its hedges, quotes and figures."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import lru_cache

from .entities import _PARTIES, _TITLE_HEADS, ORG_HEADS, TITLES, _given_names, a_paper_name
from .figures import find_figures, phrase_alternation
from .lexicon import KNOWN_SITES, US_STATE_ABBREVIATIONS, given_name_gender, is_common_word, is_demonym, place_kind
from .model import Claim, Mention, Sentence
from .text import post_signatures

_VERB_WORDS = (
    "said says say told tells added adds wrote writes noted notes stated states explained claimed claims "
    "argued argues insisted warned warns reported reports announced announces confirmed confirms estimated "
    "estimates tweeted posted revealed reveals echoed acknowledged alleged alleges suggested suggests asserted "
    "declared disclosed predicted urged assessed assesses believes indicated denied denies believed cautioned "
    "commented recalled emphasized emphasised stressed concluded testified replied responded continued").split()
# What one issues says what one says: "The White House issued a statement saying …" (never before its speaker)
_ISSUED_DOCUMENT = [f"{verb} {det}{kind} {document}" for verb in ("issued", "released", "put out")
                    for det in ("a", "an", "its", "his", "her", "their") for kind in ("", "joint ", "written ")
                    for document in ("statement", "letter") if det != "an" or kind == ""]
_VERB_WORDS += _ISSUED_DOCUMENT


# (one alternation factored by common prefixes: Python's re tries a flat alternation's branches one by one)
# ("continued" says something only before what it says, or at the end, or before a verb of saying or attacking:
# "he continued, “…”", "…,” he continued.", "Trump continued to claim that …", "Trump continued to unload on his
# opponents: …", "Mitt Romney continued his harsh rebuke of …"; not "the bloodshed has continued unabated", "Kim
# Jong-il continued and advanced both programs", "Yellen has continued Bernanke's policies")
_VERBS = (r"(?:" + phrase_alternation([v for v in _VERB_WORDS if v != "continued"])
          + r"|continued(?=\s*(?:[,:;.!?\"“”—–]|$|that\b|to\s+(?:\w+ly\s+)?(?:say|claim|note|argue|insist|warn|"
            r"maintain|emphasi[sz]e|stress|suggest|deny|assert|tell|blame|critici[sz]e|defend|complain|question|call"
            r"|unload|bash|attack|press|push back)\b|(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|criticism|"
            r"rebuke|calls?|statement|remarks|comments|tirade|fusillade|lectures?|argument|case|defen[cs]e)\b)))")
_AUX = (r"(?:(?:has|have|had|also|then|later|earlier|previously|first|firstly|initially|originally|again|now|since|"
        r"already|long|"
        r"further|has also|had also|would|will|even|still|instead|soon|"
        # how or when it was said: "Trump repeatedly said", "California and New York likewise announced"
        r"repeatedly|publicly|privately|recently|separately|similarly|likewise|subsequently|immediately|finally|"
        r"flatly|bluntly|openly|explicitly|specifically|frequently|often|once|twice|personally|directly|"
        r"jokingly|angrily|famously|quickly|simply|last week|last month|last year|this week|on Monday|on Tuesday|"
        r"on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|yesterday|today)\s+)*")
# "..., national security communications adviser John Kirby said." / "..., the US said, supporting ..."
_TRAIL_SPEAKER = r"(?P<spk>(?:[\w’'.\-/&()]+\s+){0,9}?[\w’'.\-/&()]+)\s+" + _AUX
_TRAIL_AFTER = r"[\"'”’]{0,2}\s+" + _TRAIL_SPEAKER + r"(?:" + _VERBS + r")\b(?P<rest>[^\"“”]{0,160})$"
_TRAIL = re.compile(r"[,.!?]" + _TRAIL_AFTER)
_TRAIL_AFTER_COMMA = re.compile(r"," + _TRAIL_AFTER)      # (a later place than the first: _trailing_speaker)
# (the full stop of a letter or of "St." ends no clause before a speaker: "U.S. officials", "John A. Boehner", "St.
# Louis Public Radio"; tested in the three characters before it)
_LETTERS_STOP = re.compile(r"(?:^|\W)(?:[A-Z]|St)$")
# (nor a title's after a word that makes its person the object of another's words: "A spokesman for Sen. Ted Cruz
# said", "what Gen. Mike Flynn said were …"; it may after others: "… and New Jersey Gov. Chris Christie said")
_TITLE_STOP = re.compile(r"\b(?:for|to|of|with|by|about|from|what|whom|that|which)\s+"
                         r"(?:Sens?|Reps?|Gov|Gen|Dr|Mrs?|Ms|Lt|Col|Sgt|Capt|Adm|Maj|Rev)$")
# (after a quotation, "continued" says whatever follows it: "“…,” Romney continued to applause")
_TRAIL_CONTINUED = re.compile(r"[,.!?…][\"'”’]{1,2}\s+" + _TRAIL_SPEAKER + r"continued\b(?P<rest>[^\"“”]{0,160})$")
# '“…,” he said on ABC's "This Week."', '“…,” he told Fox News' “Fox & Friends” program.': after a quote, a speaker of
# a few words, a verb news puts after a quote, and where it was said, a programme's name in quotes
_TRAIL_ON_SHOW = re.compile(
    r"[,.!?…][\"”’]{1,2}\s+(?P<spk>(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+" + _AUX
    + r"(?:said|says|told|added|wrote|asked|insisted|argued|explained|continued)\b[^\"“”]{0,60}?"
    r"(?:on|to|in|’s|'s|s’|s')\s+[\"“][^\"“”]{1,40}[\"”][^\"“”]{0,80}$")
# "..., said John Kirby." Verbs news puts before their speaker anywhere at a sentence's end; the others only after a
# quotation ("“…,” predicted a third Iowa Republican"): "…, denied the allegations", "…, acknowledged receiving the
# documents", "…, predicted only modest gains" name what was denied, acknowledged or predicted. "Told", "tells" and
# "urged" never do: "…, told Barr last week".
_INVERTED_ANYWHERE = ("said says say added adds wrote writes noted notes explained argued argues insisted warned warns "
                      "stressed recalled replied concluded declared tweeted reported reports").split()
_INVERTED_AFTER_A_QUOTE = [v for v in _VERB_WORDS
                           if v not in _INVERTED_ANYWHERE and v not in ("told", "tells", "urged")
                           and v not in _ISSUED_DOCUMENT]
_TRAIL_INV = re.compile(r"(?:[,.!?][\"'”’]{0,2}\s+(?:" + phrase_alternation(_INVERTED_ANYWHERE) + r")"
                        r"|[,.!?…][\"'”’]{1,2}\s+(?:" + phrase_alternation(_INVERTED_AFTER_A_QUOTE) + r"))"
                        r"\s+(?P<spk>[^,.;:\"“”]{2,80}?)\s*[.!?]?$")
# A sentence's opening words before its subject: "Meanwhile, ", "On Tuesday, ", "In a statement, "
_OPENING = (r"(?:(?i:earlier|later|meanwhile|however|separately|on \w+day|in (?:a|an|his|her|its|their) [\w ]{3,30}|"
            r"[\w ]{3,30} the same day)\s*,\s+)?"
            # (and a conjunction: "But U.S. officials say", "And then Secretary of State John Kerry said")
            r"(?:(?:But|And|Yet|Still)\s+(?:then\s+)?)?")
# "Ukrainian intelligence said at least 30 ..." / "A senior US military official said on 17 December that ..."
_LEAD = re.compile(
    # (after a dateline: "WASHINGTON (AP) — President Donald Trump on Wednesday said ...")
    r"^(?:[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+){0,3}\s*(?:\([\w .]{1,20}\))?\s*[—–-]+\s+)?"
    + _OPENING + r"[\"“‘]?(?P<spk>(?:[\w’'.\-/&()]+\s+){0,11}?[\w’'.\-/&()]+)\s+" + _AUX + r"(?P<verb>" + _VERBS + r")\b")
# A name as news writes a speaker's: "Sen. John Thune", "Mr. Mueller", "Kevin Werbach" (or a pronoun).
_NAME = (r"(?:(?:[A-Z][\w’'.\-]*|de|da|del|der|di|du|van|von|al|bin|la|le)\s+){0,5}[A-Z][\w’'.\-]*"
         r"(?:\s+\([A-Z][^()]{0,30}\))?")      # (and a party and state after it: "Sen. Mike Braun (R-Ind.)")
_PARTY = re.compile(r"\s+\([^()]*\)$")
_NAME_ONLY = re.compile(_NAME)
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w’'.\-]*\s+){1,5}[A-Z][\w’'.\-]*$")
_NOT_A_TITLE = frozenset("""who whom whose which that on of in by with from along led written including the a an to
for and or as""".split())
_TIME_WORDS = frozenset("ago later earlier year years month months week weeks day days hours minutes time".split())
# A name right after a verb of saying, then a comma or the sentence's end: "…, said Mark Hancock, its chief executive"
_NAMED_AFTER_VERB = re.compile(r"\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,|[.!?]?$)")
_PARTY_STATE = re.compile(r"^(?:D|R|I|Ind)-[A-Z]")
# What a sentence goes on with after its attribution: "..., Thurman said, noting the team resisted ..."
_THEN = phrase_alternation("adding noting arguing citing referring explaining saying calling insisting pointing "
                           "suggesting describing warning stressing urging acknowledging asserting claiming "
                           "declaring predicting telling writing speaking echoing vowing praising blaming accusing "
                           "criticizing defending cautioning recalling emphasizing conceding reiterating repeating "
                           "joking complaining questioning promising".split())
_THEN_AFTER_COMMA = re.compile(r",\s+(?:" + _THEN + r")\b")
# (so an attribution ends the sentence or such a phrase follows it)
_ENDS = r"(?:[^\"“”]{0,160}$|[^\"“”]{0,80}?,\s+(?:" + _THEN + r")\b)"
_SUBJECT = r"(?:" + _NAME + r"|he|she|they|we|I)"
# An aside between commas after a name: ", a professor at Wharton,", ", R-Ky.,", ", who represents Ferguson,".
# (no dash: "DAVOS, Switzerland (Reuters) - Sundar Pichai, the CEO, said" is a dateline, then the speaker)
_ASIDE = r",\s+(?:[^;\"“”—–\-]|(?<=\S)-){2,160}?,\s+"
# "Kevin Werbach, a professor at Wharton, says ..." / "However, Sen. John Thune, R-S.D., said ..." /
# "Asked about the report, Mr. Mueller said ..." (a lead phrase, an aside or both; with neither, _LEAD's)
_LEAD_ASIDE = re.compile(
    r"^(?P<conj>(?i:but|and|yet|so|still|as)\s+)?(?P<intro>(?:[^,\"“”]{2,80},\s+){1,2})?(?P<spk>" + _SUBJECT + r")"
    r"(?P<aside>" + _ASIDE + r"|\s+)" + _AUX + r"(?P<verb>" + _VERBS + r")\b")
# "House Foreign Affairs Committee Chairman Ed Royce, R-Calif., said", "Speaker of the House Nancy Pelosi, D-Calif.,
# said", "Sen. Dianne Feinstein of California, who chairs the committee, told": a name with a long title, or with where
# it is from, then an aside, opening the sentence
_TITLED_NAME = (r"[A-Z][\w’'.\-]*(?:\s+(?:(?:de|da|del|der|di|du|van|von|al|bin|la|le|of|of the|for)\s+)?"
                r"[A-Z][\w’'.\-]*){0,9}")
_LEAD_TITLED_ASIDE = re.compile(r"^(?P<spk>" + _TITLED_NAME + r")(?P<aside>" + _ASIDE + r")" + _AUX + r"(?P<verb>"
                                + _VERBS + r")\b")
_AND_ANOTHER = re.compile(r",\s+and\s+[A-Z]")     # (an aside that lists another: "Joe Manchin, D-W.Va., and Pat Toomey")
# "The official, speaking on condition of anonymity, said ...", "The justices, voting 5-4 along ideological lines,
# said ...", "A friend of Reade's, who asked to remain anonymous, told CNN ...": a description, set off by an aside,
# before its verb of saying
# A description's first word: "the", "a", "two", "several" ... (either case)
_DESCRIBING = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any)"
_DESCRIBED_FIRST = re.compile(r"^" + _DESCRIBING + r"(?:\s+[\w’'.\-]+){1,5}$")
_CLAUSE_VERB = re.compile(r"\b(?:have|has|had|was|were|is|are|will|would|could|should|can|may|might)\b|\b[a-z]{3,}ed\b"
                          r"|\wn[’']t\b")
_DESCRIBED_ASIDE = re.compile(r"^(?P<spk>(?:[Tt]he|An?|One|Two|Three|Several|Some|Many)\s+[^,;:\"“”()]{2,60}?)"
                              r"(?P<aside>" + _ASIDE + r")" + _AUX + r"(?P<verb>" + _VERBS + r")\b")
# "FBI special agent in charge, Matthew DeSarno, said ..." / "But Bolton's lawyer, Charles Cooper, says ...": a
# description, then the name it describes between commas
_TITLE_THEN_NAME = re.compile(
    r"^(?:(?i:but|and|yet|so|still)\s+)?" + _OPENING + r"(?P<title>[^,\"“”]{2,80}),\s+(?P<spk>" + _NAME + r"),\s+"
    + _AUX + r"(?P<verb>" + _VERBS + r")\b")
# "“…,” Kolkata's deputy mayor, Atin Ghosh, told Reuters." / "…, the family's lawyer, Jim Lewis, told AP.": the same
# at a sentence's end, after a quotation or a clause
_TRAIL_TITLE_THEN_NAME = re.compile(r"[,.!?…][\"'”’]{0,2}\s+(?P<title>[^,;\"“”]{2,60}),\s+(?P<spk>" + _NAME + r"),\s+"
                                    + _AUX + r"(?P<verb>" + _VERBS + r")\b" + _ENDS)
# (a description has a word in lower case other than "and" or "of": not "Chairman Richard Shelby and Sen. Jon
# Tester, Montana Democrat, said")
_LOWER_WORD = re.compile(r"(?<![\w.’'-])(?!(?:and|or|of|the|a|an|in|at|for|to|on|by|from|with)\b)[a-z][a-z’'-]*\b")
# "“We will win,” he said, “and soon.”": a speaker between two parts of a quote
_BETWEEN_QUOTES = re.compile(
    r"[,.!?…](?:[\"”’]{1,2}|'')\s+(?P<spk>(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+" + _AUX + r"(?:" + _VERBS
    # (and when, '“...,” Pence said afterward, “...”', '..., he said on Monday, “...”',
    # and whom to or where: '“…,” he told a rally in Las Vegas, “…”';
    # and a full stop where the splitter kept the next part of the quote: '“…,’’ Scalise said. "…"')
    + r")(?:\s+[^,;:\"“”]{1,60}?)?\s*[,:.]\s*[\"“‘]")
# "..., Abrams, the behavior expert from NYU, said." / "..., said Al Dwoskin, a Democratic donor."
_TRAIL_ASIDE = re.compile(r"[,.!?][\"'”’]{0,2}\s+(?P<spk>" + _NAME + r")" + _ASIDE + _AUX + r"(?P<verb>"
                          + _VERBS + r")\b" + _ENDS)
# "..., the official, speaking on condition of anonymity, told Reuters.", "..., two officials, who asked not to be
# named, said.": an unnamed source at the sentence's end, with the aside that says why
_TRAIL_ANONYMOUS = re.compile(r"[,.!?][\"'”’]{0,2}\s+(?P<spk>" + _DESCRIBING + r"(?:\s+[\w’'.\-]+){1,5}),\s+"
                              r"(?:speaking|talking|who (?:asked|requested|declined|spoke|was|were|is|are)\b)"
                              r"[^,;\"“”]{0,80}?\b(?:anonymity|anonymously|named|identified|authori[sz]ed)\b"
                              r"[^,;\"“”]{0,60},\s+" + _AUX + r"(?P<verb>" + _VERBS + r")\b" + _ENDS)
# "“...,” Thurman said, noting the Clinton team resisted ..."
_TRAIL_THEN = re.compile(r"[,.!?][\"'”’]{0,2}\s+(?P<spk>(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+" + _AUX
                         + r"(?P<verb>" + _VERBS + r")\b[^\"“”]{0,80}?,\s+(?:" + _THEN + r")\b")
# "..., his successor, Felipe Calderón, who a week ago asserted that ...": the name a clause of saying is about
# (not "Charles McGee, who he said was one of the last ...": the clause's own subject said it)
_WHO_SAID = re.compile(r"(?P<spk>" + _NAME + r"),\s+who\s+(?!(?:he|she|they|I|we|you|it)\s)(?:[^,;\"“”]{0,40}?\s)??"
                       + _AUX + r"(?P<verb>" + _VERBS + r")\b")
# (only verbs news puts before their speaker: "urged Iran, the US and others to ..." names no speaker)
_INVERTING = phrase_alternation("said says added adds wrote writes noted notes explained argued argues insisted "
                                "warned warns stressed recalled replied continued concluded declared".split())
# "“…,” said the senior official, who asked not to be named.", "…, said a former aide, speaking on condition of
# anonymity": a description after an inverted verb, then who they are
_TRAIL_INV_DESCRIBED = re.compile(r"[,.!?][\"'”’]{0,2}\s+(?:" + _INVERTING + r")\s+(?P<spk>" + _DESCRIBING
                                  + r"(?:\s+[\w’'.\-]+){1,6}),\s+(?:who|speaking|talking)\b")
# ("..., said Iowa evangelical leader Bob Vander Plaats, CEO of ..., whose ...": a description of a few words before
# the name, none a preposition; "..., said Sen. Sherrod Brown, who ... “...”": a quote after "who")
_TRAIL_INV_ASIDE = re.compile(r"[,.!?][\"'”’]{0,2}\s+(?:" + _INVERTING + r")\s+(?P<spk>(?P<desc>(?:(?!(?:of|for|at|in|"
                              r"from|on|to|with|by)\s)[\w’'\-]+\s+){0,4}?)(?P<name>" + _NAME
                              + r")),\s+(?:(?:" + _THEN + r"|who|whose)\b|[^\"“”]{2,240}?[.!?]?$)")
# "“…,” said his sister, Brandy Peek.", "…, said North Korea’s official news agency, KCNA.": after the verb, a
# description, then the name it describes, ending the sentence
_TRAIL_INV_DESC_NAME = re.compile(r"[,.!?][\"'”’]{0,2}\s+(?:" + _INVERTING + r")\s+(?P<desc>[^,;:\"“”]{2,60}),\s+(?P<spk>"
                                  + _NAME + r")\s*[.!?]?[\"”’]?\s*$")
# '“…,” said Rep. Steve Scalise of Louisiana, the GOP whip.', '“…,” said Sen. Ben Cardin (D-Md.).', '“…,” said
# Democratic strategist and CNN contributor Paul Begala, who ...', '..., said Base commander Capt. Tim Kinsella.': after
# a clause (and a quote's end), the verb, a description of a few words and a name, then the sentence's end, a comma,
# where they are from or when they said it
_QUOTE_THEN_INV = re.compile(
    r"[,.!?…][\"”’]{0,2}\s+(?:" + _INVERTING + r")\s+(?P<spk>(?P<desc>(?:(?!(?:of|for|at|in|from|on|to|with|by|that)\s)"
    r"[\w’'.\-]+\s+){0,5}?)(?P<name>" + _NAME + r"))(?:\s+of\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})?"
    r"(?=\s*[.!?]?[\"”’]?\s*$|,|\s+(?:on|in|at|to|during|after|before|just|last|this|earlier|later|yesterday|today"
    r"|tonight|from|who|when|while|as)\b)")
# Every verb the patterns above accept follows a space: one cheap search spares most sentences all of them.
_SAYS = re.compile(r"\s(?:" + phrase_alternation(_VERB_WORDS) + r")\b")
# Verbs that are also plural nouns: "Kirby's remarks follow Ukrainian military intelligence reports that ..."
# reads as a speaker before "reports" unless the speaker is short.
_NOUNS_TOO = ("states", "reports", "claims", "estimates", "notes", "posts")      # (far more often nouns: below)
_NOUN_LIKE_VERBS = frozenset(_NOUNS_TOO + ("warns", "tweets"))
_TAIL_CHARS = 400
# (a full stop inside the phrase is an abbreviation's, and does not end it: "according to U.S. officials", "to Dr. Jane
# Smith", "to a Dec. 3 report", "to the St. Louis Post-Dispatch")
_ABBREVIATED = ("Dr", "Mr", "Ms", "Mrs", "St", "Mt", "Ft", "Jr", "Sr", "No", "Sen", "Rep", "Gov", "Gen", "Col", "Adm",
                "Sgt", "Lt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_ACCORDING = re.compile(r"\baccording to (?P<spk>[^,;:\"“”]{2,80}?)(?:[,;:]|\.(?=\s*$)|\.(?<!\b[A-Z]\.)"
                        + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATED) + "|$)", re.I)
# What was said, by whom, in the passive: "The deal was announced by Qatar's Prime Minister … in Doha", "The story was
# first reported by The Washington Post"
# (not "confirmed by the Senate", an appointment; nor "As has been stated by …, I …", whose speaker is the writer)
_SAID_BY = re.compile(r"(?<![Aa]s )\b(?:was|were|has been|have been|had been)\s+(?:first\s+|later\s+|also\s+)?"
                      r"(?:announced|disclosed|revealed|reported|stated|denied|described)\s+by\s+"
                      r"(?P<spk>[^,;:\"“”()]{2,80}?)(?=\s+(?:in|on|at|during|after|before|earlier|last|this|who|which|as"
                      r"|when|while|and|to|that|with|from|via)\b|\s*[,.;:!?)]|\s*$)")
_CLAIMS_BY = re.compile(r"\b(?:claims?|reports?|statement|assessment|estimates?)\s+(?:by|from)\s+(?P<spk>[^,.;:\"“”]{2,80}?)\s+that\b")
# What a speaker issues, and a later sentence may speak through: "..., Zinke said in a statement. ... the statement
# said"
# (issued in the sentence, "said in a statement", not a report: one is mostly someone else's, that the speaker
# answers, as is "the Nunes memo")
_DOCUMENT = re.compile(r"\b(?:in|issued|released|put out) (?:a|an|his|her|its|their|the) (?:[\w-]+ ){0,2}?"
                       r"(statement|letter|memo|tweet|release|filing)\b")
_ORG_HEADS_SPOKEN = frozenset("agency ministry service directorate department office organisation organization group"
                               " unit army military government company".split())
# Who a name can qualify, as the head of a speaker: "the Trump administration", "White House officials", "the
# House speaker", "a Pentagon spokesman", "GOP sources"
_QUALIFIED_HEADS = frozenset("""official officials aide aides adviser advisers advisor advisors spokesman spokeswoman
spokesperson spokespeople source sources staffer staffers staff administration campaign team leader leaders leadership
senator senators lawmaker lawmakers member members speaker lawyer lawyers attorney attorneys counsel counsels officer
officers diplomat diplomats operative operatives investigators prosecutor prosecutors executive executives insiders
allies supporters critics employees negotiators envoy ambassador commander commanders authorities""".split())
_BODY_HEADS = frozenset("administration campaign team leadership staff".split())
_PLURAL_HEADS = frozenset(w for w in _QUALIFIED_HEADS if w.endswith("s") or w == "spokespeople")
# What may come before the name in such a speaker: "a senior White House official", "One Trump aide"
_QUALIFIED_LEAD = frozenset("the a an one two three some several many senior top other former current".split())

_PRONOUN = frozenset({"he", "she", "they", "it", "we", "i"})
# After a person's name, what makes it qualify a noun, not name the sentence's subject: "Trump’s campaign CEO", "the
# Obama campaign", "Trump critic", "former Trump strategist"
_NAME_QUALIFIES = re.compile(r"['’]s?\b|\s+(?:" + "|".join(sorted(_QUALIFIED_HEADS | {
    "critic", "strategist", "ally", "supporter", "loyalist", "appointee", "nominee", "era", "camp", "voters", "donors",
    "backers", "base", "presidency", "ticket", "organization", "foundation"})) + r")\b")
_PARTY_MEMBERS = frozenset("Republican Republicans Democrat Democrats Libertarian Libertarians Independent Conservative"
                           " Conservatives Liberal Liberals Tory Tories".split())
_NOT_SPEAKER = re.compile(
    r"^(?:that|which|who|this|there|what|it is|it was|it['’]s|let['’]s|as|and|but|or|if|when|while|because|though|although|"
    r"reports?|media|sources?)$", re.I)
_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|supposedly|ostensibly|unconfirmed|unverified"
    r"|could not (?:be )?independently (?:verify|verified|confirm|confirmed)"
    r"|(?:has|have|had) not been able to (?:independently )?(?:verify|confirm)"
    r"|(?:cannot|can ?not|could not|couldn['’]t) be (?:independently )?(?:verified|confirmed)"
    r"|not (?:been )?independently (?:verified|confirmed)|without (?:providing )?evidence|no evidence was (?:provided|given|shown)"
    r"|(?:have|has) not (?:shared|provided|given|shown) evidence|what (?:was|were) said to be|said to be|believed to be"
    r"|is thought to|are thought to|may have|might have|it is unclear|it was unclear|unclear whether"
    r"|claimed|claims? (?:that|by)|alleged)\b", re.I)
# Every hedge holds one of these: a cheap test that spares most sentences the pattern.
_HEDGE_WORDS = ("reportedly", "alleg", "purport", "apparent", "suppos", "ostensib", "unconfirm", "unverif",
                "verif", "confirm", "evidence", "said to be", "believed", "thought to", "may have", "might have",
                "unclear", "claim")
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]|‘([^‘’]{3,}?)’(?!\w)")
_UNNAMED = frozenset("a an one another the some two three several many other".split())
_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING_JUNK = re.compile(r"[\s,;:]+$")


def quoted_spans(text: str) -> list[str]:
    out = []
    if '"' not in text and "“" not in text and "‘" not in text:
        return out
    for m in _QUOTED.finditer(text):
        q = m.group(1) or m.group(2)
        if q and len(q.split()) >= 1:
            out.append(q.strip())
    return out


# Words that do not begin a speaker's name or description ("With estimates by ...", "His comments support ...").
_NP_BAD_START = frozenset("""with including his her their its our my your though although while as what which there
who whom whose
no some this these those if when because after before since despite amid during by for from in on at to of
and but or so such than then once like unlike given how""".split())
# "Needless to say, …", "Suffice it to say …": an idiom of saying, no one who says
_SAYING_IDIOM = re.compile(r"(?:needless|suffice it|suffice|sad|strange|safe|fair|so|that is|truth) to$", re.I)
_NP_BAD_END = frozenset("and or but nor a an the".split())
# A possessive pronoun and who speaks for its owner: "his office said", "her lawyer told", "its ministry said"
_OWNERS = {"his": "he", "her": "she", "its": "it"}
_OWNED = frozenset("""office campaign spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys aide aides
adviser advisers advisor advisors team staff parents mother father wife husband family son daughter brother sister
ministry government administration company""".split())
_LY_NOUNS = frozenset("family ally assembly daily weekly monthly quarterly".split())
_DETERMINERS = frozenset("the a an this that these those its his her their".split())
_NP_ASIDE = re.compile(r",\s*(?:speaking|who|which)\b.*$")
# (in lower case or capitalised, not in capitals: "The WHO on Saturday said" is the World Health Organization)
_LEAD_CLAUSE = re.compile(r"\b(?:[Tt]hat|[Ww]ho|[Ww]hich|[Ww]hen|[Ii]f|[Bb]ecause|[Ww]hile|[Aa]fter|[Bb]efore)\b")
# A relative clause that describes the speaker before the verb: "An Israeli driver who witnessed the explosion told"
_WHO_CLAUSE = re.compile(r"\s+who(?:se)?\s")
# (a clause before "as" and a subject that names someone: "… came as Khashoggi's family", "… as the Justice Department";
# not "as the pandemic has claimed the lives of …")
_AS_CLAUSE = r"(?<!such)(?<!well)(?<!far)\s+as\s+(?!well\b|far\b)"    # (not "such as", "as well as", "as far as to")
_AS = re.compile(_AS_CLAUSE)
_AS_SUBJECT = re.compile(_AS_CLAUSE + r"(?P<spk>(?:(?:the|a|an|more|some)\s+)?(?:[\w’'.\-]+\s+)*?[A-Z].*)$")
_NP_VERB = re.compile(r"\b(?:have|has|had|been|was|were|is|are|be|being|do|does|did|not|would|could|should)\b"
                      r"|\wn[’']t\b", re.I)


@lru_cache(maxsize=1024)
def _as_words(said: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(said) + r"\b")


def _says_it(said: str, speaker: str) -> bool:
    """Whether "the <said>" can mean a speaker before: the speaker has its words, as words ("the agency" is
    "Ukraine's military spy agency"; "the official" is no "Pentagon officials")."""
    return _as_words(said).search(speaker.lower()) is not None


def _qualified(words: list[str]) -> bool:
    """Whether a speaker's words are a name qualifying a noun after it: "The Trump administration", "a senior
    White House official", "Homeland Security and ICE officials", not "David Corn of the progressive Mother Jones
    magazine" nor "President Donald Trump declined to"."""
    if len(words) < 2 or words[-1] not in _QUALIFIED_HEADS:
        return False
    caps = [i for i, w in enumerate(words) if w[:1].isupper() and w.lower() not in _QUALIFIED_LEAD]
    if not caps:
        return False
    first, last = caps[0], caps[-1]
    return first <= 2 and all(w.lower() in _QUALIFIED_LEAD for w in words[:first]) \
        and all(w[:1].isupper() or w in ("and", "of", "&") for w in words[first:last + 1]) \
        and len(words) - last - 1 in (1, 2) and all(w.isalpha() and w.islower() for w in words[last + 1:])


def _clean_np(np: str, according: bool = False) -> str:
    np = np.strip().strip("\"“”‘’'").strip()
    np = _NP_ASIDE.sub("", np)
    np = _TRAILING_JUNK.sub("", np)
    words = np.split()
    # (how it was said is no part of the speaker: "Mark Levin triumphantly tweeted", "Conway helpfully explained",
    # "The newly announced ...")
    if words and words[-1].endswith("ly") and words[-1].islower() and words[-1] not in _LY_NOUNS:
        words = words[:-1]
        np = np.rsplit(None, 1)[0] if words and words[-1].lower() not in _DETERMINERS else ""
    np = _tail_of_np(np, according)
    words = np.split()
    # "his office", "her lawyers", "its foreign ministry": people or a body of whoever the pronoun means
    if 2 <= len(words) <= 4 and words[0].lower() in _OWNERS and words[-1].lower() in _OWNED \
            and all(w.islower() for w in words[1:]):
        return np
    # (nor does it end in a conjunction: "..., sharply criticized her sister's stance and urged ..."; nor is it an
    # article alone, before a participle: "The alleged shooter", "An estimated 3.3 million", "said Doug Wead, a noted
    # historian")
    if not words or words[0].lower() in _NP_BAD_START or words[-1].lower() in _NP_BAD_END \
            or _NP_VERB.search(np) or len(words) == 1 and words[0].lower() in _DETERMINERS or _SAYING_IDIOM.match(np):
        return ""
    return np


# What may stand between a speaker and its verb of saying: "Sen. Ed Royce, R-Calif., also suggested", "Crifasi can
# say", "David Byrne may have said it best" (would, could and should are _NP_VERB's: no speaker)
_BEFORE_THE_VERB = frozenset("also can will may might must shall".split())
_RELATIVES = frozenset("who whom that which".split())
_DESCRIPTION_LEAD = frozenset("a an one another the two three several some many".split())
# Words that begin a time before a pronoun and its verb: "Later he added", "About an hour later he tweeted"
_WHEN_LEAD = frozenset("""later then earlier last about every again now today yesterday recently previously once
afterward afterwards meanwhile finally initially separately privately publicly first""".split())
# Verbs before "to say": "Trump declined to say", "She went on to say", "he phoned to say" are Trump's, hers, his
_BEFORE_TO_SAY = frozenset("""went go goes on declined declines refused refuses continued continues began begins tried
tries rushed hastened called phoned wrote took paused stopped""".split())


def _only_when(words: list[str]) -> bool:
    """Words that say when or how something was said, and no one who said it: "…, who was listed as a member, later
    said", "Also, one of the victims told"."""
    return all(w.lower() in _BETWEEN_SUBJECT_AND_VERB or w.lower() in _WHEN_LEAD for w in words)


_TO_WHOM = frozenset("spoke spoken talked speak speaks talk listened replied responded reached".split())


def _subject_before_to(words: list[str]) -> list[str]:
    """The subject of "<subject> <words in lower case> to" before "say": a run of capitalised words with a word in it
    that is no word of the language, or he, she or they; [] where there is none."""
    if words[0].lower() in ("he", "she", "they"):
        k = 1
    else:
        k = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
        if not any(not is_common_word(w) and w != "I" for w in words[:k]):
            return []
    rest = words[k:]
    # (no auxiliary among them: "James says …, he had called his girlfriend to say", "Democrats are less apt to say")
    # (nor a contraction as the subject: "I'm embarrassed to say")
    if not all(w.islower() for w in rest) or any("'" in w or "’" in w for w in words[:k]) \
            or _NP_VERB.search(" ".join(rest)):
        return []
    return words[:k]


def _tail_of_np(np: str, according: bool = False) -> str:
    """A speaker as the words before a verb of saying give it, without what is no part of it: "according to" (the
    phrase is the speaker), an adverb or a modal before the verb ("also", "Crifasi can say"), the relative clause of a
    short description ("according to a source who said" is "a source", "the latest poll that ended on Sept. 5" "the
    latest poll"), a time before a pronoun ("Later he added"). "" where those words name no speaker: another relative
    clause ("numerous comments that claimed", "most of whom say"), or a noun before a pronoun, whose clause it is
    ("photos she posted", "Whatever he says")."""
    if np[:13].lower() == "according to ":
        np, according = np[13:], True
    words = np.split()
    while words and words[-1] in _BEFORE_THE_VERB:
        words.pop()
    # (a verb before "to say" is no part of who says: "Trump declined to say", "She went on to say")
    if len(words) >= 3 and words[-1] == "to" and words[-2] in _BEFORE_TO_SAY:
        words.pop()
        while len(words) > 1 and (words[-1] in _BEFORE_TO_SAY or words[-1] in _BETWEEN_SUBJECT_AND_VERB):
            words.pop()
    # (any other "to say" is its subject's where that is a name, or he, she or they, and words in lower case follow
    # it, "Tillerson seemed to say", "President Donald Trump goes on television every night to say"; else it
    # names no one who says: "Hard to say", "I want to say", "Yet it's safe to say")
    # ("the experts I spoke to said" is the experts': "to" is no "to say" there)
    elif words and words[-1] == "to" and not (len(words) > 1 and words[-2] in _TO_WHOM):
        words = _subject_before_to(words)
        if not words:
            return ""
    # (nor a relative adverb before it: "…, where police say"; "where he said" is left to the clause's subject)
    if len(words) >= 2 and words[0] == "where" and not (len(words) == 2 and words[1].lower() in _PRONOUN):
        words = words[1:]
    if not words or _only_when(words):
        return ""
    relative = next((k for k, w in enumerate(words) if k and w in _RELATIVES), None)
    if relative is not None:
        # (a thing's "that" or "which" clause only after "according to": "Pizzagate, a social-media conspiracy that
        # falsely claimed" is no one's saying)
        person = words[relative] in ("who", "whom")
        if words[0].lower() in _DESCRIPTION_LEAD and 2 <= relative <= (5 if person else 4) and (person or according):
            words = words[:relative]
        # (after "according to", people its clause describes: "according to people who know him well")
        elif not (person and according and relative <= 4):
            return ""
    elif words[-1].lower() in _PRONOUN and len(words) > 1:
        # (a time right before the pronoun, or leading: "About an hour later he", "Last year it"; not a clause's
        # "when": "Mr. Trump shook the campaign last year when he announced")
        if words[0].lower() not in _WHEN_LEAD and words[-2].lower() not in _TIME_WORDS:
            return ""
        words = words[-1:]
    return np if len(words) == len(np.split()) else " ".join(words)


# Verbs of saying that are also plural nouns, far more often nouns: "the report states that ..." and "Reuters reports
# that ..." attribute; "the nearby states of Lebanon", "Eight states have ...", "following reports that ..." and "the
# notes he kept" do not.
_NOUN_OR_VERB = re.compile(r"\b(?:" + "|".join(_NOUNS_TOO) + r")\b")
# What follows a plural noun and never a verb of saying: "states of", "reports have", "claims about", "states —"
_NOUN_NEXT = re.compile(r"\s*(?:[—–(;?)]|-\s|['’]|(?:of|and|or|where|such|like|have|has|had|are|were|is|was"
                        r"|will|would|could|can|should|may|might|must|including|whose|which|who|about|than|been|began"
                        r"|remain|remained)\b)")
# Who or what states, reports or notes: "the report states", "the board notes", "the research firm estimates"
_STATING_NOUNS = frozenset("""report letter law bill text memo memorandum brief resolution editorial statement document
complaint lawsuit suit order filing indictment constitution amendment policy rule regulation study analysis article
website release guidance agreement section clause act plan note post tweet email message board official spokesman
spokeswoman spokesperson author authors analyst expert professor researcher economist writer columnist editor reporter
correspondent firm agency group company office department institute center centre bureau government ministry military
army organization organisation association union council committee commission panel court campaign party team
newspaper paper magazine outlet network site survey poll data book decision opinion ruling judge justice petition
platform manifesto summary transcript warrant affidavit subpoena motion notice application proposal draft budget
senator governor president secretary minister director chairman chairwoman leader lawmaker attorney lawyer prosecutor
officials critics experts scientists doctor historian scholar strategist commentator pollster founder ceo chief
manager aide adviser advisor candidate congressman congresswoman representative mayor commissioner administrator
inspector administration person everyone everybody family legislation history""".split())
# Before "notes" and "estimates", words that make them nouns ("his notes", "early estimates"); other words may be
# their subject ("the government estimates that ...")
_NOTE_DETERMINERS = frozenset("""the his her their its our my your these those some any such initial early preliminary
latest new previous conservative current recent own handwritten detailed internal""".split())
# Words between a subject and its verb: "the senator also notes", "O'Reilly states unequivocally"
_BETWEEN_SUBJECT_AND_VERB = frozenset("also then later further now again still even similarly separately"
                                      " rightly correctly there here too instead himself herself itself"
                                      " themselves".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
thousands dozen dozens both all""".split())
_SPEAKER_NEXT = re.compile(r"\s+(?:[A-Z]|the\s)")
_PREV_WORD = re.compile(r"([^\W\d_][\w’'.\-&]*|\d[\d,.]*)\W*$")
_REGIONAL = frozenset("US U.S. UN U.N. EU E.U. Gulf Baltic Arab Southern Northern Eastern Western Midwestern"
                      " Southwestern Southeastern Northeastern Northwestern Member Nation Balkan Nordic".split())


def _noun_uses(s: str) -> list[tuple[int, int]]:
    """Where a sentence uses a word of _NOUN_OR_VERB as a plural noun, not as its verb of saying."""
    out = []
    for m in _NOUN_OR_VERB.finditer(s):
        after = s[m.end():]
        if _NOUN_NEXT.match(after):
            out.append(m.span())
            continue
        before = s[:m.start()].rstrip()
        if not before or before[-1] in "”\"’,:;.!?—–":
            # at the start, a noun ("Reports suggest ..."); after a clause, a verb before its speaker ("..., notes
            # Smith", "..., reports the Times")
            if not before or not _SPEAKER_NEXT.match(after):
                out.append(m.span())
            continue
        words = before.split()
        k = len(words) - 1
        # (past how it was said: "the senator also notes", "Smith rightly notes")
        while k > 0 and (words[k].lower() in _BETWEEN_SUBJECT_AND_VERB or words[k].endswith("ly") and words[k].islower()
                         and words[k] not in _LY_NOUNS):
            k -= 1
        w = _PREV_WORD.search(words[k])
        word = w.group(1) if w else ""
        low = word.lower()
        if low in _PRONOUN or low == "who":
            continue
        noun = (not word or word[0].isdigit() or low in _NUMBER_WORDS or low.endswith(("’s", "'s", "s’", "s'"))
                or word[0].islower() and low not in _STATING_NOUNS
                and (m.group() not in ("notes", "estimates") or low in _NOTE_DETERMINERS)
                # a sentence's first word is capitalised whatever it is: "Eight states", "Multiple reports"
                or k == 0 and is_common_word(word) and low not in _STATING_NOUNS
                # "Gulf states", "US states", "Southern states": a region's states, not what it states
                or m.group() == "states" and (word in _REGIONAL or is_demonym(word) or place_kind(word) is not None))
        if noun:
            out.append(m.span())
    return out


def _masked(s: str) -> str:
    """The sentence with its plural nouns that are also verbs of saying blanked out, at the same length."""
    if _NOUN_OR_VERB.search(s) is None:
        return s
    for a, b in _noun_uses(s):
        s = s[:a] + "x" * (b - a) + s[b:]
    return s


# A wire story's dateline, which names the agency, not who said what: "MOSCOW, Dec 18 (Reuters) - ", "KYIV, Ukraine
# (AP) — ", "SEOUL, Dec. 17 (Yonhap) -- "
_DATELINE = re.compile(r"^[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’ \-]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
                       r"\([A-Z][\w.&/ ]{1,30}\)\s*(?:-{1,2}|—|–)\s*")


def find_attribution(sentence: str) -> str | None:
    """The noun phrase a sentence attributes itself to, as written ("the official", "he", "John Kirby")."""
    s = sentence.strip()
    spk = _attribution(s)
    if spk:
        return spk
    # the sentence after an opening phrase of where, when or how it was said: "On Capitol Hill, Republican Sen. John
    # McCain said", "Speaking in his first interview as prime minister, Haider al-Abadi told", "At a breakfast with
    # reporters, Senators McCain and Schumer said"
    m = opening_phrase(s)
    return _attribution(s[m.end():]) if m else None


def _attribution(s: str) -> str | None:
    """find_attribution's reading of a whole sentence, opening and all."""
    if "(" in s[:80] and (dateline := _DATELINE.match(s)):
        s = s[dateline.end():]
    # a verb of saying is read where the sentence has one, not a noun of the same letters
    if _SAYS.search(s) is not None:
        masked = _masked(s)
        # (a trailing attribution sits in the last few hundred characters)
        spk = _said_by(masked, masked[-_TAIL_CHARS:]) if masked is s or _SAYS.search(masked) else None
        if spk:
            # (as the sentence has it: what was blanked out may be part of the speaker, "Officials in several states")
            at = masked.find(spk)
            return s[at:at + len(spk)] if at >= 0 else spk
    # cheap tests first: "ccord" has no letter that IGNORECASE also matches outside ASCII (i, k, s do)
    m = _ACCORDING.search(s) if "ccord" in s.lower() else None
    if m:
        return _clean_np(m.group("spk"), according=True)
    m = _CLAIMS_BY.search(s) if "that" in s else None
    if m:
        return _clean_np(m.group("spk"))
    m = _SAID_BY.search(s) if " by " in s else None
    if m:
        return _clean_np(m.group("spk"))
    return None


# (a preposition, a time or a conjunction first, or a participle, a word of the language, not "Beijing ordered a
# lockdown on Jan. 23, …"; not "This" but before a time, "This little funding snafu is going to tweak Trump, who …";
# and no quotation in the phrase, whose words may be anyone's)
_OPENING_PHRASE = re.compile(
    r"(?:(?:In|On|At|During|After|Before|Since|From|Back|Earlier|Later|Asked|Pressed|When|While|As|Amid|Despite"
    r"|Following|Under|With|Without|For|Over|Across|Outside|Inside|Like|Unlike|Instead|Indeed|Moreover|Still"
    r"|Although|Though|Whereas|If|Once|Because|Until|(?:Moments|Minutes|Hours|Days|Shortly)\s+after"
    r"|(?:This|Last|Next)\s+(?:week|month|year|morning|afternoon|evening|night|spring|summer|fall|winter|\w+day))"
    r"|(?P<lead>[A-Z][a-z]+ing))\b[^,;:\"“”()]{0,120},\s+")


def opening_phrase(text: str, at: int = 0) -> re.Match[str] | None:
    """The phrase of where, when or how a sentence beginning at `at` opens with, before its subject: "On Capitol
    Hill, ", "While Mr. Rosenstein was headed to the White House, ", "Speaking in his first interview, " (a participle
    that is a word of the language: not "Beijing ordered a lockdown on Jan. 23, ")."""
    m = _OPENING_PHRASE.match(text, at) if ", " in text[at:at + 150] else None
    return m if m and (not m.group("lead") or is_common_word(m.group("lead"))) else None


def _described_by_aside(s: str) -> str | None:
    """"The official, speaking on condition of anonymity, said": a description set off by an aside before its verb of
    saying, or the name the aside gives it; None where the sentence does not begin so."""
    m = _DESCRIBED_ASIDE.match(s) if "," in s[:80] else None
    # (not a time, "Two months ago, McConnell, whom …, told", nor before a speaker named after the verb, "The
    # organization, which …, has 450 troops …, said Mark Hancock, its chief executive")
    if not m or m.group("verb") in _NOUN_LIKE_VERBS or len(m.group("spk").split()) > 7 \
            or _TIME_WORDS.intersection(m.group("spk").lower().split()) or _NAMED_AFTER_VERB.match(s, m.end()):
        return None
    # (the aside may begin with the name the description is of: "The family lawyer, Billy Murphy, said", "One of the
    # panelists, Rick Shenkman, a Seattle journalist, said"; not a place's state: "A snow plow driver in Fairfax,
    # Virginia, told CNN")
    named = m.group("aside").strip(" ,").split(",")[0].strip()
    if _NAME_ONLY.fullmatch(named) and (name := _a_name(named)) and not place_kind(named):
        return name
    # (the words before the aside may be a clause, and the aside's first part its speaker: "The talks failed, the
    # minister, a veteran diplomat, said", "The troops will leave by March, two officials, …, said")
    if "," in m.group("aside").strip(" ,") and _CLAUSE_VERB.search(m.group("spk")) \
            and (first := _DESCRIBED_FIRST.match(named)):
        return _clean_np(first.group())
    # (or end with it, after a title: "The contact, senior Justice Department official Bruce Ohr, continued"; not
    # after a clause or a list: "…, who has seen … the murder of Jamal Khashoggi,", "…, Mike Lee and Jerry
    # Moran,")
    person = _TRAILING_NAME.search(named)
    if person and (who := _a_person(person.group())) \
            and not _NOT_A_TITLE.intersection(named[:person.start()].lower().split()):
        return who
    spk = _clean_np(m.group("spk"))
    return spk if spk and not _NOT_SPEAKER.match(spk) else None


# "Anne Milgram, a former New Jersey attorney general told CNN": a person's name, and a description of the person
# after it whose closing comma the outlet left out; at the sentence's start or after a quotation
_NAME_THEN_DESCRIPTION = re.compile(r"(?P<name>" + _NAME + r"),\s+$")
_QUOTE_ENDS = re.compile(r"[,.!?…][\"'”’]{1,2}\s*$")


def _described_person(s: str, at: int, description: str) -> str | None:
    """The person a `description` found at `at` is of, where a person's name and a comma stand just before it, and
    before them nothing or a quotation; None otherwise ("On Monday, a member of staff told", "Los Angeles, law
    enforcement sources said", "Wednesday, the hospital said")."""
    # (not where the description ends in a name of its own, "…, strategist Mary Matalin said", nor in a list's last
    # names: "Seth Moulton (D-Mass.), Katie Porter (D-Calif.) and Ayanna Pressley (D-Mass.) said")
    person = _TRAILING_NAME.search(description)
    if person and _a_person(person.group()) or " and " in description:
        return None
    m = _NAME_THEN_DESCRIPTION.search(s, max(0, at - 80), at)
    # (nor a body's abbreviated name: "Carter Coal Co., the court said")
    if not m or m.group("name").endswith("."):
        return None
    before = s[:m.start()]
    return _a_person(m.group("name")) if not before.strip() or _QUOTE_ENDS.search(before) else None


def _said_by(s: str, tail: str) -> str | None:
    """The speaker of a sentence with a verb of saying, by the patterns above, the surest first."""
    # (an unnamed source at the end first: "The talks failed, a diplomat, speaking anonymously, said" is not "The
    # talks failed"'s)
    m = _TRAIL_ANONYMOUS.search(tail) if "anonym" in tail or "name" in tail or "identif" in tail \
        or "authori" in tail else None
    if m:
        spk = _clean_np(m.group("spk"))
        if spk and not _NOT_SPEAKER.match(spk):
            return spk
    m = _TRAIL_INV_DESCRIBED.search(tail) if ", who " in tail or ", speaking" in tail or ", talking" in tail \
        else None
    spk = _clean_np(m.group("spk")) if m else None
    if spk:
        return spk
    spk = _described_by_aside(s)
    if spk:
        return spk
    spk = _trailing_speaker(s, tail)
    if spk:
        return spk
    # a person a clause of saying is about ("his successor, Felipe Calderón, who ... asserted")
    m = _WHO_SAID.search(tail) if " who " in tail else None
    spk = _a_person(m.group("spk")) if m and m.group("verb") not in _NOUN_LIKE_VERBS else None
    if spk:
        return spk
    # a name set off by an aside, a lead phrase or a conjunction: at the sentence's start first ("John R. Lott
    # Jr., president of ..., said" is not "Lott Jr."), then at its end ("“...,” Rep. Tom McClintock, R-Calif.,
    # told reporters" is not "reporters")
    m = _LEAD_ASIDE.match(s)
    # (an aside may hold commas: a verb after it that is also a plural noun may be a list's last item, "Parnas,
    # who ..., turned over text messages, notes and ...")
    if m and (m.group("conj") or m.group("intro") or m.group("aside").strip()) \
            and not (m.group("verb") in _NOUN_LIKE_VERBS and m.group("aside").strip()) and _a_name(m.group("spk")):
        # (a description set off before the person it is of: "America's National Security Adviser, Susan Rice,
        # said", "Another Brexit-supporting Tory, Jacob Rees-Mogg, said")
        named = m.group("aside").strip(" ,")
        if _NAME_ONLY.fullmatch(named) and _a_person(named):
            return _a_person(named)
        return _a_name(m.group("spk"))
    m = _LEAD_TITLED_ASIDE.match(s)
    if m and m.group("verb") not in _NOUN_LIKE_VERBS and not _AND_ANOTHER.search(m.group("aside")) \
            and _a_name(m.group("spk")):
        return _a_name(m.group("spk"))
    m = _TITLE_THEN_NAME.match(s)
    if m and m.group("verb") not in _NOUN_LIKE_VERBS and _LOWER_WORD.search(m.group("title")) \
            and _a_name(m.group("spk")):
        return _a_name(m.group("spk"))
    m = _TRAIL_ASIDE.search(tail)
    if m and m.group("verb") not in _NOUN_LIKE_VERBS and _a_name(m.group("spk")):
        return _a_name(m.group("spk"))
    m = _TRAIL_TITLE_THEN_NAME.search(tail) if tail.count(",") >= 2 else None
    # (not a place's state, "police in Wasilla, Alaska, said", "in Ann Arbor, Mich., insisted", nor a party's
    # member from it, "Harry Reid, Nevada Democrat, wrote")
    if m and m.group("verb") not in _NOUN_LIKE_VERBS and _a_name(m.group("spk")) and not _a_state(m.group("spk")) \
            and m.group("spk").split()[-1] not in _PARTIES:
        return _a_name(m.group("spk"))
    m = _TRAIL_INV_DESC_NAME.search(tail) if tail.count(",") >= 2 else None
    spk = _without_full_stop(_a_name(m.group("spk")) or "") if m and _LOWER_WORD.search(m.group("desc")) else ""
    # (not where a person is from, "Cheryl Clukey of Augusta, Maine", nor their party, "Tom Price, Georgia Republican")
    if spk and not _a_state(spk) and spk.split()[-1] not in _PARTIES:
        return spk
    m = _TRAIL_INV.search(tail)
    if m:
        spk = _clean_np(m.group("spk"))
        if spk and len(spk.split()) <= 8 and not _NOT_SPEAKER.match(spk):
            return spk
    m = _TRAIL_ON_SHOW.search(tail) if "”" in tail or '"' in tail else None
    if m:
        spk = _clean_np(m.group("spk"))
        if spk and not _NOT_SPEAKER.match(spk):
            return spk
    m = _QUOTE_THEN_INV.search(tail)
    # (a name of two words or more, "said Trump" is _TRAIL_INV's, and not "said Secretary" of "Secretary of State
    # Pietro Parolin"; a description does not begin "one" or "another")
    if m and len(m.group("name").split()) >= 2 and (not m.group("desc") or m.group("desc").split()[0].lower()
                                                     not in _UNNAMED) and _a_name(m.group("spk")):
        # (the sentence's full stop is no part of the name: "... said Capt. Tim Kinsella."; "Jr." keeps its own)
        return _without_full_stop(_a_name(m.group("spk")))
    m = _LEAD.match(s)
    if m:
        # (a speaker described by a relative clause is a few words: "An Israeli driver who witnessed ...")
        spk, *clause = _WHO_CLAUSE.split(m.group("spk"), 1)
        # (and a clause may come first: "The announcements came as Khashoggi's family released a statement", "The
        # new developments come as Croatian Prime Minister Zoran Milanovic says")
        if " as " in spk and _AS.search(spk):
            after_as = _AS_SUBJECT.search(spk)
            spk = after_as.group("spk") if after_as else ""
        spk = _clean_np(spk) if not clause or len(spk.split()) <= 5 else ""
        words = spk.split()
        # (nor does a speaker end in a verb before a plural noun: "Obama rejected claims that ...")
        if spk and len(words) <= (4 if m.group("verb") in _NOUN_LIKE_VERBS else 12) and "," not in spk \
                and not _NOT_SPEAKER.match(words[0]) \
                and not _LEAD_CLAUSE.search(spk) \
                and not (m.group("verb") in _NOUN_LIKE_VERBS and words[-1].endswith("ed")):
            return spk
    m = _TRAIL_INV_ASIDE.search(tail)
    # (a description is before a person's full name, not a word: "said the White House, ..." is no one's)
    # (nor after "one" or "another": "said one Iowa Republican, who ..." names no one)
    if m and (not m.group("desc") or len(m.group("name").split()) >= 2
              and m.group("desc").split()[0].lower() not in _UNNAMED) and _a_name(m.group("spk")):
        return _a_name(m.group("spk"))
    # (each only where what it needs is there: a phrase after a comma, a quote)
    for pattern, where, cue in ((_TRAIL_THEN, tail, _THEN_AFTER_COMMA.search(tail)),
                                (_BETWEEN_QUOTES, s, "“" in s or '"' in s)):
        m = pattern.search(where) if cue else None
        if m and m.groupdict().get("verb") not in _NOUN_LIKE_VERBS:
            spk = _clean_np(m.group("spk"))
            if spk and not _NOT_SPEAKER.match(spk):
                return spk
    # the subject of a verb of saying joined to the sentence's first verb: "Sen. Marco Rubio took to Twitter and said",
    # "He was unable to provide details, but said"
    return _joined_speaker(s) if _JOINED_VERB.search(s) else None


def _joined_speaker(s: str) -> str | None:
    """The subject of a verb of saying joined to a sentence's first verb, where _JOINED_SAYING finds one."""
    m = _JOINED_SAYING.match(s)
    # (not where a noun of people follows the name, whose speakers they are: "Republican senators met", "White House
    # spokeswoman Joanna Rosholm disputed", "Tulsa police released")
    if not m or m.group("next") in _QUALIFIED_HEADS or m.group("next") in TITLES or m.group("next") == "police":
        return None
    if m.group("spk") in ("He", "She", "They", "We", "I"):      # (not "It was also nice when …")
        return m.group("spk")
    # (a name's first word is no word of the language, but for a title or a given name: not "The", "During",
    # "Unemployment", "Another")
    first = m.group("spk").split()[0]
    if not is_common_word(first) or first.lower().rstrip(".") in TITLES or first in _given_names():
        return _a_name(m.group("spk"))
    return None


# "and said", "but has told": how the verb of saying is joined (found first: few sentences have it, and
# _JOINED_SAYING is slow to fail)
_JOINED = r"(?:and|but)\s+(?:also\s+|then\s+|later\s+|has\s+|have\s+|had\s+)*(?:said|says|told|tells|added|adds)\b"
_JOINED_VERB = re.compile(r"\b" + _JOINED)
# (a name, not a possessive, "Trump's lawyer met Mueller and said", nor a list's first name, "Pelosi and Schumer met
# and said"; and no quotation before the verb of saying, whose words may be anyone's)
_JOINED_SAYING = re.compile(
    r"^" + _OPENING + r"(?P<spk>(?:He|She|They|We|I)\b|(?:[A-Z][\w.\-]*\s+){0,4}[A-Z][\w.\-]*)"
    r"(?:\s+(?:himself|herself|themselves))?\s+(?!and\b|or\b|nor\b|of\b|for\b)(?P<next>[a-z][\w’'\-]*)[^\"“”]*?"
    r"(?:,\s*|\s)" + _JOINED)


def _trailing_speaker(s: str, tail: str) -> str | None:
    """The speaker of a trailing "…, X said". Where the first such place names no one, a later one after a comma
    may, if its words begin as a speaker's do ("The plan, which Republicans said would cut taxes, is dead, Schumer
    said"; not "…, given how complex the government said", "…, let us say")."""
    m = _TRAIL.search(tail)
    while m and m.group()[0] == "." and (_LETTERS_STOP.search(tail[max(0, m.start() - 3):m.start()])
                                         or _TITLE_STOP.search(tail[max(0, m.start() - 16):m.start()])):
        m = _TRAIL.search(tail, m.start() + 1)
    pattern = _TRAIL if m else _TRAIL_CONTINUED if "continued" in tail else None
    if m is None and pattern is not None:
        m = pattern.search(tail)
    # (a later place follows a comma: looked for as that, where the pattern allows)
    later = _TRAIL_AFTER_COMMA if pattern is _TRAIL else pattern
    lead = _LEAD_ASIDE.match(s) if " who " in s else None
    first = True
    while m:
        # (no speaker ends in a preposition: "…, the number of confirmed cases now exceeds 500")
        if m.group("spk").rsplit(None, 1)[-1] not in _ENDS_NO_SPEAKER \
                and (first or m.group().startswith(",") and _BEGINS_A_SPEAKER.match(m.group("spk"))):
            # (not inside a relative clause about the sentence's subject: "Vice President Mike Pence, who in a 2016
            # interview with Fox News claimed …, said" is Pence's)
            if lead and lead.group("aside").lstrip(", ").startswith("who ") \
                    and lead.start("aside") <= len(s) - len(tail) + m.start("spk") < lead.end("aside"):
                return None
            spk = _clean_np(m.group("spk"))
            # "the official, speaking on condition of anonymity, said" keeps "the official"
            if spk and not _NOT_SPEAKER.match(spk) and len(spk.split()) <= 10:
                return _described_person(s, len(s) - len(tail) + m.start("spk"), spk) or spk
        first = False
        m = later.search(tail, m.start() + 1)
    return None


# How a speaker's words begin: a name, a determiner, "as" ("as Sen. Jeff Merkley says") or people
_BEGINS_A_SPEAKER = re.compile(r"[A-Z]|(?:" + "|".join(sorted(_UNNAMED)) + r"|his|her|its|their|both|all|most|as"
                               r"|people|\w+s)\b")
_ENDS_NO_SPEAKER = frozenset("of for in on at by with from".split())   # ("to say" is _tail_of_np's)


# How a description relates its people to a person: "close to", "familiar with", "allies of", "an aide to"
_RELATIONS = frozenset("of to for around near with".split())


# the titles news writes before a person's name alone, as it writes them there
_PERSON_TITLES = frozenset("""Sen. Rep. Gov. Gen. Adm. Dr. Mr. Mrs. Ms. Senator Representative Congressman
Congresswoman Governor Mayor""".split())


def _related_to(words: list[str]) -> bool:
    """Whether a speaker's words describe people by a person or a body they are related to: "A source close to
    Christie", "People familiar with Biden's thinking", "Allies of Pelosi", "a senior adviser to Trump", "The head of
    the FBI"; not a name's or a title's words ("Former Secretary of State Hillary Clinton", "Director of National
    Intelligence James Clapper")."""
    k = next((i for i, w in enumerate(words) if i and w in _RELATIONS), 0)
    named = k + 2 if k + 2 < len(words) and words[k + 1] == "the" else k + 1
    if not (1 <= k <= 4) or named >= len(words) or not words[named][:1].isupper():
        return False
    # (nor the office of a person then named with a title: "chairman of the House Intelligence Committee Rep. Adam
    # Schiff"; not the person it is related to, "a senior adviser to Sen. Mitch McConnell")
    if any(w in _PERSON_TITLES for w in words[named + 1:-1]):
        return False
    # (the description's first word is a word, not a name, a pronoun, a title in capitals or a body's head: "Thrush
    # in a statement to Vox", "He appeared with Obama", "Isle of Man Chief Minister Allan Bell", "Director of National
    # Intelligence James Clapper", "Office of Management and Budget (OMB) Director Mick Mulvaney")
    first = words[0]
    if first.lower() in _PRONOUN or first[:1].isupper() and (
            first.lower().rstrip(".") in TITLES or first.lower() in ORG_HEADS
            or not (first.lower() in _UNNAMED or is_common_word(first))):
        return False
    # (and words, not a name's: "Former Secretary of State Hillary Clinton", "The Center for Responsive Politics")
    return all(w.islower() for w in words[1:k])


def _a_person(spk: str) -> str | None:
    """As _a_name, for a person's name only: a given name before its last word, and no party as that word
    ("Felipe Calderón", "Cmdr. Gary Ross"; not "Sen. Lindsey Graham of South Carolina"'s "South Carolina", nor
    "South Dakota Republican": a relative clause may be about the place or body named last)."""
    name = _a_name(spk)
    words = name.split() if name else []
    given = _given_names()
    return name if any(w in given for w in words[:-1]) and words[-1] not in _PARTIES else None


def _without_full_stop(spk: str) -> str:
    """A name at a sentence's end without the sentence's full stop: "Capt. Tim Kinsella." (but "Jr." keeps its own)."""
    return spk[:-1] if spk.endswith(".") and len(spk.rsplit(None, 1)[-1]) > 4 else spk


def _a_state(name: str) -> bool:
    """A place, or a state as news abbreviates it after a city ("Mich.", "Colo.")."""
    return bool(place_kind(name)) or name.lower().rstrip(".") in US_STATE_ABBREVIATIONS


def _a_name(spk: str) -> str | None:
    """A name the patterns with _NAME found, without a party and state after it ("Sen. Mike Braun (R-Ind.)"); None
    where it is no speaker: "Joe Manchin, D-W.Va., and Pat Toomey, R-Pa., announced" """
    if _NOT_SPEAKER.match(spk) or _PARTY_STATE.match(spk) or _only_when(spk.split()):
        return None
    return _PARTY.sub("", spk)


# A person's title as news shortens or varies it, in one form: "Gov." is "governor", "Rep." and "congresswoman"
# are "representative"
_ROLE_FORMS = {"gov": "governor", "sen": "senator", "sens": "senator", "rep": "representative", "reps": "representative",
               "congressman": "representative", "congresswoman": "representative", "gen": "general",
               "lt": "lieutenant", "col": "colonel", "maj": "major", "adm": "admiral", "capt": "captain",
               "sgt": "sergeant", "prof": "professor", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
               "chairwoman": "chairman", "chair": "chairman", "vice-president": "vice president"}
# Title words that name no role alone: honorifics, and words that qualify a role ("Interior Secretary")
_NO_ROLE = frozenset("""mr mrs ms dr sir lady dame lord national security press communications foreign defense defence
interior state chief deputy vice majority minority field crown prime attorney""".split())
# Words before a title that qualify it without being one: "former Vice President Dick Cheney"
_ROLE_QUALIFIERS = frozenset("former then acting outgoing incoming late".split())
# Words that make another role of a title: "the president" is neither the vice president nor a former one, "the
# governor" no lieutenant governor, "the general" no attorney general, "the minister" no prime minister
_OTHER_ROLE = frozenset("vice deputy former attorney prime press chief assistant lieutenant".split())
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+((?:[\w’'.\-]+[,;]?\s+){0,5})")
_ROLE_ENDS = frozenset("of for at to in from who and with on".split())


def _role(word: str) -> str:
    low = word.lower().rstrip(".,")
    return _ROLE_FORMS.get(low, low)


def _is_title(word: str) -> bool:
    low = word.lower().rstrip(",")
    return low in TITLES or low.rstrip(".") in TITLES or low.rstrip(".") in _ROLE_FORMS


def roles_of(text: str, m: Mention) -> frozenset[str]:
    """The titles news gives a person where it names them: before the name ("former Vice President Dick Cheney",
    "Arkansas Gov. Asa Hutchinson") or in an aside after it ("Ryan Zinke, the interior secretary,")."""
    roles: set[str] = set()
    for w in reversed(text[max(0, m.start - 60):m.start].split()):
        if w.endswith((",", ";", ":")) or not (_is_title(w) or w.lower() in _ROLE_QUALIFIERS):
            break
        _add_role(roles, w)
    after = _APPOSITION.match(text, m.end, m.end + 80)
    if after:
        for w in after.group(1).split():
            if w.lower().rstrip(",.") in _ROLE_ENDS:
                break
            _add_role(roles, w)
            if w.endswith((",", ".", ";")):
                break
    return frozenset(roles)


# Titles that say a person's sex: "Mr. Kirby", "Congresswoman Nancy Pelosi", "Chairwoman Maxine Waters"
_MASCULINE_TITLES = frozenset("""mr congressman chairman spokesman assemblyman councilman alderman king prince sir lord
duke""".split())
_FEMININE_TITLES = frozenset("""mrs ms miss congresswoman chairwoman spokeswoman assemblywoman councilwoman alderwoman
queen princess dame lady duchess""".split())


def sex_of(text: str, m: Mention) -> str | None:
    """"M" or "F" for a person the text names with a title that says so ("Ms. Collins", "Congressman John Smith"), or
    by a given name news uses for men or for women only ("Susan Collins"); None where neither tells."""
    for w in reversed(text[max(0, m.start - 60):m.start].split()):
        low = w.lower().rstrip(".,")
        if low in _MASCULINE_TITLES:
            return "M"
        if low in _FEMININE_TITLES:
            return "F"
        if w.endswith((",", ";", ":")) or not (_is_title(w) or w.lower() in _ROLE_QUALIFIERS):
            break
    words = m.name.split()
    return given_name_gender(words[0]) if len(words) >= 2 else None


def _named_sex(words: list[str]) -> str | None:
    """The sex the first given name before a name's surname says, where news uses it for men or for women only, past
    the titles and descriptions before it ("MP Simon Clarke", "Prime Minister Theresa May", "Lt. J. Paul Vance")."""
    return next((sex for w in words[:-1] if (sex := given_name_gender(w))), None)


def _add_role(roles: set[str], word: str) -> None:
    # ("former" is kept: "the former president" is another role than "the president")
    if _is_title(word) or word.lower() == "former":
        roles.update(_role(word).split())


# How far back (in characters) "he said" or "she said" may refer to a person named who had not spoken before
PRONOUN_REACH = 1500


class SpeakerResolver:
    """Resolves "he", "Kirby", "the agency", "the official", "the governor" to the speaker named earlier in the
    same article."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.history: list[tuple[str, str]] = []      # (canonical speaker, its type)
        self._described: list[tuple[str, str]] = []   # unnamed speakers: "a senior US military official"
        self.titled: list[tuple[str, frozenset[str]]] = []    # people named so far, with their titles
        self.named: Counter[str] = Counter()     # how often each surname has been named so far
        self.orgs: list[str] = []                # the organisations named so far
        self.documents: dict[str, str] = {}      # "statement" -> who spoke in the last sentence naming one
        self.sex: dict[str, str] = {}            # surname -> "M", "F", or "" for a man and a woman of one surname
        # (what tells a person's sex is read when a pronoun first needs it: most names never are)
        self._unread: dict[str, list[Mention]] = defaultdict(list)     # surname -> its people not read yet
        self.people: list[tuple[int, str]] = []  # (where, name) of each person named so far
        self._quotes: list[tuple[int, int]] | None = None     # where the text quotes someone, once needed
        self.spoke_at: dict[str, int] = {}       # speaker -> where they last spoke
        self.spoke_until: dict[str, int] = {}    # speaker -> where the sentence they last spoke in ends
        self.starts: list[int] = []              # where each sentence so far begins
        self.surnames: set[str] = set()          # the last words of the people named so far

    def passed(self, m: Mention, roles: frozenset[str]) -> None:
        """A name the article gave before the sentence at hand, with the titles it gave a person."""
        if m.type == "ORG":
            self.orgs.append(m.name)
        elif m.type == "PERSON" or m.type == "" and m.name[:1].isupper() and " " not in m.name:
            surname = m.name.split()[-1]
            self.named[surname] += 1
            # (a capitalised word the text gave no type is a person's only as the surname of one named before:
            # not "Trojan" nor "LGBT")
            if m.type == "PERSON" or surname in self.surnames:
                self.people.append((m.start, m.name))
            if m.type == "PERSON":
                self.surnames.add(surname)
                self._unread[surname].append(m)
            if roles:
                self.titled.append((m.name, roles))

    def _surname_sex(self, surname: str) -> str | None:
        """The sex of the people of this surname the article named so far, where it tells it and they agree."""
        for m in self._unread.pop(surname, ()):
            sex = sex_of(self.text, m)
            if sex:
                self.sex[surname] = sex if self.sex.get(surname, sex) == sex else ""
        return self.sex.get(surname)

    def _quoted(self, where: int) -> bool:
        """Whether `where` is in someone's quoted words (a name there is no one a later "he said" means)."""
        if self._quotes is None:
            text = self.text
            self._quotes = [m.span() for m in _QUOTED.finditer(text)] if '"' in text or "“" in text or "‘" in text \
                else []
        i = bisect_right(self._quotes, (where, len(self.text) + 1)) - 1
        return i >= 0 and self._quotes[i][0] < where < self._quotes[i][1]

    def _sex_of(self, name: str) -> str | None:
        """A person's sex as the name's given name tells it, or else the article, for anyone of that surname it named
        (by a title or a given name: not where it named a man and a woman of that surname); None where neither does."""
        words = name.split()
        if not words:
            return None
        return _named_sex(words) or self._surname_sex(words[-1]) or None

    def _may_be(self, name: str, sex: str) -> bool:
        """Whether "he" (sex "M") or "she" ("F") can be this person: not where the article or the given name says
        otherwise."""
        known = self._sex_of(name)
        return known is None or known == sex

    def _titled(self, words: list[str]) -> str | None:
        """"the governor", "the former vice president", "the interior secretary": the person named with that title,
        of several the one the article names most ("the president" in a story of Trump's that names Turkey's
        president once), then the last."""
        head = _role(words[-1])
        if head in _NO_ROLE or not _is_title(head):
            return None
        low = {w.lower() for w in words}
        kinds = _OTHER_ROLE & low
        best = None
        for i, (name, roles) in enumerate(self.titled):
            if head in roles and _OTHER_ROLE & roles == kinds:
                rank = (self.named[name.split()[-1]], i)
                if best is None or rank > best[0]:
                    best = (rank, name)
        return best[1] if best else None

    def resolve(self, np: str, mentions: list[Mention], at: int = 0, before: list[Mention] = (),
                end: int | None = None) -> str | None:
        """Who the attribution `np` of the sentence from `at` to `end` names: a name in it, or the speaker or person it
        refers to (`before`: the names the sentence gives before it)."""
        speaker = self._resolve(np, mentions, at, before)
        if speaker:
            self.spoke_at[speaker] = at
            self.spoke_until[speaker] = at if end is None else end
        return speaker

    def _named_as(self, said: str, at: int) -> str | None:
        """The person last named before `at` with these words before the name or after it: "the Pentagon spokesman"
        is the "Pentagon spokesman John Kirby" or the "John Kirby, the Pentagon spokesman," named before."""
        before = re.compile(r"(?:^|\W)" + re.escape(said) + r" $", re.I)
        after = re.compile(r",\s+(?:the|a|an)\s+" + re.escape(said) + r"\s*[,;.)]", re.I)
        for where, name in reversed(self.people):
            if where < at and (before.search(self.text, max(0, where - len(said) - 2), where)
                               or after.match(self.text, where + len(name))):
                return name
        return None

    def _pronoun(self, low: str, at: int) -> str | None:
        """Who "he", "she", "it", "they", "we" or "I" said it: the last speaker it can mean ("she said" is no man who
        spoke, as the article or the name's given name tells), or a person named since who is surely meant ("...
        argues Ms. Wareham. ... she notes"), or, where no one it can mean has spoken, the person last named, a little
        before, who may be meant ("Lauren Evans, 19, fled her home ... 'It was getting bad,' she said.")."""
        want = {"he": "PERSON", "she": "PERSON", "i": "PERSON", "it": "ORG", "they": None, "we": None}[low]
        sex = {"he": "M", "she": "F"}.get(low)
        spoke = None
        for spk, t in reversed(self.history):
            # a bare surname the text gave no type ("Miller said") is still a person's name (not a description:
            # "Pakistan's military", "a Vatican source")
            if want is None or t == want or (want == "ORG" and t in ("ORG", "PLACE", "")) \
                    or (want == "PERSON" and t == "" and len(spk.split()) <= 3
                        and all(w[:1].isupper() or w in _NAME_PARTICLES for w in spk.split())):
                if sex and not self._may_be(spk, sex):
                    continue
                spoke = spk
                break
        if not sex:
            return spoke
        since = self.spoke_at.get(spoke, -1) if spoke else -1
        # (not whom the speaker spoke of, in the sentence they spoke in: "Odom confirmed that a businessman would run
        # to oust Mr. Ryan. 'I've had …,' he said" is Odom's)
        until = self.spoke_until.get(spoke, since) if spoke else -1
        for where, name in reversed(self.people):
            if where < at - PRONOUN_REACH or spoke and where <= since:
                break
            if where < until or self._quoted(where):
                continue
            if spoke is None and self._may_be(name, sex) or self._sex_of(name) == sex:
                name = self._subject(where, name, sex)
                self.history.append((name, "PERSON"))
                return name
        return spoke

    def _subject(self, where: int, name: str, sex: str) -> str:
        """Of the people a pronoun can mean in the sentence that names `name` at `where`, the first named, who is
        mostly its subject: "Obama also gave Geithner a send-off. 'When the history books are written …,' he said" is
        Obama's. Not a name that owns something ("Trump's campaign CEO Stephen Bannon explained"), nor one in a
        phrase the sentence opens with ("As Trump soared in the polls, Ryan has watched warily"), nor one qualifying
        a noun ("Former Trump strategist Steve Bannon thinks")."""
        i = bisect_right(self.starts, where) - 1
        if i < 0:
            return name
        start = self.starts[i]
        opening = opening_phrase(self.text, start)
        if opening:
            start = opening.end()
        for at, other in self.people[bisect_left(self.people, (start, "")):]:
            if at >= where:
                break
            if self._quoted(at) or _NAME_QUALIFIES.match(self.text, at + len(other)):
                continue
            if self._may_be(other, sex):
                return other
        return name

    def _resolve(self, np: str, mentions: list[Mention], at: int, before: list[Mention] = ()) -> str | None:
        low = np.lower()
        if low in _PRONOUN:
            return self._pronoun(low, at)
        owner = _OWNERS.get(low.split(None, 1)[0])
        if owner:
            # "Boehner offered a proposal, his office said": the owner is the person (or for "its" the body) named
            # last before it in the sentence, else whom the pronoun would mean; the speaker, theirs ("Boehner's
            # office"), or none where no one is meant
            who = self._owner(owner, before, at)
            return f"{who}’s {np.split(None, 1)[1]}" if who else None
        # "a senior US military official": an unnamed speaker described, not the place named in passing
        words = np.split()
        # "Ukraine's military spy agency": a described speaker, not the place named as its owner
        # ("a Wisconsin Republican", "the California Democrat": a party's member from a place, not the place)
        member = words[-1] in _PARTY_MEMBERS and any(m.type == "PLACE" for m in mentions)
        # "The Trump administration", "the House speaker", "White House officials", "a Trump aide": a name that
        # qualifies the speaker, who is the noun after it (but a report or a poll is its author's: "the Reuters
        # report", "a CNN poll")
        if any(m.type != "PLACE" for m in mentions) and _qualified(words):
            said = _DET.sub("", np)
            spk = self._named_as(said, at)
            if spk:
                self.history.append((spk, "PERSON"))
                return spk
            # (officials are no "he", a campaign is an "it")
            kind = "GROUP" if words[-1] in _PLURAL_HEADS else "ORG" if words[-1] in _BODY_HEADS else ""
            self.history.append((said, kind))
            self._described.append((said, kind))
            return said
        # "A source close to Christie", "Allies of Pelosi", "a senior adviser to Trump", "The head of the FBI": people
        # described by the person or the body they are related to, which is not the speaker (a place is left to
        # what follows: "officials in Kyiv" speak for Ukraine)
        # (not a title's place before the person who holds it: "Former special envoy to Ukraine Kurt Volker")
        if _related_to(words) and any(m.type != "PLACE" for m in mentions) \
                and not (mentions[0].type == "PLACE" and mentions[-1].type == "PERSON"):
            return self._described_speaker(np)
        # ("One voter from Boston", "A snow plow driver in Fairfax": a described speaker, placed)
        caps = next((i for i, w in enumerate(words) if i and w[:1].isupper()), 0)
        placed = caps >= 3 and words[0].lower() in _UNNAMED and words[1][:1].islower() \
            and words[caps - 1] in ("from", "in", "of", "near", "at", "outside", "for", "to") \
            and bool(mentions) and all(m.type == "PLACE" for m in mentions)
        # ("Qatar's Prime Minister", "the Senate Majority Leader": a title, capitalised, describes a person, not the
        # place or the body named in it)
        # (not the name of a body that ends in a title's word: "Office of Legal Counsel", "the Brennan Center for
        # Justice")
        titled = words[-1].lower() in _TITLE_HEADS and all(w[:1].isupper() or w in ("the", "a", "an") for w in words)
        described = placed or titled or (words[-1][:1].islower() or member) and (
            words[0].lower() in ("a", "an", "one", "another") or not any(m.type in ("PERSON", "ORG") for m in mentions))
        # "Broadway star Lin-Manuel Miranda", "Azadeh Erfani of the … Coalition": a name news knows no given name of,
        # described before it or placed after it, is the speaker, not the body or the place in the description
        head = _head_name(np, mentions)
        if head:
            self.history.append((head, ""))
            return head
        # a named entity inside the phrase: prefer a person, then an organisation, then a place
        # (a building or a room is where people spoke, not who: "allies on Capitol Hill", "in the Oval Office")
        for want in ("PERSON",) if described else ("PERSON", "ORG", "PLACE", ""):
            named = [m for m in mentions if m.type == want and not (want == "PLACE" and m.name.lower() in KNOWN_SITES)]
            if named:
                spk = named[-1].name if want == "PERSON" else named[0].name
                self.history.append((spk, want))
                return spk
        # "the agency", "the official", "the Ukrainian agency": the last speaker of that kind
        head = _DET.sub("", np).split()[-1].lower() if np.split() else ""
        if words[0].lower() == "the" and head:
            # (the party's member from that place: "the Michigan Democrat" is not the New York Democrat who spoke)
            said = " ".join(words[1:]).lower() if member else head
            for spk, t in reversed(self.history):
                if _says_it(said, spk):
                    return spk
            spk = self._titled(words) if len(words) >= 2 else None
            if spk:
                self.history.append((spk, "PERSON"))
                return spk
            # "the statement said": who spoke in the last sentence that named a statement
            if head in self.documents:
                return self.documents[head]
            for spk_np, t in reversed(self._described):
                if _says_it(said, spk_np):
                    return spk_np
            # "the service announced" after "the U.S. Fish and Wildlife Service": the last body of that kind named
            # (not "the government": that is the country's, whichever body was named last)
            if head in _ORG_HEADS_SPOKEN and head != "government":
                for name in reversed(self.orgs):
                    if head in name.lower().split():
                        self.history.append((name, "ORG"))
                        return name
            # "the agency said" after "the HUR said", "the news agency reported" after the AP: the organisation that
            # spoke last (not "the Ukrainian military said" after Ukraine's Security Service, nor "the state health
            # department" after Johns Hopkins University: a body described further is that description)
            if head in _ORG_HEADS_SPOKEN and (len(words) == 2
                                              or len(words) == 3 and words[1].lower() in ("news", "wire")):
                for spk, t in reversed(self.history):
                    # (not a paper that reported it, "The Hill")
                    if t == "ORG" and not a_paper_name(spk):
                        return spk
        return self._described_speaker(np)

    def _owner(self, pronoun: str, before: list[Mention], at: int) -> str | None:
        """Whom "his", "her" or "its" in a speaker's words means: the last person (a body or a place, for "its") named
        earlier in the sentence that it can mean, else the speaker the pronoun would be."""
        for k, m in reversed(list(enumerate(before))):
            # (not a name in someone's quoted words; a name the text gave no type is a person's as a known surname
            # or as the sentence's first words: "Phillipos was at the university, his lawyers said")
            if self._quoted(m.start):
                continue
            if pronoun == "it" and m.type in ("ORG", "PLACE") \
                    or pronoun != "it" and (m.type == "PERSON" or m.type == "" and (m.name.split()[-1] in self.surnames
                                                                                   or k == 0 and m.start == at)) \
                    and self._may_be(m.name, "M" if pronoun == "he" else "F"):
                return m.name
        # (a body that has not spoken yet is still the one "its" means: "The ministry issued a statement. Its
        # spokesman said")
        return self._pronoun(pronoun, at) or (self.orgs[-1] if pronoun == "it" and self.orgs else None)

    def _described_speaker(self, np: str) -> str:
        """An unnamed speaker, as described: "source close to Christie", "senior US military official"."""
        spk = _DET.sub("", np)
        spk = spk[0].lower() + spk[1:] if spk[:1].isupper() and spk.split()[0].lower() in ("a", "an") else spk
        self.history.append((spk, ""))
        self._described.append((spk, ""))
        return spk


# Small words inside people's names: "Hamish de Bretton-Gordon", "Ursula von der Leyen"
_NAME_PARTICLES = frozenset("de da del della der di du van von al el bin ibn la le dos das".split())
# Words that relate a name to what comes before it, not describe it: "a spokesman for Goldman Sachs"
_RELATING = frozenset("of the and for to at in with from by on".split())


def _head_name(np: str, mentions: list[Mention]) -> str | None:
    """An untyped name of two or three words that a speaker's phrase is about: after a description's last word, and
    at the phrase's end or before "of" or a comma ("NBA superstar LeBron James of the Cleveland Cavaliers", "Cairo
    resident Akram Karam", "CNN's Kaitlan Collins"), or beginning the phrase before "of" ("Azadeh Erfani of the …
    Coalition"). (Not one word: "Neither Baroni nor Wildstein responded".)"""
    for m in mentions:
        if m.type or not 2 <= len(m.name.split()) <= 3:
            continue
        at = np.find(m.surface)
        if at < 0:
            continue
        before, after = np[:at].split(), np[at + len(m.surface):]
        ends = not after.strip() or after.startswith((" of ", ","))
        # (not a description inside another's, "Amrita Sen of consultancy Energy Aspects", nor a person's work:
        # "according to Austin Sarat's Gruesome Spectacles", where "CNN's Kaitlan Collins" is the speaker)
        if at == 0 and after.startswith(" of ") or before and ends and not _RELATING.intersection(before) \
                and not any(p.type == "PERSON" and 0 <= np.find(p.surface) < at for p in mentions):
            return m.name
    return None


POST_CHARS = 320


def _posts(text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """The posts embedded in an article, as (start of their paragraph, start of their signature, author): "… It's
    fantastic to see so many engaged. pic.twitter.com/x — Adam Schiff (@RepAdamSchiff) February 25, 2017". The author
    is the person (or else the body) the signature names: "Vice President Mike Pence (@VP)" is Mike Pence."""
    posts = []
    for m in post_signatures(text):
        a, b = m.span("name")
        named = [x for x in mentions if a <= x.start < b]
        person = [x for x in named if x.type == "PERSON"]
        author = person[-1].name if person else named[0].name if named else m.group("name").strip(" ,.?!")
        if author[:1].isalpha():
            # (a post is at most 280 characters and its picture's link: what runs into its paragraph before
            # that is someone else's)
            posts.append((max(text.rfind("\n", 0, m.start()) + 1, m.start() - POST_CHARS), m.start(), author))
    return posts


_QUOTE_CLOSE = re.compile(r"[”\"]|''|’’")
_WORD_CHARS = re.compile(r"\w")


def _outside_opening_quote(stext: str, np: str) -> str | None:
    """The speaker of a sentence that opens with a quotation, read outside it: a speaker found only in the quoted
    words is whom they cite, not who says them ("“Most economists actually say we are not going to have a recession
    …”", "“Senator Schumer says you can't …”"); the sentence is read again with the quoted words blanked out
    ("“Everything in my political gut tells me …,” he said, “and …”" is "he")."""
    close = _QUOTE_CLOSE.search(stext, 1)      # (none: the quotation goes on past the sentence)
    end = close.start() if close else len(stext)
    if np not in stext[:end]:
        return np
    # (no speaker can be read in the blanked words: they hold no verb of saying, and a quotation mark ends them)
    return find_attribution(stext[0] + _WORD_CHARS.sub("x", stext[1:end]) + stext[end:])


def _goes_on_quoting(text: str, before: Claim, at: int) -> bool:
    """Whether the sentence at `at` goes on with the words the claim before it quoted: it opens with a quotation mark,
    in the same paragraph, right after a quote of a speaker's ("“They were partisan,” Ted Olson said. “They believed
    in the things they were doing.”")."""
    return text[at:at + 1] in "\"“" and bool(before.quotes) and "\n" not in text[before.end:at]


def build_claims(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Claim]:
    """One claim per reporting sentence of at least three words (or with a figure)."""
    claims: list[Claim] = []
    resolver = SpeakerResolver(text)
    mi = 0
    ms = sorted(mentions, key=lambda m: m.start)
    passed = 0      # the names before the sentence at hand, told to the resolver as the sentences pass them
    # a sentence can only hold the hedge words its article holds: test just those in each sentence
    text_low = text.lower()
    hedge_words = tuple(k for k in _HEDGE_WORDS if k in text_low)
    # the words of an embedded post are its author's, unless they say whose they are ("Trump says …")
    posts = _posts(text, mentions)
    for s in sentences:
        resolver.starts.append(s.start)
        stext = text[s.start:s.end]
        words = stext.split(None, 2)      # enough to tell "fewer than three"
        figures = tuple(f.__class__(**{**f.__dict__, "start": f.start + s.start, "end": f.end + s.start})
                        for f in find_figures(stext))
        # (a list's number alone, "1.", is no claim)
        if len(words) < 3 and (not figures or not any(ch.isalpha() for ch in stext)):
            continue
        while mi < len(ms) and ms[mi].end <= s.start:
            mi += 1
        while passed < len(ms) and ms[passed].start < s.start:
            m = ms[passed]
            resolver.passed(m, roles_of(text, m) if m.type == "PERSON" else frozenset())
            passed += 1
        np = find_attribution(stext)
        if np and stext[:1] in "\"“":
            np = _outside_opening_quote(stext, np)
        speaker = None
        if np:
            mj = mi
            while mj < len(ms) and ms[mj].start < s.end:
                mj += 1
            inside = ms[mi:mj]
            rel_start = stext.find(np)
            np_mentions = [m for m in inside if rel_start >= 0 and s.start + rel_start <= m.start < s.start + rel_start + len(np)]
            before = [m for m in inside if m.start < s.start + max(rel_start, 0)]
            speaker = resolver.resolve(np, np_mentions, s.start, before, s.end)
            if speaker:
                for doc in _DOCUMENT.findall(stext.lower()):
                    resolver.documents[doc] = speaker
        if speaker is None and posts:
            speaker = next((author for para, signed, author in posts if para <= s.start < signed), None)
        if speaker is None and np is None and claims and _goes_on_quoting(text, claims[-1], s.start):
            speaker = claims[-1].speaker
        quotes = tuple(quoted_spans(stext))
        hedges: tuple[str, ...] = ()
        if hedge_words:
            low = stext.lower()
            if any(k in low for k in hedge_words):
                hedges = tuple(sorted({h.group().lower() for h in _HEDGES.finditer(stext)}))
        long_quote = any(len(q.split()) >= 5 for q in quotes)
        counted = [f for f in figures if f.kind in ("count", "percent", "money")]
        kind = "quote" if long_quote else ("figure" if counted else "statement")
        claims.append(Claim(s.start, s.end, stext, kind, speaker, hedges, figures, quotes, s.is_heading))
    return claims
