"""Automatic differentiation: the chain rule, mechanised, backwards and forwards.

`grad` calls ``f`` on a traced input, a `Node`. Every operation on a node
computes its value, as NumPy would, and records a new node that remembers its
inputs and, right beside the value, its *local derivative*: how to turn the
gradient arriving at the result into the gradient for each input (one
vector-Jacobian product, VJP). `Node.backward` then visits the nodes from the
output back to the input, in topological order, applying the chain rule once
per arrow. A node holds a whole NumPy array, so ``np.sin(w)`` on a vector of
10 000 numbers is one node, not 10 000. Chapter 6 (the chain rule and
backpropagation) teaches this part.

Forward mode (`jvp`, chapter 8) carries a *tangent* beside every value
instead, a `Dual` number, and pushes it through each operation with the same
local derivatives (one Jacobian-vector product, JVP), in one pass of ``f``.
`jacobian` uses one mode or the other, `hvp` runs forward mode over reverse
mode, and ``grad(grad(f))`` gives higher derivatives.

How this file is organised, top to bottom:

1. `Node`: a value, its gradient, its parents (each with its local
   derivative) and the name of its operation; then `Node.backward`, the
   topological order and one loop, observable through `BackwardStep`.
2. ``_operation``: how one operation makes a `Node` (reverse mode) or a
   `Dual` (forward mode) from its value and its rules.
3. The operations, each with its value and, beside it, its VJP and JVP
   rules: arithmetic, then the table ``_RULES`` of the functions of one
   variable (`sin`, `cos`, ... are thin wrappers of it), then shapes and
   reductions.
4. `grad`; forward mode (`Dual`, `jvp`); `jacobian`, `hvp`.
5. Plumbing: operators and NumPy dispatch (``np.sin(node)`` works), the
   names in `SUPPORTED`, and the messages for what is not supported.

The pages quote this file by snippet sections (``--8<--
"src/calcnotes/autodiff.py:backward"``): ``node``, ``backward``,
``operation``, ``multiply``, ``rules``, ``grad``, ``dual`` and ``jvp``.

``f`` is written as a reader would write it, with operators (``+ - * / **
@``), indexing (``w[0]``, ``w[:, 1]``), ``.sum()``, ``.mean()``, ``.T``, the
NumPy functions listed in `SUPPORTED` (``np.sin(w)`` works) or the
functions of this module, which also work on plain numbers and arrays. A
vector-valued ``f`` may build its result with ``np.array([...])`` of traced
numbers or with ``np.stack``. Where a function has no derivative, a choice
is made: ``relu`` and ``abs`` have slope 0 at 0, ``np.maximum``/``np.minimum``
give each input half the gradient at a tie (so ``np.maximum(w, 0)`` has
slope 1/2 at 0), and ``np.linalg.norm`` has gradient 0 at 0.

Nested calls (``grad(grad(f))``, ``jvp(grad(f), ...)``) work because every
call of `grad` or `jvp` traces at its own *level*: a value traced by an
outer call is a constant for an inner one, and the inner call's local
derivatives are computed with traced operations, so the outer call can
differentiate them in turn.

Examples
--------
>>> import numpy as np
>>> from calcnotes import grad
>>> g = grad(lambda w: np.sin(w[0]) + w[1] ** 2)
>>> g(np.array([0.0, 3.0]))
array([1., 6.])
>>> grad(grad(np.sin))(np.pi / 2)  # the second derivative, -sin w
-1.0
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from calcnotes._checks import as_float_array, as_real_array, check_callable

__all__ = [
    "BackwardStep", "Dual", "Node", "SUPPORTED", "cos", "exp", "grad", "hvp", "jacobian",
    "jvp", "log", "relu", "sigmoid", "sin", "sqrt", "tanh",
]


# ===== 1. The node, and the backward loop ===========================================

# --8<-- [start:node]
class Node:
    """A value in a traced computation, and the way back to its inputs.

    ``value`` is a NumPy array (0-d for a number); ``grad`` is filled in by
    `backward` with the derivative of the output with respect to it.
    ``parents`` pairs each input node with its local derivative: a function
    taking the gradient of the output with respect to this node and
    returning the share that flows to that input. ``op`` names the
    operation that made the node (``"+"``, ``"*"``, ``"sin"``, ``"@"``,
    ``"sum"``, ...; ``None`` for an input), for pictures of the graph.
    ``level`` tells which call of `grad` (or `jacobian`) traced it; nodes
    made by hand are at level 0 (see the module notes on nesting).

    Examples
    --------
    >>> w = Node(3.0)
    >>> y = w * w + 2 * w
    >>> y.op, [parent.op for parent, _ in y.parents]
    ('+', ['*', '*'])
    >>> y.backward()
    >>> float(w.grad)  # d(w² + 2w)/dw = 2w + 2
    8.0
    """

    __slots__ = ("value", "grad", "parents", "op", "level")

    def __init__(self, value, parents=(), op=None, *, level=0):
        # In a nested grad the value is itself traced (by an outer call).
        self.value = value if isinstance(value, _TRACED) else np.asarray(value, dtype=float)
        self.grad = None
        self.parents = tuple(parents)
        self.op = op
        self.level = level

    # --8<-- [start:backward]
    def backward(self, on_step=None) -> None:
        """Fill in ``grad`` of every node this one depends on (the chain rule).

        Visits the nodes from this one back to the inputs, each after every
        node that uses it, and hands each input its share of the gradient.
        Gradients are reset first, so calling it again gives the same
        result. The gradient of this node is 1 (for an array, all ones: the
        result is the gradient of the sum of its entries).

        Parameters
        ----------
        on_step : callable, optional
            Called as ``on_step(step)`` with a `BackwardStep` once per arrow
            of the graph, in the order the loop visits them, right after the
            share has been added to ``step.parent.grad``.

        Examples
        --------
        >>> a, b = Node(2.0), Node(3.0)
        >>> y = a * b + a
        >>> steps = []
        >>> y.backward(on_step=steps.append)
        >>> [(s.node.op, s.parent.op, float(s.share)) for s in steps]
        [('+', '*', 1.0), ('+', None, 1.0), ('*', None, 3.0), ('*', None, 2.0)]
        >>> float(a.grad), float(b.grad)  # b + 1 and a
        (4.0, 2.0)
        """
        order = self._topological_order()
        for node in order:
            node.grad = None
        self.grad = np.ones(self.shape)
        with np.errstate(all="ignore"):  # e.g. 1/w at w = 0 in a local derivative
            for node in reversed(order):
                for parent, local in node.parents:
                    share = _unbroadcast(local(node.grad), parent.shape)
                    parent.grad = share if parent.grad is None else parent.grad + share
                    if on_step is not None:
                        on_step(BackwardStep(node, parent, share))

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
    # --8<-- [end:backward]

    def __repr__(self) -> str:
        return f"Node(op={self.op!r}, value={self.value!r}, grad={self.grad!r})"
# --8<-- [end:node]


@dataclass(frozen=True)
class BackwardStep:
    """One arrow of the backward pass: ``node`` hands ``share`` to ``parent``.

    Recorded by ``node.backward(on_step=steps.append)``, in the order of the
    loop: the nodes from the output back to the inputs (reverse topological
    order: a node sends only after it has received from every node that
    uses it), and for each node its inputs in the order of the operation's
    arguments, one step per arrow (``a * a`` sends two shares to ``a``).

    Attributes
    ----------
    node : Node
        The node whose gradient flows back (``node.grad`` is complete).
    parent : Node
        The input it flows to; ``parent.grad`` already includes ``share``.
    share : numpy.ndarray
        ``∂output/∂node`` times the local derivative ``∂node/∂parent``,
        summed back to the shape of ``parent`` where broadcasting stretched
        it (a traced value when `grad` is nested).
    """

    node: Node
    parent: Node
    share: Any


def _unbroadcast(gradient, shape):
    """Sum ``gradient`` over the axes that broadcasting added or stretched, back to ``shape``."""
    if _shape(gradient) == shape:
        return gradient
    extra = _ndim(gradient) - len(shape)
    if extra > 0:
        gradient = np.sum(gradient, axis=tuple(range(extra)))
    stretched = tuple(axis for axis, n in enumerate(shape) if n == 1 and _shape(gradient)[axis] != 1)
    if stretched:
        gradient = np.sum(gradient, axis=stretched, keepdims=True)
    return gradient if _shape(gradient) == shape else np.reshape(gradient, shape)


# ===== 2. One operation, in reverse or forward mode ==================================

# --8<-- [start:operation]
def _operation(op, value, args, vjps, jvps):
    """Apply one operation to ``args`` (traced values and constants).

    ``value(*xs)`` computes the result from plain arrays. For the ``i``-th
    argument, ``vjps[i](g, y, *xs)`` is the share of the gradient ``g`` of
    the result ``y`` that goes to it (reverse mode), and ``jvps[i](t, y, *xs)``
    the change of ``y`` when it changes by the tangent ``t`` (forward mode).

    The arguments traced at the highest level are the inputs; any other
    traced value (from an outer grad or jvp) is a constant here, and the
    value is computed by applying the operation again one level down.
    """
    args = [_argument(a) for a in args]
    levels = [a.level for a in args if isinstance(a, _TRACED)]
    if not levels:  # plain numbers and arrays
        return value(*args)
    level = max(levels)
    inputs = [i for i, a in enumerate(args) if isinstance(a, _TRACED) and a.level == level]
    xs = [a.value if i in inputs else a for i, a in enumerate(args)]
    if any(isinstance(x, _TRACED) for x in xs):  # traced one level down: apply it there
        y = _operation(op, value, xs, vjps, jvps)
    else:
        y = value(*xs)
    if isinstance(args[inputs[0]], Node):  # reverse mode: remember the way back
        return Node(y, [(args[i], _local(vjps[i], y, xs)) for i in inputs], op, level=level)
    tangent = None  # forward mode: push the tangents of the inputs through, now
    with np.errstate(all="ignore"):
        for i in inputs:
            term = jvps[i](args[i].tangent, y, *xs)
            tangent = term if tangent is None else tangent + term
        if _shape(tangent) != _shape(y):  # w + B, with B larger than w
            tangent = _broadcast_to(tangent, _shape(y))
    return Dual(y, tangent, level=level)


def _local(vjp, y, xs):
    """The local derivative of one arrow: gradient of the result -> share for the input."""
    return lambda g: vjp(g, y, *xs)
# --8<-- [end:operation]


# ===== 3. The operations: the value, and beside it the local derivatives ===========
#
# Every rule is written with the same operators and NumPy functions as f, so
# the rules themselves can be traced (by an outer grad, or a Dual): that is
# what makes grad(grad(f)) and hvp exact.


def _add(a, b):
    """``a + b``: each input gets the gradient as it is."""
    return _operation("+", np.add, (a, b),
                      vjps=(lambda g, y, a, b: g, lambda g, y, a, b: g),
                      jvps=(lambda t, y, a, b: t, lambda t, y, a, b: t))


def _subtract(a, b):
    """``a - b``: ``a`` gets ``g``, ``b`` gets ``-g``."""
    return _operation("-", np.subtract, (a, b),
                      vjps=(lambda g, y, a, b: g, lambda g, y, a, b: -g),
                      jvps=(lambda t, y, a, b: t, lambda t, y, a, b: -t))


# --8<-- [start:multiply]
def _multiply(a, b):
    """``a * b``, the product rule.

    Backwards, ``a`` gets ``g * b`` and ``b`` gets ``g * a``; forwards, a
    tangent ``t`` of ``a`` moves the product by ``t * b``, one of ``b`` by ``a * t``.
    """
    return _operation("*", np.multiply, (a, b),
                      vjps=(lambda g, y, a, b: g * b, lambda g, y, a, b: g * a),
                      jvps=(lambda t, y, a, b: t * b, lambda t, y, a, b: a * t))
# --8<-- [end:multiply]


def _divide(a, b):
    """``y = a / b``: ``a`` gets ``g / b``, ``b`` gets ``-g y / b``."""
    return _operation("/", np.divide, (a, b),
                      vjps=(lambda g, y, a, b: g / b, lambda g, y, a, b: -g * y / b),
                      jvps=(lambda t, y, a, b: t / b, lambda t, y, a, b: -t * y / b))


def _power(a, b):
    """``y = a ** b``: ``a`` gets ``g b a^(b-1)``, ``b`` gets ``g y log a``."""
    return _operation("**", lambda a, b: a**b, (a, b),  # not np.power: ** squares fast
                      vjps=(lambda g, y, a, b: g * _slope_in_base(a, b),
                            lambda g, y, a, b: g * _slope_in_exponent(y, a, b)),
                      jvps=(lambda t, y, a, b: t * _slope_in_base(a, b),
                            lambda t, y, a, b: t * _slope_in_exponent(y, a, b)))


def _slope_in_base(a, b):
    """``b a^(b-1)``, and 0 where ``b = 0`` (``a^0 = 1``), also at ``a = 0``."""
    # Where b = 0 the exponent stays b (a^0 = 1, times b = 0) instead of b - 1:
    # a^(-1) is inf at a = 0, and 0 * inf would be NaN.
    return b * a ** (b - (_primal(b) != 0))


def _slope_in_exponent(y, a, b):
    """``y log a`` for ``y = a^b``; at ``a = 0`` the limit 0 for ``b > 0``, none (NaN) for ``b <= 0``."""
    at_zero = _primal(a) == 0
    log_a = np.log(_where(at_zero, 1.0, a))  # finite where not used: 0 · log 0 would be NaN one level up
    return _where(at_zero, np.where(_primal(b) > 0, 0.0, np.nan), y * log_a)


def _maximum(a, b):
    """Elementwise maximum: the larger input gets the gradient; at a tie each gets half."""
    return _operation("max", np.maximum, (a, b),
                      vjps=(lambda g, y, a, b: g * _share(a, b), lambda g, y, a, b: g * _share(b, a)),
                      jvps=(lambda t, y, a, b: t * _share(a, b), lambda t, y, a, b: t * _share(b, a)))


def _minimum(a, b):
    """Elementwise minimum: the smaller input gets the gradient; at a tie each gets half."""
    return _operation("min", np.minimum, (a, b),
                      vjps=(lambda g, y, a, b: g * _share(b, a), lambda g, y, a, b: g * _share(a, b)),
                      jvps=(lambda t, y, a, b: t * _share(b, a), lambda t, y, a, b: t * _share(a, b)))


def _share(winner, other):
    """1 where ``winner > other``, 1/2 at a tie, 0 elsewhere: a constant (no derivative)."""
    winner, other = _primal(winner), _primal(other)
    return np.where(winner > other, 1.0, np.where(winner == other, 0.5, 0.0))


def _where(condition, constant, a):
    """``np.where(condition, constant, a)`` for a plain condition and constant.

    ``a`` gets the gradient where it is chosen, the constant none.
    """
    return _operation("where", lambda a: np.where(condition, constant, a), (a,),
                      vjps=(lambda g, y, a: _where(condition, 0.0, g),),
                      jvps=(lambda t, y, a: _where(condition, 0.0, t),))


def _matmul(a, b):
    """``a @ b``: ``a`` gets ``g @ bᵀ``, ``b`` gets ``aᵀ @ g``."""
    if _ndim(a) == 0 or _ndim(b) == 0:
        raise ValueError("matmul: operands must be arrays, not numbers (use * for numbers)")
    return _operation("@", np.matmul, (a, b),
                      vjps=(lambda g, y, a, b: _matmul_share_left(g, a, b),
                            lambda g, y, a, b: _matmul_share_right(g, a, b)),
                      jvps=(lambda t, y, a, b: t @ b, lambda t, y, a, b: a @ t))


# A vector operand of @ acts as a one-row (on the left) or one-column (on the
# right) matrix. The shares are computed for those matrices: the axis that @
# dropped is put back on g first, and dropped again from the share at the end.

def _as_matrices(g, a, b):
    if _ndim(b) == 1:
        g, b = g[..., np.newaxis], b[:, np.newaxis]
    if _ndim(a) == 1:
        g, a = g[..., np.newaxis, :], a[np.newaxis, :]
    return g, a, b


def _matmul_share_left(g, a, b):
    """``g @ bᵀ``: the share of ``a`` in ``a @ b``."""
    g_matrix, _, b_matrix = _as_matrices(g, a, b)
    share = g_matrix @ _swap_last_axes(b_matrix)
    return share[..., 0, :] if _ndim(a) == 1 else share


def _matmul_share_right(g, a, b):
    """``aᵀ @ g``: the share of ``b`` in ``a @ b``."""
    g_matrix, a_matrix, _ = _as_matrices(g, a, b)
    share = _swap_last_axes(a_matrix) @ g_matrix
    return share[..., :, 0] if _ndim(b) == 1 else share


def _swap_last_axes(x):
    """``x`` with its last two axes swapped: the transpose of each matrix of a stack."""
    n = _ndim(x)
    return _transpose(x, (*range(n - 2), n - 1, n - 2))


def _dot(a, b, **options):
    """``np.dot``: ``*`` when one side is a number, else ``@``."""
    _no_options("np.dot", options)
    return _multiply(a, b) if _ndim(a) == 0 or _ndim(b) == 0 else _matmul(a, b)


# ----- the functions of one variable: one table of rules --------------------------


def _stable_sigmoid(x):
    """``1 / (1 + e^-x)``, as ``e^x / (1 + e^x)`` for negative ``x`` (no overflow)."""
    exp_minus_abs = np.exp(-np.abs(x))
    # [()]: a number gives a NumPy float, like np.exp (np.where would give a 0-d array)
    return np.where(x >= 0, 1 / (1 + exp_minus_abs), exp_minus_abs / (1 + exp_minus_abs))[()]


def _relu(x):
    return np.maximum(x, 0.0)


# --8<-- [start:rules]
# name: (value, slope). slope(x, y) is the derivative at x, given also y = value(x).
# The Jacobian of an elementwise function is diagonal, so both modes multiply by
# the slope: reverse mode sends g * slope back to x (the VJP), forward mode sends
# t * slope on to y (the JVP); see _elementwise below.
_RULES = {
    "negative":   (np.negative,     lambda x, y: -1.0),
    "absolute":   (np.absolute,     lambda x, y: np.sign(_primal(x))),  # slope 0 at 0
    "sin":        (np.sin,          lambda x, y: np.cos(x)),
    "cos":        (np.cos,          lambda x, y: -np.sin(x)),
    "tan":        (np.tan,          lambda x, y: 1 + y**2),
    "arctan":     (np.arctan,       lambda x, y: 1 / (1 + x**2)),
    "exp":        (np.exp,          lambda x, y: y),
    "expm1":      (np.expm1,        lambda x, y: y + 1),
    "log":        (np.log,          lambda x, y: 1 / (x + 0.0)),  # + 0.0: at -0.0 too, +inf
    "log1p":      (np.log1p,        lambda x, y: 1 / (1 + x)),
    "sqrt":       (np.sqrt,         lambda x, y: 0.5 / (y + 0.0)),  # sqrt(-0.0) = -0.0: +inf
    "square":     (np.square,       lambda x, y: 2 * x),
    "reciprocal": (np.reciprocal,   lambda x, y: -(y**2)),
    "sinh":       (np.sinh,         lambda x, y: np.cosh(x)),
    "cosh":       (np.cosh,         lambda x, y: np.sinh(x)),
    "tanh":       (np.tanh,         lambda x, y: 1 - y**2),
    "sigmoid":    (_stable_sigmoid, lambda x, y: y * (1 - y)),
    "relu":       (_relu,           lambda x, y: (_primal(x) > 0) * 1.0),  # slope 0 at 0
}


def _elementwise(name, w):
    """``name`` applied to ``w``, with the rules of ``_RULES[name]``."""
    value, slope = _RULES[name]
    if not isinstance(w, _TRACED):  # a plain number or array: just the value
        return value(as_float_array(w, "w", bools=True))
    return _operation(name, value, (w,),
                      vjps=(lambda g, y, x: g * slope(x, y),),
                      jvps=(lambda t, y, x: t * slope(x, y),))
# --8<-- [end:rules]


def sin(w):
    """Sine; derivative ``cos w``.

    Parameters
    ----------
    w : float, array_like or traced value

    Returns
    -------
    The sine of ``w``: a NumPy float or array for plain ``w``, traced for traced ``w``.

    Raises
    ------
    TypeError, ValueError
        If ``w`` is not a real number or array of real numbers (``None``, a string, complex).

    Examples
    --------
    >>> float(sin(0.0)), grad(sin)(0.0)
    (0.0, 1.0)
    """
    return _elementwise("sin", w)


def cos(w):
    """Cosine; derivative ``-sin w``.

    Parameters, return value and errors as for `sin`.

    Examples
    --------
    >>> float(cos(0.0)), grad(cos)(np.pi / 2)
    (1.0, -1.0)
    """
    return _elementwise("cos", w)


def exp(w):
    """Exponential; derivative ``e^w``, the value itself.

    Parameters, return value and errors as for `sin`.

    Examples
    --------
    >>> round(grad(exp)(1.0), 6)
    2.718282
    """
    return _elementwise("exp", w)


def log(w):
    """Natural logarithm; derivative ``1/w``.

    Parameters, return value and errors as for `sin`.

    Examples
    --------
    >>> grad(log)(4.0)
    0.25
    """
    return _elementwise("log", w)


def tanh(w):
    """Hyperbolic tangent; derivative ``1 - tanh² w``.

    Parameters, return value and errors as for `sin`.

    Examples
    --------
    >>> grad(tanh)(0.0)
    1.0
    """
    return _elementwise("tanh", w)


def sigmoid(w):
    """Logistic sigmoid ``σ(w) = 1 / (1 + e^-w)``; derivative ``σ(w)(1 - σ(w))``.

    Computed without overflow for large ``|w|`` (``sigmoid(-1000)`` is 0,
    with no warning). Parameters, return value and errors as for `sin`.

    Examples
    --------
    >>> float(sigmoid(0.0)), grad(sigmoid)(0.0)
    (0.5, 0.25)
    """
    return _elementwise("sigmoid", w)


def relu(w):
    """Rectifier ``max(w, 0)``; derivative 1 for ``w > 0`` and 0 for ``w <= 0``.

    At 0 relu has no derivative (left slope 0, right slope 1); like the
    machine-learning libraries, ``grad`` uses 0 there. Parameters, return
    value and errors as for `sin`.

    Examples
    --------
    >>> grad(relu)(2.0), grad(relu)(0.0), grad(relu)(-1.0)
    (1.0, 0.0, 0.0)
    """
    return _elementwise("relu", w)


def sqrt(w):
    """Square root; derivative ``1 / (2 sqrt w)``.

    Parameters, return value and errors as for `sin`.

    Examples
    --------
    >>> grad(sqrt)(4.0)
    0.25
    """
    return _elementwise("sqrt", w)


# ----- shapes and reductions ------------------------------------------------------


def _getitem(a, index):
    """``a[index]``: the gradient goes back to the entries picked."""
    shape = _shape(a)
    return _operation("[]", lambda x: x[index], (a,),
                      vjps=(lambda g, y, x: _untake(g, index, shape),),
                      jvps=(lambda t, y, x: t[index],))


def _untake(g, index, shape):
    """Zeros of ``shape`` with ``g`` added at ``index``: the share of ``a`` in ``a[index]``."""
    def value(x):
        full = np.zeros(shape)
        if _is_basic(index):  # each entry picked at most once
            full[index] += x
        else:  # w[[0, 0]]: an entry picked twice gets both shares
            np.add.at(full, index, x)
        return full

    return _operation("untake", value, (g,),
                      vjps=(lambda h, y, x: h[index],),
                      jvps=(lambda t, y, x: _untake(t, index, shape),))


def _sum(a, axis=None, keepdims=False, **options):
    """Sum over ``axis``: every entry summed gets the gradient of the sum."""
    _no_options("np.sum", options)
    shape = _shape(a)

    def back(g):  # the gradient of the sum goes to every entry summed
        if axis is not None and not keepdims:
            g = np.reshape(g, _kept_shape(shape, axis))  # put back the summed axes, as 1s
        return _broadcast_to(g, shape)

    return _operation("sum", lambda x: np.sum(x, axis=axis, keepdims=keepdims), (a,),
                      vjps=(lambda g, y, x: back(g),),
                      jvps=(lambda t, y, x: np.sum(t, axis=axis, keepdims=keepdims),))


def _broadcast_to(a, shape, **options):
    """``a`` repeated to ``shape``: the gradient is summed back (the sum's partner)."""
    _no_options("np.broadcast_to", options)
    original = _shape(a)
    return _operation("broadcast", lambda x: np.broadcast_to(x, shape), (a,),
                      vjps=(lambda g, y, x: _unbroadcast(g, original),),
                      jvps=(lambda t, y, x: _broadcast_to(t, shape),))


def _mean(a, axis=None, keepdims=False, **options):
    """Mean over ``axis``: the sum, divided by the number of entries summed."""
    _no_options("np.mean", options)
    total = _sum(a, axis=axis, keepdims=keepdims)
    shape = _shape(a)
    return _divide(total, math.prod(shape) // math.prod(_kept_shape(shape, axis)))


def _kept_shape(shape, axis):
    """The shape of a sum over ``axis`` with ``keepdims=True``."""
    if axis is None:
        return (1,) * len(shape)
    axes = {i % len(shape) for i in (axis if isinstance(axis, tuple) else (axis,))}
    return tuple(1 if i in axes else n for i, n in enumerate(shape))


def _reshape(a, shape, **options):
    """``a`` in a new shape: the gradient takes back the old one."""
    _no_options("np.reshape", options)
    original = _shape(a)
    return _operation("reshape", lambda x: np.reshape(x, shape), (a,),
                      vjps=(lambda g, y, x: np.reshape(g, original),),
                      jvps=(lambda t, y, x: np.reshape(t, shape),))


def _transpose(a, axes=None, **options):
    """``a`` with its axes permuted: the gradient is permuted back."""
    _no_options("np.transpose", options)

    def back(g):
        if axes is None:
            return np.transpose(g)
        return np.transpose(g, np.argsort([axis % _ndim(a) for axis in axes]))  # (-1, 0) is (1, 0)

    return _operation("transpose", lambda x: np.transpose(x, axes), (a,),
                      vjps=(lambda g, y, x: back(g),),
                      jvps=(lambda t, y, x: np.transpose(t, axes),))


def _stack(arrays, axis=0, **options):
    """``arrays`` stacked along a new ``axis``: each gets its slice of the gradient."""
    _no_options("np.stack", options)
    arrays = list(arrays)

    def slice_of(i):  # the VJP of entry i: its slice of g
        return lambda g, y, *xs: g[(slice(None),) * (axis % _ndim(g)) + (i,)]

    def placed(i):  # the JVP of entry i: its tangent in its slot, zeros in the others
        return lambda t, y, *xs: np.stack(
            [t if j == i else np.zeros(_shape(t)) for j in range(len(arrays))], axis=axis)

    return _operation("stack", lambda *xs: np.stack(xs, axis=axis), arrays,
                      vjps=[slice_of(i) for i in range(len(arrays))],
                      jvps=[placed(i) for i in range(len(arrays))])


def _norm(a, ord=None, axis=None, keepdims=False, **options):
    """The 2-norm ``‖a‖`` of all entries: ``a`` gets ``g a / ‖a‖``, and 0 at ``a = 0``.

    At 0 the norm has no derivative (it is a cone); as for ``relu``, the
    gradient there is 0.
    """
    if ord is not None and (ord != 2 or _ndim(a) != 1):
        options["ord"] = ord
    if axis is not None:
        options["axis"] = axis
    if keepdims:
        options["keepdims"] = keepdims
    _no_options("np.linalg.norm", options, "only the 2-norm of all entries, np.linalg.norm(w)")
    return _operation("norm", np.linalg.norm, (a,),
                      vjps=(lambda g, y, x: g * x / _nonzero(y),),
                      jvps=(lambda t, y, x: np.sum(t * x) / _nonzero(y),))


def _nonzero(norm):
    """``norm``, or 1 where it is 0 (there ``a = 0``, so ``a / 1 = 0``)."""
    return norm + (_primal(norm) == 0)


# ===== 4. grad, forward mode, jacobian, hvp ======================================

# --8<-- [start:grad]
def grad(f):
    """The exact gradient of ``f``, by reverse-mode automatic differentiation.

    Calls ``f`` on a traced `Node`, then runs `Node.backward` from the
    result. Exact up to floating-point rounding, and about as costly as a
    few evaluations of ``f``. Nested, ``grad(grad(f))`` is the second
    derivative (chapter 8).

    Parameters
    ----------
    f : callable
        A function of one number or array ``w`` that returns a single
        number, written with operators, indexing and the functions in
        `SUPPORTED` or this module (see the module notes).

    Returns
    -------
    callable
        The gradient of ``f``, a function of ``w``: a number ``w`` gives a
        float, an array ``w`` an array of its shape (a traced ``w``, inside
        an outer `grad` or `jvp`, gives a traced value).

    Raises
    ------
    TypeError
        If ``f`` is not callable, or uses an unsupported NumPy function (the
        message lists the supported ones).
    ValueError
        From the returned function: if ``f`` does not return a single
        number or ``w`` is not finite.

    Examples
    --------
    >>> df = grad(lambda w: w**3 - 2 * w)
    >>> df(2.0)
    10.0
    >>> loss = lambda w: np.sum((w - 1) ** 2)
    >>> grad(loss)(np.array([1.0, 3.0]))
    array([0., 4.])
    >>> grad(grad(lambda w: w**3))(2.0)  # d²(w³)/dw² = 6w
    12.0
    """
    check_callable(f)

    def gradient_of_f(w):
        w = _point(w, "w")
        level = next(_LEVELS)
        leaf = Node(w, level=level)
        output = _as_output(f(leaf))
        if not _traced_at(output, level):  # f does not depend on w (or returned None, a list...)
            _returned(output, single=True)
            return _shaped(np.zeros(_shape(w)))
        if output.size != 1:
            raise ValueError(
                f"f must return a single number (a scalar loss), got an array of shape {output.shape}; "
                "for a vector-valued f use jacobian or jvp"
            )
        output.backward()
        return _shaped(leaf.grad)

    gradient_of_f.__doc__ = f"Gradient of {getattr(f, '__name__', 'f')} by reverse-mode autodiff."
    return gradient_of_f
# --8<-- [end:grad]


# --8<-- [start:jvp]
# --8<-- [start:dual]
class Dual:
    """A value and its tangent, ``value + tangent·ε`` with ``ε² = 0``: forward mode.

    Every operation on a dual number computes its value and, with the same
    local derivatives as reverse mode, how the value moves when the input
    moves along the tangent: ``(a + tε)·(b + sε) = ab + (tb + as)ε``. So the
    tangent of ``f(Dual(w, v))`` is the directional derivative ``J(w)·v``.
    ``level`` plays the same part as for `Node`.

    Examples
    --------
    >>> x = Dual(3.0, 1.0)
    >>> y = x * x + 2 * x
    >>> float(y.value), float(y.tangent)  # w² + 2w, and its derivative 2w + 2
    (15.0, 8.0)
    """

    __slots__ = ("value", "tangent", "level")

    def __init__(self, value, tangent, *, level=0):
        self.value = value if isinstance(value, _TRACED) else np.asarray(value, dtype=float)
        self.tangent = tangent if isinstance(tangent, _TRACED) else np.asarray(tangent, dtype=float)
        self.level = level

    def __repr__(self) -> str:
        return f"Dual(value={self.value!r}, tangent={self.tangent!r})"
# --8<-- [end:dual]


def jvp(f, w, v):
    """``(f(w), J(w)·v)``, the value and the directional derivative, by forward mode.

    Calls ``f`` once, on the dual number ``Dual(w, v)``: the tangent that
    comes out is the Jacobian of ``f`` at ``w`` times ``v``, exactly (up to
    rounding). One pass gives one direction, whatever the size of ``f``'s
    result: the cost of a column of the Jacobian, where `grad` gives a row.

    Parameters
    ----------
    f : callable
        A function of ``w``, written as for `grad`, returning a number or an
        array (``np.array([...])`` of traced numbers and ``np.stack`` work).
    w : float or array_like
        The point, finite.
    v : float or array_like
        The direction, finite, of the shape of ``w``.

    Returns
    -------
    tuple
        ``(f(w), J(w)·v)``, each a float (for a number) or an array of the
        shape of ``f(w)``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or uses an unsupported NumPy function.
    ValueError
        If ``w`` or ``v`` is not finite, ``v`` has another shape than ``w``,
        or ``f`` does not return real numbers.

    Examples
    --------
    >>> jvp(lambda w: w**3, 2.0, 1.0)  # 2³ and 3·2²
    (8.0, 12.0)
    >>> f = lambda w: np.array([w[0] * w[1], np.sin(w[0])])
    >>> jvp(f, np.array([0.0, 2.0]), np.array([1.0, 0.0]))  # the first column of J
    (array([0., 0.]), array([2., 1.]))
    """
    check_callable(f)
    w, v = _point(w, "w"), _point(v, "v")
    if _shape(v) != _shape(w):
        raise ValueError(f"v must have the shape of w, {_shape(w)}, got {_shape(v)}")
    level = next(_LEVELS)
    output = _as_output(f(Dual(w, v, level=level)))
    if _traced_at(output, level):
        return _shaped(output.value), _shaped(output.tangent)
    value = _returned(output)  # f does not depend on w
    return _shaped(value), _shaped(np.zeros(_shape(value)))
# --8<-- [end:jvp]


def jacobian(f, w):
    """The exact Jacobian of ``f`` at ``w``, of shape ``f(w).shape + w.shape``.

    Entry ``[i, j]`` is ``∂f_i/∂w_j``. With fewer outputs than inputs it is
    built row by row, one backward pass per output (reverse mode, ``f``
    traced once); otherwise column by column, one `jvp` per input
    (forward mode, one pass of ``f`` each, plus one to learn its shape).

    Parameters
    ----------
    f : callable
        As for `jvp`: a number or an array out (``np.array([...])`` of
        traced numbers and ``np.stack`` work).
    w : float or array_like
        The point, finite.

    Returns
    -------
    float or numpy.ndarray
        A float if ``w`` and ``f(w)`` are numbers, else an array of shape
        ``f(w).shape + w.shape``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or uses an unsupported NumPy function.
    ValueError
        If ``w`` is not finite or ``f`` does not return real numbers.

    Examples
    --------
    >>> f = lambda w: np.array([w[0] * w[1], w[0] + 3 * w[1], w[1] ** 2])
    >>> jacobian(f, np.array([2.0, 5.0]))
    array([[ 5.,  2.],
           [ 1.,  3.],
           [ 0., 10.]])
    >>> jacobian(lambda w: np.sin(w), 0.0)
    1.0
    """
    check_callable(f)
    w = _point(w, "w")
    level = next(_LEVELS)
    leaf = Node(w, level=level)
    output = _as_output(f(leaf))
    if not _traced_at(output, level):  # f does not depend on w
        return _shaped(np.zeros(_shape(_returned(output)) + _shape(w)))
    inputs, outputs = _size(w), output.size
    if outputs < inputs:  # reverse mode: one backward pass per output entry, a row each
        rows = []
        entries = np.reshape(output, (outputs,))
        for i in range(outputs):
            entries[i].backward()
            rows.append(leaf.grad)
        return _shaped(np.reshape(np.stack(rows), output.shape + _shape(w)))
    basis = np.eye(inputs)  # forward mode: one jvp per input coordinate, a column each
    columns = [jvp(f, w, basis[j].reshape(_shape(w)))[1] for j in range(inputs)]
    return _shaped(np.reshape(np.stack(columns, axis=-1), output.shape + _shape(w)))


def hvp(f, w, v):
    """The exact Hessian-vector product ``H(w)·v`` of a scalar ``f``, forward over reverse.

    The Hessian is the Jacobian of the gradient, so ``H(w)·v`` is the
    directional derivative of `grad` along ``v``: ``jvp(grad(f), w, v)``.
    One pass of ``grad(f)`` on dual numbers: the cost of a few gradients,
    without ever forming the ``n × n`` Hessian.

    Parameters
    ----------
    f : callable
        A function of ``w`` returning a single number, as for `grad`.
    w : float or array_like
        The point, finite.
    v : float or array_like
        The direction, finite, of the shape of ``w``.

    Returns
    -------
    float or numpy.ndarray
        ``H(w)·v``, of the shape of ``w``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or uses an unsupported NumPy function.
    ValueError
        If ``w`` or ``v`` is not finite, ``v`` has another shape than ``w``,
        or ``f`` does not return a single number.

    Examples
    --------
    >>> f = lambda w: w[0] ** 2 * w[1]  # H = [[2 w₁, 2 w₀], [2 w₀, 0]]
    >>> hvp(f, np.array([1.0, 2.0]), np.array([1.0, 0.0]))
    array([4., 2.])
    """
    check_callable(f)
    return jvp(grad(f), w, v)[1]


# ===== 5. Plumbing: operators, NumPy dispatch, small helpers =====================

_LEVELS = itertools.count(1)  # each call of grad or jvp traces at a new, higher level


class _ArrayMethods:
    """What makes `Node` and `Dual` behave like NumPy arrays (copied onto both below).

    Each operator forwards to an operation above (``w * v`` is
    ``_multiply(w, v)``); NumPy functions reach ``__array_ufunc__`` (``np.sin``,
    ``np.add``, ...) or ``__array_function__`` (``np.sum``, ``np.stack``, ...).
    """

    __slots__ = ()

    shape = property(lambda self: self.value.shape)
    ndim = property(lambda self: self.value.ndim)
    size = property(lambda self: self.value.size)
    T = property(lambda self: _transpose(self))

    def __len__(self) -> int:
        return len(_primal(self))

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __bool__(self) -> bool:
        return bool(_primal(self))

    def __float__(self):
        raise TypeError(
            "a traced value cannot become a plain number (float() or the math module would cut "
            "the chain rule); use np.sin & co. or the functions of calcnotes.autodiff"
        )

    def __array__(self, dtype=None, copy=None):
        # np.array([w[0], w[1] ** 2]) gives an object array of traced numbers, which
        # the operations and grad, jvp, jacobian take back as one traced array.
        if self.ndim != 0 or (dtype is not None and np.dtype(dtype) != object):
            raise TypeError(
                "a traced value cannot become a plain NumPy array (that would cut the chain "
                "rule); write f with operators and the functions in calcnotes.autodiff.SUPPORTED "
                "(np.stack([...]) stacks traced arrays)"
            )
        holder = np.empty((), dtype=object)
        holder[()] = self
        return holder

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
        return _elementwise("negative", self)

    def __pos__(self):
        return self

    def __abs__(self):
        return _elementwise("absolute", self)

    def __getitem__(self, index):
        return _getitem(self, index)

    # Comparisons compare values (no derivative), so `w if w > 0 else 0` works.
    def __lt__(self, other):
        return _primal(self) < _plain(other)

    def __le__(self, other):
        return _primal(self) <= _plain(other)

    def __gt__(self, other):
        return _primal(self) > _plain(other)

    def __ge__(self, other):
        return _primal(self) >= _plain(other)

    def __eq__(self, other):
        return _primal(self) == _plain(other)

    def __ne__(self, other):
        return _primal(self) != _plain(other)

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

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        function = _UFUNCS.get(ufunc)
        if function is None or method != "__call__":
            raise TypeError(_unsupported(_ufunc_name(ufunc) + ("" if method == "__call__" else f".{method}")))
        if kwargs:
            name = _ufunc_name(ufunc)
            _no_options(name, kwargs, f"call {name}(...) without keyword arguments")
        return function(*inputs)

    def __array_function__(self, func, types, args, kwargs):
        function = _FUNCTIONS.get(func)
        if function is None:
            raise TypeError(_unsupported(_function_name(func)))
        return function(*args, **kwargs)


for _cls in (Node, Dual):
    for _name, _attribute in vars(_ArrayMethods).items():
        if callable(_attribute) or isinstance(_attribute, property):
            setattr(_cls, _name, _attribute)

_TRACED = (Node, Dual)


def _comparison(ufunc):
    return lambda a, b: ufunc(_plain(a), _plain(b))


_UFUNCS = {
    np.add: _add,
    np.subtract: _subtract,
    np.multiply: _multiply,
    np.divide: _divide,
    np.power: _power,
    np.maximum: _maximum,
    np.minimum: _minimum,
    np.matmul: _matmul,
    np.positive: lambda a: a,
    **{getattr(np, name): (lambda w, name=name: _elementwise(name, w)) for name in _RULES if hasattr(np, name)},
    **{ufunc: _comparison(ufunc) for ufunc in (np.less, np.less_equal, np.greater,
                                                np.greater_equal, np.equal, np.not_equal)},
}

_FUNCTIONS = {
    np.sum: _sum,
    np.mean: _mean,
    np.dot: _dot,
    np.transpose: _transpose,
    np.reshape: _reshape,
    np.broadcast_to: _broadcast_to,
    np.stack: _stack,
    np.linalg.norm: _norm,
}


def _ufunc_name(ufunc) -> str:
    """``np.add`` for NumPy's ufuncs; the bare name for others (e.g. SciPy's ``expit``)."""
    return f"np.{ufunc.__name__}" if getattr(np, ufunc.__name__, None) is ufunc else ufunc.__name__


def _function_name(func) -> str:
    """The name a reader types: ``np.cumsum``, ``np.linalg.norm``, ``np.fft.fft``."""
    module = getattr(func, "__module__", None) or "numpy"
    if module == "numpy" or module.startswith("numpy."):
        module = "np" + module[len("numpy"):]
    return f"{module}.{func.__name__}"


#: Names of the NumPy functions that work on traced values.
SUPPORTED = tuple(sorted({_ufunc_name(u) for u in _UFUNCS} | {_function_name(f) for f in _FUNCTIONS}))


def _unsupported(name: str) -> str:
    return (
        f"{name} is not supported on traced values (calcnotes.autodiff has no derivative rule "
        f"for it); supported: {', '.join(SUPPORTED)}, operators + - * / ** @, indexing, "
        ".sum(), .mean(), .T, .reshape(), np.array([...]) of traced numbers, and "
        "calcnotes.autodiff's sin, cos, exp, log, tanh, sigmoid, relu, sqrt"
    )


def _no_options(name, options, hint=None):
    """``TypeError`` naming the keyword arguments of ``name`` that traced values do not support."""
    if options:
        listed = ", ".join(f"{key}=" for key in sorted(options))
        raise TypeError(f"{name} is supported on traced values, but not with {listed}"
                        + (f" ({hint})" if hint else ""))


def _primal(x):
    """The plain value under every level of tracing."""
    while isinstance(x, _TRACED):
        x = x.value
    return x


def _plain(x):
    """The plain value of a traced value or a constant."""
    return _primal(x) if isinstance(x, _TRACED) else _argument(x)


def _argument(x):
    """An argument of an operation: a traced value as it is, a constant as numbers.

    ``None``, strings and the like are refused; an object array of traced
    numbers (``np.array([w[0], w[1] ** 2])``) becomes one traced array.
    """
    if isinstance(x, _TRACED) or type(x) in (float, int):
        return x
    if type(x) is np.ndarray:
        if x.dtype == np.float64:
            return x
        if x.dtype == object:
            x = _from_objects(x)
            if isinstance(x, _TRACED):
                return x
    return as_float_array(x, "a constant in f", bools=True)


def _is_object_array(x) -> bool:
    return type(x) is np.ndarray and x.dtype == object


def _from_objects(array):
    """An object array of traced numbers (``np.array([w[0], w[1] ** 2])``) as one traced array."""
    entries = array.ravel().tolist()
    if not any(isinstance(entry, _TRACED) for entry in entries):
        return array  # numbers, or things that are not: _argument says which
    return np.reshape(_stack(entries), array.shape)


def _as_output(output):
    return _from_objects(output) if _is_object_array(output) else output


def _traced_at(x, level) -> bool:
    return isinstance(x, _TRACED) and x.level == level


def _shape(x) -> tuple:
    try:
        return x.shape  # arrays, NumPy numbers, traced values
    except AttributeError:
        return np.shape(x)


def _ndim(x) -> int:
    return len(_shape(x))


def _size(x) -> int:
    return math.prod(_shape(x))


def _is_basic(index) -> bool:
    """Whether ``index`` is basic indexing (ints, slices, None, ...), which picks each entry once."""
    return all(isinstance(i, (int, np.integer, slice)) or i is None or i is Ellipsis
               for i in (index if isinstance(index, tuple) else (index,)))


def _point(w, name):
    """``w`` as a finite float array, or as it is if traced (by an outer grad or jvp)."""
    if not isinstance(w, _TRACED):
        return as_real_array(w, name)
    if not np.all(np.isfinite(_primal(w))):
        raise ValueError(f"{name} must be finite, got {_short(_primal(w))}")
    return w


def _returned(output, single=False):
    """What ``f`` returned when not traced here, as floats; ``ValueError`` unless real numbers.

    A value traced by an outer call comes back as it is.
    """
    try:
        value = output if isinstance(output, _TRACED) else as_float_array(output, "f", bools=True)
    except (TypeError, ValueError):
        value = None
    if value is None or (single and _size(value) != 1):
        requirement = "a single number" if single else "real numbers"
        raise ValueError(f"f must return {requirement}, got {type(output).__name__} {_short(output)}")
    return value


def _shaped(x):
    """A float for a single plain number, a copy of a plain array; a traced value as it is."""
    if isinstance(x, _TRACED):
        return x
    x = np.array(x, dtype=float)
    return float(x) if x.ndim == 0 else x


def _short(value, limit: int = 60) -> str:
    """A short rendering of ``value`` for error messages."""
    if isinstance(value, np.ndarray) and value.size > 6:
        return f"an array of shape {value.shape}"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
