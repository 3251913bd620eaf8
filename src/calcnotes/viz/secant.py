"""The secant slider: a secant through a fixed point of any curve, its second point closing in."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from numbers import Real

import numpy as np
from matplotlib.figure import Figure

from calcnotes.differentiation import is_differentiable, secant_line, tangent_line
from calcnotes.text import number
from calcnotes.viz.player import Animation, animate
from calcnotes.viz.shared import fit_y, fitted_legend, span_pair, values_of
from calcnotes.viz.style import ACCENT, CURVE, POINT, SECANT, TANGENT, style

__all__ = ["secant_slider"]

SIDES = ("both", "left", "right")


def _finite(value, name: str) -> float:
    """*value* as one finite float, or a ``ValueError`` naming it."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be one finite number, got {value!r}")
    return float(value)


def _closing_in(reach: float, count: int) -> np.ndarray:
    """*count* distances from *reach* down towards 0, never 0: ``reach · (k / count)²``.

    Squared, so the far frames move the point evenly and the near ones crowd
    in on the fixed point: the last is ``reach / count²`` away.
    """
    return reach * (np.arange(count, 0, -1) / count) ** 2


def _offsets(side: str, reach: float, frames: int) -> np.ndarray:
    """``w¹ − w⁰`` frame by frame: in from the left, in from the right, or left to right through w⁰."""
    if side == "left":
        return -_closing_in(reach, frames)
    if side == "right":
        return _closing_in(reach, frames)
    half = frames // 2
    return np.concatenate([-_closing_in(reach, half), _closing_in(reach, frames - half)[::-1]])


@style()
def secant_slider(g: Callable, w0: float, span: Sequence[float] | None = None, *,
                  side: str = "both", reach: float | None = None, frames: int = 240,
                  fps: float = 24.0, tangent: bool | None = None, digits: int = 4,
                  label: str | None = None, var: str = "w") -> Animation:
    """The secant of ``g`` through ``(w⁰, g(w⁰))`` and a second point ``w¹`` closing in on it.

    Frame by frame the second point moves towards *w0* (never onto it), and
    the secant through both points follows. Its slope,
    ``(g(w¹) − g(w⁰)) / (w¹ − w⁰)``, is in the title beside the tangent's
    slope ``g'(w⁰)``: where ``g`` is differentiable the two close in on each
    other from either side; at a kink the left and right slopes stay apart.

    Parameters
    ----------
    g : callable
        Any function of one variable written with NumPy, ``g = lambda w: np.sin(w)``.
    w0 : float
        The fixed point ``w⁰``.
    span : (float, float), optional
        The interval drawn; default ``(w0 − 3, w0 + 3)``. It must hold *w0* inside.
    side : {"both", "left", "right"}
        Where ``w¹`` comes from. ``"left"``: from ``w0 − reach`` in to *w0*;
        ``"right"``: from ``w0 + reach`` in to *w0*; ``"both"``: in from the
        left, then out to the right (drag the slider back to come in from the
        right), half of the frames each.
    reach : float, optional
        The farthest ``w¹`` gets from *w0*; default 90 % of the room the span
        leaves on the side(s) it approaches from.
    frames : int
        Positions of ``w¹``: at least 2 per side. They crowd in on *w0*
        (``reach · (k / n)²`` away, ``n`` frames per side), so the closest is
        ``reach / n²`` away.
    fps : float
        Playback speed, frames per second.
    tangent : bool, optional
        Draw the tangent at *w0* (from `calcnotes.tangent_line`) and give its
        slope. By default exactly when `calcnotes.is_differentiable` says
        ``g`` has a derivative at *w0*.
    digits : int
        Significant digits of the slopes in the title and the frame labels.
    label : str, optional
        The curve's name in the legend (default ``"g(w)"``).
    var : str
        The name of the input, on the axis and in the labels.

    Returns
    -------
    Animation
        Show it with `calcnotes.show`. Frame ``i`` is labelled
        ``"w¹ = …, secant slope …"``; the secant is `calcnotes.secant_line`.

    Raises
    ------
    TypeError
        If ``g`` is not callable.
    ValueError
        If *w0* is not a finite number inside *span*, *side* is not one of
        ``"both"``, ``"left"``, ``"right"``, *reach* is not positive or takes
        ``w¹`` out of the span, *frames* is below 2 per side or *digits* below 1.

    Examples
    --------
    >>> movie = secant_slider(np.sin, 0.0, (-3, 3), reach=2.6, frames=4)
    >>> movie.labels
    ('w¹ = −2.6, secant slope 0.1983', 'w¹ = −0.65, secant slope 0.9311', 'w¹ = 0.65, secant slope 0.9311', 'w¹ = 2.6, secant slope 0.1983')
    >>> secant_slider(lambda w: w**2, 1.0, side="right", reach=1.0, frames=2).labels
    ('w¹ = 2, secant slope 3', 'w¹ = 1.25, secant slope 2.25')
    """
    if not callable(g):
        raise TypeError(f"g must be a function such as `lambda w: np.sin(w)`, got {type(g).__name__}")
    w0 = _finite(w0, "w0")
    lo, hi = span_pair((w0 - 3.0, w0 + 3.0) if span is None else span)
    if not lo < w0 < hi:
        raise ValueError(f"w0 must lie inside span ({number(lo)}, {number(hi)}), got {number(w0)}")
    if side not in SIDES:
        raise ValueError(f"side must be one of {', '.join(map(repr, SIDES))}, got {side!r}")
    room = {"left": w0 - lo, "right": hi - w0, "both": min(w0 - lo, hi - w0)}[side]
    reach = 0.9 * room if reach is None else _finite(reach, "reach")
    if not 0 < reach <= room:
        where = {"both": "on either side of", "left": "left of", "right": "right of"}[side]
        raise ValueError(f"reach must be positive and at most the room the span leaves {where} w0, "
                         f"{number(room)}; got {number(reach)}")
    per_side = 2 if side == "both" else 1
    if isinstance(frames, bool) or not isinstance(frames, Real) or not math.isfinite(frames) \
            or frames != int(frames) or frames < 2 * per_side:
        raise ValueError(f"frames must be a whole number, at least {2 * per_side} for side={side!r}, "
                         f"got {frames!r}")
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 1:
        raise ValueError(f"digits must be a whole number of at least 1, got {digits!r}")
    offsets = _offsets(side, reach, int(frames))
    if tangent is None:
        tangent = is_differentiable(g, w0)

    fig = Figure(figsize=(4.8, 3.9), layout="constrained")
    ax = fig.add_subplot()
    w = np.linspace(lo, hi, 400)
    curve, = ax.plot(w, values_of(g, w), color=CURVE, label=label or f"g({var})")
    ax.set_xlim(lo, hi)
    fit_y(ax, curve.get_ydata(), pad=0.2)
    y0 = float(values_of(g, np.asarray(w0)))
    secant, = ax.plot([], [], color=SECANT, linewidth=2.0, zorder=3, label="secant")
    first, = ax.plot([w0], [y0], "o", color=POINT, markersize=8, zorder=4, label=f"{var}⁰ = {number(w0)}")
    # Smaller than the fixed point, so it shows as a ring inside it when the two nearly meet.
    second, = ax.plot([], [], "o", color=ACCENT, markersize=6, zorder=5, label=f"{var}¹")
    shown, suffix = [curve, secant, first, second], f"   (no tangent at {var}⁰)"
    if tangent:
        touching = tangent_line(g, w0)
        # Wide and under the secant: when they meet the secant is a stripe along it.
        shown[3:3] = ax.plot([lo, hi], [touching(lo), touching(hi)], color=TANGENT, linewidth=4.5,
                             alpha=0.7, zorder=2.5, label=f"tangent at {var}⁰")
        suffix = f",  tangent slope {number(touching.slope, digits)}"
    ax.set_xlabel(var)
    ax.grid(True)
    # Three columns, filled column by column: curve and secant, w⁰ and the tangent, w¹.
    fitted_legend(fig, handles=shown)

    def update(i: int) -> str:
        d = float(offsets[i])
        w1 = w0 + d
        line = secant_line(g, w0, w1)
        secant.set_data([lo, hi], [line(lo), line(hi)])
        second.set_data([w1], [float(values_of(g, np.asarray(w1)))])
        # Enough digits that w¹ never prints as w⁰: as many again as w⁰ is bigger than d.
        extra = max(0, math.ceil(math.log10(abs(w0) / abs(d)))) if w0 else 0
        point, slope = number(w1, max(digits, 3) - 1 + extra), number(line.slope, digits)
        # A fixed title position: Matplotlib would otherwise re-place it per render.
        ax.set_title(f"{var}¹ = {point}:  secant slope {slope}{suffix}", y=1.0, pad=8)
        return f"{var}¹ = {point}, secant slope {slope}"

    return animate(fig, [secant, second, ax.title], update, len(offsets), fps=fps)
