"""Small drawing helpers the kit's visualizers share (checks, limits, shaded 3-D surfaces)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.colors import to_rgb
from matplotlib.ticker import MaxNLocator
from mpl_toolkits.mplot3d.art3d import Poly3DCollection

from calcnotes.viz.style import INK, POINT, SURFACE

__all__ = ["finish_3d", "fit_y", "fitted_legend", "log_label", "plot_point3d", "plot_surface", "point2d", "span_pair", "values_of"]


def span_pair(span: Sequence[float], name: str = "span") -> tuple[float, float]:
    """*span* as a finite pair ``(low, high)`` with low < high, or a ``ValueError`` naming it.

    Examples
    --------
    >>> span_pair((-3, 3))
    (-3.0, 3.0)
    """
    try:
        lo, hi = (float(v) for v in span)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair (low, high), got {span!r}") from None
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"{name} must be a finite pair with low < high, got {span!r}")
    return lo, hi


def fitted_legend(fig: Figure, *, handles: Sequence[Artist] | None = None, ncols: int = 3,
                  loc: str = "outside upper center", **options) -> Legend:
    """A legend of *fig* (above its axes by default), in as many columns (up to *ncols*) as fit.

    Long labels on a narrow figure (the kit's are 4.8 in wide) would not fit
    in three columns: the legend then gets two, or one, rather than running
    off the figure's edges.

    Examples
    --------
    >>> fig = Figure(figsize=(4.8, 3.6))
    >>> ax = fig.add_subplot()
    >>> for name in ["a long name for the first curve", "the second", "the third"]:
    ...     _ = ax.plot([0, 1], [0, 1], label=name)
    >>> legend = fitted_legend(fig)  # two columns: three would be 5.4 in wide
    >>> bool(legend.get_window_extent().width <= fig.bbox.width)
    True
    """
    for columns in range(max(1, int(ncols)), 0, -1):
        legend = fig.legend(handles=handles, loc=loc, ncols=columns, **options)
        if columns == 1 or legend.get_window_extent().width <= fig.bbox.width:
            return legend
        legend.remove()
    raise AssertionError("unreachable")


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def log_label(value: float, position=None) -> str:
    """A tick label of a log axis as plain text, ``10⁻⁸``, for ``axis.set_major_formatter``.

    Matplotlib's own labels typeset the exponent as math, in small type that
    a phone shrinks below 8 px; these are text at the figure's size, as a page
    writes a power of ten. For ticks at powers of ten (a log axis' major ticks).

    Examples
    --------
    >>> log_label(1e-8), log_label(1.0), log_label(1000)
    ('10⁻⁸', '10⁰', '10³')
    """
    return "10" + str(round(np.log10(value))).translate(_SUPERSCRIPT) if value > 0 else ""


def point2d(point, name: str = "point") -> np.ndarray:
    """*point* as a finite array of two coordinates, or a ``ValueError`` naming it."""
    try:
        p = np.asarray(point, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair of numbers, got {point!r}") from None
    if p.shape != (2,) or not np.all(np.isfinite(p)):
        raise ValueError(f"{name} must be a pair of finite numbers, got {point!r}")
    return p


def values_of(g: Callable, w: np.ndarray, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """``g(w)`` as a float array of *shape* (default ``w.shape``); a constant is broadcast.

    For two inputs, ``w`` stacks them along its first axis and *shape* is the
    shape of one of them.
    """
    if not callable(g):
        raise TypeError(f"g must be a function, got {type(g).__name__}")
    return np.broadcast_to(np.asarray(g(w), dtype=float), w.shape if shape is None else shape)


def fit_y(ax: Axes, *arrays: np.ndarray, pad: float = 0.12) -> None:
    """Set the y-limits of *ax* to the finite values of *arrays*, with a margin."""
    values = np.concatenate([np.ravel(a) for a in arrays])
    values = values[np.isfinite(values)]
    lo, hi = (values.min(), values.max()) if values.size else (-1.0, 1.0)
    extra = pad * (hi - lo) if hi > lo else 1.0
    ax.set_ylim(lo - extra, hi + extra)


def _shaded(color: str, quads: np.ndarray, alpha: float) -> np.ndarray:
    """Per-face RGBA: *color* lit from above-left, so the shape reads in any palette."""
    u = quads[:, 2] - quads[:, 0]
    v = quads[:, 3] - quads[:, 1]
    normal = np.cross(u, v)
    normal /= np.linalg.norm(normal, axis=1, keepdims=True) + 1e-300
    light = np.array([-0.45, -0.35, 0.82])
    light /= np.linalg.norm(light)
    shade = 0.72 + 0.38 * np.abs(normal @ light)  # between a darker and a lighter tone
    shade = np.round(shade * 24) / 24  # a few tones only: repeated styles compress well
    rgb = np.clip(np.array(to_rgb(color))[None, :] * shade[:, None], 0, 1)
    return np.column_stack([rgb, np.full(len(rgb), alpha)])


def plot_surface(ax, g: Callable, span0: Sequence[float], span1: Sequence[float], *, n: int = 16,
                 color: str = SURFACE, alpha: float = 0.95) -> Poly3DCollection:
    """Draw ``g`` over a grid on the 3-D axes *ax*, faces shaded by their slope.

    ``g`` takes the inputs stacked along the first axis (``g(w)`` with
    ``w[0]``, ``w[1]``). Few faces (``n`` per side) keep the SVG small. The
    view is widened to hold the surface, never shrunk.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot(projection="3d")
    >>> plot_surface(ax, lambda w: w[0] * w[1], (-1, 1), (-1, 1), n=5).get_facecolor().shape
    (16, 4)
    """
    span0, span1 = span_pair(span0, "span0"), span_pair(span1, "span1")
    x, y = np.meshgrid(np.linspace(*span0, n), np.linspace(*span1, n))
    z = values_of(g, np.array([x, y]), x.shape)
    points = np.stack([x, y, z], axis=-1)
    corners = [points[:-1, :-1], points[:-1, 1:], points[1:, 1:], points[1:, :-1]]
    quads = np.stack(corners, axis=-2).reshape(-1, 4, 3)
    edge = np.array([*to_rgb(color), min(1.0, alpha + 0.05)]) * [0.8, 0.8, 0.8, 1]
    collection = Poly3DCollection(quads, facecolors=_shaded(color, quads, alpha), edgecolors=edge,
                                  linewidths=0.3, clip_on=False)
    ax.add_collection3d(collection)
    finite = quads.reshape(-1, 3)
    finite = finite[np.isfinite(finite).all(axis=1)]
    lo, hi = finite.min(axis=0), finite.max(axis=0)
    limits = (ax.get_xlim, ax.get_ylim, ax.get_zlim)
    if len(ax.collections) > 1:  # something is drawn already: widen the view, never shrink it
        lo = np.minimum(lo, [get()[0] for get in limits])
        hi = np.maximum(hi, [get()[1] for get in limits])
    for set_limits, low, high in zip((ax.set_xlim, ax.set_ylim, ax.set_zlim), lo, hi):
        set_limits(low, high)  # exactly the data: 3-D autoscaling would add wide margins
    return collection


def plot_point3d(ax, w: Sequence[float], z: float, *, color: str = POINT, size: float = 7):
    """Mark the point ``(w[0], w[1], z)`` on 3-D axes, drawn above the surfaces."""
    return ax.plot([w[0]], [w[1]], [z], "o", color=color, markersize=size, zorder=4,
                   markeredgewidth=0)[0]


def finish_3d(ax, *, labels: Sequence[str] = ("w₁", "w₂", "g(w₁, w₂)"),
              view: tuple[float, float] = (28, -65)) -> None:
    """Label 3-D axes, set the viewing angle (elevation, azimuth), thin the ticks."""
    ax.set_xlabel(labels[0], labelpad=-2)
    ax.set_ylabel(labels[1], labelpad=-2)
    ax.set_zlabel(labels[2], labelpad=-4)
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        # Inputs lose their end ticks, whose labels collide at the shared corner.
        axis.set_major_locator(MaxNLocator(4, prune=None if axis is ax.zaxis else "both"))
        axis.line.set_color(INK)
    ax.tick_params(pad=-1)
    ax.view_init(elev=view[0], azim=view[1])
