"""Chapter 2 figures: secants, limits and one-sided slopes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from numbers import Integral

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from calcnotes import one_sided_slopes, secant_line, tangent_line
from calcnotes._checks import as_real_scalar, check_callable
from calcnotes.figures.base import (
    ACCENT,
    CURVE,
    POINT,
    SECANT,
    TANGENT,
    _fit_y,
    _span,
    _values,
    finish_axes,
    new_figure,
    plot_curve,
    plot_line,
    plot_point,
)
from calcnotes.legacy import line_equation, number, style

__all__ = [
    "one_sided_figure",
    "polygon_figure",
    "quotient_figure",
    "secant_fan_figure",
    "secant_figure",
]

_GUIDE = {"color": CURVE, "linewidth": 1.0, "linestyle": (0, (3, 3)), "alpha": 0.55, "zorder": 1}


def _value(g: Callable, w: float) -> float:
    return float(_values(g, np.asarray(float(w)), ()))


def _functions(functions: Mapping[str, Callable]) -> list[tuple[str, Callable]]:
    """The ``label: function`` pairs of *functions*, checked."""
    if not isinstance(functions, Mapping) or not functions:
        raise ValueError("functions must be a non-empty dict of label: function, "
                         "e.g. {'sin(w)': np.sin}")
    for label, g in functions.items():
        check_callable(g, f"functions[{label!r}]")
    return [(str(label), g) for label, g in functions.items()]


@style()
def polygon_figure(sides: Sequence[int] = (4, 8, 16), *, r: float = 1.0) -> Figure:
    """Regular polygons inscribed in a circle of radius *r*, one panel each.

    A polygon with ``n`` sides splits into ``n`` equal triangles (one is
    shaded), so its area is ``n/2 · r² · sin(2π/n)``; each panel's title gives
    it. As ``n`` grows the area closes in on ``π r²``.

    Raises ``ValueError`` if *sides* is empty or holds a number below 3, or if
    *r* is not a positive number.

    Examples
    --------
    >>> fig = polygon_figure((4, 8))
    >>> [ax.get_title() for ax in fig.axes]
    ['4 sides: area 2', '8 sides: area 2.828']
    """
    sides = list(sides) if isinstance(sides, Sequence) else []
    if not sides or not all(isinstance(n, Integral) and n >= 3 for n in sides):
        raise ValueError(f"sides must be whole numbers of at least 3, e.g. (4, 8, 16), got {sides!r}")
    r = as_real_scalar(r, "r")
    if r <= 0:
        raise ValueError(f"r must be a positive radius, got {r}")
    fig, axes = new_figure(len(sides), size=(2.3 * len(sides), 2.75))
    turn = np.linspace(0, 2 * np.pi, 361)
    for ax, n in zip(axes, sides):
        n = int(n)
        # Start half a step left of the top, so every polygon has a level top edge.
        angles = np.pi / 2 - np.pi / n + 2 * np.pi * np.arange(n + 1) / n
        x, y = r * np.cos(angles), r * np.sin(angles)
        ax.fill(x, y, color=ACCENT, alpha=0.22, linewidth=0)
        ax.plot(x, y, color=ACCENT, linewidth=1.6, solid_joinstyle="miter")
        ax.fill([0, x[0], x[1]], [0, y[0], y[1]], color=SECANT, alpha=0.75, linewidth=0)
        ax.plot(r * np.cos(turn), r * np.sin(turn), color=CURVE, linewidth=1.2)
        area = n / 2 * r**2 * np.sin(2 * np.pi / n)
        ax.set_title(f"{n} sides: area {number(area)}")
        ax.set_aspect("equal")
        ax.set_xlim(-1.06 * r, 1.06 * r)
        ax.set_ylim(-1.06 * r, 1.06 * r)
        ax.axis("off")
    handles = [Patch(facecolor="none", edgecolor=CURVE, label=f"circle: πr² = {number(np.pi * r**2)}"),
               Patch(facecolor=(*to_rgb(ACCENT), 0.3), edgecolor=ACCENT, label="inscribed polygon"),
               Patch(facecolor=SECANT, alpha=0.75, label="one of its n triangles")]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, handlelength=1.2)
    return fig


@style()
def secant_figure(g: Callable, w0: float, w1: float, span: Sequence[float], *,
                  var: str = "w", name: str = "g", label: str | None = None) -> Figure:
    """Two panels: the secant of ``g`` through *w0* and *w1*, and the tangent at *w0*.

    The secant ``h(w) = g(w0) + s (w − w0)`` with ``s = (g(w1) − g(w0)) / (w1 − w0)``
    comes from `calcnotes.secant_line`, drawn with its run and rise; the
    tangent from `calcnotes.tangent_line`. The legends give both equations.

    Raises ``ValueError`` if *w1* equals *w0* or *span* is not a pair (low, high).

    Examples
    --------
    >>> fig = secant_figure(np.sin, 0.0, -2.6, (-3, 3))
    >>> [ax.get_legend().get_texts()[1].get_text() for ax in fig.axes]
    ['secant: h(w) = 0.1983w', 'tangent: h(w) = w']
    """
    check_callable(g, "g")
    lo, hi = _span(span)
    w0, w1 = as_real_scalar(w0, "w0"), as_real_scalar(w1, "w1")
    if w0 == w1:
        raise ValueError(f"w1 must differ from w0: a secant needs two points, got {w0} twice")
    secant, tangent = secant_line(g, w0, w1), tangent_line(g, w0)
    y0, y1 = _value(g, w0), _value(g, w1)
    lhs = f"h({var})"
    fig, (left, right) = new_figure(2, size=(7.6, 3.5))
    panels = [
        (left, secant, SECANT, "secant", f"two points: the secant through {var}⁰ and {var}¹"),
        (right, tangent, TANGENT, "tangent", f"one point: the tangent at {var}⁰"),
    ]
    for ax, line, colour, kind, title in panels:
        curve = plot_curve(ax, g, (lo, hi), label=label or f"{name}({var})")
        plot_line(ax, line, (lo, hi), color=colour,
                  label=f"{kind}: {line_equation(line, var=var, lhs=lhs)}")
        plot_point(ax, w0, y0, label=f"{var}⁰ = {number(w0)}")
        if ax is left:
            plot_point(ax, w1, y1, color=ACCENT, label=f"{var}¹ = {number(w1)}")
        ax.set_xlim(lo, hi)
        _fit_y(ax, curve.get_ydata(), pad=0.3)
        finish_axes(ax, xlabel=var, ylabel=f"{name}({var})", title=title, legend="upper left")
    # Run along the level of the first point, rise up to the second.
    left.plot([w0, w1], [y0, y0], **_GUIDE)
    left.plot([w1, w1], [y0, y1], **_GUIDE)
    left.annotate(f"run {number(w1 - w0)}", ((w0 + w1) / 2, y0), textcoords="offset points",
                  xytext=(0, 5 if y1 < y0 else -12), ha="center", fontsize=8.5)
    # The rise label goes inside the run-rise triangle, away from the panel's edge.
    left.annotate(f"rise {number(y1 - y0)}", (w1, (y0 + y1) / 2), textcoords="offset points",
                  xytext=(-5 if w1 > w0 else 5, 0), ha="right" if w1 > w0 else "left",
                  va="center", fontsize=8.5)
    return fig


@style()
def secant_fan_figure(f: Callable, x0: float, steps: Sequence[float], span: Sequence[float], *,
                      var: str = "x", name: str = "f", label: str | None = None) -> Figure:
    """Secants of ``f`` from *x0* to ``x0 + h`` for each ``h`` in *steps*, and the tangent.

    The smaller the step, the darker the secant; the legend gives each slope
    ``(f(x0 + h) − f(x0)) / h`` and the tangent's equation.

    Raises ``ValueError`` if *steps* is empty or holds 0 or a non-finite number.

    Examples
    --------
    >>> fig = secant_fan_figure(lambda x: x**2, 1.0, [1.0, 0.5], (0, 2.5))
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()][1:3]
    ['h = 1: slope 3', 'h = 0.5: slope 2.5']
    """
    check_callable(f, "f")
    lo, hi = _span(span)
    x0 = as_real_scalar(x0, "x0")
    steps = [float(h) for h in np.atleast_1d(np.asarray(steps, dtype=float))]
    if not steps or not all(np.isfinite(h) and h != 0 for h in steps):
        raise ValueError(f"steps must be finite, non-zero numbers, got {steps!r}")
    fig, (ax,) = new_figure(size=(6.0, 3.8))
    curve = plot_curve(ax, f, (lo, hi), label=label or f"{name}({var})")
    fade = np.linspace(0.55, 1.0, len(steps))
    for h, alpha in zip(sorted(steps, key=abs, reverse=True), fade):
        line = secant_line(f, x0, x0 + h)
        plot_line(ax, line, (lo, hi), color=SECANT, alpha=alpha, linewidth=1.6,
                  label=f"h = {number(h)}: slope {number(line.slope)}")
        plot_point(ax, x0 + h, _value(f, x0 + h), color=SECANT, size=6).set_alpha(alpha)
    tangent = tangent_line(f, x0)
    plot_line(ax, tangent, (lo, hi), linewidth=2.4,
              label=f"tangent: {line_equation(tangent, var=var)}")
    plot_point(ax, x0, _value(f, x0))
    ax.set_xlim(lo, hi)
    _fit_y(ax, curve.get_ydata(), pad=0.15)
    finish_axes(ax, xlabel=var, ylabel=f"{name}({var})", legend="upper left")
    return fig


@style()
def one_sided_figure(functions: Mapping[str, Callable], w0: float = 0.0, h: float = 1.0,
                     span: Sequence[float] = (-2.0, 2.0), *, var: str = "w") -> Figure:
    """For each function, its left and right secants at *w0* with step *h*, one panel each.

    The left secant joins ``w0 − h`` to ``w0``, the right one ``w0`` to
    ``w0 + h`` (slopes from `calcnotes.one_sided_slopes`); both are drawn
    across the whole panel so a kink shows as two lines crossing.
    *functions* maps a label to a function, e.g. ``{"sin(w)": np.sin}``.

    Raises ``ValueError`` if *functions* is empty or *h* is not positive.

    Examples
    --------
    >>> fig = one_sided_figure({"relu": lambda w: np.maximum(w, 0)}, 0.0, 1.0)
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['relu', 'left secant: slope 0', 'right secant: slope 1']
    """
    pairs = _functions(functions)
    lo, hi = _span(span)
    w0, h = as_real_scalar(w0, "w0"), as_real_scalar(h, "h")
    if h <= 0:
        raise ValueError(f"h must be a positive step, got {h}")
    fig, axes = new_figure(len(pairs), size=(3.8 * len(pairs), 3.3))
    for i, (ax, (label, g)) in enumerate(zip(axes, pairs)):
        left, right = one_sided_slopes(g, w0, h)
        y0 = _value(g, w0)
        curve = plot_curve(ax, g, (lo, hi), label=label, linewidth=3.0, alpha=0.45)
        plot_line(ax, _through(w0, y0, left), (lo, hi), color=ACCENT, linewidth=1.8,
                  label=f"left secant: slope {number(left)}")
        plot_line(ax, _through(w0, y0, right), (lo, hi), color=SECANT, linewidth=1.8,
                  linestyle=(0, (5, 3)), label=f"right secant: slope {number(right)}")
        plot_point(ax, w0 - h, _value(g, w0 - h), color=ACCENT, size=7)
        plot_point(ax, w0 + h, _value(g, w0 + h), color=SECANT, size=7)
        plot_point(ax, w0, y0, size=7)
        ax.set_xlim(lo, hi)
        _fit_y(ax, curve.get_ydata(), pad=0.3)
        finish_axes(ax, xlabel=var, ylabel="" if i else f"g({var})", legend="upper left",
                    title=f"{label}: steps of {number(h)} either side of {number(w0)}")
    return fig


def _through(w0: float, y0: float, slope: float) -> Callable:
    return lambda w: y0 + slope * (np.asarray(w, dtype=float) - w0)


@style()
def quotient_figure(functions: Mapping[str, Callable], w0: float = 0.0, reach: float = 2.0, *,
                    var: str = "w") -> Figure:
    """The difference quotient ``(g(w0 + h) − g(w0)) / h`` against ``h``, one panel per function.

    The quotient is not defined at ``h = 0``: its graph has a hole there. The
    branch for ``h < 0`` is blue, the one for ``h > 0`` orange; open circles
    mark where each heads (the one-sided slopes at ``h = 1e-9``), and a single
    circle means a single limit, the derivative. *functions* maps a label to
    a function.

    Raises ``ValueError`` if *functions* is empty or *reach* is not positive.

    Examples
    --------
    >>> fig = quotient_figure({"relu": lambda w: np.maximum(w, 0)})
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['from the left → 0', 'from the right → 1']
    """
    pairs = _functions(functions)
    w0, reach = as_real_scalar(w0, "w0"), as_real_scalar(reach, "reach")
    if reach <= 0:
        raise ValueError(f"reach must be a positive distance, got {reach}")
    fig, axes = new_figure(len(pairs), size=(3.8 * len(pairs), 3.1))
    h = np.geomspace(reach, reach * 1e-4, 200)
    for i, (ax, (label, g)) in enumerate(zip(axes, pairs)):
        y0 = _value(g, w0)
        with np.errstate(all="ignore"):
            right = (_values(g, w0 + h) - y0) / h
            left = (y0 - _values(g, w0 - h)) / h
        ax.plot(-h, left, color=ACCENT, zorder=2)
        ax.plot(h, right, color=SECANT, zorder=2)
        from_left, from_right = one_sided_slopes(g, w0, 1e-9 * max(1.0, abs(w0)))
        if np.isclose(from_left, from_right, rtol=1e-5, atol=1e-6):
            marks = [(from_left, POINT, f"both sides → {number(from_left)}", (0, 11), "center")]
        else:
            marks = [(from_left, ACCENT, f"from the left → {number(from_left)}", (-8, 9), "right"),
                     (from_right, SECANT, f"from the right → {number(from_right)}", (8, -15), "left")]
        for value, colour, text, offset, align in marks:
            ax.plot([0], [value], "o", markersize=8, markerfacecolor="none",
                    markeredgecolor=colour, markeredgewidth=2, zorder=4)
            ax.annotate(text, (0, value), textcoords="offset points", xytext=offset,
                        ha=align, fontsize=9)
        ax.axvline(0, **_GUIDE)
        ax.set_xlim(-reach, reach)
        _fit_y(ax, left, right, [from_left, from_right], pad=0.35)
        finish_axes(ax, xlabel="h", ylabel="" if i else "difference quotient",
                    title=f"{label} at {var} = {number(w0)}", legend=False)
    return fig
