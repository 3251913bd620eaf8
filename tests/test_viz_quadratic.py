"""The quadratic slider: for any function, each frame draws the exact tangent line and Taylor parabola at its point."""

from __future__ import annotations

import re

import matplotlib
import numpy as np
import pytest
import sympy as sp

from calcnotes.viz import quadratic_slider

s = sp.Symbol("w", real=True)

# Each case: the function for the slider, the same function for SymPy, the span.
CASES = {
    "sin": (lambda w: np.sin(w), sp.sin(s), (-3.0, 3.0)),
    "w³ − 3w": (lambda w: w**3 - 3 * w, s**3 - 3 * s, (-2.2, 2.2)),
    "exp(−w²)": (lambda w: np.exp(-(w**2)), sp.exp(-(s**2)), (-2.5, 2.0)),
    "tanh²": (lambda w: np.tanh(w) ** 2, sp.tanh(s) ** 2, (-1.0, 3.0)),
    "1/(1 + w²)": (lambda w: 1 / (1 + w**2), 1 / (1 + s**2), (-3.0, 1.5)),
    "log(1 + w²)": (lambda w: np.log(1 + w**2), sp.log(1 + s**2), (-2.0, 4.0)),
}
DIGITS = 10
_NUMBER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def _read(text: str) -> float:
    return float(text.replace("−", "-").replace(" × 10", "e").translate(_NUMBER))


def _centres(span, frames):
    """Where the point is, frame by frame, as documented: evenly, from 3 % inside either end."""
    lo, hi = span
    inset = 0.03 * (hi - lo)
    return np.linspace(lo + inset, hi - inset, frames)


def _exact(expr, w0):
    """Oracle: g, g′, g″ at w⁰ by SymPy, at 30 digits."""
    at = sp.Float(w0, 30)
    return [float(sp.diff(expr, s, k).subs(s, at).evalf(30)) for k in range(3)]


def _labels(movie):
    found = [re.fullmatch(r"w⁰ = (.+), g\(w⁰\) = (.+), g′ = (.+), g″ = (.+)", label) for label in movie.labels]
    assert all(found), movie.labels
    return [[_read(m[i]) for i in range(1, 5)] for m in found]


# ------------------------------------------------------------ the drawing --


def _ticks(svg: str, anchor: str, axis: str) -> list[tuple[float, float]]:
    """(pixel position, value) of the tick labels of one axis: x labels are centred, y labels end-aligned."""
    style = re.search(r"\.(\w+-\d+)\{[^}]*text-anchor:" + anchor, svg)[1]
    labels = re.findall(rf"<text class=\"{style}\" x=\"([-\d.]+)\" y=\"([-\d.]+)\">([^<]+)</text>", svg)
    index = 0 if axis == "x" else 1
    pairs = []
    for *position, text in labels:
        try:
            pairs.append((float(position[index]), _read(text)))
        except ValueError:  # a title or an axis label, not a number
            continue
    return pairs


def _to_data(svg: str):
    """The map from SVG pixels to data coordinates (linear axes), fitted through the grid lines.

    Each grid line sits at a tick; its label gives the value there (the text's
    own position is its baseline, a little below the tick, so not that).
    """
    grid = re.search(r"\.([\w-]+)\{[^}]*stroke-opacity:0\.15", svg)[1]
    lines = np.array(re.findall(rf'<path d="M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)"[^>]*class="{grid}"', svg),
                     dtype=float)
    maps = []
    for anchor, axis, constant in (("middle", "x", 0), ("end", "y", 1)):
        pixels = np.sort([line[constant] for line in lines if line[constant] == line[constant + 2]])
        values = [value for _, value in sorted(_ticks(svg, anchor, axis))]
        assert len(pixels) == len(values) >= 3
        slope, intercept = np.polyfit(pixels, values, 1)
        # The ticks lie on one straight line: the fit is as good as the 0.1 px rounding.
        assert np.max(np.abs(slope * pixels + intercept - values)) < 0.1 * abs(slope)
        maps.append((slope, intercept))
    (sx, ix), (sy, iy) = maps
    return lambda px, py: (sx * px + ix, sy * py + iy), abs(sx), abs(sy)


def _paths(frame: str) -> list[np.ndarray]:
    """Every path drawn in a frame, as an array of its points (pixels)."""
    found = []
    for d in re.findall(r"<path d='([^']*)'", frame):
        points = re.findall(r"[ML]([-\d.]+) ([-\d.]+)", d)
        found.append(np.array(points, dtype=float))
    return found


@pytest.mark.parametrize("case", CASES)
def test_every_frame_labels_the_exact_value_slope_and_curvature_at_its_point(case):
    g, expr, span = CASES[case]
    frames = 9
    movie = quadratic_slider(g, span, frames=frames, digits=DIGITS)
    assert len(movie) == frames
    for w0, (point, value, slope, bend) in zip(_centres(span, frames), _labels(movie)):
        assert point == pytest.approx(w0, abs=5e-3 * max(1, abs(w0)))  # w⁰ printed to 3 digits
        exact = _exact(expr, w0)
        # Exact derivatives (nested grad), printed to 10 significant digits.
        for got, want in zip((value, slope, bend), exact):
            assert got == pytest.approx(want, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("case", CASES)
def test_the_drawn_parabola_and_tangent_are_g_plus_g1_d_plus_half_g2_d_squared_and_g_plus_g1_d(case):
    g, expr, span = CASES[case]
    frames = 7
    movie = quadratic_slider(g, span, frames=frames)
    to_data, px_x, px_y = _to_data(movie.static_svg)
    for w0, frame in zip(_centres(span, frames), movie.frames):
        value, slope, bend = _exact(expr, w0)
        paths = sorted(_paths(frame), key=len)
        tangent, parabola = paths[0], paths[-1]
        assert len(tangent) == 2 and len(parabola) > 20
        # Pixels are rounded to 0.1, the points and the grid lines the map is fitted
        # through: allow 0.2 px in each direction (a shift in w moves the height
        # by |slope| times as much). A wrong coefficient is off by many pixels.
        for points, model, steepness in [
            (tangent, lambda d: value + slope * d, lambda d: abs(slope) + 0 * d),
            (parabola, lambda d: value + slope * d + bend * d**2 / 2, lambda d: abs(slope + bend * d)),
        ]:
            w, y = to_data(points[:, 0], points[:, 1])
            d = w - w0
            allowed = 0.2 * px_y + 0.2 * px_x * steepness(d)
            assert np.all(np.abs(y - model(d)) <= allowed), (case, w0)
        # The parabola is drawn across the whole span wherever it is in view: not a short piece.
        w, _ = to_data(parabola[:, 0], parabola[:, 1])
        assert w.max() - w.min() > 0.2 * (span[1] - span[0])


def test_the_point_sits_on_the_curve_at_each_frames_w0():
    g, expr, span = CASES["sin"]
    movie = quadratic_slider(g, span, frames=5)
    to_data, px_x, px_y = _to_data(movie.static_svg)
    for w0, frame in zip(_centres(span, 5), movie.frames):
        x, y = (float(v) for v in re.search(r"<use [^>]*x='([-\d.]+)' y='([-\d.]+)'", frame).groups())
        w, height = to_data(x, y)
        assert w == pytest.approx(w0, abs=0.2 * px_x) and height == pytest.approx(np.sin(w0), abs=0.2 * px_y)


def test_where_g_cannot_be_traced_the_derivatives_are_measured_to_about_eight_digits():
    # np.arcsinh has no rule in calcnotes.autodiff: tracing raises TypeError.
    movie = quadratic_slider(lambda w: np.arcsinh(2 * w), (-2, 2), frames=6, digits=DIGITS)
    for w0, (_, value, slope, bend) in zip(_centres((-2, 2), 6), _labels(movie)):
        exact = _exact(sp.asinh(2 * s), w0)
        assert value == pytest.approx(exact[0], rel=1e-9)  # plain values, 10 digits printed
        assert slope == pytest.approx(exact[1], rel=1e-8)  # a central difference
        assert bend == pytest.approx(exact[2], rel=1e-5, abs=1e-6)  # a second difference


def test_at_an_inflection_point_the_parabola_is_the_tangent_line():
    # w³ − 3w bends neither way at 0, the middle frame: g″(0) = 0.
    movie = quadratic_slider(lambda w: w**3 - 3 * w, (-2, 2), frames=3, digits=DIGITS)
    (_, _, _, bend) = _labels(movie)[1]
    assert bend == 0
    paths = sorted(_paths(movie.frames[1]), key=len)
    tangent, parabola = paths[0], paths[-1]
    direction = tangent[1] - tangent[0]
    across = parabola - tangent[0]
    offsets = (direction[0] * across[:, 1] - direction[1] * across[:, 0]) / np.linalg.norm(direction)
    assert np.max(np.abs(offsets)) < 0.2  # pixels: on the tangent line, up to rounding


def test_the_title_names_the_input_and_the_legend_both_approximations():
    movie = quadratic_slider(lambda x: x**2, (-1, 1), frames=2, var="x", label="f(x) = x²")
    assert movie.labels == ("x⁰ = −0.94, g(x⁰) = 0.884, g′ = −1.88, g″ = 2",
                            "x⁰ = 0.94, g(x⁰) = 0.884, g′ = 1.88, g″ = 2")
    assert "at x⁰ = −0.94:  g′ = −1.88,  g″ = 2" in movie.frames[0]
    for text in ("f(x) = x²", "tangent line", "parabola", "the point x⁰"):
        assert text in movie.static_svg


def test_the_slider_leaves_global_matplotlib_settings_alone():
    before = dict(matplotlib.rcParams)
    quadratic_slider(np.sin, frames=3)
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize(
    "call, error, names",
    [
        (lambda: quadratic_slider("sin"), TypeError, "g must"),
        (lambda: quadratic_slider(np.sin, (3, -3)), ValueError, "span"),
        (lambda: quadratic_slider(np.sin, (0, float("inf"))), ValueError, "span"),
        (lambda: quadratic_slider(np.sin, 3.0), ValueError, "span"),
        (lambda: quadratic_slider(np.sin, frames=1), ValueError, "frames must be a whole number of at least 2"),
        (lambda: quadratic_slider(np.sin, frames=20.5), ValueError, "frames must"),
        (lambda: quadratic_slider(np.sin, frames="many"), ValueError, "frames must"),
        (lambda: quadratic_slider(np.sin, frames=True), ValueError, "frames must"),
        (lambda: quadratic_slider(np.sin, digits=0), ValueError, "digits must"),
        (lambda: quadratic_slider(np.sin, fps=0), ValueError, "fps must"),
        (lambda: quadratic_slider(np.sin, fps=float("nan")), ValueError, "fps must"),
    ],
)
def test_bad_arguments_are_refused_with_an_error_naming_them(call, error, names):
    with pytest.raises(error, match=names):
        call()
