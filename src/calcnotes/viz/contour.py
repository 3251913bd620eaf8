"""A contour map of any function of two inputs, with descent paths and gradient arrows."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes.multivariate import gradient
from calcnotes.text import number
from calcnotes.viz.shared import span_pair, values_of
from calcnotes.viz.style import ACCENT, EXTRA, POINT, SECANT, SURFACE, TANGENT, style

__all__ = ["contour_map"]

_PATHS = [(ACCENT, "-"), (SECANT, "--"), (TANGENT, "-."), (EXTRA, ":"), (POINT, "-")]


def _levels(z: np.ndarray, levels) -> np.ndarray:
    """The given levels, or that many of them, crowded near the bottom (a bowl's rings come out even)."""
    if np.ndim(levels) == 0:
        count = int(levels)
        if count < 1:
            raise ValueError(f"levels must be a positive count or a list of values, got {levels!r}")
        finite = z[np.isfinite(z)]
        lo, hi = float(finite.min()), float(finite.max())
        return lo + (hi - lo) * np.linspace(0.06, 0.9, count) ** 2
    values = np.sort(np.asarray(levels, dtype=float))
    if values.ndim != 1 or values.size == 0 or not np.all(np.isfinite(values)):
        raise ValueError(f"levels must be a positive count or a list of finite values, got {levels!r}")
    return values


def _as_paths(paths) -> dict[str, np.ndarray]:
    """*paths* (a result of gradient_descent, an array of points, or a dict of them) as label → (k, 2) array."""
    if paths is None:
        return {}
    if not isinstance(paths, Mapping):
        paths = {"": paths}
    out = {}
    for label, path in paths.items():
        points = np.asarray(getattr(path, "path", path), dtype=float)
        if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
            raise ValueError(f"each path must be points (w₁, w₂), shape (k, 2); {label!r} has shape {points.shape}")
        out[str(label)] = points
    if len(out) > len(_PATHS):
        raise ValueError(f"at most {len(_PATHS)} paths fit on one map, got {len(out)}")
    return out


@style()
def contour_map(g: Callable, span1: Sequence[float] = (-3.0, 3.0), span2: Sequence[float] | None = None, *,
                ax=None, levels=8, paths=None, arrows: int = 0, normalize: bool = True,
                labels: bool = True, n: int = 70, names: Sequence[str] = ("w₁", "w₂")):
    """Level curves of ``g(w₁, w₂)``, and optionally descent paths and gradient arrows over them.

    Parameters
    ----------
    g : callable
        A function of two stacked inputs, ``g = lambda w: w[0] ** 2 + 4 * w[1] ** 2``.
    span1, span2 : (float, float)
        The box drawn (``span2`` defaults to ``span1``); both axes share one scale.
    ax : Axes, optional
        Draw on these axes instead of a new figure.
    levels : int or list of float
        How many level curves (spaced more tightly near the bottom), or their values.
    paths : result, array or dict of them, optional
        What `calcnotes.gradient_descent` returned (or any ``(k, 2)`` array of
        points), or a dict ``{label: path}`` of up to five; each starts at a red dot.
    arrows : int
        Draw gradient arrows (from `calcnotes.gradient`) at the centres of an
        ``arrows × arrows`` grid; 0 for none. A dot marks where the gradient vanishes.
    normalize : bool
        Arrows of one length, showing direction only; otherwise proportional to ``‖∇g‖``.
    labels : bool
        Write each level's value on its curve.
    n : int
        Grid points per side for the level curves.
    names : two str
        Axis labels.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from calcnotes import gradient_descent
    >>> g = lambda w: w[0] ** 2 + 4 * w[1] ** 2
    >>> run = gradient_descent(g, [-3.0, 1.0], lr=0.1, steps=10)
    >>> fig = contour_map(g, (-4, 4), (-2, 2), paths={"lr = 0.1": run}, arrows=4)
    >>> ax = fig.axes[0]
    >>> ax.get_legend().get_texts()[0].get_text(), ax.get_aspect()
    ('lr = 0.1', 1.0)
    """
    span1 = span_pair(span1, "span1")
    span2 = span1 if span2 is None else span_pair(span2, "span2")
    drawn_paths = _as_paths(paths)
    if not isinstance(arrows, (int, np.integer)) or isinstance(arrows, bool) or arrows < 0 or arrows == 1:
        raise ValueError(f"arrows must be 0 (none) or a whole number at least 2, got {arrows!r}")
    own_figure = ax is None
    if own_figure:
        (a, b), (c, d) = span1, span2
        fig = Figure(figsize=(4.8, min(max(4.1 * (d - c) / (b - a) + 0.8, 2.6), 5.5)), layout="constrained")
        ax = fig.add_subplot()
    x, y = np.meshgrid(np.linspace(*span1, int(n)), np.linspace(*span2, int(n)))
    with np.errstate(all="ignore"):
        z = values_of(g, np.array([x, y]), x.shape)
    if not np.any(np.isfinite(z)):
        raise ValueError("g has no finite value in the box span1 × span2")
    curves = ax.contour(x, y, z, levels=_levels(z, levels), colors=SURFACE, linewidths=0.9, zorder=1)
    if labels:
        ax.clabel(curves, fontsize=10, inline=True, inline_spacing=2, fmt=lambda v: number(v, 2))
    if arrows:
        _draw_arrows(ax, g, span1, span2, arrows, normalize)
    for (label, points), (colour, dash) in zip(drawn_paths.items(), _PATHS):
        ax.plot(points[:, 0], points[:, 1], color=colour, linestyle=dash, linewidth=1.5, marker="o",
                markersize=3, markeredgewidth=0, zorder=3, label=label or None)
        ax.plot(*points[0], "o", color=POINT, markersize=7, markeredgewidth=0, zorder=5)
    ax.set(xlim=span1, ylim=span2, xlabel=names[0], ylabel=names[1], aspect="equal")
    if any(drawn_paths) and own_figure:  # above the map, off the level curves and arrows
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=min(3, len(drawn_paths)))
    elif any(drawn_paths):  # a panel of a bigger figure: its title may sit above it
        ax.legend(loc="upper right")
    return ax.figure


def _draw_arrows(ax, g, span1, span2, count: int, normalize: bool) -> None:
    cell1, cell2 = (span1[1] - span1[0]) / count, (span2[1] - span2[0]) / count
    xs = span1[0] + cell1 * (np.arange(count) + 0.5)
    ys = span2[0] + cell2 * (np.arange(count) + 0.5)
    X, Y = np.meshgrid(xs, ys)
    G = np.array([gradient(g, np.array([p, q])) for p, q in zip(X.ravel(), Y.ravel())])
    lengths = np.linalg.norm(G, axis=1)
    flat = lengths <= 1e-7 * max(1.0, lengths.max())
    reach = 0.8 * min(cell1, cell2)
    if normalize:
        scale = np.where(flat, 0.0, reach / np.where(flat, 1.0, lengths))
    else:
        scale = np.full(len(G), reach / max(lengths.max(), 1e-300))
    U, V = G[:, 0] * scale, G[:, 1] * scale
    ax.quiver(X.ravel() - U / 2, Y.ravel() - V / 2, U, V, color=POINT, angles="xy", scale_units="xy",
              scale=1, width=0.007, zorder=4)
    if np.any(flat):
        ax.plot(X.ravel()[flat], Y.ravel()[flat], "o", color=ACCENT, markersize=3, zorder=4)
