"""The tangent slider: a tangent line riding along any curve."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes.differentiation import tangent_line
from calcnotes.text import number
from calcnotes.viz.player import Animation, animate
from calcnotes.viz.shared import fit_y, fitted_legend, span_pair, values_of
from calcnotes.viz.style import CURVE, POINT, TANGENT, style

__all__ = ["tangent_slider"]


@style()
def tangent_slider(g: Callable, span: Sequence[float] = (-3.0, 3.0), *, frames: int = 60,
                   fps: float = 12.0, label: str | None = None, var: str = "w") -> Animation:
    """A point sliding along ``g`` with its tangent line, one position per frame.

    Parameters
    ----------
    g : callable
        Any function of one variable written with NumPy, ``g = lambda w: np.sin(w)``.
    span : (float, float)
        The interval drawn; the point travels across it.
    frames : int
        Positions of the point, at least 2.
    fps : float
        Playback speed.
    label : str, optional
        The curve's name in the legend (default ``"g(w)"``).
    var : str
        The name of the input on the axis and in the frame labels.

    Returns
    -------
    Animation
        Show it with `calcnotes.show`. The tangent at each point comes from
        `calcnotes.tangent_line`; the title gives its slope.

    Examples
    --------
    >>> movie = tangent_slider(np.sin, (-3, 3), frames=3)
    >>> movie.labels
    ('w⁰ = −2.82, slope −0.95', 'w⁰ = 0, slope 1', 'w⁰ = 2.82, slope −0.95')
    """
    lo, hi = span_pair(span)
    n = int(frames)
    if n < 2:
        raise ValueError(f"frames must be at least 2, got {frames!r}")
    inset = 0.03 * (hi - lo)
    centres = np.linspace(lo + inset, hi - inset, n)
    heights = values_of(g, centres)

    fig = Figure(figsize=(4.8, 3.9), layout="constrained")
    ax = fig.add_subplot()
    w = np.linspace(lo, hi, 400)
    curve, = ax.plot(w, values_of(g, w), color=CURVE, label=label or f"g({var})")
    ax.set_xlim(lo, hi)
    fit_y(ax, curve.get_ydata(), pad=0.2)
    tangent, = ax.plot([], [], color=TANGENT, linewidth=2.5, zorder=3, label="tangent line")
    point, = ax.plot([], [], "o", color=POINT, markersize=8, zorder=5, label="the point")
    ax.set_xlabel(var)
    ax.grid(True)
    fitted_legend(fig)

    def update(i: int) -> str:
        w0, y0 = float(centres[i]), float(heights[i])
        line = tangent_line(g, w0)
        # The same length on screen whatever the slope.
        box = ax.get_window_extent()
        (x0, x1), (y0_, y1) = ax.get_xlim(), ax.get_ylim()
        sx, sy = box.width / (x1 - x0), box.height / (y1 - y0_)
        dw = 0.2 * box.width / np.hypot(sx, line.slope * sy)
        tangent.set_data([w0 - dw, w0 + dw], [line(w0 - dw), line(w0 + dw)])
        point.set_data([w0], [y0])
        ax.set_title(f"at {var}⁰ = {number(w0, 3)} the tangent's slope is {number(line.slope, 3)}",
                     y=1.0, pad=8)  # a fixed position: Matplotlib would re-place it per render
        return f"{var}⁰ = {number(w0, 3)}, slope {number(line.slope, 2)}"

    return animate(fig, [tangent, point, ax.title], update, n, fps=fps)
