"""Chapter 5 figures: surfaces, contours, partials and gradients.

Functions of two inputs are written as a reader would,
``f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2``, where ``w`` holds
the two inputs stacked along its first axis (so the same function takes one
point or a whole grid). Contour panels use equal scales on both axes, so
that an arrow drawn perpendicular to a level curve also looks perpendicular.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from mpl_toolkits.mplot3d.art3d import Poly3DCollection

from calcnotes import (
    directional_derivative,
    gradient,
    partial,
    tangent_line,
    tangent_plane,
)
from calcnotes.figures.base import (
    ACCENT,
    POINT,
    SECANT,
    SURFACE,
    TANGENT,
    _fit_y,
    _point2d,
    _quads,
    _shaded,
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
from calcnotes.legacy import INK, number, style

__all__ = [
    "axis_tangent_planes_figure",
    "directional_figure",
    "gradient_field_figure",
    "norm_cone_figure",
    "partial_slices_figure",
    "steepest_ascent_figure",
    "surface_contour_figure",
]

# ------------------------------------------------------------------ helpers --


def _names(names: Sequence[str], count: int, what: str = "names") -> tuple[str, ...]:
    names = tuple(str(n) for n in names)
    if len(names) != count:
        raise ValueError(f"{what} must hold {count} labels, got {names!r}")
    return names


def _grid(f: Callable, span0, span1, n: int):
    """Meshgrids ``X, Y`` over the spans and the values ``Z = f(X, Y)``."""
    X, Y = np.meshgrid(np.linspace(*span0, n), np.linspace(*span1, n))
    return X, Y, _values(f, np.array([X, Y]), X.shape)


def _value(f: Callable, p: np.ndarray) -> float:
    return float(_values(f, p, ()))


def _contour_panel(ax: Axes, f: Callable, span0, span1, *, levels, n: int = 61,
                   labels: bool = True, color: str = SURFACE):
    """Level curves of *f* on *ax*, labelled with their values, equal scales."""
    X, Y, Z = _grid(f, span0, span1, n)
    lines = ax.contour(X, Y, Z, levels=levels, colors=color, linewidths=1.1)
    if labels:
        ax.clabel(lines, fontsize=8, inline_spacing=2, fmt=lambda v: number(v, 3))
    ax.set_xlim(*span0)
    ax.set_ylim(*span1)
    ax.set_aspect("equal")
    return lines


def _arrow(ax: Axes, start, vector, *, color: str, label: str | None = None,
           width: float = 0.012):
    """One arrow from *start* along *vector*, in data units."""
    return ax.quiver([start[0]], [start[1]], [vector[0]], [vector[1]], color=color,
                     angles="xy", scale_units="xy", scale=1, width=width, zorder=4,
                     label=label)


def _tidy_ticks3d(ax) -> None:
    """Round tick values on the two input axes of 3-D axes (1, 0.5, ... not 0.8)."""
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(MaxNLocator(4, steps=[1, 2, 5, 10], prune="both"))


def _check_levels(levels):
    if isinstance(levels, (int, np.integer)) and not isinstance(levels, bool):
        if levels < 1:
            raise ValueError(f"levels must be at least 1, got {levels}")
        return int(levels)
    try:
        values = np.asarray(levels, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"levels must be a count or increasing values, got {levels!r}") from None
    if values.ndim != 1 or values.size == 0 or np.any(np.diff(values) <= 0):
        raise ValueError(f"levels must be a count or increasing values, got {levels!r}")
    return values


# --------------------------------------------------------- surface and map --


@style()
def surface_contour_figure(f: Callable, span0: Sequence[float], span1: Sequence[float], *,
                           point: Sequence[float] | None = None, levels=9,
                           names: Sequence[str] = ("x", "y", "f(x, y)"),
                           view: tuple[float, float] = (30, -125), n: int = 15) -> Figure:
    """A function of two inputs drawn twice: as a surface in 3-D and as a contour map.

    The left panel is the graph ``z = f(x, y)``; the right panel looks at it
    from above, one curve per height in *levels* (a count, or the heights
    themselves). An optional *point* is marked on both.

    Raises ``ValueError`` for a bad span, point or levels; ``TypeError`` if
    ``f`` is not callable.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
    >>> fig = surface_contour_figure(f, (-2, 2), (-2, 2), point=(1, 1), n=6)
    >>> [ax.name for ax in fig.axes]
    ['3d', 'rectilinear']
    """
    span0, span1 = _span(span0, "span0"), _span(span1, "span1")
    levels = _check_levels(levels)
    x_name, y_name, z_name = _names(names, 3)
    p = None if point is None else _point2d(point)
    fig, (left, right) = new_figure(2, size=(7.4, 3.6), projection=["3d", None], widths=[1.15, 1])
    plot_surfaces(left, [{"g": f, "span0": span0, "span1": span1, "n": n, "alpha": 0.92}])
    left.computed_zorder = False
    if p is not None:
        plot_point3d(left, p, _value(f, p))
    finish_axes3d(left, labels=(x_name, y_name, z_name), view=view, title="the surface")
    _tidy_ticks3d(left)
    left.zaxis.set_rotate_label(False)  # seen from some sides, it would be upside down
    left.set_zlabel(z_name, rotation=90, labelpad=-2)
    _contour_panel(right, f, span0, span1, levels=levels)
    if p is not None:
        plot_point(right, p[0], p[1], size=7)
    finish_axes(right, xlabel=x_name, ylabel=y_name, legend=False,
                title="the contour map: one curve per height")
    return fig


@style()
def partial_slices_figure(f: Callable, point: Sequence[float], span0: Sequence[float],
                          span1: Sequence[float], *, names: Sequence[str] = ("x", "y"),
                          name: str = "f") -> Figure:
    """The two slices of ``f`` through *point*, each with its tangent line.

    Left: ``x ↦ f(x, y₀)``, the other input held at its value; right:
    ``y ↦ f(x₀, y)``. The tangent slopes are the partial derivatives
    ``∂f/∂x`` and ``∂f/∂y`` at the point (from `calcnotes.partial`).

    Raises ``ValueError`` for a bad point or span.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
    >>> fig = partial_slices_figure(f, (1, 1), (-1, 3), (-1, 3))
    >>> [ax.get_title() for ax in fig.axes]
    ['y held at 1: slope ∂f/∂x = 5', 'x held at 1: slope ∂f/∂y = 5']
    """
    p = _point2d(point)
    spans = _span(span0, "span0"), _span(span1, "span1")
    names = _names(names, 2)
    fig, axes = new_figure(2, size=(7.2, 3.2))
    for i, ax in enumerate(axes):
        other = 1 - i
        fixed = p[other]

        def slice_(t, i=i, fixed=fixed):
            t = np.asarray(t, dtype=float)
            stacked = [t, np.full_like(t, fixed)] if i == 0 else [np.full_like(t, fixed), t]
            return f(np.array(stacked))

        slope = partial(f, p, i)
        line = tangent_line(slice_, p[i])
        var, held = names[i], names[other]
        args = f"{var}, {number(fixed)}" if i == 0 else f"{number(fixed)}, {var}"
        curve = plot_curve(ax, slice_, spans[i], label=f"{name}({args})")
        plot_line(ax, line, spans[i], label=f"tangent, slope {number(slope)}")
        plot_point(ax, p[i], _value(f, p))
        ax.set_xlim(*spans[i])
        _fit_y(ax, curve.get_ydata())
        finish_axes(ax, xlabel=var, ylabel=f"{name}({args})", legend="upper left",
                    title=f"{held} held at {number(fixed)}: slope ∂{name}/∂{var} = {number(slope)}")
    return fig


# ------------------------------------------------------------ tangent planes --


def _surface_with_planes(ax, g, w0, span0, span1, plane, colour, axes_drawn, *, n, plane_size):
    """The surface of *g*, a plane near *w0* over it, tangent lines along *axes_drawn*, the point.

    The slice of the surface along each drawn axis is traced in ink, and the
    tangent line of that slice (slope: the partial derivative) in green.
    """
    ax.computed_zorder = False  # the plane always drawn over the surface (see tangents.py)
    plot_surfaces(ax, [{"g": g, "span0": span0, "span1": span1, "n": n, "color": SURFACE, "alpha": 0.85}])
    spans = (span0, span1)
    r = [plane_size * (s[1] - s[0]) / 2 for s in spans]
    drawn = plot_surfaces(ax, [{"g": plane, "span0": (w0[0] - r[0], w0[0] + r[0]),
                                    "span1": (w0[1] - r[1], w0[1] + r[1]), "n": 2,
                                    "color": colour, "alpha": 0.55}])
    drawn.set_zorder(3)
    z0 = _value(g, w0)
    for i in axes_drawn:
        t = np.linspace(*spans[i], 60)
        points = np.repeat(w0[:, None], t.size, axis=1)
        points[i] = t
        ax.plot(points[0], points[1], _values(g, points, t.shape), color=INK, linewidth=1.2,
                zorder=2.5)
        ends = np.repeat(w0[:, None], 2, axis=1)
        ends[i] = [w0[i] - r[i], w0[i] + r[i]]
        slope = float(plane.gradient[i]) if hasattr(plane, "gradient") else partial(g, w0, i)
        ax.plot(ends[0], ends[1], z0 + slope * (ends[i] - w0[i]), color=TANGENT, linewidth=2.4,
                zorder=4)
    plot_point3d(ax, w0, z0)


@style()
def axis_tangent_planes_figure(g: Callable, w0: Sequence[float], span0: Sequence[float],
                               span1: Sequence[float], *, view: tuple[float, float] = (25, -135),
                               n: int = 12, plane_size: float = 0.5) -> Figure:
    """Three planes touching ``g`` at *w0*: tangent along ``w₁``, along ``w₂``, and both.

    With ``∂₁ = ∂g/∂w₁`` and ``∂₂ = ∂g/∂w₂`` at *w0*, the panels show
    ``g(w0) + ∂₁ (w₁ − w0₁)`` (tilted along ``w₁`` only, orange),
    ``g(w0) + ∂₂ (w₂ − w0₂)`` (along ``w₂`` only, orange), and their sum, the
    first-order Taylor plane of `calcnotes.tangent_plane` (green). Green
    lines are the tangents of the slices of ``g`` (traced in ink) along each axis.

    Raises ``ValueError`` for a bad point or span.

    Examples
    --------
    >>> g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2
    >>> fig = axis_tangent_planes_figure(g, (0, 0), (-2, 2), (-2, 2), n=5)
    >>> [ax.get_title() for ax in fig.axes]
    ['tangent along w₁ only', 'tangent along w₂ only', 'tangent plane: both slopes']
    """
    w0 = _point2d(w0, "w0")
    span0, span1 = _span(span0, "span0"), _span(span1, "span1")
    full = tangent_plane(g, w0)
    slope1, slope2 = full.gradient
    along1 = lambda w: full.value + slope1 * (np.asarray(w)[0] - w0[0])
    along2 = lambda w: full.value + slope2 * (np.asarray(w)[1] - w0[1])
    # Two single-axis panels side by side, the full tangent plane under them.
    fig = Figure(figsize=(7.2, 6.0), layout="constrained")
    grid = fig.add_gridspec(2, 2)
    axes = [fig.add_subplot(grid[0, 0], projection="3d"),
            fig.add_subplot(grid[0, 1], projection="3d"),
            fig.add_subplot(grid[1, :], projection="3d")]
    panels = [(along1, SECANT, [0], "tangent along w₁ only"),
              (along2, SECANT, [1], "tangent along w₂ only"),
              (full, TANGENT, [0, 1], "tangent plane: both slopes")]
    for ax, (plane, colour, drawn, title) in zip(axes, panels):
        _surface_with_planes(ax, g, w0, span0, span1, plane, colour, drawn, n=n,
                             plane_size=plane_size)
        finish_axes3d(ax, labels=("w₁", "w₂", ""), view=view, title=title)
        _tidy_ticks3d(ax)
    low = min(ax.get_zlim()[0] for ax in axes)  # one height scale for the three panels
    high = max(ax.get_zlim()[1] for ax in axes)
    for ax in axes:
        ax.set_zlim(low, high)
    return fig


# ---------------------------------------------------------------- gradients --


@style()
def gradient_field_figure(f: Callable, span0: Sequence[float], span1: Sequence[float], *,
                          arrows: int = 8, levels=9, normalize: bool = True,
                          point: Sequence[float] | None = None,
                          names: Sequence[str] = ("x", "y")) -> Figure:
    """Gradient arrows on a grid, drawn over the contour map of ``f``.

    ``∇f`` (from `calcnotes.gradient`) is evaluated at ``arrows × arrows``
    points. With *normalize* every arrow has the same length and shows only
    the direction; otherwise lengths are proportional to ``‖∇f‖`` (the longest
    fills a grid cell). Where the gradient vanishes a dot is drawn instead.
    The arrows are red; with a *point* (marked in red) they are blue.

    Raises ``ValueError`` for a bad span, point, levels or fewer than 2 arrows.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
    >>> fig = gradient_field_figure(f, (-2, 2), (-2, 2), arrows=4)
    >>> fig.axes[0].collections[-1].N  # one arrow per grid point
    16
    """
    span0, span1 = _span(span0, "span0"), _span(span1, "span1")
    levels = _check_levels(levels)
    if not isinstance(arrows, (int, np.integer)) or isinstance(arrows, bool) or arrows < 2:
        raise ValueError(f"arrows must be a whole number at least 2, got {arrows!r}")
    names = _names(names, 2)
    p = None if point is None else _point2d(point)
    # Arrows sit at the centres of an arrows × arrows grid of cells.
    cell0 = (span0[1] - span0[0]) / arrows
    cell1 = (span1[1] - span1[0]) / arrows
    xs = span0[0] + cell0 * (np.arange(arrows) + 0.5)
    ys = span1[0] + cell1 * (np.arange(arrows) + 0.5)
    X, Y = np.meshgrid(xs, ys)
    G = np.array([gradient(f, np.array([x, y])) for x, y in zip(X.ravel(), Y.ravel())])
    lengths = np.linalg.norm(G, axis=1)
    flat = lengths <= 1e-7 * max(1.0, lengths.max())
    reach = 0.8 * min(cell0, cell1)
    if normalize:
        scale = np.where(flat, 0.0, reach / np.where(flat, 1.0, lengths))
    else:
        scale = np.full(len(G), reach / max(lengths.max(), 1e-300))
    U, V = G[:, 0] * scale, G[:, 1] * scale

    fig, (ax,) = new_figure(size=(5.0, 4.4))
    _contour_panel(ax, f, span0, span1, levels=levels)
    ax.quiver(X.ravel() - U / 2, Y.ravel() - V / 2, U, V, color=POINT if p is None else ACCENT,
              angles="xy", scale_units="xy", scale=1, width=0.007, zorder=4)
    if np.any(flat):
        ax.plot(X.ravel()[flat], Y.ravel()[flat], "o", color=ACCENT, markersize=3, zorder=4)
    if p is not None:
        plot_point(ax, p[0], p[1], size=7)
    finish_axes(ax, xlabel=names[0], ylabel=names[1], legend=False)
    return fig


@style()
def directional_figure(f: Callable, point: Sequence[float], direction: Sequence[float],
                       span0: Sequence[float], span1: Sequence[float], *, levels=9,
                       reach: float = 1.0, names: Sequence[str] = ("x", "y"),
                       name: str = "f") -> Figure:
    """A direction on the contour map, and the slope of ``f`` along it.

    Left: the contour map with the point, the unit vector ``u`` along
    *direction* (orange) and the gradient's direction (blue). Right: the profile
    ``t ↦ f(point + t u)`` for ``|t| ≤ reach`` with its tangent at ``t = 0``,
    whose slope is the directional derivative ``∇f·u``
    (`calcnotes.directional_derivative`).

    Raises ``ValueError`` for a zero direction, a bad point or span.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
    >>> fig = directional_figure(f, (1, 1), (2, -1), (-2, 2), (-2, 2))
    >>> fig.axes[1].get_title()
    'the slope along u is ∇f·u = 2.236'
    """
    p = _point2d(point)
    v = _point2d(direction, "direction")
    if not np.any(v):
        raise ValueError("direction must not be zero: the zero vector has no direction")
    reach = float(reach)
    if not (np.isfinite(reach) and reach > 0):
        raise ValueError(f"reach must be a positive number, got {reach!r}")
    span0, span1 = _span(span0, "span0"), _span(span1, "span1")
    levels = _check_levels(levels)
    names = _names(names, 2)
    u = v / np.linalg.norm(v)
    slope = directional_derivative(f, p, v)
    grad = gradient(f, p)

    fig, (left, right) = new_figure(2, size=(7.6, 3.6), widths=[1, 1.05])
    _contour_panel(left, f, span0, span1, levels=levels)
    t = np.linspace(-reach, reach, 2)
    left.plot(p[0] + t * u[0], p[1] + t * u[1], color=SECANT, linewidth=1.2,
              linestyle=(0, (4, 2)), zorder=3)
    unit = 0.25 * min(span0[1] - span0[0], span1[1] - span1[0])  # arrow length on the map
    _arrow(left, p, unit * u, color=SECANT, label="direction u")
    _arrow(left, p, unit * grad / np.linalg.norm(grad), color=ACCENT,
           label="gradient direction")
    plot_point(left, p[0], p[1], size=7)
    finish_axes(left, xlabel=names[0], ylabel=names[1], legend="lower left",
                title=f"the line through ({number(p[0])}, {number(p[1])}) along u")

    def profile(t):  # f along the line: t ↦ f(point + t u)
        t = np.asarray(t, dtype=float)
        return _values(f, p.reshape(2, *[1] * t.ndim) + np.multiply.outer(u, t), t.shape)

    curve = plot_curve(right, profile, (-reach, reach), color=INK,
                       label=f"{name}(point + t u)")
    plot_line(right, lambda s: _value(f, p) + slope * np.asarray(s), (-reach, reach),
              label=f"tangent, slope {number(slope)}")
    plot_point(right, 0.0, _value(f, p))
    right.set_xlim(-reach, reach)
    _fit_y(right, curve.get_ydata())
    finish_axes(right, xlabel="t (distance along u)", ylabel=f"{name}(point + t u)",
                legend="upper left", title=f"the slope along u is ∇{name}·u = {number(slope)}")
    return fig


@style()
def steepest_ascent_figure(f: Callable, point: Sequence[float], *, directions: int = 360,
                           name: str = "f") -> Figure:
    """The slope of ``f`` at *point* in every direction, against the direction's angle.

    For ``directions`` unit vectors ``u = (cos θ, sin θ)`` the curve shows the
    directional derivative ``∇f·u``; it peaks where ``u`` points along the
    gradient, at height ``‖∇f‖``, and bottoms out at ``−‖∇f‖`` opposite it.

    Raises ``ValueError`` for a bad point or fewer than 8 directions.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
    >>> fig = steepest_ascent_figure(f, (1, 0), directions=36)
    >>> len(fig.axes[0].get_lines()[0].get_xdata())
    37
    """
    p = _point2d(point)
    if not isinstance(directions, (int, np.integer)) or isinstance(directions, bool) \
            or directions < 8:
        raise ValueError(f"directions must be a whole number at least 8, got {directions!r}")
    angles = np.linspace(0.0, 360.0, int(directions) + 1)  # 360° closes the loop
    slopes = np.array([directional_derivative(f, p, [np.cos(a), np.sin(a)])
                       for a in np.radians(angles)])
    grad = gradient(f, p)
    size = float(np.linalg.norm(grad))
    best = float(np.degrees(np.arctan2(grad[1], grad[0])) % 360)

    fig, (ax,) = new_figure(size=(6.0, 3.4))
    ax.plot(angles, slopes, color=INK, label=f"slope ∇{name}·u in direction θ", zorder=2)
    for level, text in [(size, f"‖∇{name}‖"), (-size, f"−‖∇{name}‖")]:
        ax.axhline(level, color=TANGENT, linewidth=1, linestyle=(0, (4, 2)), zorder=1)
        ax.annotate(f"{text} = {number(level)}", (358, level), ha="right",
                    va="bottom" if level > 0 else "top", xytext=(0, 3 if level > 0 else -3),
                    textcoords="offset points", fontsize=8, color=TANGENT)
    ax.axvline(best, color=ACCENT, linewidth=1.2, zorder=1,
               label=f"direction of ∇{name}: θ = {number(best, 4)}°")
    top = int(np.argmax(slopes))
    plot_point(ax, angles[top], slopes[top],
               label=f"largest slope: {number(slopes[top])} at θ = {number(angles[top], 4)}°")
    ax.set_xlim(0, 360)
    ax.set_xticks(range(0, 361, 45))
    _fit_y(ax, slopes, pad=0.25)
    finish_axes(ax, xlabel="angle θ of the direction u (degrees)", ylabel="slope along u",
                legend=False)
    fig.legend(loc="outside upper center", ncols=2)
    return fig


# --------------------------------------------------------------- the norm --


@style()
def norm_cone_figure(*, radius: float = 1.5, rays: int = 6,
                     view: tuple[float, float] = (22, -60), n: int = 12) -> Figure:
    """The cone ``z = ‖w‖₂`` and its slices through the tip: a kink in every direction.

    Left: the cone in 3-D with *rays* straight lines from the tip, one per
    direction. Right: the slice ``t ↦ ‖t u‖₂ = |t|``, the same for every unit
    ``u``, with slope 1 to the right of the tip and −1 to the left, so no
    single tangent line (and no tangent plane) fits at the tip.

    Raises ``ValueError`` for a radius that is not positive or fewer than 2 rays.

    Examples
    --------
    >>> fig = norm_cone_figure(rays=4, n=6)
    >>> [ax.name for ax in fig.axes]
    ['3d', 'rectilinear']
    """
    radius = float(radius)
    if not (np.isfinite(radius) and radius > 0):
        raise ValueError(f"radius must be a positive number, got {radius!r}")
    if not isinstance(rays, (int, np.integer)) or isinstance(rays, bool) or rays < 2:
        raise ValueError(f"rays must be a whole number at least 2, got {rays!r}")
    fig, (left, right) = new_figure(2, size=(7.4, 3.5), projection=["3d", None], widths=[1.1, 1])
    # A polar grid, so that the rim is a circle and the tip a grid point.
    r, theta = np.meshgrid(np.linspace(0, radius, n // 2 + 1), np.linspace(0, 2 * np.pi, 2 * n + 1))
    quads = _quads(r * np.cos(theta), r * np.sin(theta), r)
    cone = Poly3DCollection(quads, facecolors=_shaded(SURFACE, quads, 0.8),
                            edgecolors=(0.35, 0.45, 0.6, 0.6), linewidths=0.3)
    cone.set_zorder(2)
    left.add_collection3d(cone)
    left.computed_zorder = False
    facing = np.radians(view[1])  # the side of the cone that faces the viewer
    for k in range(rays):
        a = 2 * np.pi * k / rays + np.pi / rays
        front = np.cos(a - facing) > 0
        left.plot([0, radius * np.cos(a)], [0, radius * np.sin(a)], [0, radius],
                  color=TANGENT, linewidth=1.8 if front else 1.2, zorder=3 if front else 1,
                  alpha=1.0 if front else 0.6)
    plot_point3d(left, (0.0, 0.0), 0.0)
    left.set_xlim(-radius, radius)
    left.set_ylim(-radius, radius)
    left.set_zlim(0, radius)
    finish_axes3d(left, labels=("w₁", "w₂", ""), view=view, title="the cone z = ‖w‖₂")
    _tidy_ticks3d(left)
    left.zaxis.set_major_locator(MaxNLocator(3, steps=[1, 2, 5, 10]))

    plot_curve(right, np.abs, (-radius, radius), label="|t|, for any unit u")
    plot_line(right, lambda t: np.asarray(t, dtype=float), (0, radius), color=TANGENT,
              linewidth=4, alpha=0.55, label="slope +1 (right)")
    plot_line(right, lambda t: -np.asarray(t, dtype=float), (-radius, 0), color=SECANT,
              linewidth=4, alpha=0.55, label="slope −1 (left)")
    for slope in (0.0, 0.5):
        plot_line(right, lambda t, s=slope: s * np.asarray(t, dtype=float), (-radius, radius),
                  color=ACCENT, linewidth=1.2, linestyle=(0, (3, 2)),
                  label="slopes 0 and 0.5" if slope == 0 else None)
    plot_point(right, 0.0, 0.0)
    right.set_xlim(-radius, radius)
    right.set_ylim(-0.6 * radius, 1.9 * radius)
    finish_axes(right, xlabel="t (distance along u)", ylabel="‖t u‖₂", legend="upper center",
                title="the slice t ↦ ‖t u‖₂ through the tip")
    return fig
