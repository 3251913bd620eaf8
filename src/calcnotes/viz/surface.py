"""A surface in 3-D with its tangent plane at a point."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from numbers import Real

import numpy as np
from matplotlib.colors import is_color_like
from matplotlib.figure import Figure

from calcnotes.multivariate import tangent_plane
from calcnotes.viz.shared import finish_3d, plot_point3d, plot_surface, point2d, span_pair, values_of
from calcnotes.viz.style import SURFACE, TANGENT, style

__all__ = ["surface_with_plane"]


@style()
def surface_with_plane(g: Callable, w0: Sequence[float], span1: Sequence[float] = (-3.0, 3.0),
                       span2: Sequence[float] | None = None, *, ax=None, n: int = 18,
                       plane_size: float = 0.3, view: tuple[float, float] = (28, -65),
                       labels: Sequence[str] = ("w₁", "w₂", "g(w₁, w₂)"), plane: Callable | None = None,
                       color: str = TANGENT):
    """The surface of a function of two inputs, and its tangent plane at *w0*.

    The plane is the first-order Taylor approximation
    ``h(w) = g(w0) + ∇g(w0)ᵀ(w − w0)`` (from `calcnotes.tangent_plane`),
    drawn as a square around *w0*; pass *plane* to draw another one there
    instead, e.g. a plane tilted along one input only.

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
    plane : callable, optional
        A plane to draw over the square around *w0* instead of the tangent
        plane: a linear function of the stacked inputs,
        ``plane = lambda w: 5 + 1.0 * w[0]``.
    color : str
        The plane's colour (default: the kit's tangent green).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (the one holding *ax*, if given). The plane is the
        collection labelled ``"plane"`` of the axes.

    Raises
    ------
    ValueError
        For a *w0* that is not two finite numbers, a bad span, *ax* that is
        not 3-D, ``n < 2``, a *plane_size* that is not positive, a *plane*
        that is not linear or a *color* Matplotlib does not know.
    TypeError
        If *g* or *plane* is not a function.

    Examples
    --------
    >>> fig = surface_with_plane(lambda w: np.sin(w[0]), (-1.5, 1), n=6)
    >>> fig.axes[0].name
    '3d'
    >>> g = lambda w: w[0] ** 2 + w[1] ** 2
    >>> fig = surface_with_plane(g, (1, 0), (-2, 2), plane=lambda w: 1 + 2 * (w[0] - 1), color="C1")
    >>> fig.axes[0].collections[-1].get_label()
    'plane'
    """
    if not callable(g):
        raise TypeError(f"g must be a function of w, got {type(g).__name__}")
    w0 = point2d(w0, "w0")
    span1 = span_pair(span1, "span1")
    span2 = span1 if span2 is None else span_pair(span2, "span2")
    if not (isinstance(plane_size, Real) and np.isfinite(plane_size) and plane_size > 0):
        raise ValueError(f"plane_size must be a positive fraction of the spans, got {plane_size!r}")
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 2:
        raise ValueError(f"n must be a whole number at least 2, got {n!r}")
    if not is_color_like(color):
        raise ValueError(f"color must be a Matplotlib colour, got {color!r}")
    r1 = plane_size * (span1[1] - span1[0]) / 2
    r2 = plane_size * (span2[1] - span2[0]) / 2
    if plane is None:
        plane = tangent_plane(g, w0)
    else:
        _check_plane(plane, w0, r1, r2)
    if ax is None:
        fig = Figure(figsize=(4.8, 4.2), layout="constrained")
        ax = fig.add_subplot(projection="3d")
    elif getattr(ax, "name", None) != "3d":
        raise ValueError("ax must be 3-D axes (add_subplot(projection='3d'))")
    # The plane is drawn after the surface, not sorted with it: a tangent plane
    # meets its surface along a whole neighbourhood, where sorting faces by
    # depth would shred it. Half-transparent, it still shows the surface.
    ax.computed_zorder = False
    plot_surface(ax, g, span1, span2, n=n, color=SURFACE, alpha=0.9)
    view_limits = ax.get_xlim(), ax.get_ylim(), ax.get_zlim()
    drawn = plot_surface(ax, plane, (w0[0] - r1, w0[0] + r1), (w0[1] - r2, w0[1] + r2), n=2,
                         color=color, alpha=0.6)
    drawn.set_zorder(3)
    drawn.set_label("plane")
    plot_point3d(ax, w0, float(values_of(g, w0, ())))
    for set_limits, limits in zip((ax.set_xlim, ax.set_ylim, ax.set_zlim), view_limits):
        set_limits(*limits)  # the plane may poke out: keep the view on the surface
    finish_3d(ax, labels=labels, view=view)
    return ax.figure


def _check_plane(plane, w0: np.ndarray, r1: float, r2: float) -> None:
    """Refuse a *plane* that is not a function, or not linear over the square it is drawn on.

    It is drawn through the square's four corners, which is exact only for a
    linear function: the corners must lie in one plane, with the centre on it.
    """
    if not callable(plane):
        raise TypeError(f"plane must be a function of w, got {type(plane).__name__}")
    w1 = w0[0] + np.array([-r1, r1, r1, -r1, 0.0])
    w2 = w0[1] + np.array([-r2, -r2, r2, r2, 0.0])
    z = values_of(plane, np.array([w1, w2]), w1.shape)
    scale = 1e-9 * max(1.0, float(np.max(np.abs(z))))
    if not np.all(np.isfinite(z)) or abs(z[0] + z[2] - z[1] - z[3]) > scale \
            or abs(z[4] - z[:4].mean()) > scale:
        raise ValueError("plane must be a linear function of w (a plane), finite around w0")
