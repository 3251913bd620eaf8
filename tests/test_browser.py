"""Every page in a real browser, light and dark: no errors, nothing fetched from
elsewhere, math typeset, animations that respond. Screenshots go to
``test-artifacts/screenshots/`` for a person to look at. (How the browser is
found: the ``browser`` fixture in conftest.py.)
"""

from __future__ import annotations

import re
import shutil
import statistics
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PALETTES = {"light": "default", "dark": "slate"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = ARTIFACTS / "screenshots"


def page_paths(built_site: Path) -> list[str]:
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
    for path in page_paths(built_site):
        for palette, scheme in PALETTES.items():
            context = browser.new_context(color_scheme=palette, viewport=DESKTOP)
            page = context.new_page()
            record = {"path": path, "palette": palette, "scheme": scheme,
                      "console": [], "failed": [], "offsite": [], "bad_status": [], "scripts": []}

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
            page.on("request", lambda req, r=record: req.resource_type == "script" and r["scripts"].append(req.url))
            page.goto(f"{site_url}/{'' if path == './' else path}", wait_until="networkidle")
            page.wait_for_timeout(200)
            record["page"] = page
            record["context"] = context
            record["name"] = path.strip("./").replace("/", "_") or "home"
            shot = SCREENSHOTS / f"{record['name']}-{palette}.png"
            page.screenshot(path=str(shot))  # the first screen (a whole long page is too tall to look at)
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


# The text a reader sees in the article, less code (which may hold "$" or "\\n" as code does).
VISIBLE_TEXT = """() => {
  const skip = 'pre, code, script, style, annotation';
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent.closest(skip) && parent.checkVisibility()) parts.push(node.data);
  }
  return parts.join(' ');
}"""
RAW_TEX = r"\\[()\[\]]|\$\$|\$[^$\s][^$]*\$|\\[a-zA-Z]{2,}"


def test_math_is_typeset_on_every_page(visits):
    for record in visits:
        page = record["page"]
        expected = page.locator(".arithmatex").count()
        typeset = page.locator(".arithmatex .katex").count()
        assert typeset == expected, (record["path"], typeset, expected)
        # every formula, notebooks' too, is KaTeX's HTML beside its MathML
        assert page.locator(".katex").count() == page.locator(".katex .katex-mathml math").count() >= expected
        assert page.locator(".katex-error").count() == 0, record["path"]
        text = page.evaluate(VISIBLE_TEXT)
        assert not re.findall(RAW_TEX, text), (record["path"], re.findall(RAW_TEX, text)[:5])


def test_no_page_asks_for_a_katex_script(visits):
    assert all(r["scripts"] for r in visits)  # Material's own scripts are seen
    asked = [(r["path"], url) for r in visits for url in r["scripts"] if "katex" in url.lower()]
    assert not asked


# Punctuation typeset right after a formula must sit on the line of the
# formula's last box: returns the formulas (with what follows) where it does not.
PUNCTUATION_OFF_THE_LINE = """() => {
  const off = []; let seen = 0;
  for (const kept of document.querySelectorAll('.cn-math-nobreak')) {
    const math = kept.querySelector('.arithmatex'), tail = math.nextSibling;
    if (!tail || tail.nodeType !== Node.TEXT_NODE || !kept.checkVisibility()) continue;
    const boxes = math.querySelectorAll('.katex-html > .base');
    const last = boxes[boxes.length - 1].getBoundingClientRect();
    const range = document.createRange();
    range.setStart(tail, 0);
    range.setEnd(tail, 1);
    const mark = range.getBoundingClientRect();
    seen += 1;
    if (!(mark.top < last.bottom && mark.bottom > last.top && mark.left >= last.right - 1)) {
      off.push(math.querySelector('annotation').textContent + tail.data[0]);
    }
  }
  return {seen, off};
}"""

# Display formulas wider than their box: does the box scroll, with a cue at its edges?
WIDE_FORMULAS = """() => [...document.querySelectorAll('.cn-math-display')]
  .filter(box => box.checkVisibility() && box.scrollWidth > box.clientWidth + 1)
  .map(box => {
    const style = getComputedStyle(box);
    return {tex: box.querySelector('annotation').textContent, overflow: style.overflowX,
            cue: style.backgroundImage.includes('gradient') && style.backgroundAttachment.includes('local'),
            focusable: box.tabIndex === 0};
  })"""


def test_no_punctuation_after_a_formula_starts_a_line(visits):
    seen = 0
    for record in visits:
        if record["palette"] == "light":
            result = record["page"].evaluate(PUNCTUATION_OFF_THE_LINE)
            assert not result["off"], (record["path"], result["off"])
            seen += result["seen"]
    assert seen > 100


# The text of every figure in the article, as large as the reader sees it: the
# SVG text's font size (in the figure's units) times the scale of its screen
# transform (the figure shrunk to the column, a rotated label, a 3-D panel).
FIGURE_TEXT = """() => [...document.querySelectorAll('article .cn-figure svg text')]
  .filter(text => text.textContent.trim() && text.checkVisibility() && text.getBoundingClientRect().width > 0)
  .map(text => {
    const m = text.getScreenCTM();
    return {px: parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)),
            text: text.textContent.trim().slice(0, 30)};
  })"""


@pytest.fixture(scope="session")
def phone(visits):
    """Every page at a phone's width (390 px), in both palettes: how wide it is, how its
    math sits, how large its figures' text is. Keys: (path, palette).

    The pages already open are narrowed to 390 px (the layout follows the width
    alone: CSS media queries, and Material and the player on resize), measured,
    and widened back; the first figure of each is photographed at that width.
    """
    found = {}
    for record in visits:
        page = record["page"]
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(50)
        found[record["path"], record["palette"]] = {
            "width": page.evaluate("document.documentElement.scrollWidth"),
            "viewport": page.evaluate("document.documentElement.clientWidth"),
            "punctuation": page.evaluate(PUNCTUATION_OFF_THE_LINE),
            "wide": page.evaluate(WIDE_FORMULAS),
            "figure_text": page.evaluate(FIGURE_TEXT),
        }
        figure = page.locator("article .cn-figure").first
        if figure.count():
            figure.screenshot(path=str(SCREENSHOTS / f"{record['name']}-{record['palette']}-phone-figure.png"))
        page.set_viewport_size(DESKTOP)
        page.evaluate("window.scrollTo(0, 0)")
    _write_figure_text_report(found)
    return found


def _write_figure_text_report(found) -> None:
    """Per page and palette: how many texts, their median and 5th-percentile size (px)."""
    lines = ["page palette texts median_px p5_px smallest_px"]
    for (path, palette), p in sorted(found.items()):
        sizes = sorted(t["px"] for t in p["figure_text"])
        if sizes:
            lines.append(f"{path} {palette} {len(sizes)} {statistics.median(sizes):.1f} "
                         f"{sizes[int(0.05 * len(sizes))]:.1f} {sizes[0]:.1f}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "figure-text-at-390px.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_no_page_is_wider_than_a_phone(phone):
    assert not {key: (p["width"], p["viewport"]) for key, p in phone.items() if p["width"] > p["viewport"]}


def test_no_punctuation_after_a_formula_starts_a_line_on_a_phone(phone):
    assert not {key: p["punctuation"]["off"] for key, p in phone.items() if p["punctuation"]["off"]}
    assert sum(p["punctuation"]["seen"] for p in phone.values()) > 200


def test_a_display_formula_wider_than_a_phone_scrolls_in_its_box_with_a_cue(phone):
    wide = [dict(formula, path=path) for (path, _), p in phone.items() for formula in p["wide"]]
    assert len({formula["path"] for formula in wide}) >= 3  # chapters and notebooks have some
    assert not [f for f in wide if not (f["overflow"] == "auto" and f["cue"] and f["focusable"])]


def test_figure_text_reads_on_a_phone_on_every_page_in_both_palettes(phone):
    """At 390 px: the median figure text at least 11 px, and 95 % of it at least 10 px."""
    measured, small = set(), {}
    for (path, palette), p in phone.items():
        sizes = sorted(t["px"] for t in p["figure_text"])
        if not sizes:
            continue
        measured.add(path)
        share_readable = sum(size >= 10 for size in sizes) / len(sizes)
        if statistics.median(sizes) < 11 or share_readable < 0.95:
            smallest = sorted(p["figure_text"], key=lambda t: t["px"])[:5]
            small[path, palette] = (statistics.median(sizes), share_readable, smallest)
    assert not small
    chapters = {path for path in measured if not path.startswith(("api", "exercises"))}
    assert len(chapters) >= 9, measured  # every chapter has figures, and they were measured


def _edge_shades(box) -> tuple[float, float]:
    """How far the box's left and right edges (4 px) are from the page's colour, above
    the formula (in its margin, where only the box's background can be)."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(box.screenshot())).convert("RGB")
    w = image.size[0]
    page_colour = image.getpixel((w // 2, 2))

    def shade(x0: int, x1: int) -> float:
        pixels = [image.getpixel((x, y)) for x in range(x0, x1) for y in range(2, 8)]
        return max(abs(sum(c[i] for c in pixels) / len(pixels) - page_colour[i]) for i in range(3))

    return shade(0, 4), shade(w - 4, w)


@pytest.mark.parametrize("palette", PALETTES)
def test_the_scroll_cue_shows_at_the_side_where_more_of_the_formula_lies(browser, site_url, palette):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=palette)
    page = context.new_page()
    page.goto(f"{site_url}/chain-rule/", wait_until="networkidle")
    box = next(b for b in page.locator(".cn-math-display").all()
               if b.evaluate("b => b.scrollWidth > b.clientWidth + 40"))
    box.scroll_into_view_if_needed()
    left, right = _edge_shades(box)
    assert right > 12 and left < 4, (left, right)  # at the start: more to the right
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    page.wait_for_timeout(50)
    left, right = _edge_shades(box)
    assert left > 12 and right < 4, (left, right)  # at the end: more to the left
    context.close()


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
