"""The site builds strictly, fails on a broken example, and every page stays light."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.site

PAGE_BUDGET = 1_000_000  # bytes: the page's HTML plus the images it loads


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def _assets(page: Path) -> _Assets:
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_site_has_every_chapter(built_site):
    names = {p.parent.name for p in _pages(built_site)}
    assert {"derivatives", "api"} <= names


def test_no_page_shows_an_example_s_traceback(built_site):
    # What markdown-exec renders when an example raises in a non-strict build
    # (doctests that show an expected exception on the API page are fine).
    for page in _pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert "&lt;code block: " not in text, page
        assert "markdown_exec/_internal" not in text, page


def test_pages_fetch_nothing_from_other_hosts(built_site):
    for page in _pages(built_site):
        assets = _assets(page)
        for url in assets.images + assets.scripts:
            assert not re.match(r"(https?:)?//", url), (page, url)
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "cdn.jsdelivr" not in text, page


def test_links_and_assets_are_relative_so_the_site_works_from_a_sub_path(built_site):
    for page in _pages(built_site):
        text = page.read_text(encoding="utf-8")
        absolute = re.findall(r'(?:href|src)="(/[^"/][^"]*)"', text)
        assert not absolute, (page, absolute[:5])
        assert str(ROOT) not in text, f"{page} leaks the build machine's path"


def test_every_page_with_its_images_weighs_at_most_one_megabyte(built_site):
    for page in _pages(built_site):
        total = page.stat().st_size
        for src in _assets(page).images:
            if not src.startswith("data:"):
                total += (page.parent / src.split("#")[0]).stat().st_size
        assert total <= PAGE_BUDGET, f"{page.relative_to(built_site)} weighs {total} bytes"


def test_math_assets_and_example_downloads_are_served_by_the_site(built_site):
    assert (built_site / "assets/katex/katex.min.js").is_file()
    assert list((built_site / "assets/katex/fonts").glob("*.woff2"))
    page = (built_site / "derivatives/index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.py)"', page)
    assert links, "chapter 1 has no download links for its examples"
    for link in links:
        assert (built_site / "derivatives" / link).resolve().is_file(), link


def _tiny_project(tmp_path: Path, snippet_body: str) -> Path:
    """A copy of the site's configuration with one page that includes one example."""
    project = tmp_path / "project"
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copytree(ROOT / "docs" / "javascripts", project / "docs" / "javascripts")
    shutil.copytree(ROOT / "docs" / "stylesheets", project / "docs" / "stylesheets")
    (project / "snippets" / "demo").mkdir(parents=True)
    (project / "snippets" / "demo" / "broken_example.py").write_text(snippet_body)
    (project / "docs" / "index.md").write_text(
        "# Demo\n\n"
        '```python exec="1" source="tabbed-right" tabs="Code|Output"\n'
        '--8<-- "snippets/demo/broken_example.py"\n'
        "```\n"
    )
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - index.md\n"
        "watch: []\nplugins:\n  - search\n  - markdown-exec\n"
    )
    return project


def test_an_example_that_raises_fails_the_build_and_names_its_file(tmp_path):
    project = _tiny_project(
        tmp_path, '"""Breaks on purpose."""\nraise RuntimeError("deliberately broken")\n'
    )
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "broken_example.py" in result.stderr
    assert "deliberately broken" in result.stderr


def test_the_same_tiny_project_builds_when_its_example_works(tmp_path):
    project = _tiny_project(tmp_path, '"""Works."""\nprint("| a |\\n|---|\\n| 1 |")\n')
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<td>1</td>" in html


def test_search_indexes_captions_but_not_the_labels_drawn_inside_figures(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    drawn, captions, outside = set(), set(), []
    for page in _pages(built_site):
        text = page.read_text(encoding="utf-8")
        for svg in re.findall(r"<svg\b.*?</svg>", text, re.S):
            drawn.update(re.findall(r"<text\b[^>]*>([^<]{12,})</text>", svg))
        prose = re.sub(r"<svg\b.*?</svg>", "", text, flags=re.S)
        outside.append(" ".join(re.sub(r"<[^>]+>", " ", prose).split()))
        captions.update(re.findall(r"<figcaption>([^<&]{20,})</figcaption>", text))
    outside = " ".join(outside)
    only_drawn = {label for label in drawn if label not in outside}  # not also in prose or docs
    assert only_drawn and captions
    assert not [label for label in only_drawn if label in indexed][:5]
    assert any(caption[:20] in indexed for caption in captions)
