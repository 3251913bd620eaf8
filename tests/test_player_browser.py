"""The player in a real browser on a phone: big enough to touch, named for a screen reader, usable by keyboard."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone_page(browser, site_url):
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    page.goto(f"{site_url}/derivatives/", wait_until="networkidle")
    yield page
    context.close()


def test_the_play_button_and_the_slider_are_at_least_24_px_tall_on_a_phone(phone_page):
    anim = phone_page.locator(".cn-anim").first
    anim.scroll_into_view_if_needed()
    for selector in ("button.cn-anim-play", "input.cn-anim-slider"):
        box = anim.locator(selector).bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, (selector, box)


def test_the_button_says_what_it_will_do_to_which_figure(phone_page):
    anim = phone_page.locator(".cn-anim").first
    button = anim.locator("button.cn-anim-play")
    caption = anim.locator("figcaption").inner_text()
    assert button.get_attribute("aria-label") == f"Play: {caption}"
    button.click()
    assert button.get_attribute("aria-label") == f"Pause: {caption}"
    button.click()
    assert button.get_attribute("aria-label") == f"Play: {caption}"


def test_the_slider_moves_one_frame_per_arrow_key_and_space_plays(phone_page):
    anim = phone_page.locator(".cn-anim").first
    slider = anim.locator("input.cn-anim-slider")
    slider.fill("0")
    slider.focus()
    phone_page.keyboard.press("ArrowRight")
    assert slider.input_value() == "1"
    assert slider.get_attribute("aria-valuetext") and "slope" in slider.get_attribute("aria-valuetext")
    phone_page.keyboard.press(" ")
    phone_page.wait_for_timeout(400)
    phone_page.keyboard.press(" ")
    assert int(slider.input_value()) > 1
