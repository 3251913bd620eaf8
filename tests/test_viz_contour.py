"""contour_map: level curves at the asked heights, gradient arrows along the exact gradient (SymPy), paths as given."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from matplotlib.contour import ContourSet
from matplotlib.figure import Figure
from matplotlib.quiver import Quiver

from calcnotes import gradient_descent
from calcnotes.viz import POINT, contour_map

w1, w2 = sp.symbols("w1 w2", real=True)
FUNCTIONS = {
    "the saddle": w1**2 + 3 * w1 * w2 + w2**2,
    "the bowl": 5 + (w1 + sp.Rational(1, 2)) ** 2 + (w2 + sp.Rational(1, 2)) ** 2,
    "a wave plus a valley": sp.sin(2 * w1) + w2**2 / 2,
    "a tilted exponential": sp.exp(w1 / 2) - w2 * w1 / 3,
}


def _numpy(expr):
    """The SymPy expression as a reader's NumPy function of stacked inputs."""
    f = sp.lambdify((w1, w2), expr, "numpy")
    return lambda w: f(w[0], w[1]) + 0 * w[0]  # a constant still has the grid's shape


def _exact_gradient(expr):
    parts = [sp.lambdify((w1, w2), sp.diff(expr, s), "numpy") for s in (w1, w2)]
    return lambda p, q: np.column_stack([np.broadcast_to(d(p, q), np.shape(p)) for d in parts])


def _arrows(fig: Figure) -> tuple[np.ndarray, np.ndarray]:
    """The centres of the drawn arrows and the arrows themselves, (k, 2) each."""
    (quiver,) = [c for c in fig.axes[0].collections if isinstance(c, Quiver)]
    arrows = np.column_stack([quiver.U, quiver.V])
    return quiver.get_offsets() + arrows / 2, arrows


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_arrow_points_along_the_exact_gradient_and_they_share_one_length(name):
    expr = FUNCTIONS[name]
    centres, arrows = _arrows(contour_map(_numpy(expr), (-2, 2), (-1.5, 1), arrows=7))
    exact = _exact_gradient(expr)(centres[:, 0], centres[:, 1])
    assert len(arrows) == 49
    moving = np.linalg.norm(exact, axis=1) > 1e-6
    cosine = np.sum(arrows[moving] * exact[moving], axis=1) / (
        np.linalg.norm(arrows[moving], axis=1) * np.linalg.norm(exact[moving], axis=1))
    # Central differences get each slope to ~1e-10, so the directions agree to far better than 1e-8.
    assert np.all(cosine > 1 - 1e-8)
    assert np.ptp(np.linalg.norm(arrows[moving], axis=1)) < 1e-12  # direction only


def test_the_arrows_sit_at_the_centres_of_the_grid_cells():
    centres, _ = _arrows(contour_map(_numpy(FUNCTIONS["the saddle"]), (-2, 2), arrows=4))
    assert sorted(set(np.round(centres[:, 0], 12))) == [-1.5, -0.5, 0.5, 1.5]
    assert sorted(set(np.round(centres[:, 1], 12))) == [-1.5, -0.5, 0.5, 1.5]


def test_true_length_arrows_are_proportional_to_the_gradient_and_a_dot_marks_where_it_vanishes():
    expr = FUNCTIONS["the bowl"]
    fig = contour_map(_numpy(expr), (-2, 1), arrows=9, normalize=False)
    centres, arrows = _arrows(fig)
    exact = _exact_gradient(expr)(centres[:, 0], centres[:, 1])  # 2(w₁ + 0.5), 2(w₂ + 0.5)
    lengths = np.linalg.norm(exact, axis=1)
    moving = lengths > 1e-9
    assert (~moving).sum() == 1  # the centre cell is the lowest point (−0.5, −0.5)
    ratio = np.linalg.norm(arrows, axis=1)[moving] / lengths[moving]
    assert np.ptp(ratio) < 1e-6 * ratio.max()
    assert np.linalg.norm(arrows[~moving]) < 1e-9
    dots = [line for line in fig.axes[0].get_lines() if line.get_marker() == "o"]
    assert [tuple(np.ravel(line.get_data())) for line in dots] == [pytest.approx((-0.5, -0.5))]


def test_the_level_curves_are_drawn_at_the_heights_asked_for():
    fig = contour_map(_numpy(FUNCTIONS["the saddle"]), (-2, 2), levels=[6, -3, 1, 15])
    (curves,) = [c for c in fig.axes[0].collections if isinstance(c, ContourSet)]
    assert list(curves.levels) == [-3, 1, 6, 15]


def test_a_count_of_levels_spreads_them_inside_the_range_of_the_function():
    g = _numpy(FUNCTIONS["the bowl"])
    fig = contour_map(g, (-2, 1), levels=5, n=31)
    (curves,) = [c for c in fig.axes[0].collections if isinstance(c, ContourSet)]
    grid = np.meshgrid(np.linspace(-2, 1, 31), np.linspace(-2, 1, 31))
    values = g(np.array(grid))
    assert len(curves.levels) == 5
    assert values.min() < min(curves.levels) and max(curves.levels) < values.max()
    assert np.all(np.diff(curves.levels) > 0)


def test_descent_paths_are_drawn_point_by_point_from_a_red_start_and_named_in_the_legend():
    g = lambda w: w[0] ** 2 + 4 * w[1] ** 2
    runs = {f"lr = {lr}": gradient_descent(g, [-3.0, 1.0], lr=lr, steps=8) for lr in (0.05, 0.1)}
    fig = contour_map(g, (-4, 4), (-2, 2), paths=runs)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(runs)
    lines = {line.get_label(): line for line in ax.get_lines()}
    for label, run in runs.items():
        np.testing.assert_array_equal(np.column_stack(lines[label].get_data()), run.path)
    starts = [line for line in ax.get_lines() if line.get_color() == POINT]
    assert [tuple(np.ravel(s.get_data())) for s in starts] == [(-3.0, 1.0), (-3.0, 1.0)]


def test_the_map_keeps_one_scale_on_both_axes_and_names_them():
    fig = contour_map(_numpy(FUNCTIONS["the saddle"]), (-2, 2), (-1, 1), names=("x", "y"))
    ax = fig.axes[0]
    assert ax.get_aspect() == 1.0
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("x", "y")
    assert (ax.get_xlim(), ax.get_ylim()) == ((-2.0, 2.0), (-1.0, 1.0))


def test_it_draws_on_the_axes_it_is_given_and_returns_their_figure():
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert contour_map(_numpy(FUNCTIONS["the saddle"]), (-2, 2), ax=right, arrows=3) is fig
    assert not left.collections and len(right.collections) == 2


SADDLE = _numpy(FUNCTIONS["the saddle"])


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"arrows": 1}, "arrows"),
        ({"arrows": True}, "arrows"),
        ({"arrows": -2}, "arrows"),
        ({"levels": 0}, "levels"),
        ({"levels": [1, np.nan]}, "levels"),
        ({"span1": (2, -2)}, "span1"),
        ({"paths": np.zeros((4, 3))}, "path"),
        ({"paths": {str(k): np.zeros((2, 2)) for k in range(6)}}, "at most"),
    ],
)
def test_bad_arguments_are_refused_with_an_error_naming_them(kwargs, words):
    with pytest.raises(ValueError, match=words):
        contour_map(SADDLE, **{"span1": (-2, 2), **kwargs})


def test_a_function_with_no_finite_value_in_the_box_is_refused():
    with pytest.raises(ValueError, match="no finite value"):
        contour_map(lambda w: np.log(-1 - w[0] ** 2) + 0 * w[1], (-1, 1))
