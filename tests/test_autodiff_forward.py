"""Forward mode (jvp) and jacobian against SymPy, closed forms and reverse mode.

Like grad, forward mode is exact up to floating-point rounding: it uses the
same local derivatives, in the other order. So the tolerance is the same few
ulps (1e-12 relative to max(1, |exact|)), not a finite-difference one.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from test_autodiff import EXACT, MANY_VARIABLES, ONE_VARIABLE, relative_error, x, y, z

from calcnotes import autodiff as ad
from calcnotes import grad
from calcnotes.autodiff import jacobian, jvp


@pytest.mark.parametrize("name", ONE_VARIABLE)
def test_jvp_of_a_function_of_one_variable_matches_sympy(name):
    function, expression, interval = ONE_VARIABLE[name]
    points = np.linspace(*interval, 200)
    slope = sp.lambdify(x, sp.diff(expression, x), "numpy")
    # elementwise: the Jacobian is diagonal, so along v = 1 the tangent is f'(w)
    value, tangent = jvp(function, points, np.ones_like(points))
    assert relative_error(value, sp.lambdify(x, expression, "numpy")(points)) <= EXACT
    assert relative_error(tangent, slope(points)) <= EXACT
    for point in points[::40]:  # and one number at a time, along v = 2
        value, tangent = jvp(function, point, 2.0)
        assert type(value) is float and type(tangent) is float
        assert relative_error(tangent, 2 * float(slope(point))) <= EXACT


@pytest.mark.parametrize("name", MANY_VARIABLES)
def test_jvp_of_a_function_of_several_variables_is_the_sympy_gradient_along_v(name):
    function, expression = MANY_VARIABLES[name]
    symbols = [s for s in (x, y, z) if s in expression.free_symbols]
    exact = [sp.lambdify(symbols, sp.diff(expression, s)) for s in symbols]
    rng = np.random.default_rng(8)
    for _ in range(30):
        point, v = rng.uniform(-1.5, 1.5, size=(2, len(symbols)))
        _, tangent = jvp(function, point, v)
        assert relative_error(tangent, np.dot([float(d(*point)) for d in exact], v)) <= EXACT


def test_jvp_calls_f_once_whatever_the_size_of_w():
    calls = []

    def f(w):
        calls.append(1)
        return np.sum(np.sin(w) * w)

    jvp(f, np.linspace(0, 1, 1000), np.ones(1000))
    assert len(calls) == 1


# A map R³ -> R⁴ written three ways: np.array of traced numbers, np.stack,
# and fancy indexing times a stack (each operation has its own forward rule).
U = sp.Matrix([x * y, sp.sin(x) + z**2, sp.exp(y * z) - x, x / (1 + y**2)])
VECTOR_FUNCTIONS = {
    "np.array": lambda w: np.array([w[0] * w[1], np.sin(w[0]) + w[2] ** 2, np.exp(w[1] * w[2]) - w[0], w[0] / (1 + w[1] ** 2)]),
    "np.stack": lambda w: np.stack([w[0] * w[1], np.sin(w[0]) + w[2] ** 2, np.exp(w[1] * w[2]) - w[0], w[0] / (1 + w[1] ** 2)]),
    "fancy indexing times a stack": lambda w: w[[0, 0, 1, 0]] * np.stack([w[1], 0 * w[0], w[2], 1 / (1 + w[1] ** 2)])
    + np.stack([0 * w[0], np.sin(w[0]) + w[2] ** 2, np.exp(w[1] * w[2]) - w[0] - w[1] * w[2], 0 * w[0]]),
}
EXACT_JACOBIAN = sp.lambdify([x, y, z], U.jacobian([x, y, z]))


@pytest.mark.parametrize("style", VECTOR_FUNCTIONS)
def test_jvp_of_a_vector_valued_f_is_the_jacobian_times_v(style):
    f = VECTOR_FUNCTIONS[style]
    rng = np.random.default_rng(9)
    for _ in range(20):
        point, v = rng.uniform(-1, 1, size=(2, 3))
        value, tangent = jvp(f, point, v)
        assert value.shape == tangent.shape == (4,)
        np.testing.assert_allclose(value, np.array(U.subs(dict(zip((x, y, z), point))), dtype=float).ravel(), rtol=EXACT)
        assert relative_error(tangent, np.asarray(EXACT_JACOBIAN(*point), dtype=float) @ v) <= EXACT


@pytest.mark.parametrize("style", VECTOR_FUNCTIONS)
def test_the_jacobian_of_a_tall_f_matches_sympy(style):
    # 4 outputs, 3 inputs: built by forward mode, column by column
    rng = np.random.default_rng(10)
    for _ in range(20):
        point = rng.uniform(-1, 1, size=3)
        got = jacobian(VECTOR_FUNCTIONS[style], point)
        assert got.shape == (4, 3)
        assert relative_error(got, np.asarray(EXACT_JACOBIAN(*point), dtype=float)) <= EXACT


def test_the_jacobian_of_a_wide_f_matches_sympy():
    # 2 outputs, 3 inputs: built by reverse mode, row by row
    wide = sp.Matrix([x * sp.exp(y) - z, sp.tanh(x * z) + y**3])
    exact = sp.lambdify([x, y, z], wide.jacobian([x, y, z]))
    f = lambda w: np.array([w[0] * np.exp(w[1]) - w[2], np.tanh(w[0] * w[2]) + w[1] ** 3])
    rng = np.random.default_rng(12)
    for _ in range(20):
        point = rng.uniform(-1, 1, size=3)
        got = jacobian(f, point)
        assert got.shape == (2, 3)
        assert relative_error(got, np.asarray(exact(*point), dtype=float)) <= EXACT


def counting(f):
    calls = []

    def counted(w):
        calls.append(1)
        return f(w)

    return counted, calls


def test_the_jacobian_takes_the_cheaper_mode_one_trace_for_a_wide_f_one_pass_per_input_for_a_tall_one():
    wide, calls = counting(lambda w: np.stack([np.sum(w**2), np.sum(np.sin(w))]))
    jacobian(wide, np.ones(10))
    assert len(calls) == 1  # traced once, two backward passes
    tall, calls = counting(VECTOR_FUNCTIONS["np.array"])
    jacobian(tall, np.ones(3))
    assert len(calls) == 3 + 1  # one jvp per input, after the trace that finds the shape


def test_the_jacobian_of_an_affine_map_is_its_matrix_in_both_modes():
    rng = np.random.default_rng(13)
    for rows, columns in [(5, 3), (3, 5), (4, 4)]:
        A, b = rng.normal(size=(rows, columns)), rng.normal(size=rows)
        np.testing.assert_allclose(jacobian(lambda w: A @ w + b, rng.normal(size=columns)), A, rtol=EXACT, atol=1e-15)


def test_the_jacobian_has_the_shape_of_f_then_the_shape_of_w():
    assert type(jacobian(lambda w: w**3, 2.0)) is float
    assert jacobian(lambda w: w**3, 2.0) == 12.0
    np.testing.assert_array_equal(jacobian(lambda w: np.stack([w, w**2]), 3.0), [1.0, 6.0])  # scalar w
    np.testing.assert_array_equal(jacobian(lambda w: np.sum(w**2), np.array([1.0, 2.0])), [2.0, 4.0])  # scalar f
    W = np.arange(6.0).reshape(2, 3)
    J = jacobian(lambda W: W.sum(axis=0) ** 2, W)  # (3,) out, (2, 3) in
    assert J.shape == (3, 2, 3)
    for k in range(3):  # ∂(Σ_i W_ik)²/∂W_ij = 2 Σ_i W_ik when j = k
        expected = np.zeros((2, 3))
        expected[:, k] = 2 * W[:, k].sum()
        np.testing.assert_array_equal(J[k], expected)
    np.testing.assert_array_equal(jacobian(lambda w: np.zeros(2), np.ones(3)), np.zeros((2, 3)))


# ----- forward mode through every shape operation: the same as reverse mode --------
# grad is checked against closed forms in test_autodiff; here forward mode must
# give grad(f)(w) · v for random v, for f using each operation.

A = np.array([[2.0, -1.0, 0.5], [0.0, 3.0, 1.0], [4.0, 1.0, -2.0]])
B = np.arange(6.0).reshape(2, 3) / 4
STRUCTURAL = {
    "broadcast against a matrix": (lambda w: np.sum((w + B) ** 2 * w[:, None].T), (3,)),
    "broadcast a column": (lambda c: np.sum(c * B + c**2), (2, 1)),
    "w @ A @ w": (lambda w: w @ A @ w, (3,)),
    "matrix @ vector and vector @ matrix": (lambda w: np.sum(np.tanh(A @ w) * (w @ A)), (3,)),
    "stacked matmul": (lambda W: np.sum(np.sin(np.stack([W, 2 * W]) @ A)), (2, 3)),
    "np.dot": (lambda w: np.dot(w, w) * np.dot(2.0, w[0]), (3,)),
    "fancy indexing with repeats": (lambda w: np.sum(w[[0, 0, 2]] ** 3), (3,)),
    "slices and negative indices": (lambda W: W[-1, 0] * W.T[2, 0] + np.sum(W[:, 1] ** 2), (2, 3)),
    "sums and means over axes": (lambda W: np.sum(W.sum(axis=0) ** 2) + np.mean(W, axis=1) @ np.arange(2.0) + W.mean(), (2, 3)),
    "sum with keepdims": (lambda W: np.sum(W.sum(axis=1, keepdims=True) * W), (2, 3)),
    "reshape and transpose": (lambda W: np.sum(W.reshape(3, 2) ** 2 * np.transpose(W, (-1, -2))), (2, 3)),
    "transpose of three axes": (lambda W: np.sum(np.transpose(W, (-1, 0, 1)) ** 2 * np.arange(24.0).reshape(4, 2, 3)), (2, 3, 4)),
    "maximum and minimum": (lambda w: np.sum(np.maximum(w, 0.1) * np.minimum(w, -0.2) + abs(w)), (3,)),
    "traced exponent": (lambda w: (w[0] ** 2 + 1) ** w[1] + 2.0 ** w[2], (3,)),
    "norm": (lambda w: np.linalg.norm(w) * w[0], (3,)),
    "iteration": (lambda w: sum(v**2 for v in w), (3,)),
}


@pytest.mark.parametrize("name", STRUCTURAL)
def test_forward_mode_agrees_with_reverse_mode_through_every_shape_operation(name):
    f, shape = STRUCTURAL[name]
    rng = np.random.default_rng(14)
    for _ in range(10):
        point, v = rng.uniform(-1.5, 1.5, size=(2, *shape))
        value, tangent = jvp(f, point, v)
        assert value == pytest.approx(f(point), rel=EXACT)
        assert tangent == pytest.approx(np.sum(grad(f)(point) * v), rel=1e-11, abs=1e-13)  # sums of ~20 products


def test_the_tangent_of_a_broadcast_result_has_the_shape_of_the_result():
    w, v = np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0])
    value, tangent = jvp(lambda w: w + B, w, v)  # (3,) + (2, 3): the tangent moves both rows
    assert value.shape == tangent.shape == (2, 3)
    np.testing.assert_array_equal(tangent, np.broadcast_to(v, (2, 3)))
    assert jvp(lambda w: np.sum(w + B), w, v)[1] == 2 * v.sum()
    np.testing.assert_array_equal(jvp(lambda c: np.sum(c + B, axis=1), np.ones((2, 1)), np.array([[1.0], [2.0]]))[1], [3.0, 6.0])
    value, tangent = jvp(lambda w: np.broadcast_to(w, (2, 3)), w, v)
    assert tangent.shape == (2, 3)
    np.testing.assert_array_equal(tangent, [v, v])


def test_ties_and_kinks_have_the_same_slopes_forwards_as_backwards():
    points = np.array([-1.0, 0.0, 2.0])
    for f in (ad.relu, np.abs, lambda w: np.maximum(w, 0), lambda w: np.minimum(w, 0)):
        np.testing.assert_array_equal(jvp(f, points, np.ones(3))[1], grad(lambda w: np.sum(f(w)))(points))
    assert jvp(lambda w: w**0, 0.0, 1.0) == (1.0, 0.0)
    assert jvp(lambda w: np.linalg.norm(w), np.zeros(2), np.ones(2))[1] == 0.0


def test_jvp_of_a_function_that_ignores_w_is_zero():
    assert jvp(lambda w: 5.0, 1.0, 1.0) == (5.0, 0.0)
    value, tangent = jvp(lambda w: np.ones(2), np.ones(3), np.ones(3))
    np.testing.assert_array_equal(tangent, [0.0, 0.0])


# ----- bad input -------------------------------------------------------------------


def test_jvp_refuses_a_direction_of_another_shape_naming_v():
    with pytest.raises(ValueError, match=r"^v must have the shape of w, \(3,\), got \(2,\)"):
        jvp(np.sin, np.ones(3), np.ones(2))
    with pytest.raises(ValueError, match=r"^v must have the shape of w"):
        jvp(np.sin, 1.0, np.ones(1))


@pytest.mark.parametrize("bad", [np.nan, np.inf, [1.0, np.nan, 0.0]])
def test_jvp_refuses_a_point_or_direction_that_is_not_finite(bad):
    with pytest.raises(ValueError, match=r"^v must be finite"):
        jvp(np.sin, np.ones(np.size(bad)), bad)
    with pytest.raises(ValueError, match=r"^w must be finite"):
        jvp(np.sin, bad, np.ones(np.size(bad)))
    with pytest.raises(ValueError, match=r"^w must be finite"):
        jacobian(np.sin, bad)


@pytest.mark.parametrize("v", [None, "1", 1j])
def test_jvp_refuses_a_direction_that_is_not_real_numbers(v):
    with pytest.raises((TypeError, ValueError), match=r"^v must be (a )?real"):
        jvp(np.sin, 1.0, v)


@pytest.mark.parametrize("returned", [None, "loss", {}, [object()]], ids=["None", "str", "dict", "list"])
def test_jvp_and_jacobian_refuse_an_f_that_returns_no_numbers(returned):
    with pytest.raises(ValueError, match=r"^f must return real numbers, got"):
        jvp(lambda w: returned, 1.0, 1.0)
    with pytest.raises(ValueError, match=r"^f must return real numbers, got"):
        jacobian(lambda w: returned, np.ones(2))


def test_jvp_and_jacobian_refuse_an_f_that_is_not_callable():
    with pytest.raises(TypeError, match=r"^f must be a callable"):
        jvp(2.0, 1.0, 1.0)
    with pytest.raises(TypeError, match=r"^f must be a callable"):
        jacobian("f", 1.0)
