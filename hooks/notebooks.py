"""Run the exercise notebooks with nbclient while the pages render, and hand mkdocs-jupyter the result.

mkdocs-jupyter would run each notebook (``execute: true``) when its page
renders, one after the other, in the build process. Here each notebook is
run once, as soon as the files are known, in a background thread with
nbclient (its public ``NotebookClient``; the kernel is its own process), while
the examples and pages proceed. The executed copy is kept in
``.cache/notebooks/`` under a key made of the notebook, the versions of
Python, NumPy and Matplotlib, and the files of ``calcnotes`` the run
imported (recorded by one extra cell, dropped before the copy is stored), so
it is used again until one of them changes.

Before mkdocs-jupyter reads the notebook (``on_pre_page``, ahead of the
plugin), the page's file points at the executed copy, so the plugin renders
it with ``execute: false``; once rendered (``on_page_content``) it points back
at the notebook itself, which is what the plugin publishes for download. A
cell that raises fails the build, naming the notebook and the cell, in every
mode. ``CALCNOTES_EXEC_CACHE=0`` keeps nothing between builds.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sys
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

import nbformat
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import build_switches

log = logging.getLogger("mkdocs.hooks.notebooks")

FORMAT = 1
PATTERN = "exercises/*.ipynb"
KERNEL = "python3"
REPORT = ("import json as _j, sys as _s\n"
          "print(_j.dumps(sorted(m.__file__ for n, m in list(_s.modules.items())\n"
          "    if (n == 'calcnotes' or n.startswith('calcnotes.')) and getattr(m, '__file__', None))))")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache  # once per process: a version lookup reads the package's metadata from disk
def _salt() -> str:
    versions = [metadata.version(name) for name in ("numpy", "matplotlib", "nbclient")]
    return json.dumps([FORMAT, sys.version, KERNEL, *versions])


class Notebooks:
    """This build's executed notebooks: stored, or being run in the background."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.scratch = Path(tempfile.mkdtemp(prefix="calcnotes-notebooks-"))  # when nothing is kept
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notebook")
        self.runs: dict[str, Future] = {}
        self.originals: dict[str, str] = {}
        self.counts = {"stored": 0, "run": 0}

    def _entry(self, source: Path) -> Path:
        """Where the executed copy of *source* is kept (ending in exercises/<name>, as the
        plugin's ``include`` pattern expects)."""
        return (self.directory or self.scratch) / _sha(_salt().encode() + source.read_bytes()) / source.parent.name

    def _stored(self, source: Path) -> Path | None:
        """The executed copy of *source*, if one is stored and what it imported is unchanged."""
        if self.directory is None:
            return None
        entry = self._entry(source)
        try:
            modules = json.loads((entry / "modules.json").read_text())
        except (OSError, ValueError):
            return None
        if all(Path(path).is_file() and _sha(Path(path).read_bytes()) == digest for path, digest in modules.items()):
            return entry / source.name
        return None

    def _run(self, source: Path) -> Path:
        notebook = nbformat.read(source, as_version=4)
        notebook.cells.append(nbformat.v4.new_code_cell(REPORT))
        client = NotebookClient(notebook, kernel_name=KERNEL, timeout=build_switches.timeout(), allow_errors=False,
                                record_timing=False, resources={"metadata": {"path": str(source.parent)}})
        try:
            client.execute()
        except CellExecutionError as error:
            raise PluginError(f"Notebook {source.name} raised in a cell:\n{error}") from None
        report = notebook.cells.pop()
        # A cell's prints reach the kernel's output in chunks whose borders depend on
        # timing (ipykernel flushes every 0.2 s): one text per cell, whatever the load.
        notebook, _ = CoalesceStreamsPreprocessor().preprocess(notebook, {})
        imported = json.loads("".join(out.get("text", "") for out in report.outputs if out.get("name") == "stdout"))
        target_dir = self._entry(source)
        target_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target_dir / source.name)
        modules = {path: _sha(Path(path).read_bytes()) for path in imported}
        (target_dir / "modules.json").write_text(json.dumps(modules))
        return target_dir / source.name

    def start(self, source: Path) -> None:
        if str(source) not in self.runs and self._stored(source) is None:
            self.runs[str(source)] = self.pool.submit(self._run, source)

    def executed(self, source: Path) -> Path:
        future = self.runs.pop(str(source), None)
        if future is None:
            stored = self._stored(source)
            if stored is not None:
                self.counts["stored"] += 1
                return stored
            future = self.pool.submit(self._run, source)
        self.counts["run"] += 1
        return future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self.scratch, ignore_errors=True)


_notebooks: Notebooks | None = None


def on_config(config):
    global _notebooks
    if _notebooks is not None:
        _notebooks.close()
    project = Path(config.config_file_path).parent
    cache = build_switches.exec_cache_dir(project)
    _notebooks = Notebooks(project / ".cache" / "notebooks" if cache is not None else None)
    return config


def _is_notebook(file) -> bool:
    from fnmatch import fnmatch

    return file.abs_src_path is not None and fnmatch(file.src_uri, PATTERN)


def on_files(files, config):
    for file in files:
        if _is_notebook(file):
            _notebooks.start(Path(file.abs_src_path))
    return files


@event_priority(50)  # before mkdocs-jupyter reads the notebook in its own on_pre_page
def on_pre_page(page, config, files):
    if _is_notebook(page.file):
        source = page.file.abs_src_path
        _notebooks.originals[page.file.src_uri] = source
        page.file.abs_src_path = str(_notebooks.executed(Path(source)))
    return page


def trimmed(page_html: str) -> str:
    """The notebook of a page as mkdocs-jupyter renders it, without what the site does not load.

    Dropped: from the first ``<style>`` to the notebook, ~600 KB of inlined
    JupyterLab CSS (exercises/notebook.css lays the cells out with Material's
    colours instead), and after it a MathJax and a Mermaid loader that point at
    a CDN (the math is typeset at build time, hooks/math_render.py). Kept: the
    notebook, and the copy buttons' script before the CSS.

    >>> trimmed('<script>copy</script><style>p{}</style><div class="jupyter-wrapper">'
    ...         '<p>cells</p><!-- jupyter-wrapper --><script src="cdn"></script>')
    '<script>copy</script><div class="jupyter-wrapper"><p>cells</p>'
    """
    head, wrapper, rest = page_html.partition('<div class="jupyter-wrapper">')
    if not wrapper:
        return page_html
    return head.partition("<style")[0] + wrapper + rest.partition("<!-- jupyter-wrapper -->")[0]


@event_priority(100)  # before other hooks read the page: they need not read the CSS
def on_page_content(html, page, config, files):
    original = _notebooks.originals.pop(page.file.src_uri, None)
    if original is None:
        return html
    page.file.abs_src_path = original  # the plugin publishes the notebook itself, unanswered
    return trimmed(html)


def on_post_build(config):
    counts = _notebooks.counts
    log.info(f"notebooks: {counts['stored']} stored, {counts['run']} run")
    _notebooks.close()


def on_build_error(error):
    if _notebooks is not None:
        _notebooks.close()
