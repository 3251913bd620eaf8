"""Derivatives of functions of one variable: secants, tangents, finite differences.

A derivative is the limit of secant slopes. This module computes the secant
slope itself, the secant and tangent *lines*, numerical derivatives by several
finite-difference formulas (and the complex step), and the one-sided slopes
that decide whether a function has a derivative at a point at all.

Functions are plain callables written with NumPy, e.g. ``g = lambda w: np.sin(w)``.
Each call of ``f`` gets its own array (or NumPy scalar), so an ``f`` that
changes its argument in place (``w *= 2``) does no harm.
"""

from __future__ import annotations

import sys
import threading
import warnings
from dataclasses import dataclass

import numpy as np

from calcnotes._checks import (
    as_float_array,
    as_real_array,
    as_real_scalar,
    check_callable,
    check_choice,
    check_positive,
    finite_error,
    own_copy,
    precision_of,
)

__all__ = [
    "METHODS",
    "Line",
    "default_step",
    "derivative",
    "is_differentiable",
    "one_sided_slopes",
    "secant_line",
    "secant_slope",
    "tangent_line",
]

#: The finite-difference methods `derivative` understands.
METHODS = ("forward", "backward", "central", "five-point", "complex", "richardson")

_EPS = np.finfo(float).eps


def relative_steps(eps: float = _EPS) -> dict[str, float]:
    """Default step of each method, relative to ``max(1, |w|)``, for floats of precision ``eps``.

    A formula of order ``p`` has truncation error ``~ C h**p`` and round-off
    error ``~ eps |f| / h``; the two balance at ``h ~ eps**(1 / (p + 1))``.
    For the high orders, whose error grows with a high derivative of ``f``, a
    factor below 1 leaves room for functions that vary faster than their
    argument (``sin(4w)`` has a fifth derivative of 1024). The complex step
    has no cancellation, hence no round-off to balance: any tiny step works.

    Examples
    --------
    >>> {method: f"{step:.1e}" for method, step in relative_steps().items()}  # doctest: +NORMALIZE_WHITESPACE
    {'forward': '1.5e-08', 'backward': '1.5e-08', 'central': '6.1e-06', 'five-point': '3.7e-04',
     'richardson': '1.5e-03', 'complex': '1.0e-20'}
    >>> f"{relative_steps(np.finfo(np.float32).eps)['central']:.1e}"  # for an f computing in float32
    '4.9e-03'
    """
    return {
        "forward": eps ** (1 / 2),  # order 1
        "backward": eps ** (1 / 2),  # order 1
        "central": eps ** (1 / 3),  # order 2
        "five-point": eps ** (1 / 5) / 2,  # order 4
        "richardson": eps ** (1 / 7) / 4,  # order 6 (central, extrapolated twice)
        "complex": 1e-20,
    }


_RELATIVE_STEP = relative_steps()


@dataclass(frozen=True)
class Line:
    """The straight line through ``point`` with the given ``slope``.

    Calling it evaluates ``y = point[1] + slope * (w - point[0])`` (a float for
    a number, an array for an array; ``TypeError`` for anything else);
    ``str`` gives the equation. A line through a point where ``f`` is not
    finite (``secant_line(np.log, -1, 1)``: ``log(-1)`` is NaN) has NaN for
    its slope and values, and ``str`` says that there is no line.

    Examples
    --------
    >>> line = Line(slope=2.0, intercept=-3.0, point=(1.0, -1.0))
    >>> line(4.0)
    5.0
    >>> print(line)
    y = 2x - 3
    >>> print(Line(slope=float("nan"), intercept=float("nan"), point=(-1.0, float("nan"))))
    no line: f(-1) is nan
    """

    slope: float
    intercept: float
    point: tuple[float, float]

    def __call__(self, w):
        w0, y0 = self.point
        with np.errstate(invalid="ignore"):  # a line with a NaN slope is NaN everywhere
            y = y0 + self.slope * (as_float_array(w, "w") - w0)
        return float(y) if np.ndim(y) == 0 else y

    def __str__(self) -> str:
        w0, y0 = self.point
        if not np.isfinite(y0):
            return f"no line: f({_number(w0)}) is {y0}"
        if not (np.isfinite(self.slope) and np.isfinite(self.intercept)):
            return f"no line through ({_number(w0)}, {_number(y0)}): its slope is {self.slope}"
        size = max(1.0, abs(self.slope), abs(self.intercept))
        slope, intercept = (_readable(value, size) for value in (self.slope, self.intercept))
        if slope == 0:
            return f"y = {_number(intercept)}"
        term = {1.0: "x", -1.0: "-x"}.get(slope, f"{_number(slope)}x")
        if intercept == 0:
            return f"y = {term}"
        sign = "-" if intercept < 0 else "+"
        return f"y = {term} {sign} {_number(abs(intercept))}"


def _readable(value: float, size: float) -> float:
    """``value`` to 6 significant digits, with round-off-sized values shown as 0."""
    if abs(value) < 1e-10 * size:
        return 0.0
    return float(f"{value:.6g}")


def _number(value: float) -> str:
    return f"{value:.6g}"


def secant_slope(f, w0, w1):
    """Slope of the secant of ``f`` through ``w0`` and ``w1``.

    ``(f(w1) - f(w0)) / (w1 - w0)``. Numbers give a float; arrays (e.g. many
    ``w1`` for a table of secants closing in on ``w0``) give an array. Where
    the rise or the run overflows (``w0 = 1e308, w1 = -1e308``) both are
    halved first, so a finite slope comes out finite.

    Raises ``ValueError`` if ``w1`` equals ``w0`` (there is no secant) or the
    shapes of ``w0`` and ``w1`` do not broadcast together, and ``TypeError``
    if ``f`` is not callable.

    Examples
    --------
    >>> round(secant_slope(np.sin, 0.0, -2.6), 5)
    0.19827
    >>> secant_slope(lambda w: w**2, 1.0, np.array([2.0, 1.1]))
    array([3. , 2.1])
    >>> secant_slope(lambda w: w / 2, 1e308, -1e308)
    0.5
    """
    check_callable(f)
    x0, x1 = as_real_array(w0, "w0"), as_real_array(w1, "w1")
    try:
        shape = np.broadcast_shapes(x0.shape, x1.shape)
    except ValueError:
        raise ValueError(
            f"w0 and w1 must have shapes that broadcast together, got {x0.shape} and {x1.shape}"
        ) from None
    if np.any(x0 == x1):
        raise ValueError(f"w1 must differ from w0: a secant needs two distinct points, got w0 = w1 = {w0}")
    with np.errstate(all="ignore"):
        f1, f0 = _evaluate(f, x1.copy(), x1.shape), _evaluate(f, x0.copy(), x0.shape)
        rise, run = f1 - f0, x1 - x0
        slope = np.broadcast_to(rise / run, shape)
        overflowed = np.isinf(run) | (np.isinf(rise) & np.isfinite(f0) & np.isfinite(f1))
        if np.any(overflowed):  # halving is exact here: these numbers are far from subnormal
            halved = (f1 * 0.5 - f0 * 0.5) / (x1 * 0.5 - x0 * 0.5)
            slope = np.where(overflowed, halved, slope)
    return float(slope) if slope.ndim == 0 else slope.copy()


def secant_line(f, w0, w1) -> Line:
    """The secant line of ``f`` through ``(w0, f(w0))`` and ``(w1, f(w1))``.

    ``h(w) = f(w0) + s (w - w0)`` with ``s = (f(w1) - f(w0)) / (w1 - w0)``.
    Where ``f`` is not finite at ``w0`` or ``w1`` there is no line: its slope
    is NaN (see `Line`).

    Raises ``ValueError`` if ``w1`` equals ``w0`` or either is not one finite number.

    Examples
    --------
    >>> line = secant_line(np.sin, 0.0, -2.6)
    >>> round(line.slope, 5), round(line(-2.6), 4)
    (0.19827, -0.5155)
    >>> print(secant_line(np.log, -1, 1))
    no line: f(-1) is nan
    """
    check_callable(f)
    x0, x1 = as_real_scalar(w0, "w0"), as_real_scalar(w1, "w1")
    slope = secant_slope(f, x0, x1)
    return _line_through(x0, _value_at(f, x0), slope)


def tangent_line(f, w0, **derivative_kwargs) -> Line:
    """The tangent line of ``f`` at ``w0``: the best linear approximation there.

    ``h(w) = f(w0) + f'(w0) (w - w0)``, with ``f'(w0)`` from `derivative`
    (keyword arguments such as ``method="complex"`` are passed on to it).

    Raises ``ValueError`` if ``w0`` is not one finite number.

    Examples
    --------
    >>> print(tangent_line(lambda w: 3 * w**2 - 4 * w, 1.0))
    y = 2x - 3
    >>> round(tangent_line(lambda w: w**2, 1.5).slope, 6)
    3.0
    """
    check_callable(f)
    x0 = as_real_scalar(w0, "w0")
    slope = derivative(f, x0, **derivative_kwargs)
    return _line_through(x0, _value_at(f, x0), slope)


def _line_through(w0: float, y0: float, slope: float) -> Line:
    with np.errstate(all="ignore"):
        intercept = y0 - slope * w0
    if not np.isfinite(y0):  # no line through a point where f is not finite
        slope = intercept = float("nan")
    return Line(slope=float(slope), intercept=float(intercept), point=(w0, float(y0)))


def derivative(f, w, *, h=None, method="central"):
    """Numerical derivative ``f'(w)`` by finite differences or the complex step.

    | `method` | formula | error |
    | --- | --- | --- |
    | `forward` | `(f(w+h) - f(w)) / h` | O(h) |
    | `backward` | `(f(w) - f(w-h)) / h` | O(h) |
    | `central` | `(f(w+h) - f(w-h)) / 2h` | O(h²) |
    | `five-point` | `(f(w-2h) - 8f(w-h) + 8f(w+h) - f(w+2h)) / 12h` | O(h⁴) |
    | `richardson` | central differences at h, h/2, h/4, extrapolated twice | O(h⁶) |
    | `complex` | `Im f(w + ih) / h` | O(h²) |

    ``w`` may be a number (returns a float) or an array (returns an array of
    the same shape, one derivative per element). ``f`` is called a fixed number
    of times on whole arrays (once per stencil point), never once per point, so
    ``f`` must work elementwise, like ``np.sin``: the derivative at a point
    must not depend on the other points. This cannot be checked; an ``f``
    that reduces over its input (``np.max(w) * w``) gets silently wrong
    derivatives. For a function of several inputs use `calcnotes.gradient`.

    With ``h=None`` the step balances truncation against round-off for the
    method, see `default_step`: about ``eps**(1/(p+1))`` for a formula of
    order ``p`` (``1.5e-8`` forward/backward, ``6.1e-6`` central, ``3.7e-4``
    five-point, ``1.5e-3`` richardson; ``1e-20`` for the complex step, which
    has no round-off), times ``max(1, |w|)`` element by element. If ``f``
    returns float32 (or float16) values, ``eps`` is that type's (``1.2e-7``:
    central step ``4.9e-3``), at the cost of calling ``f`` once more per
    stencil point. A given ``h`` is used as is.
    Either way the difference is divided by the distance between the points
    actually used, e.g. ``(w+h) - (w-h)`` rather than ``2h``: the two differ by
    the rounding of ``w ± h``, which is thereby kept out of the result (the
    classic ``h = (w+h) - w``). A step below the spacing of floats near ``w``
    makes the points coincide and gives NaN.

    For ``w`` of 2**17 to 2**22 points (1 to 32 MB), ``derivative`` keeps up
    to four scratch arrays of that size from one call to the next (per
    thread), which spares a fresh process the cost of new zeroed memory on
    every call.

    Where ``f`` returns NaN (say ``log`` of a negative number) the derivative
    is NaN at that point only, without warnings (except for the complex
    step, see below). Near the edge of ``f``'s
    domain a stencil may step outside it: at ``w = 1e-6`` the central
    difference of ``log`` needs ``log(w - h)`` with ``h = 6e-6 > w`` and gives
    NaN, while ``forward`` stays inside (a smaller ``h`` fixes ``central``).

    The complex step has no round-off error, but only for ``f`` that is
    analytic and written with complex-safe operations. It raises
    ``ValueError`` when ``f`` fails on complex input or returns real values
    (``abs``, ``float()``, comparisons); it is *silently wrong* for ``**``
    with a non-integer power of a negative number, ``z**n`` with ``|n| >= 100``
    on a negative real part (NumPy computes these by logarithms),
    ``np.maximum``/``np.minimum`` (which compare complex numbers
    lexicographically), and outside the real domain of ``f``: ``np.log`` and
    ``np.sqrt`` of a negative number are NaN for real input but finite for
    complex input, so at ``w = -1`` the complex step of ``np.log`` gives
    ``π / h``, about ``3.1e20``, where ``central`` gives NaN. Use ``central``
    for such functions.

    Raises ``TypeError`` for a non-callable ``f`` or non-numeric ``w``;
    ``ValueError`` for a non-finite ``w``, an ``h`` that is not a positive
    finite number, an unknown ``method`` (the message lists `METHODS`),
    ``method="complex"`` on a function that cannot take complex input, or an
    ``f`` whose output does not have the shape of ``w``.

    Examples
    --------
    >>> round(derivative(np.sin, 0.0), 8)
    1.0
    >>> derivative(lambda w: w**3, np.array([1.0, 2.0]), method="five-point").round(8)
    array([ 3., 12.])
    >>> round(derivative(np.exp, 1.0, method="complex"), 12) == round(np.e, 12)
    True
    """
    check_callable(f)
    check_choice(method, "method", METHODS)
    x = as_float_array(w, "w")
    if x.size == 0:
        raise ValueError("w must not be empty")
    if h is not None:
        h = check_positive(h, "h")
    # |w|, in an array of ours that becomes the step: its largest entry tells
    # whether w is finite (an inf or NaN wins) and whether one step fits all points.
    magnitude = np.abs(x, out=_scratch("step", x)) if x.ndim else abs(float(x))
    largest = magnitude.max() if x.ndim else magnitude
    if not np.isfinite(largest):
        raise finite_error(w, "w")
    stencil = _STENCILS[method]
    with np.errstate(all="ignore"):
        if h is not None:
            return _as_result(stencil(f, x, h))
        calls = _PrecisionRecorder(f)
        slopes = stencil(calls, x, _step(magnitude, largest, _RELATIVE_STEP[method]))
        if calls.eps > _EPS and method != "complex":  # f computes in float32: steps for its precision
            magnitude = np.abs(x) if x.ndim else abs(float(x))
            slopes = stencil(f, x, _step(magnitude, largest, relative_steps(calls.eps)[method]))
    return _as_result(slopes)


def _as_result(slopes):
    return float(slopes) if np.ndim(slopes) == 0 else slopes


def default_step(w, method="central"):
    """The step ``derivative`` takes when ``h=None``: ``c * max(1, |w|)``.

    ``c`` balances the method's truncation error (``~h**p`` for order ``p``)
    against round-off (``~eps/h``), which meet at ``h ~ eps**(1/(p+1))``:
    ``eps**(1/2)`` forward/backward, ``eps**(1/3)`` central,
    ``eps**(1/5)/2`` five-point and ``eps**(1/7)/4`` richardson (the factors
    below 1 leave room for functions that vary faster than their argument),
    ``1e-20`` for the complex step, which has no round-off to balance. This is
    the step for an ``f`` computing in float64 (see `derivative` for float32).

    Raises ``ValueError`` for an unknown ``method`` or a non-finite ``w``.

    Examples
    --------
    >>> f"{default_step(0.5):.2e}", f"{default_step(100.0):.2e}"
    ('6.06e-06', '6.06e-04')
    >>> default_step(np.array([0.0, -3.0]), method="forward")
    array([1.49011612e-08, 4.47034836e-08])
    """
    check_choice(method, "method", METHODS)
    x = as_real_array(w, "w")
    step = np.abs(x, out=np.empty_like(x))  # out= keeps a 0-d array an array
    np.maximum(step, 1.0, out=step)
    step *= _RELATIVE_STEP[method]
    return float(step) if x.ndim == 0 else step


def _step(magnitude, largest: float, relative: float):
    """``relative * max(1, |w|)`` from ``magnitude = |w|`` (an array of ours, overwritten).

    When every ``|w| <= 1`` that is one number, ``relative`` itself, for all
    points alike: exactly the same steps, with scalar arithmetic.
    """
    if largest <= 1.0:
        return relative
    if np.ndim(magnitude) == 0:
        return max(1.0, magnitude) * relative
    np.maximum(magnitude, 1.0, out=magnitude)
    magnitude *= relative
    return magnitude


class _PrecisionRecorder:
    """``f``, noting the coarsest float precision that its results came in."""

    def __init__(self, f):
        self.f, self.eps = f, _EPS

    def __call__(self, w):
        values = self.f(w)
        if not isinstance(values, np.ndarray) or values.dtype != np.float64:
            self.eps = max(self.eps, precision_of(values))
        return values


# Large arrays that the stencils write into (steps, points, widths) are kept
# from one call to the next and reused as long as nothing else holds them
# (f may keep the points it was given, or a nested call use them: then new
# ones are made). The reference count alone would keep threads apart under
# the GIL; one set per thread does not rely on it.
# Without them a fresh process pays ~1 ms per 8 MB for zeroed pages on every
# call: glibc hands freed memory at the top of its heap back to the kernel
# (see bench/derivatives.py, settle_allocator). At most four arrays of
# 1 MB to 32 MB each are kept, per thread.
_SCRATCH_SIZES = (2**17, 2**22)  # numbers


class _Scratch(threading.local):
    def __init__(self):
        self.arrays = {}


_SCRATCH = _Scratch()


def _scratch(name: str, like: np.ndarray) -> np.ndarray:
    """A float64 array of ``like``'s shape to write into: the one kept as ``name``, if nobody holds it."""
    if not _SCRATCH_SIZES[0] <= like.size <= _SCRATCH_SIZES[1]:
        return np.empty(like.shape)
    arrays = _SCRATCH.arrays
    array = arrays.get(name)
    if array is None or array.shape != like.shape or _refcount(array) > _KEPT_REFS:
        array = arrays[name] = np.empty(like.shape)
    return array


# Each stencil divides by the distance between the points actually used,
# e.g. (x + h) - (x - h) rather than 2h: the two differ by the rounding of
# x ± h, which would otherwise enter the result (the idea behind the classic
# h = (x + h) - x). That distance is computed before f sees the points, which
# are then f's own: f may change them. For speed on large arrays, f is called
# once per stencil point on the whole array, and the arithmetic reuses
# memory: the step array (``step``, when an array, is ours to overwrite;
# ``x`` never is), the widths, and what f returned when nobody else holds it.


def _forward(f, x, step):
    right = np.add(x, step)
    width = np.subtract(right, x)
    f_right = _evaluate(f, right, x.shape)
    del right
    f_here = _evaluate(f, own_copy(x), x.shape)  # f's own copy: it may change it
    reuse = _unshared(f_right, _LOCAL_REFS)
    return _quotient(f_right, f_here, width, reuse=reuse)


def _backward(f, x, step):
    left = np.subtract(x, step)
    width = np.subtract(x, left)
    f_here = _evaluate(f, own_copy(x), x.shape)
    f_left = _evaluate(f, left, x.shape)
    del left
    reuse = _unshared(f_here, _LOCAL_REFS)
    return _quotient(f_here, f_left, width, reuse=reuse)


def _central(f, x, step):
    right = np.add(x, step, out=_scratch("right", x) if x.ndim else None)
    left = np.subtract(x, step, out=step if _is_array(step) else None)
    width = np.subtract(right, left, out=_scratch("width", x) if x.ndim else None)
    f_right = _evaluate(f, right, x.shape)
    del right  # f's now; without our reference its memory can serve the next call of f
    f_left = _evaluate(f, left, x.shape)
    del left
    reuse = _unshared(f_right, _LOCAL_REFS)  # counted before f_right is also an argument of the call below
    return _quotient(f_right, f_left, width, reuse=reuse)


def _quotient(f_right, f_left, width, *, reuse: bool):
    """``(f_right - f_left) / width``, in ``f_right``'s memory if ``reuse``.

    ``reuse`` says that nothing but the caller holds ``f_right`` (``f``
    returned a fresh array and kept no reference to it); otherwise the
    difference needs a new array.
    """
    difference = np.subtract(f_right, f_left, out=f_right if reuse else None)
    return np.divide(difference, width, out=difference if _is_array(difference) else None)


def _five_point(f, x, step):
    # (8 (f(x+h) - f(x-h)) - (f(x+2h) - f(x-2h))) / 12h, written as
    # (4 D(h) - D(2h)) / 3 with the central differences D
    outer = _central(f, x, np.add(step, step, out=_scratch("double step", x)) if _is_array(step) else 2 * step)
    inner = _central(f, x, step)
    inner *= 4
    inner -= outer
    inner /= 3
    return inner


def _richardson(f, x, step):
    # Central differences D(h) = f' + c1 h² + c2 h⁴ + ... at h, h/2, h/4.
    # (4 D(h/2) - D(h)) / 3 cancels the h² term; repeating on the results
    # with 16 instead of 4 cancels the h⁴ term.
    estimates = [_central(f, x, step / 2**level) for level in range(3)]
    for power in (4, 16):
        estimates = [
            (power * finer - coarser) / (power - 1)
            for coarser, finer in zip(estimates, estimates[1:])
        ]
    return estimates[0]


def _complex_step(f, x, step):
    points = np.empty(x.shape, dtype=complex)
    points.real = x
    points.imag = step
    values = _evaluate_complex(f, points, x.shape)
    slopes = np.divide(values.imag, step, out=step if _is_array(step) else np.empty(x.shape))
    undefined = np.isnan(values.real)  # where f is NaN, so is its derivative
    if undefined.any():
        slopes[undefined] = np.nan
    return slopes


_STENCILS = {
    "forward": _forward,
    "backward": _backward,
    "central": _central,
    "five-point": _five_point,
    "richardson": _richardson,
    "complex": _complex_step,
}


def _is_array(value) -> bool:
    return isinstance(value, np.ndarray) and value.ndim > 0


def _refcount(array) -> int:
    return sys.getrefcount(array)


def _unshared(array, expected: int) -> bool:
    """Whether ``array`` is a float64 array that only our caller holds (so it may be overwritten)."""
    return (
        type(array) is np.ndarray
        and array.ndim > 0
        and array.base is None
        and array.dtype == np.float64
        and array.flags.writeable
        and _refcount(array) <= expected
    )


def _calibrate():
    """The reference count `_unshared` sees for an array that only one local variable holds."""
    array = np.empty(2)
    return _unshared_refcount(array)


def _unshared_refcount(array):
    return _refcount(array)


def _calibrate_kept():
    """The reference count `_scratch` sees for an array that only its dictionary holds."""
    arrays = {"kept": np.empty(2)}
    array = arrays.get("kept")
    return _refcount(array)


# Measured once, the same way as `_unshared` and `_scratch` count, so as not
# to depend on the Python version.
_LOCAL_REFS = _calibrate()
_KEPT_REFS = _calibrate_kept()


def _call(f, points: np.ndarray):
    """Call ``f`` on an array of points, or on a NumPy scalar for a 0-d array."""
    return f(points[()] if np.ndim(points) == 0 else points)


def _evaluate(f, points, shape) -> np.ndarray:
    """``f(points)`` as a float array of ``shape``; ``f`` must act elementwise."""
    values = np.asarray(_call(f, points))
    if np.iscomplexobj(values):
        raise ValueError("f returned complex values at real points w; it must return real numbers")
    if values.dtype.kind not in "biuf":
        raise TypeError(f"f must return real numbers, got {values.dtype} values")
    return _with_shape(values, shape).astype(float, copy=False)


def _evaluate_complex(f, points, shape) -> np.ndarray:
    """``f(points)`` at complex points; ``ValueError`` if ``f`` cannot do that."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
            values = np.asarray(_call(f, points))
    except Exception as error:
        raise ValueError(
            "method='complex' evaluates f at complex points w + ih, but f raised "
            f"{type(error).__name__}: {error}; use method='central' instead"
        ) from error
    if not np.iscomplexobj(values):
        raise ValueError(
            "method='complex' needs f to keep complex input complex, but f returned real "
            "values (abs, comparisons, max/min or float() drop the imaginary part); "
            "use method='central' instead"
        )
    return _with_shape(values, shape)


def _with_shape(values: np.ndarray, shape) -> np.ndarray:
    if values.shape == shape:
        return values
    if shape == () and values.size == 1:
        return values.reshape(())
    raise ValueError(
        f"f must act elementwise, like np.sin: for w of shape {shape} it returned shape "
        f"{values.shape} (write a constant as `lambda w: 5 + 0 * w`)"
    )


def _value_at(f, w0: float) -> float:
    with np.errstate(all="ignore"):
        return float(_evaluate(f, np.asarray(w0), ()))


def one_sided_slopes(f, w0, h):
    """Left and right secant slopes of ``f`` at ``w0`` with step ``h``.

    ``((f(w0) - f(w0-h)) / h, (f(w0+h) - f(w0)) / h)``: as ``h`` shrinks they
    tend to the left and right derivatives. A number ``h`` gives two floats,
    an array of steps (``f`` must then act elementwise) two arrays. Each slope
    is divided by the step actually taken, ``w0 - (w0 - h)`` and
    ``(w0 + h) - w0``, which differ from ``h`` by the rounding of ``w0 ± h``;
    a step below the spacing of floats at ``w0`` moves nowhere and gives
    NaN, as in `derivative`.

    Raises ``ValueError`` if ``h`` is not positive and finite or ``w0`` is not
    one finite number.

    Examples
    --------
    >>> one_sided_slopes(lambda w: np.maximum(w, 0), 0.0, 1e-4)
    (0.0, 1.0)
    >>> left, right = one_sided_slopes(np.sin, 0.0, 1e-4)
    >>> left == right == float(np.sin(1e-4) / 1e-4)
    True
    >>> one_sided_slopes(lambda w: 3 * w, 1.0, 1e-17)  # 1 ± 1e-17 is 1
    (nan, nan)
    """
    check_callable(f)
    x0 = as_real_scalar(w0, "w0")
    step = check_positive(h, "h", allow_array=True)
    left, right, _ = _one_sided(f, x0, step)
    if np.ndim(step) == 0:
        return float(left), float(right)
    return left, right


def _one_sided(f, x0: float, step):
    """Left and right slopes, and the largest ``|f|`` met, for `one_sided_slopes`."""
    shape = np.shape(step)
    with np.errstate(all="ignore"):
        below, above = np.asarray(x0 - step), np.asarray(x0 + step)
        taken_left, taken_right = x0 - below, above - x0  # 0 when the step is below the spacing at w0
        middle = _evaluate(f, np.asarray(x0), ())
        f_below, f_above = _evaluate(f, below, shape), _evaluate(f, above, shape)
        left = (middle - f_below) / taken_left
        right = (f_above - middle) / taken_right
        largest = np.maximum(abs(middle), np.maximum(np.abs(f_below), np.abs(f_above)))
    return left, right, largest


# Steps at which is_differentiable compares slopes: 1e-4, 1e-5, 1e-6 (or,
# far from 0, at least 64 float spacings of w0 for the finest, and the rest
# in proportion).
_SHRINKING_STEPS = (1e-4, 1e-5, 1e-6)
_FINEST_IN_SPACINGS = 64


def is_differentiable(f, w0, *, tol=1e-4) -> bool:
    """Whether the left and right slopes of ``f`` at ``w0`` agree as ``h`` shrinks.

    Computes `one_sided_slopes` at ``h = 1e-4, 1e-5, 1e-6`` and returns
    ``True`` when, at the smallest ``h``,

    * the two slopes agree, once the part of their gap that shrinks in
      proportion to ``h`` (curvature: ``right - left ≈ f''(w0) h``) is set
      aside: what remains is at most ``tol * max(1, |left|, |right|)``;
    * their gap is closing: at most a tenth of the gap at ``h = 1e-4``, which
      rules out a small but permanent kink;
    * the slope has settled: the average of the two slopes moved by at most
      ``tol * max(1, |left|, |right|)`` since ``h = 1e-5``, which rules out a
      vertical tangent such as ``np.cbrt`` at 0.

    Each comparison allows for the round-off of ``f``'s values (``eps |f| / h``,
    with ``eps`` of the precision ``f`` returns), so adding a constant to
    ``f`` does not change the verdict while the constant's rounding stays
    below the slopes' differences (up to about ``1e6`` for a kink of 1).
    The steps do not grow with ``|w0|``, so the verdict at ``w0`` does not
    depend on how far ``w0`` is from 0 until the spacing of floats there
    matters; the finest step is then kept at 64 spacings (beyond
    ``|w0| ~ 1e9``).

    This is a numerical experiment, not a proof: a kink smaller than the
    tolerance, or features finer than ``1e-6``, go unnoticed.

    Raises ``ValueError`` if ``w0`` is not one finite number or ``tol`` is not
    positive.

    Examples
    --------
    >>> is_differentiable(np.sin, 0.0), is_differentiable(np.sin, 1000.0)
    (True, True)
    >>> is_differentiable(lambda w: np.maximum(w, 0), 0.0)
    False
    """
    check_callable(f)
    x0 = as_real_scalar(w0, "w0")
    tol = check_positive(tol, "tol")
    calls = _PrecisionRecorder(f)
    scale = max(1.0, _FINEST_IN_SPACINGS * float(np.spacing(abs(x0))) / _SHRINKING_STEPS[-1])
    results = [_one_sided(calls, x0, step * scale) for step in _SHRINKING_STEPS]
    (left_c, right_c, f_c), (left_m, right_m, f_m), (left, right, f_f) = (
        (float(left), float(right), float(size)) for left, right, size in results
    )
    if not np.all(np.isfinite([left_c, right_c, left_m, right_m, left, right, f_c, f_m, f_f])):
        return False
    # round-off in a slope or a gap: four values of f, each off by eps |f| / 2, over h
    noise = [2 * calls.eps * size / (step * scale) for size, step in zip((f_c, f_m, f_f), _SHRINKING_STEPS)]
    ratio = _SHRINKING_STEPS[-1] / _SHRINKING_STEPS[0]
    size = max(1.0, abs(left), abs(right))
    gap, coarse_gap = right - left, right_c - left_c
    agree = abs(gap - ratio * coarse_gap) <= tol * size + noise[2] + ratio * noise[0]
    closing = abs(gap) <= abs(coarse_gap) / 10 + noise[2]
    settled = abs((left + right) - (left_m + right_m)) / 2 <= tol * size + noise[2] + noise[1]
    return bool(agree and closing and settled)
