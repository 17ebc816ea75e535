"""Fuzzy search on big stores: each word of a query, typos and all, widened to the indexed words it most
likely means, so the FTS5 index finds the candidates and fuzzy matching only has to rank a few hundred.

"kirbi" becomes kirby, "zelensky" zelensky, zelenskiy and zelenskyy, "impeachmnt" impeachment: the index's
own vocabulary (read once through fts5vocab, and again when the store changes) is matched with rapidfuzz,
a word against the indexed words that start with the same letter (a typo in the first letter is rare).

A word spelt by its sound, which no indexed word is like letter for letter ("elecshun", "kasualties"), is
first respelt as the indexed word that sounds the same (Metaphone, from jellyfish): `respell`.
"""
from __future__ import annotations

import os
import re
import sqlite3
import threading
import unicodedata
from bisect import bisect_left
from collections import defaultdict

import jellyfish
from rapidfuzz import fuzz, process

SIMILAR_CUTOFF = 80     # how close (rapidfuzz ratio) an indexed word must be to a query word to stand for it
SIMILAR_LIMIT = 8       # at most this many indexed words per query word
MIN_FUZZY = 3           # shorter query words are matched whole, with no neighbours
RESPELL_CUTOFF = 60     # how close (rapidfuzz ratio) a word that sounds the same must still be to respell one

_WORD = re.compile(r"\w+")
_cache: dict[tuple[str, str], tuple[tuple, "Vocabulary"]] = {}
_lock = threading.Lock()
_building: dict[tuple[str, str], threading.Lock] = {}


def _fold(text: str) -> str:
    """Lower case without diacritics, as the index's tokenizer (unicode61 remove_diacritics 2) folds words."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _store_state(path: str) -> tuple:
    """Changes whenever a commit changes the store (its file or write-ahead log). An empty log holds nothing
    the file does not: opening the store (as reading the words does) may create one, which changes nothing."""
    def state(p: str) -> tuple[int, int] | None:
        try:
            st = os.stat(p)
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    wal = state(f"{path}-wal")
    return state(path), wal if wal and wal[1] else None


class Vocabulary(dict):
    """An index's words (three letters or more) by first letter, each list in order; `sounds` holds the same
    words by their Metaphone key."""

    def __init__(self, words: dict[str, list[str]], sounds: dict[str, list[str]]):
        super().__init__(words)
        self.sounds = sounds

    def holds(self, word: str) -> bool:
        """Whether the index holds `word`, or a word it begins (it may be half typed)."""
        known = self.get(word[:1], ())
        i = bisect_left(known, word)
        return i < len(known) and known[i].startswith(word)


def vocabulary(path: str, fts_table: str) -> Vocabulary:
    """The words `fts_table` indexes (three letters or more), by first letter; cached until the store changes.
    Reading them takes seconds on a big store (4 s for the claims of 37,547 articles: fts5vocab reads the whole
    index); a thread that asks while another reads them waits for that one rather than reading them again."""
    key = (path, fts_table)
    with _lock:
        building = _building.setdefault(key, threading.Lock())
    with building:
        return _vocabulary(path, fts_table, key)


def _vocabulary(path: str, fts_table: str, key: tuple[str, str]) -> Vocabulary:
    state = _store_state(path)
    with _lock:
        hit = _cache.get(key)
        if hit and hit[0] == state:
            return hit[1]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        # fts5vocab is a virtual table: made in this connection's temporary schema, nothing is written
        conn.execute(f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {fts_table}, 'row')")
        words: dict[str, list[str]] = defaultdict(list)
        sounds: dict[str, list[str]] = defaultdict(list)
        for (term,) in conn.execute("SELECT term FROM temp.vocab WHERE length(term) >= ? ORDER BY term",
                                    (MIN_FUZZY,)):
            if term[0].isalpha():
                words[term[0]].append(term)
                if term.isalpha():
                    sounds[jellyfish.metaphone(term)].append(term)
    finally:
        conn.close()
    with _lock:
        _cache[key] = (state, Vocabulary(words, sounds))
    return _cache[key][1]


def respell(query: str, vocabularies: list[Vocabulary]) -> str:
    """The query with each word that no index holds, nor any indexed word like it letter for letter, replaced
    by the indexed word that sounds the same and is closest to it ("elecshun" → "election"); other words, and
    words with nothing that sounds like them, are left as typed."""
    def better(match: re.Match) -> str:
        typed = match.group()
        w = _fold(typed)
        if len(w) < MIN_FUZZY or not w.isalpha() or any(v.holds(w) for v in vocabularies):
            return typed
        if any(process.extractOne(w, v.get(w[0], ()), scorer=fuzz.ratio, score_cutoff=SIMILAR_CUTOFF)
               for v in vocabularies):
            return typed        # a typo: the indexed words like it stand for it (match_expressions)
        key = jellyfish.metaphone(w)
        alike = {t for v in vocabularies for t in v.sounds.get(key, ())}
        best = process.extractOne(w, sorted(alike), scorer=fuzz.ratio, score_cutoff=RESPELL_CUTOFF)
        return best[0] if best else typed

    return _WORD.sub(better, query)


def match_expressions(query: str, words: dict[str, list[str]]) -> tuple[str, str] | None:
    """FTS5 MATCH expressions for a query: every word (or a word like it) present, and any of them.

    Each query word stands for itself (as a prefix when the index does not hold it whole: it may be half
    typed) and for the indexed words most like it.
    """
    clauses = []
    for w in dict.fromkeys(_WORD.findall(_fold(query))):
        known = words.get(w[0], ())
        # a word the index holds was typed whole: its neighbours stand for it, not every word it begins
        # (a prefix of a common word, "trump"*, makes FTS5 merge every word's list it begins)
        # a word of one or two letters ("v" in "roe v wade", "un" in "jong-un") is taken whole: as a prefix
        # it would make FTS5 merge the lists of thousands of words
        alternatives = [f'"{w}"'] if len(w) < MIN_FUZZY or w in known else [f'"{w}"*']
        if len(w) >= MIN_FUZZY:
            alternatives += [f'"{term}"' for term, _, _ in process.extract(
                w, known, scorer=fuzz.ratio, score_cutoff=SIMILAR_CUTOFF, limit=SIMILAR_LIMIT)
                if term != w]
        clauses.append("(" + " OR ".join(alternatives) + ")")
    if not clauses:
        return None
    return " AND ".join(clauses), " OR ".join(clauses)
