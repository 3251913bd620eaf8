"""The execution cache serves an example's output again only while nothing it depends on changed."""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

BLOCK = '```python exec="1" {options}\n--8<-- "snippets/demo/{name}.py"\n```\n'
DEFAULT_OPTIONS = 'source="tabbed-right" tabs="Code|Output"'


def _example(counter: Path, name: str, body: str = 'print(f"| {NAME} |\\n|---|\\n| 1 |")') -> str:
    """An example that notes each of its runs in *counter*, then runs *body*."""
    return (
        f'"""Example {name}: counts its runs."""\n'
        f"NAME = {name!r}\n"
        f"with open({str(counter)!r}, 'a') as runs:\n"
        "    runs.write(NAME + '\\n')\n"
        f"{body}\n"
    )


class Project:
    """A one-page copy of the site's configuration whose examples count their runs."""

    def __init__(self, tmp_path: Path, examples: dict[str, str | None], options: str = DEFAULT_OPTIONS):
        self.root = tmp_path / "project"
        self.counter = tmp_path / "runs.txt"
        self.cache = tmp_path / "exec-cache"
        for name in ("hooks", "overrides"):
            shutil.copytree(ROOT / name, self.root / name)
        (self.root / "node_modules").symlink_to(ROOT / "node_modules")
        for name in ("javascripts", "stylesheets"):
            shutil.copytree(ROOT / "docs" / name, self.root / "docs" / name)
        (self.root / "snippets" / "demo").mkdir(parents=True)
        for name, body in examples.items():
            self.write_example(name, body)
        self.write_page(list(examples), options)
        (self.root / "mkdocs.yml").write_text(
            f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - index.md\n"
            "watch: []\nplugins:\n  - search\n  - markdown-exec\n"
        )

    def write_example(self, name: str, body: str | None = None) -> None:
        path = self.root / "snippets" / "demo" / f"{name}.py"
        path.write_text(_example(self.counter, name, *([body] if body else [])))

    def write_page(self, names: list[str], options: str = DEFAULT_OPTIONS) -> None:
        blocks = "\n".join(BLOCK.format(options=options, name=name) for name in names)
        (self.root / "docs" / "index.md").write_text(f"# Demo\n\n{blocks}")

    def runs(self, name: str) -> int:
        """How many times example *name* has run so far."""
        if not self.counter.exists():
            return 0
        return self.counter.read_text().split().count(name)

    def build(self, *, ok: bool = True, **env: str):
        """``mkdocs build --strict`` with the cache in ``self.cache`` (or as *env* says)."""
        result = mkdocs_build(
            self.root, self.root / "site", env={"CALCNOTES_EXEC_CACHE": str(self.cache), **env}
        )
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    def page(self) -> str:
        return (self.root / "site" / "index.html").read_text(encoding="utf-8")


def _summary(result) -> dict[str, int]:
    """The numbers of the hook's summary line: cached, workers, here."""
    line = re.search(r"exec_cache: (\d+) blocks: (\d+) from the cache, (\d+) run in workers, (\d+) run here",
                     result.stderr)
    assert line, result.stderr
    total, cached, workers, here = map(int, line.groups())
    return {"total": total, "cached": cached, "workers": workers, "here": here}


def test_a_second_build_serves_every_example_from_the_cache_and_renders_the_same_page(tmp_path):
    project = Project(tmp_path, {"one": None, "two": None})
    first = project.build(CALCNOTES_EXEC_CACHE="")  # the default place: .cache/exec in the project
    page = project.page()
    second = project.build(CALCNOTES_EXEC_CACHE="")
    assert project.runs("one") == project.runs("two") == 1
    assert _summary(first)["cached"] == 0 and _summary(second)["cached"] == 2
    assert project.page() == page
    assert len(list((project.root / ".cache" / "exec").glob("*.txt"))) == 2


def test_a_cached_output_is_exactly_what_the_example_printed(tmp_path):
    body = 'print("<pre>carriage\\rreturn, crlf\\r\\nend, trailing   \\n\\nπ ≈ 3.14 ✓</pre>", end="  ")'
    project = Project(tmp_path, {"exact": body}, options='html="1"')
    project.build()
    page = (project.root / "site" / "index.html").read_bytes()
    assert "carriage\rreturn, crlf\r\nend, trailing   \n\nπ ≈ 3.14 ✓".encode() in page
    project.build()
    assert project.runs("exact") == 1
    assert (project.root / "site" / "index.html").read_bytes() == page


def test_examples_missing_from_the_cache_run_in_worker_processes_as_well(tmp_path):
    project = Project(tmp_path, {name: None for name in ("a", "b", "c", "d")})
    counts = _summary(project.build(CALCNOTES_EXEC_WORKERS="1"))
    assert counts["total"] == 4 and counts["cached"] == 0
    # The worker starts with the last example, the build process with the first.
    assert counts["workers"] >= 1 and counts["here"] >= 1
    assert all(project.runs(name) == 1 for name in "abcd")
    assert "<td>1</td>" in project.page() and "<th>d</th>" in project.page()


def test_editing_an_example_runs_it_again_and_only_it(tmp_path):
    project = Project(tmp_path, {"kept": None, "edited": None})
    project.build()
    project.write_example("edited", 'print("| edited again |\\n|---|\\n| 2 |")')
    project.build()
    assert project.runs("kept") == 1 and project.runs("edited") == 2
    assert "edited again" in project.page()


def test_editing_any_file_of_the_calcnotes_package_runs_every_example_again(tmp_path):
    show = 'import calcnotes\nprint(f"| {NAME} |\\n|---|\\n| {calcnotes.VALUE} |")'
    project = Project(tmp_path, {"one": show, "two": show})
    package = tmp_path / "src" / "calcnotes"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("VALUE = 1\n")
    (package / "unused.py").write_text("# not imported by any example\n")
    with_package = {"PYTHONPATH": str(tmp_path / "src")}  # imported instead of the real one
    project.build(**with_package)
    (package / "unused.py").write_text("# edited\n")
    project.build(**with_package)
    assert project.runs("one") == project.runs("two") == 2
    (package / "__init__.py").write_text("VALUE = 7\n")
    project.build(**with_package)
    assert project.runs("one") == project.runs("two") == 3
    assert "<td>7</td>" in project.page()


@pytest.mark.parametrize("options", ['source="tabbed-right" tabs="Source|Result"', 'html="1"', ""])
def test_changing_a_block_option_runs_the_example_again(tmp_path, options):
    project = Project(tmp_path, {"one": None})
    project.build()
    project.write_page(["one"], options)
    project.build()
    assert project.runs("one") == 2


def test_an_example_that_raises_is_never_cached_and_fails_every_strict_build(tmp_path):
    broken = 'raise RuntimeError("deliberately broken")'
    project = Project(tmp_path, {"fine": None, "broken_example": broken, "also_fine": None})
    for build in (1, 2):
        result = project.build(ok=False)
        assert result.returncode != 0
        assert "broken_example.py" in result.stderr and "deliberately broken" in result.stderr
        assert project.runs("broken_example") >= build  # run again by every build
    assert project.runs("fine") == project.runs("also_fine") == 1
    assert len(list(project.cache.glob("*.txt"))) == 2  # the two that work


def test_output_naming_markdown_execs_generated_module_is_not_stored(tmp_path):
    # markdown-exec names the module after the block's rank in the build, which a cache cannot know.
    project = Project(tmp_path, {"names": 'print(f"`{__name__}`")'})
    project.build()
    project.build()
    assert project.runs("names") == 2


def test_turned_off_the_cache_stores_nothing_and_every_build_runs_every_example(tmp_path):
    project = Project(tmp_path, {"one": None, "two": None})
    project.build(CALCNOTES_EXEC_CACHE="0")
    project.build(CALCNOTES_EXEC_CACHE="0")
    assert project.runs("one") == project.runs("two") == 2
    assert not project.cache.exists() and not (project.root / ".cache").exists()
    assert "exec_cache:" not in project.build(CALCNOTES_EXEC_CACHE="0").stderr


def _differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two site folders (or are in only one)."""
    compare = filecmp.dircmp(left, right)
    found = [*compare.left_only, *compare.right_only, *compare.diff_files, *compare.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compare.common_files, shallow=False)
    found += mismatch + errors
    for sub in compare.common_dirs:
        found += [f"{sub}/{name}" for name in _differences(left / sub, right / sub)]
    return sorted(set(found))


def _chapter_one(tmp_path: Path) -> Path:
    """A project of the real chapter 1 page alone, with the real examples and configuration."""
    project = tmp_path / "chapter"
    for name in ("hooks", "overrides", "snippets"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    for name in ("javascripts", "stylesheets"):
        shutil.copytree(ROOT / "docs" / name, project / "docs" / name)
    shutil.copy(ROOT / "docs" / "derivatives.md", project / "docs" / "derivatives.md")
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - derivatives.md\n"
        "watch: []\nplugins:\n  - search\n  - markdown-exec\n"
        # links to the chapters left out are not this test's business
        "validation:\n  not_found: info\n  unrecognized_links: info\n  anchors: info\n"
    )
    return project


@pytest.mark.site
def test_chapter_one_is_byte_identical_run_by_markdown_exec_by_workers_and_from_the_cache(tmp_path):
    # Its tables, figures, 3-D figures and animations: every kind of output the examples print.
    project, cache = _chapter_one(tmp_path), tmp_path / "exec-cache"
    shipped = mkdocs_build(project, tmp_path / "shipped", env={"CALCNOTES_EXEC_CACHE": "0"})
    assert shipped.returncode == 0, shipped.stderr[-6000:]
    cold = mkdocs_build(project, tmp_path / "cold", env={"CALCNOTES_EXEC_CACHE": str(cache)})
    assert cold.returncode == 0, cold.stderr[-6000:]
    warm = mkdocs_build(project, tmp_path / "warm", env={"CALCNOTES_EXEC_CACHE": str(cache)})
    assert warm.returncode == 0, warm.stderr[-6000:]
    assert _summary(cold)["workers"] >= 1
    assert _summary(warm)["cached"] == _summary(warm)["total"] == _summary(cold)["total"] > 1
    assert _differences(tmp_path / "shipped", tmp_path / "cold") == []
    assert _differences(tmp_path / "shipped", tmp_path / "warm") == []


@pytest.mark.site
def test_the_real_site_rebuilt_from_the_cache_is_byte_identical_and_runs_nothing(
    built_site, site_exec_cache, tmp_path
):
    # built_site ran every example from an empty cache. (Not compared with a second cold
    # build: an example that prints its own timings differs from run to run anyway.)
    cached = mkdocs_build(ROOT, tmp_path / "cached", env={"CALCNOTES_EXEC_CACHE": str(site_exec_cache)})
    assert cached.returncode == 0, cached.stderr[-6000:]
    counts = _summary(cached)
    assert counts["cached"] == counts["total"] > 0
    assert _differences(built_site, tmp_path / "cached") == []
