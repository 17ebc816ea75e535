"""Cold-start time of the app on the demo corpus, beside a bare Textual app's (issue 3's figure).

    python bench/startup.py [--runs 5]

Each run is a fresh Python process that starts the app headless and stops the
clock when the first screen is usable (the facts table holds rows); the demo
store is built once beforehand, as the user's first run does.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

FACTDIFF = r"""
import asyncio
from tui.app import FactdiffApp
from tui.stores import demo_store

async def main():
    app = FactdiffApp(demo_store())
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query("#facts") or not app.screen.query_one("#facts").row_count:
            await pilot.pause(0.005)
asyncio.run(main())
"""
BARE = r"""
import asyncio
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

async def main():
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause(0)
asyncio.run(main())
"""


def timed(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    n = ap.parse_args().runs
    subprocess.run([sys.executable, "-c", "from tui.stores import demo_store; demo_store()"], check=True)
    app = [timed(FACTDIFF) for _ in range(n)]
    bare = [timed(BARE) for _ in range(n)]
    print(f"factdiff: median {statistics.median(app):.3f}s  runs {' '.join(f'{t:.3f}' for t in app)}")
    print(f"bare textual app: median {statistics.median(bare):.3f}s  runs {' '.join(f'{t:.3f}' for t in bare)}")


if __name__ == "__main__":
    main()
