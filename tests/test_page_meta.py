"""Every built page has a browser title and a description of its own."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import nbformat
import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
import page_meta  # noqa: E402

pytestmark = pytest.mark.site


def _title_and_description(page: Path) -> tuple[str, str]:
    text = page.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    description = re.findall(r'<meta name="description" content="([^"]*)"', text)
    assert len(description) == 1, page
    return html.unescape(title), html.unescape(description[0])


@pytest.fixture(scope="module")
def pages(built_site):
    return {p.relative_to(built_site).as_posix(): _title_and_description(p)
            for p in sorted(built_site.rglob("index.html")) if p.parent.name != "404"}


def test_every_page_has_a_title_of_its_own(pages):
    titles = [title for title, _ in pages.values()]
    assert len(pages) >= 20
    assert len(set(titles)) == len(titles), sorted(titles)


def test_every_page_has_a_description_of_its_own_of_search_result_length(pages):
    descriptions = [description for _, description in pages.values()]
    assert len(set(descriptions)) == len(descriptions)
    assert not [(path, len(d)) for path, (_, d) in pages.items() if not 50 <= len(d) <= 160]
    assert not [path for path, (_, d) in pages.items() if "$" in d or "\\" in d]  # no TeX


def test_an_exercise_notebook_is_titled_by_its_own_heading(pages):
    title, description = pages["exercises/02-secants/index.html"]
    assert title == "Exercises: secants and limits - calcnotes"
    assert description.startswith("Exercises on secants and limits")


def test_a_notebook_without_a_description_is_refused_by_name(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Exercises: limits")])
    path = tmp_path / "limits.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(PluginError, match=r"limits\.ipynb.*description"):
        page_meta.notebook_title_and_description(path)


def _build_one_page(tmp_path, source: str):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "limits.md").write_text(source, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\ntheme: material\nhooks:\n  - {ROOT / 'hooks' / 'page_meta.py'}\n", encoding="utf-8")
    return mkdocs_build(tmp_path, tmp_path / "site")


def test_front_matter_mkdocs_cannot_parse_fails_the_build_by_name(tmp_path):
    """An unquoted ': ' in a value: MkDocs alone would drop the front matter without a word."""
    result = _build_one_page(tmp_path, "---\ndescription: Limits: the idea.\n---\n\n# Limits\n")
    assert result.returncode != 0
    assert "limits.md: its front matter is not valid YAML" in result.stderr


def test_a_page_with_quoted_front_matter_gets_its_description(tmp_path):
    result = _build_one_page(tmp_path, '---\ndescription: "Limits: the idea."\n---\n\n# Limits\n')
    assert result.returncode == 0, result.stderr
    assert '<meta name="description" content="Limits: the idea.">' in (
        tmp_path / "site" / "limits" / "index.html").read_text(encoding="utf-8")
