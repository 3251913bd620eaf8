"""Chapter 1 figures: tangent lines and tangent planes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes import tangent_line, tangent_plane
from calcnotes.figures.base import (
    SECANT,
    SURFACE,
    TANGENT,
    _fit_y,
    _span,
    _values,
    finish_axes,
    finish_axes3d,
    new_figure,
    plot_curve,
    plot_line,
    plot_point,
    plot_point3d,
    plot_surfaces,
)
from calcnotes.legacy import line_equation, number, style

__all__ = [
    "line_and_plane_figure",
    "tangent_figure",
    "tangent_plane_figure",
    "zoom_figure",
]

@style()
def tangent_figure(g: Callable, w0: float, span: Sequence[float], *, var: str = "w",
                   name: str = "g", label: str | None = None) -> Figure:
    """A curve, a point on it and its tangent line there.

    The tangent comes from `calcnotes.tangent_line`; the legend shows
    its equation. *label* names the curve in the legend (default
    ``"g(w)"``); *var* and *name* set the axis labels.

    Examples
    --------
    >>> fig = tangent_figure(lambda x: x**2, 1.5, (-3, 3), var="x", name="f")
    >>> fig.axes[0].get_legend().get_texts()[1].get_text()
    'tangent: y = 3x − 2.25'
    """
    lo, hi = _span(span)
    w0 = float(w0)
    line = tangent_line(g, w0)
    fig, (ax,) = new_figure()
    curve = plot_curve(ax, g, (lo, hi), label=label or f"{name}({var})")
    plot_line(ax, line, (lo, hi), label=f"tangent: {line_equation(line, var=var)}")
    y0 = float(_values(g, np.array(w0)))
    plot_point(ax, w0, y0, label=f"({number(w0)}, {number(y0)})")
    ax.set_xlim(lo, hi)
    _fit_y(ax, curve.get_ydata())
    finish_axes(ax, xlabel=var, ylabel=f"{name}({var})")
    return fig


@style()
def tangent_plane_figure(g: Callable, w0: Sequence[float], span0: Sequence[float],
                         span1: Sequence[float], *, view: tuple[float, float] = (28, -65),
                         n: int = 18, plane_size: float = 0.3) -> Figure:
    """A surface ``g(w₀, w₁)`` in 3-D with its tangent plane at *w0*.

    The plane comes from `calcnotes.tangent_plane` and is drawn over a
    square of side ``plane_size`` × the span around the point.

    Examples
    --------
    >>> fig = tangent_plane_figure(lambda w: np.sin(w[0]), (-1.5, 1), (-3, 3), (-3, 3), n=6)
    >>> fig.axes[0].name
    '3d'
    """
    w0 = np.asarray(w0, dtype=float)
    if w0.shape != (2,):
        raise ValueError(f"w0 must be a point with two coordinates, got shape {w0.shape}")
    span0, span1 = _span(span0, "span0"), _span(span1, "span1")
    fig, (ax,) = new_figure(projection="3d", size=(6.0, 4.2))
    _surface_and_plane(ax, g, w0, span0, span1, n=n, plane_size=plane_size)
    finish_axes3d(ax, view=view)
    return fig


def _surface_and_plane(ax, g, w0, span0, span1, *, n, plane_size):
    """The surface of *g*, its tangent plane at *w0* (drawn over it) and the point."""
    h = tangent_plane(g, w0)
    r0 = plane_size * (span0[1] - span0[0]) / 2
    r1 = plane_size * (span1[1] - span1[0]) / 2
    # Two collections, the plane always drawn after the surface: a tangent plane
    # meets its surface along a whole neighbourhood, and sorting faces by depth
    # there only shreds it. Half-transparent, it still shows the surface through.
    ax.computed_zorder = False
    plot_surfaces(ax, [dict(g=g, span0=span0, span1=span1, n=n, color=SURFACE, alpha=0.9)])
    view = ax.get_xlim(), ax.get_ylim(), ax.get_zlim()
    plane = plot_surfaces(ax, [dict(g=h, span0=(w0[0] - r0, w0[0] + r0),
                                    span1=(w0[1] - r1, w0[1] + r1), n=2, color=TANGENT, alpha=0.6)])
    plane.set_zorder(3)
    plot_point3d(ax, w0, float(_values(g, w0, ())))
    # The plane may poke above or below the surface: keep the view on the surface.
    for set_limits, limits in zip((ax.set_xlim, ax.set_ylim, ax.set_zlim), view):
        set_limits(*limits)


@style()
def line_and_plane_figure(g1: Callable, g2: Callable, *, point1: float = 0.0,
                          point2: Sequence[float] = (0.0, 0.0), span: Sequence[float] = (-2, 2),
                          view: tuple[float, float] = (28, -75), n: int = 18) -> Figure:
    """One input beside two: ``g1`` with its tangent line, ``g2`` with its tangent plane.

    The line touches ``g1`` at *point1*, the plane touches ``g2`` at *point2*;
    both functions are drawn over *span* (in each input).

    Examples
    --------
    >>> fig = line_and_plane_figure(lambda w: 2 + np.sin(w), lambda w: 2 + np.sin(w[0] + w[1]), n=6)
    >>> [ax.name for ax in fig.axes]
    ['rectilinear', '3d']
    """
    lo, hi = _span(span)
    point1 = float(point1)
    point2 = np.asarray(point2, dtype=float)
    if point2.shape != (2,):
        raise ValueError(f"point2 must have two coordinates, got shape {point2.shape}")
    fig, (left, right) = new_figure(2, size=(7.2, 3.5), projection=[None, "3d"], widths=[1, 1.1])
    line = tangent_line(g1, point1)
    curve = plot_curve(left, g1, (lo, hi), label="g(w)")
    plot_line(left, line, (lo, hi), label=f"tangent: {line_equation(line, var='w')}")
    plot_point(left, point1, float(_values(g1, np.array(point1))))
    left.set_xlim(lo, hi)
    _fit_y(left, curve.get_ydata())
    finish_axes(left, xlabel="w", ylabel="g(w)", legend="upper left", title="one input: a tangent line")
    _surface_and_plane(right, g2, point2, (lo, hi), (lo, hi), n=n, plane_size=0.3)
    finish_axes3d(right, labels=("w₁", "w₂", "g(w₁, w₂)"), view=view,
                  title="two inputs: a tangent plane")
    return fig


@style()
def zoom_figure(g: Callable, w0: float, half_widths: Sequence[float] = (1.0, 0.25, 0.05), *,
                slope_offset: float = 0.5, var: str = "w", name: str = "g") -> Figure:
    """Zoom in on ``(w0, g(w0))``: the tangent merges with the curve, other lines do not.

    One panel per half-width ``r`` shows the curve on ``[w0 − r, w0 + r]``, its
    tangent, and the line through the same point whose slope is off by
    *slope_offset*.

    Examples
    --------
    >>> fig = zoom_figure(np.sin, 1.0, (1.0, 0.1))
    >>> len(fig.axes)
    2
    """
    w0 = float(w0)
    if not half_widths or any(r <= 0 for r in half_widths):
        raise ValueError(f"half_widths must be positive numbers, got {half_widths!r}")
    line = tangent_line(g, w0)
    y0 = float(_values(g, np.array(w0)))
    other = lambda w: line(w) + slope_offset * (np.asarray(w) - w0)  # noqa: E731
    fig, axes = new_figure(len(half_widths), size=(2.4 * len(half_widths), 2.8))
    for i, (ax, r) in enumerate(zip(axes, half_widths)):
        span = (w0 - r, w0 + r)
        curve = plot_curve(ax, g, span, label=f"{name}({var})")
        plot_line(ax, line, span, label="tangent")
        plot_line(ax, other, span, color=SECANT, linestyle=(0, (4, 2)),
                  label=f"slope {'+' if slope_offset >= 0 else '−'} {number(abs(slope_offset))}")
        plot_point(ax, w0, y0, size=6)
        ax.set_xlim(*span)
        _fit_y(ax, curve.get_ydata(), pad=0.25)
        ax.locator_params(nbins=3)
        finish_axes(ax, xlabel=var, ylabel=f"{name}({var})" if i == 0 else "",
                    title=f"|{var} − {number(w0)}| ≤ {number(r)}", legend=False)
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside upper center", ncols=3)
    return fig
