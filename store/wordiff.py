"""Word-level diff of claims against a reference claim: plain (token, tag) data for any front end to draw."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

SAME, DIFF, FIGURE, SPEAKER, SPACE = "same", "diff", "figure", "speaker", "space"

# Words (with inner apostrophes, hyphens, digit separators), runs of space, or single other characters.
_TOKEN = re.compile(r"[^\W_]+(?:['’.,\-][^\W_]+)*|\s+|.", re.UNICODE)


def tokens(text: str) -> list[tuple[int, int]]:
    """Spans of the tokens of `text`; concatenated they give `text` back."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _norm(word: str) -> str:
    return word.casefold().replace("’", "'")


def _words(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the spans that are words or punctuation (not space)."""
    return [i for i, (a, b) in enumerate(spans) if not text[a:b].isspace()]


def _matched(text: str, others: list[str]) -> list[int]:
    """For each token of `text`, how many of `others` contain it in the aligned position."""
    spans = tokens(text)
    idx = _words(text, spans)
    mine = [_norm(text[spans[i][0]:spans[i][1]]) for i in idx]
    counts = [0] * len(spans)
    for other in others:
        ospans = tokens(other)
        theirs = [_norm(other[ospans[i][0]:ospans[i][1]]) for i in _words(other, ospans)]
        sm = SequenceMatcher(None, mine, theirs, autojunk=False)
        for block in sm.get_matching_blocks():
            for k in range(block.a, block.a + block.size):
                counts[idx[k]] += 1
    return counts


def diff_words(text: str, reference: str | list[str], *, figures: tuple[tuple[int, int], ...] = (),
               speaker: str | None = None) -> list[tuple[str, str]]:
    """Tag each token of `text`: SAME when found in every reference text, DIFF when not, FIGURE inside a
    figure span (offsets into `text`), SPEAKER inside a mention of the speaker, SPACE for whitespace."""
    refs = [reference] if isinstance(reference, str) else list(reference)
    spans = tokens(text)
    counts = _matched(text, refs)
    speaker_spans = _occurrences(text, speaker)
    out: list[tuple[str, str]] = []
    for (a, b), n in zip(spans, counts):
        word = text[a:b]
        if word.isspace():
            tag = SPACE
        elif any(fa <= a and b <= fb or a < fb and fa < b for fa, fb in figures):
            tag = FIGURE
        elif any(sa <= a and b <= sb for sa, sb in speaker_spans):
            tag = SPEAKER
        else:
            tag = SAME if n >= len(refs) else DIFF
        out.append((word, tag))
    return out


def _occurrences(text: str, speaker: str | None) -> list[tuple[int, int]]:
    """Where the speaker's name, or its last word ("Kirby" for "John Kirby"), appears in `text`."""
    if not speaker:
        return []
    names = {speaker}
    if " " in speaker:
        names.add(speaker.rsplit(" ", 1)[1])
    found = []
    for name in names:
        found += [m.span() for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]
    return found
