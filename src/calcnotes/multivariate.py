"""Functions of several inputs: partial derivatives, gradients, Hessians, tangent planes.

A function of several inputs takes one array ``w`` and reads its coordinates
along the first axis, as a reader would write it::

    f = lambda w: np.sin(w[0]) + w[1] ** 2

``w`` may also be a matrix (``f = lambda X: np.sum(X ** 2)``); the gradient
then has the shape of the matrix. All derivatives here are central finite
differences; `calcnotes.grad` computes exact ones by automatic
differentiation.

``f`` is called once per point of the stencil, on a point of the shape of
``w`` that is its own (``f`` may change it in place), and must return a single
number. Stacking the points into one call would be faster, but it is only
right for an ``f`` that treats every point of the stack on its own, and no
test can prove that of an arbitrary ``f``: ``np.max(w)``, ``np.sort``,
``np.linalg.norm(w)``, ``w.sum()`` and ``w @ A @ w`` all mix the stack,
some of them only for some points. So a gradient costs ``2n + 1`` calls of
``f`` and a Hessian ``2n² + 1``; `calcnotes.grad` costs a few evaluations
of ``f`` whatever ``n``.

The first call, at ``w`` itself, also tells the precision ``f`` computes in:
steps are ``eps**(1/3)`` (first differences) and ``eps**(1/4)`` (second
differences) times ``max(1, |w_i|)``, with ``eps`` of float64, or of
float32 if ``f`` returns float32 values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from calcnotes._checks import (
    as_real_array,
    check_callable,
    check_positive,
    scalar_value,
    value_and_precision,
)
from calcnotes.differentiation import derivative

__all__ = ["TangentPlane", "directional_derivative", "gradient", "hessian", "partial", "tangent_plane"]


def difference_steps(x: np.ndarray, order: int, eps: float, h=None) -> np.ndarray:
    """Per-coordinate steps for first (``order=1``) or second differences at ``x``.

    ``h`` if given (as checked by `checked_steps`), else ``eps**(1/3)`` or
    ``eps**(1/4)`` times ``max(1, |x_i|)``: where the truncation error
    (``~h²``) meets the round-off (``~eps/h`` for a first difference,
    ``~eps/h²`` for a second one). Returns a flat array.

    Examples
    --------
    >>> difference_steps(np.array([0.5, -100.0]), 1, np.finfo(float).eps)
    array([6.05545445e-06, 6.05545445e-04])
    """
    if h is not None:
        return np.broadcast_to(h, x.shape).ravel().copy()
    return eps ** (1 / (order + 2)) * np.maximum(1.0, np.abs(x.ravel()))


def checked_steps(h, x: np.ndarray):
    """``h`` as one positive step (a float) or an array of the shape of ``x``; ``None`` stays ``None``.

    Examples
    --------
    >>> checked_steps([1e-3, 1e-4], np.zeros(2))
    array([0.001 , 0.0001])
    >>> checked_steps(1e-3, np.zeros((2, 2)))
    0.001
    """
    if h is None:
        return None
    steps = check_positive(h, "h", allow_array=True)
    if np.ndim(steps) != 0 and np.shape(steps) != x.shape:
        raise ValueError(f"h must be a number or an array of the shape of w, {x.shape}; got {np.shape(steps)}")
    return steps


def partial(f, w, i):
    """Partial derivative of ``f`` at ``w`` along coordinate ``i``.

    ``∂f/∂w_i ≈ (f(w + h e_i) - f(w - h e_i)) / 2h``: only ``w_i`` moves.
    ``i`` is an int for a vector ``w`` and a tuple such as ``(0, 1)`` for a
    matrix; negative indices count from the end, as in NumPy.

    Raises ``IndexError`` if ``i`` is not an index of ``w``, ``ValueError`` if
    ``w`` is not finite or ``f`` does not return a single number.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 * w[1]
    >>> round(partial(f, np.array([3.0, 2.0]), 0), 6)
    12.0
    >>> round(partial(f, np.array([3.0, 2.0]), 1), 6)
    9.0
    """
    check_callable(f)
    x = as_real_array(w, "w")
    if x.ndim == 0:  # one input: f'(w)
        if not ((_is_int(i) and i == 0) or (isinstance(i, tuple) and i == ())):
            raise IndexError(f"i must be 0 for a number w (it has one coordinate), got {i!r}")
        return derivative(f, x)
    flat_index = _flat_index(i, x.shape)
    _, eps = value_and_precision(f, x)
    step = difference_steps(x, 1, eps)[flat_index]
    return float(central_differences(f, x, np.full(x.size, step), [flat_index])[0])


def gradient(f, w, *, h=None):
    """Gradient of ``f`` at ``w``, an array of the shape of ``w``.

    ``∇f(w) = (∂f/∂w_0, ∂f/∂w_1, ...)`` by central differences, one call of
    ``f`` per point (see the module notes), with step ``h`` if given (a number,
    or one step per coordinate in an array of the shape of ``w``). A number
    ``w`` gives the ordinary derivative, as a float.

    Raises ``ValueError`` if ``w`` is not finite, ``h`` is not positive, or
    ``f`` does not return a single number; ``TypeError`` if ``f`` is not
    callable.

    Examples
    --------
    >>> f = lambda w: np.sin(w[0]) + w[1] ** 2
    >>> gradient(f, np.array([0.0, 3.0])).round(6)
    array([1., 6.])
    >>> gradient(lambda X: np.sum(X ** 2), np.eye(2)).round(6)
    array([[2., 0.],
           [0., 2.]])
    >>> f = lambda w: (w[0] - 1) ** 2 + (w[1] + 2) ** 2 + 0.1 * np.max(np.abs(w))
    >>> gradient(f, [0.5, -3.0]).round(6)  # |w_1| is the largest: 0.1 * -1 in the second slot
    array([-1. , -2.1])
    """
    check_callable(f)
    x = as_real_array(w, "w")
    if x.ndim == 0:
        return derivative(f, x, h=h)
    steps = checked_steps(h, x)
    _, eps = value_and_precision(f, x)
    return central_differences(f, x, difference_steps(x, 1, eps, steps)).reshape(x.shape)


def central_differences(f, x: np.ndarray, steps: np.ndarray, coordinates=None) -> np.ndarray:
    """Central differences of ``f`` at ``x`` along the given flat ``coordinates`` (all by default).

    ``(f(x + s_k e_k) - f(x - s_k e_k)) / ((x_k + s_k) - (x_k - s_k))``, one
    call of ``f`` per point, each on its own copy; divided by the distance
    between the points actually used. Returns a flat array.

    Examples
    --------
    >>> central_differences(lambda w: w[0] * w[1], np.array([2.0, 3.0]), np.array([0.5, 0.5]))
    array([3., 2.])
    """
    centre = x.ravel()
    coordinates = range(x.size) if coordinates is None else coordinates
    slopes = np.empty(len(coordinates))
    with np.errstate(all="ignore"):
        for k, index in enumerate(coordinates):
            plus, minus = centre[index] + steps[index], centre[index] - steps[index]
            rise = scalar_value(f, _moved(x, {index: plus})) - scalar_value(f, _moved(x, {index: minus}))
            slopes[k] = rise / (plus - minus)
    return slopes


def directional_derivative(f, w, v) -> float:
    """Rate of change of ``f`` at ``w`` per unit step in the direction of ``v``.

    ``D_v f(w) = ∇f(w) · v / ‖v‖``, computed as the ordinary derivative of
    ``t ↦ f(w + t v/‖v‖)`` at ``t = 0`` (only the direction of ``v`` matters).

    Raises ``ValueError`` if ``v`` is zero or has a different shape from ``w``.

    Examples
    --------
    >>> f = lambda w: w[0] * w[1] + w[2] ** 2
    >>> round(directional_derivative(f, np.array([1.0, 2.0, 3.0]), [2.0, 3.0, -1.0]), 6)
    0.267261
    """
    check_callable(f)
    x = as_real_array(w, "w")
    direction = as_real_array(v, "v")
    if direction.shape != x.shape:
        raise ValueError(f"v must have the shape of w, {x.shape}; got {direction.shape}")
    largest = np.max(np.abs(direction))
    if largest == 0:
        raise ValueError("v must not be zero: the zero vector has no direction")
    # scaled to entries in [-1, 1] first, so that ‖v‖ neither overflows nor underflows
    unit = direction / largest
    unit /= np.linalg.norm(unit)
    _, eps = value_and_precision(f, x)
    step = eps ** (1 / 3) * max(1.0, float(np.max(np.abs(x))))
    with np.errstate(all="ignore"):
        return derivative(lambda t: scalar_value(f, x + t * unit), 0.0, h=step)


class SecondOrder(NamedTuple):
    """What `second_differences` measured at a point ``w``."""

    value: float  #: f(w)
    gradient: np.ndarray  #: central differences, flat
    hessian: np.ndarray  #: second differences, n × n, symmetric
    size: float  #: the largest |f| met on the stencil
    eps: float  #: the precision f returned its values in


def second_differences(f, x: np.ndarray, steps: np.ndarray, centre=None) -> SecondOrder:
    """Value, gradient and Hessian of ``f`` at ``x`` from one stencil, ``2n² + 1`` calls of ``f``.

    ``steps`` holds one step per (flat) coordinate; ``centre`` may pass
    `value_and_precision` at ``x`` if it is known already. Points: ``x``
    itself, ``x ± s_k e_k`` for each ``k``, and ``x ± s_k e_k ± s_l e_l``
    for each pair ``k < l``; every difference is divided by the steps
    actually taken. Also returns the largest ``|f|`` met and ``f``'s
    precision, which bound the round-off (see `calcnotes.classify_critical_point`).

    Examples
    --------
    >>> terms = second_differences(lambda w: w[0] ** 2 * w[1], np.array([1.0, 2.0]), np.full(2, 1e-3))
    >>> terms.value, terms.gradient.round(6), terms.hessian.round(4)
    (2.0, array([4., 1.]), array([[4., 2.],
           [2., 0.]]))
    """
    value, eps = value_and_precision(f, x) if centre is None else centre
    n, centre_flat = x.size, x.ravel()
    with np.errstate(all="ignore"):
        plus, minus = centre_flat + steps, centre_flat - steps
        f_plus = np.array([scalar_value(f, _moved(x, {k: plus[k]})) for k in range(n)])
        f_minus = np.array([scalar_value(f, _moved(x, {k: minus[k]})) for k in range(n)])
        right, left = plus - centre_flat, centre_flat - minus  # the steps actually taken
        slopes = (f_plus - f_minus) / (plus - minus)
        matrix = np.empty((n, n))
        # second difference for unequal steps: 2 (slope right - slope left) / (right + left)
        matrix[np.diag_indices(n)] = 2 * ((f_plus - value) / right - (value - f_minus) / left) / (right + left)
        size = max(abs(value), float(np.max(np.abs(f_plus))), float(np.max(np.abs(f_minus))))
        for k in range(n):
            for l in range(k + 1, n):
                corners = [
                    scalar_value(f, _moved(x, {k: value_k, l: value_l}))
                    for value_k in (plus[k], minus[k]) for value_l in (plus[l], minus[l])
                ]
                f_pp, f_pm, f_mp, f_mm = corners
                size = max(size, *map(abs, corners))
                mixed = (f_pp - f_pm - f_mp + f_mm) / ((plus[k] - minus[k]) * (plus[l] - minus[l]))
                matrix[k, l] = matrix[l, k] = mixed
    return SecondOrder(value=value, gradient=slopes, hessian=matrix, size=size, eps=eps)


def hessian(f, w, *, h=None) -> np.ndarray:
    """Matrix of second partial derivatives of ``f`` at ``w``, symmetric ``n × n``.

    ``H_ij = ∂²f/∂w_i∂w_j`` by second differences with step ``eps**(1/4)``
    (times ``max(1, |w_i|)``), or ``h`` if given (a number, or one step per
    coordinate in an array of the shape of ``w``); a number ``w`` gives a
    ``1 × 1`` matrix, and a matrix ``w`` is flattened in row-major order
    (``n = w.size``). ``f`` is called ``2n² + 1`` times, once per point.

    Raises ``ValueError`` if ``w`` is not finite, ``h`` is not positive, or
    ``f`` does not return a single number.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 * w[1] + 3 * w[1] ** 2
    >>> hessian(f, np.array([1.0, 2.0])).round(4)
    array([[4., 2.],
           [2., 6.]])
    """
    check_callable(f)
    x = as_real_array(w, "w")
    if x.ndim == 0:  # f of one number: the same, with w as a vector of length 1
        return hessian(lambda point: f(point[0]), x.reshape(1), h=h)
    steps = checked_steps(h, x)
    centre = value_and_precision(f, x)
    return second_differences(f, x, difference_steps(x, 2, centre[1], steps), centre).hessian


@dataclass(frozen=True)
class TangentPlane:
    """The first-order Taylor approximation of a function at ``point``.

    ``h(w) = value + gradient · (w - point)``. Call it like the function
    itself: on one point (returns a float) or on points stacked along the
    first axis, e.g. ``h(np.array([W0, W1]))`` for meshgrids ``W0, W1``
    (returns an array of the batch's shape).
    """

    point: np.ndarray
    value: float
    gradient: np.ndarray

    def __call__(self, w):
        points = as_real_array(w, "w")
        shape = self.point.shape
        if points.shape[: len(shape)] != shape:
            raise ValueError(
                f"w must have shape {shape} (one point) or {shape} + batch shape, got {points.shape}"
            )
        with np.errstate(over="ignore", invalid="ignore"):  # far from the point, heights may overflow
            offsets = points - self.point.reshape(shape + (1,) * (points.ndim - len(shape)))
            heights = self.value + np.tensordot(self.gradient, offsets, axes=len(shape))
        return float(heights) if np.ndim(heights) == 0 else heights

    def __str__(self) -> str:
        return (
            f"h(w) = {self.value:.6g} + {_vector(self.gradient)} · (w - {_vector(self.point)})"
        )


def tangent_plane(f, w0) -> TangentPlane:
    """Tangent plane (hyperplane) of ``f`` at ``w0``: the best linear approximation.

    ``h(w) = f(w0) + ∇f(w0) · (w - w0)``, with the gradient from `gradient`.

    Raises ``ValueError`` if ``w0`` is not finite or ``f`` does not return a
    single number.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 + w[1] ** 2
    >>> plane = tangent_plane(f, [1.0, 2.0])
    >>> round(plane([1.1, 2.0]), 6), round(float(f(np.array([1.1, 2.0]))), 6)
    (5.2, 5.21)
    >>> W0, W1 = np.meshgrid([0.0, 1.0], [0.0, 2.0])
    >>> plane(np.array([W0, W1])).round(6)
    array([[-5., -3.],
           [ 3.,  5.]])
    """
    check_callable(f)
    x0 = as_real_array(w0, "w0")
    with np.errstate(all="ignore"):
        value = scalar_value(f, x0)
    slope = gradient(f, x0)
    return TangentPlane(point=x0.copy(), value=value, gradient=np.asarray(slope, dtype=float))


def _vector(array: np.ndarray) -> str:
    if np.ndim(array) == 0:  # a function of one number
        return f"{float(array):.6g}"
    return np.array2string(np.asarray(array), precision=6, separator=", ", suppress_small=True)


def _flat_index(i, shape) -> int:
    """The position in ``w.ravel()`` of the coordinate ``i`` (int or tuple)."""
    index = (i,) if not isinstance(i, tuple) else i
    valid = len(index) == len(shape) and all(_is_int(k) and -n <= k < n for k, n in zip(index, shape))
    if not valid:
        hint = "an int" if len(shape) == 1 else f"a tuple of {len(shape)} ints"
        raise IndexError(f"i must be {hint} indexing w of shape {shape}, got {i!r}")
    return int(np.ravel_multi_index(tuple(k % n for k, n in zip(index, shape)), shape))


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _moved(x: np.ndarray, values: dict) -> np.ndarray:
    """A copy of ``x`` with the flat coordinates in ``values`` set to theirs."""
    point = x.copy()
    flat = point.reshape(-1)
    for index, value in values.items():
        flat[index] = value
    return point
