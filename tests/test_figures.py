"""Static figures: readable in both palettes, small, and drawing the right lines."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from calcnotes import figures
from calcnotes.figures import (
    line_and_plane_figure,
    new_figure,
    plot_curve,
    plot_line,
    tangent_figure,
    tangent_plane_figure,
    zoom_figure,
)
from calcnotes.legacy import INK, svg_markup

LINE_ART_BUDGET = 40_000  # bytes of inline SVG per figure
DATA_COLOURS = ["POINT", "TANGENT", "SECANT", "ACCENT", "EXTRA", "SURFACE"]
LIGHT_BACKGROUND, DARK_BACKGROUND = "#ffffff", "#1e2129"  # Material's default and slate


def _luminance(colour: str) -> float:
    """Relative luminance, as defined by WCAG 2."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", DATA_COLOURS)
def test_every_data_colour_stands_out_on_the_light_and_the_dark_background(name):
    colour = getattr(figures, name)
    # WCAG asks 3:1 for graphical objects that carry meaning.
    assert _contrast(colour, LIGHT_BACKGROUND) >= 3.0
    assert _contrast(colour, DARK_BACKGROUND) >= 3.0


def test_the_curve_uses_the_page_ink_and_no_data_colour_does():
    assert figures.CURVE == INK
    assert INK not in [getattr(figures, name) for name in DATA_COLOURS]


FIGURES = {
    "tangent line": lambda: tangent_figure(lambda x: x**2, 1.5, (-3, 3), var="x", name="f"),
    "zoom": lambda: zoom_figure(np.sin, 1.0),
    "tangent plane": lambda: tangent_plane_figure(lambda w: np.sin(w[0]), (-1.5, 1), (-3, 3), (-3, 3)),
    "line and plane": lambda: line_and_plane_figure(
        lambda w: 2 + np.sin(w), lambda w: 2 + np.sin(w[0] + w[1])
    ),
}


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_renders_to_small_palette_aware_svg(name):
    svg = svg_markup(FIGURES[name]())
    assert len(svg.encode()) <= LINE_ART_BUDGET, len(svg.encode())
    assert "currentColor" in svg and INK not in svg


@pytest.mark.parametrize("name", FIGURES)
def test_figures_are_made_without_pyplot_and_leave_global_settings_alone(name):
    before = dict(matplotlib.rcParams)
    fig = FIGURES[name]()
    assert isinstance(fig, Figure)
    assert fig.canvas.manager is None  # not registered with pyplot: nothing to close
    assert dict(matplotlib.rcParams) == before


def test_the_tangent_figure_draws_the_exact_tangent_of_x_squared_at_one_and_a_half():
    fig = tangent_figure(lambda x: x**2, 1.5, (-3, 3), var="x", name="f")
    ax = fig.axes[0]
    curve, tangent, point = ax.get_lines()
    w, y = tangent.get_data()
    # Closed form: the tangent of x² at 1.5 is y = 3x − 2.25. The numerical
    # derivative is exact to about 1e-9 here (central differences, smooth f).
    np.testing.assert_allclose(y, 3 * np.asarray(w) - 2.25, atol=1e-6)
    np.testing.assert_allclose(point.get_xydata(), [[1.5, 2.25]])
    assert [t.get_text() for t in ax.get_legend().get_texts()][1] == "tangent: y = 3x − 2.25"


def test_the_tangent_figure_keeps_the_view_on_the_curve_not_on_a_steep_line():
    fig = tangent_figure(lambda x: np.exp(3 * x), 1.0, (-1, 1))
    low, high = fig.axes[0].get_ylim()
    # The tangent y = e³(3x − 2) reaches −5e³ at x = −1; the curve stays above 0.
    assert -0.2 * np.exp(3) < low < 0 and np.exp(3) < high < 1.5 * np.exp(3)


def test_the_tangent_plane_figure_marks_the_point_on_the_surface():
    fig = tangent_plane_figure(lambda w: np.sin(w[0]), (-1.5, 1), (-3, 3), (-3, 3))
    ax = fig.axes[0]
    assert ax.name == "3d"
    (point,) = ax.get_lines()
    xs, ys, zs = point.get_data_3d()
    np.testing.assert_allclose([xs[0], ys[0], zs[0]], [-1.5, 1.0, np.sin(-1.5)])
    assert len(ax.collections) == 2  # the surface and its tangent plane


def test_the_line_and_plane_figure_puts_a_curve_beside_a_surface():
    fig = line_and_plane_figure(lambda w: 2 + np.sin(w), lambda w: 2 + np.sin(w[0] + w[1]))
    left, right = fig.axes
    assert (left.name, right.name) == ("rectilinear", "3d")
    legend = [t.get_text() for t in left.get_legend().get_texts()]
    assert "tangent: y = w + 2" in legend


def test_the_zoom_figure_has_one_panel_per_window_centred_on_the_point():
    fig = zoom_figure(np.sin, 1.0, (1.0, 0.1, 0.01))
    limits = [limit for ax in fig.axes for limit in ax.get_xlim()]
    assert limits == pytest.approx([0, 2, 0.9, 1.1, 0.99, 1.01])


def test_the_building_blocks_draw_a_curve_and_a_line_without_rescaling_the_view():
    fig, (ax,) = new_figure()
    plot_curve(ax, np.sin, (0, 1))
    ax.autoscale_view()
    before = ax.get_ylim()
    plot_line(ax, lambda w: 100 * w, (0, 1))
    ax.autoscale_view()
    assert ax.get_ylim() == before


def test_a_constant_function_is_drawn_as_a_flat_curve():
    fig, (ax,) = new_figure()
    line = plot_curve(ax, lambda w: 2.0, (0, 1), n=5)
    assert line.get_ydata().tolist() == [2.0] * 5


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: tangent_figure(np.sin, 0.0, (1, -1)), ValueError),
        (lambda: tangent_figure(np.sin, 0.0, (0, np.inf)), ValueError),
        (lambda: tangent_figure("sin", 0.0, (-1, 1)), TypeError),
        (lambda: tangent_plane_figure(lambda w: w[0], (1, 2, 3), (-1, 1), (-1, 1)), ValueError),
        (lambda: zoom_figure(np.sin, 0.0, (1.0, -0.1)), ValueError),
        (lambda: new_figure(2, projection=["3d"]), ValueError),
    ],
)
def test_bad_arguments_are_refused_early_with_a_clear_error(call, error):
    with pytest.raises(error):
        call()
