"""Reverse-mode automatic differentiation against SymPy and closed forms.

grad is exact up to floating-point rounding, so tolerances are a few ulps of
the values involved (1e-12 relative), not finite-difference sized.
"""

import math
import warnings

import numpy as np
import pytest
import sympy as sp

from calcnotes import autodiff as ad
from calcnotes import grad
from calcnotes.autodiff import Node

x, y, z = sp.symbols("x y z", real=True)
EXACT = 1e-12

ONE_VARIABLE = {
    "sin": (ad.sin, sp.sin(x), (-3, 3)),
    "cos": (ad.cos, sp.cos(x), (-3, 3)),
    "exp": (ad.exp, sp.exp(x), (-3, 3)),
    "log": (ad.log, sp.log(x), (0.1, 5)),
    "tanh": (ad.tanh, sp.tanh(x), (-3, 3)),
    "sigmoid": (ad.sigmoid, 1 / (1 + sp.exp(-x)), (-8, 8)),
    "sqrt": (ad.sqrt, sp.sqrt(x), (0.1, 5)),
    "np.sin(4w) + 0.1w²": (lambda w: np.sin(4 * w) + 0.1 * w**2, sp.sin(4 * x) + x**2 / 10, (-3, 3)),
    "np.tanh(w)²": (lambda w: np.tanh(w) ** 2, sp.tanh(x) ** 2, (-3, 3)),
    "cos(40w)^100/(w²+1)": (lambda w: np.cos(40 * w) ** 100 / (w**2 + 1), sp.cos(40 * x) ** 100 / (x**2 + 1), (-1, 1)),
    "3w² - 4w": (lambda w: 3 * w**2 - 4 * w, 3 * x**2 - 4 * x, (-3, 3)),
    "w^w": (lambda w: w**w, x**x, (0.2, 3)),
    "sin(exp(tanh(w)))": (lambda w: ad.sin(ad.exp(ad.tanh(w))), sp.sin(sp.exp(sp.tanh(x))), (-3, 3)),
    "log(1 + w²) sigmoid(w)": (lambda w: ad.log(1 + w**2) * ad.sigmoid(w), sp.log(1 + x**2) / (1 + sp.exp(-x)), (-4, 4)),
    "sqrt(1 + w²)³ / (2 + cos w)": (lambda w: ad.sqrt(1 + w**2) ** 3 / (2 + np.cos(w)), sp.sqrt(1 + x**2) ** 3 / (2 + sp.cos(x)), (-3, 3)),
    "2^w - 1/w + (3 - w)": (lambda w: 2**w - 1 / w + (3 - w), 2**x - 1 / x + (3 - x), (0.5, 3)),
    "|w|³ - w": (lambda w: abs(w) ** 3 - w, sp.Abs(x) ** 3 - x, (-2, 2)),
    "arctan, sinh, cosh, tan, log1p, expm1": (
        lambda w: np.arctan(w) + np.sinh(w) * np.cosh(w) + np.tan(w / 2) + np.log1p(w**2) + np.expm1(w) + np.square(w) + np.reciprocal(2 + w),
        sp.atan(x) + sp.sinh(x) * sp.cosh(x) + sp.tan(x / 2) + sp.log(1 + x**2) + sp.exp(x) - 1 + x**2 + 1 / (2 + x),
        (-1.5, 1.5),
    ),
}


def relative_error(got, expected):
    return np.max(np.abs(got - expected) / np.maximum(1.0, np.abs(expected)))


@pytest.mark.parametrize("name", ONE_VARIABLE)
def test_grad_of_a_function_of_one_variable_matches_sympy(name):
    function, expression, interval = ONE_VARIABLE[name]
    points = np.linspace(*interval, 200)
    expected = sp.lambdify(x, sp.diff(expression, x), "numpy")(points)
    # For f applied elementwise, the gradient of sum(f(w)) is f'(w) elementwise.
    got = grad(lambda w: function(w).sum())(points)
    assert relative_error(got, expected) <= EXACT
    # and one point at a time
    for point in points[::40]:
        assert relative_error(grad(function)(point), float(sp.diff(expression, x).subs(x, point))) <= EXACT


MANY_VARIABLES = {
    "sin(w0) + w1²": (lambda w: np.sin(w[0]) + w[1] ** 2, sp.sin(x) + y**2),
    "w0² w1 + w1³": (lambda w: w[0] ** 2 * w[1] + w[1] ** 3, x**2 * y + y**3),
    "exp(w0 w1 / 2) - log(1 + w2²)": (lambda w: ad.exp(w[0] * w[1] / 2) - ad.log(1 + w[2] ** 2), sp.exp(x * y / 2) - sp.log(1 + z**2)),
    "w0^w1 (traced exponent)": (lambda w: (w[0] ** 2 + 1) ** w[1], (x**2 + 1) ** y),
    "rosenbrock": (lambda w: (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2, (1 - x) ** 2 + 100 * (y - x**2) ** 2),
    "tanh(w0 - w1)(w0 + 2 w2)": (lambda w: ad.tanh(w[0] - w[1]) * (w[0] + 2 * w[2]), sp.tanh(x - y) * (x + 2 * z)),
}


@pytest.mark.parametrize("name", MANY_VARIABLES)
def test_grad_of_a_function_of_several_variables_matches_sympy(name):
    function, expression = MANY_VARIABLES[name]
    symbols = [s for s in (x, y, z) if s in expression.free_symbols]
    exact = [sp.lambdify(symbols, sp.diff(expression, s)) for s in symbols]
    rng = np.random.default_rng(7)
    for _ in range(30):
        point = rng.uniform(-1.5, 1.5, size=len(symbols))
        got = grad(function)(point)
        assert got.shape == point.shape
        assert relative_error(got, [float(slope(*point)) for slope in exact]) <= EXACT


def test_grad_of_a_two_layer_network_loss_matches_sympy():
    rng = np.random.default_rng(3)
    inputs, targets = rng.normal(size=(4, 3)), rng.normal(size=4)
    theta = rng.normal(size=8)  # a 3 x 2 weight matrix, then 2 output weights

    def loss(theta):
        hidden = np.tanh(inputs @ theta[:6].reshape(3, 2))
        return np.mean((hidden @ theta[6:] - targets) ** 2)

    symbols = sp.symbols("t0:8", real=True)
    weights, output_weights = sp.Matrix(3, 2, symbols[:6]), sp.Matrix(symbols[6:])
    hidden = (sp.Matrix(inputs) * weights).applyfunc(sp.tanh)
    residuals = hidden * output_weights - sp.Matrix(targets)
    expression = sum(r**2 for r in residuals) / 4
    substitution = dict(zip(symbols, theta))
    expected = [float(sp.diff(expression, s).evalf(subs=substitution)) for s in symbols]
    assert relative_error(grad(loss)(theta), expected) <= EXACT
    assert grad(loss)(theta).shape == (8,)


def test_grad_returns_a_float_for_a_number_and_an_array_of_the_inputs_shape():
    assert type(grad(lambda w: w**2)(3.0)) is float
    assert type(grad(lambda w: w**2)(3)) is float
    X = np.arange(6.0).reshape(2, 3)
    got = grad(lambda W: np.sum(W**2))(X)
    assert got.shape == (2, 3)
    np.testing.assert_array_equal(got, 2 * X)


def test_calling_grad_twice_gives_the_same_answer():
    df = grad(lambda w: np.sum(np.sin(w) * w[0]))
    point = np.array([0.5, -1.0, 2.0])
    first, second = df(point), df(point)
    np.testing.assert_array_equal(first, second)
    np.testing.assert_array_equal(grad(lambda w: np.sum(np.sin(w) * w[0]))(point), first)


def test_backward_twice_on_the_same_graph_gives_the_same_gradients():
    w = Node(np.array([1.0, 2.0]))
    h = w * w
    y = h.sum() + h[0] * 3
    y.backward()
    first_w, first_h = w.grad.copy(), h.grad.copy()
    y.backward()
    np.testing.assert_array_equal(w.grad, first_w)
    np.testing.assert_array_equal(h.grad, first_h)
    np.testing.assert_array_equal(w.grad, [2 * 1 + 6 * 1, 2 * 2])
    np.testing.assert_array_equal(h.grad, [4.0, 1.0])


def test_a_value_used_twice_collects_both_contributions():
    w = Node(3.0)
    y = w * w * w  # w used three times
    y.backward()
    assert float(w.grad) == 27.0


def test_a_deep_chain_of_operations_does_not_hit_the_recursion_limit():
    def many_steps(w):
        for _ in range(5000):
            w = w * 1.0001 + 0.0
        return w

    assert grad(many_steps)(1.0) == pytest.approx(1.0001**5000, rel=1e-10)


# ----- shapes: broadcasting, matmul, indexing, reductions --------------------------

A = np.array([[2.0, -1.0, 0.5], [0.0, 3.0, 1.0], [4.0, 1.0, -2.0]])
V = np.array([0.7, -1.2, 2.0])


def test_broadcasting_is_undone_in_the_gradient():
    M = np.arange(12.0).reshape(3, 4)
    np.testing.assert_allclose(grad(lambda w: np.sum(w[:, None] * M))(V), M.sum(axis=1))
    B = np.ones((2, 3))
    np.testing.assert_allclose(grad(lambda w: np.sum(w + B))(V), [2.0, 2.0, 2.0])
    X = np.arange(6.0).reshape(2, 3)
    bias = np.array([0.5, -0.5, 1.0])
    np.testing.assert_allclose(grad(lambda b: np.sum((X + b) ** 2))(bias), 2 * (X + bias).sum(axis=0))
    column = np.array([[1.0], [2.0]])
    np.testing.assert_allclose(grad(lambda c: np.sum(c * X))(column), X.sum(axis=1, keepdims=True))


def test_matrix_identities_hold_exactly():
    np.testing.assert_allclose(grad(lambda w: w @ A @ w)(V), (A + A.T) @ V, rtol=EXACT)
    np.testing.assert_allclose(grad(lambda w: w @ w)(V), 2 * V, rtol=EXACT)
    rows = [grad(lambda w, k=k: (A @ w)[k])(V) for k in range(3)]
    np.testing.assert_allclose(np.column_stack(rows), A.T, rtol=EXACT)
    np.testing.assert_allclose(grad(lambda w: np.sum(w @ A))(V), A.sum(axis=1), rtol=EXACT)
    W = np.arange(6.0).reshape(3, 2) / 3
    np.testing.assert_allclose(grad(lambda M: np.sum(A @ M))(W), A.T @ np.ones((3, 2)), rtol=EXACT)
    np.testing.assert_allclose(grad(lambda M: np.sum(M.T @ A))(W), A @ np.ones((3, 2)), rtol=EXACT)
    np.testing.assert_allclose(grad(lambda w: np.dot(w, V))(V), V, rtol=EXACT)


@pytest.mark.parametrize(
    ("x_shape", "y_shape"),
    [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)), ((5, 2, 3), (3, 4)), ((2, 3), (5, 3, 4)), ((5, 2, 3), (3,))],
)
def test_matmul_of_vectors_matrices_and_stacks_has_exact_gradients(x_shape, y_shape):
    # f(X) = sum(C * (X @ Y)) is linear in X, so its gradient at entry k is
    # exactly f(E_k), the value at the k-th basis array (likewise for Y).
    rng = np.random.default_rng(5)
    X, Y = rng.normal(size=x_shape), rng.normal(size=y_shape)
    C = rng.normal(size=np.shape(X @ Y))

    def basis_values(function, shape):
        return np.array([function(np.eye(int(np.prod(shape)))[k].reshape(shape)) for k in range(int(np.prod(shape)))]).reshape(shape)

    def in_x(a):
        return np.sum(C * (a @ Y))

    def in_y(b):
        return np.sum(C * (X @ b))

    np.testing.assert_allclose(grad(in_x)(X), basis_values(in_x, x_shape), rtol=EXACT, atol=1e-14)
    np.testing.assert_allclose(grad(in_y)(Y), basis_values(in_y, y_shape), rtol=EXACT, atol=1e-14)


def test_indexing_sends_gradients_back_to_the_picked_elements():
    X = np.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(grad(lambda W: np.sum(W[:, 1] ** 2))(X), [[0, 2, 0], [0, 8, 0]])
    np.testing.assert_array_equal(grad(lambda W: W[-1, 0] * W.T[2, 0])(X), [[0, 0, 3], [2, 0, 0]])
    np.testing.assert_array_equal(grad(lambda w: np.sum(w[[0, 0, 2]]))(V), [2, 0, 1])
    np.testing.assert_array_equal(grad(lambda w: sum(w))(V), [1, 1, 1])  # iteration


def test_sums_means_transposes_and_reshapes_have_their_gradients():
    X = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(grad(lambda W: np.sum(W.sum(axis=0) ** 2))(X), np.broadcast_to(2 * X.sum(axis=0), X.shape))
    np.testing.assert_allclose(grad(lambda W: np.sum(np.mean(W, axis=1) ** 2))(X), np.broadcast_to(2 * X.mean(axis=1, keepdims=True) / 3, X.shape))
    np.testing.assert_allclose(grad(lambda W: W.mean())(X), np.full(X.shape, 1 / 6))
    # sum_ij s_i W_ij with s_i = sum_k W_ik is sum_i s_i², so the gradient is 2 s_i
    np.testing.assert_allclose(grad(lambda W: np.sum(W.sum(axis=1, keepdims=True) * W))(X), np.broadcast_to(2 * X.sum(axis=1, keepdims=True), X.shape))
    np.testing.assert_allclose(grad(lambda W: W.reshape(3, 2)[2, 1] + np.reshape(W, (6,))[0])(X), [[1, 0, 0], [0, 0, 1]])
    np.testing.assert_allclose(grad(lambda W: np.transpose(W)[0, 1])(X), [[0, 0, 0], [1, 0, 0]])


def test_powers_with_constant_and_traced_exponents():
    assert grad(lambda w: w**3)(-2.0) == 12.0
    assert grad(lambda w: w**-1)(2.0) == -0.25
    assert grad(lambda w: 2.0**w)(3.0) == pytest.approx(8 * np.log(2), rel=EXACT)
    np.testing.assert_allclose(grad(lambda w: w[0] ** w[1])(np.array([2.0, 3.0])), [12.0, 8 * np.log(2)], rtol=EXACT)
    assert grad(lambda w: w[0] ** w[1])(np.array([0.0, 2.0]))[1] == 0.0  # limit of a^b log a at a = 0


def test_a_power_0_has_derivative_0_even_at_0():
    # w**0 = 1 everywhere; the rule b a^(b-1) would give 0 * inf = NaN at a = 0
    assert grad(lambda w: w**0)(0.0) == 0.0
    np.testing.assert_array_equal(grad(lambda w: np.sum(w**0.0))(np.array([0.0, 2.0])), [0.0, 0.0])
    assert grad(lambda w: w**1)(0.0) == 1.0
    # w^w has no derivative at 0 (it tends to -inf from the right): NaN, not 0
    assert np.isnan(grad(lambda w: w**w)(0.0))


def test_sqrt_and_log_have_the_same_slope_at_minus_0_as_at_0():
    # -0.0 == 0.0: sqrt(-0.0) is -0.0 and 1/-0.0 is -inf, but the slope at 0 is +inf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # log(0) = -inf warns, as in NumPy
        for function in (ad.sqrt, ad.log):
            assert grad(function)(-0.0) == grad(function)(0.0) == np.inf


def test_relu_has_derivative_0_at_0_and_maximum_splits_ties():
    points = np.array([-1.0, 0.0, 2.0])
    np.testing.assert_array_equal(grad(lambda w: np.sum(ad.relu(w)))(points), [0.0, 0.0, 1.0])
    np.testing.assert_array_equal(grad(lambda w: np.sum(np.maximum(w, 0)))(points), [0.0, 0.5, 1.0])
    np.testing.assert_array_equal(grad(lambda w: np.sum(np.minimum(w, 0)))(points), [1.0, 0.5, 0.0])
    assert grad(lambda w: np.maximum(w, w))(1.0) == 1.0
    np.testing.assert_array_equal(grad(lambda w: np.sum(np.abs(w)))(points), [-1.0, 0.0, 1.0])


def test_transpose_takes_its_axes_as_numpy_does():
    X = np.arange(6.0).reshape(2, 3)
    expected = [[0.0, 0.0, 0.0], [6.0, 0.0, 0.0]]  # d/dX of sum(X.T[0]²) = sum of X[:, 0]²
    for transposed in (
        lambda W: W.transpose((1, 0)),
        lambda W: W.transpose(1, 0),
        lambda W: W.transpose(-1, 0),
        lambda W: np.transpose(W, (-1, -2)),
        lambda W: W.transpose(None),
    ):
        np.testing.assert_array_equal(grad(lambda W: np.sum(transposed(W)[0] ** 2))(X), expected)
    # three axes, a negative one among them: the gradient goes back to the right entries
    C = np.arange(24.0).reshape(4, 2, 3)
    got = grad(lambda W: np.sum(np.transpose(W, (-1, 0, 1)) * C))(np.ones((2, 3, 4)))
    np.testing.assert_array_equal(got, np.transpose(C, (1, 2, 0)))


def test_python_conditionals_on_traced_numbers_pick_a_branch():
    piecewise = grad(lambda w: w**2 if w > 1 else 2 * w)
    assert piecewise(3.0) == 6.0
    assert piecewise(0.0) == 2.0


def test_a_function_that_ignores_w_has_zero_gradient():
    np.testing.assert_array_equal(grad(lambda w: 5.0)(V), np.zeros(3))
    assert grad(lambda w: 5.0)(1.0) == 0.0


# ----- the functions of calcnotes.autodiff on plain numbers -------------------------


@pytest.mark.parametrize("name", ["sin", "cos", "exp", "log", "tanh", "sqrt"])
def test_the_autodiff_functions_work_on_plain_numbers_and_arrays(name):
    function, reference = getattr(ad, name), getattr(np, name)
    points = np.linspace(0.5, 2, 5)
    np.testing.assert_array_equal(function(points), reference(points))
    np.testing.assert_array_equal(function(list(points)), reference(points))
    assert function(1.5) == reference(1.5)


@pytest.mark.parametrize("name", ["sin", "cos", "exp", "log", "tanh", "sigmoid", "relu", "sqrt"])
def test_each_autodiff_function_gives_a_number_for_a_number(name):
    value = getattr(ad, name)(0.5)
    assert np.ndim(value) == 0 and isinstance(value, float)  # a NumPy float, as np.sin gives


@pytest.mark.parametrize("name", ["sin", "cos", "exp", "log", "tanh", "sigmoid", "relu", "sqrt"])
@pytest.mark.parametrize("w", [None, "0.5", [0.5, None], 1j])
def test_each_autodiff_function_refuses_what_is_not_a_real_number_naming_w(name, w):
    # np.asarray(None, dtype=float) is NaN: None used to give NaN silently
    with pytest.raises((TypeError, ValueError), match=r"^w must be (a )?real"):
        getattr(ad, name)(w)


@pytest.mark.parametrize("constant", [None, "1", 1j, [1.0, None]])
def test_a_constant_that_is_not_a_real_number_is_refused_in_a_traced_operation(constant):
    # w + None used to give the value NaN and the slope 1
    with pytest.raises((TypeError, ValueError), match=r"^a constant in f must be (a )?real"):
        grad(lambda w: w * constant + w)(1.0)


def test_sigmoid_and_relu_on_plain_numbers_are_stable_and_exact():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = ad.sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0]))
        assert grad(lambda w: np.sum(ad.sigmoid(w)))(np.array([-1000.0, 1000.0])).tolist() == [0.0, 0.0]
    np.testing.assert_allclose(got, [0.0, 1 / (1 + np.e), 0.5, 1 / (1 + np.exp(-1.0)), 1.0], rtol=1e-15)
    np.testing.assert_array_equal(ad.relu(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 3.0])
    assert ad.relu(-1.0) == 0.0


# ----- what grad refuses ------------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "name"),
    [
        (lambda w: np.floor(w), "np.floor"),
        (lambda w: np.cumsum(w)[-1], "np.cumsum"),
        (lambda w: np.where(w > 0, w, 0).sum(), "np.where"),
        (lambda w: np.add.reduce(w), "np.add.reduce"),
    ],
)
def test_an_unsupported_numpy_function_raises_a_type_error_listing_what_is_supported(function, name):
    with pytest.raises(TypeError, match=name.replace(".", r"\.")) as error:
        grad(function)(V)
    assert "np.sin" in str(error.value) and "np.matmul" in str(error.value)


@pytest.mark.parametrize("returned", [None, "loss", {}, lambda w: w], ids=["None", "str", "dict", "function"])
def test_an_f_that_returns_no_number_is_refused_rather_than_given_gradient_0(returned):
    # e.g. a def without return: its gradient used to be 0
    with pytest.raises(ValueError, match=r"^f must return a single number"):
        grad(lambda w: returned)(V)


def test_an_f_that_returns_a_list_of_traced_values_is_told_to_return_one_number():
    with pytest.raises(ValueError, match=r"^f must return a single number, got list"):
        grad(lambda w: [np.sum(w**2)])(V)


def test_turning_a_traced_array_into_a_plain_array_or_number_is_refused():
    with pytest.raises(TypeError, match="cannot become a plain NumPy array"):
        grad(lambda w: np.asarray(w).sum())(V)
    with pytest.raises(TypeError, match="cannot become a plain NumPy array"):
        grad(lambda w: np.asarray(w[0], dtype=float))(V)
    with pytest.raises(TypeError, match="cannot become a plain number"):
        grad(lambda w: float(w[0]) ** 2)(V)
    with pytest.raises(TypeError, match="cannot become a plain number"):
        grad(lambda w: math.sin(w))(1.0)


def test_np_array_of_traced_numbers_is_one_traced_array():
    # sum(w0, w1²) and (w0 w2, w1) · (1, 2): np.array([...]) keeps the chain rule
    np.testing.assert_array_equal(grad(lambda w: np.sum(np.array([w[0], w[1] ** 2])))(V), [1.0, 2 * V[1], 0.0])
    np.testing.assert_array_equal(
        grad(lambda w: np.array([w[0] * w[2], w[1]]) @ np.array([1.0, 2.0]))(V), [V[2], 2.0, V[0]]
    )
    # a constant entry among traced ones, and a loss computed from the array
    np.testing.assert_array_equal(grad(lambda w: np.sum(np.array([w[0], 3.0]) ** 2))(V), [2 * V[0], 0.0, 0.0])


# ----- np.linalg.norm ---------------------------------------------------------------


def test_the_gradient_of_the_norm_is_the_unit_vector():
    rng = np.random.default_rng(11)
    for _ in range(30):
        point = rng.normal(size=4)
        np.testing.assert_allclose(grad(lambda w: np.linalg.norm(w))(point), point / np.linalg.norm(point), rtol=EXACT)
        np.testing.assert_allclose(grad(lambda w: np.linalg.norm(w, 2) ** 2)(point), 2 * point, rtol=EXACT)
    M = np.arange(6.0).reshape(2, 3) - 2  # a matrix: the norm of all its entries (Frobenius)
    np.testing.assert_allclose(grad(lambda W: np.linalg.norm(W))(M), M / np.sqrt(np.sum(M**2)), rtol=EXACT)


def test_the_gradient_of_the_norm_at_0_is_0_like_relu():
    # ‖w‖ is a cone at 0: no derivative; the convention (documented) is 0
    np.testing.assert_array_equal(grad(lambda w: np.linalg.norm(w))(np.zeros(3)), [0.0, 0.0, 0.0])
    assert grad(lambda w: np.linalg.norm(w))(0.0) == 0.0


@pytest.mark.parametrize(
    ("function", "keyword"),
    [(lambda w: np.linalg.norm(w, 1), "ord="), (lambda w: np.linalg.norm(w, np.inf), "ord="),
     (lambda w: np.linalg.norm(w, axis=0), "axis="), (lambda w: np.linalg.norm(w, keepdims=True), "keepdims=")],
)
def test_other_norms_are_refused_by_their_real_name_and_keyword(function, keyword):
    with pytest.raises(TypeError, match=rf"^np\.linalg\.norm is supported on traced values, but not with {keyword}"):
        grad(function)(V)


# ----- messages name what is really not supported -----------------------------------


@pytest.mark.parametrize(
    ("function", "message"),
    [
        (lambda w: np.add(w, 1.0, out=np.zeros(3)).sum(), r"^np\.add is supported on traced values, but not with out="),
        (lambda w: np.sin(w, where=True).sum(), r"^np\.sin is supported on traced values, but not with where="),
        (lambda w: np.sum(w, dtype=float), r"^np\.sum is supported on traced values, but not with dtype="),
        (lambda w: np.mean(w, where=True), r"^np\.mean is supported on traced values, but not with where="),
        (lambda w: np.linalg.det(w.reshape(3, 1) * w), r"^np\.linalg\.det is not supported"),
        (lambda w: np.fft.fft(w).sum(), r"^np\.fft\.fft is not supported"),
        (lambda w: np.maximum.reduce(w), r"^np\.maximum\.reduce is not supported"),
        (lambda w: np.where(w > 0, w, 0).sum(), r"^np\.where is not supported"),
    ],
)
def test_an_unsupported_feature_is_reported_by_the_name_a_reader_typed(function, message):
    with pytest.raises(TypeError, match=message):
        grad(function)(V)


def test_every_supported_name_is_a_numpy_function_a_reader_can_type():
    import operator

    for name in ad.SUPPORTED:
        assert name.startswith("np.")
        assert callable(operator.attrgetter(name[3:])(np)), name
    assert {"np.linalg.norm", "np.stack", "np.sin", "np.matmul"} <= set(ad.SUPPORTED)


def test_a_ufunc_from_outside_numpy_is_not_called_np_something():
    special = pytest.importorskip("scipy.special")
    with pytest.raises(TypeError, match=r"^expit is not supported on traced values"):
        grad(lambda w: special.expit(w).sum())(V)


def test_numpy_comparisons_of_traced_values_compare_the_values():
    # np.float64(1) < w goes through np.less: a comparison, no derivative
    assert grad(lambda w: w**2 if np.float64(1.0) < w else -w)(2.0) == 4.0
    assert grad(lambda w: np.sum(w * np.greater(w, 0)))(V).tolist() == [1.0, 0.0, 1.0]


def test_f_must_return_a_single_number():
    with pytest.raises(ValueError, match="single number"):
        grad(lambda w: w * 2)(V)
    with pytest.raises(ValueError, match="single number"):
        grad(lambda w: np.zeros(2))(V)
