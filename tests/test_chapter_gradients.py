"""Chapter 5, "Partial derivatives and the gradient": its examples print what the page claims."""

from __future__ import annotations

import itertools
import math
import re
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
import sympy as sp
from conftest import ROOT, run_snippet
from pageoutput import (assert_accessible_svg, assert_page_includes_chapter, assert_player,
                        figure_counts, player_data, read_number, table_rows)

from calcnotes.animation import secant_plane_slider
from calcnotes.figures import (
    axis_tangent_planes_figure,
    directional_figure,
    gradient_field_figure,
    norm_cone_figure,
    partial_slices_figure,
    steepest_ascent_figure,
    surface_contour_figure,
)

PAGE = ROOT / "docs" / "gradients.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "gradients").glob("*.py"))
# Inline SVG budgets: line art 40 KB; 3-D surfaces and contour maps up to 80 KB.
FIGURES = {
    "surface_and_contours.py": 80_000,
    "partial_slices.py": 40_000,
    "tangent_planes.py": 80_000,
    "direction_on_contours.py": 80_000,
    "steepest_ascent.py": 40_000,
    "gradient_field.py": 80_000,
    "bowl_field.py": 80_000,
    "norm_cone.py": 80_000,
}
ANIMATIONS = ["secant_planes.py"]
TABLES = ["partials_at_a_point.py", "taylor_plane_error.py", "nudge_along_v.py",
          "directions_table.py", "zero_gradient.py", "matrix_identities.py",
          "norm_gradient.py", "norm_at_zero.py"]
ANIMATION_BUDGET = 400_000
ANIMATION_AIM = 200_000

x, y, z, t = sp.symbols("x y z t", real=True)
F = x**2 + 3 * x * y + y**2  # the saddle of the chapter
G = 5 + (x + sp.Rational(1, 2)) ** 2 + (y + sp.Rational(1, 2)) ** 2  # the bowl, w₁ = x, w₂ = y


@pytest.fixture(scope="module")
def output():
    """Every example's printed output, each run once in a fresh interpreter (two at a time)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(CHAPTER, pool.map(lambda n: run_snippet(f"gradients/{n}"), CHAPTER)))
    return results


NUMBER = r"−?[\d.]+(?: × 10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?"


def _vector(text: str) -> list[float]:
    """The numbers of a printed vector such as '(4, 1, −3)'."""
    return [read_number(part) for part in text.strip().strip("()").split(",")]


def _grad(expr, symbols, point) -> list[float]:
    return [float(sp.diff(expr, s).subs(dict(zip(symbols, point)))) for s in symbols]


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted([*FIGURES, *ANIMATIONS, *TABLES])


# ---------------------------------------------------------------- partials --


def test_the_partials_of_the_saddle_at_one_one_are_five_and_five(output):
    text = output["partials_at_a_point.py"]
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


def test_the_tangent_plane_of_the_bowl_at_the_origin_is_printed_with_its_exact_slopes(output):
    text = output["tangent_planes.py"]
    found = re.search(rf"h\(w\) = ({NUMBER}) \+ ({NUMBER})·w₁ \+ ({NUMBER})·w₂", text)
    assert found
    value = float(G.subs({x: 0, y: 0}))
    assert [read_number(found[k]) for k in (1, 2, 3)] == pytest.approx(
        [value, *_grad(G, (x, y), (0, 0))])


def test_only_the_tangent_planes_error_shrinks_faster_than_the_distance(output):
    rows = [[read_number(c) for c in row] for row in table_rows(output["taylor_plane_error.py"])]
    assert [row[0] for row in rows] == [0.5, 0.05, 0.005, 0.0005]
    for r, err_plane, ratio_plane, err_axis, ratio_axis in rows:
        # Closed form: g − h = w₁² + w₂² = r² on the circle; g − h₁ = r² + w₂,
        # largest (r² + r) where the circle crosses the w₂ axis (a sampled direction).
        assert err_plane == pytest.approx(r**2, rel=1e-3)
        assert ratio_plane == pytest.approx(r, rel=1e-3)
        assert err_axis == pytest.approx(r**2 + r, rel=1e-3)
        assert ratio_axis == pytest.approx(1 + r, rel=1e-3)


# ---------------------------------------------------------------- animation --


def test_the_secant_animation_is_a_light_player_with_enough_frames(output):
    assert ANIMATION_AIM <= ANIMATION_BUDGET
    assert_player(output["secant_planes.py"], ANIMATION_AIM)


def test_the_secant_slopes_along_each_axis_are_one_plus_epsilon_and_close_in_on_the_partials(output):
    text = output["secant_planes.py"]
    labels = player_data(text)["labels"]
    eps = sp.Symbol("epsilon", positive=True)
    # Oracle: SymPy's secant slope of the bowl from the origin, along w₁ and along w₂.
    along = [sp.simplify((G.subs({x: eps, y: 0}) - G.subs({x: 0, y: 0})) / eps),
             sp.simplify((G.subs({x: 0, y: eps}) - G.subs({x: 0, y: 0})) / eps)]
    assert along == [eps + 1, eps + 1]
    steps = []
    for label in labels:
        found = re.fullmatch(rf"ε = ({NUMBER}): slopes ({NUMBER}) and ({NUMBER})", label)
        assert found, label
        e = read_number(found[1])
        steps.append(e)
        for k, slope in enumerate(along, start=2):
            assert read_number(found[k]) == pytest.approx(float(slope.subs(eps, e)), rel=1e-3)
    assert steps[0] == 1 and all(b < a for a, b in itertools.pairwise(steps))
    assert 0 < steps[-1] < 1e-3  # the last secant is within 0.1 % of ∂g/∂wᵢ = 1


def test_the_secant_planes_are_named_tangent_only_once_their_slope_is_close(output):
    data = player_data(output["secant_planes.py"])
    first, last = data["frames"][0], data["frames"][-1]
    assert "secant slope" in first and "≈ ∂g/∂w" not in first
    assert "≈ ∂g/∂w₁" in last and "≈ ∂g/∂w₂" in last


# ------------------------------------------------------ directional derivatives --


def test_the_nudge_along_two_three_minus_one_changes_f_by_about_epsilon_grad_dot_v(output):
    text = output["nudge_along_v.py"]
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
    for e, change, predicted, ratio in rows:
        point = {s: c + e * d for s, c, d in zip((x, y, z), p, v)}
        true_change = float(f.subs(point) - f.subs(dict(zip((x, y, z), p))))
        # Printed to 4 significant digits: compare within half a unit of the last one.
        assert change == pytest.approx(true_change, rel=5e-4)
        assert predicted == pytest.approx(8 * e, rel=5e-4)
        assert ratio == pytest.approx(true_change / (8 * e), abs=5e-4)
    # Only the first row is far off: the gap is second order in ε.
    assert rows[0][3] > 1.1 and abs(rows[-1][3] - 1) < 1e-3


def test_the_slope_along_two_minus_one_from_one_one_is_root_five(output):
    caption = re.search(r"<figcaption>(.*?)</figcaption>", output["direction_on_contours.py"])[1]
    found = re.search(rf"∇f·u = ({NUMBER})", caption)
    gx, gy = _grad(F, (x, y), (1, 1))
    assert read_number(found[1]) == pytest.approx((2 * gx - gy) / math.sqrt(5), rel=1e-3)


def test_no_compass_direction_beats_the_gradient_direction_whose_slope_is_its_length(output):
    text = output["directions_table.py"]
    rows = table_rows(text)
    gx, gy = _grad(F, (x, y), (1, 0))
    assert (gx, gy) == (2.0, 3.0)
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
    caption = re.search(r"<figcaption>(.*?)</figcaption>", output["steepest_ascent.py"])[1]
    found = re.search(rf"θ = (\d+)°, slope ({NUMBER})\. The gradient points at θ = ({NUMBER})° "
                      rf"and has length ‖∇f‖ = ({NUMBER})\.", caption)
    assert found
    exact_angle = math.degrees(math.atan2(3, 2))  # ∇f(1, 0) = (2, 3), by SymPy above
    assert int(found[1]) == round(exact_angle)
    assert read_number(found[2]) == pytest.approx(
        math.sqrt(13) * math.cos(math.radians(round(exact_angle) - exact_angle)), rel=1e-5)
    assert read_number(found[3]) == pytest.approx(exact_angle, abs=1e-3)
    assert read_number(found[4]) == pytest.approx(math.sqrt(13), rel=1e-5)


# ------------------------------------------------------------ zero gradient --


def test_the_gradient_is_zero_at_the_bowls_bottom_and_at_the_saddle_only(output):
    rows = table_rows(output["zero_gradient.py"])
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
    rows = table_rows(output["matrix_identities.py"])
    assert [row[0] for row in rows] == ["∇ₓ(Ax) = Aᵀ", "∇ₓ(xᵀB) = B", "∇ₓ(xᵀSx) = (S + Sᵀ)x",
                                        "∇ₓ‖x‖² = 2x", "∇_X ‖X‖²_F = 2X"]
    assert [row[1] for row in rows] == ["4 × 3", "4 × 3", "4", "4", "3 × 2"]
    for row in rows:
        # Central differences on these quadratics are exact but for round-off
        # (about 1e-16 / 6e-6 per entry), far below 1e-7.
        assert 0 <= read_number(row[2]) < 1e-7, row


def test_the_gradient_of_the_norm_away_from_zero_is_the_unit_vector_x_over_its_length(output):
    rows = table_rows(output["norm_gradient.py"])
    assert len(rows) == 4
    for point, measured, gap, length in rows:
        p = np.array(_vector(point))
        # Closed form: ∂‖x‖/∂xᵢ = xᵢ/‖x‖ (3 significant digits are printed).
        assert _vector(measured) == pytest.approx(p / np.linalg.norm(p), abs=2e-3)
        assert read_number(gap) < 1e-8
        assert read_number(length) == pytest.approx(1)


def test_at_zero_the_norm_has_slope_one_going_out_in_every_direction(output):
    text = output["norm_at_zero.py"]
    rows = table_rows(text)
    assert [row[0] for row in rows] == ["0°", "60°", "120°", "180°", "240°", "300°"]
    for _, left, right, smooth in rows:
        # ‖t u‖ = |t|: left slope −1, right slope +1, exactly, for every unit u.
        assert (read_number(left), read_number(right), smooth) == (-1.0, 1.0, "False")
    assert "Central differences at 0 report (0, 0)" in text


# ----------------------------------------------------------- page and figures --


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_each_figure_example_prints_one_small_accessible_svg(output, name):
    assert_accessible_svg(output[name], FIGURES[name])


def test_the_page_includes_every_example_in_the_standard_block_and_markdown_ones_without_html():
    assert_page_includes_chapter(PAGE, "gradients", CHAPTER, markdown=TABLES)


def test_the_page_shows_at_least_one_animation_and_six_figures(output):
    figures, animations = figure_counts(output[name] for name in CHAPTER)
    assert animations >= 1 and figures >= 6


def test_the_page_ends_with_a_summary_and_a_link_to_the_chain_rule_chapter():
    summary = PAGE.read_text(encoding="utf-8").split("## Summary")[-1]
    assert "[The chain rule and backpropagation](chain-rule.md)" in summary
    assert (ROOT / "docs" / "chain-rule.md").exists()


# ------------------------------------------------------- the figure functions --

SADDLE = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
BOWL = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2


def test_the_gradient_arrows_point_along_the_exact_gradient_of_the_saddle():
    fig = gradient_field_figure(SADDLE, (-2, 2), (-2, 2), arrows=8)
    quiver = fig.axes[0].collections[-1]
    tails, (u, v) = quiver.get_offsets(), (quiver.U, quiver.V)
    centres = tails + np.column_stack([u, v]) / 2
    exact = np.column_stack([2 * centres[:, 0] + 3 * centres[:, 1],
                             3 * centres[:, 0] + 2 * centres[:, 1]])
    arrows = np.column_stack([u, v])
    cosine = np.sum(arrows * exact, axis=1) / (
        np.linalg.norm(arrows, axis=1) * np.linalg.norm(exact, axis=1))
    assert len(arrows) == 64
    assert np.all(cosine > 1 - 1e-9)  # same direction, hence across the level curves
    assert np.ptp(np.linalg.norm(arrows, axis=1)) < 1e-12  # normalised: equal lengths


def test_true_length_arrows_are_proportional_to_the_gradient_and_vanish_at_the_minimum():
    fig = gradient_field_figure(BOWL, (-2, 1), (-2, 1), arrows=9, normalize=False)
    quiver = fig.axes[0].collections[-1]
    centres = quiver.get_offsets() + np.column_stack([quiver.U, quiver.V]) / 2
    exact = 2 * (centres + 0.5)  # ∇g = (2(w₁ + 0.5), 2(w₂ + 0.5))
    ratio = np.linalg.norm(np.column_stack([quiver.U, quiver.V]), axis=1)
    lengths = np.linalg.norm(exact, axis=1)
    moving = lengths > 1e-9
    assert np.ptp(ratio[moving] / lengths[moving]) < 1e-6
    assert ratio[~moving] == pytest.approx(0, abs=1e-9) and (~moving).sum() == 1


def test_the_slice_figure_titles_give_the_partials_and_its_lines_touch_the_slices():
    fig = partial_slices_figure(SADDLE, (1, 1), (-1, 3), (-1, 3))
    for ax, var in zip(fig.axes, "xy"):
        assert ax.get_title().endswith(f"∂f/∂{var} = 5")
        _, tangent, _ = ax.get_lines()
        w, h = tangent.get_data()
        np.testing.assert_allclose(h, 5 + 5 * (np.asarray(w) - 1), atol=1e-6)


def test_the_steepest_ascent_curve_is_the_cosine_of_the_angle_to_the_gradient():
    fig = steepest_ascent_figure(SADDLE, (1, 0), directions=72)
    angles, slopes = fig.axes[0].get_lines()[0].get_data()
    exact = 2 * np.cos(np.radians(angles)) + 3 * np.sin(np.radians(angles))
    np.testing.assert_allclose(slopes, exact, atol=1e-6)


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: surface_contour_figure(SADDLE, (2, -2), (-2, 2)), ValueError),
        (lambda: surface_contour_figure(SADDLE, (-2, 2), (-2, 2), levels=[3, 1]), ValueError),
        (lambda: surface_contour_figure(SADDLE, (-2, 2), (-2, 2), point=(1, 2, 3)), ValueError),
        (lambda: surface_contour_figure("f", (-2, 2), (-2, 2)), TypeError),
        (lambda: partial_slices_figure(SADDLE, (np.nan, 1), (-1, 3), (-1, 3)), ValueError),
        (lambda: axis_tangent_planes_figure(BOWL, (0, 0, 0), (-2, 1), (-2, 1)), ValueError),
        (lambda: gradient_field_figure(SADDLE, (-2, 2), (-2, 2), arrows=1), ValueError),
        (lambda: directional_figure(SADDLE, (1, 1), (0, 0), (-2, 2), (-2, 2)), ValueError),
        (lambda: directional_figure(SADDLE, (1, 1), (1, 0), (-2, 2), (-2, 2), reach=0), ValueError),
        (lambda: steepest_ascent_figure(SADDLE, (1, 0), directions=4), ValueError),
        (lambda: norm_cone_figure(radius=-1), ValueError),
        (lambda: norm_cone_figure(rays=1), ValueError),
        (lambda: secant_plane_slider(BOWL, frames=1), ValueError),
        (lambda: secant_plane_slider(BOWL, start=0), ValueError),
        (lambda: secant_plane_slider(BOWL, w0=(0, 0, 0)), ValueError),
    ],
)
def test_bad_arguments_are_refused_early_with_a_clear_error(call, error):
    with pytest.raises(error):
        call()
