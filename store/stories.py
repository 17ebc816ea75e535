"""Stories: articles about the same real-world event, found from their content alone.

An article is described by its headline and lead (weighted words, rarest in
news weighing most), the people, organisations and places it names, and its
date. Articles join a story when they agree with the story's articles on
average (average linkage), so one shared name cannot chain two events
together; articles more than a few weeks apart are never one story. File
paths and folder names play no part.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .align import _terms
from .clustering import average_linkage

LEAD_CHARS = 1500         # the lead says what the story is; the rest wanders
TITLE_WEIGHT = 2.0
ENTITY_WEIGHT = 1.5
MAX_DAYS_APART = 21
SAME_DAY_BONUS = 0.08
SAME_DAY_MIN = 0.06
DAYS_SAME_EVENT = 2   # coverage of one event within this many days is not discounted
HALF_LIFE_DAYS = 4


@dataclass
class ArticleProfile:
    source_id: int
    title: str
    lead: str
    entities: list[str]
    published: date | None
    terms: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0


@dataclass
class Story:
    source_ids: list[int]
    label: str


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> date | None:
    m = _DATE.search(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def profile_terms(p: ArticleProfile) -> dict[str, float]:
    """An article's weighted words (the headline's count double) and names, before the corpus weighs them."""
    terms: dict[str, float] = {}
    for t, w in _terms(p.title).items():
        terms[t] = max(terms.get(t, 0.0), w * TITLE_WEIGHT)
    for t, w in _terms(p.lead).items():
        terms[t] = max(terms.get(t, 0.0), w)
    for e in p.entities:
        k = "e:" + e
        terms[k] = max(terms.get(k, 0.0), 6.0 * ENTITY_WEIGHT)
    return terms


class StoryGrouper:
    THRESHOLD = 0.19      # average likeness an article needs with a story's articles
    FLOOR = 0.08          # and the least it may have with any one of them
    KEY_TERMS = 10
    MAX_POSTING = 300

    def __init__(self, profiles: list[ArticleProfile]):
        self.profiles = {p.source_id: p for p in profiles}
        df: dict[str, int] = defaultdict(int)
        for p in profiles:
            if not p.terms:
                p.terms = profile_terms(p)
            for t in p.terms:
                df[t] += 1
        n = len(profiles) + 1
        # a word in most articles of this corpus does not tell its stories apart
        factor = {t: min(1.0, math.log(n / k + 1) / math.log(n + 1) * 2) for t, k in df.items()}
        del df
        for p in profiles:
            p.terms = {t: w * factor[t] for t, w in p.terms.items()}
            p.norm = math.sqrt(sum(w * w for w in p.terms.values()))
        self._cache: dict[tuple[int, int], float] = {}

    def likeness(self, a: int, b: int) -> float:
        key = (a, b) if a < b else (b, a)
        s = self._cache.get(key)
        if s is None:
            s = self._cache[key] = self._likeness(self.profiles[a], self.profiles[b])
        return s

    @staticmethod
    def _likeness(x: ArticleProfile, y: ArticleProfile) -> float:
        if x.published and y.published and abs((x.published - y.published).days) > MAX_DAYS_APART:
            return 0.0
        if not x.norm or not y.norm:
            return 0.0
        xt, yt = x.terms, y.terms
        dot = sum([xt[t] * yt[t] for t in xt.keys() & yt.keys()])     # (the shared words found in C)
        s = dot / (x.norm * y.norm)
        if x.published and y.published:
            days = abs((x.published - y.published).days)
            # the same news day is evidence of the same event, once the words already agree a little;
            # days apart are evidence against: the second earthquake of the month is another story
            if days <= 1 and s >= SAME_DAY_MIN:
                s += SAME_DAY_BONUS
            elif days > DAYS_SAME_EVENT:
                s *= 0.5 ** ((days - DAYS_SAME_EVENT) / HALF_LIFE_DAYS)
        return s

    def candidate_pairs(self) -> list[tuple[float, int, int]]:
        """Pairs sharing a key word among articles near in time, scored, best first.

        Articles more than MAX_DAYS_APART apart are never one story, so a word's articles are taken in
        windows of that many days (with the next window, and undated articles with every window): a word
        is too common to suggest pairs when more than MAX_POSTING articles use it in one window, whatever
        the size of the store, and the pairs looked at grow with the articles of a few weeks, not of years.
        """
        postings: dict[str, dict[int | None, list[int]]] = defaultdict(lambda: defaultdict(list))
        for p in self.profiles.values():
            window = p.published.toordinal() // MAX_DAYS_APART if p.published else None
            for t, _ in sorted(p.terms.items(), key=lambda kv: -kv[1])[: self.KEY_TERMS]:
                postings[t][window].append(p.source_id)
        groups: list[list[int]] = []        # articles that share a key word within a few weeks
        for windows in postings.values():
            undated = windows.get(None, [])
            dated = sorted(w for w in windows if w is not None)
            for ids in [windows[w] + windows.get(w + 1, []) + undated for w in dated] or [undated]:
                if 2 <= len(ids) <= self.MAX_POSTING:
                    groups.append(ids)
        del postings
        groups_of: dict[int, list[int]] = defaultdict(list)
        for g, ids in enumerate(groups):
            for a in ids:
                groups_of[a].append(g)
        # Each article's partners are gathered and scored in turn, each pair once (from its smaller id): what
        # is held at any time is one article's partners and the pairs that pass, not every pair looked at.
        out = []
        for a in sorted(groups_of):
            partners: set[int] = set()
            for g in groups_of[a]:
                partners.update(groups[g])
            x = self.profiles[a]
            for b in partners:
                if b > a:
                    s = self._likeness(x, self.profiles[b])
                    if s >= self.THRESHOLD:
                        out.append((s, a, b))
                        self._cache[(a, b)] = s
        out.sort(reverse=True)
        return out

    def group(self) -> list[list[int]]:
        return average_linkage(self.profiles, self.candidate_pairs(), self.likeness, self.THRESHOLD, self.FLOOR)


def story_label(profiles: list[ArticleProfile]) -> str:
    """The headline of the article most like the others, or the start of its lead."""
    best = max(profiles, key=lambda p: (bool(p.title), -len(p.title or "")))
    text = best.title or best.lead
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 90 else text[:90].rsplit(" ", 1)[0] + "…"


def group_stories(profiles: list[ArticleProfile]) -> list[Story]:
    """Stories, largest first; every article is in exactly one."""
    grouper = StoryGrouper(profiles)
    by_id = {p.source_id: p for p in profiles}
    stories = [Story(ids, story_label([by_id[i] for i in ids])) for ids in grouper.group()]
    stories.sort(key=lambda s: (-len(s.source_ids), s.source_ids[0]))
    return stories
