"""The figure ledger: each disagreement's values as bars on one scale, so ranges that miss each other show."""
from __future__ import annotations

import math
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.queries import DisagreementRow, FigureValue

from ..text import one_line

PAD = 2                 # cells kept free at each end of a bar, where open-ended ranges run out to the arrow
LOG_ABOVE = 10          # values spanning more than this factor are drawn on a log scale
APART_STYLE = "bold $text-error"
NEAR_STYLE = "bold $text-success"


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    log: bool

    @classmethod
    def of(cls, values: tuple[FigureValue, ...]) -> Scale:
        ends = [v for f in values for v in (f.low, f.high) if v is not None] or [0.0]
        low, high = min(ends), max(ends)
        return cls(low, high, low > 0 and high / low > LOG_ABOVE)

    def position(self, value: float, width: int) -> int:
        """The cell of `value` in a bar `width` cells wide."""
        a, b, x = (math.log10(self.low), math.log10(self.high), math.log10(value)) if self.log else \
            (self.low, self.high, value)
        if b == a:
            return width // 2
        return PAD + round((x - a) / (b - a) * (width - 1 - 2 * PAD))


def bar(value: FigureValue, scale: Scale, width: int) -> str:
    """A range drawn `width` cells wide: ├━━┤ from low to high, ┃ for one value, an arrow to the edge (◀ or ▶)
    for an open end."""
    start = 0 if value.low is None else scale.position(value.low, width)
    end = width - 1 if value.high is None else scale.position(value.high, width)
    cells = [" "] * width
    if start == end:
        cells[start] = "┃"
        return "".join(cells)
    cells[start:end + 1] = "━" * (end - start + 1)
    cells[start] = "◀" if value.low is None else "├"
    cells[end] = "▶" if value.high is None else "┤"
    return "".join(cells)


def _cut(text: str, width: int) -> str:
    text = one_line(text)
    return (text if len(text) <= width else text[:width - 1] + "…").ljust(width)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


class LedgerList(OptionList):
    """Disagreements one after another: a heading with the quantity and its scale, then a row per value with
    outlet, speaker, the figure as written and its bar. Only value rows can be highlighted."""

    HELP_TITLE = "Ledger"
    BINDINGS = [Binding("j", "cursor_down", "Down", show=False, id="ledger.down"),
                Binding("k", "cursor_up", "Up", show=False, id="ledger.up"),
                Binding("enter", "select", "Open at claim", id="ledger.open")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.disagreements: list[DisagreementRow] = []
        self.values: list[FigureValue | None] = []    # per option: its value, None for a heading
        self._drawn_width = -1

    def show(self, disagreements: list[DisagreementRow]) -> None:
        self.disagreements = disagreements
        self._draw()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._drawn_width:
            self._draw()

    def _draw(self) -> None:
        highlighted = self.highlighted
        self._drawn_width = width = self.scrollable_content_region.width - 2    # the options' padding
        wide = width >= 110
        # The outlet is cut only past a sensible width; the speaker gives way first.
        outlet_w = min(max((len(one_line(f"#{v.number} {v.outlet}")) for d in self.disagreements
                            for v in d.values), default=8), 24 if wide else 20)
        speaker_w, figure_w = (18, 14) if wide else (10, 12)
        bar_w = max(width - (2 + outlet_w + 1 + speaker_w + 1 + figure_w + 1), 12)
        options: list[Option | None] = []
        self.values = []
        for d in self.disagreements:
            if options:
                options.append(None)    # a rule between disagreements, not an option
            scale = Scale.of(d.values)
            head = _cut(f"{d.quantity} · {d.n_outlets} outlets", width - bar_w)
            low, high = _number(scale.low), _number(scale.high) + (" log" if scale.log else "")
            axis = (" " * PAD + low).ljust(bar_w - len(high) - PAD) + high
            options.append(Option(Content.assemble((head, "bold"), (axis[:bar_w], "$text-muted")),
                                  disabled=True))
            self.values.append(None)
            for v in d.values:
                style = APART_STYLE if v.apart else NEAR_STYLE
                options.append(Option(Content.assemble(
                    ("≠ " if v.apart else "  ", APART_STYLE), (_cut(f"#{v.number} {v.outlet}", outlet_w), "bold"),
                    " ", (_cut(v.speaker or "—", speaker_w), "$text-muted"), " ", _cut(v.text, figure_w), " ",
                    (bar(v, scale, bar_w), style))))
                self.values.append(v)
        self.set_options(options)
        if highlighted is not None and highlighted < len(options) and self.values[highlighted]:
            self.highlighted = highlighted
        elif self.values:
            self.action_first()

    @property
    def current_value(self) -> FigureValue | None:
        return self.values[self.highlighted] if self.highlighted is not None else None
