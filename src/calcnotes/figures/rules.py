"""Chapter 4 figures: functions beside their derivatives."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes import derivative, tangent_line
from calcnotes.figures.base import (
    ACCENT,
    CURVE,
    POINT,
    _fit_y,
    _span,
    _values,
    finish_axes,
    plot_curve,
    plot_line,
    plot_point,
)
from calcnotes.legacy import INK, line_equation, number, style

__all__ = ["function_and_derivative_figure", "function_and_derivative_grid"]

#: The derivative is drawn dashed as well as in its own colour, so the two
#: curves stay apart for readers who do not tell colours apart.
_DERIVATIVE_STYLE = dict(color=ACCENT, linestyle=(0, (5, 2)))
_PANEL_KEYS = {"f", "df", "span", "title", "label", "dlabel", "undefined_at", "ylim"}


def _check_function(g, name: str) -> Callable:
    if not callable(g):
        raise TypeError(f"{name} must be a function such as `lambda x: np.sin(x)`, "
                        f"got {type(g).__name__}")
    return g


def _numerical(f: Callable) -> Callable:
    """The derivative of *f* measured by `calcnotes.derivative`."""
    return lambda x: derivative(f, x)


def _clean(value: float, size: float = 1.0) -> float:
    """*value*, with round-off-sized values (below 1e-9 × *size*) shown as 0."""
    return 0.0 if abs(value) < 1e-9 * max(1.0, abs(size)) else float(value)


def _pieces(lo: float, hi: float, breaks: Sequence[float], n: int) -> np.ndarray:
    """Points of ``[lo, hi]`` that skip each break, NaN between the pieces.

    A NaN makes Matplotlib lift the pen, so a jump is not drawn as a steep
    line; the break itself is never evaluated.
    """
    gap = 1e-9 * (hi - lo)
    edges = [lo, *sorted(b for b in breaks if lo < b < hi), hi]
    parts = []
    for i, (a, b) in enumerate(zip(edges, edges[1:])):
        a = a + gap if i > 0 else a
        b = b - gap if i < len(edges) - 2 else b
        parts.append(np.linspace(a, b, max(2, round(n * (b - a) / (hi - lo)))))
        parts.append([np.nan])
    return np.concatenate(parts[:-1])


@style()
def _draw_derivative(ax, df: Callable, lo: float, hi: float, breaks: Sequence[float], *,
                     label: str, n: int):
    """The derivative curve, broken at *breaks*, with open circles at the jumps."""
    x = _pieces(lo, hi, breaks, n)
    y = np.full_like(x, np.nan)
    finite = np.isfinite(x)
    y[finite] = _values(df, x[finite])
    ax.plot(x, y, label=label, zorder=3, **_DERIVATIVE_STYLE)
    for b in breaks:
        if lo < b < hi:
            near = np.array([b - 1e-9 * (hi - lo), b + 1e-9 * (hi - lo)])
            # Open circles: the derivative takes neither value at the break itself.
            ax.plot([b, b], _values(df, near), "o", markersize=6, markerfacecolor="none",
                    markeredgecolor=ACCENT, markeredgewidth=1.6, zorder=4)
    return y


def _check_panel(i: int, panel) -> dict:
    if not isinstance(panel, Mapping):
        raise TypeError(f"panels[{i}] must be a dict with keys f, span and optionally "
                        f"{', '.join(sorted(_PANEL_KEYS - {'f', 'span'}))}; "
                        f"got {type(panel).__name__}")
    unknown = set(panel) - _PANEL_KEYS
    if unknown:
        raise ValueError(f"panels[{i}] has unknown keys {sorted(unknown)}; "
                         f"allowed: {sorted(_PANEL_KEYS)}")
    for key in ("f", "span"):
        if key not in panel:
            raise ValueError(f"panels[{i}] needs a {key!r} entry")
    checked = dict(panel)
    checked["f"] = _check_function(panel["f"], f"panels[{i}]['f']")
    df = panel.get("df")
    checked["df"] = _numerical(checked["f"]) if df is None else _check_function(
        df, f"panels[{i}]['df']")
    checked["span"] = _span(panel["span"], f"panels[{i}]['span']")
    checked["undefined_at"] = [float(b) for b in panel.get("undefined_at", ())]
    if panel.get("ylim") is not None:
        checked["ylim"] = _span(panel["ylim"], f"panels[{i}]['ylim']")
    return checked


@style()
def function_and_derivative_grid(panels: Sequence[Mapping], *, ncols: int = 3,
                                 var: str = "x", n: int = 160) -> Figure:
    """A grid of small panels, each a function drawn with its derivative.

    Each panel is a dict: ``f`` (the function) and ``span`` (the interval
    drawn) are required; ``df`` is the derivative (default: measured by
    `calcnotes.derivative`); ``title``, ``label`` and ``dlabel`` name the
    panel and the two curves; ``undefined_at`` lists points where the
    derivative jumps (the curve is broken there and open circles mark the
    two one-sided values); ``ylim`` fixes the vertical range. The function
    is drawn in the page's ink, its derivative dashed in blue.

    Raises ``TypeError`` if a panel is not a dict or ``f``/``df`` is not
    callable, ``ValueError`` for an empty *panels*, a missing ``f`` or
    ``span``, an unknown key, a bad span or a bad *ncols*.

    Examples
    --------
    >>> fig = function_and_derivative_grid(
    ...     [dict(f=np.sin, df=np.cos, span=(-3, 3), title="sine"),
    ...      dict(f=lambda x: np.maximum(x, 0), span=(-2, 2), undefined_at=[0])],
    ...     ncols=2)
    >>> [ax.get_title() for ax in fig.axes]
    ['sine', '']
    >>> function_and_derivative_grid([])
    Traceback (most recent call last):
        ...
    ValueError: panels must hold at least one panel
    """
    if isinstance(panels, Mapping) or not isinstance(panels, Sequence):
        raise TypeError(f"panels must be a list of dicts, got {type(panels).__name__}")
    if not panels:
        raise ValueError("panels must hold at least one panel")
    if isinstance(ncols, bool) or not isinstance(ncols, int) or ncols < 1:
        raise ValueError(f"ncols must be a whole number >= 1, got {ncols!r}")
    checked = [_check_panel(i, panel) for i, panel in enumerate(panels)]
    ncols = min(ncols, len(checked))
    nrows = -(-len(checked) // ncols)

    fig = Figure(figsize=(2.45 * ncols, 2.35 * nrows), layout="constrained")
    grid = fig.add_gridspec(nrows, ncols)
    for i, panel in enumerate(checked):
        ax = fig.add_subplot(grid[i // ncols, i % ncols])
        lo, hi = panel["span"]
        curve = plot_curve(ax, panel["f"], (lo, hi), n=n, color=CURVE,
                           label=panel.get("label") or f"f({var})")
        slopes = _draw_derivative(ax, panel["df"], lo, hi, panel["undefined_at"],
                                  label=panel.get("dlabel") or f"f′({var})", n=n)
        ax.set_xlim(lo, hi)
        if "ylim" in panel:
            ax.set_ylim(*panel["ylim"])
        else:
            _fit_y(ax, curve.get_ydata(), slopes, pad=0.08)
        ax.axhline(0, color=INK, linewidth=0.6, alpha=0.5, zorder=1)
        ax.locator_params(nbins=4)
        last_row = i // ncols == nrows - 1 or i + ncols >= len(checked)
        finish_axes(ax, xlabel=var if last_row else "", ylabel="",
                    title=panel.get("title"), legend=False)
        ax.legend(loc="best", fontsize=9, handlelength=1.6, borderaxespad=0.2,
                  labelspacing=0.25)
    return fig


@style()
def function_and_derivative_figure(f: Callable, span: Sequence[float], *,
                                   df: Callable | None = None, at: float | None = None,
                                   var: str = "x", name: str = "f", label: str | None = None,
                                   dlabel: str | None = None) -> Figure:
    """A function above its derivative, on a shared horizontal axis.

    Top: ``f`` and, if *at* is given, its tangent line there (from
    `calcnotes.tangent_line`). Bottom: ``df`` (default: measured by
    `calcnotes.derivative`), dashed, with the point ``(at, df(at))``: the
    height of the lower curve is the slope of the upper one. A dotted
    vertical line joins the two points.

    Raises ``TypeError`` if ``f`` or ``df`` is not callable, ``ValueError``
    for a bad *span* or an *at* outside it.

    Examples
    --------
    >>> fig = function_and_derivative_figure(lambda x: 3 * x**2 - 4 * x, (0, 3),
    ...                                      df=lambda x: 6 * x - 4, at=1.0)
    >>> [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    ['f′(x)', 'f′(1) = 2']
    >>> function_and_derivative_figure(np.sin, (0, 1), at=2.0)
    Traceback (most recent call last):
        ...
    ValueError: at must lie inside span (0.0, 1.0), got 2.0
    """
    _check_function(f, "f")
    df = _numerical(f) if df is None else _check_function(df, "df")
    lo, hi = _span(span)
    if at is not None:
        at = float(at)
        if not lo <= at <= hi:
            raise ValueError(f"at must lie inside span {(lo, hi)}, got {at}")

    fig = Figure(figsize=(6.0, 4.6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True)
    curve = plot_curve(top, f, (lo, hi), label=label or f"{name}({var})")
    slopes = _draw_derivative(bottom, df, lo, hi, (), label=dlabel or f"{name}′({var})", n=400)
    bottom.axhline(0, color=INK, linewidth=0.6, alpha=0.5, zorder=1)
    top.set_xlim(lo, hi)
    _fit_y(top, curve.get_ydata())
    _fit_y(bottom, slopes)
    if at is not None:
        y0 = float(_values(f, np.array(at)))
        line = tangent_line(f, at)
        slope = _clean(line.slope, y0)
        equation = line_equation((slope, _clean(line.intercept)), var=var)
        plot_line(top, line, (lo, hi), label=f"tangent at {var} = {number(at)}: {equation}")
        plot_point(top, at, y0, size=7)
        height = _clean(float(_values(df, np.array(at))), y0)
        plot_point(bottom, at, height, size=7,
                   label=f"{name}′({number(at)}) = {number(height)}")
        for ax in (top, bottom):
            ax.axvline(at, color=POINT, linewidth=1, linestyle=(0, (1, 2)), zorder=1)
    finish_axes(top, xlabel="", ylabel=f"{name}({var})")
    finish_axes(bottom, xlabel=var, ylabel=f"{name}′({var})")
    return fig
