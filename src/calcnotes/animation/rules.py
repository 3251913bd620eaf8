"""Chapter 4 animations: functions beside their derivatives."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes import derivative, tangent_line
from calcnotes.animation.player import Animation, animate
from calcnotes.figures.base import (
    ACCENT,
    POINT,
    TANGENT,
    _fit_y,
    _span,
    _values,
    finish_axes,
    plot_curve,
    plot_point,
)
from calcnotes.legacy import INK, number, style

__all__ = ["derivative_tracer"]


@style()
def derivative_tracer(f: Callable, span: Sequence[float] = (-3.0, 3.0), *, frames: int = 60,
                      fps: float = 12.0, var: str = "x", name: str = "f",
                      label: str | None = None) -> Animation:
    """A tangent slides along ``f`` while its slope is plotted below as a height.

    Top panel: ``f``, a point on it and the tangent there (from
    `calcnotes.tangent_line`). Bottom panel: the slopes met so far, drawn as
    a growing dashed curve that ends at ``(x₀, f′(x₀))`` — by the last frame,
    the graph of ``f′``. The slopes are measured by `calcnotes.derivative`,
    so the animation knows no rules.

    Raises ``TypeError`` if ``f`` is not callable, ``ValueError`` for a bad
    *span* or fewer than 2 *frames*.

    Examples
    --------
    >>> movie = derivative_tracer(np.sin, (-3, 3), frames=3)
    >>> len(movie), movie.labels[1]
    (3, 'x₀ = 0, slope 1')
    >>> derivative_tracer(np.sin, frames=1)
    Traceback (most recent call last):
        ...
    ValueError: frames must be a whole number >= 2, got 1
    """
    if not callable(f):
        raise TypeError(f"f must be a function such as `lambda x: np.sin(x)`, "
                        f"got {type(f).__name__}")
    lo, hi = _span(span)
    if isinstance(frames, bool) or not isinstance(frames, (int, np.integer)) or frames < 2:
        raise ValueError(f"frames must be a whole number >= 2, got {frames!r}")
    n = int(frames)
    centres = np.linspace(lo, hi, n)
    heights = _values(f, centres)
    slopes = derivative(f, centres)

    fig = Figure(figsize=(6.0, 4.8), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True)
    margin = 0.03 * (hi - lo)  # room for the point and its tangent at either end
    curve = plot_curve(top, f, (lo - margin, hi + margin), label=label or f"{name}({var})")
    top.set_xlim(lo - margin, hi + margin)
    _fit_y(top, curve.get_ydata(), pad=0.2)
    fine = np.linspace(lo, hi, 200)
    _fit_y(bottom, derivative(f, fine), pad=0.2)
    bottom.axhline(0, color=INK, linewidth=0.6, alpha=0.5, zorder=1)

    tangent = top.plot([], [], color=TANGENT, linewidth=2.5, zorder=3, label="tangent")[0]
    point = plot_point(top, np.nan, np.nan, size=7)
    trace = bottom.plot([], [], color=ACCENT, linestyle=(0, (5, 2)), zorder=3,
                        label=f"slope of the tangent = {name}′({var})")[0]
    marker = plot_point(bottom, np.nan, np.nan, size=7)
    guide = top.axvline(lo, color=POINT, linewidth=1, linestyle=(0, (1, 2)), zorder=1)
    guide_below = bottom.axvline(lo, color=POINT, linewidth=1, linestyle=(0, (1, 2)), zorder=1)
    finish_axes(top, xlabel="", ylabel=f"{name}({var})", legend="upper left")
    finish_axes(bottom, xlabel=var, ylabel="slope", legend="upper left")
    top.set_title(" ", y=1.0, pad=8)

    def scale() -> tuple[float, float, float]:
        box = top.get_window_extent()
        (x0, x1), (y0, y1) = top.get_xlim(), top.get_ylim()
        return box.width / (x1 - x0), box.height / (y1 - y0), 0.13 * box.width

    def update(i: int) -> str:
        x0, y0, s = float(centres[i]), float(heights[i]), float(slopes[i])
        line = tangent_line(f, x0)
        sx, sy, half = scale()
        dx = half / np.hypot(sx, line.slope * sy)  # the same length on screen for any slope
        tangent.set_data([x0 - dx, x0 + dx], [line(x0 - dx), line(x0 + dx)])
        point.set_data([x0], [y0])
        trace.set_data(centres[: i + 1], slopes[: i + 1])
        marker.set_data([x0], [s])
        guide.set_xdata([x0, x0])
        guide_below.set_xdata([x0, x0])
        top.set_title(f"at {var}₀ = {number(x0, 3)} the tangent's slope is {number(s, 3)}",
                      y=1.0, pad=8)
        return f"{var}₀ = {number(x0, 3)}, slope {number(s, 2)}"

    return animate(fig, [tangent, point, trace, marker, guide, guide_below, top.title],
                   update, n, fps=fps)
