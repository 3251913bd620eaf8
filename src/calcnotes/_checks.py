"""Argument checks shared by the mathematical modules.

Every public function validates its arguments up front with these helpers, so
a mistake is reported early, by the name of the argument that caused it:

Examples
--------
>>> from calcnotes._checks import check_positive
>>> check_positive(-1.0, "h")
Traceback (most recent call last):
    ...
ValueError: h must be a positive, finite real number, got -1.0
"""

from __future__ import annotations

import numbers
import operator

import numpy as np


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
    """
    array = as_float_array(w, name)
    if array.size == 0:
        raise ValueError(f"{name} must not be empty")
    # One cheap reduction finds any inf or nan; only then look element by element.
    if not np.isfinite(array.sum()) and not np.isfinite(array).all():
        raise ValueError(f"{name} must be finite, got {_short(w)}")
    return array


def as_float_array(w, name: str = "w", *, bools: bool = False) -> np.ndarray:
    """Return real ``w`` as a float64 array (0-d for a scalar); NaN and inf pass.

    For values that may be empty or non-finite, such as the points where a
    line is evaluated. Raises ``TypeError`` for non-numeric input (``None``,
    strings; also bools unless ``bools=True``) and ``ValueError`` for complex
    input, naming the argument.

    Examples
    --------
    >>> as_float_array([1, float("inf")])
    array([ 1., inf])
    >>> as_float_array(None, "v")
    Traceback (most recent call last):
        ...
    TypeError: v must be a real number or an array of real numbers, got NoneType None
    """
    try:
        array = np.asarray(w)
    except Exception as error:  # ragged lists and the like
        raise TypeError(f"{name} must be a real number or an array of real numbers: {error}") from None
    if array.dtype.kind == "c":
        raise ValueError(f"{name} must be real, got complex {_short(w)}")
    if array.dtype.kind == "O":  # e.g. None, or a list mixing numbers and other things
        if not all(is_real_number(item) or (bools and isinstance(item, (bool, np.bool_))) for item in array.flat):
            raise TypeError(_not_real(w, name))
        array = array.astype(float)
    if array.dtype.kind not in ("biuf" if bools else "iuf"):
        raise TypeError(_not_real(w, name))
    return array.astype(float, copy=False)


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

    Examples
    --------
    >>> check_positive(1e-3, "h")
    0.001
    >>> check_positive(float("inf"), "lr")
    Traceback (most recent call last):
        ...
    ValueError: lr must be a positive, finite real number, got inf
    """
    message = f"{name} must be a positive, finite real number, got {_short(value)}"
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(message)
    try:
        array = np.asarray(value)
    except Exception:
        raise ValueError(message) from None
    if array.dtype.kind not in "iuf" or (array.ndim != 0 and not allow_array) or array.size == 0:
        raise ValueError(message)
    array = array.astype(float)
    if not (np.all(np.isfinite(array)) and np.all(array > 0)):
        raise ValueError(message)
    return float(array) if array.ndim == 0 else array


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
