"""Chapter 7 animations: critical points and gradient-descent paths."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from calcnotes.animation.player import Animation, animate
from calcnotes.figures.base import ACCENT, TANGENT, new_figure, plot_point
from calcnotes.figures.optimization import _finish_map, _map_size, _result, contour_map
from calcnotes.optimize import DescentResult
from calcnotes.legacy import number, style

__all__ = ["descent_animation"]


@style()
def descent_animation(g: Callable, result: DescentResult, span0: Sequence[float],
                      span1: Sequence[float], *, levels=None, fps: float = 5.0,
                      title: str | None = None) -> Animation:
    """A two-variable gradient descent played step by step over the level curves of ``g``.

    One frame per iterate of *result* (what `calcnotes.gradient_descent`
    returned): the red dot is ``w_k``, the blue trail the path so far, and
    the dashed green segment the step about to be taken, ``−lr ∇g(w_k)``.
    The contour map (`calcnotes.figures.contour_map`) is drawn once.
    Raises ``TypeError`` if *result* is not a `DescentResult`, ``ValueError``
    if its path is not in two variables or has fewer than two iterates.

    Examples
    --------
    >>> from calcnotes import gradient_descent
    >>> g = lambda w: w[0] ** 2 + 4 * w[1] ** 2
    >>> run = gradient_descent(g, [-3.0, 1.0], lr=0.1, steps=2)
    >>> descent_animation(g, run, (-4, 4), (-2, 2)).labels
    ('k = 0: w = (−3, 1)', 'k = 1: w = (−2.4, 0.2)', 'k = 2: w = (−1.92, 0.04)')
    """
    result = _result(result, dims=2)
    path = np.asarray(result.path, dtype=float)
    values = np.asarray(result.values, dtype=float)
    if len(path) < 2:
        raise ValueError(f"result must hold at least two iterates to animate, got {len(path)}")

    fig, (ax,) = new_figure(size=_map_size(span0, span1, extra=1.2))
    contour_map(ax, g, span0, span1, levels=levels)
    trail = ax.plot([], [], "-o", color=ACCENT, markersize=3.2, linewidth=1.4, markeredgewidth=0,
                    zorder=3, label="path so far")[0]
    step = ax.plot([], [], color=TANGENT, linewidth=2.2, linestyle=(0, (3, 2)), zorder=4,
                   label="next step −lr ∇g(wₖ)")[0]
    point = plot_point(ax, np.nan, np.nan, label="current wₖ", size=7)
    _finish_map(ax, legend=False)
    fig.legend(loc="outside lower center", ncols=3)
    heading = f"{title}: " if title else ""

    def update(i: int) -> str:
        trail.set_data(path[: i + 1, 0], path[: i + 1, 1])
        ahead = path[i : i + 2]
        step.set_data(ahead[:, 0], ahead[:, 1]) if len(ahead) == 2 else step.set_data([], [])
        point.set_data([path[i, 0]], [path[i, 1]])
        where = f"({number(path[i, 0])}, {number(path[i, 1])})"
        ax.set_title(f"{heading}step k = {i}, w = {where}, g(w) = {number(values[i], 3)}",
                     y=1.0, pad=8)
        return f"k = {i}: w = {where}"

    return animate(fig, [trail, step, point, ax.title], update, len(path), fps=fps)
