"""Reverse-mode automatic differentiation: the chain rule, mechanised.

`grad` calls ``f`` on a traced input, a `Node`. Every operation
on a node computes its value, as NumPy would, and records a new node that
remembers its inputs and, right beside the value, its *local derivative*: how
to turn the gradient arriving at the result into gradients for the inputs
(one vector-Jacobian product). `Node.backward` then visits the nodes
from the output back to the input, in topological order, applying the chain
rule once per node. A node holds a whole NumPy array, so ``np.sin(w)`` on a
vector of 10 000 numbers is one node, not 10 000.

``f`` is written as a reader would write it, with operators (``+ - * / **
@``), indexing (``w[0]``, ``w[:, 1]``), ``.sum()``, ``.mean()``, ``.T``, the
NumPy functions listed in `SUPPORTED` (``np.sin(w)`` works) or the
functions of this module, which also work on plain numbers and arrays. Where
a function has no derivative, grad picks one: ``relu`` and ``abs`` have slope
0 at 0, and ``np.maximum``/``np.minimum`` give each input half the gradient
at a tie (so ``np.maximum(w, 0)`` has slope 1/2 at 0).

Examples
--------
>>> import numpy as np
>>> from calcnotes import grad
>>> g = grad(lambda w: np.sin(w[0]) + w[1] ** 2)
>>> g(np.array([0.0, 3.0]))
array([1., 6.])
"""

from __future__ import annotations

import numpy as np

from calcnotes._checks import _short, as_float_array, as_real_array, check_callable

__all__ = [
    "Node", "SUPPORTED", "cos", "exp", "grad", "log", "relu", "sigmoid", "sin", "sqrt", "tanh",
]


class Node:
    """A value in a traced computation, and the way back to its inputs.

    ``value`` is a NumPy array (0-d for a number); ``grad`` is filled in by
    `backward` with the derivative of the output with respect to it.
    ``parents`` pairs each input node with its local derivative: a function
    taking the gradient of the output with respect to this node and
    returning the part that flows to that input.

    Examples
    --------
    >>> w = Node(3.0)
    >>> y = w * w + 2 * w
    >>> y.backward()
    >>> float(w.grad)  # d(w² + 2w)/dw = 2w + 2
    8.0
    """

    __slots__ = ("value", "grad", "parents")

    def __init__(self, value, parents=()):
        self.value = np.asarray(value, dtype=float)
        self.grad = None
        # Only traced inputs need gradients; constants are left out.
        self.parents = tuple((node, local) for node, local in parents if isinstance(node, Node))

    def backward(self) -> None:
        """Fill in ``grad`` of every node this one depends on (the chain rule).

        Visits the nodes from this one back to the inputs, each after every
        node that uses it, and hands each input its share of the gradient.
        Gradients are reset first, so calling it again gives the same result.
        """
        order = self._topological_order()
        for node in order:
            node.grad = None
        self.grad = np.ones_like(self.value)
        with np.errstate(all="ignore"):  # e.g. 1/w at w = 0 in a local derivative
            for node in reversed(order):
                for parent, local in node.parents:
                    share = _unbroadcast(local(node.grad), parent.value.shape)
                    parent.grad = share if parent.grad is None else parent.grad + share

    def _topological_order(self) -> list[Node]:
        """Nodes this one depends on, each listed after all of its inputs."""
        order, visited, stack = [], set(), [(self, False)]
        while stack:  # depth-first, without recursion (graphs can be deep)
            node, inputs_done = stack.pop()
            if inputs_done:
                order.append(node)
            elif id(node) not in visited:
                visited.add(id(node))
                stack.append((node, True))
                stack.extend((parent, False) for parent, _ in node.parents)
        return order

    # ----- array-like attributes ------------------------------------------
    shape = property(lambda self: self.value.shape)
    ndim = property(lambda self: self.value.ndim)
    size = property(lambda self: self.value.size)

    def __len__(self) -> int:
        return len(self.value)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __bool__(self) -> bool:
        return bool(self.value)

    def __repr__(self) -> str:
        return f"Node(value={self.value!r}, grad={self.grad!r})"

    def __array__(self, dtype=None, copy=None):
        raise TypeError(
            "a traced value cannot become a plain NumPy array (that would cut the chain "
            "rule); write f with operators and the functions in calcnotes.autodiff.SUPPORTED"
        )

    # ----- operators: each forwards to a function below --------------------
    def __add__(self, other):
        return _add(self, other)

    def __radd__(self, other):
        return _add(other, self)

    def __sub__(self, other):
        return _subtract(self, other)

    def __rsub__(self, other):
        return _subtract(other, self)

    def __mul__(self, other):
        return _multiply(self, other)

    def __rmul__(self, other):
        return _multiply(other, self)

    def __truediv__(self, other):
        return _divide(self, other)

    def __rtruediv__(self, other):
        return _divide(other, self)

    def __pow__(self, other):
        return _power(self, other)

    def __rpow__(self, other):
        return _power(other, self)

    def __matmul__(self, other):
        return _matmul(self, other)

    def __rmatmul__(self, other):
        return _matmul(other, self)

    def __neg__(self):
        return _negative(self)

    def __pos__(self):
        return self

    def __abs__(self):
        return _absolute(self)

    def __getitem__(self, index):
        return _getitem(self, index)

    # Comparisons compare values (no derivative), so `w if w > 0 else 0` works.
    def __lt__(self, other):
        return self.value < _value(other)

    def __le__(self, other):
        return self.value <= _value(other)

    def __gt__(self, other):
        return self.value > _value(other)

    def __ge__(self, other):
        return self.value >= _value(other)

    def __eq__(self, other):
        return self.value == _value(other)

    def __ne__(self, other):
        return self.value != _value(other)

    __hash__ = object.__hash__

    def sum(self, axis=None, keepdims=False):
        return _sum(self, axis=axis, keepdims=keepdims)

    def mean(self, axis=None, keepdims=False):
        return _mean(self, axis=axis, keepdims=keepdims)

    def reshape(self, *shape):
        return _reshape(self, shape[0] if len(shape) == 1 else shape)

    def transpose(self, *axes):
        if len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
            axes = axes[0]  # w.transpose((1, 0)), as for NumPy arrays
        return _transpose(self, tuple(axes) if axes else None)

    @property
    def T(self):
        return _transpose(self, None)

    # ----- NumPy dispatch: np.sin(node), array @ node, np.sum(node) ---------
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        function = _UFUNCS.get(ufunc)
        if function is None or method != "__call__" or kwargs:
            name = f"np.{ufunc.__name__}" + ("" if method == "__call__" else f".{method}")
            raise TypeError(_unsupported(name))
        return function(*inputs)

    def __array_function__(self, func, types, args, kwargs):
        function = _FUNCTIONS.get(func)
        if function is None:
            raise TypeError(_unsupported(f"np.{func.__name__}"))
        return function(*args, **kwargs)


def _value(x):
    """The plain value of a node or a constant (a real number or array; not None)."""
    return x.value if isinstance(x, Node) else as_float_array(x, "a constant in f", bools=True)


def _unbroadcast(gradient, shape) -> np.ndarray:
    """Sum ``gradient`` over the axes that broadcasting added or stretched."""
    gradient = np.asarray(gradient, dtype=float)
    if gradient.shape == shape:
        return gradient
    gradient = gradient.sum(axis=tuple(range(gradient.ndim - len(shape))))
    stretched = tuple(axis for axis, n in enumerate(shape) if n == 1 and gradient.shape[axis] != 1)
    return gradient.sum(axis=stretched, keepdims=True).reshape(shape)


# ----- arithmetic: the value, and beside it the local derivatives ---------------


def _add(a, b):
    return Node(_value(a) + _value(b), [(a, lambda g: g), (b, lambda g: g)])


def _subtract(a, b):
    return Node(_value(a) - _value(b), [(a, lambda g: g), (b, lambda g: -g)])


def _multiply(a, b):
    return Node(_value(a) * _value(b), [(a, lambda g: g * _value(b)), (b, lambda g: g * _value(a))])


def _divide(a, b):
    quotient = _value(a) / _value(b)
    return Node(quotient, [(a, lambda g: g / _value(b)), (b, lambda g: -g * quotient / _value(b))])


def _power(a, b):
    base, exponent = _value(a), _value(b)
    result = base**exponent
    return Node(
        result,
        [
            # d(a^b)/da = b a^(b-1), and 0 for b = 0 (a^0 = 1), also at a = 0
            (a, lambda g: g * np.where(exponent == 0, 0.0, exponent * base ** (exponent - 1))),
            # d(a^b)/db = a^b log a; at a = 0 the limit 0 for b > 0, none for b <= 0
            (b, lambda g: g * np.where(
                base == 0, np.where(exponent > 0, 0.0, np.nan), result * np.log(np.where(base == 0, 1, base))
            )),
        ],
    )


def _negative(a):
    return Node(-_value(a), [(a, lambda g: -g)])


def _absolute(a):
    return Node(np.abs(_value(a)), [(a, lambda g: g * np.sign(_value(a)))])


def _maximum(a, b):
    """Elementwise maximum; at a tie each input gets half of the gradient."""
    x, y = _value(a), _value(b)
    return Node(np.maximum(x, y), [(a, lambda g: g * _share(x, y)), (b, lambda g: g * _share(y, x))])


def _minimum(a, b):
    """Elementwise minimum; at a tie each input gets half of the gradient."""
    x, y = _value(a), _value(b)
    return Node(np.minimum(x, y), [(a, lambda g: g * _share(y, x)), (b, lambda g: g * _share(x, y))])


def _share(winner, other):
    return np.where(winner > other, 1.0, np.where(winner == other, 0.5, 0.0))


def _matmul(a, b):
    x, y = _value(a), _value(b)
    if x.ndim == 0 or y.ndim == 0:
        raise ValueError("matmul: operands must be arrays, not numbers (use * for numbers)")
    # d(x @ y) sends g @ yᵀ to x and xᵀ @ g to y
    return Node(
        x @ y, [(a, lambda g: _matmul_left(g, y, x.ndim)), (b, lambda g: _matmul_right(x, g, y.ndim))]
    )


# A vector operand of @ acts as a one-row (on the left) or one-column (on the
# right) matrix. The gradients are computed for those matrices; the axis that
# @ dropped is restored on the gradient g first, and dropped again at the end.


def _as_matrix_gradient(g, x_ndim, y_ndim):
    g = np.asarray(g)
    if y_ndim == 1:
        g = g[..., np.newaxis]
    if x_ndim == 1:
        g = g[..., np.newaxis, :]
    return g


def _matmul_left(g, y, x_ndim):
    """``g @ yᵀ``: the gradient of ``x @ y`` for ``x``."""
    y_matrix = y[:, np.newaxis] if y.ndim == 1 else y
    gradient = _as_matrix_gradient(g, x_ndim, y.ndim) @ np.swapaxes(y_matrix, -1, -2)
    return gradient[..., 0, :] if x_ndim == 1 else gradient


def _matmul_right(x, g, y_ndim):
    """``xᵀ @ g``: the gradient of ``x @ y`` for ``y``."""
    x_matrix = x[np.newaxis, :] if x.ndim == 1 else x
    gradient = np.swapaxes(x_matrix, -1, -2) @ _as_matrix_gradient(g, x.ndim, y_ndim)
    return gradient[..., :, 0] if y_ndim == 1 else gradient


def _dot(a, b):
    if _value(a).ndim == 0 or _value(b).ndim == 0:
        return _multiply(a, b)
    return _matmul(a, b)


# ----- shapes and reductions ------------------------------------------------------


def _getitem(a, index):
    basic = all(
        isinstance(i, (int, np.integer, slice)) or i is None or i is Ellipsis
        for i in (index if isinstance(index, tuple) else (index,))
    )

    def local(g):
        full = np.zeros_like(a.value)
        if basic:  # each element picked at most once
            full[index] += g
        else:  # w[[0, 0]]: an element picked twice gets both shares
            np.add.at(full, index, g)
        return full

    return Node(a.value[index], [(a, local)])


def _sum(a, axis=None, keepdims=False, **unsupported):
    _no_options("np.sum", unsupported)
    x = _value(a)

    def local(g):
        if axis is not None and not keepdims:
            g = np.expand_dims(g, axis)
        return np.broadcast_to(g, x.shape)

    return Node(x.sum(axis=axis, keepdims=keepdims), [(a, local)])


def _mean(a, axis=None, keepdims=False, **unsupported):
    _no_options("np.mean", unsupported)
    x = _value(a)
    count = x.size // np.asarray(x.sum(axis=axis, keepdims=keepdims)).size
    return _divide(_sum(a, axis=axis, keepdims=keepdims), count)


def _reshape(a, shape, **unsupported):
    _no_options("np.reshape", unsupported)
    x = _value(a)
    return Node(x.reshape(shape), [(a, lambda g: np.reshape(g, x.shape))])


def _transpose(a, axes=None):
    x = _value(a)
    y = np.transpose(x, axes)  # NumPy checks the axes
    inverse = None if axes is None else np.argsort([axis % x.ndim for axis in axes])  # (-1, 0) is (1, 0)
    return Node(y, [(a, lambda g: np.transpose(g, inverse))])


def _no_options(name, options):
    if options:
        raise TypeError(f"{name} on traced values does not support {', '.join(sorted(options))}")


# ----- the functions of one variable: value, and beside it the derivative ---------


def _elementwise(w, forward, slope):
    """``forward(w)``; on a Node, also its local derivative ``g * slope(x, y)``.

    ``slope(x, y)`` is the derivative at ``x``, given also ``y = forward(x)``.
    Plain numbers and arrays simply get ``forward``, a plain NumPy result.
    """
    if not isinstance(w, Node):
        return forward(as_float_array(w, "w", bools=True))
    y = forward(w.value)
    return Node(y, [(w, lambda g: g * slope(w.value, y))])


def sin(w):
    """Sine; derivative ``cos w``.

    Examples
    --------
    >>> float(sin(0.0)), grad(sin)(0.0)
    (0.0, 1.0)
    """
    return _elementwise(w, np.sin, lambda x, y: np.cos(x))


def cos(w):
    """Cosine; derivative ``-sin w``.

    Examples
    --------
    >>> float(cos(0.0)), grad(cos)(np.pi / 2)
    (1.0, -1.0)
    """
    return _elementwise(w, np.cos, lambda x, y: -np.sin(x))


def exp(w):
    """Exponential; derivative ``e^w``, the value itself.

    Examples
    --------
    >>> round(grad(exp)(1.0), 6)
    2.718282
    """
    return _elementwise(w, np.exp, lambda x, y: y)


def log(w):
    """Natural logarithm; derivative ``1/w``.

    Examples
    --------
    >>> grad(log)(4.0)
    0.25
    """
    return _elementwise(w, np.log, lambda x, y: 1 / (x + 0.0))  # + 0.0: -0.0 is 0, slope +inf


def tanh(w):
    """Hyperbolic tangent; derivative ``1 - tanh² w``.

    Examples
    --------
    >>> grad(tanh)(0.0)
    1.0
    """
    return _elementwise(w, np.tanh, lambda x, y: 1 - y**2)


def sigmoid(w):
    """Logistic sigmoid ``σ(w) = 1 / (1 + e^-w)``; derivative ``σ(w)(1 - σ(w))``.

    Computed without overflow for large ``|w|`` (``sigmoid(-1000)`` is 0,
    with no warning).

    Examples
    --------
    >>> float(sigmoid(0.0)), grad(sigmoid)(0.0)
    (0.5, 0.25)
    """
    return _elementwise(w, _stable_sigmoid, lambda x, y: y * (1 - y))


def _stable_sigmoid(x):
    """``1 / (1 + e^-x)``, as ``e^x / (1 + e^x)`` for negative ``x`` (no overflow)."""
    exp_minus_abs = np.exp(-np.abs(x))
    # [()]: a number gives a NumPy float, like np.exp (np.where would give a 0-d array)
    return np.where(x >= 0, 1 / (1 + exp_minus_abs), exp_minus_abs / (1 + exp_minus_abs))[()]


def relu(w):
    """Rectifier ``max(w, 0)``; derivative 1 for ``w > 0`` and 0 for ``w <= 0``.

    At 0 relu has no derivative (left slope 0, right slope 1); like the
    machine-learning libraries, ``grad`` uses 0 there.

    Examples
    --------
    >>> grad(relu)(2.0), grad(relu)(0.0), grad(relu)(-1.0)
    (1.0, 0.0, 0.0)
    """
    return _elementwise(w, lambda x: np.maximum(x, 0.0), lambda x, y: (x > 0).astype(float))


def sqrt(w):
    """Square root; derivative ``1 / (2 sqrt w)``.

    Examples
    --------
    >>> grad(sqrt)(4.0)
    0.25
    """
    return _elementwise(w, np.sqrt, lambda x, y: 0.5 / np.abs(y))  # sqrt(-0.0) is -0.0; slope +inf


# More NumPy functions of one variable that grad understands, as np.tan(w)
_MORE_FUNCTIONS_OF_ONE_VARIABLE = {
    np.tan: lambda w: _elementwise(w, np.tan, lambda x, y: 1 + y**2),
    np.arctan: lambda w: _elementwise(w, np.arctan, lambda x, y: 1 / (1 + x**2)),
    np.sinh: lambda w: _elementwise(w, np.sinh, lambda x, y: np.cosh(x)),
    np.cosh: lambda w: _elementwise(w, np.cosh, lambda x, y: np.sinh(x)),
    np.log1p: lambda w: _elementwise(w, np.log1p, lambda x, y: 1 / (1 + x)),
    np.expm1: lambda w: _elementwise(w, np.expm1, lambda x, y: y + 1),
    np.square: lambda w: _elementwise(w, np.square, lambda x, y: 2 * x),
    np.reciprocal: lambda w: _elementwise(w, np.reciprocal, lambda x, y: -(y**2)),
}

_UFUNCS = {
    np.add: _add,
    np.subtract: _subtract,
    np.multiply: _multiply,
    np.divide: _divide,
    np.power: _power,
    np.negative: _negative,
    np.positive: lambda a: a,
    np.absolute: _absolute,
    np.maximum: _maximum,
    np.minimum: _minimum,
    np.matmul: _matmul,
    np.sin: sin,
    np.cos: cos,
    np.exp: exp,
    np.log: log,
    np.tanh: tanh,
    np.sqrt: sqrt,
    **_MORE_FUNCTIONS_OF_ONE_VARIABLE,
}

_FUNCTIONS = {
    np.sum: _sum,
    np.mean: _mean,
    np.dot: _dot,
    np.transpose: _transpose,
    np.reshape: _reshape,
}

#: Names of the NumPy functions that work on traced values.
SUPPORTED = tuple(sorted({f"np.{f.__name__}" for f in (*_UFUNCS, *_FUNCTIONS)}))


def _unsupported(name: str) -> str:
    return (
        f"{name} is not supported on traced values (grad cannot differentiate through it); "
        f"supported: {', '.join(SUPPORTED)}, operators + - * / ** @, indexing, "
        ".sum(), .mean(), .T, .reshape(), and calcnotes.autodiff's "
        "sin, cos, exp, log, tanh, sigmoid, relu, sqrt"
    )


# ----- grad -----------------------------------------------------------------------


def grad(f):
    """The exact gradient of ``f``, by reverse-mode automatic differentiation.

    Returns a function of ``w``: a number ``w`` gives a float, an array ``w``
    an array of its shape. ``f`` must return a single number and be written
    with operators, indexing and the functions in `SUPPORTED` or this
    module (see the module notes). Exact up to floating-point rounding, and
    about as costly as a few evaluations of ``f``.

    Raises ``TypeError`` if ``f`` is not callable (or uses an unsupported
    NumPy function: the message lists the supported ones); the returned
    function raises ``ValueError`` if ``f`` does not return a single number
    or ``w`` is not finite.

    Examples
    --------
    >>> df = grad(lambda w: w**3 - 2 * w)
    >>> df(2.0)
    10.0
    >>> loss = lambda w: np.sum((w - 1) ** 2)
    >>> grad(loss)(np.array([1.0, 3.0]))
    array([0., 4.])
    """
    check_callable(f)

    def gradient_of_f(w):
        point = Node(as_real_array(w, "w"))
        output = f(point)
        if not isinstance(output, Node):  # f does not depend on w (or returned None, a list, ...)
            try:
                size = as_float_array(output, "f", bools=True).size
            except (TypeError, ValueError):
                size = None
            if size != 1:
                raise ValueError(
                    f"f must return a single number, got {type(output).__name__} {_short(output)}"
                )
            return _shaped(np.zeros_like(point.value))
        if output.size != 1:
            raise ValueError(
                f"f must return a single number (a scalar loss), got an array of shape {output.shape}"
            )
        output.backward()
        gradient = np.zeros_like(point.value) if point.grad is None else point.grad
        return _shaped(np.array(gradient, dtype=float))

    gradient_of_f.__doc__ = f"Gradient of {getattr(f, '__name__', 'f')} by reverse-mode autodiff."
    return gradient_of_f


def _shaped(gradient: np.ndarray):
    return float(gradient) if gradient.ndim == 0 else gradient
