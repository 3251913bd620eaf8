"""Chapter 2 animations: secants, limits and one-sided slopes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from calcnotes import is_differentiable, secant_line, tangent_line
from calcnotes._checks import as_real_scalar, check_callable
from calcnotes.animation.player import Animation, animate
from calcnotes.figures.base import (
    ACCENT,
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

__all__ = ["secant_slider"]


def _secant_offsets(reach: float, frames: int) -> np.ndarray:
    """Offsets ``w¹ − w⁰`` for a slider: from ``−reach`` in to 0 and back out to ``+reach``.

    The first half of the frames brings the second point in from the left,
    the second half takes it out to the right (drag the slider back to bring
    it in from the right). The spacing shrinks like a square near 0, so many
    frames show the two points close together; 0 itself is never reached.

    Raises ``ValueError`` if *reach* is not positive or *frames* is below 4.

    Examples
    --------
    >>> _secant_offsets(2.0, 6).tolist()
    [-2.0, -0.8888888888888888, -0.2222222222222222, 0.2222222222222222, 0.8888888888888888, 2.0]
    """
    reach = as_real_scalar(reach, "reach")
    if reach <= 0:
        raise ValueError(f"reach must be a positive distance, got {reach}")
    if isinstance(frames, bool) or not float(frames).is_integer() or frames < 4:
        raise ValueError(f"frames must be a whole number, at least 4, got {frames!r}")
    n = int(frames)

    def inward(m: int) -> np.ndarray:  # 1 down to (1/m)², closing in quadratically
        return (np.arange(m, 0, -1) / m) ** 2

    return np.concatenate([-reach * inward(n // 2), reach * inward(n - n // 2)[::-1]])


@style()
def secant_slider(g: Callable, w0: float, span: Sequence[float] | None = None, *,
                  reach: float | None = None, frames: int = 48, fps: float = 8.0,
                  tangent: bool | None = None, var: str = "w", name: str = "g",
                  label: str | None = None) -> Animation:
    """A secant of ``g`` through the fixed point *w0* and a second point that slides in.

    Frame by frame the second point ``w¹ = w0 + d`` runs from ``w0 − reach``
    in towards *w0* and out again to ``w0 + reach``, closing in ever more
    finely but never landing on *w0*; the orange secant (`calcnotes.secant_line`) follows it
    and the title gives its slope ``(g(w¹) − g(w0)) / (w¹ − w0)``. The green
    tangent at *w0* is drawn when *tangent* is true; by default
    (``None``) exactly when `calcnotes.is_differentiable` says ``g`` has a
    derivative at *w0*.

    *span* defaults to ``(w0 − 3, w0 + 3)`` and *reach* to 90 % of the
    distance from *w0* to the nearer end of the span.

    Raises ``ValueError`` if *w0* lies outside *span*, if *reach* is not
    positive or reaches past the span, or if *frames* is below 4; ``TypeError``
    if ``g`` is not callable.

    Examples
    --------
    >>> movie = secant_slider(np.sin, 0.0, (-3, 3), reach=2.6, frames=4)
    >>> movie.labels
    ('w¹ = −2.6, slope 0.1983', 'w¹ = −0.65, slope 0.9311', 'w¹ = 0.65, slope 0.9311', 'w¹ = 2.6, slope 0.1983')
    """
    check_callable(g, "g")
    w0 = as_real_scalar(w0, "w0")
    lo, hi = _span((w0 - 3.0, w0 + 3.0) if span is None else span)
    if not lo < w0 < hi:
        raise ValueError(f"w0 must lie inside span ({lo:g}, {hi:g}), got {w0:g}")
    room = min(w0 - lo, hi - w0)
    reach = 0.9 * room if reach is None else as_real_scalar(reach, "reach")
    if not 0 < reach <= room:
        raise ValueError(f"reach must be positive and keep w0 ± reach inside the span "
                         f"(at most {room:g}), got {reach:g}")
    offsets = _secant_offsets(reach, frames)
    if tangent is None:
        tangent = is_differentiable(g, w0)

    y0 = float(_values(g, np.asarray(w0), ()))
    fig, (ax,) = new_figure(size=(6.0, 3.9))
    curve = plot_curve(ax, g, (lo, hi), label=label or f"{name}({var})")
    ax.set_xlim(lo, hi)
    _fit_y(ax, curve.get_ydata(), pad=0.2)
    first = plot_point(ax, w0, y0, label=f"{var}⁰ = {number(w0)}")
    # Smaller than the fixed point, which then rings it when the two nearly meet.
    second = plot_point(ax, np.nan, np.nan, color=ACCENT, size=6.5, label=f"second point {var}¹")
    secant = ax.plot([], [], color=SECANT, linewidth=2.0, zorder=3, label="secant")[0]
    # The legend fills column by column: this order reads curve, w⁰, w¹ / secant, tangent.
    shown, suffix = [curve, secant, first], ""
    if tangent:
        touching = tangent_line(g, w0)
        # Wide and under the secant, so the secant shows as a stripe along it when they meet.
        shown.append(plot_line(ax, touching, (lo, hi), color=TANGENT, linewidth=4.5, alpha=0.7,
                               zorder=2.5, label=f"tangent at {var}⁰"))
        suffix = f"   (tangent: {number(touching.slope)})"
    shown.append(second)
    finish_axes(ax, xlabel=var, ylabel=f"{name}({var})", legend=False)
    fig.legend(handles=shown, loc="outside upper center", ncols=3)

    def update(i: int) -> str:
        d = float(offsets[i])
        w1 = w0 + d
        line = secant_line(g, w0, w1)
        secant.set_data([lo, hi], [line(lo), line(hi)])
        second.set_data([w1], [float(_values(g, np.asarray(w1), ()))])
        # Enough digits that w¹ never prints as w⁰: 3 beyond the size of w0 / d.
        digits = 3 + max(0, int(np.ceil(np.log10(abs(w0) / abs(d)))) if w0 else 0)
        point = number(w1, digits)
        # A fixed title position: Matplotlib would otherwise re-place it per render.
        ax.set_title(f"{var}¹ = {point}:  secant slope {number(line.slope)}{suffix}", y=1.0, pad=8)
        return f"{var}¹ = {point}, slope {number(line.slope)}"

    return animate(fig, [secant, second, ax.title], update, len(offsets), fps=fps)
