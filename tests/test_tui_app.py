"""Pilot tests of the app: every screen and binding, driven by the keyboard alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from store.queries import Queries
from tui import stores
from tui.app import FactdiffApp, run_app
from tui.screens.browse import BrowseScreen
from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.screens.source import SourceScreen
from tui.widgets.article import ArticleView
from tui.widgets.diffview import ClaimColumn, NotReportedColumn
from tui.widgets.panes import ClaimsList, EntitiesTable, FactsTable, FilterBar, SourcesTable



async def settle(pilot) -> None:
    """Let workers finish, and the workers their results start, and the screen catch up."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def thirty_fact(db: Path) -> int:
    """The demo fact of "at least 30" North Korean soldiers killed or wounded (its label may change)."""
    q = Queries(db)
    return max((f for f in q.facts() if any("at least 30" in c.text.lower() for c in q.claims_of_fact(f.id))),
               key=lambda f: f.n_sources).id


async def move_to(pilot, table, predicate) -> None:
    """Press j until the table's cursor is on a row that satisfies `predicate`."""
    for _ in range(len(table.records)):
        if predicate(table.current_record):
            return
        await pilot.press("j")
    assert predicate(table.current_record)


# -- browse --------------------------------------------------------------------

async def test_browse_shows_sources_facts_entities_and_claims(demo_db):
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        assert app.query_one(SourcesTable).row_count == 5
        facts = app.query_one(FactsTable)
        assert facts.row_count > 10 and app.focused is facts
        assert app.query_one(EntitiesTable).row_count > 10
        claims = app.query_one(ClaimsList)
        assert {c.source_id for c in claims.claims} == facts.current_record.coverage
        first = claims.claims
        await pilot.press("j")
        await settle(pilot)
        assert claims.claims != first
        assert {c.source_id for c in claims.claims} == facts.current_record.coverage


async def test_tab_moves_between_panes(demo_db):
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["entities", "claims", "sources", "facts"]
        await pilot.press("shift+tab")
        assert app.focused.id == "sources"


async def test_choosing_a_source_filters_facts_and_escape_clears(demo_db):
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        facts = app.query_one(FactsTable)
        everything = facts.row_count
        bar = app.query_one(FilterBar)
        assert not bar.display
        await pilot.press("shift+tab", "j", "enter")
        await settle(pilot)
        source = app.query_one(SourcesTable).records[1]
        assert bar.display and f"#{source.number}" in str(bar.render())
        assert app.focused is facts
        assert 0 < facts.row_count < everything
        assert all(source.id in f.coverage for f in facts.records)
        await pilot.press("escape")
        await settle(pilot)
        assert not bar.display and facts.row_count == everything


async def test_choosing_an_entity_filters_facts_to_those_naming_it(demo_db):
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        entities = app.query_one(EntitiesTable)
        entities.focus()
        await move_to(pilot, entities, lambda e: e.name == "Plekhovo")
        await pilot.press("enter")
        await settle(pilot)
        assert "Plekhovo" in str(app.query_one(FilterBar).render())
        q = Queries(demo_db)
        shown = app.query_one(FactsTable).records
        assert shown and all(any("Plekhovo" in c.text for c in q.claims_of_fact(f.id)) for f in shown)


async def test_enter_on_a_claim_opens_its_source_there(demo_db):
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        claims = app.query_one(ClaimsList)
        claims.focus()
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        article = app.screen.query_one(ArticleView)
        assert article.source.claims[article.current].ref == claims.claims[1].id


# -- compare -------------------------------------------------------------------

async def test_compare_has_one_column_per_reporting_outlet(demo_db):
    fact_id = thirty_fact(demo_db)
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await move_to(pilot, app.query_one(FactsTable), lambda f: f.id == fact_id)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        fact = Queries(demo_db).fact(fact_id)
        columns = list(screen.query(ClaimColumn))
        assert {c.source.id for c in columns} == fact.coverage and len(columns) >= 4
        missing = list(screen.query(NotReportedColumn))
        assert len(columns) + len(missing) == 5
        assert "-wide" in screen.classes
        assert columns[0].region.y == columns[1].region.y      # side by side
        texts = [str(w.render()) for w in columns[0].query(".claim-text")]
        assert [t for t in texts] == [c.text for c in columns[0].claims]
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_r_cycles_the_reference_and_redraws_the_diff(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await move_to(pilot, app.query_one(FactsTable), lambda f: "killed" in f.label)
        await pilot.press("enter")
        await settle(pilot)
        columns = list(app.screen.query(ClaimColumn))
        assert len(columns) == 3
        assert [c.is_reference for c in columns] == [True, False, False]

        def differing(column: ClaimColumn) -> set[str]:
            text = column.query(".claim-text").first(Static).render()
            return {text.plain[s.start:s.end] for s in text.spans if "warning" in str(s.style)}

        before = differing(columns[1])
        await pilot.press("r")
        await settle(pilot)
        assert [c.is_reference for c in columns] == [False, True, False]
        assert differing(columns[1]) != before
        await pilot.press("r", "r")
        await settle(pilot)
        assert columns[0].is_reference


async def test_compare_stacks_outlets_on_a_narrow_terminal(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "-narrow" in app.screen.classes
        columns = list(app.screen.query(ClaimColumn))
        assert len(columns) > 1
        assert columns[0].region.x == columns[1].region.x
        assert columns[1].region.y > columns[0].region.y


async def test_o_in_compare_opens_the_focused_outlet_at_its_claim(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        columns = list(app.screen.query(ClaimColumn))
        await pilot.press("l")
        assert app.focused is columns[1]
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        article = app.screen.query_one(ArticleView)
        assert article.source.source.id == columns[1].source.id
        assert article.source.claims[article.current].ref == columns[1].claims[0].id


# -- source --------------------------------------------------------------------

async def test_source_view_steps_through_claims(demo_db):
    q = Queries(demo_db)
    source = q.source_text(q.sources()[0].id)
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_source(source.source.id)
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.current == -1
        await pilot.press("n")
        await settle(pilot)
        assert article.current == 0
        assert "Claim 1 of" in str(app.screen.query_one("#claim-status", Static).render())
        await pilot.press("n", "n", "p")
        assert article.current == 1
        await pilot.press("p", "p")
        assert article.current == len(source.claims) - 1    # wraps round
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_source_view_marks_furniture_as_not_reporting(demo_db):
    q = Queries(demo_db)
    source = next(s for s in (q.source_text(r.id) for r in q.sources()) if s.furniture)
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_source(source.source.id)
        await settle(pilot)
        furniture = list(app.screen.query(".-furniture").results(Static))
        assert furniture
        for widget in furniture:
            text = widget.render()
            assert "not reporting" in text.plain
            assert not any("primary" in str(s.style) for s in text.spans)   # no claim highlight


# -- search --------------------------------------------------------------------

@pytest.mark.parametrize("typo, name", [("zelensky", "Volodymyr Zelenskiy"), ("kirbi", "John Kirby"),
                                        ("plekovo", "Plekhovo")])
async def test_search_finds_misspelled_names_and_jumps_to_them(demo_db, typo, name):
    app = FactdiffApp(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*typo)
        await settle(pilot)
        results = app.screen.query_one(OptionList)
        assert results.option_count > 0
        assert app.screen.hits[0].kind == "entity" and app.screen.hits[0].label == name
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.filter.name == name


async def test_search_jumps_to_a_fact_in_compare(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"heaviest rainfal")
        await settle(pilot)
        hits = app.screen.hits
        index = next(i for i, h in enumerate(hits) if h.kind == "fact")
        await pilot.press(*["down"] * index, "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.fact_id == hits[index].id


async def test_slash_opens_search_from_any_screen(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("q")      # typed into the query, not quitting
        assert app.screen.query_one(Input).value == "q" and app.is_running
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


# -- command palette and help --------------------------------------------------

async def test_command_palette_jumps_to_an_entity(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Delgado")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.filter is not None and app.screen.filter.name == "Marco Delgado"


async def test_command_palette_runs_app_actions(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Search")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_the_bindings_that_apply_here(small_db, key):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        here = str(app.screen.query_one(".help-here", Static).render())
        elsewhere = str(app.screen.query_one(".help-elsewhere", Static).render())
        for binding in CompareScreen.BINDINGS:
            assert binding.description in here
        assert "Next claim" in elsewhere and "Filter facts" in elsewhere
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


async def test_q_quits(small_db):
    app = FactdiffApp(small_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


# -- text from articles is data ------------------------------------------------

async def test_markup_and_escape_codes_are_shown_literally(hostile_db):
    q = Queries(hostile_db)
    odd = next(s for s in q.sources() if s.outlet.startswith("Odd"))
    app = FactdiffApp(hostile_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.query_one(SourcesTable)
        assert any(cell.plain.startswith("Odd [i]Outlet[/") for row in range(sources.row_count)
                   for cell in sources.get_row_at(row))
        app.open_source(odd.id)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        shown = "\n".join(w.render().plain for w in app.screen.query(".paragraph").results(Static))
        assert "[bold]x[/bold] [@click=app.quit]q[/]" in shown
        assert "␛[31mred␛[0m" in shown and "\x1b" not in shown and "\x07" not in shown
        assert "[red]markup[/red]" in str(app.screen.query_one("#source-title", Static).render())
        await pilot.click(".paragraph")      # a click on the text triggers no [@click] action
        await pilot.press("escape", "slash", *"click")
        await settle(pilot)
        assert any("[@click=app.quit]" in h.label for h in app.screen.hits)
        assert app.is_running


async def test_a_failing_query_is_reported_and_the_app_keeps_going(small_db, monkeypatch):
    app = FactdiffApp(small_db)

    def broken(fact_id):
        raise RuntimeError("disk on fire")

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app.queries, "claims_of_fact", broken)
        await pilot.press("j")
        await settle(pilot)
        assert any("disk on fire" in n.message for n in app._notifications)
        assert app.is_running and isinstance(app.screen, BrowseScreen)


# -- opening stores ------------------------------------------------------------

def test_db_that_does_not_exist_is_a_one_line_error(tmp_path, capsys):
    assert run_app(["--db", str(tmp_path / "nope.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("factdiff: ") and "nope.db" in err and err.count("\n") == 1


def test_db_that_is_not_a_store_is_a_one_line_error(tmp_path, capsys):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite at all")
    assert run_app(["--db", str(bogus)]) == 1
    assert "not a factdiff store" in capsys.readouterr().err


def test_demo_store_is_built_once_and_rebuilt_when_files_change(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for name, text in (("a.txt", "Police said 12 people died in the flood on Tuesday.\n"),
                       ("b.txt", "Officials said 15 people died in the flood on Tuesday.\n")):
        (data / name).write_text(text)
    monkeypatch.setattr(stores, "DEMO_DATA", data)
    first = stores.demo_store()
    assert first.exists() and first.parent == stores.cache_dir()
    mtime = first.stat().st_mtime_ns
    assert stores.demo_store() == first and first.stat().st_mtime_ns == mtime
    (data / "c.txt").write_text("Rescuers said 14 people died in the flood on Tuesday.\n")
    second = stores.demo_store()
    assert second != first and not first.exists()
    assert len(Queries(second).sources()) == 3


def test_paths_are_ingested_into_a_cached_store(tmp_path):
    (tmp_path / "a.txt").write_text("Police said 12 people died in the flood on Tuesday.\n")
    path = stores.paths_store([str(tmp_path / "a.txt")])
    assert path.parent == stores.cache_dir() and len(Queries(path).sources()) == 1
    with pytest.raises(stores.StoreError):
        stores.paths_store([str(tmp_path / "missing.txt")])
