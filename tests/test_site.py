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
    assert (built_site / "assets/katex/katex.min.css").is_file()
    assert not (built_site / "assets/katex/katex.min.js").exists()  # math is typeset at build time
    assert list((built_site / "assets/katex/fonts").glob("*.woff2"))
    page = (built_site / "derivatives/index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.py)"', page)
    assert links, "chapter 1 has no download links for its examples"
    for link in links:
        assert (built_site / "derivatives" / link).resolve().is_file(), link


def _tiny_project(tmp_path: Path, snippet_body: str, options: str = "") -> Path:
    """A copy of the site's configuration with one page that includes one example."""
    project = tmp_path / "project"
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "docs").mkdir(parents=True)
    (project / "snippets" / "demo").mkdir(parents=True)
    (project / "snippets" / "demo" / "planted_example.py").write_text(snippet_body)
    (project / "docs" / "index.md").write_text(
        "# Demo\n\n"
        f'```python exec="1" source="tabbed-right" tabs="Code|Output"{options}\n'
        '--8<-- "snippets/demo/planted_example.py"\n'
        "```\n"
    )
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - index.md\n"
        "watch: []\nplugins:\n  - search\n  - markdown-exec\n"
    )
    return project


FAULTS = {
    "raises": ('raise RuntimeError("deliberately broken")\n', "raised an exception"),
    "exits 0": ('import sys\nprint("half a page")\nsys.exit(0)\n', "called sys.exit(0)"),
    "exits 3": ("import sys\nsys.exit(3)\n", "called sys.exit(3)"),
    "prints nothing": ("deliberately_quiet = 1\n", "printed nothing"),
    "never ends": ("while True:\n    pass\n", "ran past its time limit of 2 s"),
    "prints too much": ('while True:\n    print("deliberately " * 1000)\n', "more than the budget"),
}
MODES = {"-q --strict": ["-q"], "plain": []}


def _site_text(site: Path) -> str:
    return " ".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file()) if site.exists() else ""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fault", FAULTS)
def test_a_failing_example_fails_the_build_in_every_mode_naming_it_and_its_page(tmp_path, fault, mode):
    body, said = FAULTS[fault]
    project = _tiny_project(tmp_path, f'"""Fails on purpose."""\n{body}')
    result = mkdocs_build(project, tmp_path / "out", *MODES[mode], strict=mode != "plain",
                          env={"CALCNOTES_EXEC_TIMEOUT": "2"})
    assert result.returncode != 0
    assert "planted_example.py" in result.stderr and "index.md" in result.stderr
    assert said in result.stderr, result.stderr[-3000:]
    published = _site_text(tmp_path / "out")
    assert "Traceback" not in published and "deliberately" not in published


def test_an_example_written_as_a_script_with_a_main_guard_shows_its_output(tmp_path):
    body = '"""A script."""\n\ndef main():\n    print("| a |\\n|---|\\n| 1 |")\n\n\nif __name__ == "__main__":\n    main()\n'
    result = mkdocs_build(_tiny_project(tmp_path, body), tmp_path / "out", "-q")
    assert result.returncode == 0, result.stderr
    assert "<td>1</td>" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


FIGURE = ('"""A figure."""\nimport matplotlib.pyplot as plt\nfrom calcnotes import show\n'
          'fig, ax = plt.subplots()\nax.plot([0, 1], [0, 1])\nshow(fig)\n')


def test_a_figure_gets_the_alt_text_and_caption_written_beside_its_block(tmp_path):
    options = ' alt="A rising line, deliberately described." caption="One line & its caption."'
    result = mkdocs_build(_tiny_project(tmp_path, FIGURE, options), tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="A rising line, deliberately described."' in page
    assert "<figcaption>One line &amp; its caption.</figcaption>" in page
    assert "@@calcnotes" not in page


@pytest.mark.parametrize("options", ["", ' alt="A line."', ' caption="A line."'])
def test_a_figure_without_both_alt_text_and_caption_fails_the_build(tmp_path, options):
    result = mkdocs_build(_tiny_project(tmp_path, FIGURE, options), tmp_path / "out", "-q")
    assert result.returncode != 0
    assert 'lacks alt="…" and caption="…"' in result.stderr


def test_alt_text_on_a_block_whose_example_shows_no_figure_fails_the_build(tmp_path):
    project = _tiny_project(tmp_path, '"""No figure."""\nprint("text")\n', ' alt="A." caption="B."')
    result = mkdocs_build(project, tmp_path / "out", "-q")
    assert result.returncode != 0 and "shows no figure" in result.stderr


def test_search_indexes_captions_but_not_the_labels_drawn_inside_figures(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(" ".join((doc["text"] + " " + doc["title"]).split()) for doc in index["docs"])
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
