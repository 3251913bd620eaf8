"""Cache what each executed example printed, and run the missing ones on every core.

markdown-exec runs every ``python exec="1"`` block in the build process, one
after the other, on every build. This hook stores what a block printed in
``.cache/exec/`` under a key made of everything that can change it:

- the code, as markdown-exec receives it (the example's file, already included);
- the block's options (``html``, ``source``, ``tabs``, ``title``, ``id``, ...);
- every file of the ``calcnotes`` package, found where the build imports it from;
- the versions of Python, NumPy, Matplotlib and markdown-exec.

A block whose key is stored is not run again; any change makes a new key, so
stale output is never served. Errors are never stored: a block that raises is
run by markdown-exec as before, and fails ``mkdocs build --strict`` naming its
example. Output naming markdown-exec's generated block or module name (which
depends on the blocks run before it) is not stored either, nor is any block
with a ``session`` (it shares state with the blocks before it).

Before the pages are rendered, the blocks whose output is missing are read
from the pages (as the project's other hooks and ``pymdownx.snippets`` leave
them) and queued, last page first, to worker processes (one per core but
one) that run them with markdown-exec's own runner, while the build process
renders the pages and runs blocks from the first page on, taking back any
job no worker has started: a cold build uses every core, and runs each block
once. A block that fails in a worker is run again in the build process,
where markdown-exec reports it as usual. This relies on the project's rule
that every example runs on its own: its output does not depend on the
examples run before it in the same interpreter.

Environment:
``CALCNOTES_EXEC_CACHE=0`` turns all of this off (markdown-exec as shipped);
``CALCNOTES_EXEC_CACHE=DIR`` keeps the entries in DIR instead of ``.cache/exec``;
``CALCNOTES_EXEC_WORKERS=N`` sets the number of worker processes (0: none).
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import re
import sys
import tempfile
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from importlib import metadata, util
from pathlib import Path

import markdown
from markdown_exec._internal import main as markdown_exec
from markdown_exec._internal.formatters.base import base_format
from markdown_exec._internal.formatters.python import _code_block_id, _run_python
from markdown_exec._internal.formatters.python import _format_python as format_python_uncached
from pymdownx.superfences import RE_NESTED_FENCE_START, RE_OPTIONS

from build_switches import cache_setting, caches_on, workers

log = logging.getLogger("mkdocs.hooks.exec_cache")

FORMAT = 1  # bump when the meaning of a stored entry changes
LANGUAGES = ("python", "py")
PACKAGE = "calcnotes"
VERSIONS_OF = ("numpy", "matplotlib", "markdown-exec")
# markdown-exec runs block k as "<code block: nk; title x.py>" in module "_code_block_nk_title_x_py_".
BLOCK_NAME = re.compile(r"<code block: |_code_block_(?:n\d|id_|session_)")


def _directory(config) -> Path:
    setting = cache_setting()
    if setting and setting.lower() not in ("1", "on", "true", "yes"):
        return Path(setting)
    return Path(config.config_file_path).parent / ".cache" / "exec"




# ----- the key -----------------------------------------------------------------------


def package_digest(name: str = PACKAGE) -> str | None:
    """SHA-256 of every file of package *name* where Python would import it from."""
    spec = util.find_spec(name)
    if spec is None:
        return None
    roots = list(spec.submodule_search_locations or [os.path.dirname(spec.origin)])
    digest = hashlib.sha256()
    for root in map(Path, roots):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def environment() -> dict:
    """What every block's output may depend on besides its own code and options."""
    return {
        "format": FORMAT,
        "python": sys.version,
        PACKAGE: package_digest(),
        **{name: _version(name) for name in VERSIONS_OF},
    }


def block_key(env: dict, code: str, options: dict) -> str:
    """The cache key of one block: its code and options, in *env*."""
    text = json.dumps([env, code, options], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


# ----- the store ---------------------------------------------------------------------


class ExecCache:
    """Stored outputs of one build, and the pool computing the missing ones."""

    def __init__(self, directory: Path, env: dict) -> None:
        self.directory = directory
        self.env = env
        self.pending: dict[str, Future] = {}
        self.pool: ProcessPoolExecutor | None = None
        self.counts: Counter = Counter()

    def key(self, code: str, options: dict) -> str:
        return block_key(self.env, code, options)

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.txt"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def load(self, key: str) -> str | None:
        try:
            return self._path(key).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def store(self, key: str, output: str) -> None:
        if BLOCK_NAME.search(output):
            self.counts["not stored"] += 1
            return
        try:
            data = output.encode("utf-8")  # bytes: "\r" and "\r\n" come back as printed
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.directory, delete=False) as tmp:
                tmp.write(data)
            os.replace(tmp.name, self._path(key))  # readers never see half an entry
        except (OSError, UnicodeError) as error:
            log.debug(f"exec_cache: could not store {key}: {error}")

    def start(self, jobs: dict[str, tuple[str, dict]], workers: int) -> None:
        """Queue *jobs* (key -> code, options, in page order) to worker processes, last first."""
        if workers < 1 or len(jobs) < 2:  # one job gains nothing from a new process
            return
        self.pool = ProcessPoolExecutor(
            max_workers=min(workers, len(jobs) - 1), mp_context=multiprocessing.get_context("spawn")
        )
        for key, (code, options) in reversed(jobs.items()):
            self.pending[key] = self.pool.submit(
                _run_python, code, returncode=options["returncode"], session=options["session"],
                id=options["id"], **options["extra"],
            )

    def output(self, key: str, code: str, run_options: dict) -> str:
        """What the block printed: stored, from a worker, or run here (errors raise)."""
        output = self.load(key)
        where = "from the cache"
        future = self.pending.pop(key, None)
        if output is None and future is not None and not future.cancel():  # a worker has it
            try:
                output, where = future.result(), "run in workers"
            except Exception:  # it raised there (or the pool broke): run it here, where it is reported
                output = None
        if output is None:
            output, where = _run_python(code, **run_options), "run here"
        else:  # keep markdown-exec's numbering of blocks as if it had run this one
            _code_block_id(run_options.get("id"), run_options.get("session"), run_options.get("title"))
        if where != "from the cache":
            self.store(key, output)
        self.counts[where] += 1
        return output

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        self.pending.clear()


_cache: ExecCache | None = None
_last_digest: str | None = None


def format_python_cached(**kwargs):
    """markdown-exec's python formatter, with the cache in front of its runner."""
    if _cache is None or kwargs.get("session"):
        return format_python_uncached(**kwargs)
    options = {name: value for name, value in kwargs.items() if name not in ("code", "md")}

    def run(code: str, **run_options) -> str:
        return _cache.output(_cache.key(code, options), code, run_options)

    return base_format(language="python", run=run, **kwargs)


# ----- finding the blocks of a page --------------------------------------------------


def _includes(config) -> markdown.Markdown:
    """A Markdown instance that expands includes as the site does, and nothing else."""
    extensions = [e for e in config.markdown_extensions if e == "pymdownx.snippets"]
    configs = {e: config.mdx_configs.get(e, {}) for e in extensions}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def page_blocks(text: str, md: markdown.Markdown) -> list[tuple[str, dict]]:
    """Exec blocks of a page's Markdown: (code, options) as markdown-exec receives them."""
    lines = text.split("\n")
    for name in ("snippet", "normalize_whitespace"):
        if name in md.preprocessors:
            lines = md.preprocessors[name].run(lines)
    blocks, i = [], 0
    while i < len(lines):
        indent = len(lines[i]) - len(lines[i].lstrip(" "))
        start = RE_NESTED_FENCE_START.match(lines[i], indent)
        i += 1
        if not start or start["lang"] not in LANGUAGES or start["options"] is None:
            continue
        end = re.compile(re.escape(start["fence"]) + r"[ \t]*$")
        body = []
        while i < len(lines) and not (lines[i][:indent].strip() == "" and end.match(lines[i], indent)):
            if lines[i].strip() and lines[i][:indent].strip():
                break  # not indented enough: not a fenced block
            body.append(lines[i][indent:])
            i += 1
        if i == len(lines) or not end.match(lines[i], indent):
            continue
        i += 1
        inputs = {m["key"]: m["value"] if m["value"] is not None else m["key"]
                  for m in RE_OPTIONS.finditer(start["options"])}
        options: dict = {}
        if markdown_exec.validator(start["lang"], inputs, options, {}, None):
            blocks.append(("\n".join(body), options))
    return blocks


def _page_markdown(file, config, files) -> str:
    """The page's Markdown as the project's other hooks hand it to the renderer."""
    text = file.content_string
    if file.page is None:
        return text
    for hook in config["hooks"].values():
        transform = getattr(hook, "on_page_markdown", None)
        if transform is not None and hook.__name__ != __name__:
            text = transform(text, page=file.page, config=config, files=files)
    return text


def _missing_blocks(cache: ExecCache, config, files) -> dict[str, tuple[str, dict]]:
    """Blocks, in page order, that a worker can run and whose output is not stored."""
    md, jobs = _includes(config), {}
    for file in files.documentation_pages():
        try:
            blocks = page_blocks(_page_markdown(file, config, files), md)
        except Exception:  # e.g. a missing include: left for the real build to report
            continue
        for code, options in blocks:
            if options["session"] or options["workdir"] or options["width"]:
                continue
            key = cache.key(code, options)
            if key not in jobs and not cache.has(key):
                jobs[key] = (code, options)
    return jobs


# ----- mkdocs events -----------------------------------------------------------------


def on_config(config):
    global _cache
    if _cache is not None:
        _cache.close()
    _cache = None
    for language in LANGUAGES:
        markdown_exec.formatters[language] = format_python_cached if caches_on() else format_python_uncached
    return config


def on_pre_build(config):
    """Open this build's cache; forget a stale ``calcnotes`` imported by an earlier build."""
    global _cache, _last_digest
    if not caches_on():
        return
    _cache = ExecCache(_directory(config), environment())
    digest = _cache.env[PACKAGE]
    if digest != _last_digest:  # `mkdocs serve`: blocks run here must see the edited package
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        _last_digest = digest


def on_nav(nav, config, files):
    if _cache is not None:
        _cache.start(_missing_blocks(_cache, config, files), workers())
    return nav


def on_post_build(config):
    global _cache
    if _cache is not None:
        counts = _cache.counts
        total = sum(counts[w] for w in ("from the cache", "run in workers", "run here"))
        log.info(
            f"exec_cache: {total} blocks: {counts['from the cache']} from the cache, "
            f"{counts['run in workers']} run in workers, {counts['run here']} run here"
            + (f", {counts['not stored']} not stored" if counts["not stored"] else "")
        )
        _cache.close()
        _cache = None


def on_build_error(error):
    global _cache
    if _cache is not None:
        _cache.close()
        _cache = None
