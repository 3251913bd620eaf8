"""Functions of several inputs: partial derivatives, gradients, Hessians, tangent planes.

A function of several inputs takes one array ``w`` and reads its coordinates
along the first axis, as a reader would write it::

    f = lambda w: np.sin(w[0]) + w[1] ** 2

``w`` may also be a matrix (``f = lambda X: np.sum(X ** 2)``); the gradient
then has the shape of the matrix. All derivatives here are central finite
differences; `calcnotes.grad` computes exact ones by automatic
differentiation.

Evaluating ``f`` once per perturbed point would be slow in Python, so the
points are first stacked along a new *last* axis and ``f`` is called once on
the whole stack: for ``f`` above, ``w[0]`` is then a row of values and the
result a vector, one value per point. A function that mixes the stacked points
(``np.sum(w)``, ``w @ A @ w``) would be silently wrong that way, so one extra
*probe* point is stacked too and also evaluated on its own; if the two values
disagree, or ``f`` fails or returns the wrong shape on the stack, ``f`` is
called once per point instead (as it is for stacks of more than 4 million
numbers, e.g. a gradient in more than about 1400 dimensions).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calcnotes._checks import as_real_array, check_callable, returned_reals
from calcnotes.differentiation import derivative

__all__ = ["TangentPlane", "directional_derivative", "gradient", "hessian", "partial", "tangent_plane"]

_EPS = np.finfo(float).eps

# Steps relative to max(1, |w_i|): central differences (error h² + eps/h) and
# second differences (error h² + eps/h²) balance at these sizes.
_FIRST_DIFFERENCE_STEP = _EPS ** (1 / 3)  # 6.1e-6
_SECOND_DIFFERENCE_STEP = _EPS ** (1 / 4)  # 1.2e-4

# Largest stack of points (counted in numbers, 32 MB of floats) that is
# evaluated in one batched call; beyond it, f is called point by point.
_BATCH_LIMIT = 2**22


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
    coordinate = float(x.ravel()[flat_index])
    step = _FIRST_DIFFERENCE_STEP * max(1.0, abs(coordinate))
    plus, minus = coordinate + step, coordinate - step
    with np.errstate(all="ignore"):
        rise = _scalar_value(f, _moved(x, flat_index, plus)) - _scalar_value(f, _moved(x, flat_index, minus))
        return float(rise / (plus - minus))


def gradient(f, w):
    """Gradient of ``f`` at ``w``, an array of the shape of ``w``.

    ``∇f(w) = (∂f/∂w_0, ∂f/∂w_1, ...)`` by central differences, all ``2n``
    points in one batched call of ``f`` when ``f`` allows it (see the module
    notes). A number ``w`` gives the ordinary derivative, as a float.

    Raises ``ValueError`` if ``w`` is not finite or ``f`` does not return a
    single number; ``TypeError`` if ``f`` is not callable.

    Examples
    --------
    >>> f = lambda w: np.sin(w[0]) + w[1] ** 2
    >>> gradient(f, np.array([0.0, 3.0])).round(6)
    array([1., 6.])
    >>> gradient(lambda X: np.sum(X ** 2), np.eye(2)).round(6)
    array([[2., 0.],
           [0., 2.]])
    """
    check_callable(f)
    x = as_real_array(w, "w")
    if x.ndim == 0:
        return derivative(f, x)
    n = x.size
    centre = x.ravel()
    step = _steps(centre, _FIRST_DIFFERENCE_STEP)
    plus, minus = centre + step, centre - step
    # point 2k moves coordinate k to plus[k], point 2k+1 to minus[k]
    coordinate = np.repeat(np.arange(n), 2)
    value = np.column_stack([plus, minus]).ravel()
    with np.errstate(all="ignore"):
        values = _values_at(f, x, coordinate, value, np.arange(2 * n), probe=_probe(centre, step))
        rise = values[0::2] - values[1::2]
        return (rise / (plus - minus)).reshape(x.shape)


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
    step = _FIRST_DIFFERENCE_STEP * max(1.0, float(np.max(np.abs(x))))
    return derivative(lambda t: _scalar_value(f, x + t * unit), 0.0, h=step)


def hessian(f, w) -> np.ndarray:
    """Matrix of second partial derivatives of ``f`` at ``w``, symmetric ``n × n``.

    ``H_ij = ∂²f/∂w_i∂w_j`` by second differences with step ``eps**(1/4)``
    (times ``max(1, |w_i|)``); a number ``w`` gives a ``1 × 1`` matrix, and a
    matrix ``w`` is flattened in row-major order (``n = w.size``).

    Raises ``ValueError`` if ``w`` is not finite or ``f`` does not return a
    single number.

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
        return hessian(lambda point: f(point[0]), x.reshape(1))
    n = x.size
    centre = x.ravel()
    step = _steps(centre, _SECOND_DIFFERENCE_STEP)
    plus, minus = centre + step, centre - step
    # Points: 0 is w itself; 1 + 2k and 2 + 2k move coordinate k to plus[k]
    # and minus[k]; then four points per pair k < l move both coordinates.
    pairs = [(k, l) for k in range(n) for l in range(k + 1, n)]
    coordinate, value, column = [], [], []
    for k in range(n):
        coordinate += [k, k]
        value += [plus[k], minus[k]]
        column += [1 + 2 * k, 2 + 2 * k]
    first_pair_column = 1 + 2 * n
    for p, (k, l) in enumerate(pairs):
        for q, (value_k, value_l) in enumerate(
            [(plus[k], plus[l]), (plus[k], minus[l]), (minus[k], plus[l]), (minus[k], minus[l])]
        ):
            coordinate += [k, l]
            value += [value_k, value_l]
            column += [first_pair_column + 4 * p + q] * 2
    with np.errstate(all="ignore"):
        values = _values_at(
            f, x, np.array(coordinate, dtype=int), np.array(value), np.array(column, dtype=int),
            probe=_probe(centre, step), count=first_pair_column + 4 * len(pairs),
        )
        matrix = np.empty((n, n))
        f_centre, f_plus, f_minus = values[0], values[1 : 1 + 2 * n : 2], values[2 : 2 + 2 * n : 2]
        right, left = plus - centre, centre - minus  # the steps actually taken
        # second difference for unequal steps: 2 (slope right - slope left) / (right + left)
        matrix[np.diag_indices(n)] = (
            2 * ((f_plus - f_centre) / right - (f_centre - f_minus) / left) / (right + left)
        )
        for p, (k, l) in enumerate(pairs):
            f_pp, f_pm, f_mp, f_mm = values[first_pair_column + 4 * p : first_pair_column + 4 * p + 4]
            mixed = (f_pp - f_pm - f_mp + f_mm) / ((plus[k] - minus[k]) * (plus[l] - minus[l]))
            matrix[k, l] = matrix[l, k] = mixed
    return matrix


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
        value = _scalar_value(f, x0)
    slope = gradient(f, x0)
    return TangentPlane(point=x0.copy(), value=value, gradient=np.asarray(slope, dtype=float))


def _vector(array: np.ndarray) -> str:
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


def _steps(centre: np.ndarray, relative_step: float) -> np.ndarray:
    return relative_step * np.maximum(1.0, np.abs(centre))


def _probe(centre: np.ndarray, step: np.ndarray) -> np.ndarray:
    """A point near ``centre`` moved by a different amount in every coordinate.

    The stacked points lie symmetrically around ``centre``, so a function
    that averages over the stack would still be right at ``centre``; the
    probe is chosen to be far from that average.
    """
    signs = np.where(np.arange(centre.size) % 2 == 0, 1.0, -1.0)
    return centre + step * signs * np.linspace(0.5, 1.0, centre.size)


def _moved(x: np.ndarray, flat_index: int, value: float) -> np.ndarray:
    point = x.copy()
    point.ravel()[flat_index] = value
    return point


def _scalar_value(f, point) -> float:
    value = returned_reals(f(point), "f must return a real number")
    if value.size != 1:
        raise ValueError(
            f"f must return a single number (a scalar function of w), got an array of shape {value.shape}"
        )
    return float(value.reshape(()))


def _values_at(f, x, coordinate, value, column, *, probe, count=None) -> np.ndarray:
    """``f`` at ``count`` points near ``x``.

    Point ``k`` is ``x`` with ``x.ravel()[coordinate[j]] = value[j]`` for every
    ``j`` with ``column[j] == k`` (``column`` sorted); points not mentioned are
    ``x`` itself. Batched as described in the module notes.
    """
    count = int(column[-1]) + 1 if count is None else count
    if x.size * (count + 1) <= _BATCH_LIMIT:
        stack = np.repeat(x.reshape(-1, 1), count + 1, axis=1)
        stack[coordinate, column] = value
        stack[:, -1] = probe
        values = _batched_values(f, stack.reshape(x.shape + (count + 1,)), probe.reshape(x.shape))
        if values is not None:
            return values[:-1]
    values = np.empty(count)
    bounds = np.searchsorted(column, np.arange(count + 1))
    for k in range(count):
        point = x.ravel().copy()
        moved = slice(bounds[k], bounds[k + 1])
        point[coordinate[moved]] = value[moved]
        values[k] = _scalar_value(f, point.reshape(x.shape))
    return values


def _batched_values(f, stack: np.ndarray, probe: np.ndarray):
    """``f`` on the whole ``stack`` if that gives one value per point, else ``None``."""
    try:
        values = np.asarray(f(stack))
        if values.shape != stack.shape[-1:] or values.dtype.kind not in "biuf":
            return None
        alone = _scalar_value(f, probe)
    except Exception:  # f cannot take a stack; it is called point by point instead
        return None
    # Equal up to rounding (a vectorised sin may differ from a scalar one in
    # the last bit); mixing the stack changes values by far more.
    agree = abs(values[-1] - alone) <= 16 * _EPS * abs(alone) or (np.isnan(values[-1]) and np.isnan(alone))
    return values.astype(float) if agree else None
