"""Animations: a static picture, a small moving layer per frame, an offline player."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from matplotlib.figure import Figure

from calcnotes.viz import Animation, animate, tangent_slider

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 400_000  # bytes per animation, player markup and all frames included
FRAMES = 24


@pytest.fixture(scope="module")
def movie() -> Animation:
    return tangent_slider(np.sin, (-3, 3), frames=FRAMES)


@pytest.fixture(scope="module")
def page(movie) -> str:
    return movie.html(alt="A point slides along sin.", caption="Tangents of sin.")


def _data(page: str) -> dict:
    found = re.search(r'<script type="application/json" class="cn-anim-data">(.*?)</script>', page, re.S)
    return json.loads(found[1])


def _slider(page: str) -> str:
    return re.search(r'<input type="range"[^>]*>', page)[0]


def test_the_animation_has_one_frame_and_one_label_per_step(movie):
    assert len(movie) == len(movie.frames) == len(movie.labels) == FRAMES


def test_the_slider_runs_from_the_first_to_the_last_frame(page):
    slider = _slider(page)
    assert 'min="0"' in slider and f'max="{FRAMES - 1}"' in slider and 'value="0"' in slider
    assert "aria-label=" in slider and "aria-valuetext=" in slider


def test_the_frames_travel_as_json_that_parses_back_to_the_frames(movie, page):
    data = _data(page)
    assert data["frames"] == list(movie.frames)
    assert data["labels"] == list(movie.labels)


def test_the_first_frame_is_in_the_markup_so_the_figure_shows_without_javascript(movie, page):
    assert f'<g class="cn-anim-layer">{movie.frames[0]}</g>' in page


def test_the_player_stays_far_under_its_byte_budget(page):
    assert len(page.encode()) <= BUDGET
    assert len(page.encode()) <= 60_000  # 24 frames of a sliding tangent


def test_each_frame_holds_only_the_moving_parts(movie):
    for frame in movie.frames:
        assert len(frame.encode()) < 600
        assert frame.count("<text") == 1  # the title that names the point and slope, no tick labels


def test_nothing_is_fetched_from_the_network(page):
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<link" not in page and " src=" not in page


def test_the_player_does_not_start_by_itself(page):
    assert "autoplay" not in page.lower()
    assert re.search(r'<div class="cn-anim-controls" hidden[ >]', page)  # shown by the script once it is wired


def test_the_picture_has_alt_text_and_a_caption(page):
    assert 'role="img"' in page and 'aria-label="A point slides along sin."' in page
    assert "<title>A point slides along sin.</title>" in page
    assert "<figcaption>Tangents of sin.</figcaption>" in page


def test_every_frame_is_well_formed_svg_and_refers_only_to_ids_the_picture_defines(movie):
    ids = set(re.findall(r'\sid="([^"]+)"', movie.static_svg))
    for frame in movie.frames:
        picture = movie.static_svg.replace('<g class="cn-anim-layer"></g>', f"<g>{frame}</g>")
        ET.fromstring(picture)
        refs = {a or b for a, b in re.findall(r"url\(#([^)]+)\)|href='#([^']+)'", frame)}
        assert refs and refs <= ids


def test_no_id_is_defined_twice_in_the_picture(movie):
    ids = re.findall(r'\sid="([^"]+)"', movie.static_svg)
    assert ids and len(ids) == len(set(ids))


def test_the_labels_give_the_point_and_the_slope_of_cos_there(movie):
    for label in movie.labels:
        w0, slope = (float(x.replace("−", "-")) for x in
                     re.fullmatch(r"w⁰ = (\S+), slope (\S+)", label).groups())
        # Both are printed to 3 and 2 significant digits: compare at that precision.
        assert slope == pytest.approx(np.cos(w0), abs=0.01)


def test_the_same_animation_gives_the_same_bytes(page):
    again = tangent_slider(np.sin, (-3, 3), frames=FRAMES)
    assert again.html(alt="A point slides along sin.", caption="Tangents of sin.") == page


def test_animate_keeps_the_moving_artists_out_of_the_static_picture():
    fig = Figure()
    ax = fig.add_subplot()
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 4)
    dot = ax.plot([], [], "o", color="#e5484d")[0]

    def update(i):
        dot.set_data([i], [i])
        return f"at {i}"

    result = animate(fig, [dot], update, 4, fps=5)
    # Style rules and definitions may name the colour; nothing drawn may.
    drawn = re.sub(r"<style>.*?</style>|<defs>.*?</defs>", "", result.static_svg)
    assert "#e5484d" not in drawn
    assert all("#e5484d" in frame or "class=" in frame for frame in result.frames)
    assert len(set(result.frames)) == 4
    assert result.labels == ("at 0", "at 1", "at 2", "at 3")
    assert 'data-fps="5"' in result.html(alt="a", caption="b")


@pytest.mark.parametrize("frames", [0, -3])
def test_animate_refuses_a_number_of_frames_below_one(frames):
    fig = Figure()
    dot = fig.add_subplot().plot([0], [0], "o")[0]
    with pytest.raises(ValueError):
        animate(fig, [dot], lambda i: "", frames)


def test_animate_refuses_an_empty_list_of_moving_artists():
    with pytest.raises(ValueError):
        animate(Figure(), [], lambda i: "", 3)


# ------------------------------------------------------- the page's player script --

SCRIPT = (ROOT / "src" / "calcnotes" / "viz" / "player.js").read_text(encoding="utf-8")
STYLES = (ROOT / "src" / "calcnotes" / "viz" / "figure.css").read_text(encoding="utf-8")


def test_the_player_script_rewires_on_instant_navigation_and_falls_back_to_page_load():
    assert "document$.subscribe" in SCRIPT
    assert "DOMContentLoaded" in SCRIPT


def test_the_player_script_respects_reduced_motion_and_never_autoplays():
    assert "prefers-reduced-motion" in SCRIPT and "prefers-reduced-motion" in STYLES
    assert "autoplay" not in SCRIPT.lower()


def test_the_player_needs_no_icon_font_or_other_download():
    assert "http" not in SCRIPT and "http" not in STYLES
    assert "@import" not in STYLES and "url(" not in STYLES


def test_the_player_script_reads_the_markup_the_python_side_writes(page):
    for name in re.findall(r'class="(cn-anim-[a-z]+)"', page):
        assert name in SCRIPT or name in STYLES, name
    assert html.unescape(page).count("cn-anim-layer") == 1


# ------------------------------------------------------- what a screen reader hears --


def test_the_frame_counter_is_not_a_live_region_that_reads_out_every_frame(page):
    assert "<output" not in page
    counter = re.search(r'<span class="cn-anim-counter"[^>]*>', page)[0]
    assert 'aria-hidden="true"' in counter


def test_the_play_button_and_the_slider_are_named_after_their_figure(page):
    button = re.search(r'<button[^>]*class="cn-anim-play"[^>]*>', page)[0]
    assert 'aria-label="Play: Tangents of sin."' in button
    assert 'aria-label="Frame of: Tangents of sin."' in _slider(page)
    assert 'data-cn-title="Tangents of sin."' in page
    assert "Pause: " in SCRIPT and "Play: " in SCRIPT  # the script renames the button as it toggles
