"""A surface in 3-D with its tangent plane at a point."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes.multivariate import tangent_plane
from calcnotes.viz.shared import finish_3d, plot_point3d, plot_surface, point2d, span_pair, values_of
from calcnotes.viz.style import SURFACE, TANGENT, style

__all__ = ["surface_with_plane"]


@style()
def surface_with_plane(g: Callable, w0: Sequence[float], span1: Sequence[float] = (-3.0, 3.0),
                       span2: Sequence[float] | None = None, *, ax=None, n: int = 18,
                       plane_size: float = 0.3, view: tuple[float, float] = (28, -65),
                       labels: Sequence[str] = ("w₁", "w₂", "g(w₁, w₂)")):
    """The surface of a function of two inputs, and its tangent plane at *w0*.

    Parameters
    ----------
    g : callable
        A function of two inputs written with NumPy on stacked inputs,
        ``g = lambda w: np.sin(w[0]) + w[1] ** 2``.
    w0 : (float, float)
        The point where the plane touches.
    span1, span2 : (float, float)
        The ranges of the two inputs drawn (``span2`` defaults to ``span1``).
    ax : 3-D Axes, optional
        Draw on these axes (e.g. a panel of a bigger figure) instead of a new figure.
    n : int
        Grid points per side of the surface.
    plane_size : float
        Side of the plane's square, as a fraction of each span.
    view : (float, float)
        Elevation and azimuth of the camera, in degrees.
    labels : three str
        Axis labels.

    Returns
    -------
    matplotlib.figure.Figure
        The figure (the one holding *ax*, if given). The plane comes from
        `calcnotes.tangent_plane`.

    Examples
    --------
    >>> fig = surface_with_plane(lambda w: np.sin(w[0]), (-1.5, 1), n=6)
    >>> fig.axes[0].name
    '3d'
    """
    w0 = point2d(w0, "w0")
    span1 = span_pair(span1, "span1")
    span2 = span1 if span2 is None else span_pair(span2, "span2")
    if ax is None:
        fig = Figure(figsize=(6.0, 4.2), layout="constrained")
        ax = fig.add_subplot(projection="3d")
    elif getattr(ax, "name", None) != "3d":
        raise ValueError("ax must be 3-D axes (add_subplot(projection='3d'))")
    plane = tangent_plane(g, w0)
    r1 = plane_size * (span1[1] - span1[0]) / 2
    r2 = plane_size * (span2[1] - span2[0]) / 2
    # The plane is drawn after the surface, not sorted with it: a tangent plane
    # meets its surface along a whole neighbourhood, where sorting faces by
    # depth would shred it. Half-transparent, it still shows the surface.
    ax.computed_zorder = False
    plot_surface(ax, g, span1, span2, n=n, color=SURFACE, alpha=0.9)
    view_limits = ax.get_xlim(), ax.get_ylim(), ax.get_zlim()
    drawn = plot_surface(ax, plane, (w0[0] - r1, w0[0] + r1), (w0[1] - r2, w0[1] + r2), n=2,
                         color=TANGENT, alpha=0.6)
    drawn.set_zorder(3)
    plot_point3d(ax, w0, float(values_of(g, w0, ())))
    for set_limits, limits in zip((ax.set_xlim, ax.set_ylim, ax.set_zlim), view_limits):
        set_limits(*limits)  # the plane may poke out: keep the view on the surface
    finish_3d(ax, labels=labels, view=view)
    return ax.figure
