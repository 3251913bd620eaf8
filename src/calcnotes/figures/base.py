"""Drawing blocks shared by every figure and animation.

Colours: axes and text use `calcnotes.legacy.INK` (the page's text
colour once rendered); data colours are mid-tones with at least 3:1 contrast
on white and on the dark slate palette:

| name | colour | used for |
| --- | --- | --- |
| `CURVE` | page ink | the function |
| `POINT` | red | the point of interest |
| `TANGENT` | green | tangent lines and planes |
| `SECANT` | orange | secants, other candidate lines |
| `ACCENT` | blue | a second curve, a path |
| `EXTRA` | purple | a third series |
| `SURFACE` | grey-blue | surfaces in 3-D |
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from mpl_toolkits.mplot3d.art3d import Poly3DCollection

from calcnotes.legacy import INK, style

__all__ = [
    "ACCENT",
    "CURVE",
    "EXTRA",
    "POINT",
    "SECANT",
    "SURFACE",
    "TANGENT",
    "finish_axes",
    "finish_axes3d",
    "new_figure",
    "plot_curve",
    "plot_line",
    "plot_point",
    "plot_point3d",
    "plot_surfaces",
]



CURVE = INK
POINT = "#e5484d"
TANGENT = "#1c9a4a"
SECANT = "#e8590c"
ACCENT = "#4a7fd6"
EXTRA = "#9c6ade"
SURFACE = "#6c8ebf"

# --------------------------------------------------------------- building blocks --


def _span(span: Sequence[float], name: str = "span") -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in span)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair (low, high), got {span!r}") from None
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"{name} must be a finite pair with low < high, got {span!r}")
    return lo, hi


def _point2d(point, name: str = "point") -> np.ndarray:
    """*point* as a finite array of two coordinates, or a clear ``ValueError``."""
    try:
        p = np.asarray(point, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair of numbers, got {point!r}") from None
    if p.shape != (2,) or not np.all(np.isfinite(p)):
        raise ValueError(f"{name} must be a pair of finite numbers, got {point!r}")
    return p


def _values(g: Callable, w: np.ndarray, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """``g(w)`` as a float array of *shape* (default ``w.shape``); a constant is broadcast.

    For two inputs, ``w`` stacks them along its first axis and *shape* is the
    shape of one of them.
    """
    if not callable(g):
        raise TypeError(f"g must be a function, got {type(g).__name__}")
    return np.broadcast_to(np.asarray(g(w), dtype=float), w.shape if shape is None else shape)


@style()
def new_figure(ncols: int = 1, *, size: tuple[float, float] | None = None,
               projection: str | Sequence[str | None] | None = None,
               widths: Sequence[float] | None = None) -> tuple[Figure, list[Axes]]:
    """A page-styled figure with *ncols* panels side by side, and its axes.

    *projection* is ``None`` (2-D), ``"3d"``, or one entry per panel;
    *widths* gives the panels' relative widths (equal by default).

    Examples
    --------
    >>> fig, (ax,) = new_figure()
    >>> fig.get_size_inches().tolist(), ax.name
    ([6.0, 3.6], 'rectilinear')
    """
    projections = list(projection) if isinstance(projection, (list, tuple)) else [projection] * ncols
    if len(projections) != ncols:
        raise ValueError(f"projection has {len(projections)} entries for {ncols} panels")
    width, height = size or (6.0 if ncols == 1 else 3.6 * ncols, 3.6)
    fig = Figure(figsize=(width, height), layout="constrained")
    grid = fig.add_gridspec(1, ncols, width_ratios=widths)
    axes = [fig.add_subplot(grid[0, i], projection=p) for i, p in enumerate(projections)]
    return fig, axes


@style()
def plot_curve(ax: Axes, g: Callable, span: Sequence[float], *, n: int = 400,
               color: str = CURVE, label: str | None = None, **kwargs) -> Line2D:
    """Draw ``g`` over *span* on *ax*; return the line.

    Examples
    --------
    >>> fig, (ax,) = new_figure()
    >>> plot_curve(ax, np.sin, (-3, 3)).get_xydata().shape
    (400, 2)
    """
    lo, hi = _span(span)
    w = np.linspace(lo, hi, n)
    kwargs.setdefault("zorder", 2)
    return ax.plot(w, _values(g, w), color=color, label=label, **kwargs)[0]


@style()
def plot_point(ax: Axes, w: float, y: float, *, color: str = POINT,
               label: str | None = None, size: float = 8) -> Line2D:
    """Mark the point ``(w, y)`` on *ax*; return the marker.

    Examples
    --------
    >>> fig, (ax,) = new_figure()
    >>> plot_point(ax, 1.0, 2.0).get_marker()
    'o'
    """
    return ax.plot([w], [y], "o", color=color, markersize=size, label=label, zorder=5,
                   markeredgewidth=0)[0]


@style()
def plot_line(ax: Axes, line: Callable, span: Sequence[float], *, color: str = TANGENT,
              label: str | None = None, **kwargs) -> Line2D:
    """Draw the straight line ``line(w)`` across *span*; it does not change the view.

    *line* is any callable of ``w``, e.g. what `calcnotes.tangent_line`
    returns. The view stays fitted to the curves, so a steep line is clipped.

    Examples
    --------
    >>> fig, (ax,) = new_figure()
    >>> plot_line(ax, lambda w: 2 * w - 3, (0, 3)).get_ydata().tolist()
    [-3.0, 3.0]
    """
    lo, hi = _span(span)
    w = np.array([lo, hi])
    kwargs.setdefault("zorder", 3)
    drawn = Line2D(w, _values(line, w), color=color, label=label, **kwargs)
    ax.add_artist(drawn)  # unlike ax.plot, leaves the data limits (and so the view) alone
    return drawn


def _fit_y(ax: Axes, *arrays: np.ndarray, pad: float = 0.12) -> None:
    values = np.concatenate([np.ravel(a) for a in arrays])
    values = values[np.isfinite(values)]
    lo, hi = (values.min(), values.max()) if values.size else (-1.0, 1.0)
    extra = pad * (hi - lo) if hi > lo else 1.0
    ax.set_ylim(lo - extra, hi + extra)


@style()
def finish_axes(ax: Axes, *, xlabel: str = "w", ylabel: str = "g(w)", title: str | None = None,
                legend: bool | str = True) -> None:
    """Label *ax*, add a faint grid and (if anything is labelled) a legend.

    *legend* may be a Matplotlib location such as ``"upper left"``.

    Examples
    --------
    >>> fig, (ax,) = new_figure()
    >>> finish_axes(ax, xlabel="x", ylabel="f(x)")
    >>> ax.get_xlabel(), ax.get_legend() is None
    ('x', True)
    """
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.grid(True)
    ax.tick_params(length=3)
    if legend and ax.get_legend_handles_labels()[0]:
        ax.legend(loc=legend if isinstance(legend, str) else "best", handlelength=1.8)


# --------------------------------------------------------------------------- 3-D --


def _quads(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """The grid's cells as quadrilaterals, shape ``(cells, 4, 3)``."""
    points = np.stack([x, y, z], axis=-1)
    corners = [points[:-1, :-1], points[:-1, 1:], points[1:, 1:], points[1:, :-1]]
    return np.stack(corners, axis=-2).reshape(-1, 4, 3)


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


@style()
def plot_surfaces(ax, layers: Sequence[dict]) -> Poly3DCollection:
    """Draw surfaces on the 3-D axes *ax* as one collection, sorted face by face.

    Each layer is a dict with ``g`` (a function of stacked ``w``), ``span0``,
    ``span1``, and optional ``n`` (grid points per side, default 16),
    ``color``, ``alpha``. Layers drawn together are depth-sorted face by face,
    right for surfaces that cross at an angle; a tangent plane, which lies
    along its surface, reads better drawn by a second call, above it. Faces
    are shaded by their slope; few faces keep the SVG small.

    Examples
    --------
    >>> fig, (ax,) = new_figure(projection="3d")
    >>> layer = dict(g=lambda w: w[0] * w[1], span0=(-1, 1), span1=(-1, 1), n=5)
    >>> plot_surfaces(ax, [layer]).get_facecolor().shape  # 4 × 4 cells, RGBA each
    (16, 4)
    """
    faces, colors, edges, bounds = [], [], [], []
    for layer in layers:
        span0, span1 = _span(layer["span0"], "span0"), _span(layer["span1"], "span1")
        n = int(layer.get("n", 16))
        x, y = np.meshgrid(np.linspace(*span0, n), np.linspace(*span1, n))
        z = _values(layer["g"], np.array([x, y]), x.shape)
        quads = _quads(x, y, z)
        color, alpha = layer.get("color", SURFACE), float(layer.get("alpha", 0.95))
        faces.append(quads)
        colors.append(_shaded(color, quads, alpha))
        edge = np.array([*to_rgb(color), min(1.0, alpha + 0.05)]) * [0.8, 0.8, 0.8, 1]
        edges.append(np.tile(edge, (len(quads), 1)))
        bounds.append(quads.reshape(-1, 3))
    collection = Poly3DCollection(np.concatenate(faces), facecolors=np.concatenate(colors),
                                  edgecolors=np.concatenate(edges), linewidths=0.3,
                                  clip_on=False)
    ax.add_collection3d(collection)
    points = np.concatenate(bounds)
    finite = points[np.isfinite(points).all(axis=1)]
    lo, hi = finite.min(axis=0), finite.max(axis=0)
    getters, setters = (ax.get_xlim, ax.get_ylim, ax.get_zlim), (ax.set_xlim, ax.set_ylim, ax.set_zlim)
    if len(ax.collections) > 1:  # something is drawn already: widen the view, never shrink it
        lo = np.minimum(lo, [get()[0] for get in getters])
        hi = np.maximum(hi, [get()[1] for get in getters])
    for set_limits, low, high in zip(setters, lo, hi):
        set_limits(low, high)  # exactly the data: 3-D autoscaling would add wide margins
    return collection


@style()
def plot_point3d(ax, w: Sequence[float], z: float, *, color: str = POINT, size: float = 7):
    """Mark the point ``(w[0], w[1], z)`` on 3-D axes, drawn above the surfaces."""
    return ax.plot([w[0]], [w[1]], [z], "o", color=color, markersize=size, zorder=4,
                   markeredgewidth=0)[0]


@style()
def finish_axes3d(ax, *, labels: Sequence[str] = ("w₀", "w₁", "g(w₀, w₁)"),
                  view: tuple[float, float] = (20, 110), title: str | None = None) -> None:
    """Label 3-D axes, set the viewing angle (elevation, azimuth), thin the ticks.

    Examples
    --------
    >>> fig, (ax,) = new_figure(projection="3d")
    >>> finish_axes3d(ax, view=(30, 45))
    >>> round(ax.elev), round(ax.azim)
    (30, 45)
    """
    from matplotlib.ticker import MaxNLocator

    ax.set_xlabel(labels[0], labelpad=-2)
    ax.set_ylabel(labels[1], labelpad=-2)
    ax.set_zlabel(labels[2], labelpad=-4)
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        # Inputs lose their end ticks, whose labels collide at the shared corner.
        axis.set_major_locator(MaxNLocator(4, prune=None if axis is ax.zaxis else "both"))
        axis.line.set_color(INK)
        # 3-D grids ignore rcParams["grid.alpha"]; this is the only handle on them.
        axis._axinfo["grid"].update(color=(*to_rgb(INK), 0.18), linewidth=0.6)
    ax.tick_params(pad=-1, labelsize=8)
    ax.view_init(elev=view[0], azim=view[1])
    if title:
        ax.set_title(title)
