"""Find the figures a news text states: numbers as ranges, with their qualifier and unit.

``find_figures(text)`` returns :class:`store.model.Figure` records, sorted by
``start`` and never overlapping, with ``text[f.start:f.end] == f.text``.  A
figure's text covers the qualifier, the number words and any currency sign,
percent sign or currency word ("at least 30", "a couple hundred",
"10,000 to 12,000", "$5.6 billion", "20%", "5 million dollars"), never the
counted noun.  Values are ``int`` when whole, ``float`` otherwise, never
inf or nan.  Standard library only; one precompiled scan per text.

Numbers
-------
- Digits: ``30``, ``11,000``, ``1.2``, ``5.6 million`` (5,600,000), ``$1.2bn``,
  ``€2m``.  The glued scales ``m``, ``b``, ``k`` count only after a currency
  sign ("30m" alone is read as metres and skipped); ``bn``, ``mn``, ``tn`` always.
- Words: ``one`` .. ``nineteen``, ``twenty`` .. ``ninety``, ``twenty-five``,
  ``a hundred``, ``two hundred and fifty``, ``three thousand``, ``a million``,
  ``a dozen`` (12), ``two dozen`` (24), ``half a dozen`` (6).
- The bare words "a", "an" and "one" are not figures ("one of the", "one day"),
  except "one" after a bound qualifier ("at least one" is 1..None, "more than
  one" is 2..None) or as the first end of a range ("one or two" is 1..2).
- Ranges: ``10,000 to 12,000``, ``10,000-12,000``, ``10,000–12,000``,
  ``between 10 and 20``, ``from 10 to 20``, ``10 or 12``.  A scale, currency
  or percent sign on the second end only applies to both when the first end
  is not larger than the second's digits: ``5 to 6 million`` is
  5,000,000..6,000,000 and ``$5-6bn`` is money, but ``500 to 1 million``
  is 500..1,000,000.  Descending pairs are not ranges: "from 20 to 10" and
  "3 to 1" give two figures, "3-1" (a score, an identifier) gives none;
  "between 20 and 10" is swapped to 10..20.
- Percentages: ``20%``, ``20 percent``, ``20 per cent`` are kind "percent" with
  unit "%"; ``20 percentage points`` is kind "percent" with unit
  "percentage points" (a difference of rates, not a rate).
- Money: ``$``, ``US$`` (USD), ``£`` (GBP), ``€`` (EUR), ``A$``/``AU$`` (AUD),
  ``C$``/``CA$`` (CAD), ``NZ$`` (NZD), ``HK$`` (HKD), ``₴`` (UAH), ``₽`` (RUB),
  the codes USD, EUR, GBP, UAH, RUB before the number, and the words dollars,
  US dollars (USD), euros (EUR), sterling (GBP), roubles/rubles (RUB),
  hryvnias (UAH) after it ("pounds" only after a scale word, "5 million
  pounds", since "500 pounds" is usually a weight).  Kind "money", unit the
  ISO code, value in currency units ("$5.6 billion" is 5,600,000,000).

Vague quantities (``DOCUMENTED_RANGES``)
----------------------------------------
=========================  ===============================  =============================
phrase                     low .. high                      also matches
=========================  ===============================  =============================
a couple                   2 .. 3                           only before "of" or a plural
a couple dozen             24 .. 36                         a couple of dozen
a couple hundred           150 .. 300                       a couple of hundred
a couple thousand          1,500 .. 3,000                   a couple of thousand
a couple million           1,500,000 .. 3,000,000           a couple of million
a couple billion           1,500,000,000 .. 3,000,000,000   a couple of billion
a few                      3 .. 5                           not after "quite"
a few dozen                24 .. 60
a few hundred              200 .. 500
a few thousand             2,000 .. 5,000
a few million              2,000,000 .. 5,000,000
a few billion              2,000,000,000 .. 5,000,000,000
a handful                  3 .. 6
a dozen                    12 .. 12                         (exact; also "two dozen" 24)
several dozen              24 .. 99                         several dozens
several hundred            300 .. 900                       several hundreds
several thousand           3,000 .. 9,000                   several thousands
several million            3,000,000 .. 9,000,000           several millions
several billion            3,000,000,000 .. 9,000,000,000   several billions
dozens                     24 .. 99
scores                     40 .. 99                         only in "scores of"
hundreds                   200 .. 999
thousands                  2,000 .. 9,999
tens of thousands          20,000 .. 99,999
hundreds of thousands      200,000 .. 999,999
millions                   2,000,000 .. 9,999,999
tens of millions           20,000,000 .. 99,999,999
hundreds of millions       200,000,000 .. 999,999,999
billions                   2,000,000,000 .. 9,999,999,999
tens of billions           20,000,000,000 .. 99,999,999,999
hundreds of billions       200,000,000,000 .. 999,999,999,999
=========================  ===============================  =============================

"several" on its own ("several villages") is not a figure.

Qualifiers (before the number; ``qualifier`` is the phrase, lowercased)
-----------------------------------------------------------------------
======  ===============================================  ==========================
class   phrases                                          exact number N becomes
======  ===============================================  ==========================
min     at least, no fewer than, no less than,           N .. None
        not less than, a minimum of
gt      more than, over, in excess of, upwards of,       N+1 .. None (a whole count);
        above, greater than                              N .. None (money, percent,
                                                         fractional numbers)
lt      fewer than, less than, under, below              None .. N-1 (a whole count);
                                                         None .. N otherwise
max     up to, as many as, as much as, at most,          None .. N
        no more than, not more than, a maximum of
approx  about, around, approximately, roughly,           N .. N with tolerance 0.1
        some (only before digits), an estimated,         (relative: N +/- 10%)
        estimated, nearly, almost, close to,
        just under, just over, more or less, circa,
        in the realm of, in the region of,
        on the order of
======  ===============================================  ==========================

On a range or a vague quantity the bound qualifiers keep the matching end
("at least several dozen" is 24..None, "up to a few hundred" is None..500,
"more than dozens" is 24..None), and the approximate ones keep both ends and
set tolerance 0.1 ("in the realm of dozens" is 24..99, tolerance 0.1).
Without a qualifier tolerance is 0.0.

Not figures
-----------
Dates ("December 16", "16 December", "Dec. 17", "16-17 December", "January
20, 2025"); years (a bare four-digit number 1800..2100 without a comma, unless
a counted plural noun follows and no year word such as "in", "since", "the"
precedes: "in 2024", "the 2020 election" are years, "2024 troops" is a count;
a bound qualifier other than "up to" also makes it a count); clock times
("10:23", "3 p.m.", "1500 GMT"); ordinals ("94th", "third"); numbers glued to
letters or hyphenated after a word ("F-16", "COVID-19", "G7", "MH17");
hyphenated compounds ("50-year-old", "10-day", "two-thirds"; "12,000-strong"
is kept as 12,000); labels ("Article 5", "No. 10", "Section 3", "aged 50");
numbers with leading zeros or of nine or more digits without commas
(identifiers, phone numbers), digit groups separated by spaces or dots
("+44 20 7946 0958", "12.05.2024"), fractions and counters ("0/250", "24/7"),
numbers inside URLs and e-mail addresses, and numbers with more than 15
integer digits or 12 decimals (skipped, never inf).  A dot is always a decimal
point ("1.000" is 1) and a figure never spans a line break.

Units
-----
The unit is what is counted: among the five words after the figure (skipping a
leading "of", quotes, adjectives, nationality words and noun modifiers), the
first plural noun or people-like mass noun (people, personnel, staff, police,
military, infantry, cattle, livestock, aircraft, men, women, children); "police
officers" gives "officers".  It is lowercased unless capitalized ("North
Koreans" stays "North Koreans").  Determiners, prepositions and verbs end the
search with no unit.  Money has the currency code as unit, percentages "%".
"""
from __future__ import annotations

import math
import re

from store.model import Figure

__all__ = ["find_figures", "DOCUMENTED_RANGES", "QUALIFIERS", "APPROX_TOLERANCE"]

APPROX_TOLERANCE = 0.1

DOCUMENTED_RANGES: dict[str, tuple[float | None, float | None]] = {
    "a couple": (2, 3),
    "a couple dozen": (24, 36),
    "a couple hundred": (150, 300),
    "a couple thousand": (1_500, 3_000),
    "a couple million": (1_500_000, 3_000_000),
    "a couple billion": (1_500_000_000, 3_000_000_000),
    "a few": (3, 5),
    "a few dozen": (24, 60),
    "a few hundred": (200, 500),
    "a few thousand": (2_000, 5_000),
    "a few million": (2_000_000, 5_000_000),
    "a few billion": (2_000_000_000, 5_000_000_000),
    "a handful": (3, 6),
    "a dozen": (12, 12),
    "several dozen": (24, 99),
    "several hundred": (300, 900),
    "several thousand": (3_000, 9_000),
    "several million": (3_000_000, 9_000_000),
    "several billion": (3_000_000_000, 9_000_000_000),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
    "tens of billions": (20_000_000_000, 99_999_999_999),
    "hundreds of billions": (200_000_000_000, 999_999_999_999),
}

# Spelling variants of the keys above.
_VAGUE_ALIASES: dict[str, str] = {}
for _w in ("dozen", "hundred", "thousand", "million", "billion"):
    _VAGUE_ALIASES[f"a couple of {_w}"] = f"a couple {_w}"
    _VAGUE_ALIASES[f"several {_w}s"] = f"several {_w}"

# Qualifier phrase -> class.  min: N..None; gt: N+1..None; lt: None..N-1;
# max: None..N; approx: N..N with APPROX_TOLERANCE.
QUALIFIERS: dict[str, str] = {
    "at least": "min", "no fewer than": "min", "no less than": "min",
    "not less than": "min", "a minimum of": "min",
    "more than": "gt", "over": "gt", "in excess of": "gt", "upwards of": "gt",
    "above": "gt", "greater than": "gt",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt",
    "up to": "max", "as many as": "max", "as much as": "max", "at most": "max",
    "no more than": "max", "not more than": "max", "a maximum of": "max",
    "about": "approx", "around": "approx", "approximately": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx",
    "estimated": "approx", "nearly": "approx", "almost": "approx",
    "close to": "approx", "just under": "approx", "just over": "approx",
    "more or less": "approx", "circa": "approx", "in the realm of": "approx",
    "in the region of": "approx", "on the order of": "approx",
}

# --------------------------------------------------------------------------
# Grammar.  The scanner runs on " " + text.lower() (same length as the text,
# see _lower), so no pattern needs IGNORECASE, and word alternations are
# factored into tries: Python's re tries alternatives one by one.
# --------------------------------------------------------------------------
_SP = " \t\u00a0\u2009\u202f"
_S = f"[{_SP}]+"                       # spaces inside a figure (no newline)
_S0 = f"[{_SP}]*"


def phrase_alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """One regex alternation for `phrases`, factored by common prefixes.

    At every branch point the longer continuation is tried first; a space in a
    phrase matches any run of _S spaces.
    """
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(_S if ch == " " else re.escape(ch)) + emit(node[ch])
                for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return body + "?" if len(alts) == 1 and len(body) == 1 else f"(?:{body})?"
        return body
    return f"(?:{emit(root)})"


_SMALL_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
                "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_SCALES = {
    "thousand": 1_000, "k": 1_000,
    "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
_CURRENCY_SIGNS = {
    "$": "USD", "US$": "USD", "USD": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "£": "GBP", "GBP": "GBP", "€": "EUR",
    "EUR": "EUR", "₴": "UAH", "UAH": "UAH", "₽": "RUB", "RUB": "RUB",
}
_CURRENCY_WORDS = {
    "dollars": "USD", "us dollars": "USD", "euros": "EUR", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "roubles": "RUB", "rubles": "RUB",
    "hryvnias": "UAH", "hryvnia": "UAH",
}

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_HY = "[-\u2011]"                       # hyphen, non-breaking hyphen
_SMALL = (rf"(?:{phrase_alternation(_TENS)}(?:(?:{_HY}|{_S}){phrase_alternation(_UNITS)}(?!\w))?"
          rf"|{phrase_alternation(_TEENS + _UNITS)})(?!\w)")
_MULT = rf"{phrase_alternation(('thousand', 'million', 'billion', 'trillion', 'dozen'))}(?!\w)"
_HUNDRED = rf"hundred(?!\w)(?:{_S}(?:and{_S})?{_SMALL})?"
# A word number may not run into a hyphenated word ("two-thirds", "one-day").
_WEND = rf"(?!\w|{_HY}[^\W\d_])"
_WORDNUM = (rf"(?:half{_S}an?{_S}(?:dozen|million|billion)(?!\w)"
            rf"|an?{_S}(?:{_HUNDRED}(?:{_S}{_MULT})?|{_MULT})"
            rf"|{_SMALL}(?:{_S}{_HUNDRED})?(?:{_S}{_MULT})?){_WEND}")
_VSCALE = rf"{phrase_alternation(('dozen', 'hundred', 'thousand', 'million', 'billion'))}"
_VAGUE = (rf"(?:a{_S}(?:couple(?:(?:{_S}of)?{_S}{_VSCALE}(?!\w))?"
          rf"|few(?:{_S}{_VSCALE}(?!\w))?|handful)"
          rf"|several{_S}{_VSCALE}s?"
          rf"|(?:tens|hundreds){_S}of{_S}(?:thousands|millions|billions)"
          rf"|{phrase_alternation(('dozens', 'hundreds', 'thousands', 'millions', 'billions'))}"
          rf"|scores(?={_S}of(?!\w))){_WEND}")
_DIG = r"(?:[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.[0-9]++)?"
# After digits: no letter, no further digit group ("10:23", "1.2.3", "0/250",
# "12,5"), no degree sign, no hyphenated word ("50-year-old"; "-strong" is kept).
_DEND = rf"(?!\w|[.,:/][0-9]|°|{_HY}(?!strong\b)[^\W\d_])"
_DIGNUM = (rf"{_DIG}(?:{phrase_alternation(('bn', 'mn', 'mln', 'tn', 'trn', 'm', 'b', 'k'))}(?!\w)|{_DEND})"
           rf"(?:{_S}{phrase_alternation(('thousand', 'million', 'billion', 'trillion', 'bn', 'mn', 'mln', 'tn', 'trn'))}(?!\w))?")
_CUR = r"(?:(?:us|au|a|ca|c|nz|hk)?\$|£|€|₴|₽|usd|eur|gbp|uah|rub)"
_NUMP = rf"(?:(?:{_CUR}{_S0})?{_DIGNUM}|{_VAGUE}|{_WORDNUM})"
_PCT = (rf"(?:{_S0}%|{_S}(?:per(?:cent|{_S}cent)|pct)(?!\w)"
        rf"|{_S}percentage{_S}points?(?!\w))")
_CURW = (rf"(?:{_S}(?:(?:us{_S})?dollars|euros|pounds(?:{_S}sterling)?|sterling"
         rf"|r(?:o?ubles)|hryvnias?)(?!\w))")
_QUAL = (rf"(?:{phrase_alternation([q for q in QUALIFIERS if q != 'some'])}"
         rf"|some(?={_S}{_CUR}?{_S0}[0-9]))")
# The phrases a figure can start with, checked (cheaply, as one trie) before
# the full grammar is tried at a position.
_FIRST_PHRASES = sorted(set(QUALIFIERS) | set(_SMALL_VALUES) | {
    "between", "from", "half a", "half an", "several", "tens of", "hundreds",
    "dozens", "thousands", "millions", "billions", "scores of", "a couple", "a few",
    "a handful", "a hundred", "a thousand", "a million", "a billion", "a trillion",
    "a dozen", "us$", "au$", "a$", "ca$", "c$", "nz$", "hk$", "usd", "eur", "gbp",
    "uah", "rub"})
_GATE = rf"(?=[0-9$£€₴₽]|{phrase_alternation(_FIRST_PHRASES)}(?![a-z]))"

# The scanner consumes the character before a figure: a space, line break,
# opening quote or bracket, or an em dash.  So a figure never follows a letter,
# digit, decimal point, thousands comma, path or time separator, sign, hash,
# at-sign, currency or percent sign, or a hyphen ("F-16", "COVID-19", "G7").
_DELIM = "[" + re.escape(" \n\t\r\"'([{“‘«—\u00a0\u2009\u202f") + "]"
_BODY = (
    _GATE + rf"(?:(?P<q>{_QUAL}){_S})?"
    rf"(?:between{_S}(?P<b1>{_NUMP})(?P<bp>{_PCT})?{_S}and{_S}(?P<b2>{_NUMP})"
    rf"|from{_S}(?P<f1>{_NUMP})(?P<fp>{_PCT})?{_S}to{_S}(?P<f2>{_NUMP})"
    rf"|(?P<n1>{_NUMP})(?:(?P<np>{_PCT})?"
    rf"(?P<conn>[-\u2011\u2013]|{_S}\u2013{_S}|{_S}(?:to|or){_S})(?P<n2>{_NUMP}))?)"
    rf"(?P<sfx>{_PCT}|{_CURW})?")
_MASTER = re.compile(_DELIM + _BODY)

_DIGIT_PARTS = re.compile(
    rf"(?P<cur>(?:US|AU|A|CA|C|NZ|HK)?\$|£|€|₴|₽|USD|EUR|GBP|UAH|RUB)?{_S0}"
    rf"(?P<int>[0-9][0-9,]*)(?:\.(?P<frac>[0-9]+))?"
    rf"(?P<glued>[a-z]+)?(?:{_S}(?P<scale>[a-z]+))?$", re.IGNORECASE)
_SPLIT_WORDS = re.compile(r"[\s\-\u2011]+")

# Context (run on the original text: months and time zones are case-sensitive).
_MONTH_ALT = ("January|February|March|April|May|June|July|August|September|October|"
              "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTHS = frozenset(_MONTH_ALT.split("|"))
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_DATE_AFTER = re.compile(
    rf"{_S0}(?:(?:,|and|or|to|[-\u2013]){_S0}{_DAY}{_S0})?(?:of{_S})?(?:{_MONTH_ALT})\b")
_TIME_AFTER = re.compile(
    rf"{_S0}(?:[aApP]\.?[mM]\b\.?|[oO]['’]clock|(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK"
    rf"|EST|EDT|PST|PDT|ET|PT)\b)")
_URLISH = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                     re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t\u00a0\"'“”‘’«»]*([^\W\d_][\w'’\-]*)")
_OF_AFTER = re.compile(rf"{_S}of\b", re.IGNORECASE)
_TOKEN_STRIP = "\"'“”‘’«»()[]{}"
_CONJ = frozenset(("and", "or", "to", "-", "\u2013", "&"))

_LABELS = frozenset("""
article articles section sections chapter chapters clause paragraph resolution
page pages p pp vol volume flight route highway room platform amendment exhibit
annex protocol version phase season episode category grade tier stage item gate
channel no nos nr number aged age rule stanag windows iphone apollo
""".split())
_CAP_LABELS = frozenset("Type Model Mark Mk Unit Line Level Part Block Lot Squad".split())
_YEAR_PREV = frozenset("""
in since by until till from of during before after the this that mid early late
between and to circa c year years spring summer autumn fall winter
""".split())
_FRACTIONS = frozenset("""
half halves third thirds quarter quarters fifth fifths sixth sixths seventh
sevenths eighth eighths ninth ninths tenth tenths hundredth hundredths
""".split())

# Unit search.
_STOP = frozenset("""
and or the a an this that these those his her its their our my your them they
he she it we you i me him us who whom whose which what where when while why how to in
on at by for from with without into onto about against since during after
before until than as per like including among across through over under near
off out up down then there here so but if because though although is are was
were be been being have has had will would can could may might must shall
should do does did not no nor said says say told tells according also only
just each every ago earlier later yesterday today tomorrow tonight last next
monday tuesday wednesday thursday friday saturday sunday january february march
april june july august september october november december
""".split())
_COUNT_NOUNS = frozenset("""
people personnel staff police military infantry cattle livestock aircraft men
women children
""".split())
_MODIFIER_NOUNS = frozenset("police military staff infantry".split())
_NOT_PLURAL = frozenset("""
this thus yes plus minus less unless perhaps always sometimes afterwards
towards besides whereas overseas news means series species mathematics physics
politics economics alas atlas canvas chaos lens gas bus was has does goes his
hers its ours yours theirs says remains seems appears needs wants makes takes
gives comes becomes tells shows adds claims states notes warns insists argues
believes thinks suggests explains confirms denies includes exceeds reaches
represents stands gets continues helps keeps leaves puts runs sends sets sees
""".split())
_PLACE_S = frozenset("""
Paris Texas Athens Wales Brussels Netherlands Philippines Emirates Honduras
Barbados Bahamas Laos Kansas Arkansas Angeles Vegas Aires Mercedes Reuters
News Times States Nations Forces Affairs Islands Seychelles Maldives Comoros
Tunis Damascus Minsk
""".split())
_IS_DEMONYMS = frozenset("""
Israelis Iraqis Pakistanis Yemenis Saudis Kuwaitis Qataris Bangladeshis Somalis
Emiratis Omanis Azerbaijanis Nepalis
""".split())
_GEO_PREFIX = frozenset("""
North South East West Northern Southern Eastern Western Central New Saudi Sri
Costa Puerto Hong Papua Sierra Burkina
""".split())
_NATIONALITY_EXTRA = frozenset("""
Greek Thai Swiss Dutch French Welsh Irish Scots Scottish Czech Slovak Kyrgyz
Chechen Kazakh Uzbek Tajik Turkmen Lao Malay Maori Inuit Arab Kurd Tatar Buryat
Houthi Wagner Shahed
""".split())
_CAP_ADJ_SUFFIXES = ("an", "ian", "ese", "ish", "ic", "i", "ch")
_ADJ_SUFFIXES = ("an", "ese", "ish", "ic", "ed", "ing", "al", "ive", "ary", "ful",
                 "ous", "able", "ible")
_ADJ_WORDS = frozenset("""
more other additional extra new fresh further elite young old senior junior
former total dead missing enemy allied special regular armed unarmed foreign
local key main major minor heavy light small large big many few civilian
combat ground frontline active reserve
""".split())


def _lower(text: str) -> str:
    """text.lower(), keeping one character per character so offsets agree."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------
class _Num:
    """One end of a figure: an exact number or a documented vague range."""
    __slots__ = ("low", "high", "vague", "cur", "scale", "base_num", "base_den",
                 "raw", "glued", "bare_one", "is_word")

    def __init__(self) -> None:
        self.low: int | float = 0
        self.high: int | float = 0
        self.vague: str | None = None    # key of DOCUMENTED_RANGES
        self.cur: str | None = None      # currency code from a sign before it
        self.scale = 1                   # "5.6 million": base 56/10, scale 10**6
        self.base_num = 0
        self.base_den = 1
        self.raw: str | None = None      # the digits of a plain integer ("2024")
        self.glued: str | None = None    # "m" of "$2m"
        self.bare_one = False            # the word "one" alone
        self.is_word = False


def _val(num: int, den: int) -> int | float:
    if num % den == 0:
        return num // den
    return num / den


def _parse(s: str) -> _Num | None:
    n = _Num()
    if s.isdigit() and s.isascii():          # the common case: "30", "2024"
        if len(s) >= 9 or (len(s) > 1 and s[0] == "0"):
            return None
        n.low = n.high = n.base_num = int(s)
        n.raw = s
        return n
    if "," in s and s[0] != "0" and len(s) <= 19 and s.replace(",", "").isdigit() and s.isascii():
        n.low = n.high = n.base_num = int(s.replace(",", ""))   # "11,000"
        return n
    m = _DIGIT_PARTS.match(s)
    if m is not None:
        cur = m.group("cur")
        if cur:
            n.cur = _CURRENCY_SIGNS.get(cur.upper(), "USD")
        int_s = m.group("int")
        comma = "," in int_s
        digits = int_s.replace(",", "")
        frac = m.group("frac") or ""
        if len(digits) > 15 or len(frac) > 12:
            return None                      # cap: never inf, never huge
        if len(digits) > 1 and digits[0] == "0":
            return None                      # identifiers: "0800", "007"
        if not comma and len(digits) >= 9:
            return None                      # phone numbers, identifiers
        scale = 1
        glued = m.group("glued")
        if glued:
            n.glued = glued.lower()
            scale = _SCALES.get(n.glued, 0)
        sc = m.group("scale")
        if sc:
            scale *= _SCALES.get(sc.lower(), 0)
        if scale == 0:
            return None
        num = int(digits + frac)
        den = 10 ** len(frac)
        n.base_num, n.base_den, n.scale = num, den, scale
        n.low = n.high = _val(num * scale, den)
        if not comma and not frac and scale == 1:
            n.raw = digits
        return n
    words = _SPLIT_WORDS.split(s.lower())
    key = " ".join(words)
    key = _VAGUE_ALIASES.get(key, key)
    if key != "a dozen":
        rng = DOCUMENTED_RANGES.get(key)
        if rng is not None:
            n.vague = key
            n.low, n.high = rng  # type: ignore[assignment]
            return n
    n.is_word = True
    if words[0] == "half":
        n.low = n.high = _MULTIPLIERS.get(words[-1], 0) // 2
        return n if n.low else None
    total = 0
    cur = 0
    last_mult = 1
    for w in words:
        if w in _SMALL_VALUES:
            cur += _SMALL_VALUES[w]
            last_mult = 1
        elif w in ("a", "an"):
            cur += 1
        elif w == "and":
            continue
        elif w == "hundred":
            cur = (cur or 1) * 100
            last_mult = 100
        elif w in _MULTIPLIERS:
            mult = _MULTIPLIERS[w]
            total += (cur or 1) * mult
            cur = 0
            last_mult = mult
        else:
            return None
    value = total + cur
    if value == 0:
        return None
    n.bare_one = words == ["one"]
    if last_mult > 1 and value % last_mult == 0:
        n.scale = last_mult
        n.base_num = value // last_mult
    else:
        n.base_num = value
    n.low = n.high = value
    return n


# --------------------------------------------------------------------------
# Context
# --------------------------------------------------------------------------
def _prev_token(text: str, pos: int) -> tuple[str, int]:
    """The whitespace-separated token before `pos`, stripped of quotes and
    brackets, and where it starts."""
    lo = max(0, pos - 40)
    j = pos
    while j > lo and text[j - 1] in _SP:
        j -= 1
    i = max(lo, text.rfind(" ", lo, j) + 1)
    tok = text[i:j]
    if "\n" in tok or "\t" in tok or "\u00a0" in tok:
        cut = max(tok.rfind("\n"), tok.rfind("\t"), tok.rfind("\u00a0")) + 1
        i += cut
        tok = tok[cut:]
    return tok.strip(_TOKEN_STRIP), i


def _is_day(w: str) -> bool:
    if not w:
        return False
    if w[-2:] in ("st", "nd", "rd", "th"):
        w = w[:-2]
    return 0 < len(w) <= 2 and w.isdigit()


def _after_month(text: str, pos: int) -> bool:
    """Whether a month name precedes `pos`, possibly across a day and a
    conjunction ("December 16 and 17", "January 20, 2025")."""
    for _ in range(3):
        tok, pos = _prev_token(text, pos)
        w = tok.rstrip(".,")
        if w in _MONTHS:
            return True
        if not w or not (w in _CONJ or _is_day(w)):
            return False
    return False


def _is_plural(w: str, lw: str) -> bool:
    if len(lw) < 3 or lw[-1] != "s" or lw in _NOT_PLURAL:
        return False
    if lw.endswith(("ss", "us", "'s", "’s")):
        return False
    if w[0].isupper():
        if w in _PLACE_S:
            return False
        if lw.endswith("is"):
            return w in _IS_DEMONYMS
        return True
    return not lw.endswith("is")


def _is_adjective(w: str, lw: str) -> bool:
    if "-" in w or lw in _ADJ_WORDS:
        return True
    if w[0].isupper():
        return (w in _GEO_PREFIX or w in _NATIONALITY_EXTRA
                or (len(lw) > 3 and lw.endswith(_CAP_ADJ_SUFFIXES)))
    return lw.endswith(_ADJ_SUFFIXES)


_UNIT_SEP = "[ \\t\\u00a0\"'“”‘’«»]"
_UNIT_WORD = r"([^\W\d_][\w'’\-]*)"
# Up to six words after a figure, with only spaces and quotes between them.
_UNIT_WORDS = re.compile(
    f"{_UNIT_SEP}*{_UNIT_WORD}" + "".join(f"(?:{_UNIT_SEP}+{_UNIT_WORD}" for _ in range(5))
    + ")?" * 5)


def _find_unit(text: str, pos: int) -> str | None:
    """The counted noun among the five words after `pos`, or None."""
    m = _WORD_AFTER.match(text, pos)         # fast path: "30 soldiers"
    if m is None:
        return None
    w = m.group(1)
    lw = w.lower()
    if lw in _STOP:
        return None
    if lw[-1] == "s" and lw not in _MODIFIER_NOUNS and _is_plural(w, lw):
        return w if w[0].isupper() else lw
    m = _UNIT_WORDS.match(text, pos)
    if m is None:
        return None
    words = m.groups()
    prev = ""
    skip_of = words[0].lower() == "of"
    for k in range(6 if skip_of else 5):
        w = words[k]
        if w is None:
            return None
        lw = w.lower()
        if lw[-1] in "'’-":
            w = w.rstrip("'’-")
            lw = lw.rstrip("'’-")
            if not w:
                return None
        if k == 0 and skip_of:
            continue
        if lw in _STOP:
            if (lw == "and" or lw == "or") and prev and _is_adjective(prev, prev.lower()):
                prev = ""                    # "Russian and North Korean soldiers"
                continue
            return None
        if lw in _COUNT_NOUNS:
            if lw in _MODIFIER_NOUNS and k < 5 and words[k + 1] is not None:
                w2 = words[k + 1].rstrip("'’-")   # "police officers"
                lw2 = w2.lower()
                if lw2 and lw2 not in _STOP and (lw2 in _COUNT_NOUNS or _is_plural(w2, lw2)):
                    return w2 if w2[0].isupper() else lw2
            return lw
        if lw[-1] == "s" and _is_plural(w, lw):
            if w[0].isupper():
                return f"{prev} {w}" if prev in _GEO_PREFIX else w
            return lw
        prev = w
    return None


def _bad_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses."""
    if "://" not in text and "@" not in text and "www." not in text and "WWW." not in text:
        return []
    return [m.span() for m in _URLISH.finditer(text)]


def _is_year(n: _Num) -> bool:
    return n.raw is not None and len(n.raw) == 4 and 1800 <= n.low <= 2100


_DIGITS = "0123456789"


def _phone_context(text: str, start: int, end: int) -> bool:
    """Digit groups separated by spaces, dots, hyphens or brackets."""
    if start >= 2:
        c1, c2 = text[start - 2], text[start - 1]
        if c2 in " \u00a0\u2009\u202f" and (c1 in _DIGITS or (c1 == ")" and start >= 3 and text[start - 3] in _DIGITS)):
            return True
    if end + 1 < len(text):
        c, d = text[end], text[end + 1]
        if c in " .-\u2013\u00a0\u2009\u202f" and d in _DIGITS:
            return True
        if c == ")" and (d in _DIGITS or (d == " " and end + 2 < len(text) and text[end + 2] in _DIGITS)):
            return True
    return False


# --------------------------------------------------------------------------
# Building figures
# --------------------------------------------------------------------------
def _figure(text: str, start: int, qnorm: str | None, form: str | None,
            s1: int, e1: int, s2: int, e2: int, pct: str | None,
            sfx: str | None, sfx_end: int, bad: list[tuple[int, int]]
            ) -> tuple[Figure | None, bool]:
    """One figure from its parts, or None; the flag asks to split a descending
    "to"/"or" pair into two figures."""
    n1 = _parse(text[s1:e1])
    if n1 is None:
        return None, False
    n2 = None
    if s2 >= 0:
        n2 = _parse(text[s2:e2])
        if n2 is None:
            return None, False
    qcls = QUALIFIERS.get(qnorm) if qnorm else None
    bound = qcls in ("min", "gt", "lt", "max")

    # Bare "one": only after a bound qualifier or as the first end of a range.
    if n1.bare_one and n2 is None and not bound:
        return None, False
    if n2 is not None and n2.bare_one and (n1.bare_one or form == "-"):
        return None, False

    # Kind: money, percent or count.
    cur = n1.cur or (n2.cur if n2 is not None else None)
    end = sfx_end if sfx else (e2 if n2 is not None else e1)
    percent_unit = None
    if pct:
        percent_unit = "percentage points" if "point" in pct else "%"
    scaled = (n1.scale > 1 or n1.vague is not None
              or (n2 is not None and (n2.scale > 1 or n2.vague is not None)))
    if sfx and not ("%" in sfx or "per" in sfx or "pct" in sfx):
        sl = " ".join(sfx.lower().split())
        if sl == "pounds" and not scaled:
            end = e2 if n2 is not None else e1   # "500 pounds" is a weight
        elif cur is None:
            cur = _CURRENCY_WORDS.get(sl)
        elif cur != _CURRENCY_WORDS.get(sl):
            return None, False
    if cur and percent_unit:
        return None, False
    kind = "money" if cur else ("percent" if percent_unit else "count")
    if kind != "money" and (n1.glued in ("m", "b", "k") or (n2 is not None and n2.glued in ("m", "b", "k"))):
        return None, False                    # "30m" is a length

    # Range.
    low, high = n1.low, n1.high
    exact = n1.vague is None
    if n2 is not None:
        if (n2.scale > 1 and n1.scale == 1 and n1.vague is None and n2.vague is None
                and n1.low * n2.base_den <= n2.base_num):
            low = high = _val(n1.base_num * n2.scale, n1.base_den)   # "5 to 6 million"
        if low <= n2.low and high <= n2.high:
            high = n2.high
        elif form == "between":
            low, high = min(low, n2.low), max(high, n2.high)
        elif form == "-":
            return None, False                # "3-1": a score or an identifier
        else:
            return None, True                 # "from 20 to 10": two figures
        exact = exact and n2.vague is None and low == high

    # Context: URLs, phone numbers, times, dates, labels, years.
    for a, b in bad:
        if a < end and start < b:
            return None, False
    if kind == "count":
        last = n2 if n2 is not None else n1
        if not n1.is_word and n1.vague is None and _phone_context(text, s1, end):
            return None, False
        c = text[end:end + 1]
        if c == " ":
            c = text[end + 1:end + 2]
        if c and c in "aApPoOGUBCEM" and _TIME_AFTER.match(text, end):
            return None, False                # "3 p.m.", "0900 GMT"
        if (last.raw is not None and len(last.raw) <= 2 and c
                and (c.isupper() or c in ",-\u2013aot") and _DATE_AFTER.match(text, end)):
            return None, False                # "16 December", "16 and 17 Dec"
        if n1.vague is None and not n1.is_word:
            tok, tstart = _prev_token(text, s1)
            w = tok.rstrip(".,")
            if n1.raw is not None and (len(n1.raw) <= 2 or _is_year(n1)) and (
                    w in _MONTHS or ((w in _CONJ or _is_day(w)) and _after_month(text, tstart))):
                return None, False            # "December 16", "Dec. 17", "May 2024"
            if qnorm is None and form not in ("between", "from") and (
                    w.lower() in _LABELS or (w in _CAP_LABELS and w == tok)):
                return None, False            # "Article 5", "No. 10"
    unit_pos = end
    if text.startswith("-strong", end) or text.startswith("\u2011strong", end):
        unit_pos = end + 7
    unit = _find_unit(text, unit_pos)
    if kind == "count":
        if _is_year(n1) and (n2 is None or _is_year(n2)) and (not bound or qnorm == "up to"):
            tok, _ = _prev_token(text, start)
            if unit is None or tok.lower() in _YEAR_PREV:
                return None, False
        if n2 is None and n1.vague == "a couple":
            if unit is None and not _OF_AFTER.match(text, e1):
                return None, False            # "a couple who ..."
        if n2 is None and n1.vague == "a few":
            if _prev_token(text, start)[0].lower() == "quite":
                return None, False            # "quite a few" means many
        if n1.is_word or n1.vague:
            m = _WORD_AFTER.match(text, end)
            if m is not None and m.group(1).lower() in _FRACTIONS:
                return None, False            # "two thirds"
        if unit is not None and unit in _CURRENCY_WORDS and (unit != "pounds" or scaled):
            kind = "money"                    # "millions of dollars"
            cur = _CURRENCY_WORDS[unit]
    if kind == "money":
        unit = cur
    elif kind == "percent":
        unit = percent_unit

    # Qualifier.
    tol = 0.0
    out_low: int | float | None = low
    out_high: int | float | None = high
    if qcls == "min":
        out_high = None
    elif qcls == "gt":
        if exact and kind == "count" and isinstance(low, int):
            out_low = low + 1
        out_high = None
    elif qcls == "lt":
        if exact and kind == "count" and isinstance(high, int):
            out_high = high - 1
        out_low = None
    elif qcls == "max":
        out_low = None
    elif qcls == "approx":
        tol = APPROX_TOLERANCE
    for v in (out_low, out_high):
        if isinstance(v, float) and not math.isfinite(v):
            return None, False
    return Figure(start=start, end=end, text=text[start:end], low=_whole(out_low),
                  high=_whole(out_high), unit=unit, qualifier=qnorm, kind=kind,
                  tolerance=tol), False


def _whole(v: int | float | None) -> int | float | None:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def find_figures(text: str) -> list[Figure]:
    """All figures stated in `text`, sorted by start, non-overlapping."""
    if not isinstance(text, str) or not text:
        return []
    low = " " + _lower(text)                 # offsets in `low` are one more
    bad = _bad_spans(text)
    out: list[Figure] = []
    search = _MASTER.search
    pos = 0
    n = len(low)
    while pos < n:
        m = search(low, pos)
        if m is None:
            break
        start = m.start()                    # the consumed character, in `low`
        q, b1, bp, _, f1, fp, _, _, np_, conn, n2, sfx = m.groups()
        qnorm = " ".join(q.split()) if q else None
        sfx_end = m.end(12) - 1 if sfx else -1
        s2 = e2 = -1
        if b1 is not None:
            form = "between"
            (s1, e1), (s2, e2), pct = m.span(2), m.span(4), bp
        elif f1 is not None:
            form = "from"
            (s1, e1), (s2, e2), pct = m.span(5), m.span(7), fp
        else:
            s1, e1 = m.span(8)
            pct = np_
            form = None
            if n2 is not None:
                s2, e2 = m.span(11)
                conn = conn.strip()
                form = conn if conn in ("to", "or") else "-"
        if pct is None and sfx and ("%" in sfx or "per" in sfx or "pct" in sfx):
            pct = sfx
        s1, e1 = s1 - 1, e1 - 1
        if s2 >= 0:
            s2, e2 = s2 - 1, e2 - 1
        fig, split = _figure(text, start, qnorm, form, s1, e1, s2, e2, pct, sfx,
                             sfx_end, bad)
        if split:
            # A descending "20 to 10": the first number alone, then search on.
            pgroup = "fp" if form == "from" else "np"
            p1 = m.group(pgroup)
            fend = m.end(pgroup) - 1 if p1 else e1
            fig, _ = _figure(text, start if q else s1, qnorm, None, s1, e1, -1, -1,
                             p1, p1, fend, bad)
            if fig is not None:
                out.append(fig)
            pos = fend + 1
            continue
        if fig is not None:
            out.append(fig)
        pos = m.end()
    return out
