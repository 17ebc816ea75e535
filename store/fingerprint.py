"""Which analysis produced a store: a hash of the analysis code and lexicons, cheap to import."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

# Modules that read or show a store without changing what analysis finds.
_NOT_ANALYSIS = frozenset({"queries.py", "search.py", "coverage.py", "report.py", "wordiff.py", "cli.py", "export.py",
                           "fingerprint.py"})


@lru_cache(maxsize=1)
def analyzer_fingerprint() -> str:
    """Changes whenever the analysis could find something else: a store analysed by other code is stale."""
    h = hashlib.sha256()
    here = Path(__file__).parent
    for p in sorted([*here.glob("*.py"), *(here / "data").glob("*")]):
        if p.name not in _NOT_ANALYSIS:
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]
