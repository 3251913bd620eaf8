"""What a reader takes home: the package's wheel, each chapter as a notebook, its examples as a zip.

- The ``calcnotes`` wheel, built from this checkout with pip (``pip wheel
  --no-deps --no-build-isolation``), published as ``downloads/<wheel>``. It
  is built once per state of the package's sources, in the background from
  the start of the build, and kept in ``.cache/wheel/``.
- For each chapter page (a page whose examples live in one ``snippets/<folder>``):
  ``downloads/<folder>.ipynb``, the page as a notebook (its prose as Markdown
  cells, each example as a code cell, each caption under its figure), made
  from the page with nbformat and kept in ``.cache/downloads/`` until the
  page, a file it quotes or runs, or the versions change, and
  ``downloads/<folder>-examples.zip``, its examples as the scripts they are.
- ``config.extra.calcnotes``: the wheel's URL and ``pip install`` line (from
  ``site_url``) and the versions the outputs are made with; each chapter
  page's ``page.meta.downloads`` names its notebook and zip, and its
  exercise notebook (``exercises/NN-<page>.ipynb``) when there is one. The theme
  (``overrides/main.html``) shows them in the "Run it yourself" box.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import tomllib
import zipfile
from collections import Counter
from importlib import metadata, util
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

import build_switches

log = logging.getLogger("mkdocs.hooks.downloads")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?:python|py)\b(?P<options>[^\n]*\bexec="1"[^\n]*)\n'
    r'(?P=indent)--8<--\s+"(?P<path>snippets/(?P<folder>[^/"]+)/[^"]+\.py)"[ \t]*\n'
    r"(?P=indent)(?P=fence)[ \t]*$", re.M)
OPTION = re.compile(r'([-\w]+)="([^"]*)"')
QUOTE = re.compile(r'^(?P<indent>[ \t]*)--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"[ \t]*$', re.M)
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?) *(?P<kind>\w+)(?: +"(?P<title>[^"]*)")?\n(?P<body>(?:(?: {4}.*)?\n)+)', re.M)
LINK = re.compile(r"\]\((?!https?:|#|mailto:)(?P<target>[^)#\s]+?)\.md(?P<anchor>#[^)]*)?\)")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same examples give the same bytes


def versions() -> dict[str, str]:
    """The versions the examples' outputs are made with (this build's interpreter and venv)."""
    found = {"Python": sys.version.split()[0]}
    for name, distribution in (("NumPy", "numpy"), ("Matplotlib", "matplotlib"), ("calcnotes", "calcnotes")):
        try:
            found[name] = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


# ----- the wheel -----------------------------------------------------------------------


def wheel_name(root: Path = ROOT) -> str:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return f"{project['name']}-{project['version']}-py3-none-any.whl"


def source_digest(root: Path = ROOT) -> str:
    """SHA-256 of everything the wheel is built from."""
    digest = hashlib.sha256()
    paths = [root / name for name in ("pyproject.toml", "README.md", "LICENSE")]
    paths += sorted(p for p in (root / "src").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in paths:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_wheel(root: Path, destination: Path) -> Path:
    """Build the wheel of the project at *root* into *destination* (once per state of its sources).

    It is built from a copy of the sources in a temporary folder, so that
    builds running at once (``make serve`` beside ``make test``) never share
    setuptools' ``build/`` folder, and the checkout gets none.
    """
    target = destination / source_digest(root) / wheel_name(root)
    if target.is_file():
        return target
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work, "source")
        shutil.copytree(root / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            if (root / name).is_file():
                shutil.copy(root / name, copy / name)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
             "--wheel-dir", str(Path(work, "out")), str(copy)], capture_output=True, text=True)
        built = Path(work, "out", wheel_name(root))
        if result.returncode != 0 or not built.is_file():
            raise PluginError(f"could not build the calcnotes wheel:\n{result.stderr[-3000:]}")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        shutil.copy(built, partial)
        os.replace(partial, target)  # another build never sees half a wheel
    return target


# ----- a chapter as a notebook and a zip -------------------------------------------------


def chapter_folder(markdown: str) -> str | None:
    """The ``snippets/<folder>`` a page takes its examples from, if it is a chapter page."""
    if re.search(r"^::: ", markdown, re.M):  # the API page documents the package
        return None
    folders = Counter(m["folder"] for m in EXAMPLE.finditer(markdown))
    return folders.most_common(1)[0][0] if folders else None


def _quote(match: re.Match, root: Path) -> str:
    """A ``--8<--`` quote of a file (or a section of it), as the page shows it."""
    path = root / match["path"]
    if not path.is_file():
        return match[0]
    text = path.read_text(encoding="utf-8")
    if match["section"]:
        found = re.search(rf"--8<-- \[start:{re.escape(match['section'])}\][^\n]*\n(.*?)\n[^\n]*--8<-- "
                          rf"\[end:{re.escape(match['section'])}\]", text, re.S)
        if found is None:
            return match[0]
        text = textwrap.dedent(found[1])  # as the page shows it (dedent_subsections)
    return "\n".join(match["indent"] + line if line else line for line in text.rstrip("\n").split("\n"))


def _admonition(match: re.Match) -> str:
    title = match["title"] or match["kind"].capitalize()
    body = [line[4:] for line in match["body"].rstrip("\n").split("\n")]
    return "\n".join([f"> **{title}**", ">", *(f"> {line}".rstrip() for line in body)]) + "\n"


def _prose(text: str, root: Path, page_url: str) -> str:
    """Page Markdown as Jupyter reads it: quotes expanded, notes as block quotes, links to the site."""
    text = QUOTE.sub(lambda m: _quote(m, root), text)
    text = ADMONITION.sub(_admonition, text)

    def link(m: re.Match) -> str:
        target = PurePosixPath(m["target"])
        path = "" if target.name == "index" else f"{target.with_suffix('')}/"
        return f"]({page_url}../{path}{m['anchor'] or ''})"

    return LINK.sub(link, text).strip()


def _markdown_cell(source: str) -> dict:
    # nbformat's own new_markdown_cell checks each cell against the schema: the
    # notebook is checked once, whole (a build makes ~400 cells).
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def _code_cell(source: str, metadata: dict) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": metadata, "outputs": [], "source": source}


def chapter_notebook(markdown: str, root: Path, *, title: str, page_url: str, pip: str,
                     made_with: dict[str, str]) -> nbformat.NotebookNode:
    """The page as a notebook: prose in Markdown cells, each example a code cell, captions under figures."""
    import nbformat  # here: a build that finds every chapter's notebook kept does not load it

    made = ", ".join(f"{name} {version}" for name, version in made_with.items())
    cells = [_markdown_cell(
        f"*This notebook is the chapter “{title}” of calcnotes ([on the site]({page_url})), "
        f"its prose and its examples. It needs the package: `{pip}` "
        f"(NumPy and Matplotlib come with it). The site's outputs were made with {made}.*")]
    position = 0
    for match in EXAMPLE.finditer(markdown):
        prose = _prose(markdown[position:match.start()], root, page_url)
        for part in re.split(r"\n(?=## )", prose):
            if part.strip():
                cells.append(_markdown_cell(part.strip()))
        code = (root / match["path"]).read_text(encoding="utf-8").strip("\n")
        cells.append(_code_cell(code, {"calcnotes": {"example": match["path"]}}))
        caption = dict(OPTION.findall(match["options"])).get("caption")
        if caption:
            cells.append(_markdown_cell(f"*{caption}*"))
        position = match.end()
    tail = _prose(markdown[position:], root, page_url)
    for part in re.split(r"\n(?=## )", tail):
        if part.strip():
            cells.append(_markdown_cell(part.strip()))
    notebook = nbformat.from_dict({"nbformat": 4, "nbformat_minor": nbformat.v4.nbformat_minor, "cells": cells,
                                   "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                               "language": "python"},
                                                "language_info": {"name": "python"}}})
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number}"  # stable ids: the same page gives the same bytes
    nbformat.validate(notebook)
    return notebook


def examples_zip(markdown: str, root: Path, folder: str, readme: str) -> bytes:
    """The page's examples, as files ``<folder>/<name>.py``, with a README saying how to run them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(f"{folder}/README.txt", ZIP_TIME), readme)
        for path in dict.fromkeys(m["path"] for m in EXAMPLE.finditer(markdown)):
            info = zipfile.ZipInfo(f"{folder}/{PurePosixPath(path).name}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (root / path).read_bytes())
    return buffer.getvalue()


def _notebook_text(notebook) -> str:
    import nbformat

    return nbformat.writes(notebook) + "\n"


def _quoted(markdown: str, root: Path) -> dict[str, str | None]:
    """The text of every file the page quotes or runs (what its notebook is made from besides the page)."""
    found = {}
    for match in QUOTE.finditer(markdown):
        path = root / match["path"]
        found[match["path"]] = path.read_text(encoding="utf-8") if path.is_file() else None
    return found


def _kept(directory: Path | None, made_from: list, make) -> str:
    """``make()``, kept in *directory* under the digest of what it is *made_from* (and this hook's code)."""
    if directory is None:
        return make()
    key = hashlib.sha256(json.dumps([made_from, Path(__file__).read_text(encoding="utf-8"), metadata.version("nbformat")],
                                    sort_keys=True).encode()).hexdigest()
    entry = directory / f"{key}.ipynb"
    try:
        return entry.read_text(encoding="utf-8")
    except OSError:
        pass
    text = make()
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=directory, delete=False, encoding="utf-8") as partial:
        partial.write(text)
    os.replace(partial.name, entry)  # readers never see half a notebook
    return text


# ----- mkdocs events -------------------------------------------------------------------

_wheel: dict = {}
_chapters: dict[str, str] = {}  # chapter page (src_uri) -> its snippets folder


def _site_url(config) -> str:
    return (config.site_url or "").rstrip("/") + "/"


def checkout() -> Path:
    """The source tree of the ``calcnotes`` this build imports (an editable install of a checkout)."""
    spec = util.find_spec("calcnotes")
    root = Path(spec.origin).resolve().parents[2] if spec is not None and spec.origin else None
    if root is None or not (root / "pyproject.toml").is_file():
        raise PluginError("calcnotes must be installed from a checkout (pip install -e .) to build its wheel")
    return root


def on_config(config):
    """Start building the wheel; say where it will be and what the outputs are made with."""
    project = Path(config.config_file_path).parent
    source = checkout()
    name = wheel_name(source)
    url = f"{_site_url(config)}downloads/{name}"
    config.extra["calcnotes"] = {"wheel": f"downloads/{name}", "pip": f"pip install {url}",
                                 "versions": versions()}
    result: dict = {}

    def work() -> None:
        try:
            result["path"] = build_wheel(source, project / ".cache" / "wheel")
        except Exception as error:  # noqa: BLE001 - reported when the file is needed
            result["error"] = error

    thread = threading.Thread(target=work, name="wheel", daemon=True)
    thread.start()
    _wheel.clear()
    _wheel.update(thread=thread, result=result, name=name)
    return config


def on_files(files, config):
    project = Path(config.config_file_path).parent
    _chapters.clear()
    info = config.extra["calcnotes"]
    for file in list(files.documentation_pages()):
        if not file.src_uri.endswith(".md"):
            continue
        markdown = file.content_string
        folder = chapter_folder(markdown)
        if folder is None or file.src_uri == "index.md":
            continue
        title = re.search(r"^# (.+)$", markdown, re.M)
        page_url = _site_url(config) + file.url
        made = {"title": title[1] if title else folder, "page_url": page_url, "pip": info["pip"],
                "made_with": info["versions"]}
        notebook = _kept(project / ".cache" / "downloads" if build_switches.caches_on() else None,
                         [markdown, made, _quoted(markdown, project)],
                         lambda: _notebook_text(chapter_notebook(markdown, project, **made)))
        readme = (f"The examples of the chapter at {page_url}\n\nInstall the package:\n  {info['pip']}\n"
                  "then run any of them from this folder:  python <name>.py\n")
        files.append(File.generated(config, f"downloads/{folder}.ipynb", content=notebook))
        files.append(File.generated(config, f"downloads/{folder}-examples.zip",
                                    content=examples_zip(markdown, project, folder, readme)))
        _chapters[file.src_uri] = folder
    _wheel["file"] = File.generated(config, info["wheel"], abs_src_path=str(project / ".cache" / "wheel-pending"))
    files.append(_wheel["file"])
    return files


def exercises_for(page_uri: str, files) -> str | None:
    """The exercise notebook of a chapter page: ``exercises/NN-<page>.ipynb``, if there is one."""
    stem = PurePosixPath(page_uri).stem
    for file in files:
        name = PurePosixPath(file.src_uri)
        if name.parent.as_posix() == "exercises" and name.suffix == ".ipynb" \
                and re.fullmatch(rf"\d+-{re.escape(stem)}", name.stem):
            return file.src_uri
    return None


def on_page_markdown(markdown, page, config, files):
    folder = _chapters.get(page.file.src_uri)
    if folder is not None:
        page.meta["downloads"] = {"notebook": f"downloads/{folder}.ipynb",
                                  "examples": f"downloads/{folder}-examples.zip"}
        exercises = exercises_for(page.file.src_uri, files)
        if exercises is not None:
            page.meta["downloads"]["exercises"] = files.get_file_from_path(exercises).url
    return markdown


def on_env(env, config, files):
    """Before static files are copied: the wheel must be built."""
    _wheel["thread"].join()
    if "error" in _wheel["result"]:
        raise _wheel["result"]["error"]
    _wheel["file"].abs_src_path = str(_wheel["result"]["path"])
    return env
