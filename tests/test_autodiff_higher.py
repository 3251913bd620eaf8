"""Higher derivatives: nested grad, Hessians, Hessian-vector products, no perturbation confusion.

A nested derivative is still computed exactly, by the chain rule on the
local derivatives' own graphs; each level adds a few roundings, so second
derivatives are held to 1e-12 and third ones to 1e-11 relative to
max(1, |exact|), against SymPy.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from test_autodiff import EXACT, MANY_VARIABLES, ONE_VARIABLE, relative_error, x, y, z

from calcnotes import autodiff as ad
from calcnotes import grad
from calcnotes.autodiff import hvp, jacobian, jvp

THIRD = 1e-11


def derivative_of(function):
    """d/dw by forward mode, for nesting with grad: jvp along 1."""
    return lambda w: jvp(function, w, 1.0)[1]


@pytest.mark.parametrize(
    ("function", "expression", "interval"),
    [(np.sin, sp.sin(x), (-3, 3)), (lambda w: w**w, x**x, (0.2, 3))],
    ids=["sin", "w^w"],
)
def test_nested_grad_gives_the_second_and_third_derivatives(function, expression, interval):
    second = sp.lambdify(x, sp.diff(expression, x, 2))
    third = sp.lambdify(x, sp.diff(expression, x, 3))
    for point in np.linspace(*interval, 50):
        assert relative_error(grad(grad(function))(point), second(point)) <= EXACT
        assert relative_error(grad(grad(grad(function)))(point), third(point)) <= THIRD
        # the same by forward over reverse, and forward over forward
        assert relative_error(derivative_of(grad(function))(point), second(point)) <= EXACT
        assert relative_error(derivative_of(derivative_of(function))(point), second(point)) <= EXACT


@pytest.mark.parametrize("name", ONE_VARIABLE)
def test_the_second_derivative_of_every_function_of_one_variable_matches_sympy(name):
    function, expression, interval = ONE_VARIABLE[name]
    points = np.linspace(*interval, 101)
    # (|w|³)'' = 6|w| + 6w²·δ(w), and w²·δ(w) = 0 as a function: drop the δ
    exact = sp.diff(expression, x, 2).replace(sp.DiracDelta, lambda *args: sp.S.Zero)
    second = np.broadcast_to(sp.lambdify(x, exact, "numpy")(points), points.shape)
    # Elementwise f: the Hessian of sum(f(w)) is diagonal, f''(w), so the
    # gradient of sum(grad(sum f)) is f''(w) at every point at once.
    total = lambda w: np.sum(function(w))
    got = grad(lambda w: np.sum(grad(total)(w)))(points)
    assert relative_error(got, second) <= EXACT
    np.testing.assert_allclose(hvp(total, points, np.ones_like(points)), got, rtol=EXACT, atol=EXACT)
    for point, expected in zip(points[::25], second[::25]):
        assert relative_error(grad(grad(function))(point), expected) <= EXACT


def sympy_hessian(expression):
    symbols = [s for s in (x, y, z) if s in expression.free_symbols]
    return symbols, sp.lambdify(symbols, sp.hessian(expression, symbols))


@pytest.mark.parametrize("name", MANY_VARIABLES)
def test_the_hessian_as_jacobian_of_the_gradient_matches_sympy(name):
    function, expression = MANY_VARIABLES[name]
    symbols, exact = sympy_hessian(expression)
    rng = np.random.default_rng(15)
    for _ in range(20):
        point = rng.uniform(-1.5, 1.5, size=len(symbols))
        H = jacobian(grad(function), point)
        assert H.shape == (len(symbols),) * 2
        assert relative_error(H, np.asarray(exact(*point), dtype=float)) <= EXACT


@pytest.mark.parametrize("name", MANY_VARIABLES)
def test_hvp_is_the_sympy_hessian_times_v(name):
    function, expression = MANY_VARIABLES[name]
    symbols, exact = sympy_hessian(expression)
    rng = np.random.default_rng(16)
    for _ in range(20):
        point, v = rng.uniform(-1.5, 1.5, size=(2, len(symbols)))
        got = hvp(function, point, v)
        assert got.shape == point.shape
        assert relative_error(got, np.asarray(exact(*point), dtype=float) @ v) <= EXACT


@pytest.mark.parametrize("name", MANY_VARIABLES)
def test_the_hessian_diagonal_by_nested_grad_matches_sympy(name):
    function, expression = MANY_VARIABLES[name]
    symbols, exact = sympy_hessian(expression)
    rng = np.random.default_rng(17)
    for _ in range(10):
        point = rng.uniform(-1.5, 1.5, size=len(symbols))
        diagonal = [grad(lambda w, i=i: grad(function)(w)[i])(point)[i] for i in range(len(symbols))]
        assert relative_error(np.array(diagonal), np.diag(np.asarray(exact(*point), dtype=float))) <= EXACT


def test_hvp_of_a_two_layer_network_loss_matches_sympy():
    rng = np.random.default_rng(3)
    inputs, targets = rng.normal(size=(4, 3)), rng.normal(size=4)
    theta, v = rng.normal(size=(2, 8))

    def loss(theta):
        hidden = np.tanh(inputs @ theta[:6].reshape(3, 2))
        return np.mean((hidden @ theta[6:] - targets) ** 2)

    symbols = sp.symbols("t0:8", real=True)
    hidden = (sp.Matrix(inputs) * sp.Matrix(3, 2, symbols[:6])).applyfunc(sp.tanh)
    residuals = hidden * sp.Matrix(symbols[6:]) - sp.Matrix(targets)
    expression = sum(r**2 for r in residuals) / 4
    H = np.array(sp.hessian(expression, symbols).evalf(subs=dict(zip(symbols, theta))), dtype=float)
    assert relative_error(hvp(loss, theta, v), H @ v) <= EXACT
    assert relative_error(jacobian(grad(loss), theta), H) <= EXACT


def test_hvp_calls_f_once_where_a_whole_hessian_calls_it_once_per_input():
    calls = []

    def f(w):
        calls.append(1)
        return np.sum(np.sin(w) * w[0])

    w = np.linspace(0, 1, 50)
    hvp(f, w, np.ones(50))
    assert len(calls) == 1
    calls.clear()
    jacobian(grad(f), w)
    assert len(calls) == 50 + 1  # one forward pass per column, plus one to learn the shape


# ----- perturbation confusion ------------------------------------------------------
# d/dx [x · d/dy (x + y)] = d/dx [x · 1] = 1. A derivative that mixed up the
# inner and the outer variable would give 2 (Siskind & Pearlmutter, 2005).

INNER_OUTER = {
    "grad in grad": (grad, grad),
    "jvp in jvp": (derivative_of, derivative_of),
    "grad in jvp": (derivative_of, grad),
    "jvp in grad": (grad, derivative_of),
}


@pytest.mark.parametrize("kinds", INNER_OUTER)
def test_nested_derivatives_keep_the_inner_and_the_outer_variable_apart(kinds):
    outer, inner = INNER_OUTER[kinds]
    for at in (-2.0, 0.5, 3.0):
        assert outer(lambda x: x * inner(lambda y: x + y)(1.0))(at) == 1.0
        # d/dx [x · d/dy (x y)] = d/dx x² = 2x
        assert outer(lambda x: x * inner(lambda y: x * y)(1.0))(at) == 2 * at
        # d/dx [d/dy (x y²) at y = x] = d/dx 2x² = 4x
        assert outer(lambda x: inner(lambda y: x * y**2)(x))(at) == pytest.approx(4 * at, rel=EXACT)


def test_an_inner_gradient_of_a_vector_uses_the_outer_value_as_a_constant():
    # f(a) = Σ_i d/dw_i (a · w_i²) at w = (1, 2) = 2a(1 + 2) = 6a, so f'(a) = 6
    f = lambda a: np.sum(grad(lambda w: a * np.sum(w**2))(np.array([1.0, 2.0])))
    assert grad(f)(0.7) == 6.0


def test_the_gradient_of_a_jvp_in_its_direction_is_the_gradient():
    # jvp(f, w, v)[1] = ∇f(w)·v is linear in v, so its gradient in v is ∇f(w) (reverse over forward)
    f = MANY_VARIABLES["exp(w0 w1 / 2) - log(1 + w2²)"][0]
    rng = np.random.default_rng(19)
    for _ in range(10):
        point, v = rng.uniform(-1.5, 1.5, size=(2, 3))
        np.testing.assert_allclose(grad(lambda u: jvp(f, point, u)[1])(v), grad(f)(point), rtol=EXACT)


# ----- the same f, in every mode ----------------------------------------------------


def test_the_same_f_works_in_grad_jvp_jacobian_and_hvp():
    A = np.array([[1.0, -2.0, 0.5], [0.3, 0.0, 1.0]])
    # operators, indexing, @, np.tanh, np.exp, np.mean, np.linalg.norm, as a reader writes it
    f = lambda w: np.sum(np.tanh(A @ w) ** 2) + np.mean(np.exp(w / 3)) + w[0] * w[1] ** 3 - np.linalg.norm(w)
    symbols = sp.symbols("w0:3", real=True)
    Aw = sp.Matrix(A) * sp.Matrix(symbols)
    expression = (sum(sp.tanh(e) ** 2 for e in Aw) + sum(sp.exp(s / 3) for s in symbols) / 3
                  + symbols[0] * symbols[1] ** 3 - sp.sqrt(sum(s**2 for s in symbols)))
    gradient = sp.lambdify(symbols, [sp.diff(expression, s) for s in symbols])
    hessian = sp.lambdify(symbols, sp.hessian(expression, symbols))
    rng = np.random.default_rng(18)
    for _ in range(20):
        point, v = rng.uniform(-1.5, 1.5, size=(2, 3))
        exact_gradient = np.array(gradient(*point), dtype=float)
        exact_hessian = np.asarray(hessian(*point), dtype=float)
        assert relative_error(grad(f)(point), exact_gradient) <= EXACT
        assert relative_error(jvp(f, point, v)[1], exact_gradient @ v) <= EXACT
        assert relative_error(jacobian(f, point), exact_gradient) <= EXACT
        assert relative_error(hvp(f, point, v), exact_hessian @ v) <= EXACT
        assert relative_error(jacobian(grad(f), point), exact_hessian) <= EXACT


# ----- conventions, one level up -----------------------------------------------------


def test_second_derivatives_keep_the_conventions_at_kinks_and_zeros():
    assert grad(grad(ad.relu))(2.0) == 0.0
    assert grad(grad(abs))(-1.5) == 0.0
    assert grad(grad(lambda w: w**2))(0.0) == 2.0
    assert grad(grad(lambda w: w**0))(0.0) == 0.0
    assert grad(grad(lambda w: w**3))(0.0) == 0.0
    assert grad(grad(ad.sqrt))(4.0) == pytest.approx(-1 / 32, rel=EXACT)  # -w^(-3/2) / 4
    np.testing.assert_array_equal(hvp(lambda w: np.sum(np.maximum(w, 0) ** 2), np.array([-1.0, 2.0]), np.ones(2)),
                                  [0.0, 2.0])


def test_the_hessian_of_a_to_the_b_at_a_0_takes_the_limits():
    # f = a^b at (0, 2): f_aa = b(b-1)a^(b-2) = 2; f_ab = a^(b-1)(1 + b log a) -> 0 and
    # f_bb = a^b log² a -> 0 as a -> 0+ (the first derivatives' conventions, one level up)
    f = lambda w: w[0] ** w[1]
    point = np.array([0.0, 2.0])
    np.testing.assert_array_equal(jacobian(grad(f), point), [[2.0, 0.0], [0.0, 0.0]])
    rows = [grad(lambda w, i=i: grad(f)(w)[i])(point) for i in range(2)]
    np.testing.assert_array_equal(rows, [[2.0, 0.0], [0.0, 0.0]])


def test_grad_of_a_gradient_of_several_variables_asks_for_one_number():
    with pytest.raises(ValueError, match=r"single number .*shape \(2,\).*jacobian"):
        grad(grad(lambda w: np.sum(w**3)))(np.array([1.0, 2.0]))


def test_hvp_refuses_a_vector_valued_f_and_a_direction_of_another_shape():
    with pytest.raises(ValueError, match=r"^f must return a single number"):
        hvp(lambda w: w**2, np.ones(2), np.ones(2))
    with pytest.raises(ValueError, match=r"^v must have the shape of w"):
        hvp(lambda w: np.sum(w**2), np.ones(2), np.ones(3))
    with pytest.raises(ValueError, match=r"^v must be finite"):
        hvp(lambda w: np.sum(w**2), np.ones(2), [1.0, np.inf])
    with pytest.raises(TypeError, match=r"^f must be a callable"):
        hvp(None, 1.0, 1.0)
