"""Aligning claims into facts: which claims, across outlets, state the same thing.

A claim is compared on what makes a fact: its rare content words (weighted by
how rare they are in news and in this story), the entities it names, its
figures, its quoted words and who said it. Candidates are blocked on shared
rare keys, so cost grows with the number of similar claims, not the square of
the corpus. Clustering is average-linkage with a floor: a claim joins a fact
only if it agrees with every claim already in it, not just one neighbour.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, combinations

import Stemmer
from rapidfuzz import fuzz

from .clustering import average_linkage
from .lexicon import CAPITALS, WEEKDAYS, idf, is_demonym, place_kind, word_stats, words_in

_STEM = Stemmer.Stemmer("english")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[0-9][0-9,.]*[0-9]|[0-9]")
STOPWORDS = frozenset("""a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just let me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
said says say saying told tells added adds according reported reports noted wrote also would could may might
one two its it's that's there's mr ms mrs dr s t just like even still yet since however meanwhile earlier later
there's we're they're it’s that’s don’t can’t won’t although though whereas despite amid amidst among upon
within via whether unless we've i've you've they've we'll i'll you'll they'll i'm you're he's she's
we’ve i’ve you’ve they’ve we’ll i’ll i’m you’re he’s she’s""".split())
# Verbs of saying carry attribution, not content: two claims do not state the same
# fact because both were "said".
REPORTING = frozenset(_STEM.stemWords("""said say says told tell added add according report reported reports note noted
write wrote state stated statement confirm confirmed announce announced estimate estimated claim claims claimed
believe believes assess assessed indicate indicated reveal revealed suggest suggested echo echoed""".split()))

# Nouns that count people: "30 soldiers" and "30 North Koreans" may count the same people.
PEOPLE = frozenset(_STEM.stemWords("""people person soldier troop force personnel fighter civilian member
militant serviceman servicemen men women child children resident refugee worker employee officer casualty
victim prisoner migrant protester voter student patient""".split()))


@dataclass
class ClaimFeatures:
    """What the aligner knows of one claim."""
    id: int
    source: int                  # which article (outlets are compared across articles)
    text: str
    speaker: str | None = None
    entities: frozenset[int] = frozenset()
    figures: tuple[tuple[float | None, float | None, str | None, str], ...] = ()   # low, high, unit, kind
    quotes: tuple[str, ...] = ()
    story: int = 0
    is_heading: bool = False
    lead: bool = False           # the article's first sentence under its headline: what its story is
    negated: bool = False
    terms: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    clauses: list[tuple[dict[str, float], float]] = field(default_factory=list)
    when: frozenset[str] = frozenset()


@dataclass
class Fact:
    claim_ids: list[int]
    label: str
    story: int = 0


def stem_word(word: str) -> str:
    return _STEM.stemWord(word)


_DERIVATIONAL = ("ation", "ition", "ment", "ance", "ence", "ion")


def _lemma(stem: str) -> str:
    """Fold derivations Snowball keeps apart: "movement"/"moved", "confirmation"/"confirmed"."""
    for suf in _DERIVATIONAL:
        if stem.endswith(suf) and len(stem) - len(suf) >= 4:
            return stem[: -len(suf)]
    return stem


def _demonym_root(word: str) -> str | None:
    """"russian" -> "russia", "ukrainian" -> "ukraine": a nationality counts as its country."""
    if not is_demonym(word.capitalize()):
        return None
    for cand in (word[:-1], word[:-2], word[:-3] + "e", word[:-3], word[:-2] + "e", word[:-3] + "a"):
        if len(cand) >= 4 and place_kind(cand) == "country":
            return cand
    return None


# Denials and non-statements are facts of their own: "has not commented", "declined to comment",
# "yet to confirm", "could not be verified".
# (matched in the lowered text: a case-insensitive pattern is slower)
_NEGATION = re.compile(r"\b(?:not|no|never|without|yet to|declined|declines|refused|refuses|denied|denies|"
                       r"reluctant|unable|failed to|cannot)\b|n['’]t\b")


def content_words_cased(text: str) -> list[tuple[str, str]]:
    """(word as written, term key) for each content word: its capital tells a name; the key is lower-cased,
    stemmed, with derivations and demonyms folded."""
    out = []
    for w in _WORD.findall(text):
        key = _cased_key(w)
        if key is not None:
            out.append((key[0], key[1]))
    return out


# The caches of words below are bounded: the aligner's worker processes read millions of words, and most of
# their use is of the commonest few tens of thousands.
@lru_cache(maxsize=100_000)
def _cased_key(w: str) -> tuple[str, str] | None:
    """(word as written, term key) for a content word; None for a stop word, a number or a letter."""
    w = w.replace("’", "'")
    low = w.lower()
    if low.endswith("'s"):
        w, low = w[:-2], low[:-2]
    if low in STOPWORDS or w[0].isdigit() or len(w) < 2:
        return None
    return w, _term_key(low)


@lru_cache(maxsize=100_000)
def _term_key(word: str) -> str:
    """A lower-case word's term: stemmed, derivation and nationality folded; "" for a verb of saying."""
    stem = _STEM.stemWord(word)
    if stem in REPORTING:
        return ""        # no content, but it breaks compounds
    root = _demonym_root(word)
    return _STEM.stemWord(root) if root else _lemma(stem)


COMPOUND_MIN_DOCS = 5     # two words are one term when news writes them as one word at least this often


@lru_cache(maxsize=20_000)
def _compound(prev: str, word: str) -> str | None:
    """The term of two words news also writes as one ("front line", "frontline"), else None."""
    st = word_stats(prev + word)
    if st is not None and st[0] >= COMPOUND_MIN_DOCS:
        return _lemma(_STEM.stemWord(prev + word))
    return None


# Words news uses for one thing: two outlets report "losses" and "casualties", "an incursion" and
# "an offensive". A claim's words of one sense also count as the sense, a little less than the word itself.
_SENSE_WORDS = {
    "harm": "killed dead died death deaths wounded injured casualties casualty losses fatalities toll",
    "presence": "presence deployed deployment stationed sighted arrived involved operating",
    "offensive": "incursion offensive invasion assault counteroffensive raid",
    "acknowledge": "acknowledge acknowledged admit admitted",
    "arrest": "arrested detained jailed imprisoned custody",
    "flee": "fled displaced evacuated homeless",
    "resign": "resigned resignation quit stepped",
    "vote": "voted votes ballots",
    "region": "region oblast province governorate prefecture",
}
# stem, and stem with its derivation folded, of each word -> "@sense"
SENSES: dict[str, str] = {form: "@" + sense for sense, words in _SENSE_WORDS.items() for w in words.split()
                          for form in (_STEM.stemWord(w), _lemma(_STEM.stemWord(w)))}
SENSE_WEIGHT = 0.7


@lru_cache(maxsize=50_000)
def _sense(word: str, key: str) -> str | None:
    return SENSES.get(key) or SENSES.get(_STEM.stemWord(word))


@lru_cache(maxsize=100_000)
def _token(token: str) -> tuple[str, str, float, str | None] | None:
    """What _terms() needs of one word as the text has it: (word, term, weight, sense); the term is "" for a
    verb of saying; None for a stop word, a number or a letter. (One cached lookup per word of a claim: the
    aligner reads every claim of every story with several articles.)"""
    key = _cased_key(token)
    if key is None:
        return None
    word, term = key[0].lower(), key[1]
    return word, term, idf(word), _sense(word, term) if term else None


def _terms(text: str) -> dict[str, float]:
    """A text's terms, each weighted by its rarity in news (a term's best word), and the senses its words have."""
    words: list[tuple[str, str, float, str | None]] = []     # (word, term, weight, sense)
    joinable = words_in(COMPOUND_MIN_DOCS)
    prev = None
    for token in _WORD.findall(text):
        info = _token(token)
        if info is None:
            continue
        w, key, weight, _ = info
        if not key:
            prev = None
            continue
        # "front line" and "frontline" are one word, whichever way an outlet writes it (most pairs of words
        # are not one: a set of the words that are spares them the lookup)
        joined = _compound(prev, w) if prev is not None and prev + w in joinable else None
        if joined is not None:
            whole = prev + w
            words[-1] = (whole, joined, max(words[-1][2], weight), _sense(whole, joined))
            prev = None
            continue
        words.append(info)
        prev = w
    out: dict[str, float] = {}
    for _, key, weight, sense in words:
        if weight > out.get(key, 0.0):
            out[key] = weight
        if sense is not None and SENSE_WEIGHT * weight > out.get(sense, 0.0):
            out[sense] = SENSE_WEIGHT * weight
    return out


ATTRIBUTION_WEIGHT = 0.3


@lru_cache(maxsize=50_000)
def _speaker_terms(speaker: str) -> frozenset[str]:
    return frozenset(_terms(speaker)) | frozenset(_terms(_actor(speaker) or ""))


def _without_speaker(terms: dict[str, float], speaker: str | None) -> dict[str, float]:
    """Attribution is compared as the speaker, not as words: "Kirby added" and "the White House official
    said" should not make two claims differ, nor two claims of one speaker alike."""
    if not speaker:
        return terms
    keys = _speaker_terms(speaker)
    return {t: (w * ATTRIBUTION_WEIGHT if t in keys else w) for t, w in terms.items()}


# When an event happened is part of the fact, like its figures: "began in August" and "launched in
# August" agree, "in August" and "in October" are two events. A month with a day ("December 16") is
# usually the day of the report, not of the event, and is left to the words.
TIME_BONUS = 0.1
_MONTH = re.compile(r"\b(?:in|since|from|until|by|during|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?"
                    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b"
                    r"(?!\s+\d{1,2}\b)")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def months_of(text: str) -> frozenset[str]:
    """The months a claim places its event in ("began in August"), lower-cased."""
    if not any(m in text for m in _MONTH_NAMES):      # (most claims name no month: the pattern is not run)
        return frozenset()
    return frozenset(m.lower() for m in _MONTH.findall(text))


# Where a sentence joins two statements: "X, the first time Y", "Although X, Y", "X but Y", "X; Y".
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|\s--\s|,\s+(?=(?:but|while|though|although|and|which|who|whose|where|as|after|before|because|since"
    r"|with|without|adding|marking|supporting|noting|saying|having|referring|according|the first|a first|in what)\b)"
    r"|\s(?=but\s)|^(?:although|though|while|as|after|before|because|since|if)\b[^,]{10,}?,", re.I)


# Words the pattern's alternatives start with, to tell cheaply that a sentence has no break (most have none);
# the letters a case-blind pattern also matches in another form are left to the pattern.
_BREAK_AFTER_COMMA = ("but", "while", "though", "although", "and", "which", "who", "whose", "where", "as", "after",
                      "before", "because", "since", "with", "without", "adding", "marking", "supporting", "noting",
                      "saying", "having", "referring", "according", "the first", "a first", "in what")
_BREAK_AT_START = ("although", "though", "while", "as", "after", "before", "because", "since", "if")
_COMMA = re.compile(r",\s+")


def _may_break(text: str) -> bool:
    """False only where _CLAUSE_BREAK cannot match."""
    if "İ" in text or "ı" in text or "ſ" in text:       # i and s in other forms, to a case-blind pattern
        return True
    low = text.lower()
    if ";" in low or "—" in low or "–" in low or "--" in low or "but" in low or low.startswith(_BREAK_AT_START):
        return True
    return any(low.startswith(_BREAK_AFTER_COMMA, m.end()) for m in _COMMA.finditer(low))


def clauses_of(text: str) -> list[str]:
    """The statements a sentence joins, each of at least four words; [] when it is one statement."""
    if not _may_break(text):
        return []
    parts, last = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        cut = m.end() if m.group().endswith(",") and m.start() == 0 else m.start()
        if m.start() == 0:
            parts.append(text[:m.end()])
            last = m.end()
            continue
        parts.append(text[last:cut])
        last = m.end()
    parts.append(text[last:])
    parts = [p.strip(" ,;—–-") for p in parts]
    parts = [p for p in parts if len(p.split()) >= 4]
    return parts if len(parts) >= 2 else []


def _actor(speaker: str | None) -> str | None:
    """Who a speaker stands for: a capital speaks for its country ("Kyiv says")."""
    return CAPITALS.get(speaker, speaker) if speaker else None


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    return _STEM.stemWord(unit.lower().split()[-1])


def _counts_people(unit: str | None, key: str | None) -> bool:
    """"soldiers", "troops", "people", "North Koreans": a count of people, whatever their role."""
    if not unit or not key:
        return False
    return key in PEOPLE or (unit[:1].isupper() and unit.endswith("s") and is_demonym(unit))


def _distinctive(f: tuple) -> bool:
    """A figure specific enough to identify a fact by itself: "11,000", "at least 30"; not "three"."""
    vals = [v for v in f[:2] if v is not None]
    return bool(vals) and (max(vals) >= 20 or f[0] != f[1])


def _ranges_agree(a: tuple, b: tuple) -> bool:
    """Two figures state the same value: equal or overlapping ranges (open ends overlap anything beyond)."""
    alo, ahi = a[0], a[1]
    blo, bhi = b[0], b[1]
    lo1 = alo if alo is not None else -math.inf
    hi1 = ahi if ahi is not None else math.inf
    lo2 = blo if blo is not None else -math.inf
    hi2 = bhi if bhi is not None else math.inf
    if (alo, ahi) == (blo, bhi):
        return True
    # "about 11,000" vs "11,000": within 5 %
    if alo is not None and blo is not None and ahi is not None and bhi is not None and ahi == alo and bhi == blo:
        return abs(alo - blo) <= 0.05 * max(abs(alo), abs(blo), 1)
    return lo1 <= hi2 and lo2 <= hi1 and (alo == blo or ahi == bhi)


class Aligner:
    """Scores pairs of claims and clusters them into facts."""

    THRESHOLD = 0.30        # average similarity a claim needs with the other outlets' claims in a fact
    FLOOR = 0.20            # and the least it may have with any one of them
    MAX_POSTING = 25        # keys shared by more claims than this (or twice the outlets) do not make candidates
    KEY_TERMS = 12          # a claim's rarest words that can make it a candidate
    ALPHA = 0.5             # 0.5 compares claims by cosine; toward 1, by how much the shorter is contained
    CLAUSE_DISCOUNT = 0.9   # a match of one clause counts a little less than of the whole sentence
    HEADING_DISCOUNT = 0.3  # headlines summarise many facts: they need much more to match
    FIGURE_BONUS = 0.3      # the same figure of the same thing
    POLARITY = 0.1          # both deny / both assert; one denies what the other asserts
    SPEAKER = 0.05          # same named speaker / different named speakers
    ONE_WORD = 0.5          # texts that share one word, however rare, share a word, not yet a fact

    def __init__(self, claims: list[ClaimFeatures]):
        self.claims = {c.id: c for c in claims}
        n = max(1, len(claims))
        df: dict[str, int] = defaultdict(int)
        edf: dict[int, int] = defaultdict(int)
        clause_terms: dict[int, list[dict[str, float]]] = {}
        for c in claims:
            c.terms = _without_speaker(_terms(c.text), c.speaker)
            c.negated = bool(_NEGATION.search(c.text.lower()))
            c.when = months_of(c.text)
            clause_terms[c.id] = [_without_speaker(_terms(t), c.speaker) for t in clauses_of(c.text)]
            for t in c.terms:
                df[t] += 1
            for e in c.entities:
                edf[e] += 1

        # a word in every claim of the story says nothing about which fact a claim states
        scale = math.log(n + 1.5)
        factor = {t: max(0.05, min(1.0, math.log((n + 1) / (k + 0.5)) / scale)) for t, k in df.items()}
        unseen = max(0.05, min(1.0, math.log((n + 1) / 0.5) / scale))     # a clause's word the sentence lacks

        def local(terms: dict[str, float]) -> dict[str, float]:
            return {t: w * factor.get(t, unseen) for t, w in terms.items()}

        for c in claims:
            c.terms = local(c.terms)
            c.norm = sum(w * w for w in c.terms.values()) ** 0.5
            c.clauses = []
            for ct in clause_terms[c.id]:
                ct = local(ct)
                norm = sum(w * w for w in ct.values()) ** 0.5
                if len(ct) >= 3:
                    c.clauses.append((ct, norm))
        self.df = df
        self.edf = edf
        self.n = n
        # what every pair of a claim's would otherwise work out again: how rare each entity is in the story,
        # and the quotes long enough to compare
        self._entity_weight = {e: math.log((n + 1) / k) for e, k in edf.items()}
        self._long_quotes = {c.id: [q for q in c.quotes if len(q.split()) >= 3] for c in claims}
        self._cache: dict[tuple[int, int], float] = {}

    # ------------------------------------------------------------ similarity
    def similarity(self, a: int, b: int) -> float:
        if a > b:
            a, b = b, a
        key = (a, b)
        s = self._cache.get(key)
        if s is None:
            s = self._cache[key] = self._similarity(self.claims[a], self.claims[b])
        return s

    def _similarity(self, x: ClaimFeatures, y: ClaimFeatures) -> float:
        if x.story != y.story:
            return 0.0
        if not x.norm or not y.norm:
            return 0.0
        s = self._word_similarity(x.terms, x.norm, y.terms, y.norm)
        # a sentence may join two statements: compare its clauses too, a little discounted (two texts
        # with no word in common are 0 alike: most clauses of a pair share none, and are not scored)
        if x.clauses or y.clauses:
            for xt, xn in [(x.terms, x.norm)] + x.clauses:
                for yt, yn in [(y.terms, y.norm)] + y.clauses:
                    if (xt is x.terms and yt is y.terms) or xt.keys().isdisjoint(yt):
                        continue
                    s = max(s, self.CLAUSE_DISCOUNT * self._word_similarity(xt, xn, yt, yn))
        if x.is_heading or y.is_heading:
            # headlines summarise many facts at once; they need more to agree
            s *= self.HEADING_DISCOUNT

        # entities: shared rare ones support, only when words also agree a little
        if x.entities and y.entities:
            common = x.entities & y.entities
            if common:
                weight = self._entity_weight
                w = sum(weight[e] for e in common)
                tot = sum(weight[e] for e in x.entities | y.entities)
                s += 0.15 * (w / tot if tot else 0.0)

        # figures: the same figure for the same thing is strong; a different one is a different fact
        if x.figures and y.figures:
            s += self._figure_relation(x, y, s)
        if x.when and y.when:
            s += TIME_BONUS if x.when & y.when else -TIME_BONUS
        if x.negated and y.negated:
            s += self.POLARITY
        elif x.negated != y.negated:
            s -= self.POLARITY

        # two articles' leads (LEAD_BONUS), unless two named speakers say them ("Ukraine says" and "the US says"
        # lead with different facts) or they tell of different days ("… on Monday", "… on Friday")
        if x.lead and y.lead and s > 0 and not (_actor(x.speaker) and _actor(y.speaker)
                                                and _actor(x.speaker) != _actor(y.speaker)) \
                and not _other_days(x.text, y.text):
            s += LEAD_BONUS

        # quotes: the same quoted words are the same statement
        xq, yq = self._long_quotes[x.id], self._long_quotes[y.id]
        if xq and yq and max(fuzz.token_set_ratio(a, b) for a in xq for b in yq) >= 85:
            s += 0.3

        # speakers: two named, different speakers say different things ("Kyiv" speaks for Ukraine)
        xs, ys = _actor(x.speaker), _actor(y.speaker)
        if xs and ys and xs != ys:
            s -= self.SPEAKER
        elif xs and xs == ys:
            s += self.SPEAKER
        return max(0.0, s)

    def _figure_relation(self, x: ClaimFeatures, y: ClaimFeatures, s: float) -> float:
        """The same figure of the same thing is strong evidence; a different figure of it, a different fact."""
        best = 0.0
        conflict = False
        for a in x.figures:
            for b in y.figures:
                if a[3] != b[3]:
                    continue
                ua, ub = _unit_key(a[2]), _unit_key(b[2])
                if _ranges_agree(a, b):
                    if ua and ub and ua == ub:
                        strength = 1.0
                    elif _counts_people(a[2], ua) and _counts_people(b[2], ub):
                        # "11,000 North Koreans" and "11,000 North Korean soldiers"
                        strength = 0.8
                    elif _distinctive(a) and _distinctive(b) and not (ua and ub):
                        strength = 0.6
                    else:
                        strength = 0.0
                    best = max(best, strength)
                elif ua and ua == ub:
                    conflict = True
        if best:
            return self.FIGURE_BONUS * best * (1.0 if s > 0.03 else 0.3)
        return -0.25 if conflict else 0.0

    def _word_similarity(self, xt: dict[str, float], xn: float, yt: dict[str, float], yn: float) -> float:
        if not xn or not yn:
            return 0.0
        if len(xt) > len(yt):
            xt, yt = yt, xt
        shared = [w * yt[t] for t, w in xt.items() if t in yt]
        dot = sum(shared)
        if len(shared) == 1:
            dot *= self.ONE_WORD
        # between cosine (alpha 0.5) and containment (alpha 1): a short claim inside a longer one still counts
        lo, hi = xn * xn, yn * yn
        if lo > hi:
            lo, hi = hi, lo
        return dot / (lo ** self.ALPHA * hi ** (1 - self.ALPHA))

    # ------------------------------------------------------------ candidates
    def candidate_pairs(self) -> list[tuple[float, int, int]]:
        """Pairs from different articles sharing at least two rare keys, scored, best first.

        Keys are a claim's rarest words, its entities and its figures; a key held by
        many more claims than the story has outlets is too common to say anything and is skipped,
        so the work grows with the number of similar claims, not the corpus squared.
        """
        # A key is a rare word (a str), an entity (an int) or a figure (a tuple): the three never collide.
        postings: dict[tuple[int, object], list[int]] = defaultdict(list)
        n_keys: dict[int, int] = {}
        top = self.KEY_TERMS
        for cid in sorted(self.claims):       # (each posting in rising ids: its pairs come (smaller, larger))
            c = self.claims[cid]
            terms = c.terms
            keys: set = set(sorted(terms, key=terms.__getitem__, reverse=True)[:top])
            for clause, _ in c.clauses:      # a long sentence's clauses each get their rarest words in
                keys.update(sorted(clause, key=clause.__getitem__, reverse=True)[: top // 2])
            keys.update(c.entities)
            keys.update((f[0], f[1], f[3]) for f in c.figures)
            n_keys[cid] = len(keys)
            story = c.story
            for k in keys:
                postings[(story, k)].append(cid)
        # a fact is stated about once per outlet: a key in many more claims than that is the story's topic
        source = {c.id: c.source for c in self.claims.values()}
        cap = max(self.MAX_POSTING, 2 * len(set(source.values())))
        # how many keys each pair shares (counted in C: there are several pairs per claim and key)
        shared = Counter(chain.from_iterable(combinations(ids, 2) for ids in postings.values()
                                             if 2 <= len(ids) <= cap))
        out = []
        for (a, b), n in shared.items():
            if source[a] == source[b]:
                continue
            # a short claim ("Russia has not commented on the report") has few keys to share
            if n < 2 and min(n_keys[a], n_keys[b]) > 4:
                continue
            s = self.similarity(a, b)
            if s >= self.FLOOR:
                out.append((s, a, b))
        out.sort(reverse=True)
        return out

    # ------------------------------------------------------------ clustering
    def cluster(self) -> list[list[int]]:
        # one outlet may state a fact twice in different words (headline and body); only
        # claims from different outlets must agree with each other
        return average_linkage(self.claims, self.candidate_pairs(), self.similarity, self.THRESHOLD, self.FLOOR,
                               lambda a, b: self.claims[a].source != self.claims[b].source)

    def align(self) -> list[Fact]:
        facts = []
        clusters = self.cluster()
        for m in clusters:
            m.sort()
            facts.append(Fact(m, self.label(m), self.claims[m[0]].story))
        return facts

    def label(self, members: list[int]) -> str:
        if len(members) == 1:
            best = members[0]
        else:
            # the claim most like the others, short, and saying the fact before who said it
            best = max(members, key=lambda a: (sum(self.similarity(a, b) for b in members if b != a)
                                               - 0.002 * len(self.claims[a].text)
                                               - LEAD_ATTRIBUTION_COST * _leads_with_attribution(self.claims[a].text)))
        return fact_label(self.claims[best].text)


LEAD_ATTRIBUTION_COST = 0.5
LEAD_BONUS = 0.25       # two articles' leads: news puts the story's main fact first
_WEEKDAY = re.compile(r"\b(?:" + "|".join(sorted(d.title() for d in WEEKDAYS)) + r")\b")


def _other_days(a: str, b: str) -> bool:
    """Both texts name days of the week, and none in common."""
    da, db = set(_WEEKDAY.findall(a)), set(_WEEKDAY.findall(b))
    return bool(da and db and da.isdisjoint(db))

_LEAD_WORDS = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_ABOUT_SAYING = REPORTING | frozenset(_STEM.stemWords("remarks comments statement".split()))


def _leads_with_attribution(text: str) -> bool:
    """"Officials said 12 people ...", "Kyiv says at least 30 ...": a verb of saying among the first words."""
    return any(_STEM.stemWord(w.lower()) in _ABOUT_SAYING and not w.endswith("ly")     # not "reportedly"
               for w in _LEAD_WORDS.findall(text[:80])[:8])


# ", national security adviser John Kirby said." at a sentence's end: a trailing attribution only, never
# a "said" in the middle of what is reported ("sanctions that the Treasury Department said targeted ...")
_ATTRIB_TAIL = re.compile(r"(?:,|[\"”’])\s*(?:[\w’'.\-]+\s+){0,8}(?:said|says|told|added|wrote|noted|reported)\b"
                          r"[^\"”]{0,60}$")


_ATTRIB_VERBS = ("said", "says", "told", "added", "wrote", "noted", "reported")
_SPACES = re.compile(r"\s+")


# The links an embedded post ends with: "… They lie! pic.twitter.com/abc https://t.co/xyz"
_TRAILING_LINKS = re.compile(r"(?:\s+(?:https?://\S+|pic\.twitter\.com/\S+|t\.co/\S+))+\s*$")


def fact_label(text: str, limit: int = 90) -> str:
    """A short label for a fact: its clearest claim, attribution and trailing links trimmed, cut at a word
    boundary."""
    t = _SPACES.sub(" ", text).strip()
    if "/" in t[-80:]:
        t = _TRAILING_LINKS.sub("", t)      # (a link alone has no space before it: it stays)
    # (a trailing attribution's verb ends within 60 characters of the end: most sentences need no regex)
    tail = t[-70:]
    if any(v in tail for v in _ATTRIB_VERBS):
        trimmed = _ATTRIB_TAIL.sub("", t)
        if len(trimmed) >= 25:
            t = trimmed
    t = t.strip(" \"“”'‘’,.")
    if len(t) <= limit:
        return t
    cut = t[:limit].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"


def align_facts(claims: list[ClaimFeatures]) -> list[Fact]:
    """Group claims that state the same fact; every claim ends in at least one fact."""
    return Aligner(claims).align()
