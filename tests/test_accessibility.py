"""axe-core in a real browser on every page, light and dark: no critical or
serious violation inside the article, notebooks included. (A file of its own,
with its own page visits, so that it can run beside test_browser.py under
pytest-xdist.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_browser import DESKTOP, PALETTES, page_paths

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# axe-core's rules that read colours: all that differs between the palettes
# (the same HTML, another stylesheet). The other rules run once, in light.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def _axe(page, palette: str) -> list:
    """axe-core's critical and serious violations inside the article: [rule, nodes, first node]."""
    only = "" if palette == "light" else f", runOnly: {COLOUR_RULES}"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run({include: [['article']]}, {resultTypes: ['violations']%s}))"
        ".violations.filter(v => v.impact === 'critical' || v.impact === 'serious')"
        ".map(v => [v.id, v.nodes.length, v.nodes[0].target.join(' ')])" % only)


@pytest.fixture(scope="module", params=list(PALETTES))
def palette_page(request, browser):
    context = browser.new_context(color_scheme=request.param, viewport=DESKTOP)
    yield request.param, context.new_page()
    context.close()


def test_axe_finds_no_critical_or_serious_violation_inside_the_article_on_any_page(
        palette_page, built_site, site_url):
    palette, page = palette_page
    found = []
    for path in page_paths(built_site):
        page.goto(f"{site_url}/{'' if path == './' else path}", wait_until="load")
        page.evaluate("document.fonts.ready")
        found += [(path, *v) for v in _axe(page, palette)]
    assert not found


def test_axe_in_the_dark_palette_still_finds_text_too_faint_to_read(browser, site_url):
    context = browser.new_context(color_scheme="dark", viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}/derivatives/", wait_until="load")
    page.evaluate("""() => { const p = document.createElement('p'); p.id = 'faint';
        p.textContent = 'Faint text.'; p.style.color = '#3a3d4a';
        document.querySelector('article').append(p); }""")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert ["color-contrast", 1, "#faint"] in _axe(page, "dark")
    context.close()
