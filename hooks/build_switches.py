"""The environment settings the build hooks read, read and checked in one place.

Not a hook itself: the hooks import it (mkdocs puts their folder on
``sys.path`` while it loads them).

- ``CALCNOTES_EXEC_CACHE``: unset, ``1``/``on``/``true``/``yes``: keep what
  examples printed in ``.cache/exec`` (and the other caches in ``.cache/``);
  ``0``/``off``/``false``/``no``: every cache off, a build as shipped;
  any other value: the folder for the examples' outputs.
- ``CALCNOTES_EXEC_WORKERS=N``: how many examples run at once (N ≥ 1;
  default: one per core).
- ``CALCNOTES_EXEC_TIMEOUT=S``: how long one example may run, in seconds
  (default 120).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from mkdocs.exceptions import ConfigurationError

ON, OFF = ("1", "on", "true", "yes"), ("0", "off", "false", "no")


def cache_setting() -> str:
    """``CALCNOTES_EXEC_CACHE`` as set, stripped ('' when unset)."""
    return os.environ.get("CALCNOTES_EXEC_CACHE", "").strip()


def caches_on() -> bool:
    return cache_setting().lower() not in OFF


def exec_cache_dir(project: Path) -> Path | None:
    """Where examples' outputs are kept (None: not kept)."""
    setting = cache_setting()
    if setting.lower() in OFF:
        return None
    if not setting or setting.lower() in ON:
        return project / ".cache" / "exec"
    if Path(setting).exists() and not Path(setting).is_dir():
        raise ConfigurationError(f"CALCNOTES_EXEC_CACHE must be 0/1/on/off or a folder, got the file {setting!r}")
    return Path(setting)


def workers() -> int:
    """How many examples may run at once: ``CALCNOTES_EXEC_WORKERS``, or one per core."""
    text = os.environ.get("CALCNOTES_EXEC_WORKERS", "").strip()
    if not text:
        return os.cpu_count() or 1
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise ConfigurationError(f"CALCNOTES_EXEC_WORKERS must be a whole number of at least 1, got {text!r}")
    return value


def timeout(default: float = 120.0) -> float:
    """How long one example may run, in seconds: ``CALCNOTES_EXEC_TIMEOUT``, or *default*."""
    text = os.environ.get("CALCNOTES_EXEC_TIMEOUT", "").strip()
    return default if not text else seconds(text, "CALCNOTES_EXEC_TIMEOUT")


def seconds(text: str, name: str) -> float:
    """*text* as a positive, finite number of seconds, or a clear error naming *name*."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise ConfigurationError(f"{name} must be a positive number of seconds, got {text!r}")
    return value
