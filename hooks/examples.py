"""Run each example of a page as a reader would, and fail the build if one fails.

A page shows an example with a markdown-exec block that includes its file::

    ```python exec="1" source="tabbed-right" tabs="Code|Output" alt="…" caption="…"
    --8<-- "snippets/derivatives/tangent_slider_sin.py"
    ```

This hook is markdown-exec's formatter for ``python`` blocks (set through
its public ``formatters`` table; markdown-exec's ``base_format`` still lays
out the code and the output). It runs the example with `example_runner`:
as ``__main__``, from an empty folder, in a fresh process, its whole
standard output captured. The output is Markdown, with the figure or
animation that `calcnotes.show` printed kept as HTML; the block's ``alt``
and ``caption`` options become the figure's alt text and caption (a figure
without both, or both without a figure, fails the build).

An example that raises, exits, prints nothing, prints more than a megabyte
or runs past its time limit (``timeout="…"`` on the block, else
``CALCNOTES_EXEC_TIMEOUT``, else 120 s) stops the build with an error that
names the example and its page, in every mode (``--strict`` or not, ``-q``,
``serve``, where the server reports it and keeps serving the last good
site). Nothing is written into the page, so ``site/`` never holds a traceback.

markdown-exec numbers the ids of an example's tabs across the whole build;
they are numbered again per page (``on_page_content``), so that a page's HTML
does not depend on the pages converted before it (hooks/page_cache.py keeps
pages between builds).

Outputs are kept in ``.cache/exec`` (`example_cache`). As soon as the
configuration is read, the examples whose output is missing are started,
page by page, on ``CALCNOTES_EXEC_WORKERS`` processes at a time (one per
core), while the build goes on.
"""

from __future__ import annotations

import faulthandler
import html
import logging
import os
import re
import signal
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import markdown_exec
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pymdownx.superfences import SuperFencesException

import build_switches
import example_cache
import example_runner

log = logging.getLogger("mkdocs.hooks.examples")

LANGUAGES = ("python", "py")
CTRL_C_GRACE = 5.0  # seconds a build may take to unwind after Ctrl-C
ALT, CAPTION = "@@calcnotes-alt@@", "@@calcnotes-caption@@"  # what calcnotes.show leaves for the page
FIGURE = re.compile(r'<figure class="cn-figure[^"]*"[^>]*>.*?</figure>', re.S)
# The ids markdown-exec gives an example's tabs: numbered across the whole build (and on, across serve's rebuilds).
EXEC_ID = re.compile(r"exec-(\d+)--")
EXEC_ID_AFTER = ('id="', 'for="', 'name="', 'href="#')  # where such an id stands


class ExampleFailed(PluginError, SuperFencesException):
    """An example failed: stops the build (SuperFences and MkDocs let this one through)."""


class Build:
    """One build's examples: the stored outputs, the runs under way, the page being rendered."""

    def __init__(self, config) -> None:
        project = Path(config.config_file_path).parent
        self.project = project
        self.cache = example_cache.OutputCache(build_switches.exec_cache_dir(project))
        self.timeout = build_switches.timeout()
        self.pool = ThreadPoolExecutor(max_workers=build_switches.workers(), thread_name_prefix="example")
        self.runs: dict[str, Future] = {}
        self.page = "?"
        self.counts: Counter = Counter()

    def _run(self, key: str, code: str, filename: str, timeout: float) -> example_runner.Result:
        result = example_runner.run(example_cache.normalized(code), filename, timeout=timeout)
        self.cache.store(key, result.output, result.modules)
        return result

    def start(self, code: str, filename: str) -> None:
        """Begin running an example whose output is missing (it will be asked for later)."""
        key = self.cache.key(code, filename)
        if key not in self.runs and self.cache.load(key) is None:
            self.runs[key] = self.pool.submit(self._run, key, code, filename, self.timeout)

    def output(self, code: str, filename: str, timeout: float | None) -> str:
        """What the example prints: stored, from a run under way, or run now."""
        key = self.cache.key(code, filename)
        future = self.runs.pop(key, None)
        if future is None and timeout is None:
            stored = self.cache.load(key)
            if stored is not None:
                self.counts["stored"] += 1
                return stored
        try:
            if future is not None and timeout is None:
                result = future.result()
                self.counts["run ahead"] += 1
            else:
                result = self._run(key, code, filename, timeout or self.timeout)
                self.counts["run when reached"] += 1
        except example_runner.ExampleError as error:
            raise ExampleFailed("Example " + error.describe(f" on page {self.page}")) from None
        return result.output

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        example_runner.close_all()


_build: Build | None = None


def _fail(filename: str, problem: str) -> None:
    raise ExampleFailed(f"Example {filename} on page {_build.page if _build else '?'} {problem}")


def present(output: str, filename: str, alt: str | None, caption: str | None, md) -> str:
    """The page's HTML for an example's output: Markdown, with its figure kept as is."""
    shown = [m for m in FIGURE.finditer(output) if ALT in m[0] or CAPTION in m[0]]
    if len(shown) > 1:
        _fail(filename, f"shows {len(shown)} figures: show one per example (split it in two)")
    if shown and not (alt and caption):
        _fail(filename, 'shows a figure, but its block lacks alt="…" and caption="…" text')
    if (alt or caption) and not shown:
        _fail(filename, "has alt or caption text, but shows no figure")
    stash = {}

    def keep(match: re.Match) -> str:
        figure = match[0].replace(ALT, html.escape(alt or "", quote=True))
        figure = figure.replace(CAPTION, html.escape(caption or "", quote=False))
        placeholder = f'<div class="{uuid.uuid4()}"></div>'
        stash[placeholder] = figure
        return f"\n\n{placeholder}\n\n"

    text = FIGURE.sub(keep, output)
    return markdown_exec.MarkdownConverter(md).convert(text, stash=stash)


def format_example(code: str, md, **options):
    """markdown-exec's formatter for python blocks, with the reader's runner behind it."""
    extra = dict(options.get("extra", {}))
    alt, caption, timeout = (extra.pop(name, None) for name in ("alt", "caption", "timeout"))
    seconds = build_switches.seconds(timeout, "timeout") if timeout is not None else None
    filename = extra.get("title") or "example.py"
    if _build is None:
        raise ExampleFailed("the examples hook was not set up (is hooks/examples.py in mkdocs.yml?)")

    def run(source: str, **_) -> str:
        return present(_build.output(source, filename, seconds), filename, alt, caption, md)

    return markdown_exec.base_format(language="python", run=run, code=code, md=md,
                                     **{**options, "html": True, "extra": extra})


def numbered_per_page(page_html: str) -> str:
    """*page_html* with markdown-exec's ids numbered from 1 on the page, in order.

    A page's HTML is then the same whatever was converted before it.

    >>> numbered_per_page('<input id="exec-7--a"><label for="exec-7--a"></label><input id="exec-9--a">')
    '<input id="exec-1--a"><label for="exec-1--a"></label><input id="exec-2--a">'
    >>> numbered_per_page('<p>exec-7-- in prose stays</p>')
    '<p>exec-7-- in prose stays</p>'
    """
    numbers: dict[str, int] = {}

    def renumber(match: re.Match) -> str:
        if not page_html.endswith(EXEC_ID_AFTER, max(0, match.start() - 7), match.start()):
            return match[0]
        return f"exec-{numbers.setdefault(match[1], len(numbers) + 1)}--"

    return EXEC_ID.sub(renumber, page_html) if "exec-" in page_html else page_html


# ----- mkdocs events -------------------------------------------------------------------


def _on_sigterm(signum, frame) -> None:
    example_runner.close_all()
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)


def _on_ctrl_c(signum, frame) -> None:
    # End every example first, whichever thread waits on it (one run ahead
    # included): then Python's own Ctrl-C unwinds a build with nothing to wait for.
    example_runner.close_all()
    _leave_if_still_running(after=CTRL_C_GRACE)
    raise KeyboardInterrupt


def _leave_if_still_running(after: float) -> None:
    """Ctrl-C always ends the build: if unwinding it still waits on something *after*
    seconds on, say where every thread was (on stderr) and leave."""
    def leave() -> None:
        time.sleep(after)
        sys.stderr.write(f"calcnotes: the build was still running {after:g} s after Ctrl-C; its threads were at:\n")
        faulthandler.dump_traceback(all_threads=True)
        example_runner.close_all()
        os._exit(130)

    threading.Thread(target=leave, name="after-ctrl-c", daemon=True).start()


def on_startup(command, dirty) -> None:
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _on_sigterm)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_ctrl_c)


def on_config(config):
    """Set up the build's examples, and start those whose output is missing, page by page.

    (As early as can be: an edited example starts running before MkDocs has
    even listed the files; a page that only a plugin adds runs its examples
    when it is reached.)
    """
    global _build
    if _build is not None:
        _build.close()
    _build = Build(config)  # reads (and checks) the environment settings
    for language in LANGUAGES:
        markdown_exec.formatters[language] = format_example
    for page in sorted(Path(config.docs_dir).rglob("*.md")):
        for match in example_cache.INCLUDED.finditer(page.read_text(encoding="utf-8")):
            path = _build.project / match["path"]
            if path.is_file():
                _build.start(path.read_text(encoding="utf-8"), path.name)
    return config


@event_priority(100)  # before other hooks and plugins see the page
def on_pre_page(page, config, files):
    _build.page = page.file.src_uri
    return page


@event_priority(250)  # first: before the page cache keeps the page (page_cache.py)
def on_page_content(page_html, page, config, files):
    return numbered_per_page(page_html)


def on_post_build(config):
    counts = _build.counts
    log.info(f"examples: {counts['stored']} stored, {counts['run ahead']} run ahead, "
             f"{counts['run when reached']} run when reached")
    _build.close()


def on_build_error(error):
    if _build is not None:
        _build.close()


def on_shutdown():
    example_runner.close_all()
