"""Issue 5's scale figures, measured on a slice of a JSON Lines corpus (allsides by default).

    python bench/scale.py --articles 16000 [--corpus PATH] [--json OUT] [--keep DIR]

Measures, each in a fresh store:
- ingest of the first N articles in one `factdiff ingest` command: wall time, articles/s end to end,
  peak memory of the whole process tree (main process plus workers, proportional set sizes from /proc);
  with FACTDIFF_TIMING set for it, how long reading, analysing and writing took, then each phase of relink,
  compacting the store after, and in which of them memory peaked (in the JSON);
- the same for the first N/2 articles, for how time grows (time(N) / time(N/2), linear is 2.0), and the same
  ratio in CPU seconds of all the ingest's processes, with the CPU time the hypervisor gave other machines
  meanwhile ("steal"): on a shared virtual machine, wall time drifts with both how busy the CPUs are and
  how fast they run; the CPU seconds show which (they still move with the CPUs' speed);
- store size (file plus write-ahead log) against the raw article text;
- fuzzy search through `Queries.search`, the code the app's search screen runs: p50/p95/max over a fixed
  list of queries (names, topics and misspellings of them);
- app start on the store to a usable screen (the facts pane has rows), as bench/startup.py measures it.
Prints a table and writes the figures as JSON. Not part of the test run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "allsides.jsonl.gz"

# What a researcher types into search over a year of US political news: names, places, topics, and
# the same with typos, missing letters and swapped letters.
QUERIES = """trump|trmp|donald trump|donld trump|obama|obamma|barack obama|barak obama|clinton|clintn|hillary clinton
|hilary clinton|bill clinton|pelosi|pelosy|nancy pelosi|mcconnell|mcconel|mitch mcconnell|schumer|shumer|biden|bidden
|joe biden|sanders|sandres|bernie sanders|warren|elizabeth warren|elizabth warren|ryan|paul ryan|pual ryan|romney
|romny|mitt romney|cruz|ted cruz|rubio|marco rubio|mueller|muller|robert mueller|comey|comy|james comey|kavanaugh
|kavanagh|brett kavanaugh|putin|puttin|vladimir putin|kim jong un|kim jong-un|netanyahu|netanyahoo|merkel|merkle
|macron|makron|pompeo|pompeio|tillerson|tilerson|sessions|jeff sessions|barr|william barr|giuliani|guiliani
|zelensky|zelenskiy|supreme court|suprme court|congress|congres|senate|senat|house republicans|republicans
|republcans|democrats|democrets|white house|whitehouse|pentagon|pentagn|fbi|cia|justice department
|justice departmnt|state department|immigration|imigration|border wall|boarder wall|health care|healthcare
|obamacare|obamacre|affordable care act|tax reform|tax cuts|taxcuts|gun control|gun contrl|second amendment
|climate change|climat change|paris agreement|impeachment|impeachmnt|impeachement|russia investigation
|russian interference|election|elecshun|midterm elections|iowa caucus|new hampshire primary|government shutdown
|goverment shutdown|debt ceiling|trade war|tarrifs|tariffs|china|chna|north korea|north koreea|iran deal
|iran nuclear deal|syria|siria|isis|islamic state|afghanistan|afganistan|iraq|venezuela|venezuala|mexico
|brexit|ukraine|ukrane|coronavirus|corona virus|covid|pandemic|vaccine|vacine|unemployment|unemployement
|federal reserve|interest rates|wall street|stock market|minimum wage|planned parenthood|abortion|abortoin
|roe v wade|same-sex marriage|gay marriage|police shooting|black lives matter|ferguson|charlottesville
|hurricane|huricane|wildfire|mass shooting|parkland|las vegas shooting|benghazi|bengazi|email server
|emails|wikileaks|wikileeks|steele dossier|whistleblower|whistle blower|travel ban|muslim ban|daca|dreamers
|dreemers|separated families|family separation|voter id|voter fraud|gerrymandering|electoral college""".replace(
    "\n", "").split("|")

APP = r"""
import asyncio, sys, time
from pathlib import Path
from tui.app import FactdiffApp

async def main():
    app = FactdiffApp(Path(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            facts = app.screen.query("#facts")
            if facts and getattr(facts.first(), "records", None):
                break
            await pilot.pause(0.005)
asyncio.run(main())
"""


class TreeMemory:
    """Peak memory of a process and all its descendants together (proportional set sizes, so pages the
    forked workers share with the main process count once), sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.1):
        self.pid, self.every, self.peak, self.peak_one, self.peak_at = pid, every, 0, 0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self, pid: int) -> list[int]:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            out.append(p)
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children") as fh:
                        todo.extend(int(c) for c in fh.read().split())
            except OSError:
                pass
        return out

    @staticmethod
    def _rss(pid: int) -> int:
        """The process's proportional set size (memory it shares with its forked workers counted once
        among them), or its resident set size where the kernel does not say."""
        for path, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
            try:
                with open(path) as fh:
                    for line in fh:
                        if line.startswith(field):
                            return int(line.split()[1]) * 1024
            except OSError:
                continue
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [self._rss(p) for p in self._tree(self.pid)]
            if sum(sizes) > self.peak:
                self.peak, self.peak_at = sum(sizes), time.perf_counter()
            self.peak_one = max([self.peak_one, *sizes])
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def write_slice(corpus: Path, n: int, out: Path) -> int:
    """The first n records of the corpus as a .jsonl.gz; returns how many there were."""
    count = 0
    with gzip.open(corpus, "rb") as src, gzip.open(out, "wb", compresslevel=1) as dst:
        for line in src:
            if count >= n:
                break
            if line.strip():
                dst.write(line)
                count += 1
    return count


_PHASE = re.compile(r"(relink: .+?|compact) ([0-9.]+)s")


def ingest(slice_path: Path, db: Path) -> dict:
    """One `factdiff ingest` of the slice: its time, peak memory, and (from FACTDIFF_TIMING) how long reading and
    analysing took and each of relink's phases, and in which of them memory peaked."""
    cmd = [sys.executable, "-m", "store.cli", "ingest", str(slice_path), "--db", str(db), "-q"]
    cpu_before, steal_before = _children_cpu(), _steal()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "FACTDIFF_TIMING": "1"})
    mem = TreeMemory(proc.pid)
    lines, phases = [], []      # phases: (name, seconds, when it ended)
    for line in proc.stderr:
        lines.append(line.rstrip("\n"))
        m = _PHASE.match(line)
        if m:
            phases.append((m.group(1), float(m.group(2)), time.perf_counter()))
    proc.wait()
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    steal = _steal() - steal_before
    mem.stop()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"ingest failed ({proc.returncode}): {' '.join(lines[-3:])}")
    relink_start = phases[0][2] - phases[0][1] if phases else start + seconds
    timings = {"read, analyse and write": relink_start - start}
    timings.update((name, secs) for name, secs, _ in phases)
    peak_phase = "read, analyse and write"
    for name, secs, end in phases:
        if end - secs <= mem.peak_at <= end:
            peak_phase = name
    return {"seconds": seconds, "cpu_seconds": cpu, "steal_seconds": steal,
            "peak_tree_bytes": mem.peak, "peak_process_bytes": mem.peak_one,
            "peak_phase": peak_phase, "phases_s": timings,
            "summary": next((ln for ln in reversed(lines) if ln.startswith("factdiff:")), "")}


def _children_cpu() -> float:
    """User and system CPU seconds of this process's finished children and theirs (the ingest and its workers)."""
    import resource     # (Unix only)
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _steal() -> float:
    """CPU seconds, over all CPUs, that the hypervisor gave to other machines (Linux /proc/stat; 0 elsewhere):
    on a shared virtual machine, wall time grows with it while the work does not."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = f.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def store_figures(db: Path) -> dict:
    import sqlite3

    conn = sqlite3.connect(db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("sources", "claims", "facts", "entities", "stories")}
    raw = conn.execute("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM sources").fetchone()[0]
    conn.close()
    size = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    return {"counts": counts, "raw_text_bytes": raw, "store_bytes": size, "store_ratio": size / max(raw, 1)}


def search_figures(db: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from store.queries import Queries

    q = Queries(db)
    q.search("warm up")       # the first query opens the connection and loads the word lists
    times, empty = [], []
    for query in QUERIES:
        t = time.perf_counter()
        hits = q.search(query)
        times.append(time.perf_counter() - t)
        if not hits:
            empty.append(query)
    times.sort()
    return {"queries": len(times), "p50_ms": statistics.median(times) * 1000,
            "p95_ms": times[int(0.95 * (len(times) - 1))] * 1000, "max_ms": times[-1] * 1000,
            "no_hits": empty}


def app_open(db: Path, runs: int) -> dict:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", APP, str(db)], cwd=ROOT, check=True, timeout=120)
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "runs_s": times}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=37547, help="articles from the start of the corpus")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", type=Path, default=Path("bench-scale.json"), help="where to write the figures")
    ap.add_argument("--keep", type=Path, help="folder to keep the stores in (default: a temporary folder)")
    ap.add_argument("--no-half", action="store_true", help="skip the N/2 run (no growth figure)")
    ap.add_argument("--app-runs", type=int, default=3)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results: dict = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
                         "python": platform.python_version(), "corpus": str(args.corpus)}
        sizes = [args.articles] if args.no_half else [args.articles // 2, args.articles]
        for n in sizes:
            part = work / f"slice-{n}.jsonl.gz"
            got = write_slice(args.corpus, n, part)
            db = work / f"store-{n}.db"
            for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                p.unlink(missing_ok=True)
            print(f"ingesting {got} articles…", file=sys.stderr, flush=True)
            run = ingest(part, db)
            run.update(articles=got, rate=got / run["seconds"], **store_figures(db))
            results[f"ingest_{n}"] = run
        big = work / f"store-{args.articles}.db"
        print("searching…", file=sys.stderr, flush=True)
        results["search"] = search_figures(big)
        print("opening the app…", file=sys.stderr, flush=True)
        results["app_open"] = app_open(big, args.app_runs)

    full = results[f"ingest_{args.articles}"]
    rows = [("articles ingested", f"{full['articles']:,}", ""),
            ("ingest, end to end", f"{full['seconds']:.1f} s", ""),
            ("ingest rate", f"{full['rate']:.0f} articles/s", "≥ 150"),
            ("  of which reading, analysing, writing", f"{full['phases_s']['read, analyse and write']:.1f} s", ""),
            ("  of which relink (stories, entities, facts)",
             f"{sum(v for k, v in full['phases_s'].items() if k.startswith('relink')):.1f} s", ""),
            ("  of which compacting the store", f"{full['phases_s'].get('compact', 0):.1f} s", ""),
            ("peak memory, all processes", f"{full['peak_tree_bytes'] / 2**30:.2f} GB (in {full['peak_phase']})",
             "≤ 1.5 GB"),
            ("store size / raw text", f"{full['store_ratio']:.2f} × ({full['store_bytes'] / 2**20:.0f} MB"
                                      f" / {full['raw_text_bytes'] / 2**20:.0f} MB)", "≤ 3 ×")]
    if not args.no_half:
        half = results[f"ingest_{args.articles // 2}"]
        results["growth"] = full["seconds"] / half["seconds"]
        rows.insert(2, (f"time({full['articles']:,}) / time({half['articles']:,})",
                        f"{results['growth']:.2f} ({full['seconds']:.0f} s / {half['seconds']:.0f} s)", "≤ 2.2"))
        # the same in CPU seconds of all processes: apart from waiting for CPUs, not from their speed
        results["cpu_growth"] = full["cpu_seconds"] / half["cpu_seconds"]
        rows.insert(3, ("  the same in CPU time", f"{results['cpu_growth']:.2f} ({full['cpu_seconds']:.0f} s /"
                                                  f" {half['cpu_seconds']:.0f} s)", ""))
    rows.insert(2 if args.no_half else 4,
                ("  CPU time, all processes", f"{full['cpu_seconds']:.0f} s ({full['steal_seconds']:.0f} s of"
                                             " the CPUs taken by other machines meanwhile)", ""))
    s = results["search"]
    rows += [(f"fuzzy search p95 ({s['queries']} queries)", f"{s['p95_ms']:.1f} ms (p50 {s['p50_ms']:.1f},"
                                                             f" max {s['max_ms']:.1f})", "≤ 50 ms"),
             ("app open to a usable screen", f"{results['app_open']['median_s']:.2f} s (median of"
                                             f" {len(results['app_open']['runs_s'])})", "≤ 2 s")]
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print(f"\n{'figure':<{width}}  {'measured':<{vwidth}}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<{vwidth}}  {target}")
    print(f"\n{results['date']} · {results['machine']} · Python {results['python']}")
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
