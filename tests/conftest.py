"""Shared fixtures: stores built once per session, and a cache folder that is never the developer's own."""
from __future__ import annotations

from pathlib import Path

import pytest

from store.cli import main as store_main

DEMO_DATA = Path(__file__).resolve().parent.parent / "data"

# Two stories. Three short articles on a flood: a shared figure that one outlet gives differently and out of
# reach of the others ("12", "at least 12", "as many as 8" people), a claim one outlet hedges, and each outlet
# quoting a different speaker. Two on a strike, crediting one figure to different people. Written here so
# snapshots do not move when the store's analysis of the demo corpus is tuned.
SMALL_CORPUS = {
    "herald.md": """---
outlet: Northern Herald
title: Floods kill 12 in the Aren valley
published: 2024-03-05
---
Officials said 12 people were killed when the Aren river burst its banks on Tuesday.

Mayor Lena Ostrova said rescue teams reached the village of Kelbrook before dawn.

"We are doing everything we can to find the missing," Ostrova told reporters.

The regional weather office said the rainfall was the heaviest in 40 years.

The dam operator reportedly ignored two flood warnings last week.
""",
    "times.md": """---
outlet: Coastal Times
title: Aren river bursts its banks
published: 2024-03-05
---
At least 12 people were killed when the Aren river burst its banks on Tuesday, police said.

Police chief Marco Delgado said rescue teams reached Kelbrook before dawn.

The weather office said the rainfall was the heaviest in 40 years.

Residents said the warning came too late.

The dam operator ignored two flood warnings last week, residents said.
""",
    "ledger.md": """---
outlet: Daily Ledger
title: Eight dead as Aren floods
published: 2024-03-06
---
Police said as many as 8 people were killed when the Aren river burst its banks on Tuesday.

Governor Ana Pirez said the state would pay for the repairs to the Kelbrook bridge.

Subscribe to our newsletter for the latest updates.
""",
    "herald-strike.md": """---
outlet: Northern Herald
title: Tram drivers strike in Varnholm
published: 2024-04-22
---
Tram drivers in Varnholm walked out on Monday in a dispute over pay.

About 400 tram drivers joined the strike on Monday, union leader Petra Holm said.

The city council said talks with the union would resume on Friday.
""",
    "times-strike.md": """---
outlet: Coastal Times
title: Trams stop in Varnholm
published: 2024-04-22
---
Tram drivers in Varnholm walked out on Monday over pay.

Some 400 tram drivers joined the strike on Monday, transport official Jonas Berg said.

The city council said talks with the union would resume on Friday.
""",
}

# Article text that looks like markup, a click action and terminal escapes: it must be shown, never obeyed.
HOSTILE_TEXT = "[bold]x[/bold] [@click=app.quit]q[/] \x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07"
HOSTILE_ARTICLE = f"""---
outlet: Odd [i]Outlet[/i]
title: A title with [red]markup[/red]
---
Police said 15 people were killed in the flood, {HOSTILE_TEXT} the officials added.
"""


# One outlet stating the same fact twice, far apart: Compare shows both claims in its column.
REPEATED_CORPUS = {
    "herald.md": "---\noutlet: Herald\n---\n"
                 "Officials said 12 people were killed when the Aren river burst its banks on Tuesday.\n\n"
                 "The rain stopped at noon.\n\n"
                 "On Wednesday officials said again that 12 people were killed when the Aren river burst its banks.\n",
    "times.md": "---\noutlet: Times\n---\n"
                "At least 12 people were killed when the Aren river burst its banks on Tuesday, police said.\n",
}


def _build(folder: Path, files: dict[str, str], db: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert store_main(["ingest", str(folder), "--db", str(db), "-q"]) == 0
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo corpus in data/, ingested once per session."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert store_main(["ingest", str(DEMO_DATA), "--db", str(db), "-q"]) == 0
    return db


@pytest.fixture(scope="session")
def small_db(tmp_path_factory) -> Path:
    """A store of SMALL_CORPUS: fixed content for snapshots and exact assertions."""
    root = tmp_path_factory.mktemp("small")
    return _build(root / "articles", SMALL_CORPUS, root / "small.db")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory) -> Path:
    """SMALL_CORPUS plus an article whose text and metadata look like markup and escape codes."""
    root = tmp_path_factory.mktemp("hostile")
    return _build(root / "articles", {**SMALL_CORPUS, "odd.md": HOSTILE_ARTICLE}, root / "hostile.db")


@pytest.fixture(scope="session")
def repeated_db(tmp_path_factory) -> Path:
    """A store of REPEATED_CORPUS."""
    root = tmp_path_factory.mktemp("repeated")
    return _build(root / "articles", REPEATED_CORPUS, root / "repeated.db")


@pytest.fixture(autouse=True)
def _own_cache_and_config(tmp_path, monkeypatch):
    """The app's cache (demo and path stores) and its config (the keymap) are temporary folders, never the
    user's: a developer's own keymap cannot change what a test presses."""
    monkeypatch.setenv("FACTDIFF_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("FACTDIFF_CONFIG", str(tmp_path / "config"))
