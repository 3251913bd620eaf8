"""Chapter 7 figures: critical points and gradient-descent paths."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from calcnotes import classify_critical_point, derivative, hessian
from calcnotes.figures.base import (
    ACCENT,
    CURVE,
    EXTRA,
    POINT,
    SECANT,
    SURFACE,
    TANGENT,
    _fit_y,
    _point2d,
    _span,
    _values,
    finish_axes,
    finish_axes3d,
    new_figure,
    plot_curve,
    plot_point,
    plot_point3d,
    plot_surfaces,
)
from calcnotes.optimize import DescentResult
from calcnotes.legacy import INK, number, style

__all__ = [
    "KIND_COLOURS",
    "contour_map",
    "contour_paths_figure",
    "critical_points_figure",
    "descent_path_figure",
    "learning_rate_figure",
    "saddle_figure",
]

#: Marker colour for each verdict of `calcnotes.classify_critical_point`.
KIND_COLOURS = {"minimum": ACCENT, "maximum": SECANT, "saddle": EXTRA, "inconclusive": EXTRA}

# One look per series when several descents share a figure: colour and dash both
# differ, so the series stay apart without colour vision.
_SERIES = [
    (EXTRA, "-"),
    (TANGENT, "-"),
    (SECANT, (0, (4, 2))),
    (POINT, (0, (1, 1.5))),
    (ACCENT, (0, (6, 2, 1, 2))),
]
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


# ------------------------------------------------------------------ helpers --


def _points(points: Sequence[float], name: str = "points") -> np.ndarray:
    try:
        array = np.asarray(points, dtype=float).ravel()
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a list of numbers, got {points!r}") from None
    if array.size == 0 or not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be a non-empty list of finite numbers, got {points!r}")
    return array


def _result(result, name: str = "result", dims: int = 1) -> DescentResult:
    """Check that *result* is a `DescentResult` in *dims* variables (1: numbers)."""
    if not isinstance(result, DescentResult):
        raise TypeError(f"{name} must be what gradient_descent returns, got {type(result).__name__}")
    path = np.asarray(result.path)
    if dims == 1 and path.ndim != 1:
        raise ValueError(f"{name} must be a descent in one variable, got a path of shape {path.shape}")
    if dims == 2 and (path.ndim != 2 or path.shape[1] != 2):
        raise ValueError(f"{name} must be a descent in two variables, got a path of shape {path.shape}")
    return result


def _results(results: Mapping[str, DescentResult], dims: int) -> dict[str, DescentResult]:
    if not isinstance(results, Mapping) or not results:
        raise ValueError("results must be a non-empty mapping of label -> gradient_descent result")
    if len(results) > len(_SERIES):
        raise ValueError(f"results can hold at most {len(_SERIES)} runs, got {len(results)}")
    return {str(k): _result(v, f"results[{k!r}]", dims) for k, v in results.items()}


def _grid(g: Callable, span0, span1, n: int):
    x, y = np.meshgrid(np.linspace(*span0, n), np.linspace(*span1, n))
    with np.errstate(all="ignore"):
        z = _values(g, np.array([x, y]), x.shape)
    return x, y, z


def _levels(z: np.ndarray, levels) -> np.ndarray:
    """Contour levels: the given ones, or *levels* of them crowded near the bottom."""
    if levels is None:
        levels = 8
    if np.ndim(levels) == 0:
        count = int(levels)
        if count < 1:
            raise ValueError(f"levels must be a positive count or a list of values, got {levels!r}")
        finite = z[np.isfinite(z)]
        lo, hi = float(finite.min()), float(finite.max())
        # Squared spacing: a bowl's rings come out about evenly spaced on the page.
        return lo + (hi - lo) * np.linspace(0.06, 0.9, count) ** 2
    return _points(levels, "levels")


@style()
def contour_map(ax: Axes, g: Callable, span0: Sequence[float], span1: Sequence[float], *,
                levels=None, n: int = 70, labels: bool = True):
    """Draw the level curves of ``g(w₀, w₁)`` over the box *span0* × *span1* on *ax*.

    *levels* is a count (default 8, spaced more tightly near the bottom) or a
    list of values. The view is set to the box, with equal scales on both axes
    so that circles look round. Returns Matplotlib's contour set.

    Examples
    --------
    >>> fig, (ax,) = new_figure()
    >>> cs = contour_map(ax, lambda w: w[0] ** 2 + w[1] ** 2, (-2, 2), (-1, 1), levels=[0.5, 1])
    >>> cs.levels.tolist(), [float(v) for v in ax.get_xlim()]
    ([0.5, 1.0], [-2.0, 2.0])
    """
    span0, span1 = _span(span0, "span0"), _span(span1, "span1")
    x, y, z = _grid(g, span0, span1, int(n))
    if not np.any(np.isfinite(z)):
        raise ValueError("g has no finite value in the box span0 × span1")
    drawn = ax.contour(x, y, z, levels=_levels(z, levels), colors=SURFACE, linewidths=0.9,
                       zorder=1)
    if labels:
        ax.clabel(drawn, fontsize=7, inline=True, inline_spacing=2,
                  fmt=lambda v: number(v, 2))
        for text in drawn.labelTexts:
            text.set_color(INK)
    ax.set_xlim(*span0)
    ax.set_ylim(*span1)
    ax.set_aspect("equal")
    return drawn


def _map_size(span0, span1, *, width: float = 6.4, extra: float = 0.9) -> tuple[float, float]:
    """Figure size for one equal-scaled map of the box: no empty bands above and below."""
    (a, b), (c, d) = _span(span0, "span0"), _span(span1, "span1")
    plot_width = width - 0.8
    return width, min(max(plot_width * (d - c) / (b - a) + extra, 2.6), 5.0)


def _finish_map(ax: Axes, *, title: str | None = None, legend: bool | str = True) -> None:
    finish_axes(ax, xlabel="w₀", ylabel="w₁", title=title, legend=legend)
    ax.grid(False)  # the level curves are grid enough


# ---------------------------------------------------------------- figures --


@style()
def critical_points_figure(f: Callable, points: Sequence[float], span: Sequence[float], *,
                           var: str = "x", name: str = "f") -> Figure:
    """``f`` above its derivative ``f′``, with the critical *points* marked on both.

    Each point is classified by `calcnotes.classify_critical_point` (marker
    colour from `KIND_COLOURS`, flat green tangent on ``f``); ``f′`` comes from
    `calcnotes.derivative`. Stretches where ``f′ < 0`` are shaded in both
    panels. Raises ``ValueError`` if a point lies outside *span* or is not a
    critical point of ``f``.

    Examples
    --------
    >>> fig = critical_points_figure(lambda x: x**2 - 2 * x, [1.0], (-1, 3))
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['f(x)', 'f′(x)']
    """
    lo, hi = _span(span)
    points = _points(points)
    if np.any((points < lo) | (points > hi)):
        raise ValueError(f"every point must lie inside span {span!r}, got {points.tolist()}")
    kinds = [classify_critical_point(f, p) for p in points]

    fig = Figure(figsize=(6.0, 5.0), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1.25, 1])
    x = np.linspace(lo, hi, 400)
    slope = np.asarray(derivative(f, x), dtype=float)
    curve = plot_curve(top, f, (lo, hi), label=f"{name}({var})")
    bottom.plot(x, slope, color=CURVE, label=f"{name}′({var})", zorder=2)
    bottom.axhline(0, color=INK, linewidth=0.8, alpha=0.6, zorder=1)
    for ax in (top, bottom):
        ax.fill_between(x, 0, 1, where=slope < 0, transform=ax.get_xaxis_transform(),
                        color=INK, alpha=0.07, linewidth=0, zorder=0)
        for p in points:
            ax.axvline(p, color=INK, linewidth=0.7, alpha=0.35, linestyle=(0, (2, 2)), zorder=1)
    top.set_xlim(lo, hi)
    ys = curve.get_ydata()
    low, high = float(np.nanmin(ys)), float(np.nanmax(ys))
    room = high - low if high > low else 1.0
    top.set_ylim(low - 0.2 * room, high + 0.08 * room)  # room under the minima's labels
    _fit_y(bottom, slope, pad=0.1)

    half = 0.07 * (hi - lo)  # flat tangent: a short level segment through each point
    values = _values(f, points)
    top.plot([], [], color=TANGENT, linewidth=2.5, label="flat tangent")
    for p, y, kind in zip(points, values, kinds):
        top.plot([p - half, p + half], [y, y], color=TANGENT, linewidth=2.5, zorder=3)
        plot_point(top, p, y, color=KIND_COLOURS[kind])
        plot_point(bottom, p, 0.0, color=KIND_COLOURS[kind], size=7)
        below = kind != "maximum"
        top.annotate(kind, (p, y), xytext=(0, -8 if below else 8), textcoords="offset points",
                     ha="center", va="top" if below else "bottom", fontsize=8.5)
    for kind in dict.fromkeys(kinds):
        top.plot([], [], "o", color=KIND_COLOURS[kind], markersize=8, label=kind)
    top.fill_between([], [], color=INK, alpha=0.07, linewidth=0, label=f"{name}′ < 0: {name} falls")
    finish_axes(top, xlabel="", ylabel=f"{name}({var})", legend=False)
    finish_axes(bottom, xlabel=var, ylabel=f"{name}′({var})", legend=False)
    handles, labels = top.get_legend_handles_labels()
    fig.legend(handles[1:], labels[1:], loc="outside upper center", ncols=len(handles) - 1)
    return fig


@style()
def saddle_figure(g: Callable, point: Sequence[float] = (0.0, 0.0), span0: Sequence[float] = (-2, 2),
                  span1: Sequence[float] = (-2, 2), *, levels=None, n: int = 16,
                  view: tuple[float, float] = (24, -58)) -> Figure:
    """A critical point of ``g(w₀, w₁)`` in 3-D and on a contour map, with its Hessian's directions.

    Through *point* run the two sections of ``g`` along the eigenvectors of
    the Hessian (`calcnotes.hessian`): green where the eigenvalue is
    positive (the section curves up), orange where it is negative (curves
    down). The title gives the verdict of `calcnotes.classify_critical_point`.
    Raises ``ValueError`` if *point* is outside the box or not critical.

    Examples
    --------
    >>> fig = saddle_figure(lambda w: w[0] ** 2 - w[1] ** 2, n=6)
    >>> fig.axes[1].get_title()
    'Hessian eigenvalues −2 and 2: a saddle'
    """
    p = _point2d(point)
    span0, span1 = _span(span0, "span0"), _span(span1, "span1")
    box = np.array([span0, span1])
    if np.any(p < box[:, 0]) or np.any(p > box[:, 1]):
        raise ValueError(f"point must lie inside span0 × span1, got {point!r}")
    kind = classify_critical_point(g, p)
    eigenvalues, eigenvectors = np.linalg.eigh(hessian(g, p))

    fig, (left, right) = new_figure(2, size=(7.4, 3.7), projection=["3d", None], widths=[1.1, 1])
    left.computed_zorder = False
    plot_surfaces(left, [dict(g=g, span0=span0, span1=span1, n=n, alpha=0.85)])
    contour_map(right, g, span0, span1, levels=levels)
    z0 = float(_values(g, p, ()))
    for value, vector in zip(eigenvalues, eigenvectors.T):
        # Longest stretch p + t·v, |t| <= r, that stays in the box.
        with np.errstate(divide="ignore"):
            reach = np.where(np.abs(vector) > 1e-12,
                             np.minimum(box[:, 1] - p, p - box[:, 0]) / np.abs(vector), np.inf)
        t = np.linspace(-1, 1, 41) * float(np.min(reach))
        section = p[:, None] + vector[:, None] * t
        heights = _values(g, section, t.shape)
        colour = TANGENT if value > 0 else SECANT
        direction = f"({number(vector[0], 2)}, {number(vector[1], 2)})"
        label = f"eigenvalue {number(value, 3)} along {direction}: curves {'up' if value > 0 else 'down'}"
        left.plot(section[0], section[1], heights, color=colour, linewidth=2.5, zorder=4)
        right.plot(section[0], section[1], color=colour, linewidth=2.5, zorder=3, label=label)
    plot_point3d(left, p, z0)
    plot_point(right, p[0], p[1])
    finish_axes3d(left, view=view)
    names = " and ".join(number(v, 3) for v in eigenvalues)
    verdict = "a saddle" if kind == "saddle" else f"a {kind}" if kind != "inconclusive" else "inconclusive"
    _finish_map(right, title=f"Hessian eigenvalues {names}: {verdict}", legend=False)
    fig.legend(*right.get_legend_handles_labels(), loc="outside lower center", ncols=2,
               fontsize=9)
    return fig


@style()
def descent_path_figure(f: Callable, result: DescentResult, span: Sequence[float], *,
                        var: str = "w", name: str = "f", title: str | None = None,
                        numbered: int = 4) -> Figure:
    """The iterates of a one-variable `calcnotes.gradient_descent` run, on the curve of ``f``.

    Each iterate ``(w_k, f(w_k))`` is a blue dot over a thin line down to the
    axis; the start is red, and the first *numbered* dots are named
    ``w₀, w₁, …`` and joined to the next one by a curved arrow. Raises
    ``TypeError`` if *result* is not a `DescentResult`, ``ValueError`` if it
    is a descent in more than one variable.

    Examples
    --------
    >>> from calcnotes import gradient_descent
    >>> run = gradient_descent(lambda w: w**2, 5.0, lr=0.1, steps=5)
    >>> fig = descent_path_figure(lambda w: w**2, run, (-6, 6))
    >>> fig.axes[0].lines[1].get_xdata().round(3).tolist()  # the iterates
    [5.0, 4.0, 3.2, 2.56, 2.048, 1.638]
    """
    result = _result(result)
    lo, hi = _span(span)
    path, values = np.asarray(result.path, dtype=float), np.asarray(result.values, dtype=float)
    fig, (ax,) = new_figure(size=(6.0, 3.6))
    curve = plot_curve(ax, f, (lo, hi), label=f"{name}({var})")
    ax.plot(path, values, "o", color=ACCENT, markersize=5.5, zorder=4, markeredgewidth=0,
            label=f"iterates ({var}ₖ, {name}({var}ₖ))")
    ax.vlines(path, 0, values, color=ACCENT, linewidth=0.8, alpha=0.5, zorder=1)
    plot_point(ax, path[0], values[0], label=f"start {var}₀ = {number(path[0])}")
    shown = min(int(numbered), len(path))
    for k in range(shown):
        if not lo <= path[k] <= hi:
            continue
        ax.annotate(f"{var}{str(k).translate(_SUBSCRIPT)}", (path[k], values[k]),
                    xytext=(7, -2), textcoords="offset points", fontsize=9, va="top")
        if k + 1 < len(path) and lo <= path[k + 1] <= hi:  # the step as a curved arrow
            ax.annotate("", (path[k + 1], values[k + 1]), xytext=(path[k], values[k]),
                        arrowprops=dict(arrowstyle="-|>", color=ACCENT, linewidth=1.2,
                                        shrinkA=4, shrinkB=4, mutation_scale=9,
                                        connectionstyle="arc3,rad=0.35"), zorder=3)
    ax.set_xlim(lo, hi)
    _fit_y(ax, curve.get_ydata(), pad=0.08)
    finish_axes(ax, xlabel=var, ylabel=f"{name}({var})", title=title, legend="upper center")
    return fig


@style()
def learning_rate_figure(results: Mapping[str, DescentResult], *, first: int = 20,
                         var: str = "w", name: str = "f") -> Figure:
    """Several one-variable descents side by side: ``w_k`` against ``k``, and ``f(w_k)`` on a log scale.

    *results* maps a legend label (say ``"lr = 0.1"``) to what
    `calcnotes.gradient_descent` returned; at most five runs. The left panel
    shows the *first* steps within twice the largest start: a run that
    blows up is drawn until it leaves the panel. The right panel shows every
    step. Raises ``ValueError`` for an empty mapping, a descent in several
    variables, or ``first < 1``.

    Examples
    --------
    >>> from calcnotes import gradient_descent
    >>> runs = {f"lr = {lr}": gradient_descent(lambda w: w**2, 5.0, lr=lr, steps=9)
    ...         for lr in (0.1, 1.1)}
    >>> fig = learning_rate_figure(runs)
    >>> fig.axes[1].get_yscale(), len(fig.axes[0].lines)
    ('log', 3)
    """
    results = _results(results, dims=1)
    if int(first) < 1:
        raise ValueError(f"first must be a whole number of steps >= 1, got {first!r}")
    fig, (left, right) = new_figure(2, size=(7.4, 3.9))
    limit = 2.0 * max(abs(float(r.path[0])) for r in results.values())
    longest = max(len(r.path) for r in results.values())
    left.axhline(0, color=INK, linewidth=0.8, alpha=0.6, zorder=1)
    for (label, result), (colour, dash) in zip(results.items(), _SERIES):
        path = np.asarray(result.path, dtype=float)[: int(first) + 1]
        outside = np.flatnonzero(~(np.abs(path) <= limit))
        if outside.size:  # keep the first point outside, so the line leaves the panel
            path = path[: outside[0] + 1]
        look = dict(color=colour, linestyle=dash, linewidth=1.6, marker="o", markersize=3,
                    markeredgewidth=0, zorder=3)
        left.plot(np.arange(len(path)), path, label=label, **look)
        with np.errstate(all="ignore"):
            values = np.where(np.asarray(result.values) > 0, result.values, np.nan)
        right.plot(np.arange(len(values)), values, **{**look, "markersize": 2.2})
    left.set_xlim(0, min(int(first), longest - 1))
    right.set_xlim(0, longest - 1)
    left.set_ylim(-limit, limit)
    right.set_yscale("log")
    finish_axes(left, xlabel="step k", ylabel=f"{var}ₖ", title=f"the iterates {var}ₖ", legend=False)
    finish_axes(right, xlabel="step k", ylabel=f"{name}({var}ₖ)",
                title=f"the loss {name}({var}ₖ), log scale", legend=False)
    fig.legend(*left.get_legend_handles_labels(), loc="outside upper center", ncols=2)
    return fig


@style()
def contour_paths_figure(g: Callable, results: Mapping[str, DescentResult],
                         span0: Sequence[float], span1: Sequence[float], *, levels=None,
                         title: str | None = None) -> Figure:
    """Two-variable descents drawn over the level curves of ``g(w₀, w₁)``.

    *results* maps a legend label to what `calcnotes.gradient_descent`
    returned (at most five runs, each a path of points ``(w₀, w₁)``); every
    path starts at a red dot. Raises ``ValueError`` for a path that is not in
    two variables.

    Examples
    --------
    >>> from calcnotes import gradient_descent
    >>> g = lambda w: w[0] ** 2 + 4 * w[1] ** 2
    >>> run = gradient_descent(g, [-3.0, 1.0], lr=0.1, steps=10)
    >>> fig = contour_paths_figure(g, {"lr = 0.1": run}, (-4, 4), (-2, 2))
    >>> fig.legends[0].get_texts()[0].get_text()
    'lr = 0.1'
    """
    results = _results(results, dims=2)
    fig, (ax,) = new_figure(size=_map_size(span0, span1))
    contour_map(ax, g, span0, span1, levels=levels)
    for (label, result), (colour, dash) in zip(results.items(), _SERIES[1:] + _SERIES[:1]):
        path = np.asarray(result.path, dtype=float)
        ax.plot(path[:, 0], path[:, 1], color=colour, linestyle=dash, linewidth=1.5, marker="o",
                markersize=3, markeredgewidth=0, zorder=3, label=label)
        plot_point(ax, path[0, 0], path[0, 1], size=7)
    _finish_map(ax, title=title, legend=False)
    fig.legend(loc="outside upper center", ncols=len(results))
    return fig
