"""How factdiff does on stories it was not tuned on: hand-made gold for twelve BASIL stories, scored as the demo is.

    python bench/stories_gold.py [--basil DIR] [--score FILE] [--json OUT]

bench/gold/ holds gold for twelve stories of ../shared/corpus/basil/ (three outlets each: Fox News, The New York
Times, HuffPost), in the demo gold's format (../shared/gold/seeds.json): which claims state the same fact across
outlets, which figures differ, the entities and their names. Each file is named for its story's folder. The
labellers read only the articles and the demo gold, never factdiff's code or output; headlines are not members of
facts, as in the demo gold. `dev/` is what changes were looked into with; `test/` only measures.

Each story is ingested alone into a fresh store, exported, and scored with the evaluation's own score.py. Prints
each story's figures and each set's means; writes them as JSON. Not part of the test run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold"
DEFAULT_BASIL = ROOT.parent / "shared" / "corpus" / "basil"
DEFAULT_SCORE = ROOT.parent / "shared" / "eval" / "score.py"
SHOWN = {"align.f1": "align f1", "align.precision": "align P", "align.recall": "align R", "claims.recall": "claims R",
         "entities.recall": "ents R", "entities.merged": "merged", "entities.typed": "typed", "entities.junk": "junk",
         "figures.grouped": "figures"}


def score_story(story: Path, gold: Path, score: Path, work: Path) -> dict[str, float]:
    db, out = work / f"{story.name}.db", work / f"{story.name}.json"
    for args in (["ingest", str(story), "--db", str(db), "-q"],
                 ["export", "--db", str(db), "--format", "json", "-o", str(out)]):
        subprocess.run([sys.executable, "-m", "store.cli", *args], cwd=ROOT, check=True, capture_output=True)
    done = subprocess.run([sys.executable, str(score), str(out), str(gold), "--json"], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    for need in (args.basil, args.score):
        if not need.exists():
            print(f"stories_gold: {need}: not found", file=sys.stderr)
            return 2
    figures: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for part in ("dev", "test"):
            figures[part] = {}
            for gold in sorted((GOLD / part).glob("*.json")):
                figures[part][gold.stem] = score_story(args.basil / gold.stem, gold, args.score, Path(tmp))
    print(f"{'set':<5} {'story':<14}" + "".join(f"  {label:>9}" for label in SHOWN.values()))
    means = {}
    for part, stories in figures.items():
        for name, r in stories.items():
            print(f"{part:<5} {name[:14]:<14}" + "".join(f"  {r[k]:9.3f}" for k in SHOWN))
        means[part] = {k: sum(r[k] for r in stories.values()) / len(stories) for k in SHOWN}
        print(f"{part:<5} {'mean':<14}" + "".join(f"  {means[part][k]:9.3f}" for k in SHOWN))
    if args.json:
        args.json.write_text(json.dumps({"stories": figures, "means": means}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
