"""Named entities: finding people, organisations and places in news text, and joining their names across articles.

A news-aware extractor: capitalised chunks, with titles stripped and
possessives folded, typed from cues news writing gives (titles, role words,
"village of", "unit", organisation head words), a gazetteer of places and a
lexicon of how news capitalises each word. Resolution joins surnames to full
names, spelling variants, acronyms to their expansions, and country aliases.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from .lexicon import (KNOWN_ORGS, KNOWN_SITES, MONTH_NUMBERS, PLACE_ALIASES, US_STATE_ABBREVIATIONS,
                      US_STATE_ABBREVIATIONS_AFTER_A_PLACE, WEEKDAYS, first_names, is_common_word, is_demonym,
                      place_kind, word_stats)
from .model import Mention

# A name token: a capitalised word (with inner apostrophes, hyphens, dots, slashes), a dotted initialism, or a particle.
# (Written for speed: the initialism unrolled, one word boundary shared, the particles factored; it runs on
# every character of every sentence.)
_PARTICLES = "al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|abd|ul"     # joined to a name by a hyphen: "al-Assad"
_NAME_TOKEN = re.compile(
    rf"[A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*|\b(?:(?:{_PARTICLES})-[A-Z]\w*"
    r"|[A-Z0-9][\w]*(?:[’'](?!s\b)\w+|[\-./&]\w+)*"
    r"|(?:of|for|the|on|to|against|and|d(?:e|a|el|u|er|en|os|as|i)|al|bin|ibn|bint|ter|v(?:an|on)|l(?:a|e))\b)")
_DOTTED_LETTERS = re.compile(r"\b(?:[A-Za-z]\.){2,}(?!\w)")        # "F.B.I.", "U.N." (and "f.b.i." in a key)
_SENTENCE_STARTERS = frozenset("""I It It's It’s He She We They You The This That These Those There But And A An
In On If When So His Her Our Their""".split())
_PARTICLE_NAME = re.compile(rf"^(?:{_PARTICLES})-(?=[A-Z])")
_PARTICLE_KEY = re.compile(rf"^(?:{_PARTICLES})-(?=\w)")          # (in a lower-cased key)
_POSSESSIVE = re.compile(r"[’']s?$")
# plural nouns whose possessive begins a body's name rather than ending an owner's: "Children’s Defense Fund",
# "Women’s March", "People’s Republic of China", "Boston Children’s Hospital"
_PLURAL_OWNERS = frozenset("Children Women Men People".split())

TITLES = frozenset("""president president-elect vice prime minister secretary general gen gen. major maj maj.
lieutenant lt lt. colonel col col. captain capt capt. admiral adm adm. sergeant sgt sgt. sir dame lord lady
mr mr. mrs mrs. ms ms. dr dr. prof prof. professor senator sen sen. representative rep rep. governor gov gov.
mayor judge justice chancellor king queen prince princess pope rev rev. father sheikh ambassador commander
chief spokesman spokeswoman spokesperson adviser advisor director chairman chairwoman chair ceo envoy counsel
deputy foreign defense defence interior press communications national security state attorney
brig brig. brigadier marshal field gen.-maj. speaker leader premier emperor crown sultan emir ayatollah
archbishop bishop cardinal rabbi imam dean officer official minister-president secretary-general attorney-general
director-general vice-president governor-elect mayor-elect commander-in-chief sens sens. reps reps. majority minority
whip congressman congresswoman councilman councilwoman councilmember assemblyman assemblywoman alderman
alderwoman""".split())
# Title words that can end a title ("Press Secretary", "Spokesperson") or stand alone as one.
_TITLE_HEADS = frozenset("""president president-elect minister secretary general gen gen. major maj maj. lieutenant
lt lt. colonel col col. captain capt capt. admiral adm adm. sergeant sgt sgt. sir dame lord lady mr mr. mrs mrs.
ms ms. dr dr. prof prof. professor senator sen sen. representative rep rep. governor gov gov. mayor judge
justice chancellor king queen prince princess pope rev rev. father sheikh ambassador commander chief
spokesman spokeswoman spokesperson adviser advisor director chairman chairwoman ceo envoy brig brig.
brigadier marshal speaker leader premier emperor sultan emir ayatollah archbishop bishop cardinal rabbi
imam officer counsel secretary-general attorney-general director-general vice-president governor-elect mayor-elect
commander-in-chief sens sens. reps reps. whip congressman congresswoman councilman councilwoman councilmember
assemblyman assemblywoman alderman alderwoman""".split())
_ABBREVIATED_TITLES = frozenset("sen rep gov gen col maj capt lt sgt adm brig".split())
_PLURAL_TITLES = frozenset("senators governors representatives congressmen congresswomen judges generals".split())
ROLE_WORDS = frozenset("""spokesman spokeswoman spokesperson adviser advisor official officials minister secretary
president chief director leader envoy ambassador commander general analyst expert professor lawyer
attorney senator governor mayor chairman ceo founder correspondent reporter editor journalist
colonel captain officer aide diplomat host anchor commentator columnist author actor actress singer comedian coach
economist strategist pollster activist businessman businesswoman billionaire entrepreneur pastor candidate lawmaker
legislator historian scientist researcher investor writer novelist filmmaker producer prosecutor""".split())
ORG_HEADS = frozenset("""ministry department council service agency institute directorate initiative brigade
union press house board committee party bank corporation corp inc group army forces force navy commission
court congress senate parliament assembly organization organisation association federation foundation
university college school daily news times post journal network bureau office administration authority
guard police fund company airlines telegraph guardian tribune herald gazette channel unit regiment battalion
division corps fleet command staff cabinet government republicans democrats coalition alliance front movement
church club league team media radio television tv broadcasting cartel centre center hospital museum
laboratory lab program programme project society trust exchange reserve seminary""".split())
_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central".split())
_PARTIES = frozenset("Republican Republicans Democrat Democrats Democratic GOP Libertarian".split())
PLACE_WORDS = frozenset("oblast region province governorate krai county district state city village town"
                        " republic peninsula island islands mountains river sea ocean valley".split())
_PLACE_CUE_AFTER = re.compile(r"^\s+(?:region|oblast|province|district|county|area|village|town|city|border)\b", re.I)
_ORG_CUE_AFTER = re.compile(r"^\s+(?:unit|units|brigade|battalion|regiment|group|militia|party|agency|channel"
                            r"|newspaper|network|company|firm|ministry|spokesman|spokesperson|officials?)\b", re.I)
# An apposition that says what a name is: "a/an/the", at most four words that are not a preposition ("the owner of
# the Apple Daily newspaper" is a person), a noun of bodies or of places, and what may follow such a noun
_APPOSITION_LEAD = r",\s+(?:a|an|the)\s+(?:(?!(?:of|for|at|to|in|on|from|with|by|and|or)\b)[\w’'-]+\s+){0,4}?"
_ORG_APPOSITION = re.compile(
    _APPOSITION_LEAD + r"(?:group|organi[sz]ation|company|firm|nonprofit|non-profit|charity|network|website|outlet"
    r"|newspaper|magazine|union|coalition|agency|party|think tank|institute|foundation|association|publication"
    r"|broadcaster|station|bank|airline|retailer|manufacturer|start-?up|watchdog|lobby|militia|cartel|corporation"
    r"|conglomerate|publisher|platform|caucus|faction)s?"
    r"(?=\s*[,.;)—]|\s+(?:that|which|whose|of|for|in|based|founded|led|and|with|to|on|at)\b)")
_PLACE_APPOSITION = re.compile(
    _APPOSITION_LEAD + r"(?:city|town|village|suburb|county|province|region|country|island|neighbou?rhood|district"
    r"|port|enclave|territory)"
    r"(?=\s*[,.;)—]|\s+(?:of|in|near|on|outside|north|south|east|west|where|that|which|with|about|just)\b)")
# The last word of a firm's name: "Walt Disney Co", "Tyson Foods", "Koch Industries", "Warner Bros"
_FIRM_SUFFIXES = frozenset("""associates partners llc ltd llp plc co foods industries holdings brothers bros capital
ventures motors pharmaceuticals enterprises technologies securities investments airways""".split())
_FIRM_ENDS = ORG_HEADS | _FIRM_SUFFIXES
_WEB_ENDINGS = (".com", ".org", ".net")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_NOT_INITIALS = frozenset("L.A. D.A. A.G. G.I. P.M. A.M. E.U. U.N.".split())
_ROLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(ROLE_WORDS)) + r")\s+$", re.I)
_LONGEST_ROLE = max(map(len, ROLE_WORDS))
_PREPOSITION_BEFORE = re.compile(r"(?:\bin|\bnear|\baround|\boutside)\s+(?:the\s+)?$")
# "the villages of Martynovka, Plekhovo, and ...": every name in the list is a place
_LISTED_AFTER_PLACE_WORD = re.compile(
    r"(?:villages?|towns?|settlements?|regions?|hamlets?)\s+of\s+(?:[A-Z][\w’'-]+,?\s+(?:and\s+)?)*$")
_PERSON_CUE_AFTER = re.compile(r"^\s*(?:,\s*(?:who|whose)\b|\s+(?:administration|campaign)\b)")
_NAME_OF_BEFORE = re.compile(r"[A-Z][\w’'.\-]*\s+of\s+(?:the\s+)?$")
_REPORT_AFTER = re.compile(r"^\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:said|says|told|added|noted|wrote|stated|argued|insisted|"
                           r"explained|warned|estimated|confirmed|echoed|declined)\b")
# A verb only a publisher takes, after its name: "the Hill reported", "The Intercept first revealed"
_PUBLISHED_AFTER = re.compile(r"\s+(?:has\s+|had\s+|first\s+|also\s+|previously\s+)?(?:reported|reports|wrote|writes"
                              r"|revealed|reveals|published|publishes)\b")
# Words before a publisher's name: "according to The Hill", "told The Atlantic", "writing for The Nation"
_CREDITED_BEFORE = re.compile(r"\b(?:according to|told|(?:spoke|speaking|talked|talking|said) to|interview with|"
                              r"(?:wrote|writes|writing) (?:for|in)|(?:obtained|reported|published) by"
                              r"|(?:op-ed|column|piece|article|essay) in)\s+$")
_AFTER_A_WORD = re.compile(r"[a-z0-9,] ")
_CONNECT = frozenset({"of", "for", "the", "de", "da", "del", "al", "bin", "van", "von", "la", "le", "du", "der", "den",
                      "dos", "das", "di", "ibn", "bint", "ter"})       # "Ursula von der Leyen", "Lula da Silva"
_NAME_SUFFIXES = frozenset("Jr Sr Jr. Sr. II III IV".split())      # "Martin Luther King Jr.", "Robert S. Mueller III"
# Title words that also end bodies' names: a title only with a name after it ("Special Counsel Robert Mueller",
# not "the Office of Legal Counsel")
_NAMED_TITLES = frozenset({"counsel"})
_TITLE_MODIFIERS = frozenset({"special", "independent"})    # part of a title before one: "Special Counsel"
# Titles of a trade that news writes before a name: "National Correspondent John King", "Politico Editor Susan B.
# Glasser", "Senate President Pro Tem David Long"; and the words that describe them ("CNN Senior Legal Analyst", "Times
# White House Reporter", "Quinnipiac University Polling Analyst")
_TRADE_TITLES = frozenset("""editor anchor host co-host correspondent columnist reporter commentator contributor
producer analyst strategist economist tem editor-in-chief publisher""".split())
_TRADE_MODIFIERS = frozenset("""senior chief legal national political congressional executive managing contributing
associate assistant deputy media foreign affairs security polling investigative economic business technology
science health white house washington vatican capitol pro""".split())
_WEEKDAYS = WEEKDAYS
_DAY_NAMES = frozenset("Easter Palm Ash Bowl Giving".split())   # "Easter Sunday", "Super Bowl Sunday", "Giving Tuesday"
_MONTHS = frozenset(MONTH_NUMBERS) | _WEEKDAYS      # (the days too: words of dates)
_NEVER = frozenset("""i a an the this that these those it its he she they we you his her their our my your
mr mrs ms dr ok tv am pm covid oh et est edt pt pst pdt ct cst cdt mt mst mdt gmt utc bst cet""".split())
# Letters that are no body: a thing, a measure, a people ("DNA", "GDP", "LGBTQ")
_NOT_BODIES = frozenset("""dna rna hiv aids gdp cpi lgbt lgbtq lgbtq+ id ceo cfo coo mp mps ptsd adhd ai
iq suv atm gps rpg icbm icbms wmd wmds vip faq""".split())
_MILITARY_UNIT = re.compile(
    r"\b(\d{1,4}(?:st|nd|rd|th)\s+(?:[A-Za-z]+\s+){0,3}?(?:brigade|battalion|regiment|division|army|corps|fleet|squadron|"
    r"group|detachment))\b", re.I)
_ACRONYM_PAREN = re.compile(r"\(\s*([A-Z][A-Za-z]{0,2}[A-Z](?:/[A-Z]+)?)\s*\)")
_DEPARTMENT_OF = "department of "
# (the most any given name is capitalised in an article that uses it, on average, is under 4 times in the news
# lexicon; "Photos" is capitalised 9.8 times)
_CREDIT_REPEATS = 6
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|[A-Z]{2,5}/[A-Z]{2,5}|(?:[A-Z]\.){2,4})$")
# Every military unit holds an ordinal: one search of the article spares each sentence the pattern.
_HAS_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\s", re.I)
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)$")
_NUMBER_AFTER_ABBREVIATION = re.compile(r"\.\s*\d")
_LOWER_HYPHENATED_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]-[A-Z]")
# A given name of two syllables joined by a hyphen, after the surname: "Kim Jong-un", "Moon Jae-in", "Tsai Ing-wen".
# Not a compound of a name and a word: "New York-based", "Cold War-era", "Tea Party-backed", "Ebola-free".
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]{0,5}-([a-z]{1,6})$")
_COMPOUND_HEADS = frozenset("""era area at style like free born made run wide type class only level scale size
    proof year old day time term long friendly esque ish up off out on""".split())
_STOP_BEFORE = re.compile(r"[.!?][\"”’']?\s+$")
# A quotation's or a colon's first word is capitalised by position, as a sentence's is: 'he asked, “Who knows about
# this?”', '"The point is: Who decides?"'
_OPENS_BEFORE = re.compile(r"(?:(?:^|[\s(\[—–])[“‘\"]|:\s+)$")
_QUOTED = re.compile(r"[^”’\"\n]{1,80}(?=[”’\"])")      # a short quotation's words, to its closing mark
# words a title leaves in lower case: "Liberty File with Judge Napolitano", "All In: The Education of David Petraeus"
_TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as vs via".split())
# "(D-Calif.)", "R-Ky.": a lawmaker's party and state, not a name
_AFFILIATION = re.compile(r"^(?:D|R|I|Ind)-[A-Z]")
_TITLE_CASE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SENTENCE_LEAD = re.compile(r"[\s\"“‘'(\[-]*")
_CONTRACTION = re.compile(r"['’](?:m|re|ll|ve|d|t)\b")
# "of", "for" and "the": no name begins with them, however written (nor with a particle written in lower case or
# alone: "Al Gore", "Le Pen", "De Blasio" and "Al Qaeda" begin with theirs, "Van" alone is a word or a town), and no
# person's name holds them ("House of Representatives", "Bank of America")
_OF_FOR_THE = frozenset({"of", "for", "the"})
_AFTER_A_PLACE = re.compile(r"\b[A-Z][\w'’.-]*, $")     # "ARLINGTON, ", "St. Louis, "
_PLACE_ABBREVIATIONS = frozenset({"St", "Ft", "Mt"})     # "St. Louis", "Ft. Worth", "Mt. Vernon"
_PARTY_MEMBERS = frozenset({"democrats", "republicans"})
_COMPLEMENT = frozenset({"for", "to", "of", "on"})      # a title's: "Envoy for Ukraine", "Ambassador to Russia"
# A body's name runs on past its head word with these: "Council on Foreign Relations", "Committee to Protect
# Journalists", "Center for American Progress", "Mothers Against Drunk Driving" (only "of" and "for" join other names)
_BODY_CONNECT = frozenset({"of", "for", "on", "to", "against"})
# and where it has run on, with "and": "Department of Health and Human Services", "Center for Strategic and
# International Studies"
_BODY_JOINERS = _BODY_CONNECT | {"and"}
# What a public body does, the last word of its name: "Immigration and Customs Enforcement", "Health and Human
# Services", "Housing and Urban Development", "Customs and Border Protection"
_BODY_FUNCTIONS = frozenset("""enforcement services development prevention protection affairs security research
relations safety welfare""".split())
# who a campaigning group is made of, the head of its name before "for" or "against": "Americans for Prosperity",
# "Students for Fair Admissions", "Mothers Against Drunk Driving", "Veterans of Foreign Wars"
_MEMBERS = frozenset("""Americans Citizens Students Parents Mothers Moms Fathers Physicians Doctors Nurses Scientists
Veterans Families Taxpayers Women Lawyers Workers Teachers""".split())
# the first word of a place's name that says what the place is
_PLACE_PREFIXES = frozenset("Mount Mt. Fort Ft. Port Lake Cape Camp".split())
_BODY_HEADS = frozenset("""council committee commission center centre institute foundation federation coalition
alliance association league union fund bureau office agency organization organisation initiative movement museum
society campaign project network caucus forum trust partnership""".split())


class _GivenNames(frozenset):
    """Given names, found as news writes them with or without accents: the lexicon's "Jose", "Andres" and
    "Jurgen" are also "José", "Andrés" and "Jürgen"."""

    def __contains__(self, word: object) -> bool:
        return frozenset.__contains__(self, word) or (
            isinstance(word, str) and not word.isascii() and frozenset.__contains__(self, _unaccented(word)))


def _unaccented(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The lexicon's given names, less the words its builder learnt from the names of bodies, from titles and
    from descriptions ("House Republicans ... Republicans said" taught it "House"; "Sen. X" taught it "Sen";
    "Democrat Sanders" and "African American" taught it "Democrat" and "African"), and the points of the compass
    that begin places' names ("North Kivu", "South Ossetia"), and the words it learnt from photo credits ("AP
    Photos Jane Doe"): news capitalises those many times in each article that uses them, as it does no one's name."""
    return _GivenNames(n for n in first_names() if n.lower() not in ORG_HEADS and n.lower() not in TITLES
                       and n not in _PARTIES and n not in _COMPASS and not is_demonym(n) and not _a_credit(n))


def _a_credit(word: str) -> bool:
    st = word_stats(word)
    return st is not None and st[1] > _CREDIT_REPEATS * st[0]


@dataclass
class _Chunk:
    start: int
    end: int
    tokens: list[tuple[int, int, str]]


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    s = _unaccented(s)
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower()


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and bool(_ORDINAL.match(tok)))


def _title_case_line(text: str) -> bool:
    words = [w for w in _TITLE_CASE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _chunks(text: str, start: int, end: int, heading: bool = False) -> list[_Chunk]:
    """Runs of capitalised tokens, joined by name particles, inside one sentence (a headline's if `heading`)."""
    # only capitalised words and name particles can make a name: lower-case words are gaps between them
    toks = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(text, start, end)]
    chunks: list[_Chunk] = []
    cur: list[tuple[int, int, str]] = []
    for i, (a, b, t) in enumerate(toks):
        if a >= 2 and text[a - 1] == "-" and text[a - 2].islower() and _in_lower_compound(text, toks, i):
            continue
        # (a clock's "PM" after its hour is no word of a name: "at 9 PM Eastern Time"; the hour has ended any name)
        if t in ("AM", "PM") and text[max(0, a - 2):a].strip()[-1:].isdigit():
            continue
        if cur:
            gap = text[cur[-1][1]:a]
            if gap:
                g = gap.strip()
                # "Gen. Pat Ryder", "John F. Kennedy": an abbreviation's full stop does not end a name
                abbrev = g == "." and (cur[-1][2].lower() + "." in TITLES or len(cur[-1][2]) == 1
                                       or cur[-1][2] in _PLACE_ABBREVIATIONS)
                # ("Procter & Gamble", "Johnson & Johnson": an ampersand joins a firm's names)
                joined = gap == " & " and _is_cap(cur[-1][2]) and _is_cap(t) and not heading \
                    or gap[1:] == "s " and gap[0] in "’'" and cur[-1][2] in _PLURAL_OWNERS and _is_cap(t)
                if g and not abbrev and not joined or "\n" in gap:
                    chunks.append(_Chunk(cur[0][0], cur[-1][1], cur))
                    cur = []
        # (letters with full stops may end a sentence inside a quotation: "the F.B.I. I cherish the F.B.I. It's
        # special"; a pronoun, an article or a conjunction after them begins the next)
        if cur and cur[-1][2].endswith(".") and _DOTTED_LETTERS.fullmatch(cur[-1][2]) and text[cur[-1][1]:a] == " " \
                and t in _SENTENCE_STARTERS:
            chunks.append(_Chunk(cur[0][0], cur[-1][1], cur))
            cur = []
        if _is_cap(t) and not (("-" in t) and t.rsplit("-", 1)[1][:1].islower()
                               and not _LOWER_HYPHENATED_NAME.match(t)) or _PARTICLE_NAME.match(t) \
                or cur and _is_cap(cur[-1][2]) and cur[-1][2].lower() not in _NEVER and text[cur[-1][1]:a] == " " \
                and _hyphenated_given(t):
            cur.append((a, b, t))
            if _HYPHENATED_GIVEN.match(t):      # (the given name ends a name said surname first)
                chunks.append(_Chunk(cur[0][0], cur[-1][1], cur))
                cur = []
                continue
            # a possessive ends the name: "Ukraine's HUR"
            nxt = text[b:b + 2]
            if nxt[:1] in "’'" and (nxt[1:2] in ("s", " ", "")) \
                    and not (t in _PLURAL_OWNERS and text[b + 1:b + 3] == "s "):
                chunks.append(_Chunk(cur[0][0], cur[-1][1], cur))
                cur = []
            continue
        # (an Arabic article in lower case begins a name before a capitalised word: "al Qaeda", "al Shabab")
        if cur and (t in _CONNECT and _connects(text, toks, i) or _body_connects(text, toks, i, cur)
                    or t == "and" and _and_joins_a_name(text, toks, i, cur)) \
                or not cur and t == "al" and _cap_follows(text, toks, i):
            cur.append((a, b, t))
            continue
        if cur:
            chunks.append(_Chunk(cur[0][0], cur[-1][1], cur))
            cur = []
    if cur:
        chunks.append(_Chunk(cur[0][0], cur[-1][1], cur))
    # drop trailing particles
    out = []
    for c in chunks:
        toks_ = c.tokens
        while toks_ and (toks_[-1][2] in _CONNECT or toks_[-1][2] in _BODY_JOINERS):
            toks_ = toks_[:-1]
        if toks_:
            out.append(_Chunk(toks_[0][0], toks_[-1][1], toks_))
    return out


def _in_lower_compound(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """A capitalised word joined to a lower-case one by a hyphen belongs to that word ("anti-Semitism",
    "non-Hispanic", "pro-Trump Facebook group"), unless it names a place or a known body ("pro-Kremlin",
    "anti-NATO"), or a title or a common word begins a longer name ("post-World War II", "pro-Second Amendment",
    "ex-Secretary of State Rex Tillerson")."""
    tok = toks[i][2]
    key = _norm(tok)
    if _a_place(tok) or key in KNOWN_ORGS or _ACRONYM.match(tok):
        return False
    name_follows = _cap_follows(text, toks, i) or _next_is(text, toks, i) and toks[i + 1][2] in _CONNECT \
        and _connects(text, toks, i + 1)
    return not (name_follows and (key in TITLES or is_common_word(tok)))


def _next_is(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a token follows toks[i] after one space."""
    return i + 1 < len(toks) and text[toks[i][1]:toks[i + 1][0]] == " "


def _cap_follows(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a capitalised word follows toks[i] after one space."""
    return _next_is(text, toks, i) and _is_cap(toks[i + 1][2])


NAMES_WORD_SHARE = 1 / 30   # how often, at least, news capitalises a word mid-sentence for it to begin a name


def _names_word(word: str) -> bool:
    """A word of the language that news often writes in a name ("Academy", "Open", "Red", "Armed"), and no one's
    name nor a title: after a demonym it continues a body's or an event's name ("American Academy of Pediatrics",
    "French Open"), where a person's name or a title does not ("Ukrainian President", "Chechen Akhmat")."""
    if not word[:1].isupper() or word.isupper() or word.lower() in _MONTHS or place_kind(word):
        return False         # ("Libyan al Qaeda", "Christian I", "Irish PM", "Americans Jan.", "Communist China")
    st = word_stats(word)
    if st is None or word.lower() in TITLES or word in _given_names() or is_demonym(word):
        return False
    _, cap, low = st
    return low >= 3 and cap >= NAMES_WORD_SHARE * low


def _place_begins(toks: list[tuple[int, int, str]], i: int = 0) -> int:
    """How many words from toks[i] on (three or two) name a place, 0 if they do not: "Saudi Arabia", "Czech
    Republic", "Central African Republic"."""
    for n in (3, 2):
        if len(toks) - i >= n:
            words = " ".join(t[2] for t in toks[i:i + n])
            if place_kind(words) or _norm(words) in PLACE_ALIASES:
                return n
    return 0


def _named_begins(toks: list[tuple[int, int, str]], i: int, named: frozenset[str]) -> int:
    """How many words from toks[i] on make the longest of the article's `named` names, 0 if none."""
    if not named:
        return 0
    words = [t for _, _, t in toks[i:]]
    if words[1].lower() in TITLES:        # the word qualifies a title: "Associate Justice Elena Kagan"
        return 0
    return next((n for n in range(len(words), 1, -1) if " ".join(words[:n]) in named), 0)


# A given name that is also a word begins a name at a sentence's start where news writes it capitalised at least
# this share as often as not ("Bill" 0.27, "Rich" 0.18; not "Will", 0.01: "Will Trump run?")
GIVEN_WORD_CAPITALISED = 0.1
_SURNAME_PARTICLES = frozenset("de da del van von la le du der den di".split())


def _given_name_begins(toks: list[tuple[int, int, str]], i: int) -> int:
    """2 where toks[i] is a given name that is also a word, and a surname follows, perhaps after a particle: "Bill
    Clinton said", "Bill de Blasio said" (the name's end is left to what follows); else 0."""
    word = toks[i][2]
    if word not in _given_names():
        return 0
    st = word_stats(word.lower())
    if st is None or st[1] < GIVEN_WORD_CAPITALISED * st[2]:
        return 0
    j = i + 1
    while j < len(toks) - 1 and toks[j][2] in _SURNAME_PARTICLES and j - i <= 2:
        j += 1
    if j >= len(toks):
        return 0
    nxt = toks[j][2]
    if not _is_cap(nxt) or is_common_word(nxt) or nxt in _PARTIES or is_demonym(nxt) or _ACRONYM.match(nxt) \
            or nxt.lower() in ORG_HEADS or nxt.lower() in TITLES or place_kind(nxt) == "country":
        return 0
    return j + 1 - i


def _hyphenated_given(tok: str) -> bool:
    m = _HYPHENATED_GIVEN.match(tok)
    return bool(m) and m.group(1) not in _COMPOUND_HEADS and not m.group(1).endswith("ed")


def _connects(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """A particle joins a name when more name follows at once: "Institute for the Study of War"."""
    j = i
    while j < len(toks) and toks[j][2] in _CONNECT and j - i < 3:
        if j + 1 < len(toks) and text[toks[j][1]:toks[j + 1][0]].strip():
            return False
        j += 1
    return j < len(toks) and _is_cap(toks[j][2]) and toks[j][2].lower() not in _MONTHS \
        and not is_demonym(toks[j][2])


def _body_connects(text: str, toks: list[tuple[int, int, str]], i: int, cur: list[tuple[int, int, str]]) -> bool:
    """A body's head word runs on into its name ("Council on Foreign Relations", "Center for American Progress"):
    the next word is a word of the language or a people's, capitalised as part of the name, not a
    month ("the Council on May 3") nor a place or a person ("the Commission to Brussels")."""
    if i + 1 >= len(toks):
        return False
    if toks[i][2] == "and":
        # "Department of Health and Human Services": only where the name has run on past its head, no person's
        # name has begun since ("House of Commons John Bercow and Liberal"), and no second body begins ("the
        # Ministry of Defence and Foreign Ministry")
        k = next((k for k in range(len(cur) - 1, 0, -1)
                  if cur[k][2] in _BODY_CONNECT and _is_org_head(cur[k - 1][2])), None)
        if k is None or any(t in _given_names() for _, _, t in cur[k + 1:]) \
                or any(t.lower() in ORG_HEADS for _, _, t in _run(text, toks, i + 1)):
            return False
    elif toks[i][2] not in _BODY_CONNECT or cur[-1][2].lower() not in _BODY_HEADS:
        return False
    a, _, nxt = toks[i + 1]
    if text[toks[i][1]:a] != " " or text[cur[-1][1]:toks[i][0]] != " " or not nxt[:1].isupper():
        return False
    low = nxt.lower()
    return low not in _MONTHS and (is_common_word(nxt) or is_demonym(nxt)
                                   or toks[i][2] == "and" and _in_the_language(nxt))


def _and_joins_a_name(text: str, toks: list[tuple[int, int, str]], i: int, cur: list[tuple[int, int, str]]) -> bool:
    """Words news writes in lower case, capitalised on both sides of "and", make one name: "Food and Drug
    Administration", "Immigration and Customs Enforcement", "Securities and Exchange Commission", "Ways and Means
    Committee". Not where either side is itself a name ("House and Senate", "Trump and Justice Department",
    "North and South Korea", "Bill and Melinda Gates", "SAT and ACT")."""
    if not _next_is(text, toks, i) or text[cur[-1][1]:toks[i][0]] != " " or len(cur) > 3:
        return False
    # (nor before a work's name: "Rain Man and The Graduate")
    if toks[i + 1][2] == "The":
        return False
    right = _run(text, toks, i + 1)
    # (up to a title after it: "Health and Human Services Secretary Alex Azar")
    right = right[:next((j for j in range(1, len(right)) if right[j][2].lower() in TITLES), len(right))]
    # (a name whose head word has come is whole: "Hallmark Channel and Home and Garden Television"; one with a
    # place's name is another name: "Detroit Lions and Chicago Bears")
    if not right or len(right) > 3 or not (is_common_word(right[-1][2]) or _is_org_head(right[-1][2])) \
            or _is_org_head(cur[-1][2]) or any(_a_place(t) for _, _, t in right):
        return False
    # (the name begins after a country's or a chamber's: "agents of U.S. Immigration and Customs Enforcement", "the
    # House Ways and Means Committee")
    place = next((j for j in range(len(cur) - 1, -1, -1) if cur[j][2] in _CHAMBERS or _a_place(cur[j][2])), -1)
    left = cur[place + 1:]
    return bool(left) and all(t in _CONNECT or is_common_word(t) and not _ACRONYM.match(t) for _, _, t in left)


_CHAMBERS = frozenset({"House", "Senate"})


def _a_place(word: str) -> bool:
    return _norm(word) in PLACE_ALIASES or bool(place_kind(word))


def _in_the_language(word: str) -> bool:
    """A word of the language, though a name has made news write it capitalised more often: "Prevention" (of the
    "Centers for Disease Control and Prevention"), "Customs"; not "Pentagon" or "Kremlin"."""
    st = word_stats(word)
    return st is not None and st[2] >= 20 and 4 * st[2] >= st[1]


def _is_org_head(word: str) -> bool:
    """A body's head word, or its plural: "Committee", "Centers" ("Centers for Disease Control and Prevention")."""
    low = word.lower()
    return low in ORG_HEADS or _singular(low) in ORG_HEADS


def _singular(word: str) -> str:
    low = word.lower()
    return low[:-1] if low[-1:] == "s" else low


def _run(text: str, toks: list[tuple[int, int, str]], i: int) -> list[tuple[int, int, str]]:
    """The capitalised words from toks[i] on, one space apart."""
    j = i
    while j < len(toks) and _is_cap(toks[j][2]) and (j == i or text[toks[j - 1][1]:toks[j][0]] == " "):
        j += 1
    return toks[i:j]


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    type: str | None
    strength: int          # 2 strong evidence, 1 weak, 0 none (kept only if confirmed elsewhere)
    titled: bool = False   # preceded by a person title ("Gen.", "President")


def _a_name_word(word: str) -> bool:
    """A word only a name is made of: not a party, a place, a word news writes in lower case, nor letters ("Amrita",
    "Hun"; not "Ohio", "Republican", "Former", "GOP"). (A title before the abbreviation is a title run: "Lt Gov".)"""
    return not word.isupper() and word not in _PARTIES and word != "Dem" \
        and not place_kind(word) and not is_common_word(word)


def _strip_leading_titles(toks: list[tuple[int, int, str]]) -> tuple[list, list, bool]:
    """Split "Pentagon Press Secretary Major Gen. Pat Ryder" into ("Pentagon", "Pat Ryder", titled)."""
    # a title word after a given name, ending the name, is a surname: "Martin Luther King Jr.", "Sen. Angus King"
    n = len(toks)
    while n and toks[n - 1][2] in _NAME_SUFFIXES:
        n -= 1
    # (not after a place that ends with one: "San Juan Mayor")
    if n >= 2 and toks[n - 2][2] in _given_names() and not place_kind(" ".join(t for _, _, t in toks[:n - 1])):
        n -= 1
    # (and a title's abbreviation without its full stop, ending the name after a word of a name, is a surname:
    # "Amrita Sen", "Amartya Sen"; "Sen Mike Lee" begins with its title)
    elif n >= 2 and toks[n - 1][2].lower() in _ABBREVIATED_TITLES \
            and _a_name_word(toks[n - 2][2]):
        n -= 1
    last_title = -1
    trade = False
    for i, (_, _, t) in enumerate(toks[:n]):
        lt = t.lower()
        if lt in _TITLE_HEADS and (lt not in _NAMED_TITLES or i + 1 < len(toks)) \
                or (lt in TITLES and i + 1 < len(toks) and toks[i + 1][2].lower() in TITLES):
            last_title, trade = i, False
        # a trade's title, only before a given name: "CNN Senior Legal Analyst Jeffrey Toobin" (not "Host Committee",
        # "Economist Intelligence Unit")
        elif lt in _TRADE_TITLES and i + 1 < n and toks[i + 1][2] in _given_names():
            last_title, trade = i, True
        # a title of several, before the first's given name: "Senators Sheldon Whitehouse of Rhode Island and ..."
        # (not "Ottawa Senators")
        elif lt in _PLURAL_TITLES and i + 1 < n and toks[i + 1][2] in _given_names():
            last_title, trade = i, False
        # a prime minister as headlines and many outlets abbreviate the title: "Israeli PM Benjamin Netanyahu", "UK PM
        # Boris Johnson", "PM Modi" (the time, "3 PM Eastern", is no name's word: _chunks)
        elif t == "PM" and i + 1 < n:
            last_title, trade = i, False
    if last_title < 0:
        return [], toks, False
    # the title run: walk back over title words to find where it begins
    first_title = last_title
    while first_title > 0 and (toks[first_title - 1][2].lower() in TITLES
                               or toks[first_title - 1][2].lower() in _TITLE_MODIFIERS
                               or trade and toks[first_title - 1][2].lower() in _TRADE_MODIFIERS):
        first_title -= 1
    rest = toks[last_title + 1:]
    if not rest:
        # "Department of Justice", "Department of State": a title word after "of" ends an organisation's name
        if last_title >= 1 and toks[last_title - 1][2] == "of":
            return [], toks, False
        return toks, [], False
    if len(rest) == 1 and rest[0][2].lower() in ORG_HEADS \
            or rest[-1][2].lower() in ORG_HEADS and not any(t in _given_names() for _, _, t in rest):
        # "Justice Department", "Defense Ministry", "Intelligence Committee": the title word names the body's
        # field, and the whole is an organisation
        return toks[:first_title], toks[first_title:], False
    if rest[0][2] == "of":
        # "Secretary of State Mike Pompeo", "Minister of Foreign Affairs Sergei Lavrov": the title runs on to a
        # given name; with none ("Secretary of State"), the chunk is an office, not a person
        given = next((j for j in range(1, min(len(rest) - 1, 5)) if rest[j][2] in _given_names()), None)
        # (a given name the lexicon lacks: a name of two words that are no common words nor a place's ends it,
        # "Secretary of State Antony Blinken", "Secretary of State for Wales Alun Cairns")
        if given is None and len(rest) >= 4 and not any(is_common_word(t) for _, _, t in rest[-2:]) \
                and not place_kind(f"{rest[-2][2]} {rest[-1][2]}") and not place_kind(rest[-1][2]):
            given = len(rest) - 2
        if given is None:
            return toks, [], False
        rest = rest[given:]
    return toks[:first_title], rest, True


def extract_mentions(text: str, sentences: list[tuple[int, int, bool]]) -> list[Mention]:
    """Entity mentions in an article's reporting sentences (start, end, is_heading)."""
    cands: list[_Candidate] = []
    chunked: list[tuple[int, bool, list[_Chunk]]] = []      # (first word's position, in title case, chunks)
    units = _HAS_ORDINAL.search(text) is not None
    for s_start, s_end, heading in sentences:
        title_case = heading and _title_case_line(text[s_start:s_end])
        if units:
            for m in _MILITARY_UNIT.finditer(text, s_start, s_end):
                name = " ".join(w if w[0].isdigit() else w.capitalize() for w in m.group(1).split())
                cands.append(_Candidate(m.start(1), m.end(1), name, "ORG", 2))
        chunked.append((_sentence_first_token(text, s_start), title_case, _chunks(text, s_start, s_end, heading)))
    named = _named_mid_sentence(text, chunked)
    for first_pos, title_case, chunks in chunked:
        for ch in chunks:
            cands.extend(_classify_chunk(text, ch, first_pos, title_case, named))
    # nothing in a link or an account's handle is a name as written: "https://t.co/SHXEqzB0pS", "@KyleKashuv"
    if "://" in text or "www." in text or "pic.twitter" in text or "@" in text:
        links = [m.span() for m in _LINK_OR_HANDLE.finditer(text)]
        starts = [a for a, _ in links]
        cands = [c for c in cands if not ((i := bisect_right(starts, c.start) - 1) >= 0 and c.start < links[i][1])]
    # acronyms in parentheses stand for the name just before them
    return _to_mentions(text, cands)


_LINK_OR_HANDLE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+|@\w+")


def _begins_a_statement(text: str, a: int) -> bool:
    """Whether the word at `a` begins a sentence inside a quotation, a quotation or what a colon introduces: its
    capital says nothing of a name ('"... an investigation. And I believe ..."', '“Who knows?”'). Not a short
    quotation of two words or more in title case: that is a title, a show's, a book's or a slogan's ("on “Meet the
    Press”", "“Liberty File with Judge Napolitano”", “Make America Great Again”)."""
    if _STOP_BEFORE.search(text, max(0, a - 4), a):
        return True
    if not _OPENS_BEFORE.search(text, max(0, a - 4), a):
        return False
    if text[a - 1] == ":" or text[a - 1].isspace():
        return True
    quoted = _QUOTED.match(text, a)
    words = _TITLE_CASE_WORD.findall(quoted.group()) if quoted else []
    return len(words) < 2 or not all(w[0].isupper() or w in _TITLE_SMALL_WORDS for w in words)


def _named_mid_sentence(text: str, chunked: list[tuple[int, bool, list[_Chunk]]]) -> frozenset[str]:
    """The names of two words or more an article writes inside a sentence, where only a name's words are
    capitalised (and their first words and more: "Black Lives Matter", "Black Lives"). A sentence that begins with
    one ("Planned Parenthood said", "Black Lives Matter activists marched") names it whole, though its first word
    is an ordinary word."""
    out = set()
    for first_pos, title_case, chunks in chunked:
        if title_case:
            continue
        for ch in chunks:
            a, _, first = ch.tokens[0]
            # (only a name whose first word is a word is looked up: see _split_on_common)
            if len(ch.tokens) < 2 or a == first_pos or not is_common_word(first) or _begins_a_statement(text, a):
                continue
            words = [t for _, _, t in ch.tokens]
            out.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
    return frozenset(out)


def _split_on_common(toks, sentence_start_pos: int, title_case: bool, named: frozenset[str] = frozenset()):
    """Break a chunk where a token is an ordinary word capitalised by position (sentence start, headline case),
    unless it begins a name: a place's, one the article writes inside a sentence (`named`), or a person's of a
    given name that is also a word ("Bill Clinton")."""
    parts, cur = [], []
    whole = -1      # a place's name that begins with a common word is whole: "New York", "North Korea"
    for i, (a, b, t) in enumerate(toks):
        if i < whole:
            cur.append((a, b, t))
            continue
        if t.lower() in _WEEKDAYS:
            # a day of the week is when, not who: "said Friday the US", "told CNN Tuesday"; but it is part of
            # "Super Tuesday", "Black Friday", "Fox News Sunday" (a common word before it) and of "Sunday Times"
            nxt = toks[i + 1][2] if i + 1 < len(toks) else None
            # ("a Thursday Democratic caucus lunch": nor before a party's adjective)
            if (not cur and nxt is not None and (nxt in _CONNECT or _ACRONYM.match(nxt) or nxt in _PARTIES)) \
                    or (cur and nxt is None and not is_common_word(cur[-1][2]) and cur[-1][2] not in _DAY_NAMES):
                if cur:
                    parts.append(cur)
                cur = []
                continue
        positional = a == sentence_start_pos or title_case
        if positional and i + 1 < len(toks):
            n = _place_begins(toks, i) or _named_begins(toks, i, named) or _given_name_begins(toks, i)
            if n:
                whole = i + n
                cur.append((a, b, t))
                continue
        if positional and t not in _CONNECT and (is_common_word(t) or t.lower() in _MONTHS) \
                and not _ACRONYM.match(t) and t.lower() not in TITLES:
            if cur:
                parts.append(cur)
            cur = []
            continue
        cur.append((a, b, t))
    if cur:
        parts.append(cur)
    return parts


def _sentence_first_token(text: str, s_start: int) -> int:
    return _SENTENCE_LEAD.match(text, s_start, s_start + 10).end()


def _classify_chunk(text: str, ch: _Chunk, first_pos: int, title_case: bool,
                    named: frozenset[str] = frozenset()) -> list[_Candidate]:
    out: list[_Candidate] = []
    # a sentence inside a quotation starts a word's capital as a sentence does: '"... an investigation. And I
    # believe ..."'
    a0 = ch.tokens[0][0]
    if a0 != first_pos and _begins_a_statement(text, a0):
        first_pos = a0
    for toks in _split_on_common(ch.tokens, first_pos, title_case, named):
        # strip leading determiners / connectors, and trailing ones (where a headline's common word cut a name)
        while toks and (toks[0][2] in _CONNECT and not (toks[0][2] == "al" and len(toks) >= 2)
                        or toks[0][2].lower() in _OF_FOR_THE or toks[0][2] in _BODY_JOINERS
                        or len(toks) == 1 and toks[0][2].lower() in _CONNECT):
            toks = toks[1:]
        while toks and (toks[-1][2] in _CONNECT or toks[-1][2] in _BODY_JOINERS):
            toks = toks[:-1]
        if not toks:
            continue
        paper = _a_paper_or_work(text, toks, first_pos, title_case)
        if paper:
            out.append(paper)
            continue
        before, name_toks, titled = _strip_leading_titles(toks)
        if before:
            out.extend(_prefix_candidates(text, before, first_pos))
        if not name_toks:
            continue
        # "Senator John McCain, Republican of Arizona,": a party's member from a place, as the NYT writes it, names
        # the place
        if len(name_toks) >= 3 and name_toks[0][2] in _PARTIES and name_toks[1][2] == "of":
            out.extend(_name_candidates(text, name_toks[2:], False, first_pos, title_case))
            continue
        split = _person_of_place(name_toks, titled)
        if split:
            person, place = split
            out.extend(_name_candidates(text, person, titled, first_pos, title_case))
            out.extend(_name_candidates(text, place, False, first_pos, title_case))
            continue
        out.extend(_name_candidates(text, name_toks, titled, first_pos, title_case))
    return out


def _a_paper_or_work(text, toks, first_pos, title_case) -> _Candidate | None:
    """A paper's or a work's name of "The" and one word: "according to The Hill", "told The Atlantic", "the Hill
    reported". Its name keeps its "The": "The Hill" is no one named Hill, nor "The Atlantic" the ocean. News writes
    "The" in capitals mid-sentence only in such a name; at a sentence's start, or as "the", a verb only a publisher
    takes after it tells it. (Not a body's head word, "the Times", nor a title, a given name, a country, a state, a
    city, letters or a family: "The Pope", "The Donald", "The Clintons".)"""
    if len(toks) != 1 or title_case:
        return None
    a, b, word = toks[0]
    the = a - 4
    if the < 0 or text[the:a] not in ("The ", "the "):
        return None
    published = _PUBLISHED_AFTER.match(text, b) is not None
    if not published and not (text[the] == "T" and the != first_pos and _AFTER_A_WORD.match(text, the - 2, the)):
        return None
    low = word.lower()
    if low in TITLES or low in ORG_HEADS or _norm(word) in KNOWN_ORGS or word in _given_names() \
            or _ACRONYM.match(word) or place_kind(word) in ("country", "state", "city"):
        return None
    name = "The " + word
    if place_kind(name):
        return _Candidate(the, b, name, "PLACE", 2)
    if published or _REPORT_AFTER.match(text, b) or _CREDITED_BEFORE.search(text, max(0, the - 24), the):
        return _Candidate(the, b, name, "ORG", 2)
    # (uncredited, only a word news also writes in lower case, or a region's: not a family, "The Clintons", nor a
    # surname before what it qualifies, "The Mueller report")
    _, capitalised, lower = word_stats(low) or (0, 0, 0)
    if lower * 50 < capitalised and place_kind(word) != "region":
        return None
    return _Candidate(the, b, name, None, 1)


def a_paper_name(name: str) -> bool:
    """Whether an entity's name is a paper's or a work's of "The" and one word: only _a_paper_or_work keeps a "The"."""
    return name.startswith("The ") and name.count(" ") == 1


def _person_of_place(toks, titled: bool):
    """News names a lawmaker or an official with where they are from: "Sen. Rand Paul of Kentucky", "Lindsey
    Graham of South Carolina", "Mayor Alice Ashdown of Ashford"; or with the body they are of: "Michael J. Garcia
    of the New York State Court of Appeals". That is a person and a place or a body, not one name: (the person's
    tokens, the place's), or None. (A title with "of" is left whole: "Duke of Edinburgh".)"""
    words = [t for _, _, t in toks]
    if "of" not in words:
        return None
    k = words.index("of")
    body = k + 2 < len(words) and words[k + 1] == "the"
    if k == 0 or k == len(words) - 1 or "of" in words[k + 1:] and not body:
        return None
    person = words[:k]
    if not (len(person) in (2, 3) and (titled or person[0] in _given_names() or _unknown_name(person))):
        return None
    return toks[:k], toks[k + 2 if body else k + 1:]


def _unknown_name(words: list[str]) -> bool:
    """Words that can only be a person's name news has no given name for, before "of" and a body or a place: "Azadeh
    Erfani of the Capital Area Immigrants' Rights Coalition", "LeBron James of the Cleveland Cavaliers", "Carole
    Cadwalladr of The Observer", "Markwayne Mullin of Oklahoma". News writes each word capitalised more often than
    not or does not know it, and it is no letter, no people's name and no word of the language that bodies'
    and places' names use ("Ninth Circuit of the U.S. Court of Appeals", "Democratic Republic of the Congo", "French
    Union of Jewish Students", "U S of A"; nor "50th Anniversary of the Selma march")."""
    for w in words:
        st = word_stats(w)
        if not (len(w) > 1 and (st is None or st[1] > st[2])) or _names_word(w) or is_demonym(w):
            return False
    return True


def _prefix_candidates(text, toks, first_pos) -> list[_Candidate]:
    """What stands before a title: "Pentagon" in "Pentagon Press Secretary", "US" in "US National Security Council Spokesperson"."""
    while toks and (toks[-1][2].lower() in TITLES or toks[-1][2] in _CONNECT):
        toks = toks[:-1]
    if not toks:
        return []
    return _name_candidates(text, toks, False, first_pos, False, weak=True)


def _name_candidates(text, toks, titled, first_pos, title_case, weak=False) -> list[_Candidate]:
    out: list[_Candidate] = []
    # a leading country abbreviation is not part of an organisation's name: "US National Security Council"
    # (but "USA Today" is a newspaper, and a state's or the District's is: "D.C. Circuit", "N.Y. Post")
    if len(toks) >= 2 and _norm(toks[0][2]) in PLACE_ALIASES and _ACRONYM.match(toks[0][2]) \
            and _norm(toks[0][2]) not in US_STATE_ABBREVIATIONS \
            and _norm(" ".join(t[2] for t in toks)) not in KNOWN_ORGS:
        a, b, t = toks[0]
        out.append(_Candidate(a, b, t, "PLACE", 2))
        toks = toks[1:]
    # a leading demonym is description, not name: "Chechen Akhmat", "Ukrainian President" (unless an org follows)
    # (a country's name is not: "Saudi Arabia", "Czech Republic", "Dominican Republic")
    # (not a body named for its cause: "Americans for Prosperity", "Americans for Tax Reform")
    # (nor before a word news writes in bodies' and events' names: "American Academy of Pediatrics", "French Open")
    while toks and is_demonym(toks[0][2]) and not any(t[2].lower() in ORG_HEADS for t in toks[1:]) \
            and not _place_begins(toks) and not (len(toks) >= 3 and toks[1][2] in ("for", "against")) \
            and not (len(toks) >= 2 and not weak and _names_word(toks[1][2])
                     and not _place_begins(toks, 1) and not any(t[2] in _given_names() for t in toks[2:])):
        toks = toks[1:]
    if len(toks) >= 2 and is_demonym(f"{toks[0][2]} {toks[1][2]}") and not any(t[2].lower() in ORG_HEADS for t in toks[2:]) \
            and not (len(toks) >= 3 and not weak and _names_word(toks[2][2])
                     and not _place_begins(toks, 2) and not any(t[2] in _given_names() for t in toks[3:])):
        toks = toks[2:]
    # a place and a party before a person's name, or with none, describe: "Ohio Republican Rob Portman", "a North
    # Carolina Republican", "the Iowa Democratic caucuses" (not "Iowa Democratic Party")
    for p in (3, 2, 1):
        if len(toks) > p and toks[p][2] in _PARTIES and place_kind(" ".join(t[2] for t in toks[:p])):
            if len(toks) == p + 1 or toks[p + 1][2] in _given_names():
                out.append(_Candidate(toks[0][0], toks[p - 1][1], text[toks[0][0]:toks[p - 1][1]], "PLACE", 2))
                toks = toks[p + 1:]
            break
    # so is a party before a person's name: "Republican Mitt Romney", "Democrat Joe Manchin"
    if len(toks) >= 3 and toks[0][2] in _PARTIES and toks[1][2] in _given_names():
        toks = toks[1:]
    # and a title's complement: "Special Envoy for Ukraine Kurt Volker", "ambassador to Ukraine Bridget Brink",
    # "Minister for Europe Wendy Morton" (the title is gone; its place is a place, the rest the person)
    complement = bool(toks) and toks[0][2] in _COMPLEMENT
    if complement:
        toks = toks[1:]
    # (after no title, only a country's or a state's name, and not a given name: "Martin Luther King")
    for p in (3, 2, 1):
        if not (complement and len(toks) > p or len(toks) - p in (2, 3) and toks[p][2] in _given_names()
                and toks[0][2] not in _given_names()):
            continue
        lead = " ".join(t[2] for t in toks[:p])
        kind = place_kind(lead)
        if kind and (complement or kind in ("country", "state")) and not any(t[2].lower() in ORG_HEADS for t in toks[p:]):
            out.append(_Candidate(toks[0][0], toks[p - 1][1], text[toks[0][0]:toks[p - 1][1]], "PLACE", 2))
            toks = toks[p:]
            complement = False
            break
        # nor a body news knows before a person's name: "(Ambassador to the) United Nations Nikki Haley", "U.N.
        # Susan Rice", a photo's credit "AP John Minchillo"
        if _norm(lead).replace(".", "") in KNOWN_ORGS and toks[p][2] in _given_names():
            out.append(_Candidate(toks[0][0], toks[p - 1][1], text[toks[0][0]:toks[p - 1][1]], "ORG", 2))
            toks = toks[p:]
            complement = False
            break
    # a complement that is no place is the title's field, no name: "Assistant Secretary for Diplomatic Security
    # Charlene Lamb", "Deputy National Security Adviser for Communications Ben Rhodes"
    if complement:
        person = next((j for j in range(1, len(toks) - 1) if toks[j][2] in _given_names() and len(toks) - j in (2, 3)),
                      None)
        if person is not None:
            toks = toks[person:]
    if not toks:
        return out
    a, e = toks[0][0], toks[-1][1]
    surface = text[a:e]
    name = _POSSESSIVE.sub("", surface) if surface.endswith(("’s", "'s")) else surface
    words = name.split()
    low = _norm(name)
    # (nor is a date or an ordinal alone: "January 1st", "February the 15th", "the 45th president", "its 12th day")
    if low in _NEVER or all(w.lower() in _MONTHS or _ORDINAL.match(w) or w == "the" for w in words) \
            or (("'" in low or "’" in low) and _CONTRACTION.search(low)):
        return out
    # ("the No. 3 position": the abbreviation of number)
    if name in ("No", "Nos") and _NUMBER_AFTER_ABBREVIATION.match(text, e):
        return out
    if is_demonym(name) or (len(words) == 1 and words[0].lower() in TITLES):
        return out
    # a country's short form is written in capitals: "Us vs. Them" does not name the US (a state's is not: "Fla.")
    if len(name) <= 3 and not name.isupper() and low in PLACE_ALIASES and low not in US_STATE_ABBREVIATIONS:
        return out
    if len(name) < 2 or name.isdigit() or _AFFILIATION.match(name):
        return out
    state = US_STATE_ABBREVIATIONS_AFTER_A_PLACE.get(low)
    if state and text[e:e + 1] == "." and _AFTER_A_PLACE.search(text, max(0, a - 60), a):
        out.append(_Candidate(a, e, state, "PLACE", 2))
        return out
    typ, strength = _type_of(text, toks, name, titled, first_pos, title_case)
    if weak:
        strength = min(strength, 1)
    out.append(_Candidate(a, a + len(name), name, typ, strength, titled))
    return out


def _type_of(text, toks, name, titled, first_pos, title_case) -> tuple[str | None, int]:
    words = name.split()
    low = _norm(name)
    a, e = toks[0][0], toks[-1][1]
    before = text[max(0, a - 40):a]
    after = text[e:e + 40]
    at_start = a == first_pos
    if titled:
        return "PERSON", 2
    if low in PLACE_ALIASES or low in KNOWN_SITES:
        return "PLACE", 2
    # (in capitals, a body's head word says nothing: "(CONTINUES OVER WIDE SHOT OF NEWS CONFERENCE)")
    if _shouted(name, words) and low not in KNOWN_ORGS:
        return None, 0
    if len(words) >= 2 and any(w.lower() in ORG_HEADS for w in words[1:]):
        if words[-1].lower() in PLACE_WORDS:
            return "PLACE", 2
        return "ORG", 2
    if low in KNOWN_ORGS or len(words) >= 2 and is_demonym(words[0]) and _norm(" ".join(words[1:])) in KNOWN_ORGS:
        return "ORG", 2      # (and a country's branch of one: "American Red Cross")
    # a firm's name, by its last word or its "&": "Walt Disney Co", "Tyson Foods", "Procter & Gamble"; or its web
    # address: "Salesforce.com"
    if len(words) >= 2 and (words[-1].lower().rstrip(".") in _FIRM_SUFFIXES or "&" in words) \
            or low.endswith(_WEB_ENDINGS):
        return "ORG", 2
    # "Department of Justice", "Bank of America", "House of Representatives", "University of Michigan"
    # ("Campaign for Accountability", "Americans for Prosperity", "Mothers Against Drunk Driving")
    if len(words) >= 3 and (words[1] == "of" and _is_org_head(words[0])
                            or words[1].lower() in _BODY_CONNECT
                            and (_singular(words[0]) in _BODY_HEADS or words[0] in _MEMBERS)):
        return "ORG", 2
    # "Mount Kisco", "Fort Worth", "Lake Tahoe", "Port Arthur", "Cape Cod"
    # (two words: a longer name is the place's paper, airport or treaty: "Fort Worth Star-Telegram"; a camp is a
    # place where its name is no word: not the "Camp Fire")
    if len(words) == 2 and words[0] in _PLACE_PREFIXES and words[1][:1].isupper() \
            and not (words[0] == "Camp" and is_common_word(words[1])):
        return "PLACE", 2
    # "Immigration and Customs Enforcement", "Health and Human Services": a body's name, by what it does
    if len(words) >= 3 and "and" in words[1:-1] and words[-1].lower() in _BODY_FUNCTIONS \
            and all(w == "and" or w[:1].isupper() for w in words) and not any(w in _given_names() for w in words):
        return "ORG", 2
    if len(words) >= 2 and words[-1].lower() in PLACE_WORDS:
        return "PLACE", 2
    pk = place_kind(name)
    # (no person's name joins words with "of", "for" or "the": "House of Representatives", "Bank of America")
    # (nor does one begin with a demonym before a word of a body's name: "American Legion")
    personal = not _OF_FOR_THE.intersection(words) and not (len(words) >= 2 and is_demonym(words[0])
                                                           and _names_word(words[1]))
    core = words[:-1] if len(words) >= 3 and words[-1] in _NAME_SUFFIXES else words
    # (four words when the first two are given names: "Andrés Manuel López Obrador", "José Luis Rodríguez Zapatero")
    first_is_name = words[0] in _given_names() and not place_kind(core[-1]) == "country" and personal \
        and (len(core) in (2, 3) or len(core) == 4 and words[1] in _given_names())
    if first_is_name and not pk:
        return "PERSON", 2
    # a person who goes by two or three initials: "J.D. Vance", "H.R. McMaster", "J. D. Salinger" (not a place's
    # letters, "D.C. Circuit", "L.A. Dodgers", nor a title's, "D.A. Jackie Lacey"; nor before a word of the language,
    # "J.P. Morgan Chase"; one initial is as often a state's, "R. Wis.", or a word's, "E. coli")
    if len(words) >= 2 and all(_INITIALS.fullmatch(w) for w in words[:-1]) and _a_name_word(words[-1]) \
            and sum(w.count(".") for w in words[:-1]) >= 2 and words[0] not in _NOT_INITIALS \
            and _norm(words[0]) not in PLACE_ALIASES and not pk:
        return "PERSON", 2
    # a surname and a given name of two hyphened syllables: "Moon Jae-in", "Choe Son-hui"
    if len(words) == 2 and _hyphenated_given(words[1]) and not pk:
        return "PERSON", 2
    # a role word can only end where the trailing spaces begin: search just the few characters before
    j = len(before.rstrip())
    # ("market researcher Parks Associates" is a firm)
    if len(words) >= 2 and j < len(before) and _ROLE_BEFORE.search(before, max(0, j - _LONGEST_ROLE)) \
            and words[-1].lower() not in _FIRM_ENDS:
        return "PERSON", 2
    if _PLACE_CUE_AFTER.match(after) or (" of " in before and _LISTED_AFTER_PLACE_WORD.search(before)):
        return "PLACE", 2
    if pk:
        return "PLACE", 2
    if _ACRONYM.match(name):
        return (None if low in _NOT_BODIES else "ORG"), 2
    if _ORG_CUE_AFTER.match(after):
        return "ORG", 2
    # what an apposition says it is: "Ming Pao, a daily newspaper that …", "Tuam, a town in western Ireland"
    if after[:1] == "," and not at_start:
        if _ORG_APPOSITION.match(text, e, e + 100):
            return "ORG", 2
        if _PLACE_APPOSITION.match(text, e, e + 100):
            return "PLACE", 2
    # a body's head word alone, capitalised mid-sentence as news mostly writes it, is that body: "the House voted",
    # "told the Times", "the Army said" (a party's members are not: "Democrats")
    if len(words) == 1 and low in ORG_HEADS and low not in _PARTY_MEMBERS and not at_start and not title_case:
        st = word_stats(low)
        if st is not None and st[1] > st[2]:
            return "ORG", 1
    # ("who" after a name after another and "of" is about the other: "Margaret Meade of Marshalltown, who …",
    # "Bishop Derrick Robinson of the Kingdom Destiny Fellowship International, who …")
    cue = _PERSON_CUE_AFTER.match(after)
    if cue and not (cue.group().lstrip().startswith(",") and _NAME_OF_BEFORE.search(before)):
        return "PERSON", 2
    if first_is_name:
        return "PERSON", 2
    # (not a doctrine or a report that "argued": a person's name ends in no word news writes in lower case)
    if _REPORT_AFTER.match(after) and len(words) in (2, 3) and not at_start and personal \
            and (_PARTICLE_NAME.match(words[-1]) or not is_common_word(words[-1])):
        return "PERSON", 1
    # (not a party's members: "in the Democrats' favor")
    if len(words) == 1 and j < len(before) and _PREPOSITION_BEFORE.search(before) and not at_start \
            and name not in _PARTY_MEMBERS and name not in _PARTIES:
        return "PLACE", 1
    if at_start or title_case:
        # capitalised by position only: kept if the same name shows up mid-sentence elsewhere
        return None, 0
    # (a name behind a particle, "al-Qaida", is one by its capital, whatever the lexicon counts of "al-")
    st = word_stats(words[0]) if len(words) == 1 and not _PARTICLE_NAME.match(words[0]) else None
    if st is not None and not (st[1] > st[2]):
        return None, 0
    return None, 1


def _shouted(name: str, words: list[str]) -> bool:
    """Capitals that are typography, not a name: words news writes in lower case, shouted ("BIG PICTURE", "CRUSHING
    DEFEATS"), a subheading ("STORY:", "TARGET:"), a list's "FIRST," or a transcript's "(CONTINUES OVER WIDE SHOT)".
    (Letters that are a name are not words written in lower case: "AIDS", "NATO", "GOP"; a body whose letters make
    a word, "FAIR" or "FIRE", is a name where the text spells it out, and the acronyms it states keep it.)"""
    return name.isupper() and all(w == "&" or w.isalpha() and _lower_case_word(w) for w in words)


def _lower_case_word(word: str) -> bool:
    """A word news writes in lower case; a short one, ten times as often as capitalised: three letters are often
    an acronym, and news writes some in lower case too ("wsj.com", "SAT" and "sat")."""
    if len(word) > 3:
        return is_common_word(word)
    st = word_stats(word)
    return st is not None and st[2] >= 10 * max(1, st[1])


def _to_mentions(text: str, cands: list[_Candidate]) -> list[Mention]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Mention] = []
    last_end = -1
    for c in cands:
        if c.start < last_end:
            continue
        last_end = c.end
        out.append(Mention(c.start, c.end, text[c.start:c.end], c.name, c.type or "", c.strength))
    return out


def acronym_pairs(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """("Institute for the Study of War", "ISW") where the text puts an acronym in brackets after a name."""
    pairs = []
    ends = [x.end for x in mentions]       # mentions come in text order
    for m in _ACRONYM_PAREN.finditer(text):
        acr = m.group(1)
        hi = bisect_right(ends, m.start())
        lo = bisect_left(ends, m.start() - 60)
        prev = [x for x in mentions[lo:hi] if x.name != acr and "\n" not in text[x.end:m.start()]]
        if not prev:
            continue
        best = prev[-1]
        between = text[best.end:m.start()]
        if len(between.split()) > 5 or "." in between.replace("U.S.", ""):
            continue
        # a person's brackets hold where they are from or their party: "Sen. Tim Scott (SC)" (unless the letters
        # are the name's: a body's name mistaken for a titled person's, "General Data Protection Regulation")
        if len(best.name.split()) >= 2 and not _PLACE_ALIAS_NAME(best.name) \
                and (best.type != "PERSON" or _within(_initials(best.name), acr)):
            pairs.append((best.name, acr))
    return pairs


def _within(letters: str, word: str) -> bool:
    """True when `letters` appear in `word` in order ("DPR" in "GDPR")."""
    rest = iter(word)
    return bool(letters) and all(ch in rest for ch in letters)


def _PLACE_ALIAS_NAME(name: str) -> bool:
    return _norm(name) in PLACE_ALIASES


# ---------------------------------------------------------------- resolution

@dataclass
class ResolvedEntity:
    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, Mention]] = field(default_factory=list)   # (source index, mention)


def _top(counts: Counter) -> str:
    """The most common key (the first seen among equals, as Counter.most_common(1) gives it), faster."""
    return max(counts, key=counts.__getitem__)


def _top_type(counts: Counter) -> str:
    """The most common type; among equals the greatest name, so that a tie never depends on the order the
    votes came in (which a set's order, and so the process's string hashing, can decide)."""
    return max(counts, key=lambda t: (counts[t], t))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


_NUMERALS = frozenset({"ii", "iii", "iv"})
_MIDDLE_INITIAL = re.compile(r"^(?:[a-z]\.?|(?:[a-z]\.){2,3})$")     # "s.", "s", "h.w."


@lru_cache(maxsize=65536)
def _person_core(key: str) -> tuple[str, str]:
    """A person's name key without its middle initials and numeral, and those initials: "robert s. mueller iii" ->
    ("robert mueller", "s"). "Jr." and "Sr." stay: a father and his son are two people."""
    words = key.split()
    if len(words) >= 3 and words[-1] in _NUMERALS:
        words = words[:-1]
    middle = [w for w in words[1:-1] if _MIDDLE_INITIAL.match(w)]
    if middle:
        words = [words[0], *(w for w in words[1:-1] if not _MIDDLE_INITIAL.match(w)), words[-1]]
    return " ".join(words), "".join(middle).replace(".", "")


FAMILY_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr."})
# lower-case words inside a person's name that are not a middle name: "Lula da Silva", "Mohammed bin Salman"
_NAME_PARTICLES = frozenset("da de del della der di do dos das du la le van von ter ten bin ibn bint al el".split())


@lru_cache(maxsize=65536)
def _name_core(key: str) -> tuple[str, str]:
    """A person's name key as its given name and surname, with the initials of what stood between them: as
    _person_core, and a middle name counts as its initial ("hillary rodham clinton" -> ("hillary clinton", "r")).
    Only where the first word is a given name and no word is a particle or a family suffix: "luiz inacio lula da
    silva", "martin luther king jr." and "kim jong un" are left as _person_core leaves them."""
    core, initials = _person_core(key)
    words = core.split()
    if len(words) < 3 or words[-1] in FAMILY_SUFFIXES or words[0].title() not in _given_names() \
            or any(w in _NAME_PARTICLES or _PARTICLE_KEY.match(w) for w in words) \
            or {words[0], words[-1]} & set(words[1:-1]):        # ("Donald Trump Trump" is a misread, not a name)
        return core, initials
    return f"{words[0]} {words[-1]}", initials + "".join(w[0] for w in words[1:-1])


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer     # (its table is read once, when a story first needs it)
    return NickNamer()


@lru_cache(maxsize=65536)
def same_given_name(a: str, b: str) -> bool:
    """Two given names (lower case) one person goes by: the same, or one a nickname of the other ("chuck" and
    "charles", "bill" and "william"; not "bill" and "bob", which are each only a nickname of Robert's)."""
    if a == b:
        return True
    names = _nicknamer()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b)


def hyphen_compatible(types: Iterable[str | None]) -> bool:
    """Names that differ only by a hyphen or a space ("al-Qaeda", "al Qaeda") are one name, unless typed apart."""
    return len(set(types) - {None, "OTHER"}) <= 1


def _unhyphened(name: str) -> str | None:
    """The key of a name said surname first with its given name hyphened, written without the hyphen: "Kim Jong-un"
    -> "kim jong un", as other outlets write it. None for any other name ("Alexandria Ocasio-Cortez")."""
    words = name.split()
    if len(words) == 2 and _hyphenated_given(words[1]):
        return _norm(f"{words[0]} {words[1].replace('-', ' ')}")
    return None


@lru_cache(maxsize=65536)
def _bare_name(key: str) -> bool:
    """A person's name key of two or three words, less initials, with no word of a title's, a body's or a place's
    name: not "Sonoma County Sheriff" nor "Lawrence County Academy", which were taken for people."""
    words = _person_core(key)[0].split()
    return 2 <= len(words) <= 3 and not any(w in ORG_HEADS or w in PLACE_WORDS or w in TITLES for w in words)


@lru_cache(maxsize=65536)
def _surname(key: str) -> str:
    """The surname of a person's name key, without a particle joined to it: "robert s. mueller iii" -> "mueller",
    "bashar al-assad" -> "assad"; a one-word key is its own surname ("al-assad" -> "assad")."""
    last = _person_core(key)[0].split()[-1]
    m = _PARTICLE_KEY.match(last)
    return last[m.end():] if m else last


def resolve_entities(per_source: list[list[Mention]], acronyms: list[tuple[str, str]]) -> list[ResolvedEntity]:
    """Join mentions across articles into one entity per real thing."""
    # 1. evidence per normalised name
    votes: dict[str, Counter] = defaultdict(Counter)
    best_strength: dict[str, int] = defaultdict(int)
    surface_names: dict[str, Counter] = defaultdict(Counter)
    # (each mention's key, worked out once: the steps below read them again)
    keys_of = [[_norm(m.name) for m in mentions] for mentions in per_source]
    for mentions, keys in zip(per_source, keys_of):
        for m, k in zip(mentions, keys):
            s = m.evidence
            if m.type:
                votes[k][m.type] += 1 + s
            best_strength[k] = max(best_strength[k], s)
            surface_names[k][m.name] += 1
    # names with no evidence anywhere are capitalised words, not entities
    keep = {k for k, s in best_strength.items() if s >= 1}
    # a capitalised word with no cue of its own is a name when it is the surname of a person
    # named in full elsewhere ("Zelenskyy said ..." beside "Volodymyr Zelenskiy"); so are words that end a
    # person's full name ("Lula da Silva" beside "Luiz Inacio Lula da Silva")
    full_names = [k for k in keep if len(k.split()) >= 2 and votes.get(k) and _top_type(votes[k]) == "PERSON"]
    surnames = {_surname(k) for k in full_names}
    name_ends = {" ".join(k.split()[-n:]) for k in full_names for n in (2, 3) if len(k.split()) > n}
    surnames_by_letter: dict[str, list[str]] = defaultdict(list)
    for sn in surnames:
        surnames_by_letter[sn[0]].append(sn)
    for k in best_strength.keys() - keep:
        if " " not in k and len(k) >= 4 and (_surname(k) in surnames or process.extractOne(
                k, surnames_by_letter.get(k[0], []), scorer=fuzz.ratio, score_cutoff=88)) or k in name_ends:
            keep.add(k)

    parent: dict[str, str] = {k: k for k in keep}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def rank(k: str) -> tuple[int, int, int, str]:
        # (how often: the name's mentions and its surname's alone, "Bergdahl said")
        named = sum(surface_names[k].values()) if k in surface_names else 0
        if " " in k and _surname(k) in surface_names:
            named += sum(surface_names[_surname(k)].values())
        return len(k.split()), len(k), named, k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            # the longer name becomes the representative, of two as long the one named more often ("Bowe
            # Bergdahl ... Bergdahl said", not the article's one "Bowe Berghdal"); the key last: the same names
            # give the same representative whatever order they are joined in
            if rank(ra) < rank(rb):
                ra, rb = rb, ra
            parent[rb] = ra

    types = {k: _top_type(v) for k, v in votes.items() if v}

    def typ(k: str) -> str | None:
        return types.get(k)

    # 2. country aliases
    for k in list(keep):
        canon = PLACE_ALIASES.get(k)
        if canon:
            ck = _norm(canon)
            if ck not in parent:
                parent[ck] = ck
                keep.add(ck)
                votes[ck]["PLACE"] += 1
                surface_names[ck][canon] += 0
            union(ck, k)
    # 3. acronyms stated in the text
    for full, acr in acronyms:
        fk, ak = _norm(full), _norm(acr)
        for x in (fk, ak):
            if x not in parent:
                parent[x] = x
                keep.add(x)
        union(fk, ak)
        votes[ak]["ORG"] += 1
    # 3b. letters written with full stops are the letters without: the NYT's "F.B.I." is the "FBI", its "U.N." the "UN"
    for k in list(keep):
        if "." in k and _DOTTED_LETTERS.search(k):
            bare = k.replace(".", "")
            if bare in keep and (typ(k) == typ(bare) or None in (typ(k), typ(bare))):
                union(k, bare)
    # 3c. a firm's web address is the firm: "Salesforce.com" is Salesforce, "Amazon.com" Amazon
    for k in list(keep):
        if k.endswith(_WEB_ENDINGS):
            bare = k.rsplit(".", 1)[0]
            if bare in keep and typ(bare) in (None, "ORG"):
                union(k, bare)
    # 4. acronyms matching the initials of one multi-word name ("EU" ~ "European Union")
    multi = [k for k in keep if len(k.split()) >= 2]
    by_initials: dict[str, list[str]] = defaultdict(list)
    for m in multi:
        surf = _top(surface_names[m]) if surface_names.get(m) else m.title()
        by_initials[_initials(surf).lower()].append(m)
    for k in list(keep):
        names = surface_names.get(k)
        if not names:
            continue
        surf = _top(names)
        # (letters with full stops too, as The New York Times writes them, "I.M.F.", "N.R.A."; not two, which
        # are as often a person's initials: "J.D.")
        if not _ACRONYM.match(surf) or "." in surf and surf.count(".") < 3:
            continue
        matches = by_initials.get(k.replace(".", ""), [])
        if len(matches) == 1:
            union(matches[0], k)
    # 5a. an organisation named without its head word: "the Treasury" ~ "Treasury Department"
    headless: dict[str, list[str]] = defaultdict(list)
    for m in multi:
        rest = [w for w in m.split() if w not in ORG_HEADS]
        if typ(m) == "ORG" and len(rest) == 1:
            headless[rest[0]].append(m)
    # (a person's surname is the person, not a body named after them: "Trump" beside "Donald Trump" and
    # "Trump Foundation"; a person named by a given name, not "Utah Republican" taken for one)
    named = {_surname(k) for k in keep if " " in k and typ(k) == "PERSON" and k.split()[0].title() in _given_names()}
    for k in list(keep):
        if len(k.split()) != 1 or typ(k) not in (None, "ORG") or k in named:
            continue
        owners = headless.get(k, [])
        if len(owners) == 1:
            union(owners[0], k)
    # 5b. a department named either way: "Department of Justice" is the "Justice Department", "Department of Homeland
    # Security" the "Homeland Security Department" and, by a name of two words or more or by letters, "Homeland
    # Security" and "HHS" (not "State" for the Department of State)
    for k in [k for k in keep if k.startswith(_DEPARTMENT_OF)]:
        field_ = k[len(_DEPARTMENT_OF):]
        alone = " " in field_ or bool(surface_names.get(field_)) and bool(_ACRONYM.match(_top(surface_names[field_])))
        for other in (f"{field_} department", field_ if alone else ""):
            if other in keep and typ(k) in (None, "ORG") and typ(other) in (None, "ORG"):
                union(k, other)
    # 5. admin suffixes: "Kursk Oblast" ~ "Kursk"
    for k in list(keep):
        w = k.split()
        if len(w) >= 2 and w[-1] in ("oblast", "region", "province", "governorate", "krai", "district"):
            base = " ".join(w[:-1])
            if base in keep:
                union(base, k)
    # 5c. a person named with and without middle initials, a middle name or a numeral: "Robert S. Mueller III" is
    # Robert Mueller, "Hillary Rodham Clinton" Hillary Clinton, unless the initials tell two people apart ("George
    # W. Bush", "George H.W. Bush": "George Bush" may be either). The fuller name stands for the entity: across
    # stories "George Bush" is not one person.
    # A middle name dropped, and a nickname (5f), join only names that no one article uses both of: one article
    # that says "John Quincy Adams" and "John Adams" means two people, two outlets that do mean one.
    sources_of: dict[str, set[int]] = defaultdict(set)
    for si, keys in enumerate(keys_of):
        for k in keys:
            sources_of[k].add(si)
    by_core: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for k in keep:
        if " " in k and typ(k) in (None, "PERSON"):
            core, initials = _name_core(k)
            if core != k and " " in core:
                by_core[core][initials].append(k)
    for core, variants in by_core.items():
        if sum(1 for initials in variants if initials) > 1:
            continue
        forms = [k for ks in variants.values() for k in ks]
        if core in keep:
            if typ(core) not in (None, "PERSON"):
                continue
            forms.append(core)
        if not any(typ(k) == "PERSON" for k in forms):
            continue
        plain = [k for k in forms if _person_core(k)[0] == core]        # the core, less initials at most
        middle = [k for k in forms if k not in plain]
        if any(sources_of[m] & sources_of[p] for m in middle for p in plain):
            forms = plain
        for k in forms[1:]:
            union(forms[0], k)
    # 5d. "Kim Jong-un" is "Kim Jong Un"
    for k in list(keep):
        spaced = _unhyphened(_top(surface_names[k])) if surface_names.get(k) else None
        if spaced and spaced in keep and typ(spaced) in (None, "PERSON"):
            union(spaced, k)
    # 5e. a name written with a hyphen is the name written with a space: "al-Qaeda" and "al Qaeda"
    for k in [k for k in keep if "-" in k]:
        spaced = k.replace("-", " ")
        if spaced in keep and hyphen_compatible((typ(k), typ(spaced))):
            union(spaced, k)
    # 5f. a person named by a nickname is the person named by the given name it shortens, in one story: "Chuck
    # Schumer" is the "Charles E. Schumer" of another outlet (not where one article names both)
    by_rest: dict[str, list[tuple[str, str]]] = defaultdict(list)      # the name after its given name -> people
    for k in keep:
        if " " in k and typ(k) == "PERSON":
            given, rest = _name_core(k)[0].split(" ", 1)
            by_rest[rest].append((given, k))
    for people in by_rest.values():
        for i, (g1, k1) in enumerate(people):
            for g2, k2 in people[i + 1:]:
                if g1 != g2 and same_given_name(g1, g2) and not sources_of[k1] & sources_of[k2]:
                    union(k1, k2)
    # 6. surnames and spelling variants of people
    persons = [k for k in keep if typ(k) == "PERSON" and len(k.split()) >= 2]
    by_last: dict[str, list[str]] = defaultdict(list)
    for p in persons:
        by_last[_surname(p)].append(p)
    lasts_by_letter: dict[str, list[str]] = defaultdict(list)
    for last in by_last:
        lasts_by_letter[last[0]].append(last)
    singles = sorted(k for k in keep if len(k.split()) == 1)
    # within one article a surname means the full name it introduced ("Donald Trump ... Trump said");
    # across articles the full name most articles introduce wins
    local_links: dict[str, Counter] = defaultdict(Counter)
    for keys in keys_of:
        fulls = {k for k in keys if " " in k and k in keep and typ(k) == "PERSON"}
        last_of: dict[str, set[str]] = defaultdict(set)
        first_of: dict[str, set[str]] = defaultdict(set)
        for f in fulls:
            last_of[_surname(f)].add(find(f))
            if _bare_name(f):
                first_of[f.split()[0]].add(find(f))
        for k in keys:
            if k not in keep or " " in k:
                continue
            people = last_of.get(_surname(k), ())
            # a name that begins only one person's full name and ends none is that person there: "Kim Jong Un ...
            # Kim", "Xi Jinping ... Xi", "Bernie Sanders ... Bernie"
            if not people and typ(k) in (None, "PERSON"):
                people = first_of.get(k, ())
            if len(people) == 1:
                local_links[k][next(iter(people))] += 1
    for k, links in local_links.items():
        union(_top(links), k)
    for s in singles:
        if s in local_links:
            continue
        t = typ(s)
        if t not in (None, "PERSON"):
            continue
        # (names of one person, "Robert Mueller" and "Robert S. Mueller III", are one candidate)
        exact = {find(p) for p in by_last.get(_surname(s), ())}
        if len(exact) == 1:
            union(exact.pop(), s)
            continue
        if exact:
            continue
        if len(s) < 5:
            continue
        fuzzy = {find(p) for last, _, _ in process.extract(s, lasts_by_letter.get(s[0], []), scorer=fuzz.ratio,
                                                            score_cutoff=88, limit=3)
                 for p in by_last[last]}
        if len(fuzzy) == 1:
            union(fuzzy.pop(), s)
    # a person's name that ends another's is that person, if the one: "Lula da Silva" of "Luiz Inacio Lula da
    # Silva", "Trump Jr." of "Donald Trump Jr."
    tails: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for p in persons:
        words = p.split()
        for n in (2, 3):
            if len(words) > n:
                tails[tuple(words[-n:])].add(p)
    # (longer names first: "Inacio Lula da Silva" joins its owner before "Lula da Silva" counts owners)
    for k in sorted(keep, key=lambda k: (-k.count(" "), k)):
        if " " in k and typ(k) in (None, "PERSON") and tuple(k.split()) in tails:
            owners = {find(p) for p in tails[tuple(k.split())]} - {find(k)}
            if len(owners) == 1:
                union(owners.pop(), k)
    # spelling variants between full names or between single names of one type
    names_by_type: dict[str | None, list[str]] = defaultdict(list)
    for k in keep:
        names_by_type[typ(k)].append(k)
    for t, ks in names_by_type.items():
        if t is None:
            continue
        blocks: dict[str, list[str]] = defaultdict(list)
        for k in ks:
            if len(k) >= 5:
                blocks[k[:3]].append(k)
        for block in blocks.values():
            block.sort()
            for i, a in enumerate(block):
                for b in block[i + 1:]:
                    if abs(len(a) - len(b)) > 2 or len(a.split()) != len(b.split()):
                        continue
                    # each word a spelling of the other's: "Brett Kavanaugh" and "Bret Kavanaugh" are one
                    # person, "North Africa" and "North America" two places
                    if fuzz.ratio(a, b) >= 88 and all(x == y or fuzz.ratio(x, y) >= 80
                                                      for x, y in zip(a.split(), b.split())):
                        union(a, b)

    # 7. build entities
    groups: dict[str, ResolvedEntity] = {}
    for k in sorted(keep):
        r = find(k)
        ent = groups.get(r)
        if ent is None:
            ent = groups[r] = ResolvedEntity(r, "", "")
        for n in surface_names.get(k, {}):
            ent.aliases.add(n)
        if k == r and (names := surface_names.get(k)):
            # (among names as common, not one in capitals: a wire dateline's "KYIV" is Kyiv)
            ent.name = max(names, key=lambda n: (names[n], not n.isupper()))
    for si, (mentions, keys) in enumerate(zip(per_source, keys_of)):
        for m, k in zip(mentions, keys):
            if k in keep:
                groups[find(k)].mentions.append((si, m))
    type_votes: dict[str, Counter] = defaultdict(Counter)
    stated = {_norm(acr) for _, acr in acronyms}
    acronym_votes: dict[str, Counter] = defaultdict(Counter)
    for k in keep:
        if k in votes:
            r = find(k)
            if r != k and " " in r and k not in stated and best_strength.get(r, 0) >= 2 and surface_names.get(k) \
                    and _ACRONYM.match(_top(surface_names[k])):
                # letters joined by initials to a name that has strong cues of its own are typed by it: "MLK"
                # (an organisation by its capitals) is Martin Luther King; they vote only for a name with no type.
                # (Letters a text puts in brackets after a name do vote: a body's, as "Congressional Hispanic
                # Caucus (CHC)", more often than a person's.)
                acronym_votes[r].update(votes[k])
                continue
            # a surname an article uses for the person it named in full votes as a person: "Warren said" is
            # Elizabeth Warren there, whatever the gazetteer knows of a city called Warren
            type_votes[r].update(votes[k] if k not in local_links else
                                 {t: v for t, v in votes[k].items() if t == "PERSON"})
    for r, tv in acronym_votes.items():
        if not type_votes[r]:
            type_votes[r].update(tv)
    result = []
    for r, ent in groups.items():
        if not ent.mentions:
            continue
        tv = type_votes[r]
        canon = PLACE_ALIASES.get(r)
        if not ent.name:
            ent.name = canon or max(ent.aliases, key=len)
        ent.type = _top_type(tv) if tv else "OTHER"
        if canon:
            ent.name = canon
            ent.type = "PLACE"
        ent.aliases.add(ent.name)
        result.append(ent)
    result.sort(key=lambda e: (-len(e.mentions), e.name))
    return result
