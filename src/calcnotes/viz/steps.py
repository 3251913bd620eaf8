"""The step sweep: a finite-difference estimate while its step h shrinks, for any function."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, NullFormatter

from calcnotes.differentiation import METHODS, derivative
from calcnotes.text import number
from calcnotes.viz.player import Animation, animate
from calcnotes.viz.shared import fit_y, fitted_legend, log_label, span_pair, values_of
from calcnotes.viz.style import ACCENT, CURVE, POINT, SECANT, style

__all__ = ["step_sweep"]

#: What the legend calls the estimate of each method of `calcnotes.derivative`.
_ESTIMATE = {
    "forward": "forward difference",
    "backward": "backward difference",
    "central": "central difference",
    "five-point": "five-point formula",
    "complex": "complex step",
    "richardson": "Richardson extrapolation",
}


def _step_range(steps) -> tuple[float, float]:
    """*steps* as two different positive, finite numbers, or a ``ValueError`` naming it."""
    try:
        first, last = (float(s) for s in steps)
    except (TypeError, ValueError):
        raise ValueError(f"steps must be a pair (first, last) of step sizes, got {steps!r}") from None
    if not all(np.isfinite(s) and s > 0 for s in (first, last)) or first == last:
        raise ValueError(f"steps must be two different positive, finite step sizes, got {steps!r}")
    return first, last


def _whole(value, name: str, least: int) -> int:
    """*value* as an int of at least *least*, or a ``ValueError`` naming it."""
    message = f"{name} must be a whole number of at least {least}, got {value!r}"
    try:
        whole = not isinstance(value, bool) and float(value).is_integer()
    except (TypeError, ValueError):
        raise ValueError(message) from None
    if not whole or int(value) < least:
        raise ValueError(message)
    return int(value)


@style()
def step_sweep(g: Callable, dg: Callable, span: Sequence[float] = (-3.0, 3.0), *,
               method: str = "forward", steps: Sequence[float] = (1.0, 1e-17), frames: int = 69,
               n: int = 400, fps: float = 6.0, label: str | None = None,
               var: str = "w") -> Animation:
    """A finite-difference estimate of ``g′`` over *span* while its step ``h`` shrinks, frame by frame.

    Each frame draws ``derivative(g, w, h=h, method=method)`` (see
    `calcnotes.derivative`) on ``n`` points ``w`` of *span*, over the exact
    derivative ``dg`` (dashed), with ``g`` above them. Below, the largest
    error ``max |estimate − dg(w)|`` over the span is traced against ``h`` on
    log–log axes: it falls like ``hᵖ`` (truncation) until round-off,
    about ``ε_mach |g| / h``, takes over. Where the estimate is NaN (the points
    of the formula round to the same number, ``w + h == w``, or ``g`` is
    undefined there) a red band marks the axis, and the frame has no point on
    the error panel; an error of exactly 0 is drawn at its bottom. The title
    and the frame's label give ``h`` and the largest error.

    Parameters
    ----------
    g : callable
        Any function of one variable written with NumPy, ``g = lambda w: np.sin(w)``.
    dg : callable
        Its exact derivative, to measure the error against, ``dg = lambda w: np.cos(w)``.
    span : (float, float)
        The interval of ``w`` drawn.
    method : str
        One of `calcnotes.differentiation.METHODS`: ``"forward"``, ``"backward"``,
        ``"central"``, ``"five-point"``, ``"complex"``, ``"richardson"``.
    steps : (float, float)
        The first and the last step ``h``; the frames space ``h`` evenly on a
        log scale between them (the default, 1 down to 10⁻¹⁷, takes the forward
        difference through truncation, agreement and round-off).
    frames : int
        Number of steps shown, at least 2.
    n : int
        Points of *span* where the estimate is computed, at least 10: enough
        to resolve the narrowest feature of ``g``.
    fps : float
        Playback speed.
    label : str, optional
        The curve's name in the legend (default ``"g(w)"``).
    var : str
        The name of the input on the axis.

    Returns
    -------
    Animation
        Show it with `calcnotes.show`.

    Raises
    ------
    TypeError
        If ``g`` or ``dg`` is not callable.
    ValueError
        For an unknown *method* (the message lists them), a bad *span* or
        *steps*, *frames* < 2 or *n* < 10; and whatever `calcnotes.derivative`
        raises, e.g. for ``method="complex"`` on a ``g`` that cannot take
        complex input.

    Examples
    --------
    >>> movie = step_sweep(np.sin, np.cos, (-3, 3), steps=(1e-2, 1e-17), frames=4, n=50)
    >>> movie.labels[:2]
    ('h = 0.01, largest error 0.005', 'h = 1 × 10⁻⁷, largest error 5 × 10⁻⁸')
    >>> movie.labels[-1]  # w + h rounds to w except near w = 0
    'h = 1 × 10⁻¹⁷, NaN on 96% of the span, error ≤ 0.0019 elsewhere'
    >>> step_sweep(np.sin, np.cos, method="midpoint")
    Traceback (most recent call last):
        ...
    ValueError: method must be one of 'forward', 'backward', 'central', 'five-point', 'complex', 'richardson'; got 'midpoint'
    """
    if not callable(g):
        raise TypeError(f"g must be a function such as `lambda w: np.sin(w)`, "
                        f"got {type(g).__name__}")
    if not callable(dg):
        raise TypeError(f"dg must be the derivative of g, a function such as `lambda w: np.cos(w)`, "
                        f"got {type(dg).__name__}")
    if not isinstance(method, str) or method not in METHODS:
        listed = ", ".join(repr(m) for m in METHODS)
        raise ValueError(f"method must be one of {listed}; got {method!r}")
    lo, hi = span_pair(span)
    first, last = _step_range(steps)
    count = _whole(frames, "frames", 2)
    n = _whole(n, "n", 10)

    w = np.linspace(lo, hi, n)
    exact = values_of(dg, w)
    with np.errstate(all="ignore"):
        defined = np.isfinite(values_of(g, w)) & np.isfinite(exact)  # where there is a g′ to estimate
    hs = np.geomspace(first, last, count)
    estimates = [np.asarray(derivative(g, w, h=float(h), method=method), dtype=float) for h in hs]
    missing = [defined & np.isnan(e) for e in estimates]  # e.g. where w + h rounds to w
    with np.errstate(invalid="ignore"):
        errors = [np.abs(e - exact)[defined & np.isfinite(e)] for e in estimates]
    largest = np.array([e.max() if e.size else np.nan for e in errors])
    complete = ~np.array([m.any() for m in missing])  # frames with an estimate wherever g′ exists

    fig = Figure(figsize=(4.8, 6.2), layout="constrained")
    top, middle, bottom = fig.subplots(3, 1, height_ratios=[0.8, 1.5, 1.3])
    middle.sharex(top)
    ws = np.linspace(lo, hi, max(n, 400))
    with np.errstate(all="ignore"):
        values = values_of(g, ws)
    curve, = top.plot(ws, values, color=CURVE, linewidth=1.6, label=label or f"g({var})")
    fit_y(top, curve.get_ydata(), pad=0.12)
    top.set_xlim(lo, hi)
    top.set_ylabel(f"g({var})")
    top.tick_params(labelbottom=False)
    truth, = middle.plot(w, exact, color=ACCENT, linestyle=(0, (3, 1.2)), linewidth=2.2, zorder=3,
                         label=f"exact g′({var})")
    estimate, = middle.plot([], [], color=SECANT, linewidth=1.5, zorder=4,
                            label=f"{_ESTIMATE[method]}, step h")
    gaps, = middle.plot([], [], color=POINT, linewidth=5, solid_capstyle="butt", zorder=5,
                        transform=middle.get_xaxis_transform(), label="no estimate (NaN)")
    fit_y(middle, exact, pad=0.35)
    middle.set(xlabel=var, ylabel="slope")

    # The largest error against h, shrinking to the right as the frames go; a
    # frame without an estimate at some points has no largest error.
    finite = np.isfinite(largest) & complete
    positive = largest[finite & (largest > 0)]
    floor = 0.1 * positive.min() if positive.size else 1e-17
    shown = np.where(largest > 0, largest, floor)  # an error of exactly 0 sits on the floor
    shown[~finite] = np.nan
    bottom.plot(hs, shown, color=CURVE, linewidth=0.8, alpha=0.3)
    trace, = bottom.plot([], [], color=SECANT, linewidth=1.8)
    marker, = bottom.plot([], [], "o", color=POINT, markersize=7, zorder=5)
    margin = 3.0 if first > last else 1 / 3  # the axis runs the way the frames go
    bottom.set(xscale="log", yscale="log", xlim=(first * margin, last / margin),
               xlabel=f"step h ({'shrinking' if first > last else 'growing'} →)",
               ylabel="largest error")
    if finite.any():
        bottom.set_ylim(np.min(shown[finite]) / 5, np.max(shown[finite]) * 5)
    for axis, ends in ((bottom.xaxis, (first, last)), (bottom.yaxis, bottom.get_ylim())):
        axis.set_major_locator(_decades(*ends))
        axis.set_major_formatter(log_label)
        axis.set_minor_formatter(NullFormatter())
    for ax in (top, middle, bottom):
        ax.grid(True)
    fitted_legend(fig, handles=[curve, truth, estimate, gaps], loc="outside lower center", ncols=2,
                  handlelength=2.0, columnspacing=1.2)

    def update(i: int) -> str:
        h = float(hs[i])
        estimate.set_data(w, estimates[i])
        gaps.set_data(w, np.where(missing[i], 0.025, np.nan))
        trace.set_data(hs[: i + 1], shown[: i + 1])
        marker.set_data([h], [shown[i]])
        said = [f"h = {number(h, 2)}"]
        if missing[i].any():
            said.append(f"NaN on {number(100 * np.mean(missing[i]), 2)}% of the span")
            if np.isfinite(largest[i]):
                said.append(f"error ≤ {number(largest[i], 2)} elsewhere")
        elif np.isfinite(largest[i]):
            said.append(f"largest error {number(largest[i], 2)}")
        text = ", ".join(said)
        top.set_title(text.replace(", ", ": ", 1), y=1.0, pad=6)
        return text

    return animate(fig, [estimate, gaps, trace, marker, top.title], update, count, fps=fps)


def _decades(first: float, last: float) -> LogLocator:
    """Ticks at every few powers of ten, so that about six labels fit."""
    decades = abs(np.log10(first) - np.log10(last))
    every = max(1, int(np.ceil(decades / 6)))
    return LogLocator(base=10.0 ** every, numticks=12)
