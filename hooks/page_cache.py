"""Convert a page's Markdown only when something it is made from has changed.

Most of a build that runs no example went into Markdown: laying out and
highlighting 141 examples' code and outputs. So each page's HTML, as MkDocs'
Markdown conversion makes it (with markdown-exec's ids numbered per page,
hooks/examples.py; before any other hook or plugin rewrites it in
``on_page_content``), is kept in ``.cache/pages/``, found by a key made of
everything that conversion reads:

- the page's Markdown as the other hooks leave it, its front matter and URL;
- the text of every file it quotes with ``--8<--`` (and of the files those
  quote);
- the stored output of each example it runs (``example_cache``): while one
  has no valid output, the page is converted and the example runs;
- the build: ``mkdocs.yml``, the hooks' sources, the site's file list (links
  are resolved against it), Python's and the Markdown packages' versions.

On a hit the page's Markdown is handed to MkDocs as an empty string and
``on_page_content``, before any other hook or plugin, gives back the kept
HTML with what the conversion leaves on the page besides: its table of
contents, title, the anchors it holds and the links it makes to other
pages' anchors (MkDocs checks those once every page is built), and its
headings registered with autorefs for cross-references. Everything after
that (math, search, templates) runs as on any build, and the site is byte
for byte the one a build without this cache makes.

Never kept, so converted on every build:

- a page whose conversion logged a warning (``--strict`` must see it every
  time);
- the API page and any page with a ``:::`` block (mkdocstrings reads the
  package while converting it);
- a page with an ``exec`` block that is not an included Python example, or
  one with its own ``timeout`` (it runs each build);
- a page with Markdown anchors (``[](){#id}``: autorefs reads them while
  converting);
- notebooks (hooks/notebooks.py keeps their pages itself).

``CALCNOTES_EXEC_CACHE=0`` turns it off with the other caches.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

import build_switches
import example_cache

log = logging.getLogger("mkdocs.hooks.page_cache")

FORMAT = 1  # of a stored entry
MARKDOWN_PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "markdown-exec", "pygments",
                     "mkdocs-material", "mkdocs-autorefs", "mkdocstrings")
QUOTED = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"(?P<path>[^"\n]+?)(?::[^":\n]*)*"', re.M)
ANY_EXEC = re.compile(r'^[ \t]*(?:`{3,}|~{3,})[^\n]*\bexec="', re.M)
OPTION = re.compile(r'([-\w]+)="([^"]*)"')
AUTODOC = re.compile(r"^:::[ \t]+\S", re.M)
MARKDOWN_ANCHOR = re.compile(r"<a\b(?![^>]*\bhref=)[^>]*\bid=")
HEADING_TEXT = r'<h[1-6]\b[^>]*\bid="{}"[^>]*>([^<]*)'


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def quoted_files(markdown: str, base_paths: list[Path]) -> dict[str, str | None]:
    """Every file *markdown* quotes with ``--8<--`` (and those quote in turn): its text, None if missing.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, "a.py").write_text('x = 1  # --8<-- [start:x]\\n')
    ...     quoted_files('--8<-- "a.py:x"\\n--8<-- "b.py"\\n', [Path(folder)])
    {'a.py': 'x = 1  # --8<-- [start:x]\\n', 'b.py': None}
    """
    found: dict[str, str | None] = {}
    waiting = [markdown]
    while waiting:
        for match in QUOTED.finditer(waiting.pop()):
            name = match["path"]
            if name in found:
                continue
            text = next((t for t in (_read(base / name) for base in base_paths) if t is not None), None)
            found[name] = text
            if text is not None:
                waiting.append(text)
    return found


def _toc_tokens(items) -> list[dict]:
    """A page's table of contents as the tokens `get_toc` makes it from."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": _toc_tokens(item.children)}
            for item in items]


def _flat(items):
    for item in items:
        yield item
        yield from _flat(item.children)


class PageCache:
    """The kept pages of one build, in *directory* (None: nothing kept)."""

    def __init__(self, directory: Path | None, config, files) -> None:
        self.directory = directory
        project = Path(config.config_file_path).parent
        self.outputs = example_cache.OutputCache(build_switches.exec_cache_dir(project))
        snippets = config.mdx_configs.get("pymdownx.snippets", {})
        self.base_paths = [Path(p) for p in snippets.get("base_path", ["."])]
        hooks = Path(__file__).parent
        self.build_digest = _digest(
            FORMAT, sys.version, [_version(name) for name in MARKDOWN_PACKAGES],
            _read(Path(config.config_file_path)),
            {p.name: _read(p) for p in sorted(hooks.iterdir()) if p.suffix in (".py", ".mjs")},
            sorted((f.src_uri, f.url) for f in files))
        self.used: set[str] = set()
        self.counts = {"kept": 0, "converted": 0}

    def key(self, markdown: str, page) -> str | None:
        """The key of *page* as it is now, or None if it cannot be kept (see the module's list)."""
        if self.directory is None or not page.file.src_uri.endswith(".md") or AUTODOC.search(markdown):
            return None
        examples = list(example_cache.INCLUDED.finditer(markdown))
        if len(examples) != len(ANY_EXEC.findall(markdown)):
            return None
        outputs = []
        quoted = quoted_files(markdown, self.base_paths)
        for match in examples:
            options = dict(OPTION.findall(match["options"]))
            code = quoted.get(match["path"])
            if "timeout" in options or code is None:
                return None
            filename = options.get("title") or "example.py"
            output = self.outputs.load(self.outputs.key(code, filename))
            if output is None:
                return None
            outputs.append(hashlib.sha256(output.encode()).hexdigest())
        return _digest(self.build_digest, page.file.src_uri, page.file.url, page.meta, markdown, quoted, outputs)

    def load(self, key: str) -> dict | None:
        try:
            entry = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.used.add(key)
        return entry

    def store(self, key: str, entry: dict) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=self.directory, delete=False, encoding="utf-8") as tmp:
                json.dump(entry, tmp, ensure_ascii=False)
            os.replace(tmp.name, self.directory / f"{key}.json")  # readers never see half an entry
            self.used.add(key)
        except OSError:
            pass  # a cache that cannot be written only costs a conversion

    def prune(self) -> None:
        """Remove the entries no page of this (whole) build used."""
        if self.directory is None or not self.directory.is_dir():
            return
        for path in self.directory.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


class _Warnings(logging.Handler):
    """Counts the warnings logged while a page is converted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


_cache: PageCache | None = None
_dirty = False
_pending: dict = {}  # the page being converted: its markdown, kept entry, warnings
_watched = (logging.getLogger(), logging.getLogger("mkdocs"))  # mkdocs' own does not propagate


def _stop_watching() -> None:
    handler = _pending.pop("warnings", None)
    for logger in _watched:
        logger.removeHandler(handler)


def on_startup(command, dirty) -> None:
    global _dirty
    _dirty = dirty


def on_files(files, config):
    global _cache
    directory = Path(config.config_file_path).parent / ".cache" / "pages" if build_switches.caches_on() else None
    _cache = PageCache(directory, config, files)
    return files


@event_priority(-100)  # last: the Markdown as every other hook leaves it
def on_page_markdown(markdown, page, config, files):
    _stop_watching()
    _pending.clear()
    key = _cache.key(markdown, page)
    entry = _cache.load(key) if key else None
    _pending.update(page=page, markdown=markdown, entry=entry)
    if entry is not None:
        return ""  # nothing to convert: the kept HTML comes back in on_page_content
    _pending["warnings"] = _Warnings()
    for logger in _watched:
        logger.addHandler(_pending["warnings"])
    return markdown


@event_priority(200)  # first: before any hook or plugin rewrites the converted HTML
def on_page_content(page_html, page, config, files):
    warnings = _pending.get("warnings")
    _stop_watching()
    if _pending.get("page") is not page:
        return page_html
    entry = _pending["entry"]
    if entry is None:
        _cache.counts["converted"] += 1
        key = _cache.key(_pending["markdown"], page)  # its examples' outputs are stored by now
        if key and not warnings.count and not MARKDOWN_ANCHOR.search(page_html):
            _cache.store(key, _entry(page_html, page))
        return page_html
    _cache.counts["kept"] += 1
    page.markdown = _pending["markdown"]
    page.toc = get_toc(entry["toc"])
    page.title = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if entry["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in entry["links"].items()}
    autorefs = config.plugins.get("autorefs")
    if autorefs is not None:
        for anchor, title in entry["headings"]:
            autorefs.register_anchor(page, anchor, title=title)
    return entry["html"]


def _entry(page_html: str, page) -> dict:
    headings = []
    for item in _flat(page.toc):
        found = re.search(HEADING_TEXT.format(re.escape(item.id)), page_html)
        headings.append([item.id, html.unescape(found[1]) if found and found[1] else None])
    links = page.links_to_anchors
    return {
        "html": page_html,
        "toc": _toc_tokens(page.toc),
        "title": page.title,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
        "headings": headings,
    }


def on_post_build(config):
    _stop_watching()
    log.info(f"pages: {_cache.counts['kept']} kept, {_cache.counts['converted']} converted")
    if not _dirty:
        _cache.prune()


def on_build_error(error):
    _stop_watching()
