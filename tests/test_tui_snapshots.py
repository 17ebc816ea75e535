"""How the screens look, at 80x24 and 120x40, on the small fixed corpus (so analysis tuning does not move them)."""
from __future__ import annotations

import pytest
from textual.widgets import Input

from tui.app import FactdiffApp
from tui.screens.search import SEARCH_DELAY, SearchScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def steps(*keys: str):
    """A run_before that presses keys, letting workers finish after each, with no blinking cursor."""

    async def run(pilot) -> None:
        for key in (None, *keys):
            if key is not None:
                await pilot.press(key)
            if isinstance(pilot.app.screen, SearchScreen):
                await pilot.pause(SEARCH_DELAY * 2)    # searches start once typing pauses
            for _ in range(3):
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
            for field in pilot.app.screen.query(Input):
                field.cursor_blink = False
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
def test_browse(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_browse_filtered_by_source(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("shift+tab", "j", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_compare(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("enter"))


@pytest.mark.parametrize("size", SIZES)
def test_source(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size,
                        run_before=steps("shift+tab", "j", "o", "n"))


@pytest.mark.parametrize("size", SIZES)
def test_search(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size,
                        run_before=steps("slash", *"ostrva"))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_ledger(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("l"))


@pytest.mark.parametrize("size", SIZES)
def test_coverage(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("c", "l", "l", "j"))


@pytest.mark.parametrize("size", SIZES)
def test_stories(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("s", "j"))


@pytest.mark.parametrize("size", SIZES)
def test_browse_in_a_story(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("s", "j", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_compare_crediting_different_speakers(snap_compare, small_db, size):
    assert snap_compare(FactdiffApp(small_db), terminal_size=size, run_before=steps("j", "j", "enter"))
