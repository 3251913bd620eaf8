"""Chapter 5, "Partial derivatives and the gradient": its examples print what the page claims."""

from __future__ import annotations

import html
import itertools
import math
import re

import numpy as np
import pytest
import sympy as sp

from conftest import ROOT
from pageoutput import (assert_animation, assert_chapter_blocks, assert_figure, figure_counts,
                        player_data, read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "gradients.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "gradients").glob("*.py"))
FIGURES = ["surface_and_contours.py", "partial_slices.py", "tangent_planes.py",
           "direction_on_contours.py", "steepest_ascent.py", "gradient_field.py",
           "bowl_field.py", "norm_cone.py"]
ANIMATIONS = ["secant_planes.py"]
TABLES = ["partials_at_a_point.py", "partial_limit.py", "partials_n_inputs.py", "uphill_1d.py",
          "taylor_plane_error.py", "nudge_along_v.py",
          "directions_table.py", "zero_gradient.py", "matrix_identities.py",
          "norm_gradient.py", "norm_at_zero.py"]
FIGURE_BUDGET = 60_000  # inline SVG, 3-D surfaces and contour maps included
ANIMATION_BUDGET = 200_000  # well under the site's 400 KB: two 3-D panels, 72 frames

x, y, z = sp.symbols("x y z", real=True)
F = x**2 + 3 * x * y + y**2  # the saddle of the chapter
G = 5 + (x + sp.Rational(1, 2)) ** 2 + (y + sp.Rational(1, 2)) ** 2  # the bowl, w₁ = x, w₂ = y
NUMBER = r"−?\d+(?:\.\d+)?(?: × 10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?"


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("gradients")


def _vector(text: str) -> list[float]:
    """The numbers of a printed vector such as '(4, 1, −3)'."""
    return [read_number(part) for part in text.strip().strip("()").split(",")]


def _grad(expr, symbols, point) -> list[float]:
    """SymPy's exact gradient of *expr* at *point*, as floats."""
    return [float(sp.diff(expr, s).subs(dict(zip(symbols, point)))) for s in symbols]


def _svg_texts(svg: str) -> list[str]:
    """The text of every <text> element of a figure or frame, in order."""
    return [html.unescape(t) for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]


def _prose(text: str) -> str:
    """What an example printed before its figure (the Markdown lines, no markup)."""
    return text.split("<figure", 1)[0]


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES)


# ---------------------------------------------------------------- partials --


def test_the_partials_of_the_saddle_at_one_one_are_five_and_five(output):
    text = output("partials_at_a_point.py")
    rows = table_rows(text)
    exact = _grad(F, (x, y), (1, 1))  # SymPy: 2x + 3y and 3x + 2y at (1, 1)
    assert exact == [5.0, 5.0]
    assert [row[0] for row in rows] == ["∂f/∂x", "∂f/∂y"]
    for row, slope in zip(rows, exact):
        assert read_number(row[1]) == pytest.approx(slope, rel=1e-8)
        assert read_number(row[3]) == slope
    found = re.search(r"∇f\(1, 1\) = (\([^)]*\))", text)
    assert found and _vector(found[1]) == pytest.approx(exact)
    assert "f(1, 1) = 5," in text


def test_the_slice_legends_give_the_two_partial_slopes_of_the_saddle(output):
    texts = _svg_texts(output("partial_slices.py"))
    slopes = [read_number(t.split("slope ")[1]) for t in texts if t.startswith("tangent, slope ")]
    assert slopes == pytest.approx(_grad(F, (x, y), (1, 1)), rel=1e-6)
    assert "f(x, 1)" in texts and "f(1, y)" in texts


def test_the_tangent_plane_of_the_bowl_at_the_origin_is_printed_with_its_exact_slopes(output):
    text = _prose(output("tangent_planes.py"))
    found = re.search(rf"h\(w\) = ({NUMBER}) \+ ({NUMBER})·w₁ \+ ({NUMBER})·w₂", text)
    assert found
    value = float(G.subs({x: 0, y: 0}))
    assert [read_number(found[k]) for k in (1, 2, 3)] == pytest.approx(
        [value, *_grad(G, (x, y), (0, 0))])


def test_the_three_tangent_panels_are_titled_by_the_axes_they_follow(output):
    texts = _svg_texts(output("tangent_planes.py"))
    assert {"tangent along w₁ only", "tangent along w₂ only", "tangent plane: both slopes"} <= set(texts)


def test_only_the_tangent_planes_error_shrinks_faster_than_the_distance(output):
    rows = [[read_number(c) for c in row] for row in table_rows(output("taylor_plane_error.py"))]
    assert [row[0] for row in rows] == [0.5, 0.05, 0.005, 0.0005]
    for r, err_plane, ratio_plane, err_axis, ratio_axis in rows:
        # Closed form: g − h = w₁² + w₂² = r² on the circle; g − h₁ = r² + w₂,
        # largest (r² + r) where the circle crosses the w₂ axis (a sampled direction).
        assert err_plane == pytest.approx(r**2, rel=1e-3)
        assert ratio_plane == pytest.approx(r, rel=1e-3)
        assert err_axis == pytest.approx(r**2 + r, rel=1e-3)
        assert ratio_axis == pytest.approx(1 + r, rel=1e-3)


def test_the_partial_quotients_at_1_2_are_exactly_8_plus_h_and_7_plus_h(output):
    h = sp.Symbol("h", positive=True)
    b = sp.Symbol("b")  # the frozen input, as in the steps on the page
    along_x = sp.expand((F.subs(y, b).subs(x, x + h) - F.subs(y, b)) / h)
    assert along_x == 2 * x + 3 * b + h  # step 4
    assert sp.limit(along_x, h, 0).subs(b, y) == sp.diff(F, x)  # step 5
    along_y = sp.expand((F.subs(y, y + h) - F) / h)
    assert along_y == 3 * x + 2 * y + h and sp.diff(F, y) == 3 * x + 2 * y  # step 6
    text = output("partial_limit.py")
    assert "∂f/∂x = 2x + 3y = 8 and ∂f/∂y = 3x + 2y = 7 at (1, 2)." in text
    assert (sp.diff(F, x).subs({x: 1, y: 2}), sp.diff(F, y).subs({x: 1, y: 2})) == (8, 7)
    rows = table_rows(text)
    assert [read_number(r[0]) for r in rows] == [1, 0.1, 0.01, 0.001, 1e-4]
    for step, qx, dx, qy, dy in rows:
        s = sp.nsimplify(read_number(step))
        assert read_number(qx) == pytest.approx(float(along_x.subs({x: 1, b: 2, h: s})), rel=1e-6)
        assert read_number(qy) == pytest.approx(float(along_y.subs({x: 1, y: 2, h: s})), rel=1e-6)
        assert read_number(dx) == pytest.approx(float(s), rel=1e-5) and read_number(dy) == pytest.approx(float(s), rel=1e-5)


def test_each_of_the_four_partials_from_the_definition_matches_sympy(output):
    w1, w2, w3, w4 = sp.symbols("w1:5", real=True)
    g = w1 * w2 + sp.exp(w3) * w4**2
    at = {w1: 1, w2: -2, w3: sp.Rational(1, 2), w4: 3}
    rows = table_rows(output("partials_n_inputs.py"))
    assert [r[0] for r in rows] == ["∂g/∂w₁", "∂g/∂w₂", "∂g/∂w₃", "∂g/∂w₄"]
    for row, var in zip(rows, (w1, w2, w3, w4)):
        exact = sp.diff(g, var).subs(at)
        second = float(abs(sp.diff(g, var, 2).subs(at)))
        assert read_number(row[2]) == pytest.approx(float(exact), rel=1e-6)  # typed by hand
        # the forward quotient with h = 10⁻⁶ is off by about h |∂²g/∂wᵢ²| / 2, plus round-off
        assert read_number(row[3]) == pytest.approx(float(exact), abs=1e-6 * second + 1e-6)
        assert read_number(row[4]) == pytest.approx(float(exact), rel=1e-6)
    assert rows[2][1] == "e^(w₃) w₄²" and rows[3][1] == "2 e^(w₃) w₄"


def test_in_one_input_the_move_that_goes_up_is_on_the_side_of_the_slopes_sign(output):
    w = sp.Symbol("w", real=True)
    g = sp.sin(w) + sp.Rational(3, 10) * w
    rows = table_rows(output("uphill_1d.py"))
    assert [read_number(r[0]) for r in rows] == [-2, 0, 1, 2.5]
    for at, slope, right, left, uphill in rows:
        a = sp.nsimplify(read_number(at))
        exact = float(sp.diff(g, w).subs(w, a))
        assert read_number(slope) == pytest.approx(exact, rel=1e-3)  # 4 digits printed
        gain_right = float(g.subs(w, a + sp.Rational(1, 10)) - g.subs(w, a))
        gain_left = float(g.subs(w, a - sp.Rational(1, 10)) - g.subs(w, a))
        assert read_number(right) == pytest.approx(gain_right, rel=1e-3)
        assert read_number(left) == pytest.approx(gain_left, rel=1e-3)
        assert uphill == ("right (+)" if exact > 0 else "left (−)")
        # Taylor: each change is δ g′(w⁰) up to δ² max|g″| / 2 = 0.005, with δ = ±0.1
        assert abs(gain_right - 0.1 * exact) <= 0.005 and abs(gain_left + 0.1 * exact) <= 0.005


# ---------------------------------------------------------------- animation --


def test_the_secant_slopes_along_each_axis_are_one_plus_h_and_close_in_on_the_partials(output):
    labels = player_data(output("secant_planes.py"))["labels"]
    h = sp.Symbol("h", positive=True)
    # Oracle: SymPy's secant slope of the bowl from the origin, along w₁ and along w₂.
    along = [sp.simplify((G.subs({x: h, y: 0}) - G.subs({x: 0, y: 0})) / h),
             sp.simplify((G.subs({x: 0, y: h}) - G.subs({x: 0, y: 0})) / h)]
    assert along == [h + 1, h + 1]
    steps = []
    for label in labels:
        found = re.fullmatch(rf"h = ({NUMBER}): slopes ({NUMBER}) and ({NUMBER})", label)
        assert found, label
        step = read_number(found[1])
        steps.append(step)
        for k, slope in enumerate(along, start=2):
            assert read_number(found[k]) == pytest.approx(float(slope.subs(h, step)), rel=1e-3)
    assert steps[0] == 1 and all(b < a for a, b in itertools.pairwise(steps))
    assert 0 < steps[-1] < 1e-3  # the last secant is within 0.1 % of ∂g/∂wᵢ = 1


def test_the_secant_planes_are_named_tangent_only_once_their_slope_is_close(output):
    frames = player_data(output("secant_planes.py"))["frames"]
    first, last = " ".join(_svg_texts(frames[0])), " ".join(_svg_texts(frames[-1]))
    assert "secant slope 2" in first and "≈ ∂g/∂w" not in first
    assert "≈ ∂g/∂w₁ = 1" in last and "≈ ∂g/∂w₂ = 1" in last


def test_the_secant_frames_titles_sit_inside_the_picture(output):
    text = output("secant_planes.py")
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', text).groups())
    for frame in player_data(text)["frames"][:: 13]:
        places = re.findall(r"<text\b[^>]*translate\(([-\d.]+) ([-\d.]+)\)", frame)
        assert len(places) == 4  # two lines of title per panel
        assert all(0 < float(a) < width and 0 < float(b) < height for a, b in places), places


# ------------------------------------------------------ directional derivatives --


def test_the_nudge_along_two_three_minus_one_changes_f_by_about_h_grad_dot_v(output):
    text = output("nudge_along_v.py")
    f = x**2 * y + y * z + sp.exp(z)
    p, v = (1, 2, 0), (2, 3, -1)
    exact = _grad(f, (x, y, z), p)
    assert exact == [4.0, 1.0, 3.0]
    found = re.search(rf"∇f\(1, 2, 0\) = (\([^)]*\)), ∇f·v = ({NUMBER}), "
                      rf"D_v f = ∇f·v/‖v‖ = ({NUMBER})", text)
    assert found
    assert _vector(found[1]) == pytest.approx(exact, rel=1e-6)
    assert read_number(found[2]) == pytest.approx(8)
    assert read_number(found[3]) == pytest.approx(8 / math.sqrt(14), rel=1e-3)
    rows = [[read_number(c) for c in row] for row in table_rows(text)]
    assert [row[0] for row in rows] == [0.1, 0.01, 0.001, 0.0001]
    for h, change, predicted, ratio in rows:
        point = {s: c + h * d for s, c, d in zip((x, y, z), p, v)}
        true_change = float(f.subs(point) - f.subs(dict(zip((x, y, z), p))))
        # Printed to 4 significant digits: compare within half a unit of the last one.
        assert change == pytest.approx(true_change, rel=5e-4)
        assert predicted == pytest.approx(8 * h, rel=5e-4)
        assert ratio == pytest.approx(true_change / (8 * h), abs=5e-4)
    # Only the first row is far off: the gap is second order in h.
    assert rows[0][3] > 1.1 and abs(rows[-1][3] - 1) < 1e-3


def test_the_slope_along_two_minus_one_from_one_one_is_root_five(output):
    text = output("direction_on_contours.py")
    gx, gy = _grad(F, (x, y), (1, 1))
    exact = (2 * gx - gy) / math.sqrt(5)  # ∇f·v/‖v‖ with v = (2, −1)
    assert exact == pytest.approx(math.sqrt(5))
    found = re.search(rf"∇f·u = ({NUMBER})", _prose(text))
    assert found and read_number(found[1]) == pytest.approx(exact, rel=1e-3)
    legend = [t for t in _svg_texts(text) if t.startswith("tangent, slope ")]
    assert len(legend) == 1 and read_number(legend[0].split("slope ")[1]) == pytest.approx(exact, rel=1e-3)


def test_no_compass_direction_beats_the_gradient_direction_whose_slope_is_its_length(output):
    text = output("directions_table.py")
    rows = table_rows(text)
    gx, gy = _grad(F, (x, y), (1, 0))
    assert (gx, gy) == (2.0, 3.0)
    assert len(rows) == 9
    for row in rows[:-1]:
        theta = math.radians(float(row[0].rstrip("°")))
        assert read_number(row[2]) == pytest.approx(gx * math.cos(theta) + gy * math.sin(theta),
                                                     rel=5e-4, abs=1e-9)
    label, _, slope = rows[-1]
    assert label.startswith(f"{round(math.degrees(math.atan2(gy, gx)), 2)}°")
    assert read_number(slope) == pytest.approx(math.sqrt(13), rel=1e-3)
    assert all(read_number(row[2]) < read_number(slope) for row in rows[:-1])
    assert re.search(r"‖∇f\(1, 0\)‖ = 3\.606", text)


def test_the_best_of_360_directions_is_the_gradients_and_its_slope_is_the_gradients_length(output):
    text = _prose(output("steepest_ascent.py"))
    found = re.search(rf"θ = (\d+)°, slope ({NUMBER})\. The gradient points at θ = ({NUMBER})° "
                      rf"and has length ‖∇f‖ = ({NUMBER})\.", text)
    assert found
    exact_angle = math.degrees(math.atan2(3, 2))  # ∇f(1, 0) = (2, 3), by SymPy above
    assert int(found[1]) == round(exact_angle)
    assert read_number(found[2]) == pytest.approx(
        math.sqrt(13) * math.cos(math.radians(round(exact_angle) - exact_angle)), rel=1e-5)
    assert read_number(found[3]) == pytest.approx(exact_angle, abs=1e-3)
    assert read_number(found[4]) == pytest.approx(math.sqrt(13), rel=1e-5)


# ------------------------------------------------------------ zero gradient --


def test_the_gradient_is_zero_at_the_bowls_bottom_and_at_the_saddle_only(output):
    rows = table_rows(output("zero_gradient.py"))
    assert len(rows) == 4
    for name, _, point, gradient, length in rows:
        expr = G if name == "bowl g" else F
        exact = _grad(expr, (x, y), _vector(point))
        assert _vector(gradient) == pytest.approx(exact, abs=1e-6)
        assert read_number(length) == pytest.approx(math.hypot(*exact), rel=5e-4, abs=1e-6)
    assert [row[4] == "0" or read_number(row[4]) < 1e-6 for row in rows] == [
        True, False, False, True]


# ---------------------------------------------------------- matrix calculus --


def test_every_matrix_gradient_identity_holds_to_round_off(output):
    rows = table_rows(output("matrix_identities.py"))
    assert [row[0] for row in rows] == ["∇ₓ(Ax) = Aᵀ", "∇ₓ(xᵀB) = B", "∇ₓ(xᵀSx) = (S + Sᵀ)x",
                                        "∇ₓ‖x‖² = 2x", "∇_X ‖X‖²_F = 2X"]
    assert [row[1] for row in rows] == ["4 × 3", "4 × 3", "4", "4", "3 × 2"]
    for row in rows:
        # Central differences on these quadratics are exact but for round-off
        # (about 1e-16 / 6e-6 per entry), far below 1e-7.
        assert 0 <= read_number(row[2]) < 1e-7, row


def test_the_gradient_of_the_norm_away_from_zero_is_the_unit_vector_x_over_its_length(output):
    rows = table_rows(output("norm_gradient.py"))
    assert len(rows) == 4
    for point, measured, gap, length in rows:
        p = np.array(_vector(point))
        # Closed form: ∂‖x‖/∂xᵢ = xᵢ/‖x‖ (3 significant digits are printed).
        assert _vector(measured) == pytest.approx(p / np.linalg.norm(p), abs=2e-3)
        assert read_number(gap) < 1e-8
        assert read_number(length) == pytest.approx(1)


def test_at_zero_the_norm_has_slope_one_going_out_in_every_direction(output):
    text = output("norm_at_zero.py")
    rows = table_rows(text)
    assert [row[0] for row in rows] == ["0°", "60°", "120°", "180°", "240°", "300°"]
    for _, left, right, smooth in rows:
        # ‖t u‖ = |t|: left slope −1, right slope +1, exactly, for every unit u.
        assert (read_number(left), read_number(right), smooth) == (-1.0, 1.0, "False")
    assert "Central differences at 0 report (0, 0)" in text


# ----------------------------------------------------------- page and figures --


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", ANIMATIONS)
def test_each_animation_example_shows_a_player_with_enough_frames_under_budget(output, name):
    # h shrinks smoothly: as many frames as the seeds' sliders give their motion
    assert_animation(output(name), ANIMATION_BUDGET, min_frames=72)


def test_the_table_examples_show_a_table_and_no_figure(output):
    for name in TABLES:
        text = output(name)
        assert table_rows(text) and "<svg" not in text, name


def test_the_page_includes_every_example_of_the_chapter():
    assert_chapter_blocks(PAGE, "gradients", CHAPTER)


def test_the_console_session_on_the_page_measures_the_saddles_gradient():
    page = PAGE.read_text(encoding="utf-8")
    assert "```pycon\n>>> import numpy as np\n>>> from calcnotes import gradient, partial" in page
    assert "array([2., 3.])\n\n```" in page  # run by the doctest glob


def test_the_page_shows_at_least_one_animation_and_six_figures(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert animations >= 1 and figures >= 6


def test_the_page_ends_with_a_summary_and_a_link_to_the_chain_rule_chapter():
    summary = PAGE.read_text(encoding="utf-8").split("## Summary")[-1]
    assert "[The chain rule and backpropagation](chain-rule.md)" in summary
    assert (ROOT / "docs" / "chain-rule.md").exists()
