"""Chapter 3 animations: finite differences, step sizes and their errors."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure

from calcnotes._checks import check_callable
from calcnotes.animation.player import Animation, animate
from calcnotes.figures.base import (
    ACCENT,
    SECANT,
    _fit_y,
    _span,
    _values,
    finish_axes,
    plot_curve,
)
from calcnotes.legacy import number, style

__all__ = ["epsilon_sweep", "forward_quotient"]


def forward_quotient(g: Callable, w, eps: float):
    """The forward difference exactly as the definition writes it: ``(g(w + ε) − g(w)) / ε``.

    Unlike `calcnotes.derivative`, it divides by ``ε`` itself, not by the
    distance ``(w + ε) − w`` between the points actually used, so where
    ``w + ε`` rounds to ``w`` it returns 0 rather than NaN. ``w`` may be a
    number (a float comes back) or an array.

    Raises ``ValueError`` unless ``eps`` is a positive, finite number;
    ``TypeError`` if ``g`` is not callable.

    Examples
    --------
    >>> round(forward_quotient(lambda w: w**2, 2.0, 1e-3), 6)
    4.001
    >>> forward_quotient(np.sin, 1.0, 1e-17)  # 1 + 1e-17 is 1 in floating point
    0.0
    """
    check_callable(g, "g")
    eps = float(eps) if np.ndim(eps) == 0 and np.isreal(eps) else np.nan
    if not (np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive, finite number, got {eps!r}")
    w = np.asarray(w, dtype=float)
    with np.errstate(all="ignore"):
        slope = (_values(g, w + eps) - _values(g, w)) / eps
    return float(slope) if slope.ndim == 0 else slope


def _eps_values(eps_values) -> np.ndarray:
    values = np.asarray(eps_values, dtype=float)
    if values.ndim != 1 or values.size < 2:
        raise ValueError(f"eps_values must be a 1-D array of at least two steps, got {eps_values!r}")
    if not (np.all(np.isfinite(values)) and np.all(values > 0)):
        raise ValueError("eps_values must hold positive, finite numbers only")
    return values


@style()
def epsilon_sweep(g: Callable, dg: Callable, span: Sequence[float], eps_values, *,
                  n: int = 400, fps: float = 4.0, label: str | None = None) -> Animation:
    """The forward difference of ``g`` over *span*, one frame per ``ε`` in *eps_values*.

    The top panel draws ``g``; the bottom one its true derivative ``dg``
    (dashed) and `forward_quotient` ``(g(w + ε) − g(w)) / ε`` on ``n`` points.
    The title gives ``ε`` and the largest error over the span; the frame's
    label (read out by the slider) is the value of ``ε``. Values that leave
    the derivative's range by far are clipped at the panel's edge.

    Raises ``ValueError`` for fewer than two ``ε``, a non-positive one, a bad
    span or ``n < 10``; ``TypeError`` if ``g`` or ``dg`` is not callable.

    Examples
    --------
    >>> movie = epsilon_sweep(np.sin, np.cos, (-3, 3), [1.0, 1e-8], n=50)
    >>> movie.labels
    ('ε = 1', 'ε = 1 × 10⁻⁸')
    >>> epsilon_sweep(np.sin, np.cos, (-3, 3), [1.0, -1.0])
    Traceback (most recent call last):
        ...
    ValueError: eps_values must hold positive, finite numbers only
    """
    check_callable(g, "g")
    check_callable(dg, "dg")
    lo, hi = _span(span)
    steps = _eps_values(eps_values)
    n = int(n)
    if n < 10:
        raise ValueError(f"n must be at least 10 points, got {n}")
    w = np.linspace(lo, hi, n)
    true = _values(dg, w)

    fig = Figure(figsize=(6.0, 4.6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.5])
    curve = plot_curve(top, g, (lo, hi), n=max(n, 400), label=label or "g(w)")
    top.set_xlim(lo, hi)
    _fit_y(top, curve.get_ydata(), pad=0.12)
    finish_axes(top, xlabel="", ylabel="g(w)", legend=False)
    bottom.plot(w, true, color=ACCENT, linestyle=(0, (3, 1.2)), linewidth=2.2, zorder=3,
                label="true g′(w)")
    numerical = bottom.plot([], [], color=SECANT, linewidth=1.6, zorder=4,
                            label="(g(w+ε) − g(w)) / ε")[0]
    _fit_y(bottom, true, pad=0.35)
    finish_axes(bottom, xlabel="w", ylabel="slope", legend=False)
    handles = [curve, *bottom.get_legend_handles_labels()[0]]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, handlelength=1.8,
               columnspacing=1.2)

    def update(i: int) -> str:
        eps = float(steps[i])
        slopes = forward_quotient(g, w, eps)
        numerical.set_data(w, slopes)
        error = float(np.nanmax(np.abs(slopes - true)))
        top.set_title(f"ε = {number(eps, 2)}: largest error {number(error, 2)}", y=1.0, pad=6)
        return f"ε = {number(eps, 2)}"

    return animate(fig, [numerical, top.title], update, len(steps), fps=fps)
