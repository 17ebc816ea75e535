"""Disagreements: figures from different outlets that count the same thing but differ in value or speaker.

A figure counts something: a kind of thing (people, drones, dollars), an event
(killed or wounded, sent or deployed, arrested), and often whose people
("30 North Korean soldiers"). Two figures count the same quantity when every
one of these that both state agrees and their sizes are within a factor of
ten; a quantity is built so that every pair of its figures agrees. It is a
disagreement when its outlets give ranges that do not overlap, or credit
different speakers.

A sum of money is told by what it did, said next to it (earned, raised, spent,
paid in taxes, given to charity). A story tells of many sums that did one
thing, so two sums are one quantity only where they nearly agree ("$139
million", "roughly $141 million") or their claims state one fact.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .align import PEOPLE, content_words_cased, stem_word
from .lexicon import is_demonym, place_kind

# What news counts, by the words it counts it with: figures near "killed" and
# near "injured" count the same event though the words differ.
EVENTS: dict[str, frozenset[str]] = {k: frozenset(stem_word(w) for w in v.split()) for k, v in {
    "harmed": "killed kill dead died death deaths wounded injured hurt casualties casualty losses missing"
              " fatalities toll",
    "present": "sent deployed deploying supplied stationed operating involved based arrived present total",
    "detained": "arrested detained jailed imprisoned captured prisoners",
    "displaced": "displaced fled evacuated homeless",
    "attacked": "launched fired shot downed intercepted strikes attacks",
    "voted": "voted votes ballots turnout",
    "affected": "affected infected sick hospitalised hospitalized",
}.items()}
# What news says money did: a sum near "earned" and one near "income" may be the same income; one raised and one
# spent are two sums. ("Paid" says nothing: a sum is paid in taxes, for a speech, to charity.)
MONEY_EVENTS: dict[str, frozenset[str]] = {k: frozenset(stem_word(w) for w in v.split()) for k, v in {
    "raised": "raised raise raising raises fundraising outraised outraising haul",
    "spent": "spent spend spending spends outspent airtime cost costs costing price priced",
    "taxed": "taxes taxed",
    "earned": "earned earn earns earning earnings income salary fees revenue revenues profit profits",
    "donated": "donated donate donates donating donation donations charity charitable contributed contribution "
               "contributions funneled funneling funnelled",
    "fined": "fined fines penalty penalties settlement settled damages",
    "funded": "budget budgets funding funded appropriated allocated grant grants aid",
    "owed": "debt debts owed owes deficit loan loans",
}.items()}
# a sum's currency, as news names it in a quantity's label
_CURRENCY_NAMES = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "RUB": "roubles", "UAH": "hryvnias",
                   "AUD": "Australian dollars", "CAD": "Canadian dollars", "NZD": "New Zealand dollars",
                   "HKD": "Hong Kong dollars"}
MAX_LOG_RATIO = 1.0   # sizes within a factor of ten
MAX_MONEY_LOG_RATIO = math.log10(3)   # sums of one fact within a factor of three
MONEY_CLOSE = math.log10(1.1)         # sums within a tenth of each other
_MONEY_NEAR = 40      # characters either side of a sum that say what it was paid, raised or spent for
_NEAR = 100           # characters around a figure that say whose people it counts
MAX_NEIGHBOURS = 25   # in a crowded bucket, a figure is compared with this many of the nearest in size
MAX_GROUP = 60        # a "quantity" grown past this is a list of figures, not one quantity
# "Ukrainian intelligence reports that 30 ...": a nationality naming who speaks, not whose people are counted
_SOURCE_WORDS = frozenset("intelligence officials official military sources agency government ministry media"
                          " authorities president leader spokesman".split())


@dataclass
class FigureUse:
    """A figure as stated in one claim; `sentence` is the claim's text, `offset` where the figure starts in it."""
    claim_id: int
    source: int
    speaker: str | None
    text: str
    low: float | None
    high: float | None
    unit: str | None
    sentence: str
    offset: int
    story: int = 0
    kind: str = "count"          # or "money" (store.figures)
    fact: int | None = None      # the fact its claim states, where the claims are aligned
    events: frozenset[str] = field(default_factory=frozenset)
    whose: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Disagreement:
    quantity: str
    values: list[FigureUse]


def _events(sentence: str, kind: str = "count") -> frozenset[str]:
    keys = {k for _, k in content_words_cased(sentence) if k}
    return frozenset(e for e, stems in (MONEY_EVENTS if kind == "money" else EVENTS).items() if keys & stems)


def _nation_key(word: str, prev: str | None) -> str | None:
    """"North Korean", "North Korea" -> "north kore"; "Russian", "Russia" -> "russ"."""
    if not word[:1].isupper() or not (is_demonym(word) or place_kind(word) == "country"
                                      or is_demonym(f"{prev} {word}") or place_kind(f"{prev} {word}") == "country"):
        return None
    head = f"{prev.lower()} " if prev in ("North", "South", "East", "West") else ""
    return head + word.lower()[:4]


def _between_figure_and_unit(use: FigureUse) -> list[str]:
    """The words between a figure and what it counts: "30 [North Korean] soldiers"."""
    start = use.offset + len(use.text)
    words = re.findall(r"[A-Za-z]+", use.sentence[start:start + _NEAR])[:5]
    unit = use.unit.split()[-1] if use.unit else None
    if unit and unit in words:
        return words[:words.index(unit) + (1 if unit[:1].isupper() else 0)]
    return words[:2]


def _whose(use: FigureUse) -> frozenset[str]:
    """Whose people a figure counts: nationalities right after it ("30 North Korean soldiers"),
    else those named in the words before it in its sentence ("Russia ... heavy losses, as many as 1,200")."""
    after = _between_figure_and_unit(use)
    before = re.findall(r"[A-Za-z]+", use.sentence[max(0, use.offset - 2 * _NEAR):use.offset])[-14:]
    for words in (after, before):
        keys = {k for i, w in enumerate(words) if (k := _nation_key(w, words[i - 1] if i else None))
                and not _SOURCE_WORDS & {x.lower() for x in words[i + 1:i + 3]}}
        if keys:
            return frozenset(keys)
    return frozenset()


def _unit_class(unit: str | None) -> str | None:
    if not unit:
        return None
    stem = stem_word(unit.split()[-1].lower())
    # "North Koreans", "Russians": a nationality counted is people
    if stem in PEOPLE or (unit[:1].isupper() and unit.endswith("s")):
        return "people"
    return stem


def _size(f: FigureUse) -> float | None:
    lo, hi = f.low, f.high
    if lo is not None and hi is not None and lo > 0 and hi > 0:
        return math.sqrt(lo * hi)
    v = lo if lo is not None else hi
    return v if v and v > 0 else None


def _overlap(a: FigureUse, b: FigureUse) -> bool:
    lo1 = a.low if a.low is not None else -math.inf
    hi1 = a.high if a.high is not None else math.inf
    lo2 = b.low if b.low is not None else -math.inf
    hi2 = b.high if b.high is not None else math.inf
    return lo1 <= hi2 and lo2 <= hi1


# People counted as a part of a population: "19 children killed" is not a count of the "26 people" killed, nor
# "300 civilians" of the troops
_SUBGROUPS = frozenset(stem_word(w) for w in """children child kids women men girls boys students teenagers minors
infants babies adults civilians residents refugees workers employees officers voters patients migrants protesters
prisoners""".split())


def _unit_stem(unit: str | None) -> str | None:
    return stem_word(unit.split()[-1].lower()) if unit else None


def same_quantity(a: FigureUse, b: FigureUse) -> bool:
    """Every attribute both figures state agrees, and their sizes are within a factor of ten."""
    if a.claim_id == b.claim_id or a.story != b.story or not (a.events & b.events):
        return False
    ua, ub = _unit_class(a.unit), _unit_class(b.unit)
    if ua and ub and ua != ub:
        return False
    sa, sb = _unit_stem(a.unit), _unit_stem(b.unit)
    if sa and sb and sa != sb and (sa in _SUBGROUPS or sb in _SUBGROUPS):
        return False
    if a.whose and b.whose and not a.whose & b.whose:
        return False
    gap = _size_gap(a, b)
    if gap is None:
        return False
    if a.kind == "money":
        # a story tells of many sums that did one thing ("earned $10 million in speaking fees", "earned $30 million
        # from book sales"): two are one sum where they nearly agree, or their claims state one fact
        return gap <= MAX_MONEY_LOG_RATIO and (gap <= MONEY_CLOSE or a.fact is not None and a.fact == b.fact)
    return gap <= MAX_LOG_RATIO


def _size_gap(a: FigureUse, b: FigureUse) -> float | None:
    """How many powers of ten apart two figures are: their nearest ends; an open range ("at least 30") by its bound."""
    ends = []
    for f in (a, b):
        lo = f.low if f.low is not None else f.high
        hi = f.high if f.high is not None else f.low
        if not lo or not hi or lo <= 0 or hi <= 0:
            return None
        ends.append((lo, hi))
    (alo, ahi), (blo, bhi) = ends
    if alo <= bhi and blo <= ahi:
        return 0.0
    return math.log10(blo / ahi) if blo > ahi else math.log10(alo / bhi)


def group_quantities(uses: list[FigureUse]) -> list[list[FigureUse]]:
    """Complete-linkage groups: a figure joins a quantity only if it agrees with every figure in it."""
    events_of: dict[int, frozenset[str]] = {}
    for u in uses:
        if u.kind == "money":
            # (a sentence may tell of several sums: "paid $43,885,310 in federal taxes … and made $14,959,450 in
            # charitable contributions": what a sum did is said next to it)
            a, b = u.offset - _MONEY_NEAR, u.offset + len(u.text) + _MONEY_NEAR
            u.events = _events(u.sentence[max(0, a):b], "money")
        else:
            if u.claim_id not in events_of:
                events_of[u.claim_id] = _events(u.sentence)
            u.events = events_of[u.claim_id]
        u.whose = _whose(u)
    # only figures of a shared event and neighbouring powers of ten can be one quantity
    buckets: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for i, u in enumerate(uses):
        for e in u.events:
            buckets[(u.story, u.kind, e)].append(i)
    candidates: set[tuple[int, int]] = set()
    for ids in buckets.values():
        # sorted by size, each figure meets its nearest neighbours: linear in the bucket, not quadratic
        ids.sort(key=lambda i: _size(uses[i]))
        for n, i in enumerate(ids):
            for j in ids[n + 1:n + 1 + MAX_NEIGHBOURS]:
                candidates.add((i, j) if i < j else (j, i))
    known: dict[tuple[int, int], bool] = {}

    def same(i: int, j: int) -> bool:
        key = (i, j) if i < j else (j, i)
        r = known.get(key)
        if r is None:
            r = known[key] = same_quantity(uses[i], uses[j])
        return r

    pairs = []
    for i, j in candidates:
        a, b = uses[i], uses[j]
        if same(i, j):
            # closest sizes first, so a quantity forms around figures that nearly agree
            pairs.append((abs(math.log10(_size(a)) - math.log10(_size(b))), i, j))
    pairs.sort()
    group_of = list(range(len(uses)))
    members = {i: [i] for i in range(len(uses))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        # (two figures of one sentence are one quantity only where they agree: "six arrests Wednesday, compared to
        # 47 the previous night", "Breyer, 87; Roberts, 78" count several things)
        if gi == gj or len(members[gi]) + len(members[gj]) > MAX_GROUP \
                or not all(_overlap(uses[x], uses[y]) if uses[x].claim_id == uses[y].claim_id else same(x, y)
                           for x in members[gi] for y in members[gj]):
            continue
        for x in members[gj]:
            group_of[x] = gi
        members[gi].extend(members.pop(gj))
    return [[uses[i] for i in m] for m in members.values()]


def _disagrees(group: list[FigureUse]) -> bool:
    # anchored: at least two outlets say in so many words what they count
    if len({u.source for u in group if u.unit}) < 2:
        return False
    # an outlet that gives two values apart from one speaker, or from none, counts two things ("51 votes" for a
    # simple majority, "60 votes" to end a filibuster): the figures are not one quantity (from two speakers, it
    # reports their disagreement: Kyiv's "at least 30", the Pentagon's "a couple hundred")
    # (a sum is given rounded and exactly: "roughly $141 million", "$140,937,785")
    if any(a.source == b.source and a.speaker == b.speaker and not _overlap(a, b)
           and not (a.kind == "money" and _size_gap(a, b) <= MONEY_CLOSE)
           for i, a in enumerate(group) for b in group[i + 1:]):
        return False
    apart = any(not _overlap(a, b) for a in group for b in group if a.source != b.source)
    return apart or len({u.speaker for u in group if u.speaker}) >= 2


def _quantity_label(group: list[FigureUse]) -> str:
    """"North Korean soldiers killed, wounded": whose, what and the event words the figures share."""
    units = Counter(u.unit for u in group if u.unit)
    unit = units.most_common(1)[0][0] if units else "number"
    money = group[0].kind == "money"
    if money:
        unit = _CURRENCY_NAMES.get(unit, unit)
    whose = Counter(w for u in group for w in _nationality_words(u)) if not money else Counter()
    events = set.intersection(*(set(u.events) for u in group))
    table = MONEY_EVENTS if money else EVENTS
    words: Counter = Counter()
    for sentence in {u.claim_id: u.sentence for u in group}.values():
        for w, k in content_words_cased(sentence):
            if any(k in table[e] for e in events) and w.islower():
                words[w] += 1
    prefix = whose.most_common(1)[0][0] + " " if whose and not unit[:1].isupper() else ""
    verbs = " or ".join(w for w, _ in words.most_common(2))
    return f"{prefix}{unit} {verbs}".strip()


def _nationality_words(u: FigureUse) -> list[str]:
    ws = _between_figure_and_unit(u)
    for i in range(len(ws)):
        if i + 1 < len(ws) and is_demonym(f"{ws[i]} {ws[i + 1]}"):
            return [f"{ws[i]} {ws[i + 1]}"]
        if ws[i][:1].isupper() and is_demonym(ws[i]):
            return [ws[i]]
    return []


def find_disagreements(uses: list[FigureUse]) -> list[Disagreement]:
    """Group figures (counts, sums of money) into quantities and keep those whose outlets disagree."""
    uses = [u for u in uses if _size(u) is not None]
    out = []
    for group in group_quantities(uses):
        if _disagrees(group):
            group.sort(key=lambda u: (_size(u) or 0, u.source, u.claim_id))
            out.append(Disagreement(_quantity_label(group), group))
    out.sort(key=lambda d: (-len({u.source for u in d.values}), d.quantity))
    return out
