"""The quadratic-approximation slider: the tangent line and the Taylor parabola riding along any curve."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from numbers import Real

import numpy as np
from matplotlib.figure import Figure

from calcnotes.autodiff import grad
from calcnotes.differentiation import derivative
from calcnotes.multivariate import hessian
from calcnotes.text import number
from calcnotes.viz.player import Animation, animate
from calcnotes.viz.shared import fit_y, fitted_legend, span_pair, values_of
from calcnotes.viz.style import CURVE, EXTRA, POINT, TANGENT, style

__all__ = ["quadratic_slider"]

_SAMPLES = 121  # points of the parabola across the span, per frame: smooth, and a few KB


def _coefficients(g: Callable, centres) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """``g``, ``g′`` and ``g″`` at each of *centres*, and whether the derivatives are exact.

    Nested `calcnotes.grad` when ``g`` can be traced; finite differences
    when tracing raises ``TypeError`` (see `quadratic_slider`).

    Examples
    --------
    >>> _coefficients(lambda w: w**3, [1.0, 2.0])  # w³, 3w², 6w
    (array([1., 8.]), array([ 3., 12.]), array([ 6., 12.]), True)
    """
    centres = np.asarray(centres, dtype=float)
    values = values_of(g, centres)
    try:
        first = grad(g)
        second = grad(first)
        slopes = np.array([first(float(c)) for c in centres.flat], dtype=float).reshape(centres.shape)
        bends = np.array([second(float(c)) for c in centres.flat], dtype=float).reshape(centres.shape)
        return values, slopes, bends, True
    except TypeError:  # g cannot be traced: measure the derivatives from its values instead
        slopes = np.asarray(derivative(g, centres), dtype=float)
        bends = np.array([hessian(g, float(c))[0, 0] for c in centres.flat]).reshape(centres.shape)
        return values, slopes, bends, False


def _whole(value, name: str, least: int) -> int:
    """*value* as an int of at least *least*, or a ``ValueError`` naming it."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value) \
            or value != int(value) or value < least:
        raise ValueError(f"{name} must be a whole number of at least {least}, got {value!r}")
    return int(value)


@style()
def quadratic_slider(g: Callable, span: Sequence[float] = (-3.0, 3.0), *, frames: int = 60,
                     fps: float = 12.0, digits: int = 3, label: str | None = None,
                     var: str = "w") -> Animation:
    """A point sliding along ``g`` with its tangent line and its quadratic approximation.

    At each position ``w⁰`` the frame draws the first-order Taylor
    approximation (the tangent line) and the second-order one, the parabola

    ``q(w) = g(w⁰) + g′(w⁰)(w − w⁰) + ½ g″(w⁰)(w − w⁰)²``,

    both across the whole span, so the two can be compared: the parabola
    also bends with the curve.

    The derivatives are exact, by nested `calcnotes.grad`, when ``g`` is
    written with operators and the functions of `calcnotes.autodiff`
    (``np.sin`` and the like). A ``g`` that cannot be traced (tracing
    raises ``TypeError``: ``np.arcsinh``, ``scipy.special``, ...) still
    works: its derivatives are then measured from its values,
    `calcnotes.derivative` for ``g′`` and the second difference of
    `calcnotes.hessian` for ``g″``, good to about 8 digits.

    Parameters
    ----------
    g : callable
        Any function of one variable written with NumPy, ``g = lambda w: np.sin(w)``.
    span : (float, float)
        The interval drawn; the point travels across it.
    frames : int
        Positions of the point, at least 2.
    fps : float
        Playback speed, frames per second.
    digits : int
        Significant digits of ``g′(w⁰)`` and ``g″(w⁰)`` in the title and the
        frame labels.
    label : str, optional
        The curve's name in the legend (default ``"g(w)"``).
    var : str
        The name of the input, on the axis and in the labels.

    Returns
    -------
    Animation
        Show it with `calcnotes.show`. Frame ``i`` is labelled
        ``"w⁰ = …, g(w⁰) = …, g′ = …, g″ = …"``.

    Raises
    ------
    TypeError
        If ``g`` is not callable.
    ValueError
        If *span* is not a finite pair ``(low, high)`` with low < high,
        *frames* is not a whole number of at least 2, *digits* below 1 or
        *fps* not positive.

    Examples
    --------
    >>> movie = quadratic_slider(np.cos, (-3, 3), frames=3)
    >>> movie.labels
    ('w⁰ = −2.82, g(w⁰) = −0.949, g′ = 0.316, g″ = 0.949', 'w⁰ = 0, g(w⁰) = 1, g′ = 0, g″ = −1', 'w⁰ = 2.82, g(w⁰) = −0.949, g′ = −0.316, g″ = 0.949')
    """
    if not callable(g):
        raise TypeError(f"g must be a function such as `lambda w: np.sin(w)`, got {type(g).__name__}")
    lo, hi = span_pair(span)
    n = _whole(frames, "frames", 2)
    digits = _whole(digits, "digits", 1)
    if isinstance(fps, bool) or not isinstance(fps, Real) or not (math.isfinite(fps) and fps > 0):
        raise ValueError(f"fps must be a positive number, got {fps!r}")
    inset = 0.03 * (hi - lo)
    centres = np.linspace(lo + inset, hi - inset, n)
    heights, slopes, bends, _ = _coefficients(g, centres)

    fig = Figure(figsize=(4.8, 3.9), layout="constrained")
    ax = fig.add_subplot()
    w = np.linspace(lo, hi, 400)
    curve, = ax.plot(w, values_of(g, w), color=CURVE, label=label or f"g({var})")
    ax.set_xlim(lo, hi)
    fit_y(ax, curve.get_ydata(), pad=0.2)
    bottom, top = ax.get_ylim()
    margin = 0.1 * (top - bottom)
    tangent, = ax.plot([], [], color=TANGENT, linewidth=2.2, zorder=3, label="tangent line")
    parabola, = ax.plot([], [], color=EXTRA, linewidth=2.6, zorder=4, label="parabola")
    point, = ax.plot([], [], "o", color=POINT, markersize=8, zorder=5, label=f"the point {var}⁰")
    ax.set_xlabel(var)
    ax.grid(True)
    fitted_legend(fig, ncols=2, handlelength=1.6, columnspacing=1.2)
    across = np.linspace(lo, hi, _SAMPLES)

    def update(i: int) -> str:
        w0, y0, slope, bend = (float(a[i]) for a in (centres, heights, slopes, bends))
        d = across - w0
        quadratic = y0 + slope * d + 0.5 * bend * d**2
        # Keep the points in view and their neighbours (the path leaves the axes
        # cleanly); far outside, a gap: fewer bytes, and nothing is drawn there anyway.
        inside = (quadratic > bottom - margin) & (quadratic < top + margin)
        near = inside | np.roll(inside, 1) | np.roll(inside, -1)
        tangent.set_data([lo, hi], [y0 + slope * (lo - w0), y0 + slope * (hi - w0)])
        parabola.set_data(across, np.where(near, quadratic, np.nan))
        point.set_data([w0], [y0])
        at, first, second = number(w0, 3), number(slope, digits), number(bend, digits)
        # A fixed title position: Matplotlib would otherwise re-place it per render.
        ax.set_title(f"at {var}⁰ = {at}:  g′ = {first},  g″ = {second}", y=1.0, pad=8)
        return f"{var}⁰ = {at}, g({var}⁰) = {number(y0, digits)}, g′ = {first}, g″ = {second}"

    return animate(fig, [tangent, parabola, point, ax.title], update, n, fps=fps)
