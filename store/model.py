"""Plain data that crosses from store/ to its callers: small frozen records, no UI and no SQL."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article as read from disk or stdin, before analysis.

    `path` names where it came from (a file path; `file.jsonl#12` for the 12th
    record of a JSON Lines file; `<stdin>` for standard input).
    """
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    format: str = "text"
    warning: str | None = None   # non-fatal problem, e.g. front matter that did not parse


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read, with a one-line reason."""
    path: str
    reason: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    """A number stated in a claim, as a range with its qualifier.

    `low`/`high` are None where the range is open ("at least 30" is 30..None).
    """
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str | None = None
    qualifier: str | None = None
    kind: str = "count"          # count | percent | money
    tolerance: float = 0.0       # relative, for "about", "approximately"


@dataclass(frozen=True)
class Furniture:
    """A span of page furniture (not reporting): related links, pleas, bylines, image tags."""
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    is_heading: bool = False


@dataclass(frozen=True)
class Mention:
    """A named entity as it appears in a text, before resolution across articles."""
    start: int
    end: int
    surface: str
    name: str          # titles stripped, possessive folded
    type: str          # PERSON | ORG | PLACE | OTHER, or "" when the text gives no cue
    evidence: int = 1  # 2 strong cue, 1 weak, 0 none: kept only if the name has evidence elsewhere


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    text: str
    kind: str                      # quote | figure | statement
    speaker: str | None = None
    hedges: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[str, ...] = ()   # quoted words inside the claim
    is_heading: bool = False


@dataclass(frozen=True)
class Analysis:
    """Everything found in one article's text; offsets index `text`."""
    text: str
    title: str | None
    author: str | None
    published: str | None
    furniture: tuple[Furniture, ...] = ()
    claims: tuple[Claim, ...] = ()
    mentions: tuple[Mention, ...] = ()
