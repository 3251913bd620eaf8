"""Derivatives of functions of one variable: secants, tangents, finite differences.

A derivative is the limit of secant slopes. This module computes the secant
slope itself, the secant and tangent *lines*, numerical derivatives by several
finite-difference formulas (and the complex step), and the one-sided slopes
that decide whether a function has a derivative at a point at all.

Functions are plain callables written with NumPy, e.g. ``g = lambda w: np.sin(w)``.
"""

from __future__ import annotations

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

# Default step for each method, relative to max(1, |w|). A formula of order p
# has truncation error ~ C h**p and round-off error ~ eps |f| / h; the two
# balance at h ~ eps**(1 / (p + 1)). For the high orders, whose error grows
# with a high derivative of f, a factor below 1 leaves room for functions that
# vary faster than their argument (sin(4w) has a fifth derivative of 1024).
_RELATIVE_STEP = {
    "forward": _EPS ** (1 / 2),  # order 1: 1.5e-8
    "backward": _EPS ** (1 / 2),  # order 1: 1.5e-8
    "central": _EPS ** (1 / 3),  # order 2: 6.1e-6
    "five-point": _EPS ** (1 / 5) / 2,  # order 4: 3.7e-4
    "richardson": _EPS ** (1 / 7) / 4,  # order 6 (central, extrapolated twice): 1.5e-3
    "complex": 1e-20,  # no subtraction, hence no cancellation: any tiny step works
}


@dataclass(frozen=True)
class Line:
    """The straight line through ``point`` with the given ``slope``.

    Calling it evaluates ``y = point[1] + slope * (w - point[0])`` (a float for
    a number, an array for an array; ``TypeError`` for anything else);
    ``str`` gives the equation.

    Examples
    --------
    >>> line = Line(slope=2.0, intercept=-3.0, point=(1.0, -1.0))
    >>> line(4.0)
    5.0
    >>> print(line)
    y = 2x - 3
    """

    slope: float
    intercept: float
    point: tuple[float, float]

    def __call__(self, w):
        w0, y0 = self.point
        y = y0 + self.slope * (as_float_array(w, "w") - w0)
        return float(y) if np.ndim(y) == 0 else y

    def __str__(self) -> str:
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
    ``w1`` for a table of secants closing in on ``w0``) give an array.

    Raises ``ValueError`` if ``w1`` equals ``w0`` (there is no secant) or the
    shapes of ``w0`` and ``w1`` do not broadcast together, and ``TypeError``
    if ``f`` is not callable.

    Examples
    --------
    >>> round(secant_slope(np.sin, 0.0, -2.6), 5)
    0.19827
    >>> secant_slope(lambda w: w**2, 1.0, np.array([2.0, 1.1]))
    array([3. , 2.1])
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
        rise = _evaluate(f, x1, x1.shape) - _evaluate(f, x0, x0.shape)
        slope = np.broadcast_to(rise / (x1 - x0), shape)
    return float(slope) if slope.ndim == 0 else slope.copy()


def secant_line(f, w0, w1) -> Line:
    """The secant line of ``f`` through ``(w0, f(w0))`` and ``(w1, f(w1))``.

    ``h(w) = f(w0) + s (w - w0)`` with ``s = (f(w1) - f(w0)) / (w1 - w0)``.

    Raises ``ValueError`` if ``w1`` equals ``w0`` or either is not one finite number.

    Examples
    --------
    >>> line = secant_line(np.sin, 0.0, -2.6)
    >>> round(line.slope, 5), round(line(-2.6), 4)
    (0.19827, -0.5155)
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
    return Line(slope=float(slope), intercept=float(y0 - slope * w0), point=(w0, float(y0)))


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
    ``f`` must work elementwise, like ``np.sin``.

    With ``h=None`` the step balances truncation against round-off for the
    method, see `default_step`: about ``eps**(1/(p+1))`` for a formula of
    order ``p`` (``1.5e-8`` forward/backward, ``6.1e-6`` central, ``3.7e-4``
    five-point, ``1.5e-3`` richardson; ``1e-20`` for the complex step, which
    has no round-off), times ``max(1, |w|)`` element by element. A given ``h`` is used as is.
    Either way the difference is divided by the distance between the points
    actually used, e.g. ``(w+h) - (w-h)`` rather than ``2h``: the two differ by
    the rounding of ``w ± h``, which is thereby kept out of the result (the
    classic ``h = (w+h) - w``). A step below the spacing of floats near ``w``
    makes the points coincide and gives NaN.

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
    x = as_real_array(w, "w")
    if h is not None:
        h = check_positive(h, "h")
    with np.errstate(all="ignore"):
        step = _default_step(x, method) if h is None else h
        slopes = _STENCILS[method](f, x, step)
    return float(slopes) if x.ndim == 0 else slopes


def default_step(w, method="central"):
    """The step ``derivative`` takes when ``h=None``: ``c * max(1, |w|)``.

    ``c`` balances the method's truncation error (``~h**p`` for order ``p``)
    against round-off (``~eps/h``), which meet at ``h ~ eps**(1/(p+1))``:
    ``eps**(1/2)`` forward/backward, ``eps**(1/3)`` central,
    ``eps**(1/5)/2`` five-point and ``eps**(1/7)/4`` richardson (the factors
    below 1 leave room for functions that vary faster than their argument),
    ``1e-20`` for the complex step, which has no round-off to balance.

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
    step = _default_step(x, method)
    return float(step) if x.ndim == 0 else step


def _default_step(x: np.ndarray, method: str) -> np.ndarray:
    """``c * max(1, |x|)`` element by element, in a new array."""
    step = np.abs(x, out=np.empty_like(x))  # out= keeps a 0-d array an array
    np.maximum(step, 1.0, out=step)
    step *= _RELATIVE_STEP[method]
    return step


# Each stencil divides by the distance between the points actually used,
# e.g. (x + h) - (x - h) rather than 2h: the two differ by the rounding of
# x ± h, which would otherwise enter the result (the idea behind the classic
# h = (x + h) - x). For speed on large arrays, f is called once per stencil
# point on the whole array, and our arrays are reused in place rather than
# copied: a stencil may overwrite ``step`` when it is an array (callers pass
# a fresh one), never ``x``.


def _forward(f, x, step):
    right = np.add(x, step)
    f_right = _evaluate(f, right, x.shape)
    f_here = _evaluate(f, x, x.shape)
    return _difference_quotient(f_right, f_here, right, x, scratch=(right, step))


def _backward(f, x, step):
    left = np.subtract(x, step)
    f_left = _evaluate(f, left, x.shape)
    f_here = _evaluate(f, x, x.shape)
    return _difference_quotient(f_here, f_left, x, left, scratch=(left, step))


def _central(f, x, step):
    right = np.add(x, step)
    left = np.subtract(x, step, out=step if _is_array(step) else None)
    f_right = _evaluate(f, right, x.shape)
    f_left = _evaluate(f, left, x.shape)
    return _difference_quotient(f_right, f_left, right, left, scratch=(right, left))


def _difference_quotient(f_right, f_left, right, left, *, scratch):
    """``(f_right - f_left) / (right - left)``, written into the two ``scratch`` arrays.

    ``scratch`` holds arrays of ours that are no longer needed (or scalars,
    for which new arrays are made); an array that ``f`` returned (a view of)
    is never overwritten.
    """
    width_out, slopes_out = (_reusable(array, f_right, f_left) for array in scratch)
    width = np.subtract(right, left, out=width_out)
    slopes = np.subtract(f_right, f_left, out=slopes_out)
    slopes /= width
    return slopes


def _five_point(f, x, step):
    # (8 (f(x+h) - f(x-h)) - (f(x+2h) - f(x-2h))) / 12h, written as
    # (4 D(h) - D(2h)) / 3 with the central differences D
    outer = _central(f, x, 2 * step)
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
    slopes = np.divide(values.imag, step, out=np.empty(x.shape))
    slopes[np.isnan(values.real)] = np.nan  # where f is NaN, so is its derivative
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


def _reusable(buffer, *results):
    """``buffer`` as an ``out=`` array, unless it is a scalar or ``f`` returned (a view of) it."""
    if not _is_array(buffer) or any(np.may_share_memory(buffer, value) for value in results):
        return None
    return buffer


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
    an array of steps (``f`` must then act elementwise) two arrays.

    Raises ``ValueError`` if ``h`` is not positive and finite or ``w0`` is not
    one finite number.

    Examples
    --------
    >>> one_sided_slopes(lambda w: np.maximum(w, 0), 0.0, 1e-4)
    (0.0, 1.0)
    >>> left, right = one_sided_slopes(np.sin, 0.0, 1e-4)
    >>> left == right == float(np.sin(1e-4) / 1e-4)
    True
    """
    check_callable(f)
    x0 = as_real_scalar(w0, "w0")
    step = check_positive(h, "h", allow_array=True)
    shape = np.shape(step)
    with np.errstate(all="ignore"):
        middle = _evaluate(f, np.asarray(x0), ())
        left = (middle - _evaluate(f, np.asarray(x0 - step), shape)) / step
        right = (_evaluate(f, np.asarray(x0 + step), shape) - middle) / step
    if shape == ():
        return float(left), float(right)
    return left, right


# Steps, relative to max(1, |w0|), at which is_differentiable compares slopes.
_SHRINKING_STEPS = (1e-4, 1e-5, 1e-6)


def is_differentiable(f, w0, *, tol=1e-4) -> bool:
    """Whether the left and right slopes of ``f`` at ``w0`` agree as ``h`` shrinks.

    Computes `one_sided_slopes` at ``h = 1e-4, 1e-5, 1e-6`` (times
    ``max(1, |w0|)``) and returns ``True`` when, at the smallest ``h``,

    * the two slopes agree: ``|right - left| <= tol * max(1, |left|, |right|)``;
    * their gap is closing: at most a tenth of the gap at ``h = 1e-4`` (or at
      round-off level, ``1e-8 * max(1, |left|, |right|)``), which rules out a
      small but permanent kink;
    * the slope has settled: the average of the two slopes moved by at most
      ``tol * max(1, |left|, |right|)`` since ``h = 1e-4``, which rules out a
      vertical tangent such as ``np.cbrt`` at 0.

    This is a numerical experiment, not a proof: a kink smaller than the
    tolerance, or features finer than ``1e-6``, go unnoticed.

    Raises ``ValueError`` if ``w0`` is not one finite number or ``tol`` is not
    positive.

    Examples
    --------
    >>> is_differentiable(np.sin, 0.0)
    True
    >>> is_differentiable(lambda w: np.maximum(w, 0), 0.0)
    False
    """
    check_callable(f)
    x0 = as_real_scalar(w0, "w0")
    tol = check_positive(tol, "tol")
    scale = max(1.0, abs(x0))
    slopes = [one_sided_slopes(f, x0, step * scale) for step in _SHRINKING_STEPS]
    (left_coarse, right_coarse), (left, right) = slopes[0], slopes[-1]
    if not np.all(np.isfinite([left_coarse, right_coarse, left, right])):
        return False
    size = max(1.0, abs(left), abs(right))
    gap, coarse_gap = abs(right - left), abs(right_coarse - left_coarse)
    agree = gap <= tol * size
    closing = gap <= coarse_gap / 10 or gap <= 1e-8 * size
    settled = abs((left + right) - (left_coarse + right_coarse)) / 2 <= tol * size
    return bool(agree and closing and settled)
