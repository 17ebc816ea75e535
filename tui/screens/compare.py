"""Compare: one column per outlet for one fact, each outlet's own words diffed against a reference claim."""
from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Header, Static

from store.queries import ClaimRow, FactRow, SourceRow
from store.wordiff import FIGURE, diff_words

from ..text import DIFF_STYLES, FIGURE_DIFFERS, content, one_line
from ..widgets.diffview import ClaimColumn, NotReportedColumn
from ..widgets.footer import Footer
from .base import FactdiffScreen


def _diff(claim: ClaimRow, against: list[str]) -> list[tuple[str, str]]:
    """The claim's words tagged against the others; a figure out of reach of another outlet's is FIGURE_DIFFERS."""
    tokens = diff_words(claim.text, against, figures=tuple((f.start, f.end) for f in claim.figures),
                        speaker=claim.speaker)
    differing = [(f.start, f.end) for f in claim.figures if f.disagrees]
    tagged, at = [], 0
    for token, tag in tokens:
        if tag == FIGURE and any(a <= at < b for a, b in differing):
            tag = FIGURE_DIFFERS
        tagged.append((token, tag))
        at += len(token)
    return tagged


def credits(sources: list[SourceRow], claims: list[ClaimRow]) -> Content:
    """A line per reporting outlet saying whom it credits the fact to."""
    lines = []
    for source in sources:
        speakers = dict.fromkeys(one_line(c.speaker) for c in claims if c.source_id == source.id and c.speaker)
        if any(c.source_id == source.id for c in claims):
            lines.append(Content.assemble(
                (f"#{source.number} ", "bold"), content(one_line(source.outlet)), ": ",
                ("credited to ", "$text-muted"), content(" and ".join(speakers), "bold $text-success")
                if speakers else ("no one named", "italic $text-muted")))
    return Content("\n").join(lines)


class CompareScreen(FactdiffScreen):
    # Below 100 columns the outlets stack instead of standing side by side.
    HELP_TITLE = "Compare"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="compare.back"),
        # Short descriptions: at 80 columns the footer must still show every binding.
        Binding("r", "next_reference", "Reference", id="compare.reference"),
        Binding("o", "open_source", "Open source", id="compare.open"),
        Binding("right,l", "focus_column(1)", "Next outlet", show=False, priority=True, id="compare.next"),
        Binding("left,h", "focus_column(-1)", "Previous outlet", show=False, priority=True, id="compare.previous"),
    ]

    reference: reactive[int] = reactive(0, init=False)   # index into the reporting columns

    def __init__(self, fact_id: int) -> None:
        super().__init__()
        self.fact_id = fact_id
        self.columns: list[ClaimColumn] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="fact-title")
        yield Static(Content.assemble(
            "same as reference  ", ("differs", DIFF_STYLES["diff"]), "  ", ("figure", DIFF_STYLES["figure"]),
            "  ", ("figure out of reach", DIFF_STYLES[FIGURE_DIFFERS]), "  ", ("speaker", DIFF_STYLES["speaker"])),
            id="legend")
        yield Static(id="credits")
        yield Container(id="columns")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare-load")
    def load(self) -> None:
        fact = self.queries.fact(self.fact_id)
        # A fact is aligned within its story: other stories' sources could not have reported it.
        sources = self.queries.sources(fact.story_id or None) if fact else []
        claims = self.queries.claims_of_fact(self.fact_id)
        self.app.call_from_thread(self._build, fact, sources, claims)

    async def _build(self, fact: FactRow | None, sources: list[SourceRow], claims: list[ClaimRow]) -> None:
        if fact is None:
            self.app.notify("That fact is no longer in the store.", severity="warning")
            self.app.pop_screen()
            return
        title = [("Fact ", "bold"), content(one_line(fact.label)),
                 f"  ·  reported by {fact.n_sources} of {len(sources)}"]
        if fact.disagreement:
            title.append((f"  ·  {fact.disagreement}", "bold $text-error"))
        self.query_one("#fact-title", Static).update(Content.assemble(*title))
        self.query_one("#credits", Static).display = fact.speakers_differ
        if fact.speakers_differ:
            self.query_one("#credits", Static).update(credits(sources, claims))
        by_source: dict[int, list[ClaimRow]] = {}
        for claim in claims:
            by_source.setdefault(claim.source_id, []).append(claim)
        widgets = [ClaimColumn(s, by_source[s.id]) if s.id in by_source else NotReportedColumn(s)
                   for s in sources]
        await self.query_one("#columns").mount_all(widgets)
        self.columns = [w for w in widgets if isinstance(w, ClaimColumn)]
        if self.columns:
            self.columns[0].focus()
            self.watch_reference(self.reference)

    def watch_reference(self, index: int) -> None:
        for i, column in enumerate(self.columns):
            column.is_reference = i == index
        self.compute_diffs([column.claims for column in self.columns], index)

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare-diff")
    def compute_diffs(self, columns: list[list[ClaimRow]], index: int) -> None:
        ref_text = columns[index][0].text
        # The reference itself is marked against every other outlet: its plain words are the ones all share.
        others = [claims[0].text for i, claims in enumerate(columns) if i != index] or [ref_text]
        diffs = [[_diff(claim, others if i == index else [ref_text]) for claim in claims]
                 for i, claims in enumerate(columns)]
        self.app.call_from_thread(self._show_diffs, diffs)

    def _show_diffs(self, diffs: list[list[list[tuple[str, str]]]]) -> None:
        for column, column_diffs in zip(self.columns, diffs):
            column.show_diff(column_diffs)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_reference", "focus_column"):
            return len(self.columns) > 1 or None
        if action == "open_source":
            return bool(self.columns) or None
        return True

    def action_next_reference(self) -> None:
        self.reference = (self.reference + 1) % len(self.columns)

    def action_focus_column(self, step: int) -> None:
        focused = self.focused if self.focused in self.columns else None
        index = self.columns.index(focused) if focused else -step
        self.columns[(index + step) % len(self.columns)].focus()

    def action_open_source(self) -> None:
        column = self.focused if self.focused in self.columns else self.columns[self.reference]
        claim = column.current_claim
        self.app.open_source(claim.source_id, claim.id)
