"""Every page in a real browser, light and dark: no errors, nothing fetched from
elsewhere, math typeset, animations that respond. Screenshots go to
``test-artifacts/screenshots/`` for a person to look at. (How the browser is
found: the ``browser`` fixture in conftest.py.)
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PALETTES = {"light": "default", "dark": "slate"}
SCREENSHOTS = ARTIFACTS / "screenshots"


def _page_paths(built_site: Path) -> list[str]:
    return sorted(
        p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
    )


@pytest.fixture(scope="session")
def visits(browser, built_site, site_url):
    """Open every page once per palette; record what a reader's browser saw."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)  # only this run's pictures
    SCREENSHOTS.mkdir(parents=True)
    host = urlparse(site_url).netloc
    records = []
    for path in _page_paths(built_site):
        for palette, scheme in PALETTES.items():
            context = browser.new_context(color_scheme=palette, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            record = {"path": path, "palette": palette, "scheme": scheme,
                      "console": [], "failed": [], "offsite": [], "bad_status": []}

            def route(route, record=record):
                if urlparse(route.request.url).netloc != host and not route.request.url.startswith("data:"):
                    record["offsite"].append(route.request.url)
                    return route.abort()
                return route.continue_()

            context.route("**/*", route)
            page.on("console", lambda msg, r=record: msg.type == "error" and r["console"].append(msg.text))
            page.on("pageerror", lambda err, r=record: r["console"].append(str(err)))
            page.on("requestfailed", lambda req, r=record: r["failed"].append(req.url))
            page.on("response", lambda res, r=record: res.status >= 400 and r["bad_status"].append(res.url))
            page.goto(f"{site_url}/{'' if path == './' else path}", wait_until="networkidle")
            page.wait_for_timeout(200)
            record["page"] = page
            record["context"] = context
            name = path.strip("./").replace("/", "_") or "home"
            shot = SCREENSHOTS / f"{name}-{palette}.png"
            page.screenshot(path=str(shot), full_page=True)
            record["screenshot"] = shot
            records.append(record)
    yield records
    for record in records:
        record["context"].close()


def test_every_page_is_visited_in_both_palettes(visits):
    assert len(visits) >= 2 * 3
    for record in visits:
        shown = record["page"].evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == record["scheme"], (record["path"], record["palette"])
        assert record["screenshot"].stat().st_size > 10_000


def test_no_page_logs_an_error_or_fails_a_request(visits):
    problems = [
        (r["path"], r["palette"], r["console"], r["failed"], r["bad_status"])
        for r in visits
        if r["console"] or r["failed"] or r["bad_status"]
    ]
    assert not problems


def test_no_request_leaves_the_machine(visits):
    offsite = [(r["path"], r["offsite"]) for r in visits if r["offsite"]]
    assert not offsite


def test_math_is_typeset_on_every_page(visits):
    for record in visits:
        page = record["page"]
        expected = page.locator(".arithmatex").count()
        typeset = page.locator(".arithmatex .katex").count()
        assert typeset == expected, (record["path"], typeset, expected)
        assert page.locator(".katex-error").count() == 0, record["path"]
        text = page.evaluate("document.querySelector('article').innerText")
        for raw in ("\\(", "\\[", "$$", "\\frac", "\\sin"):
            assert raw not in text, (record["path"], raw)


def test_the_katex_fonts_really_load(visits):
    record = next(r for r in visits if r["page"].locator(".katex").count())
    loaded = record["page"].evaluate(
        "document.fonts.check('16px KaTeX_Main') && [...document.fonts].some(f => f.family.includes('KaTeX') && f.status === 'loaded')"
    )
    assert loaded


def _moving_picture(anim):
    return anim.locator("svg").first.screenshot()


def test_every_animation_slider_changes_the_picture(visits):
    seen = 0
    for record in visits:
        page = record["page"]
        for anim in page.locator(".cn-anim").all():
            anim.scroll_into_view_if_needed()
            slider = anim.locator("input[type=range]")
            last = slider.get_attribute("max")
            before = _moving_picture(anim)
            slider.fill(last)
            page.wait_for_timeout(50)
            after = _moving_picture(anim)
            assert before != after, (record["path"], record["palette"])
            slider.fill("0")
            seen += 1
    assert seen >= 2 * 2


def test_the_play_button_advances_the_animation_and_pauses_it(visits):
    record = next(r for r in visits if r["page"].locator(".cn-anim").count())
    anim = record["page"].locator(".cn-anim").first
    anim.scroll_into_view_if_needed()
    slider = anim.locator("input[type=range]")
    slider.fill("0")
    button = anim.locator("button").first
    button.click()
    record["page"].wait_for_timeout(600)
    button.click()
    stopped_at = int(slider.input_value())
    assert stopped_at > 0
    record["page"].wait_for_timeout(400)
    assert int(slider.input_value()) == stopped_at
