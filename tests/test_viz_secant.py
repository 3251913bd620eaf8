"""The secant slider: for any function and point, its slopes are the exact secant slopes, closing in on g'(w⁰)."""

from __future__ import annotations

import re

import matplotlib
import numpy as np
import pytest
import sympy as sp

from calcnotes.viz import secant_slider

s = sp.Symbol("w", real=True)

# Each case: the function for the slider, the same function for SymPy, the point w⁰, the reach.
CASES = {
    "sin at 0": (lambda w: np.sin(w), sp.sin(s), 0.0, 2.6),
    "w³ at 1": (lambda w: w**3, s**3, 1.0, 1.5),
    "exp at −0.5": (lambda w: np.exp(w), sp.exp(s), -0.5, 2.0),
    "tanh² at 1": (lambda w: np.tanh(w) ** 2, sp.tanh(s) ** 2, 1.0, 2.2),
    "1/(1 + w²) at −0.7": (lambda w: 1 / (1 + w**2), 1 / (1 + s**2), -0.7, 1.9),
}
DIGITS = 10


def _read(text: str) -> float:
    return float(text.replace("−", "-").replace(" × 10", "e").translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")))


def _frames(movie) -> list[tuple[float, float]]:
    """(w¹, secant slope) read from each frame's label."""
    found = [re.fullmatch(r"w¹ = (.+), secant slope (.+)", label) for label in movie.labels]
    assert all(found), movie.labels
    return [(_read(m[1]), _read(m[2])) for m in found]


def _titles(movie) -> list[str]:
    return [re.search(r"<text\b[^>]*>(w¹ = [^<]*)</text>", frame)[1] for frame in movie.frames]


def _exact_secant(expr, w0: float, w1: float) -> float:
    """Oracle: (g(w¹) − g(w⁰)) / (w¹ − w⁰), in exact arithmetic, rounded at the end."""
    a, b = sp.Rational(w0), sp.Rational(w1)
    return float(((expr.subs(s, b) - expr.subs(s, a)) / (b - a)).evalf(30))


def _exact_derivative(expr, w0: float) -> float:
    return float(sp.diff(expr, s).subs(s, sp.Rational(w0)).evalf(30))


def _span(w0, reach):
    return (w0 - reach - 0.5, w0 + reach + 0.5)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("side", ["left", "right"])
def test_every_frame_gives_the_exact_secant_slope_through_w0_and_w1(case, side):
    g, expr, w0, reach = CASES[case]
    n = 12
    movie = secant_slider(g, w0, _span(w0, reach), side=side, reach=reach, frames=n, digits=DIGITS)
    sign = -1 if side == "left" else 1
    for k, (point, slope) in zip(range(n, 0, -1), _frames(movie)):
        # Documented: the second point is reach · (k / n)² away, coming in from the chosen side.
        w1 = w0 + sign * reach * (k / n) ** 2
        assert point == pytest.approx(w1, rel=1e-8, abs=1e-12)  # printed to at least 9 digits
        # The printed slope has 10 significant digits; the float secant itself is good to ~1e-14 here.
        assert slope == pytest.approx(_exact_secant(expr, w0, w1), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("case", CASES)
def test_the_secant_slopes_close_in_on_the_exact_derivative_from_both_sides(case):
    g, expr, w0, reach = CASES[case]
    n = 40
    frames = _frames(secant_slider(g, w0, _span(w0, reach), reach=reach, frames=n, digits=DIGITS))
    exact = _exact_derivative(expr, w0)
    closest = reach / (n // 2) ** 2  # the nearest frames, one each side of w⁰
    g2 = abs(float(sp.diff(expr, s, 2).subs(s, sp.Rational(w0))))
    for point, slope in frames[n // 2 - 1:n // 2 + 1]:
        assert abs(point - w0) == pytest.approx(closest, rel=1e-8)
        # Taylor: secant slope − g'(w⁰) = g''(w⁰) d / 2 + O(d²), with d = w¹ − w⁰.
        assert abs(slope - exact) <= g2 * closest / 2 + closest**2
    errors = [abs(slope - exact) for _, slope in frames]
    assert max(errors[n // 2 - 1:n // 2 + 1]) < min(errors[0], errors[-1]) / 100


@pytest.mark.parametrize("case", CASES)
def test_the_title_sets_the_secant_slope_beside_the_exact_tangent_slope(case):
    g, expr, w0, reach = CASES[case]
    movie = secant_slider(g, w0, _span(w0, reach), reach=reach, frames=4, digits=8)
    exact = _exact_derivative(expr, w0)
    for title, label in zip(_titles(movie), movie.labels):
        found = re.fullmatch(r"(w¹ = .+):  (secant slope .+),  tangent slope (.+)", title)
        assert found and f"{found[1]}, {found[2]}" == label
        # 8 digits printed; the tangent's slope is a central difference, good to about 1e-10.
        assert _read(found[3]) == pytest.approx(exact, rel=1e-7, abs=1e-9)
    assert "tangent at w⁰" in movie.static_svg


def test_from_both_sides_w1_runs_from_w0_minus_reach_through_w0_to_w0_plus_reach_without_landing_on_it():
    movie = secant_slider(np.sin, 0.5, (-3, 3), reach=2.0, frames=9)
    points = [p for p, _ in _frames(movie)]
    assert len(movie) == 9 and points[0] == -1.5 and points[-1] == 2.5
    assert points == sorted(points) and 0.5 not in points
    assert sum(p < 0.5 for p in points) == 4  # half the frames on the left, the rest on the right


@pytest.mark.parametrize("side, inside", [("left", lambda p: p < 1), ("right", lambda p: p > 1)])
def test_from_one_side_w1_stays_on_that_side_and_closes_in(side, inside):
    points = [p for p, _ in _frames(secant_slider(np.exp, 1.0, (-1, 3), side=side, frames=10))]
    assert all(map(inside, points))
    distances = [abs(p - 1) for p in points]
    assert distances == sorted(distances, reverse=True) and distances[-1] < 0.02
    assert distances[0] == pytest.approx(1.8)  # by default 90 % of the room on that side


def test_w1_is_printed_with_enough_digits_never_to_read_as_w0_even_far_from_0():
    movie = secant_slider(np.sin, 10_000.0, (9_997, 10_003), reach=1.0, frames=20)  # closest: 0.01 away
    points = [p for p, _ in _frames(movie)]
    assert 10_000.0 not in points and len(set(points)) == len(points)
    assert points[9] == pytest.approx(9_999.99) and points[10] == pytest.approx(10_000.01)


def test_relu_at_its_corner_has_slope_0_from_the_left_1_from_the_right_and_no_tangent():
    relu = sp.Max(0, s)
    movie = secant_slider(lambda w: np.maximum(0, w), 0.0, (-2, 2), frames=30)
    for point, slope in _frames(movie):
        assert slope == _exact_secant(relu, 0.0, point) == (1.0 if point > 0 else 0.0)
    assert all(title.endswith("(no tangent at w⁰)") for title in _titles(movie))
    assert "tangent at w⁰" not in movie.static_svg


def test_away_from_the_corner_relu_gets_its_tangent_and_the_tangent_can_be_switched_off():
    relu = lambda w: np.maximum(0, w)
    assert all(t.endswith(",  tangent slope 1") for t in _titles(secant_slider(relu, 1.0, (-1, 3), frames=4)))
    off = secant_slider(np.sin, 0.0, frames=4, tangent=False)
    assert all(t.endswith("(no tangent at w⁰)") for t in _titles(off))


def test_the_name_of_the_input_and_the_curve_label_are_used():
    movie = secant_slider(lambda x: x**2, 1.0, var="x", label="f(x) = x²", side="right", reach=1.0, frames=2)
    assert movie.labels == ("x¹ = 2, secant slope 3", "x¹ = 1.25, secant slope 2.25")
    assert "f(x) = x²" in movie.static_svg and "x⁰ = 1" in movie.static_svg


def test_the_slider_leaves_global_matplotlib_settings_alone():
    before = dict(matplotlib.rcParams)
    secant_slider(np.sin, 0.0, frames=4)
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize(
    "call, error, names",
    [
        (lambda: secant_slider("sin", 0.0), TypeError, "g must"),
        (lambda: secant_slider(np.sin, float("nan")), ValueError, "w0 must"),
        (lambda: secant_slider(np.sin, "0"), ValueError, "w0 must"),
        (lambda: secant_slider(np.sin, 5.0, (-3, 3)), ValueError, "w0 must lie inside span"),
        (lambda: secant_slider(np.sin, -3.0, (-3, 3)), ValueError, "w0 must lie inside span"),
        (lambda: secant_slider(np.sin, 0.0, (3, -3)), ValueError, "span"),
        (lambda: secant_slider(np.sin, 0.0, side="up"), ValueError, "side must be one of 'both', 'left', 'right'"),
        (lambda: secant_slider(np.sin, 0.0, reach=0.0), ValueError, "reach must be positive"),
        (lambda: secant_slider(np.sin, 0.0, (-3, 3), reach=3.5), ValueError, "reach"),
        (lambda: secant_slider(np.sin, 1.0, (-3, 3), reach=2.5), ValueError, "at most the room the span leaves on either side of w0, 2;"),
        (lambda: secant_slider(np.sin, 1.0, (-3, 3), side="right", reach=2.5), ValueError, "right of w0, 2;"),
        (lambda: secant_slider(np.sin, 0.0, reach=float("inf")), ValueError, "reach must"),
        (lambda: secant_slider(np.sin, 0.0, frames=3), ValueError, "frames must .* at least 4"),
        (lambda: secant_slider(np.sin, 0.0, side="left", frames=1), ValueError, "frames must .* at least 2"),
        (lambda: secant_slider(np.sin, 0.0, frames=40.5), ValueError, "frames must be a whole number"),
        (lambda: secant_slider(np.sin, 0.0, frames=float("inf")), ValueError, "frames must be a whole number"),
        (lambda: secant_slider(np.sin, 0.0, frames="many"), ValueError, "frames must be a whole number"),
        (lambda: secant_slider(np.sin, 0.0, digits=0), ValueError, "digits"),
        (lambda: secant_slider(np.sin, 0.0, fps=0), ValueError, "fps"),
    ],
)
def test_bad_arguments_are_refused_with_an_error_naming_them(call, error, names):
    with pytest.raises(error, match=names):
        call()


def test_a_one_sided_reach_may_use_all_the_room_on_its_own_side():
    # w⁰ = 1 in (−3, 3): 4 to the left, 2 to the right.
    assert _frames(secant_slider(np.sin, 1.0, (-3, 3), side="left", reach=3.5, frames=2))[0][0] == -2.5
