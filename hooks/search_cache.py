"""Reuse what Material's search plugin parsed out of a page whose HTML has not changed.

On every build the search plugin parses each page's HTML with ``html.parser``
to cut it into the sections it indexes (about a sixth of a build with nothing
changed: the pages carry large highlighted code and inline figures). What it
gets depends on that HTML alone, so this hook stores the sections in
``.cache/search/`` under the SHA-256 of the HTML, Material's version and
Python's (``html.parser`` changes between Python releases), and hands them
back instead of parsing the same HTML again. The plugin then builds its
entries from them as usual: the index it writes is the same.

It works by giving the plugin's module a subclass of its ``Parser`` for the
length of a build (the plugin makes one per page and feeds it the page once).

``CALCNOTES_EXEC_CACHE=0``, the switch for a build as shipped (see
``exec_cache.py``), turns this cache off too.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections import Counter
from importlib import metadata
from pathlib import Path

from material.plugins.search import plugin as search

from build_switches import caches_on

log = logging.getLogger("mkdocs.hooks.search_cache")

PARSER = search.Parser  # Material's own


class SectionStore:
    """Pickled sections of parsed pages, one file per page's HTML."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.salt = f"{metadata.version('mkdocs-material')}\0{sys.version}\0".encode()
        self.counts: Counter = Counter()

    def key(self, html: str) -> str:
        return hashlib.sha256(self.salt + html.encode("utf-8", "surrogatepass")).hexdigest()

    def load(self, key: str) -> list | None:
        try:
            return pickle.loads((self.directory / f"{key}.pickle").read_bytes())
        except Exception:  # missing, or unreadable: parse again
            return None

    def store(self, key: str, sections: list) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.directory, delete=False) as tmp:
                pickle.dump(sections, tmp)
            os.replace(tmp.name, self.directory / f"{key}.pickle")  # readers never see half an entry
        except OSError as error:
            log.debug(f"search_cache: could not store {key}: {error}")


_store: SectionStore | None = None


class CachedParser(PARSER):
    """Material's parser, which takes a page's sections from the store when it has them."""

    _key: str | None = None  # where to store what this parser parsed

    def feed(self, data: str) -> None:
        self._key = None
        if _store is None or self.rawdata or self.data:  # not a whole page in one go
            super().feed(data)
            return
        key = _store.key(data)
        sections = _store.load(key)
        if sections is None:
            super().feed(data)
            self._key = key
        else:
            self.data = sections
            _store.counts["from the cache"] += 1

    def close(self) -> None:
        super().close()
        if _store is not None and self._key is not None:
            _store.store(self._key, self.data)
            _store.counts["parsed"] += 1


def _directory(config) -> Path | None:
    if not caches_on():
        return None
    return Path(config.config_file_path).parent / ".cache" / "search"


def on_config(config):
    global _store
    directory = _directory(config)
    _store = SectionStore(directory) if directory is not None else None
    search.Parser = CachedParser if _store is not None else PARSER
    return config


def _finish() -> None:
    global _store
    search.Parser = PARSER
    _store = None


def on_post_build(config):
    if _store is not None:
        counts = _store.counts
        log.info(f"search_cache: {counts['from the cache']} pages from the cache, {counts['parsed']} parsed")
    _finish()


def on_build_error(error):
    _finish()
