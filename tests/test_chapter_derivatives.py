"""Chapter 1, "Derivatives at a point": its examples print what the page claims."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from conftest import ROOT
from pageoutput import (assert_animation, assert_chapter_blocks, assert_figure, figure_counts,
                        player_data, read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "derivatives.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "derivatives").glob("*.py"))
FIGURES = ["tangent_quadratic.py", "tangent_square.py", "zoom_in.py",
           "tangent_plane_sin.py", "line_and_plane.py"]
ANIMATIONS = ["tangent_slider_sin.py", "tangent_slider_wiggly.py"]
TABLES = ["best_linear_approximation.py"]
FIGURE_BUDGET = 40_000
ANIMATION_BUDGET = 400_000
x = sp.Symbol("x")


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("derivatives")


def _line(text: str) -> tuple[float, float]:
    """Slope and intercept of the first 'y = mx ± b' in *text*."""
    found = re.search(r"y = (−?[\d.]*)x ([+−]) ([\d.]+)", text)
    assert found, "no line equation in the output"
    slope = {"": 1.0, "−": -1.0}.get(found[1]) or read_number(found[1])
    intercept = read_number(found[3]) * (-1 if found[2] == "−" else 1)
    return slope, intercept


def _exact_tangent(f, at) -> tuple[float, float]:
    slope = sp.diff(f, x).subs(x, at)
    return float(slope), float(f.subs(x, at) - slope * at)


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES)


def test_the_printed_tangent_of_3x2_minus_4x_at_1_is_y_equals_2x_minus_3(output):
    slope, intercept = _line(output("tangent_quadratic.py"))
    # Oracle: SymPy differentiates 3x² − 4x exactly (6x − 4, so 2 at x = 1).
    assert (slope, intercept) == pytest.approx(_exact_tangent(3 * x**2 - 4 * x, 1))
    assert (slope, intercept) == (2.0, -3.0)
    assert "y = 2x − 3" in output("tangent_quadratic.py")


def test_the_tangent_to_x_squared_at_one_and_a_half_has_slope_3(output):
    text = output("tangent_square.py")
    slope, intercept = _line(text)
    assert (slope, intercept) == pytest.approx(_exact_tangent(x**2, sp.Rational(3, 2)))
    assert "the slope is 3:" in text


def test_the_tangent_plane_slopes_printed_for_sin_are_cos_and_zero(output):
    text = output("tangent_plane_sin.py")
    found = re.search(r"Slope (\S+) along w₁ and (\S+) along w₂", text)
    assert found
    assert read_number(found[1]) == pytest.approx(float(sp.cos(-1.5)), rel=1e-4)
    assert read_number(found[2]) == pytest.approx(0.0, abs=1e-8)


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", ANIMATIONS)
def test_each_animation_example_prints_a_player_with_enough_frames_under_budget(output, name):
    # As fine as the seeds' sliders (200 and 400 frames): the point moves a few pixels a frame.
    assert_animation(output(name), ANIMATION_BUDGET, min_frames=200)


def test_the_wiggly_slider_has_twice_the_frames_of_the_sin_slider_for_its_faster_turns(output):
    frames = {name: len(player_data(output(name))["frames"]) for name in ANIMATIONS}
    assert frames == {"tangent_slider_sin.py": 200, "tangent_slider_wiggly.py": 400}


def test_the_table_shows_only_the_tangent_error_shrinking_faster_than_the_window(output):
    values = [[read_number(cell) for cell in row] for row in table_rows(output("best_linear_approximation.py"))]
    assert [row[0] for row in values] == [1, 0.1, 0.01, 0.001]
    tangent_ratio = [row[2] for row in values]
    other_ratio = [row[4] for row in values]
    # The tangent's error is about |g''|/2 · r² (Taylor), so error ÷ r falls tenfold per row;
    # a line whose slope is 0.5 off keeps error ÷ r near 0.5.
    for bigger, smaller in zip(tangent_ratio, tangent_ratio[1:]):
        assert smaller == pytest.approx(bigger / 10, rel=0.15)
    assert tangent_ratio[-1] < 1e-3
    assert other_ratio[-1] == pytest.approx(0.5, rel=0.01)


def test_the_page_includes_every_example_of_the_chapter():
    assert_chapter_blocks(PAGE, "derivatives", CHAPTER)


def test_the_console_session_on_the_page_is_the_tangent_of_x_squared():
    page = PAGE.read_text(encoding="utf-8")
    assert "```pycon\n>>> from calcnotes import tangent_line" in page  # run by the doctest glob


def test_the_rate_of_change_session_gives_the_speed_of_free_fall_at_2_seconds():
    t = sp.Symbol("t")
    speed = sp.diff(sp.Rational(49, 10) * t**2, t).subs(t, 2)  # oracle: SymPy, 9.8 · 2
    page = PAGE.read_text(encoding="utf-8")
    assert f">>> round(derivative(s, 2.0), 6)  # its speed at t = 2, in metres per second\n{float(speed)}\n" in page
    assert "instantaneous rate of change" in page.split("## Slope, or rate of change")[1]


def test_the_page_shows_at_least_two_animations_and_four_figures(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert animations >= 2 and figures >= 4


def test_the_page_ends_by_naming_the_next_chapter_without_linking_to_it_yet():
    page = PAGE.read_text(encoding="utf-8")
    assert "Secants and limits" in page.split("## Summary")[-1]
    if not (ROOT / "docs" / "secants.md").exists():
        assert "secants.md" not in page
