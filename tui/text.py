"""Turning text from articles into display objects: always data, never markup."""
from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

from store.wordiff import DIFF, FIGURE, SPEAKER

# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides/isolates: shown, never obeyed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_PICTURES = {"\x1b": "␛", "\x07": "␇", "\x08": "␈", "\r": "␍", "\x00": "␀", "\x7f": "␡"}

FIGURE_DIFFERS = "figure-differs"   # a figure another outlet's range does not reach: a tag the app adds to a diff
DIFF_STYLES = {DIFF: "bold $text-warning on $warning-muted", FIGURE: "bold $text-accent underline",
               FIGURE_DIFFERS: "bold $text-error on $error-muted underline", SPEAKER: "bold $text-success"}


def visible(text: str) -> str:
    """`text` with control characters replaced by visible placeholders of the same length."""
    return _CONTROL.sub(lambda m: _PICTURES.get(m.group(), "�"), text)


def flat(text: str) -> str:
    """`visible(text)` on one line, same length: offsets into `text` still hold."""
    return visible(text).replace("\n", " ").replace("\t", " ")


def one_line(text: str) -> str:
    return " ".join(visible(text).split())


def content(text: str, style: str = "") -> Content:
    """Article text for a Static or OptionList: brackets and escape codes are shown as characters."""
    return Content.styled(visible(text), style) if style else Content(visible(text))


def cell(text: str, style: str = "", limit: int = 200) -> Text:
    """Article text for a DataTable cell (which would read a plain str as markup), on one line, cut at `limit`."""
    line = one_line(text)
    return Text(line if len(line) <= limit else line[:limit - 1] + "…", style=style, no_wrap=True)


def diff_content(tokens: list[tuple[str, str]]) -> Content:
    """A claim drawn from word-diff tokens: shared words plain, the rest styled by tag."""
    parts = [(visible(tok), DIFF_STYLES[tag]) if tag in DIFF_STYLES else visible(tok) for tok, tag in tokens]
    return Content.assemble(*parts)
