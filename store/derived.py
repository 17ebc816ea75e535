"""What the store derives instead of keeping: SQL for a claim's text, a mention's surface, a claim's quotes and
a fact's label, all spans of the sources' text.

Kept apart from store.db (which needs sqlite-utils) so that the app's read-only queries import only this.
"""
from __future__ import annotations

import json

# A claim's text is its span of its source's text (SQLite's substr counts characters, as Python's offsets do),
# unless claim_rows keeps it: only where substr could not give it back (in an article with a NUL character).
# {c} is the claim row's alias, {s} its source's.
CLAIM_TEXT = 'coalesce({c}.text, substr({s}.text, {c}.start + 1, {c}."end" - {c}.start))'
# A claim's quotes (a JSON list of the quoted words in it) are kept as their spans of the source's text,
# [[start, end], ...], where they are spans of it; the claims view turns those back into the words.
# No quotes are kept as NULL (schema 8), and read as '[]'.
QUOTES = ("CASE WHEN {c}.quotes LIKE '[[%' THEN (SELECT json_group_array(substr({s}.text,"
          " json_extract(j.value, '$[0]') + 1, json_extract(j.value, '$[1]') - json_extract(j.value, '$[0]')))"
          " FROM json_each({c}.quotes) j) ELSE coalesce({c}.quotes, '[]') END")
# The same for a mention's surface.
MENTION_SURFACE = 'coalesce({c}.surface, substr({s}.text, {c}.start + 1, {c}."end" - {c}.start))'

# Schema 8: a claim's kind and a mention's type are kept as their place in these lists (0, 1, 2...), which the
# views `claims` and `mentions` turn back into the words; a claim's hedges and quotes, when it has none, as NULL.
CLAIM_KINDS = ("statement", "quote", "figure")
MENTION_TYPES = ("", "PERSON", "ORG", "PLACE")


def decoded(column: str, words: tuple[str, ...]) -> str:
    """SQL for the word that the number in `column` stands for."""
    return f"CASE {column}" + "".join(f" WHEN {i} THEN '{w}'" for i, w in enumerate(words)) + " END"


def encoded(column: str, words: tuple[str, ...]) -> str:
    """SQL for the number that stands for the word in `column`; NULL for a word not in `words`."""
    return f"CASE {column}" + "".join(f" WHEN '{w}' THEN {i}" for i, w in enumerate(words)) + " END"


def none_if_empty(json_list: str) -> str | None:
    """A JSON list as claim_rows keeps it: NULL for an empty one."""
    return None if json_list == "[]" else json_list


def fact_label_sql(f: str = "f") -> str:
    """SQL for the label of fact `f` (a table alias): its own, or for a fact whose label is a span of its
    claim's text (a fact of one claim), that span, with "…" when the label was cut there."""
    return (f"coalesce({f}.label, (SELECT substr({CLAIM_TEXT.format(c='c', s='s')}, {f}.label_start + 1,"
            f" {f}.label_end - {f}.label_start) || CASE WHEN {f}.label_cut THEN '…' ELSE '' END"
            f" FROM fact_claims fc JOIN claim_rows c ON c.id = fc.claim_id LEFT JOIN sources s ON s.id = c.source_id"
            f" WHERE fc.fact_id = {f}.id LIMIT 1))")


def label_span(label: str, text: str) -> tuple[int, int, int] | None:
    """A fact's label as (start, end, cut): the span of its claim's text it is, and whether "…" follows (the
    label was cut there); None when it is not a span of the text."""
    cut = label.endswith("…")
    core = label[:-1] if cut else label
    i = text.find(core) if core else -1
    return None if i < 0 else (i, i + len(core), int(cut))


def quote_spans(quotes: str, source_text: str | None, start: int, end: int) -> str:
    """The quotes of the claim at start..end of `source_text` (JSON, a list of its quoted words) as
    claim_rows keeps them: their spans of the source's text, or the words themselves where they are not
    spans of it (or the source's text cannot be cut by SQLite: None)."""
    words = json.loads(quotes)
    if not words or source_text is None:
        return quotes
    spans, at = [], start
    for w in words:
        i = source_text.find(w, at, end)
        if i < 0 or not w:
            return quotes
        spans.append([i, i + len(w)])
        at = i + len(w)
    return json.dumps(spans)


def quotes_of(kept: str | None, source_text: str) -> list[str]:
    """The quoted words of a claim from what claim_rows keeps (see quote_spans; NULL for none)."""
    if kept is None:
        return []
    words = json.loads(kept)
    return [source_text[a:b] for a, b in words] if words and isinstance(words[0], list) else words
