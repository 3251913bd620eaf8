"""Argument checks shared by the mathematical modules.

Every public function validates its arguments up front with these helpers, so
a mistake is reported early, by the name of the argument that caused it.

One rule says what a number is, for every argument (``w``, ``w0``, ``h``,
``v``, ``lr``, ``tol``, ...): a *real number* is anything Python counts as
one (``numbers.Real``: ``int``, ``float``, ``fractions.Fraction``, NumPy's
integer and floating scalars), or an array or list of them. A ``bool`` is
refused (``True`` is not a step), and so is ``decimal.Decimal``, which Python
does not count as a real number (it refuses arithmetic with floats). Numbers
are converted to float64; one too large for it (``10**400``) is refused as
not finite.

Examples
--------
>>> from calcnotes._checks import check_positive
>>> check_positive(-1.0, "h")
Traceback (most recent call last):
    ...
ValueError: h must be a positive, finite real number, got -1.0
>>> from fractions import Fraction
>>> check_positive(Fraction(1, 4), "h")
0.25
"""

from __future__ import annotations

import numbers
import operator

import numpy as np

_EPS = float(np.finfo(float).eps)


def check_callable(f, name: str = "f") -> None:
    """Raise ``TypeError`` unless ``f`` can be called.

    Examples
    --------
    >>> check_callable(len)
    >>> check_callable(3)
    Traceback (most recent call last):
        ...
    TypeError: f must be a callable such as `lambda w: np.sin(w)`, got int
    """
    if not callable(f):
        raise TypeError(
            f"{name} must be a callable such as `lambda w: np.sin(w)`, "
            f"got {type(f).__name__}"
        )


def as_real_array(w, name: str = "w") -> np.ndarray:
    """Return ``w`` as a finite float64 array (0-d for a scalar).

    Raises ``TypeError`` for non-numeric input and ``ValueError`` for complex,
    empty or non-finite input, naming the argument.

    Examples
    --------
    >>> as_real_array([1, 2])
    array([1., 2.])
    >>> as_real_array(float("nan"))
    Traceback (most recent call last):
        ...
    ValueError: w must be finite, got nan
    >>> as_real_array([1e308, 1e308])  # finite, though their sum is not
    array([1.e+308, 1.e+308])
    """
    array = as_float_array(w, name)
    if array.size == 0:
        raise ValueError(f"{name} must not be empty")
    if not np.isfinite(array).all():
        raise finite_error(w, name)
    return array


def finite_error(w, name: str) -> ValueError:
    """The error for a ``w`` that holds an inf or a NaN.

    Examples
    --------
    >>> finite_error([1.0, float("inf")], "w0")
    ValueError('w0 must be finite, got [1.0, inf]')
    """
    return ValueError(f"{name} must be finite, got {_short(w)}")


def as_float_array(w, name: str = "w", *, bools: bool = False) -> np.ndarray:
    """Return real ``w`` as a float64 array (0-d for a scalar); NaN and inf pass.

    For values that may be empty or non-finite, such as the points where a
    line is evaluated. Raises ``TypeError`` for non-numeric input (``None``,
    strings, ``Decimal``; also bools unless ``bools=True``) and ``ValueError``
    for complex input or an integer too large for a float, naming the argument.

    Examples
    --------
    >>> as_float_array([1, float("inf")])
    array([ 1., inf])
    >>> as_float_array(None, "v")
    Traceback (most recent call last):
        ...
    TypeError: v must be a real number or an array of real numbers, got NoneType None
    >>> as_float_array(10**400, "h")
    Traceback (most recent call last):
        ...
    ValueError: h must be finite: 100000000000000000000000000000000000000000000000000000000... is too large for a float
    """
    try:
        array = np.asarray(w)
    except Exception as error:  # ragged lists and the like
        raise TypeError(f"{name} must be a real number or an array of real numbers: {error}") from None
    if array.dtype.kind == "c":
        raise ValueError(f"{name} must be real, got complex {_short(w)}")
    if array.dtype.kind == "O":  # e.g. None, a Fraction, or a list mixing numbers and other things
        if not all(is_real_number(item) or (bools and isinstance(item, (bool, np.bool_))) for item in array.flat):
            raise TypeError(_not_real(w, name))
        try:
            return array.astype(float)
        except OverflowError:  # a Python int beyond 1.8e308
            raise ValueError(f"{name} must be finite: {_short(w)} is too large for a float") from None
    if array.dtype.kind not in ("biuf" if bools else "iuf"):
        raise TypeError(_not_real(w, name))
    if not bools and isinstance(w, (list, tuple)) and _holds_a_bool(w):  # [True, 1.0] is a float array
        raise TypeError(_not_real(w, name))
    with np.errstate(over="ignore"):  # float128 beyond float64's range becomes inf
        return array.astype(float, copy=False)


def _holds_a_bool(items) -> bool:
    return any(
        isinstance(item, (bool, np.bool_)) or (isinstance(item, (list, tuple)) and _holds_a_bool(item))
        for item in items
    )


def _not_real(w, name: str) -> str:
    return f"{name} must be a real number or an array of real numbers, got {type(w).__name__} {_short(w)}"


def returned_reals(returned, requirement: str) -> np.ndarray:
    """What a caller's function returned, as a float array; ``ValueError`` unless real numbers.

    ``requirement`` opens the message, e.g. ``"grad(w) must return real numbers"``.

    Examples
    --------
    >>> returned_reals([1, 2], "grad(w) must return real numbers")
    array([1., 2.])
    >>> returned_reals(None, "f must return a real number")
    Traceback (most recent call last):
        ...
    ValueError: f must return a real number, got NoneType None
    """
    values = np.asarray(returned)
    if np.iscomplexobj(values) or values.dtype.kind not in "biuf":
        raise ValueError(f"{requirement}, got {type(returned).__name__} {_short(returned)}")
    return values.astype(float, copy=False)


def precision_of(values) -> float:
    """The machine epsilon of the floats in ``values``: float64's, unless float32 or float16.

    A function that computes in float32 rounds its results to about
    ``1.2e-7``; finite-difference steps and round-off allowances follow it.

    Examples
    --------
    >>> precision_of(np.float32(1.0)) == float(np.finfo(np.float32).eps)
    True
    >>> precision_of(1) == precision_of(np.ones(3)) == float(np.finfo(float).eps)
    True
    """
    dtype = np.asarray(values).dtype
    if dtype.kind in "fc" and dtype.itemsize < (8 if dtype.kind == "f" else 16):
        return float(np.finfo(dtype).eps)
    return _EPS


def own_copy(point: np.ndarray):
    """What ``f`` is handed: its own copy of ``point``, a NumPy scalar for a 0-d point.

    ``f`` may then change its argument in place without harm to the caller
    or to the computation.

    Examples
    --------
    >>> point = np.array([1.0, 2.0])
    >>> own_copy(point) is point, own_copy(np.array(3.0))
    (False, np.float64(3.0))
    """
    return point[()] if point.ndim == 0 else point.copy()


def value_and_precision(f, point: np.ndarray) -> tuple[float, float]:
    """``f(point)`` as a float, and the `precision_of` what ``f`` returned.

    ``f`` gets its own copy of ``point``. Raises ``ValueError`` unless ``f``
    returns a single real number (an array of size 1 counts as one).

    Examples
    --------
    >>> value_and_precision(lambda w: w[0] * w[1], np.array([2.0, 3.0]))
    (6.0, 2.220446049250313e-16)
    >>> value_and_precision(lambda w: w * 2, np.array([2.0, 3.0]))
    Traceback (most recent call last):
        ...
    ValueError: f must return a single number (a scalar function of w), got an array of shape (2,)
    """
    returned = f(own_copy(point))
    value = returned_reals(returned, "f must return a real number")
    if value.size != 1:
        raise ValueError(
            f"f must return a single number (a scalar function of w), got an array of shape {value.shape}"
        )
    return float(value.reshape(())), precision_of(returned)


def scalar_value(f, point: np.ndarray) -> float:
    """``f(point)`` as a float, checked as in `value_and_precision`.

    Examples
    --------
    >>> scalar_value(lambda w: np.sum(w**2), np.array([3.0, 4.0]))
    25.0
    """
    return value_and_precision(f, point)[0]


def as_real_scalar(w, name: str = "w") -> float:
    """Return ``w`` as a finite Python float; raise naming ``name`` otherwise.

    Examples
    --------
    >>> as_real_scalar(2)
    2.0
    >>> as_real_scalar([1.0, 2.0], "w0")
    Traceback (most recent call last):
        ...
    ValueError: w0 must be a single number, got an array of shape (2,)
    """
    array = as_real_array(w, name)
    if array.ndim != 0:
        raise ValueError(f"{name} must be a single number, got an array of shape {array.shape}")
    return float(array)


def check_positive(value, name: str, *, allow_array: bool = False):
    """Return ``value`` (a float, or an array if allowed) if positive, finite and real.

    Real numbers as in the module notes: ints, floats, Fractions, NumPy
    scalars; not bools, strings or Decimals.

    Examples
    --------
    >>> check_positive(1e-3, "h")
    0.001
    >>> check_positive(float("inf"), "lr")
    Traceback (most recent call last):
        ...
    ValueError: lr must be a positive, finite real number, got inf
    >>> check_positive(True, "h")
    Traceback (most recent call last):
        ...
    ValueError: h must be a positive, finite real number, got bool True
    """
    plain = isinstance(value, (float, int, np.ndarray, np.number)) and not isinstance(value, (bool, np.bool_))
    shown = _short(value) if plain else f"{type(value).__name__} {_short(value)}"
    message = f"{name} must be a positive, finite real number, got {shown}"
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(message)
    try:
        array = as_float_array(value, name)
    except (TypeError, ValueError):
        raise ValueError(message) from None
    if (array.ndim != 0 and not allow_array) or array.size == 0:
        raise ValueError(message)
    if not (np.all(np.isfinite(array)) and np.all(array > 0)):
        raise ValueError(message)
    return float(array) if array.ndim == 0 else array.copy()


def check_count(value, name: str) -> int:
    """Return ``value`` as an int if it is a whole number ``>= 0``.

    Examples
    --------
    >>> check_count(3, "steps")
    3
    >>> check_count(2.5, "steps")
    Traceback (most recent call last):
        ...
    ValueError: steps must be a whole number >= 0, got 2.5
    """
    message = f"{name} must be a whole number >= 0, got {_short(value)}"
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(message)
    try:
        count = operator.index(value)
    except TypeError:
        raise ValueError(message) from None
    if count < 0:
        raise ValueError(message)
    return count


def check_choice(value, name: str, choices) -> str:
    """Return ``value`` if it is one of ``choices``; the error lists them.

    Examples
    --------
    >>> check_choice("central", "method", ("forward", "central"))
    'central'
    >>> check_choice("midpoint", "method", ("forward", "central"))
    Traceback (most recent call last):
        ...
    ValueError: method must be one of 'forward', 'central'; got 'midpoint'
    """
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(repr(choice) for choice in choices)
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value


def is_real_number(value) -> bool:
    """Whether ``value`` is a real number (not a bool), e.g. for optional arguments."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _short(value, limit: int = 60) -> str:
    """A short, readable rendering of ``value`` for error messages."""
    if isinstance(value, np.ndarray) and value.size > 6:
        return f"an array of shape {value.shape}"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
