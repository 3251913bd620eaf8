"""surface_with_plane: the plane it draws is the exact first-order Taylor plane (SymPy), or the one given."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from calcnotes.viz import TANGENT, surface_with_plane

w1, w2 = sp.symbols("w1 w2", real=True)
FUNCTIONS = {
    "the saddle": w1**2 + 3 * w1 * w2 + w2**2,
    "the bowl": 5 + (w1 + sp.Rational(1, 2)) ** 2 + (w2 + sp.Rational(1, 2)) ** 2,
    "a wave times a line": sp.sin(w1) * w2 + w2**2,
    "an exponential ridge": sp.exp(w1 - w2) / 3,
}
POINTS = [(0.0, 0.0), (0.5, -0.3), (-1.5, 1.0)]


def _numpy(expr):
    """The SymPy expression as a reader's NumPy function of stacked inputs."""
    f = sp.lambdify((w1, w2), expr, "numpy")
    return lambda w: f(w[0], w[1])


def _plane(fig: Figure):
    ax = fig.axes[0]
    (plane,) = [c for c in ax.collections if c.get_label() == "plane"]
    return ax, plane


def _square(w0, span, plane_size):
    """The corners of the drawn square around w0, in the order they are drawn."""
    r = plane_size * (span[1] - span[0]) / 2
    return (w0[0] + np.array([-r, r, r, -r]), w0[1] + np.array([-r, -r, r, r]))


def _on_screen(ax, X, Y, Z) -> np.ndarray:
    """Where the 3-D points land in the axes' 2-D projection (the same one Matplotlib draws with)."""
    P = ax.get_proj() @ np.vstack([X, Y, Z, np.ones_like(X)])
    return (P[:2] / P[3]).T


def _drawn_corners(fig, plane) -> np.ndarray:
    fig.draw_without_rendering()  # projects the 3-D faces into the 2-D paths
    return plane.get_paths()[0].vertices[:4]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@pytest.mark.parametrize("w0", POINTS)
def test_the_plane_is_the_exact_first_order_taylor_plane(name, w0):
    expr = FUNCTIONS[name]
    fig = surface_with_plane(_numpy(expr), w0, (-2, 2), n=5, plane_size=0.4)
    ax, plane = _plane(fig)
    at = {w1: w0[0], w2: w0[1]}
    value = float(expr.subs(at))
    slope1, slope2 = (float(sp.diff(expr, s).subs(at)) for s in (w1, w2))
    X, Y = _square(w0, (-2, 2), 0.4)
    Z = value + slope1 * (X - w0[0]) + slope2 * (Y - w0[1])  # SymPy's Taylor plane
    # The plane comes from central differences (error ~1e-10 in each slope), far
    # below what moves a projected corner by 1e-7 of the axes' size.
    np.testing.assert_allclose(_drawn_corners(fig, plane), _on_screen(ax, X, Y, Z), atol=1e-7)


def test_a_plane_off_by_a_little_is_not_drawn_where_the_taylor_plane_is():
    expr = FUNCTIONS["the bowl"]
    fig = surface_with_plane(_numpy(expr), (0, 0), (-2, 2), n=5, plane_size=0.4)
    ax, plane = _plane(fig)
    X, Y = _square((0, 0), (-2, 2), 0.4)
    wrong = 5.5 + 1.0 * X + 1.01 * Y  # ∂g/∂w₂ off by 1 %
    assert not np.allclose(_drawn_corners(fig, plane), _on_screen(ax, X, Y, wrong), atol=1e-7)


def test_a_given_plane_is_drawn_instead_of_the_tangent_plane_in_the_given_colour():
    g = _numpy(FUNCTIONS["the bowl"])
    along_w1 = lambda w: 5.5 + 1.0 * w[0]  # tangent along w₁ only
    fig = surface_with_plane(g, (0, 0), (-2, 1), n=5, plane_size=0.5, plane=along_w1, color="#336699")
    ax, plane = _plane(fig)
    X, Y = _square((0, 0), (-2, 1), 0.5)
    np.testing.assert_allclose(_drawn_corners(fig, plane), _on_screen(ax, X, Y, 5.5 + X), atol=1e-9)
    rgb = plane.get_facecolor()[0][:3]
    ratio = rgb / np.array(to_rgb("#336699"))  # a lighter or darker shade of the colour, same hue
    assert np.ptp(ratio) < 1e-9 and 0.5 < ratio[0] < 1.5


def test_the_default_plane_is_tangent_green():
    fig = surface_with_plane(_numpy(FUNCTIONS["the saddle"]), (1, 1), (-2, 2), n=4)
    rgb = _plane(fig)[1].get_facecolor()[0][:3]
    assert np.ptp(rgb / np.array(to_rgb(TANGENT))) < 1e-9


def test_the_first_chapters_call_draws_on_the_given_panel_with_the_given_view():
    fig = Figure(figsize=(7.2, 3.5))
    fig.add_subplot(1, 2, 1)
    right = fig.add_subplot(1, 2, 2, projection="3d")
    g = lambda w: 2 + np.sin(w[0] + w[1])
    assert surface_with_plane(g, (0.0, 0.0), span1=(-2, 2), ax=right, view=(28, -75)) is fig
    assert (right.elev, right.azim) == (28, -75)
    assert [c.get_label() for c in right.collections].count("plane") == 1


def test_the_view_stays_on_the_surface_when_the_plane_pokes_out():
    g = _numpy(FUNCTIONS["the bowl"])
    fig = surface_with_plane(g, (0, 0), (-2, 1), n=7, plane_size=0.9)
    grid = np.meshgrid(np.linspace(-2, 1, 7), np.linspace(-2, 1, 7))
    values = g(np.array(grid))
    assert fig.axes[0].get_zlim() == pytest.approx((values.min(), values.max()))


BOWL = _numpy(FUNCTIONS["the bowl"])


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"w0": (0, 0, 0)}, ValueError, "w0"),
        ({"w0": (np.nan, 0)}, ValueError, "w0"),
        ({"span1": (1, -1)}, ValueError, "span1"),
        ({"span2": (0, 0)}, ValueError, "span2"),
        ({"ax": Figure().add_subplot()}, ValueError, "ax"),
        ({"plane": "flat"}, TypeError, "plane"),
        ({"plane": lambda w: w[0] * w[1]}, ValueError, "plane"),
        ({"plane": lambda w: w[0] ** 2}, ValueError, "plane"),
        ({"color": "not-a-colour"}, ValueError, "color"),
        ({"plane_size": 0}, ValueError, "plane_size"),
        ({"n": 1}, ValueError, "n must"),
        ({"g": "bowl"}, TypeError, "g must"),
    ],
)
def test_bad_arguments_are_refused_with_an_error_naming_them(kwargs, error, words):
    arguments = {"g": BOWL, "w0": (0.0, 0.0), **kwargs}
    with pytest.raises(error, match=words):
        surface_with_plane(arguments.pop("g"), arguments.pop("w0"), **arguments)
