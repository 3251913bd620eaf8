"""The environment switches that the build hooks read, read in one place.

Not a hook itself: the hooks import it (mkdocs puts their folder on
``sys.path`` while it loads them).

- ``CALCNOTES_EXEC_CACHE=0`` (or off/false/no): a build as shipped, every
  cache hook off; ``=DIR`` keeps the execution cache in DIR.
- ``CALCNOTES_EXEC_WORKERS=N``: worker processes besides the build process
  (default: one per other core; 0: none).
"""

from __future__ import annotations

import os


def cache_setting() -> str:
    """``CALCNOTES_EXEC_CACHE`` as set, stripped ('' when unset)."""
    return os.environ.get("CALCNOTES_EXEC_CACHE", "").strip()


def caches_on() -> bool:
    return cache_setting().lower() not in ("0", "off", "false", "no")


def workers() -> int:
    """Worker processes besides the build process: one per other core unless set."""
    return int(os.environ.get("CALCNOTES_EXEC_WORKERS", (os.cpu_count() or 1) - 1))
