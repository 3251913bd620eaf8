"""A page's kept HTML (hooks/page_cache.py) stands in for its conversion only while nothing it is made from changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build, site_differences

pytestmark = pytest.mark.site

CONFIG = """\
site_name: page cache
site_url: https://example.org/
theme: material
hooks:
  - hooks/examples.py
  - hooks/page_cache.py
plugins:
  - search
  - markdown-exec
  - autorefs
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: true
validation:
  anchors: warn
"""

INDEX = """\
---
title: "The first page"
---

# First

## The heading

Prose of the first page.

```python exec="1" source="tabbed-right" tabs="Code|Output" title="table.py"
--8<-- "snippets/demo/table.py"
```

```python
--8<-- "snippets/demo/library.py:part"
```
"""

OTHER = """\
# Other

See [the heading](index.md#the-heading) and [the same, by autorefs][the-heading].
"""

TABLE = 'print("| x | x squared |\\n| --- | --- |\\n| 3 | 9 |")\n'
LIBRARY = "# --8<-- [start:part]\ndef quoted():\n    return 1\n# --8<-- [end:part]\n"


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "docs").mkdir()
    (project / "snippets" / "demo").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(CONFIG)
    (project / "docs" / "index.md").write_text(INDEX)
    (project / "docs" / "other.md").write_text(OTHER)
    (project / "snippets" / "demo" / "table.py").write_text(TABLE)
    (project / "snippets" / "demo" / "library.py").write_text(LIBRARY)
    return project


class Builds:
    """Builds of one project, each into its own site folder, sharing the project's caches."""

    def __init__(self, tmp_path: Path, **env: str) -> None:
        self.project, self.tmp = _project(tmp_path), tmp_path
        self.env = {"CALCNOTES_EXEC_CACHE": str(tmp_path / "outputs"), **env}
        self.count = 0

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.project / name
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))

    def build(self, *, strict: bool = True):
        self.count += 1
        site = self.tmp / f"site{self.count}"
        result = mkdocs_build(self.project, site, env=self.env, strict=strict)
        found = re.search(r"pages: (\d+) kept, (\d+) converted", result.stderr)
        kept = (int(found[1]), int(found[2])) if found else None
        return result, kept, site

    def page(self, site: Path, name: str) -> str:
        return (site / name / "index.html" if name else site / "index.html").read_text()


def test_a_second_build_keeps_every_page_and_makes_the_same_site(tmp_path):
    builds = Builds(tmp_path)
    first, kept, site = builds.build()
    assert first.returncode == 0, first.stderr[-3000:]
    assert kept == (0, 2)
    second, kept, again = builds.build()
    assert second.returncode == 0, second.stderr[-3000:]
    assert kept == (2, 0)
    assert "x squared" in builds.page(again, "")
    assert site_differences(site, again) == []


def test_a_page_is_converted_again_when_what_it_is_made_from_changes(tmp_path):
    builds = Builds(tmp_path)
    assert builds.build()[1] == (0, 2)
    edits = [  # (file, old, new, what the first page then shows)
        ("docs/index.md", "Prose of the first page.", "Edited prose.", "Edited prose."),
        ("snippets/demo/library.py", "return 1", "return 2", "2</span>"),
        ("snippets/demo/table.py", "| 3 | 9 |", "| 4 | 16 |", "<td>16</td>"),
        ("docs/index.md", 'title: "The first page"', 'title: "A new title"', "<title>A new title"),
    ]
    for name, old, new, shown in edits:
        builds.edit(name, old, new)
        result, kept, site = builds.build()
        assert result.returncode == 0, result.stderr[-3000:]
        assert kept == (1, 1), name  # the other page is kept
        assert shown in builds.page(site, ""), name


def test_links_into_a_kept_page_are_checked_against_its_anchors_and_resolve(tmp_path):
    builds = Builds(tmp_path)
    assert builds.build()[0].returncode == 0
    builds.edit("docs/other.md", "See", "Now see")  # converted; the first page is kept
    result, kept, site = builds.build()
    assert result.returncode == 0, result.stderr[-3000:]
    assert kept == (1, 1)
    other = builds.page(site, "other")
    assert other.count('href="../#the-heading"') == 2  # the Markdown link and the autorefs one

    builds.edit("docs/other.md", "index.md#the-heading", "index.md#no-such-heading")
    result, kept, _ = builds.build()
    assert kept == (1, 1)
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-heading'" in result.stderr


def test_a_page_that_warned_is_converted_and_warns_again_on_every_build(tmp_path):
    builds = Builds(tmp_path)
    builds.edit("docs/other.md", "See", "See [a missing page](missing.md) and")
    for _ in range(2):
        result, kept, _ = builds.build(strict=False)
        assert result.returncode == 0
        assert "missing.md" in result.stderr
        assert kept[1] >= 1  # the page with the warning is converted each time
    assert builds.build()[0].returncode != 0  # and --strict still fails


def test_with_the_caches_off_every_page_is_converted(tmp_path):
    builds = Builds(tmp_path, CALCNOTES_EXEC_CACHE="0")
    for _ in range(2):
        result, kept, _ = builds.build()
        assert result.returncode == 0, result.stderr[-3000:]
        assert kept == (0, 2)
    assert not (builds.project / ".cache" / "pages").exists()
