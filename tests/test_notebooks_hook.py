"""The exercise notebooks: run by nbclient in the background, shown as pages of the site (hooks/notebooks.py)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import MKDOCS, ROOT, _clean_env, mkdocs_build

pytestmark = pytest.mark.site

NOTEBOOKS = sorted((ROOT / "docs" / "exercises").glob("*.ipynb"))


def _project(tmp_path: Path, notebooks: list[Path]) -> Path:
    """The site's configuration with the exercise notebooks only."""
    project = tmp_path / "project"
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "docs" / "exercises").mkdir(parents=True)
    for notebook in notebooks:
        shutil.copy(notebook, project / "docs" / "exercises" / notebook.name)
    shutil.copy(ROOT / "docs" / "exercises" / "notebook.css", project / "docs" / "exercises" / "notebook.css")
    (project / "docs" / "index.md").write_text("# Exercises\n")
    nav = "".join(f"  - exercises/{n.name}\n" for n in notebooks)
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - index.md\n{nav}watch: []\n"
        "plugins:\n  - search\n  - markdown-exec\n")
    return project


def _page(site: Path, notebook: Path) -> str:
    return (site / "exercises" / notebook.stem / "index.html").read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


SAMPLE = [NOTEBOOKS[0], NOTEBOOKS[-1]]  # two are enough here; the site build runs them all


def test_a_notebook_page_shows_every_cell_of_the_run_with_its_headings_in_the_contents(tmp_path):
    project = _project(tmp_path / "ours", SAMPLE)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"notebooks: 0 stored, {len(SAMPLE)} run" in result.stderr
    for notebook in SAMPLE:
        page = _page(tmp_path / "site", notebook)
        shown = _text(page[page.index('<div class="jupyter-wrapper">'):])
        cells = nbformat.read(notebook, as_version=4).cells
        run, = (project / ".cache" / "notebooks").glob(f"*/exercises/{notebook.name}")
        printed = [output.text for cell in nbformat.read(run, as_version=4).cells if cell.cell_type == "code"
                   for output in cell.outputs if output.output_type == "stream"]
        assert len(printed) >= 5  # the check cells' verdicts
        for cell in cells:
            if cell.cell_type == "code":
                assert cell.source.strip() in shown, (notebook.name, cell.source[:80])
        # what each cell printed, in one box per cell (however the kernel split it), in order
        outputs = re.findall(r'data-mime-type="text/plain"[^>]*>\s*<pre>(.*?)</pre>', page, re.S)
        assert [_text(out) for out in outputs] == printed
        headings = [line[3:].strip() for c in cells if c.cell_type == "markdown"
                    for line in c.source.splitlines() if line.startswith("## ")]
        toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', page, re.S)[0]
        assert [_text(t).strip() for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', toc, re.S)] \
            == headings
        for anchor in re.findall(r'href="#([^"]+)"', toc):
            assert f'id="{anchor}"' in page, anchor
        published = tmp_path / "site" / "exercises" / notebook.stem / notebook.name
        assert published.read_bytes() == notebook.read_bytes()  # the download is the notebook, unanswered
        assert "<style" not in page and "clipboard-copy" not in page


def test_a_build_whose_notebooks_are_all_stored_loads_neither_nbconvert_nor_nbclient(tmp_path):
    project = _project(tmp_path, SAMPLE[:1])
    env = {**_clean_env(), "CALCNOTES_EXEC_CACHE": str(tmp_path / "cache")}
    builds = []
    for name in ("first", "second"):
        builds.append(subprocess.run(
            [sys.executable, "-X", "importtime", str(MKDOCS), "build", "--strict", "--site-dir", str(tmp_path / name)],
            cwd=project, env=env, capture_output=True, text=True, timeout=600))
        assert builds[-1].returncode == 0, builds[-1].stderr[-3000:]
    imported = [set(re.findall(r"\|\s+(nbconvert|nbclient)\b", build.stderr)) for build in builds]
    assert imported == [{"nbconvert", "nbclient"}, set()]
    assert (tmp_path / "first" / "exercises" / SAMPLE[0].stem / "index.html").read_bytes() == \
        (tmp_path / "second" / "exercises" / SAMPLE[0].stem / "index.html").read_bytes()


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
