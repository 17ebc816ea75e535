"""Word knowledge learnt from real news (see tools/build_lexicon.py), loaded once per process."""
from __future__ import annotations

import gzip
import math
from functools import lru_cache
from importlib import resources

# The words of dates: each month's number by its names ("December", "Dec", "Sept"), and the days of the week.
MONTH_NUMBERS: dict[str, int] = {name: i for i, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sep sept", "october oct", "november nov", "december dec"), 1) for name in names.split()}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())

# Countries and blocs as the press abbreviates them; these pairings are never
# spelt out in the text, so they cannot be learnt from it.
PLACE_ALIASES: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "great britain": "United Kingdom",
    "britain": "United Kingdom",
    "dprk": "North Korea", "rok": "South Korea", "prc": "China", "uae": "United Arab Emirates",
    "russian federation": "Russia", "republic of korea": "South Korea",
    "democratic people's republic of korea": "North Korea", "czech republic": "Czechia",
    "people's republic of china": "China",
}
# US states as news abbreviates them ("Miami, Fla.", "Sen. Dianne Feinstein, D-Calif."); not those that are also
# words, titles, names or acronyms ("Miss.", "Mass.", "Wash.", "Del.", "La.", "Pa.", "Mo.", "Ore.", "Ind.", "Ark.", and
# "Va." and "Md.", which are also the VA and an MD).
US_STATE_ABBREVIATIONS: dict[str, str] = dict(pair.strip().split(":") for pair in """ala:Alabama, ariz:Arizona,
calif:California, colo:Colorado, conn:Connecticut, fla:Florida, ga:Georgia, ill:Illinois, kan:Kansas,
ky:Kentucky, mich:Michigan, minn:Minnesota, mont:Montana, neb:Nebraska, nev:Nevada, n.h.:New Hampshire,
n.j.:New Jersey, n.m.:New Mexico, n.y.:New York, n.c.:North Carolina, n.d.:North Dakota, okla:Oklahoma,
r.i.:Rhode Island, s.c.:South Carolina, s.d.:South Dakota, tenn:Tennessee, vt:Vermont, w.va.:West Virginia,
wis:Wisconsin, wyo:Wyoming, d.c.:District of Columbia""".split(","))
PLACE_ALIASES.update(US_STATE_ABBREVIATIONS)
# States whose abbreviation is also a body, a title or a word ("the VA", "an MD", "Mass", "wash"): a state only
# after a place and a comma, as news writes a dateline or a hometown ("ARLINGTON, Va.", "Boston, Mass.").
US_STATE_ABBREVIATIONS_AFTER_A_PLACE: dict[str, str] = dict(pair.strip().split(":") for pair in """va:Virginia,
md:Maryland, mass:Massachusetts, wash:Washington, pa:Pennsylvania, mo:Missouri, ind:Indiana, la:Louisiana,
del:Delaware, ore:Oregon, ark:Arkansas, miss:Mississippi""".split(","))

# Capitals news names for their governments ("Kyiv says", "Moscow denies"): the speaker is the country.
CAPITALS: dict[str, str] = dict(pair.strip().split(":") for pair in """Kyiv:Ukraine, Kiev:Ukraine,
Moscow:Russia, Washington:United States, Beijing:China, Pyongyang:North Korea, Seoul:South Korea, Tokyo:Japan,
London:United Kingdom, Paris:France, Berlin:Germany, Rome:Italy, Madrid:Spain, Warsaw:Poland, Minsk:Belarus,
Ankara:Turkey, Tehran:Iran, Jerusalem:Israel, Damascus:Syria, Baghdad:Iraq, Riyadh:Saudi Arabia, Cairo:Egypt,
Doha:Qatar, Kabul:Afghanistan, Islamabad:Pakistan, New Delhi:India, Delhi:India, Taipei:Taiwan, Hanoi:Vietnam,
Manila:Philippines, Jakarta:Indonesia, Canberra:Australia, Ottawa:Canada, Mexico City:Mexico, Brasilia:Brazil,
Buenos Aires:Argentina, Caracas:Venezuela, Havana:Cuba, Bogota:Colombia, Tbilisi:Georgia, Yerevan:Armenia,
Baku:Azerbaijan, Chisinau:Moldova, Budapest:Hungary, Bucharest:Romania, Vilnius:Lithuania, Riga:Latvia,
Tallinn:Estonia, Helsinki:Finland, Stockholm:Sweden, Oslo:Norway, Copenhagen:Denmark, The Hague:Netherlands,
Brussels:Belgium, Vienna:Austria, Bern:Switzerland, Athens:Greece, Belgrade:Serbia, Prague:Czech Republic,
Bratislava:Slovakia, Dublin:Ireland, Lisbon:Portugal, Nairobi:Kenya, Addis Ababa:Ethiopia, Khartoum:Sudan,
Tripoli:Libya, Pretoria:South Africa, Abuja:Nigeria, Beirut:Lebanon, Amman:Jordan, Sanaa:Yemen,
Abu Dhabi:United Arab Emirates, Tashkent:Uzbekistan, Astana:Kazakhstan, Bangkok:Thailand, Naypyidaw:Myanmar,
Dhaka:Bangladesh, Kathmandu:Nepal, Colombo:Sri Lanka, Wellington:New Zealand""".split(","))

# Buildings, rooms and grounds that news names as where something happened ("on Capitol Hill", "in the Oval
# Office"), not as who did it.
KNOWN_SITES = frozenset({"capitol hill", "capitol", "oval office", "rose garden", "situation room", "west wing",
                         "east room", "blair house", "mar-a-lago", "trump tower", "camp david", "national mall",
                         "ground zero", "times square", "lincoln memorial", "arlington national cemetery"})

# Institutions named by their building or a single word, too well known to be
# introduced in the text ("the Pentagon said").
KNOWN_ORGS = frozenset("""pentagon kremlin nato reuters hamas hezbollah taliban congress senate parliament
vatican interpol europol unesco unicef opec fbi cia nsa kgb fsb gru mossad nasa afp bbc cnn ap upi
telegram facebook twitter youtube google apple amazon microsoft tesla x meta instagram tiktok whatsapp
eu un g7 g20 imf wto who treasury fed politico axios vox gallup xinhua tass interfax yonhap quinnipiac ipsos
yougov buzzfeed breitbart huffpost""".split()) | {"usa today", "united nations", "federal reserve", "red cross",
                                                   "al jazeera", "islamic state"} | frozenset(
    # news outlets whose names hold no word that says so ("Times", "Post", "News" do): outlets are cited as sources
    # in any story ("Newsweek has contacted …", "told Haaretz"). Not those that are also a person's or a common
    # word's or a market index's ("Bloomberg", "Forbes", "Time", "Salon", "The Hill", "The Atlantic", "Nikkei").
    """newsweek euronews meduza kommersant izvestia vedomosti ukrinform haaretz ynet caixin kyodo hankyoreh
    spiegel bild ansa efe dpa newsmax propublica semafor slate msnbc cnbc npr pbs voa rfe/rl irna wafa anadolu
    theblaze""".split()) | {
    "kyiv independent", "kyiv post", "ukrainska pravda", "novaya gazeta", "ria novosti", "times of israel",
    "al arabiya", "al-monitor", "middle east eye", "yomiuri shimbun", "asahi shimbun", "chosun ilbo",
    "der spiegel", "die zeit", "frankfurter allgemeine", "le monde", "le figaro", "el pais", "el mundo",
    "corriere della sera", "la repubblica", "deutsche welle", "agence france-presse", "voice of america",
    "radio free europe", "mother jones", "national review", "vanity fair", "rolling stone", "new yorker",
    "daily beast", "business insider", "washington examiner", "daily caller", "daily mail",
    "fox business", "hollywood reporter"} | {
    # firms named as people are: a given name and a surname ("Morgan Stanley", "Charles Schwab"), or a place and a
    # word news does not know ("Cambridge Analytica")
    "goldman sachs", "morgan stanley", "charles schwab", "raymond james", "edward jones", "cambridge analytica",
    "jpmorgan chase", "merrill lynch", "wells fargo", "lockheed martin", "northrop grumman", "berkshire hathaway",
    "kaiser permanente", "booz allen hamilton", "credit suisse"}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[int, int, int]], int]:
    words: dict[str, tuple[int, int, int]] = {}
    n_docs = 1
    with resources.files("store").joinpath("data/lexicon.tsv.gz").open("rb") as raw:
        with gzip.open(raw, "rt", encoding="utf-8") as fh:
            for line in fh:
                w, df, cap, low = line.rstrip("\n").split("\t")
                if w == "#docs":
                    n_docs = int(df)
                    continue
                words[w] = (int(df), int(cap), int(low))
    return words, n_docs


@lru_cache(maxsize=4)
def words_in(min_docs: int) -> frozenset[str]:
    """The lexicon's words (lower-case, straight apostrophes) found in at least `min_docs` documents."""
    return frozenset(w for w, (df, _, _) in _lexicon()[0].items() if df >= min_docs)


# The word tests below run several times on every capitalised word of every article: cached, since the
# lexicon never changes once loaded.
_WORD_CACHE = 1 << 16


@lru_cache(maxsize=_WORD_CACHE)
def word_stats(word: str) -> tuple[int, int, int] | None:
    """(document frequency, mid-sentence capitalised count, lower-case count) or None if unseen."""
    return _lexicon()[0].get(word.lower().replace("’", "'"))


@lru_cache(maxsize=_WORD_CACHE)
def is_common_word(word: str) -> bool:
    """True when news writes the word lower-case more often than capitalised mid-sentence."""
    st = word_stats(word)
    if st is None:
        return False
    _, cap, low = st
    return low >= 3 and low > cap


def idf(word: str) -> float:
    """Inverse document frequency in news; unseen words count as rare."""
    words, n = _lexicon()
    st = words.get(word)
    df = st[0] if st else 1
    return math.log((n + 1) / (df + 1)) + 1.0


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    text = resources.files("store").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    # "Florida Gov. X said" teaches the builder that Florida is a given name; it is not.
    return frozenset(t for t in text.split() if t and place_kind(t) not in ("country", "state"))


# A given name is a man's or a woman's where at least this share of the articles that show which wrote it so, in
# at least GENDER_MIN_ARTICLES articles: "Hillary" (465 of 475), not "Pat" (24 of 28) nor "Leslie" (4 and 4).
GENDER_SHARE = 0.9
GENDER_MIN_ARTICLES = 3


def gender_of_counts(men: int, women: int) -> str | None:
    """"M" or "F" for a given name news wrote of as a man's in `men` articles and as a woman's in `women`, where
    that is nearly always one; None where it is not, or too few articles tell."""
    n = men + women
    if n >= GENDER_MIN_ARTICLES and max(men, women) >= GENDER_SHARE * n:
        return "M" if men > women else "F"
    return None


@lru_cache(maxsize=1)
def _given_genders() -> dict[str, str]:
    text = resources.files("store").joinpath("data/given_genders.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        name, men, women = line.split("\t")
        gender = gender_of_counts(int(men), int(women))
        if gender:
            out[name] = gender
    return out


def given_name_gender(name: str) -> str | None:
    """"M" or "F" for a given name news uses almost only for men or for women ("John", "Susan"), else None."""
    return _given_genders().get(name)


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], frozenset[str]]:
    places: dict[str, str] = {}
    demonyms: set[str] = set()
    text = resources.files("store").joinpath("data/places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        name, kind, _ = line.split("\t")
        if kind == "demonym":
            demonyms.add(name)
        else:
            places[name.lower()] = kind
    return places, frozenset(demonyms)


@lru_cache(maxsize=_WORD_CACHE)
def place_kind(name: str) -> str | None:
    """'country', 'state', 'city' or 'region' (a continent, "Middle East") for a known place name, else None."""
    return _places()[0].get(name.lower())


_LANGUAGES = frozenset("English Arabic Hebrew Mandarin Cantonese Hindi Urdu Farsi Pashto Dari Swahili Korean".split())


@lru_cache(maxsize=_WORD_CACHE)
def is_demonym(word: str) -> bool:
    """'Ukrainian', 'North Korean', 'Chechen', 'English': adjectives of nationality or language, not entities."""
    dem = _places()[1]
    if word in dem or word in _LANGUAGES:
        return True
    if word.endswith("s") and word[:-1] in dem:
        return True
    # "North Korean", "South African", "New Zealander"
    parts = word.split()
    return len(parts) == 2 and parts[0] in ("North", "South", "East", "West", "New") and (
        parts[1] in dem or parts[1].rstrip("s") in dem)
