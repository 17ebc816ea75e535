"""Which store the app opens: the demo corpus, articles named on the command line, or an existing --db file."""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir

# store.db (and sqlite-utils behind it) is imported only when a store is built or checked: opening the
# cached demo store stays fast.

DEMO_DATA = Path(__file__).resolve().parent.parent / "data"


class StoreError(Exception):
    """A store that cannot be opened or built, with a one-line reason."""


def cache_dir() -> Path:
    path = Path(os.environ.get("FACTDIFF_CACHE") or user_cache_dir("factdiff"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _fingerprint(paths: list[str]) -> str:
    """A hash of the article files' names, sizes and modification times: it changes when they do."""
    from store.readers import iter_input_files

    h = hashlib.sha256()
    for name in sorted(iter_input_files(paths)):
        st = os.stat(name)
        h.update(f"{os.path.abspath(name)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:16]


def _ingest(db_path: Path, paths: list[str]) -> None:
    """Ingest into `db_path`; StoreError when not one article could be read."""
    from store.db import StoreError as BadStore, open_store
    from store.ingest import Progress, ingest, print_summary

    try:
        db = open_store(db_path)
    except BadStore as exc:
        raise StoreError(str(exc)) from None
    try:
        report = ingest(db, paths, progress=Progress(sys.stderr))
    finally:
        db.conn.close()
    if report.skipped or report.interrupted:
        print_summary(report)
    if not (report.added or report.replaced or report.unchanged):
        raise StoreError("no articles could be read from " + ", ".join(paths))


def demo_store() -> Path:
    """The demo corpus's store, built on first use and rebuilt when its files change."""
    from store.fingerprint import analyzer_fingerprint

    # rebuilt when the articles change, and when factdiff's analysis does
    key = hashlib.sha256((_fingerprint([str(DEMO_DATA)]) + analyzer_fingerprint()).encode()).hexdigest()[:16]
    path = cache_dir() / f"demo-{key}.db"
    if not path.exists():
        for old in cache_dir().glob("demo-*.db*"):
            old.unlink()
        print("factdiff: building the demo store…", file=sys.stderr)
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)   # left by a build that was cut short
        _ingest(tmp, [str(DEMO_DATA)])
        tmp.rename(path)
    return path


def paths_store(paths: list[str]) -> Path:
    """A store in the cache for these paths; ingest brings it up to date (unchanged files are skipped)."""
    resolved = sorted(str(Path(p).resolve()) for p in paths)
    key = hashlib.sha256("\0".join(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    path = cache_dir() / f"paths-{key}.db"
    _ingest(path, resolved)
    return path


def is_store_file(path: str) -> bool:
    """True for an SQLite database file (a store, or something that will be refused as not one)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:      # a folder, a missing file: articles' paths, for ingest to read or report
        return False


def existing_store(path: str) -> Path:
    """An existing store, checked, and relinked if an ingest was cut short. Raises StoreError."""
    from store.db import StoreError as BadStore, open_store
    from store.ingest import finish_linking

    try:
        db = open_store(path, create=False)
    except BadStore as exc:
        raise StoreError(str(exc)) from None
    try:
        finish_linking(db)
    finally:
        db.conn.close()
    return Path(path)

