"""The exercise notebooks, run by nbclient in the background, render as mkdocs-jupyter renders them itself."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.site

NOTEBOOKS = sorted((ROOT / "docs" / "exercises").glob("*.ipynb"))


TRIM = """
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent / "hooks"))
from notebooks import trimmed


@event_priority(100)
def on_page_content(html, page, config, files):
    return trimmed(html) if page.file.src_uri.endswith(".ipynb") else html
"""


def _project(tmp_path: Path, notebooks: list[Path], *, plugin_runs_them: bool = False) -> Path:
    """The site's configuration with the exercise notebooks only."""
    project = tmp_path / "project"
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "docs" / "exercises").mkdir(parents=True)
    for notebook in notebooks:
        shutil.copy(notebook, project / "docs" / "exercises" / notebook.name)
    shutil.copy(ROOT / "docs" / "exercises" / "notebook.css", project / "docs" / "exercises" / "notebook.css")
    (project / "docs" / "index.md").write_text("# Exercises\n")
    nav = "".join(f"  - exercises/{n.name}\n" for n in notebooks)
    jupyter = ("  - mkdocs-jupyter:\n      include: ['exercises/*.ipynb']\n      ignore: ['*.md']\n"
               f"      execute: {'true' if plugin_runs_them else 'false'}\n      allow_errors: false\n"
               "      kernel_name: python3\n      include_source: true\n      no_prompt: true\n"
               "      ignore_h1_titles: true\n      highlight_extra_classes: highlight\n")
    # The plugin's own run: every hook of the site but the one that runs the notebooks.
    site_hooks = re.findall(r"^  - (hooks/\S+\.py)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    hooks = "" if not plugin_runs_them else "hooks:\n" + "".join(
        f"  - {hook}\n" for hook in site_hooks if hook != "hooks/notebooks.py") + "  - trim.py\n"
    if plugin_runs_them:  # the same trimming of the plugin's page as hooks/notebooks.py does
        (project / "trim.py").write_text(TRIM)
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - index.md\n{nav}watch: []\n"
        f"{hooks}plugins:\n  - search\n  - markdown-exec\n{jupyter}")
    return project


def _page(site: Path, notebook: Path) -> str:
    return (site / "exercises" / notebook.stem / "index.html").read_text(encoding="utf-8")


# Where the plugin's own run shows a cell's printed text in two boxes: the kernel
# sent it in two chunks (their border depends on timing). The hook joins them.
_STREAM_BORDER = re.compile(
    r'</pre>\n</div>\n</div>\n<div class="jp-OutputArea-child">\n'
    r'<div class="jp-RenderedText jp-OutputArea-output highlight" data-mime-type="text/plain" tabindex="0">\n<pre>')


def _joined_streams(html: str) -> str:
    return _STREAM_BORDER.sub("", html)


SAMPLE = [NOTEBOOKS[0], NOTEBOOKS[-1]]  # two are enough to compare; the site build runs them all


def test_the_exercise_pages_are_what_the_plugin_renders_when_it_runs_them_itself(tmp_path):
    ours = _project(tmp_path / "ours", SAMPLE)
    theirs = _project(tmp_path / "theirs", SAMPLE, plugin_runs_them=True)
    first = mkdocs_build(ours, tmp_path / "ours-site")
    assert first.returncode == 0, first.stderr[-3000:]
    assert f"notebooks: 0 stored, {len(SAMPLE)} run" in first.stderr
    plugin = mkdocs_build(theirs, tmp_path / "theirs-site")
    assert plugin.returncode == 0, plugin.stderr[-3000:]
    for notebook in SAMPLE:
        ours_page = _page(tmp_path / "ours-site", notebook)
        assert _joined_streams(ours_page) == ours_page  # already one text per cell
        assert ours_page == _joined_streams(_page(tmp_path / "theirs-site", notebook)), notebook.name
        published = tmp_path / "ours-site" / "exercises" / notebook.stem / notebook.name
        assert published.read_bytes() == notebook.read_bytes()  # the download is the notebook, unanswered


def test_a_stored_run_is_used_until_the_notebook_changes(tmp_path):
    project = _project(tmp_path, NOTEBOOKS[:1])
    cache = tmp_path / "cache"
    env = {"CALCNOTES_EXEC_CACHE": str(cache)}
    assert "notebooks: 0 stored, 1 run" in mkdocs_build(project, tmp_path / "a", env=env).stderr
    assert "notebooks: 1 stored, 0 run" in mkdocs_build(project, tmp_path / "b", env=env).stderr
    path = project / "docs" / "exercises" / NOTEBOOKS[0].name
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("One more note."))
    nbformat.write(notebook, path)
    assert "notebooks: 0 stored, 1 run" in mkdocs_build(project, tmp_path / "c", env=env).stderr


@pytest.mark.parametrize("args", [["-q"], []], ids=["-q --strict", "--strict"])
def test_a_notebook_whose_cell_raises_fails_the_build_naming_it(tmp_path, args):
    broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise ValueError('deliberately broken')")],
                                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                               "language": "python"}})
    path = tmp_path / "09-broken.ipynb"
    nbformat.write(broken, path)
    result = mkdocs_build(_project(tmp_path, [path]), tmp_path / "out", *args)
    assert result.returncode != 0
    assert "09-broken.ipynb" in result.stderr and "deliberately broken" in result.stderr
    site = tmp_path / "out"
    assert not site.exists() or "deliberately" not in json.dumps([p.read_text(errors="replace")
                                                                  for p in site.rglob("*.html")])
