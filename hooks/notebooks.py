"""The exercise notebooks as pages: run with nbclient while the pages render, shown with nbconvert.

Each notebook (``docs/exercises/*.ipynb``) becomes a page of the site, at
``exercises/<name>/``, and the notebook itself is published beside it for
download, unanswered (``exercises/<name>/<name>.ipynb``).

- Run: each notebook runs once, as soon as the files are known, in a
  background thread with nbclient (its public ``NotebookClient``; the kernel is
  its own process), while the examples and pages proceed. The run copy is
  kept in ``.cache/notebooks/`` under a key made of the notebook, the versions
  of Python, NumPy and Matplotlib, and the files of ``calcnotes`` the run
  imported (recorded by one extra cell, dropped before the copy is stored), so
  it is used again until one of them changes. A cell that raises fails the
  build, naming the notebook and the cell, in every mode.
- Shown: the run copy as HTML (``notebook_html``: nbconvert's HTMLExporter),
  with the page's table of contents from its headings; the HTML is kept in
  ``.cache/notebook-pages/``, keyed on the run copy and the renderer, so a
  build that changes no notebook loads neither nbconvert nor nbclient.

``CALCNOTES_EXEC_CACHE=0`` keeps nothing between builds.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import sys
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import metadata
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

import build_switches
import notebook_html

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
        self.counts = {"stored": 0, "run": 0}

    def _entry(self, source: Path) -> Path:
        """Where the run copy of *source* is kept."""
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
        from nbclient import NotebookClient  # here: a build with every run stored loads neither
        from nbclient.exceptions import CellExecutionError
        from nbconvert.preprocessors import CoalesceStreamsPreprocessor
        import nbformat

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


def page_html(executed: Path, directory: Path | None, used: set[Path]) -> tuple[str, list[dict]]:
    """The page HTML and table-of-contents tokens of a run notebook, kept in *directory* (added to *used*)."""
    entry = None
    if directory is not None:
        entry = directory / f"{_sha(notebook_html.salt().encode() + executed.read_bytes())}.json"
        used.add(entry)
        try:
            kept = json.loads(entry.read_text(encoding="utf-8"))
            return kept["html"], kept["toc"]
        except (OSError, ValueError, KeyError):
            pass
    import nbformat  # here: a build that finds every page kept does not load it

    html, toc = notebook_html.render(nbformat.read(executed, as_version=4))
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=entry.parent, delete=False, encoding="utf-8") as partial:
            json.dump({"html": html, "toc": toc}, partial)
        Path(partial.name).replace(entry)  # readers never see half an entry
    return html, toc


class NotebookPage(File):
    """A notebook that is a page of the site (MkDocs makes pages of Markdown files only)."""

    def is_documentation_page(self) -> bool:
        return True


_notebooks: Notebooks | None = None
_pages_dir: Path | None = None
_pages_used: set[Path] = set()
_dirty = False
ANCHOR = re.compile(r'\sid="([^"]+)"')


def on_startup(command, dirty):
    global _dirty
    _dirty = dirty


def on_config(config):
    global _notebooks, _pages_dir
    if _notebooks is not None:
        _notebooks.close()
    project = Path(config.config_file_path).parent
    cache = build_switches.exec_cache_dir(project)
    _notebooks = Notebooks(project / ".cache" / "notebooks" if cache is not None else None)
    _pages_dir = project / ".cache" / "notebook-pages" if cache is not None else None
    _pages_used.clear()
    return config


def _is_notebook(file) -> bool:
    return file.abs_src_path is not None and fnmatch(file.src_uri, PATTERN)


def on_files(files, config):
    for file in [f for f in files if _is_notebook(f)]:
        _notebooks.start(Path(file.abs_src_path))
        files.remove(file)
        files.append(NotebookPage(file.src_path, file.src_dir, file.dest_dir, config.use_directory_urls))
        stem = PurePosixPath(file.src_uri)
        download = f"{stem.parent}/{stem.stem}/{stem.name}"  # beside the page, under the notebook's own name
        files.append(File.generated(config, download, abs_src_path=file.abs_src_path))
    return files


@event_priority(100)  # first: no other hook reads a notebook's JSON as Markdown
def on_page_markdown(markdown, page, config, files):
    return "" if isinstance(page.file, NotebookPage) else markdown


@event_priority(100)  # before the math is typeset and the search index reads the page
def on_page_content(html, page, config, files):
    if not isinstance(page.file, NotebookPage):
        return html
    source = Path(page.file.abs_src_path)
    html, toc = page_html(_notebooks.executed(source), _pages_dir, _pages_used)
    page.toc = get_toc(toc)
    page.present_anchor_ids = set(ANCHOR.findall(html))
    page.meta["notebook"] = source.name  # the theme offers it for download
    return html


def on_post_build(config):
    counts = _notebooks.counts
    log.info(f"notebooks: {counts['stored']} stored, {counts['run']} run")
    _notebooks.close()
    if _pages_dir is not None and _pages_dir.is_dir() and not _dirty:  # a whole build: what it did not use is stale
        for entry in _pages_dir.glob("*.json"):
            if entry not in _pages_used:
                entry.unlink(missing_ok=True)


def on_build_error(error):
    if _notebooks is not None:
        _notebooks.close()
