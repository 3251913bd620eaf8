"""What a reader takes home works: the served wheel, every example with only it installed, every chapter notebook."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT, SNIPPETS, _clean_env
from conftest import example_cache  # noqa: F401  (hooks/ is on sys.path)

import downloads  # hooks/downloads.py

pytestmark = pytest.mark.site

SITE_URL = "https://calcnotes.github.io/calcnotes/"
CHAPTERS = {path.stem: downloads.chapter_folder(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / "docs").glob("*.md")) if path.name != "index.md"}
CHAPTERS = {page: folder for page, folder in CHAPTERS.items() if folder}
MARKUP = re.compile(r"<(?:svg|figure|table|div|script)\b|@@calcnotes")


def test_every_chapter_has_a_notebook_a_zip_and_the_pip_line_for_the_served_wheel(built_site):
    wheel = downloads.wheel_name()
    assert (built_site / "downloads" / wheel).is_file()
    assert len(CHAPTERS) >= 7
    for page, folder in CHAPTERS.items():
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert f"pip install {SITE_URL}downloads/{wheel}" in html, page
        for name in (f"{folder}.ipynb", f"{folder}-examples.zip"):
            assert f'href="../downloads/{name}"' in html, (page, name)
            assert (built_site / "downloads" / name).is_file()
        made = f"Python {sys.version.split()[0]}, NumPy {metadata.version('numpy')}, "
        assert made in " ".join(html.split()), page


def test_the_wheel_holds_the_package_its_player_and_its_licence(built_site):
    with zipfile.ZipFile(built_site / "downloads" / downloads.wheel_name()) as wheel:
        names = set(wheel.namelist())
    assert {"calcnotes/__init__.py", "calcnotes/viz/player.js", "calcnotes/viz/figure.css"} <= names
    assert any(name.endswith("LICENSE") for name in names), sorted(names)[-8:]


def test_a_chapters_zip_holds_exactly_its_examples_byte_for_byte(built_site):
    for page, folder in CHAPTERS.items():
        with zipfile.ZipFile(built_site / "downloads" / f"{folder}-examples.zip") as archive:
            stored = {name: archive.read(name) for name in archive.namelist()}
        expected = {f"{folder}/{p.name}": p.read_bytes() for p in (SNIPPETS / folder).glob("*.py")}
        assert {k: v for k, v in stored.items() if k.endswith(".py")} == expected, page
        assert "pip install" in stored[f"{folder}/README.txt"].decode()


def _fresh_venv(path: Path) -> Path:
    """A new virtual environment with the served wheel installed and nothing else of this project.

    NumPy and Matplotlib come from this environment's site-packages (a path in a
    .pth file: its own .pth files, the editable calcnotes among them, are not read).
    """
    venv.EnvBuilder(with_pip=True).create(path)
    python = path / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


@pytest.fixture(scope="module")
def fresh_python(built_site, tmp_path_factory) -> Path:
    python = _fresh_venv(tmp_path_factory.mktemp("fresh") / "venv")
    wheel = built_site / "downloads" / downloads.wheel_name()
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    return python


def test_the_fresh_environment_imports_calcnotes_from_the_wheel_only(fresh_python):
    found = subprocess.run([fresh_python, "-c", "import calcnotes; print(calcnotes.__file__)"],
                           capture_output=True, text=True, check=True, env=_clean_env()).stdout
    assert str(fresh_python.parent.parent) in found and str(ROOT / "src") not in found


def _reader_env() -> dict[str, str]:
    env = {**_clean_env(), "MPLBACKEND": "Agg"}
    env.pop("CALCNOTES_SHOW", None)
    return env


def _in_a_folder_of_its_own(script: Path, folder: Path) -> Path:
    folder.mkdir()
    copy = folder / script.name
    copy.write_bytes(script.read_bytes())
    return copy


def _check_runs(runs: dict[str, tuple[int, str, str]], folders: dict[str, Path]) -> None:
    """Each run exited 0, printed no markup, and the files it says it saved are there."""
    assert not {name: err[-800:] for name, (code, out, err) in runs.items() if code != 0}
    assert not [name for name, (code, out, err) in runs.items() if MARKUP.search(out)]
    for name, (code, out, err) in runs.items():
        for saved in re.findall(r"Saved the (?:figure|animation) to (\S+?)(?::|$)", out, re.M):
            assert (folders[name] / saved).stat().st_size > 1000, (name, saved)


def test_every_downloaded_example_runs_in_an_empty_folder_with_only_the_wheel_and_prints_no_markup(
        built_site, fresh_python, tmp_path):
    """Every example, in a folder of its own, in the fresh environment (tests/forked_runs.py:
    one interpreter per core imports NumPy and Matplotlib once and forks a run per example)."""
    scripts = sorted((built_site / "snippets").rglob("*.py"))
    assert len(scripts) == len(list(SNIPPETS.rglob("*.py")))
    names = [script.relative_to(script.parents[1]).as_posix() for script in scripts]
    copies = [_in_a_folder_of_its_own(script, tmp_path / f"run{k}") for k, script in enumerate(scripts)]
    cores = os.cpu_count() or 2
    shares = [[str(copy) for copy in copies[k::cores]] for k in range(cores)]

    def run_share(k: int) -> None:
        subprocess.run([fresh_python, ROOT / "tests" / "forked_runs.py", tmp_path / f"share{k}.json", *shares[k]],
                       env=_reader_env(), check=True, timeout=900)

    with ThreadPoolExecutor(max_workers=cores) as pool:
        list(pool.map(run_share, range(cores)))
    statuses = {}
    for k in range(cores):
        statuses.update(json.loads((tmp_path / f"share{k}.json").read_text(encoding="utf-8")))
    runs = {name: (statuses[str(copy)], (copy.parent / "stdout.txt").read_text(encoding="utf-8"),
                   (copy.parent / "stderr.txt").read_text(encoding="utf-8"))
            for name, copy in zip(names, copies)}
    assert len(runs) == len(scripts)
    _check_runs(runs, {name: copy.parent for name, copy in zip(names, copies)})


# One example of each kind of output: a figure, an animation, a table, text.
FRESH_SAMPLES = ["gradients/surface_and_contours.py", "derivatives/tangent_slider_sin.py",
                 "autodiff/cost_table.py", "numerical/check_square.py"]


@pytest.mark.parametrize("name", FRESH_SAMPLES)
def test_an_example_of_each_kind_runs_as_python_example_py_in_a_fresh_interpreter(
        built_site, fresh_python, tmp_path, name):
    copy = _in_a_folder_of_its_own(built_site / "snippets" / name, tmp_path / "run")
    result = subprocess.run([fresh_python, copy.name], cwd=copy.parent, env=_reader_env(),
                            capture_output=True, text=True, timeout=300)
    _check_runs({name: (result.returncode, result.stdout, result.stderr)}, {name: copy.parent})
    assert result.stdout.strip()


def test_a_forked_run_fails_as_python_would_on_an_error_an_exit_code_and_a_missing_import(
        fresh_python, tmp_path):
    scripts = {"raises.py": "raise ValueError('no')\n", "exits.py": "import sys\nsys.exit(3)\n",
               "says.py": "import sys\nsys.exit('stopped')\n", "forgets.py": "print(np.pi)\n",
               "guarded.py": "if __name__ == '__main__':\n    print('ran')\n"}
    copies = []
    for name, code in scripts.items():
        (tmp_path / name[:-3]).mkdir()
        (tmp_path / name[:-3] / name).write_text(code)
        copies.append(str(tmp_path / name[:-3] / name))
    subprocess.run([fresh_python, ROOT / "tests" / "forked_runs.py", tmp_path / "r.json", *copies],
                   env=_reader_env(), check=True, timeout=120)
    statuses = {Path(k).name: v for k, v in json.loads((tmp_path / "r.json").read_text()).items()}
    assert statuses == {"raises.py": 1, "exits.py": 3, "says.py": 1, "forgets.py": 1, "guarded.py": 0}
    assert "ValueError: no" in (tmp_path / "raises" / "stderr.txt").read_text()
    assert "stopped" in (tmp_path / "says" / "stderr.txt").read_text()
    assert "NameError" in (tmp_path / "forgets" / "stderr.txt").read_text()
    assert (tmp_path / "guarded" / "stdout.txt").read_text() == "ran\n"


@pytest.mark.parametrize("page", sorted(CHAPTERS))
def test_the_chapter_notebook_is_the_page_and_every_cell_runs(built_site, page):
    folder = CHAPTERS[page]
    notebook = nbformat.read(built_site / "downloads" / f"{folder}.ipynb", as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    markdown = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    included = [m["path"] for m in downloads.EXAMPLE.finditer(markdown)]
    assert [cell.metadata["calcnotes"]["example"] for cell in code] == included
    assert [cell.source for cell in code] == [(ROOT / p).read_text(encoding="utf-8").strip("\n") for p in included]
    assert "pip install" in notebook.cells[0].source
    NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(built_site)}}).execute()
    assert all(cell.outputs for cell in code), [cell.source[:60] for cell in code if not cell.outputs]
    shown = json.dumps([cell.outputs for cell in code])
    assert "@@calcnotes" not in shown and "Traceback" not in shown


def test_the_notebook_turns_notes_into_quotes_quotes_into_code_and_links_into_the_site(tmp_path):
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    (tmp_path / "snippets" / "demo" / "a.py").write_text('"""A."""\nprint(1)\n')
    (tmp_path / "lib.py").write_text("x = 0\n# --8<-- [start:core]\ny = 1\n# --8<-- [end:core]\n")
    page = ("# Demo\n\nSee [the rules](rules.md#power) first.\n\n"
            '!!! note "Careful"\n    Round-off is real.\n\n'
            '```python\n--8<-- "lib.py:core"\n```\n\n'
            '```python exec="1" source="tabbed-right" tabs="Code|Output" alt="A picture of one." caption="One."\n'
            '--8<-- "snippets/demo/a.py"\n```\n\n## After\n\nThe end.\n')
    notebook = downloads.chapter_notebook(page, tmp_path, title="Demo", page_url=f"{SITE_URL}demo/",
                                          pip="pip install x", made_with={"Python": "3"})
    sources = [cell.source for cell in notebook.cells]
    assert f"[the rules]({SITE_URL}demo/../rules/#power)" in sources[1]
    assert "> **Careful**\n>\n> Round-off is real." in sources[1]
    assert "```python\ny = 1\n```" in sources[1] and "x = 0" not in sources[1]
    assert sources[2] == '"""A."""\nprint(1)' and sources[3] == "*One.*"
    assert sources[4] == "## After\n\nThe end."


def test_a_kept_chapter_notebook_is_made_again_when_its_page_or_a_file_it_runs_changes(tmp_path):
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    example = tmp_path / "snippets" / "demo" / "one.py"
    example.write_text('print("one")\n')
    page = '# Demo\n\n```python exec="1"\n--8<-- "snippets/demo/one.py"\n```\n'
    made = {"title": "Demo", "page_url": "https://example.org/demo/", "pip": "pip install x", "made_with": {}}
    kept = tmp_path / "kept"

    def notebook(markdown: str) -> dict:
        text = downloads._kept(kept, [markdown, made, downloads._quoted(markdown, tmp_path)],
                               lambda: downloads._notebook_text(downloads.chapter_notebook(markdown, tmp_path, **made)))
        return json.loads(text)

    def code(nb: dict) -> list[str]:
        return ["".join(cell["source"]) for cell in nb["cells"] if cell["cell_type"] == "code"]

    assert code(notebook(page)) == ['print("one")']
    assert len(list(kept.iterdir())) == 1
    assert code(notebook(page)) == ['print("one")'] and len(list(kept.iterdir())) == 1  # kept, not made again
    example.write_text('print("two")\n')
    assert code(notebook(page)) == ['print("two")']
    assert "More prose." in json.dumps(notebook(page + "\nMore prose.\n"))
    assert len(list(kept.iterdir())) == 3
