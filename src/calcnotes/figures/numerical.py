"""Chapter 3 figures: finite differences, step sizes and their errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes import default_step, derivative, gradient
from calcnotes._checks import (
    as_real_array,
    as_real_scalar,
    check_callable,
    check_positive,
)
from calcnotes.figures.base import (
    ACCENT,
    CURVE,
    EXTRA,
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
from calcnotes.legacy import number, style

__all__ = [
    "error_vs_step_figure",
    "gradient_check_figure",
    "stencil_figure",
]

_EPS = float(np.finfo(float).eps)

#: Colour and dash pattern of each finite-difference method, the same in every
#: figure of the chapter (the dashes tell the methods apart without colour).
_METHOD_STYLES = {
    "forward": {"color": SECANT, "linestyle": "-"},
    "backward": {"color": POINT, "linestyle": (0, (5, 2))},
    "central": {"color": ACCENT, "linestyle": (0, (7, 2, 2, 2))},
    "five-point": {"color": TANGENT, "linestyle": (0, (2, 1.5))},
    "complex": {"color": EXTRA, "linestyle": "-"},
    "richardson": {"color": CURVE, "linestyle": (0, (1, 1.5))},
}

#: Order p of each method's truncation error, ``O(h**p)``.
_ORDER = {"forward": 1, "backward": 1, "central": 2, "five-point": 4, "complex": 2,
          "richardson": 6}

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _methods(methods: Sequence[str], allowed: Sequence[str]) -> list[str]:
    if isinstance(methods, str):
        methods = [methods]
    chosen = list(methods)
    unknown = [m for m in chosen if m not in allowed]
    if not chosen or unknown:
        listed = ", ".join(repr(m) for m in allowed)
        raise ValueError(f"methods must be a non-empty list drawn from {listed}; got {methods!r}")
    return chosen


def _steps(steps, name: str = "steps") -> np.ndarray:
    values = np.asarray(steps, dtype=float) if steps is not None else None
    if values is None or values.ndim != 1 or values.size < 2:
        raise ValueError(f"{name} must be a 1-D array of at least two step sizes, got {steps!r}")
    if not (np.all(np.isfinite(values)) and np.all(values > 0)):
        raise ValueError(f"{name} must hold positive, finite numbers only")
    return values


# ------------------------------------------------------------ the stencils --

_STENCIL_POINTS = {
    "forward": (0.0, 1.0),
    "backward": (-1.0, 0.0),
    "central": (-1.0, 1.0),
}


@style()
def stencil_figure(g: Callable, w0: float, h: float, span: Sequence[float], *,
                   methods: Sequence[str] = ("forward", "backward", "central"),
                   var: str = "w", name: str = "g") -> Figure:
    """A curve, its tangent at *w0*, and the secants that finite differences use.

    Each method's secant joins the two points of the curve it evaluates
    (forward: ``w0`` and ``w0 + h``; backward: ``w0 − h`` and ``w0``;
    central: ``w0 − h`` and ``w0 + h``), and its slope is what
    `calcnotes.derivative` returns with that ``h``; the legend lists them
    beside the tangent's slope.

    Raises ``ValueError`` for ``h <= 0`` or a method other than forward,
    backward and central; ``TypeError`` if ``g`` is not callable.

    Examples
    --------
    >>> fig = stencil_figure(np.sin, 1.0, 0.8, (-0.5, 2.5))
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()][2]
    'forward: slope 0.1655'
    >>> stencil_figure(np.sin, 1.0, 0.8, (-0.5, 2.5), methods=["sideways"])
    Traceback (most recent call last):
        ...
    ValueError: methods must be a non-empty list drawn from 'forward', 'backward', 'central'; got ['sideways']
    """
    check_callable(g, "g")
    w0 = as_real_scalar(w0, "w0")
    h = check_positive(h, "h")
    lo, hi = _span(span)
    chosen = _methods(methods, tuple(_STENCIL_POINTS))

    fig, (ax,) = new_figure(size=(6.0, 3.8))
    curve = plot_curve(ax, g, (lo, hi), label=f"{name}({var})")
    exact = derivative(g, w0)
    y0 = float(_values(g, np.array(w0)))
    plot_line(ax, lambda w: y0 + exact * (np.asarray(w) - w0), (lo, hi), color=TANGENT,
              label=f"tangent: slope {number(exact)}", linewidth=2.5)
    for method in chosen:
        slope = derivative(g, w0, h=h, method=method)
        a, b = (w0 + k * h for k in _STENCIL_POINTS[method])
        ya = float(_values(g, np.array(a)))
        plot_line(ax, lambda w, a=a, ya=ya, s=slope: ya + s * (np.asarray(w) - a), (lo, hi),
                  label=f"{method}: slope {number(slope)}", linewidth=1.6,
                  **_METHOD_STYLES[method])
        ax.plot([a, b], [ya, float(_values(g, np.array(b)))], "o", markersize=5,
                color=_METHOD_STYLES[method]["color"], zorder=4, markeredgewidth=0)
    plot_point(ax, w0, y0, size=7)
    for k in (-1, 1):  # where the stencil reaches, on the axis
        ax.axvline(w0 + k * h, color=CURVE, linewidth=0.6, alpha=0.35, linestyle=(0, (2, 2)))
    ax.set_xlim(lo, hi)
    _fit_y(ax, curve.get_ydata(), pad=0.15)
    finish_axes(ax, xlabel=var, ylabel=f"{name}({var})", legend=False,
                title=f"the tangent at {var} = {number(w0)} and secants with h = {number(h)}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5, handlelength=2.4)
    return fig


# ------------------------------------------------------- error against h --


def _errors(g, exact, w0, method, steps):
    estimates = np.array([derivative(g, w0, h=float(h), method=method) for h in steps])
    return np.abs(estimates - exact)


@style()
def error_vs_step_figure(g: Callable, dg: Callable, w0: float, *,
                         methods: Sequence[str] = ("forward", "central", "five-point", "complex"),
                         steps=None, name: str = "g") -> Figure:
    """Error of each method at *w0* against the step ``h``, on log–log axes.

    Plots ``|derivative(g, w0, h=h, method=m) − dg(w0)|`` for every ``h`` in
    *steps* (default ``10⁰ … 10⁻²⁰``), with dotted reference slopes for
    truncation (``∝ hᵖ``, p the method's order, fitted where truncation
    dominates) and round-off (``ε_mach |g(w0)| / h``), and a diamond at the step
    `calcnotes.derivative` picks by itself. An error of exactly 0 is drawn on
    the bottom line, marked "0"; a NaN (the points of the formula coincide)
    leaves a gap.

    Raises ``ValueError`` for unknown methods or bad *steps*; ``TypeError``
    if ``g`` or ``dg`` is not callable.

    Examples
    --------
    >>> fig = error_vs_step_figure(np.sin, np.cos, 1.0, methods=["forward", "central"])
    >>> ax = fig.axes[0]
    >>> ax.get_xscale(), ax.get_yscale(), bool(ax.xaxis_inverted())
    ('log', 'log', True)
    >>> error_vs_step_figure(np.sin, np.cos, 1.0, steps=[1e-3])
    Traceback (most recent call last):
        ...
    ValueError: steps must be a 1-D array of at least two step sizes, got [0.001]
    """
    check_callable(g, "g")
    check_callable(dg, "dg")
    w0 = as_real_scalar(w0, "w0")
    chosen = _methods(methods, tuple(_METHOD_STYLES))
    hs = _steps(np.logspace(0, -20, 121) if steps is None else steps)
    exact = float(_values(dg, np.array(w0)))
    value = float(_values(g, np.array(w0)))
    floor = 0.05 * _EPS * max(1.0, abs(exact))  # where an error of exactly 0 is drawn

    fig, (ax,) = new_figure(size=(6.4, 4.2))
    curves = []
    for method in chosen:
        errors = _errors(g, exact, w0, method, hs)
        curves.append(errors)
        shown = np.where(errors == 0, floor, errors)
        ax.plot(hs, shown, label=method, linewidth=1.8, zorder=2.5 if method == "complex" else 3,
                **_METHOD_STYLES[method])
        h_default = default_step(w0, method)
        error_default = abs(derivative(g, w0, method=method) - exact)
        ax.plot([h_default], [max(error_default, floor)], "D", markersize=7, zorder=5,
                color=_METHOD_STYLES[method]["color"], markeredgecolor=CURVE,
                markeredgewidth=1.0)
    ax.plot([], [], "D", color="none", markeredgecolor=CURVE, markersize=7,
            label="calcnotes' default h")

    # Reference slopes. Truncation: c hᵖ through each order's first method at
    # h = 0.1, carried on below the curves, where round-off takes over (the
    # complex step, which has no round-off, keeps following its line).
    # Round-off: ε |g(w0)| / h.
    lo, hi = hs.min(), hs.max()
    done = set()
    for method in chosen:
        p = _ORDER[method]
        anchor = _errors(g, exact, w0, method, np.array([1e-1]))[0]
        if p in done or not (np.isfinite(anchor) and anchor > 0):
            continue
        done.add(p)
        c = anchor / 1e-1**p
        end = max(lo, (100 * floor / c) ** (1 / p))
        h_ref = np.array([min(hi, 0.5), end])
        ax.plot(h_ref, c * h_ref**p, color=CURVE, linewidth=0.9, linestyle=(0, (1, 2)), zorder=2)
        power = "" if p == 1 else str(p).translate(_SUPERSCRIPT)
        ax.annotate(f"∝ h{power}", (end, c * end**p), xytext=(-3, 0),
                    textcoords="offset points", fontsize=8.5, ha="right", va="center")
    size = _EPS * max(abs(value), 1e-300)
    h_round = np.array([max(1e-4, size / 1e-3), max(lo, 1e-17)])
    ax.plot(h_round, size / h_round, color=CURVE, linewidth=0.9, linestyle=(0, (4, 2)), zorder=2)
    ax.annotate("round-off ∝ ε/h", (1e-12, size / 1e-12), xytext=(-8, 6),
                textcoords="offset points", fontsize=8.5, ha="right", va="bottom")

    ax.axhline(floor, color=CURVE, linewidth=0.5, alpha=0.4)
    ax.annotate("error exactly 0", (hi, floor), xytext=(4, 3), textcoords="offset points",
                fontsize=8.5, ha="left", va="bottom")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(hi * 1.6, lo / 1.6)  # h shrinks from left to right, like ε in the sweep
    ax.set_ylim(floor / 3, 3 * max(np.nanmax(e) for e in curves))
    finish_axes(ax, xlabel="step h (shrinking →)", ylabel=f"|error in {name}′({number(w0)})|",
                legend=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5, handlelength=2.4)
    return fig


# ----------------------------------------------------------- gradient check --


def _relative_error(a: np.ndarray, b: np.ndarray) -> float:
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / scale) if scale > 0 else 0.0


def _finite_difference_gradient(f, w: np.ndarray, h: float) -> np.ndarray:
    """Central differences with step *h* along each coordinate (by `derivative`)."""
    out = np.empty_like(w)
    for i in range(w.size):
        e = np.zeros_like(w)
        e[i] = 1.0
        out[i] = derivative(lambda t, e=e: f(w + t * e), 0.0, h=h, method="central")
    return out


@style()
def gradient_check_figure(f: Callable, w, gradients: Mapping[str, Callable], *,
                          steps=None, thresholds: tuple[float, float] = (1e-7, 1e-3)) -> Figure:
    """Gradient check against the step: relative error of each candidate gradient.

    For every step ``h`` in *steps* (default ``10⁻¹ … 10⁻¹²``) a central
    difference gradient ``g_num`` of ``f`` at ``w`` (one `calcnotes.derivative`
    per coordinate) is compared with each candidate ``g = gradients[label](w)``:
    ``‖g_num − g‖ / (‖g_num‖ + ‖g‖)``. The bands below ``thresholds[0]``
    ("agrees") and above ``thresholds[1]`` ("bug") are shaded; a diamond marks
    `calcnotes.gradient`, at the step it uses.

    Raises ``ValueError`` if *gradients* is empty, *w* is not a 1-D array, or
    the thresholds are not ``0 < low < high``.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 + 3 * w[1]
    >>> right = lambda w: np.array([2 * w[0], 3.0])
    >>> fig = gradient_check_figure(f, [1.0, 2.0], {"right": right})
    >>> fig.axes[0].get_legend().get_texts()[0].get_text()
    'right'
    >>> gradient_check_figure(f, [1.0, 2.0], {})
    Traceback (most recent call last):
        ...
    ValueError: gradients must map at least one label to a gradient function
    """
    check_callable(f)
    w = as_real_array(w, "w")
    if w.ndim != 1:
        raise ValueError(f"w must be a 1-D array of parameters, got shape {w.shape}")
    if not isinstance(gradients, Mapping) or not gradients:
        raise ValueError("gradients must map at least one label to a gradient function")
    for label, candidate in gradients.items():
        check_callable(candidate, f"gradients[{label!r}]")
    low, high = (float(t) for t in thresholds)
    if not 0 < low < high:
        raise ValueError(f"thresholds must satisfy 0 < low < high, got {thresholds!r}")
    hs = _steps(np.logspace(-1, -12, 45) if steps is None else steps)

    numeric = [_finite_difference_gradient(f, w, float(h)) for h in hs]
    by_calcnotes = gradient(f, w)
    # calcnotes.gradient steps every coordinate by the central step at max |w|
    h_calcnotes = default_step(float(np.max(np.abs(w))))
    colours = [ACCENT, SECANT, EXTRA, TANGENT, POINT]
    fig, (ax,) = new_figure(size=(6.0, 3.6))
    values = []
    for k, (label, candidate) in enumerate(gradients.items()):
        target = np.asarray(candidate(w), dtype=float)
        errors = np.array([_relative_error(num, target) for num in numeric])
        values.append(errors)
        colour = colours[k % len(colours)]
        ax.plot(hs, np.maximum(errors, 1e-17), color=colour, label=label, zorder=3)
        ax.plot([h_calcnotes], [max(_relative_error(by_calcnotes, target), 1e-17)], "D",
                color=colour, markeredgecolor=CURVE, markersize=7, zorder=5)
    ax.plot([], [], "D", color="none", markeredgecolor=CURVE, markersize=7,
            label="calcnotes.gradient")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(hs.max() * 1.5, hs.min() / 1.5)
    everything = np.concatenate(values)
    bottom = min(low / 30, np.nanmin(everything[everything > 0]) / 3)
    top = max(high * 30, np.nanmax(everything) * 3)
    ax.set_ylim(bottom, top)
    ax.axhspan(bottom, low, color=TANGENT, alpha=0.12, linewidth=0, zorder=0)
    ax.axhspan(high, top, color=POINT, alpha=0.12, linewidth=0, zorder=0)
    ax.axhline(low, color=TANGENT, linewidth=0.8)
    ax.axhline(high, color=POINT, linewidth=0.8)
    ax.annotate(f"above {number(high)}: a bug", (0.0, high), xycoords=("axes fraction", "data"),
                xytext=(4, 3), textcoords="offset points", ha="left", va="bottom", fontsize=8.5)
    ax.annotate(f"below {number(low)}: agrees", (0.0, bottom), xycoords=("axes fraction", "data"),
                xytext=(4, 3), textcoords="offset points", ha="left", va="bottom", fontsize=8.5)
    finish_axes(ax, xlabel="finite-difference step h (shrinking →)",
                ylabel="relative error", legend=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5)
    return fig
