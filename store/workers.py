"""Worker processes for the slow, independent parts of ingesting: analysing articles, linking stories."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys


def default_workers() -> int:
    """Worker processes to use: FACTDIFF_WORKERS, else one per CPU this process may use."""
    env = os.environ.get("FACTDIFF_WORKERS", "").strip()
    if env.isdigit():
        return int(env)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the main process alone decides what an interrupt means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def worker_pool(workers: int):
    """A pool of `workers` processes that ignore Ctrl-C. On Linux they are forked, sharing the word lists
    already loaded at no cost; elsewhere (macOS, Windows) spawned, which is safe there."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method).Pool(workers, initializer=_worker_init)
