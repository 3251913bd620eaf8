"""What each example printed, kept between builds until something it depends on changes.

Not a hook: the build hook (``examples.py``) and the tests import it.

An entry is found by its *key*: the example's code and file name, the
versions of Python, NumPy and Matplotlib, and this project's runner. It
also records the files of ``calcnotes`` that the run imported, with their
SHA-256; it is used only while every one of them is unchanged. So editing an
example re-runs that example, and editing one module of the package re-runs
exactly the examples that imported it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from importlib import metadata, util
from pathlib import Path

FORMAT = 2  # bump when the meaning of a stored entry changes
PACKAGE = "calcnotes"
VERSIONS_OF = ("numpy", "matplotlib")
RUNNER = Path(__file__).with_name("example_runner.py")
# A page's example: a markdown-exec Python block that includes the example's file (pymdownx.snippets).
INCLUDED = re.compile(
    r'^(?P<indent>[ \t]*)(?:`{3,}|~{3,})(?:python|py)\b(?P<options>[^\n]*\bexec="(?:1|true|yes|on)"[^\n]*)\n'
    r'(?P=indent)--8<--\s+"(?P<path>[^"]+\.py)"[ \t]*\n', re.M)


def normalized(code: str) -> str:
    """The code as it runs: one newline style, no blank lines at either end, a final newline."""
    return "\n".join(code.splitlines()).strip("\n") + "\n"


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def package_root() -> Path | None:
    """Where ``calcnotes`` is imported from (found without importing it)."""
    spec = util.find_spec(PACKAGE)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


class OutputCache:
    """Stored outputs in *directory*, valid while the package files they used are unchanged.

    With *directory* None nothing is kept (a build as shipped), but keys still work.
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = Path(directory) if directory is not None else None
        self.root = package_root()
        self.salt = json.dumps([FORMAT, sys.version, _sha(RUNNER), *map(_version, VERSIONS_OF)])
        self._digests: dict[str, str | None] = {}  # one reading of each file per build

    def key(self, code: str, filename: str) -> str:
        text = json.dumps([self.salt, normalized(code), filename], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def _name(self, path: str) -> str:
        """A module file as stored: relative to the package, when it is inside it."""
        if self.root is not None and Path(path).is_relative_to(self.root):
            return Path(path).relative_to(self.root).as_posix()
        return path

    def _digest(self, name: str) -> str | None:
        if name not in self._digests:
            path = Path(name) if Path(name).is_absolute() or self.root is None else self.root / name
            self._digests[name] = _sha(path)
        return self._digests[name]

    def load(self, key: str) -> str | None:
        """The stored output under *key*, if every file it was made with is unchanged."""
        if self.directory is None:
            return None
        try:
            entry = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if all(self._digest(name) == digest for name, digest in entry["modules"].items()):
            return entry["output"]
        return None

    def store(self, key: str, output: str, modules) -> None:
        if self.directory is None:
            return
        names = [self._name(path) for path in modules]
        entry = {"output": output, "modules": {name: self._digest(name) for name in names}}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=self.directory, delete=False, encoding="utf-8") as tmp:
                json.dump(entry, tmp, ensure_ascii=False)
            os.replace(tmp.name, self.directory / f"{key}.json")  # readers never see half an entry
        except OSError:
            pass  # a cache that cannot be written only costs a re-run
