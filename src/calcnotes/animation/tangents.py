"""Chapter 1 animations: a tangent line sliding along a curve."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from calcnotes import tangent_line
from calcnotes.animation.player import Animation, animate
from calcnotes.figures.base import (
    TANGENT,
    _fit_y,
    _span,
    _values,
    finish_axes,
    new_figure,
    plot_curve,
    plot_point,
)
from calcnotes.legacy import number, style

__all__ = ["tangent_slider"]


@style()
def tangent_slider(g: Callable, span: Sequence[float] = (-3.0, 3.0), *, frames: int = 60,
                   fps: float = 12.0, var: str = "w", name: str = "g",
                   label: str | None = None) -> Animation:
    """A point sliding along ``g`` with its tangent line, one position per frame.

    The curve is drawn once; each frame moves the red point and the green
    tangent (from `calcnotes.tangent_line`, drawn with the same on-screen
    length whatever its slope) and shows the point and the slope above the axes.

    Examples
    --------
    >>> movie = tangent_slider(np.sin, (-3, 3), frames=3)
    >>> movie.labels
    ('w₀ = −2.82, slope −0.95', 'w₀ = 0, slope 1', 'w₀ = 2.82, slope −0.95')
    """
    lo, hi = _span(span)
    n = int(frames)
    if n < 2:
        raise ValueError(f"frames must be at least 2, got {frames!r}")
    inset = 0.03 * (hi - lo)
    centres = np.linspace(lo + inset, hi - inset, n)
    values = _values(g, centres)

    fig, (ax,) = new_figure(size=(6.0, 3.9))
    curve = plot_curve(ax, g, (lo, hi), label=label or f"{name}({var})")
    ax.set_xlim(lo, hi)
    _fit_y(ax, curve.get_ydata(), pad=0.2)
    tangent = ax.plot([], [], color=TANGENT, linewidth=2.5, zorder=3, label="tangent line")[0]
    point = plot_point(ax, np.nan, np.nan, label=f"point ({var}₀, {name}({var}₀))")
    finish_axes(ax, xlabel=var, ylabel=f"{name}({var})", legend=False)
    fig.legend(loc="outside upper center", ncols=3)

    def scale() -> tuple[float, float, float]:
        box = ax.get_window_extent()
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        return box.width / (x1 - x0), box.height / (y1 - y0), 0.2 * box.width

    def update(i: int) -> str:
        w0, y0 = float(centres[i]), float(values[i])
        line = tangent_line(g, w0)
        sx, sy, half = scale()
        dw = half / np.hypot(sx, line.slope * sy)  # same length on screen for any slope
        tangent.set_data([w0 - dw, w0 + dw], [line(w0 - dw), line(w0 + dw)])
        point.set_data([w0], [y0])
        text = f"{var}₀ = {number(w0, 3)}, slope {number(line.slope, 2)}"
        # A fixed title position: Matplotlib would otherwise re-place it per render.
        ax.set_title(f"at {var}₀ = {number(w0, 3)} the tangent's slope is {number(line.slope, 3)}",
                     y=1.0, pad=8)
        return text

    return animate(fig, [tangent, point, ax.title], update, n, fps=fps)
