"""The search index holds prose, headings and captions: no TeX, no code, no tab
labels, tooltips, copy-button texts or permalinks (hooks/search_exclude.py,
hooks/math_render.py); what a reader searches for is still found."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

TEX = re.compile(r"\\[a-zA-Z]+|\\[()\[\]]|\$")
UI_TEXTS = ("OutputCode", "CodeOutput", "Copied!", "Copy to Clipboard", "Copy to clipboard", "¶", "↩",
            "Permanent link")


@pytest.fixture(scope="module")
def index(built_site) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    """Each page's HTML by its location in the index ("" is the home page)."""
    found = {}
    for page in sorted(built_site.rglob("index.html")):
        location = page.parent.relative_to(built_site).as_posix() + "/"
        found["" if location == "./" else location] = page.read_text(encoding="utf-8")
    return found


def _entry_text(entry: dict) -> str:
    return html.unescape(entry["title"] + " " + re.sub(r"<[^>]+>", " ", entry["text"]))


def test_no_entry_holds_tex(index):
    assert len(index) > 100
    assert not [(e["location"], TEX.findall(_entry_text(e))[:3]) for e in index if TEX.search(_entry_text(e))]


def test_no_entry_holds_tab_labels_copy_buttons_permalinks_or_code(index):
    for entry in index:
        text = _entry_text(entry)
        assert not [ui for ui in UI_TEXTS if ui in text], entry["location"]
        assert "<pre>" not in entry["text"], entry["location"]
    assert not [e["location"] for e in index if "import numpy" in e["text"] or ">>> " in e["text"]]


def test_every_tab_label_is_left_out(index, pages):
    labels = set()
    for text in pages.values():
        for block in re.findall(r'<div class="tabbed-labels">(.*?)</div>', text, re.S):
            labels.add("".join(re.findall(r"<label[^>]*>([^<]*)</label>", block)))
    assert labels
    indexed = " ".join(_entry_text(e) for e in index)
    assert not [label for label in labels if label in indexed]


def test_what_pictures_say_is_left_out_their_captions_are_found(index, pages):
    indexed = " ".join(_entry_text(e) for e in index)
    tooltips, captions = set(), set()
    for text in pages.values():
        tooltips.update(html.unescape(t) for t in re.findall(r"<svg\b[^>]*>\s*<title>([^<]{30,})</title>", text))
        captions.update(html.unescape(c) for c in re.findall(r"<figcaption>([^<]{10,})</figcaption>", text))
    assert tooltips and captions
    assert not [t for t in tooltips if t in indexed][:3]
    assert not [c for c in captions if " ".join(c.split()) not in indexed]


def test_every_heading_is_an_entry(index, pages):
    titles = {e["location"]: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", e["title"])).split()) for e in index}
    seen = 0
    for location, text in pages.items():
        article = text[text.index("<article"):text.index("</article>")]
        for anchor, heading in re.findall(r'<h[2-3] id="([^"]+)"[^>]*>(.*?)</h[2-3]>', article, re.S):
            heading = re.sub(r'<a\b[^>]*class="(?:headerlink|anchor-link)"[^>]*>.*?</a>', "", heading)
            heading = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", heading)).split())
            title = titles.get(f"{location}#{anchor}")
            assert title and title in heading, (location, anchor, heading, title)
            seen += 1
    assert seen > 100


def test_formulas_are_found_as_readable_math(index):
    indexed = " ".join(_entry_text(e) for e in index)
    for symbol in ("∇", "′", "∂", "→"):  # the gradient, a derivative, a partial, a limit
        assert symbol in indexed, symbol
    assert "annotation" not in indexed and "katex" not in indexed


def test_the_pages_keep_no_search_marks(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "data-search-exclude" not in text and "data-cn-math" not in text, page


# ----- what the index skips is set aside while it is made, and put back --------------

def _search_exclude():
    import sys

    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "hooks"))
    import search_exclude

    return search_exclude


def test_code_and_pictures_set_aside_come_back_byte_for_byte_and_leave_no_marker(built_site):
    search_exclude = _search_exclude()
    page = (built_site / "gradients" / "index.html").read_text(encoding="utf-8")
    kept = {}
    short = search_exclude.set_aside(page, kept)
    assert len(short) < 0.6 * len(page)  # code and pictures: nearly half the page
    assert "<path" not in short and '<span class="n">' not in short
    assert search_exclude.put_back(short, kept) == page
    assert "calcnotes-aside" not in page  # the built page has every one put back


def test_a_marker_whose_content_went_missing_fails_the_build():
    search_exclude = _search_exclude()
    short = search_exclude.set_aside("<pre><span>1</span></pre>", {})
    with pytest.raises(Exception, match="went missing"):
        search_exclude.put_back(short, {})
