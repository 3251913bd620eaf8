"""Newton's method with exact derivatives, against closed forms and SymPy."""

from __future__ import annotations

import warnings

import mpmath
import numpy as np
import pytest
import sympy as sp

import calcnotes
from calcnotes import DescentResult, newton

w, w1, w2 = sp.symbols("w w1 w2", real=True)


def never_called(point):
    raise AssertionError("f was called before the arguments were checked")


def _newton_map(expr):
    """Oracle: SymPy's Newton map w − g′(w)/g″(w), as a function evaluated by mpmath at 40 digits."""
    update = sp.lambdify(w, w - sp.diff(expr, w) / sp.diff(expr, w, 2), "mpmath")

    def step(x):
        with mpmath.workdps(40):
            return update(mpmath.mpf(x))

    return step


# ------------------------------------------------------------ quadratics --


@pytest.mark.parametrize("a, c, start", [(1.0, 3.0, 10.0), (0.25, -2.0, 5.0), (7.0, 0.5, -40.0), (-2.0, 1.0, 4.0)])
def test_on_a_parabola_one_step_lands_on_its_vertex_exactly(a, c, start):
    # g(w) = a (w − c)² + 1: g′/g″ = (w − c), so w¹ = c from anywhere (a maximum when a < 0).
    run = newton(lambda v: a * (v - c) ** 2 + 1.0, start, steps=5, tol=1e-12)
    assert run.path[1] == c
    assert run.steps == 1 and run.converged and not run.diverged
    assert run.w == c and type(run.w) is float
    np.testing.assert_allclose(run.values, [a * (start - c) ** 2 + 1.0, 1.0], rtol=1e-15)


QUADRATICS = {  # ½ wᵀ A w − bᵀ w with rational A, b: the critical point solves A w = b
    "bowl": ([[3, 1], [1, 2]], [1, 1]),
    "narrow valley": ([[1000, -20], [-20, 1]], [5, -3]),
    "saddle": ([[2, 0], [0, -4]], [1, 2]),
    "three inputs": ([[4, 1, 0], [1, 3, -1], [0, -1, 2]], [1, -2, 3]),
}


@pytest.mark.parametrize("name", QUADRATICS)
def test_on_a_quadratic_in_several_variables_one_step_solves_a_w_equals_b(name):
    A, b = QUADRATICS[name]
    exact = sp.Matrix(A).LUsolve(sp.Matrix(b))  # SymPy, in rationals
    An, bn = np.array(A, float), np.array(b, float)
    g = lambda v: 0.5 * v @ (An @ v) - bn @ v  # noqa: E731
    for start in ([0.0] * len(b), [5.0, -3.0, 1.0][: len(b)]):
        run = newton(g, start, steps=3)
        np.testing.assert_allclose(run.path[1], np.array(exact, float).ravel(), rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(run.path[2], run.path[1], rtol=1e-13, atol=1e-15)  # it stays there
        assert run.path.shape == (4, len(b)) and not run.diverged


def test_a_matrix_of_weights_keeps_its_shape_and_lands_in_one_step():
    target = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]])
    g = lambda W: np.sum((W - target) ** 2) + 0.5 * np.sum(W[0] * W[1])  # noqa: E731
    # ∇g = 2(W − T) + ½ (row swap of W); SymPy solves ∇g = 0.
    ws = sp.Matrix(2, 3, lambda i, j: sp.Symbol(f"W{i}{j}"))
    expr = sum((ws[i, j] - sp.nsimplify(target[i, j])) ** 2 for i in range(2) for j in range(3)) \
        + sp.Rational(1, 2) * sum(ws[0, j] * ws[1, j] for j in range(3))
    solution = sp.solve([sp.diff(expr, v) for v in ws], list(ws))
    exact = np.array([[float(solution[ws[i, j]]) for j in range(3)] for i in range(2)])
    run = newton(g, np.zeros((2, 3)), steps=2)
    assert run.path.shape == (3, 2, 3)
    np.testing.assert_allclose(run.path[1], exact, rtol=1e-13)


# ------------------------------------------------------------ beyond quadratics --


def test_rosenbrock_from_its_classic_start_reaches_its_minimum_at_1_1():
    rosenbrock = lambda v: 100 * (v[1] - v[0] ** 2) ** 2 + (1 - v[0]) ** 2  # noqa: E731
    run = newton(rosenbrock, [-1.2, 1.0], steps=100, tol=1e-10)
    assert run.converged and not run.diverged
    np.testing.assert_allclose(run.w, [1.0, 1.0], rtol=0, atol=1e-12)
    assert run.steps <= 10  # it takes 7; gradient descent needs tens of thousands
    assert run.values[-1] < 1e-20


def test_rosenbrocks_newton_iterates_agree_with_sympys_newton_step():
    expr = 100 * (w2 - w1**2) ** 2 + (1 - w1) ** 2
    gradient = sp.Matrix([sp.diff(expr, v) for v in (w1, w2)])
    hessian = sp.hessian(expr, (w1, w2))
    run = newton(lambda v: 100 * (v[1] - v[0] ** 2) ** 2 + (1 - v[0]) ** 2, [-1.2, 1.0], steps=5)
    for here, there in zip(run.path[:-1], run.path[1:]):
        at = {w1: sp.Float(here[0], 30), w2: sp.Float(here[1], 30)}
        exact = np.array(sp.Matrix([w1, w2]).subs(at) - hessian.subs(at).LUsolve(gradient.subs(at)), float)
        np.testing.assert_allclose(there, exact.ravel(), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("expr, g, start", [
    (sp.exp(w) - 2 * w, lambda v: np.exp(v) - 2 * v, 2.0),
    (sp.log(sp.cosh(w)), lambda v: np.log(np.cosh(v)), 1.0),
    (w**4 / 4 - w**2 / 2, lambda v: v**4 / 4 - v**2 / 2, 0.4),
    (sp.sin(w) + w**2 / 10, lambda v: np.sin(v) + v**2 / 10, -1.0),
])
def test_in_one_variable_each_iterate_is_sympys_w_minus_g1_over_g2(expr, g, start):
    step = _newton_map(expr)
    run = newton(g, start, steps=4)
    for here, there in zip(run.path[:-1], run.path[1:]):
        assert there == pytest.approx(float(step(here)), rel=1e-12, abs=1e-15)
    assert run.path.shape == (5,) and run.values.shape == (5,)


def test_near_a_minimum_the_error_is_squared_each_step_times_g3_over_2_g2():
    # e^w − 2w has its minimum at ln 2; there g″ = g‴ = 2, so e_{k+1}/e_k² → g‴/(2g″) = 1/2.
    expr = sp.exp(w) - 2 * w
    limit = float((sp.diff(expr, w, 3) / (2 * sp.diff(expr, w, 2))).subs(w, sp.log(2)))
    run = newton(lambda v: np.exp(v) - 2 * v, 2.0, steps=6)
    errors = np.abs(run.path - np.log(2))
    ratios = errors[1:6] / errors[:5] ** 2
    assert ratios[-1] == pytest.approx(limit, rel=1e-4)
    assert np.all(np.diff(np.abs(ratios - limit)) < 0)  # closing in on it
    assert errors[5] < 1e-9 and errors[6] < 1e-15


def test_newton_heads_for_any_critical_point_a_saddle_or_a_maximum_too():
    saddle = newton(lambda v: v[0] ** 2 - v[1] ** 2, [1.0, 2.0], steps=3)
    np.testing.assert_array_equal(saddle.path[1], [0.0, 0.0])
    maximum = newton(lambda v: np.cos(v), 0.5, steps=8, tol=1e-12)
    assert maximum.converged and abs(maximum.w) < 1e-12  # cos has its maximum at 0
    assert np.all(np.diff(maximum.values) > 0)  # uphill, every step


# ------------------------------------------------------------ stopping --


def test_it_stops_at_the_first_iterate_whose_gradient_is_below_tol():
    g = lambda v: np.exp(v) - 2 * v  # noqa: E731
    full = newton(g, 2.0, steps=6)
    slopes = np.abs(np.exp(full.path) - 2)  # g′ = eʷ − 2
    first = int(np.argmax(slopes < 1e-6))
    run = newton(g, 2.0, steps=20, tol=1e-6)
    assert run.converged and run.steps == first
    np.testing.assert_array_equal(run.path, full.path[: first + 1])


def test_at_a_flat_minimum_like_w4_convergence_is_only_linear_and_tol_counts_the_steps():
    # w − 4w³/(12w²) = (2/3) w: w_k = (2/3)^k w0, and |g′(w_k)| = 4 w_k³ < tol first at
    # k = ceil(log(tol / (4 w0³)) / (3 log(2/3))).
    tol = 1e-6
    first = int(np.ceil(np.log(tol / 4) / (3 * np.log(2 / 3))))
    run = newton(lambda v: v**4, 1.0, steps=1000, tol=tol)
    assert run.converged and run.steps == first
    np.testing.assert_allclose(run.path, (2 / 3) ** np.arange(first + 1), rtol=1e-13)


def test_convergence_reached_at_the_last_step_allowed_is_reported():
    g = lambda v: np.exp(v) - 2 * v  # noqa: E731
    first = newton(g, 2.0, steps=20, tol=1e-6).steps
    assert newton(g, 2.0, steps=first, tol=1e-6).converged
    assert not newton(g, 2.0, steps=first - 1, tol=1e-6).converged


def test_zero_steps_return_the_start_and_check_it_against_tol():
    run = newton(lambda v: (v - 1.0) ** 2, 1.0, steps=0, tol=1e-8)
    assert run.path.tolist() == [1.0] and run.converged and run.steps == 0
    assert not newton(lambda v: (v - 1.0) ** 2, 3.0, steps=0, tol=1e-8).converged


def test_far_from_the_minimum_of_log_cosh_it_overshoots_and_the_run_is_flagged_diverged():
    # Newton's map for log cosh w is w − sinh w cosh w: from 1.5 each step lands farther out.
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warnings leak
        run = newton(lambda v: np.log(np.cosh(v)), 1.5, steps=100)
    assert run.diverged and not run.converged and run.steps < 100
    step = _newton_map(sp.log(sp.cosh(w)))
    assert run.path[1] == pytest.approx(float(step(1.5)), rel=1e-12)
    assert np.all(np.abs(run.path[1:]) > np.abs(run.path[:-1]))  # away from 0, every step


def test_a_singular_hessian_stops_the_run_flagged_diverged_at_that_point():
    # g″(0) = 0 for w³ − 3w while g′(0) = −3: the Newton step is undefined.
    one = newton(lambda v: v**3 - 3 * v, 0.0, steps=10)
    assert one.diverged and one.path.tolist() == [0.0] and one.values.tolist() == [0.0]
    # w₁² + w₂ has the Hessian diag(2, 0) everywhere, and no critical point.
    two = newton(lambda v: v[0] ** 2 + v[1], [1.0, 2.0], steps=10, tol=1e-8)
    assert two.diverged and not two.converged and two.path.tolist() == [[1.0, 2.0]]


def test_a_hessian_singular_to_rounding_stops_the_run_too_instead_of_a_huge_step():
    # H = [[1, 1], [1, 1 + 4.4e-16]]: invertible on paper, condition number ~10¹⁶;
    # a solve would return a step of about 10¹⁶ made of rounding noise.
    g = lambda v: 0.5 * (v[0] + v[1]) ** 2 + 2.2e-16 * v[1] ** 2 + v[0]  # noqa: E731
    run = newton(g, [1.0, 1.0], steps=5)
    assert run.diverged and run.path.tolist() == [[1.0, 1.0]]


def test_at_a_critical_point_the_step_is_zero_even_where_the_hessian_is_singular():
    run = newton(lambda v: v**4, 0.0, steps=3)  # g′(0) = g″(0) = 0
    assert run.path.tolist() == [0.0] * 4 and not run.diverged


def test_a_nan_value_stops_the_run_instead_of_looping():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        at_start = newton(lambda v: np.sqrt(v), -1.0, steps=50)
        # w − (1/w)/(−1/w²) = 2w: out and out, until g″ = −1/w² underflows to 0 (singular)
        later = newton(lambda v: np.log(v), 3.0, steps=5000)
    assert at_start.diverged and at_start.steps == 0 and np.isnan(at_start.values[0])
    assert later.diverged and later.steps < 5000
    # exact doubling while 1/w² is a normal float (below ~1e154); then subnormals round
    np.testing.assert_allclose(later.path[:500], 3.0 * 2.0 ** np.arange(500), rtol=1e-14)


# ------------------------------------------------------------ the interface --


def test_it_returns_the_result_type_of_gradient_descent_and_is_exported():
    run = newton(lambda v: v**2, 1.0, steps=1)
    assert isinstance(run, DescentResult)
    assert calcnotes.newton is calcnotes.optimize.newton and "newton" in calcnotes.__all__


def test_the_callers_starting_array_is_left_alone():
    start = np.array([3.0, -1.0])
    run = newton(lambda v: np.sum(v**2), start, steps=2)
    assert start.tolist() == [3.0, -1.0] and run.w is not start
    run.w[0] = 99.0
    assert start[0] == 3.0


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: newton(3.0, 1.0, steps=1), TypeError, r"^f must be a callable"),
        (lambda: newton(never_called, float("nan"), steps=1), ValueError, r"^w0 must be finite"),
        (lambda: newton(never_called, [1.0, float("inf")], steps=1), ValueError, r"^w0 must be finite"),
        (lambda: newton(never_called, "one", steps=1), TypeError, r"^w0 must be a real number"),
        (lambda: newton(never_called, [], steps=1), ValueError, r"^w0 must not be empty"),
        (lambda: newton(never_called, 1.0, steps=-1), ValueError, r"^steps must be a whole number >= 0"),
        (lambda: newton(never_called, 1.0, steps=2.5), ValueError, r"^steps must be a whole number >= 0"),
        (lambda: newton(never_called, 1.0, steps=True), ValueError, r"^steps must be a whole number >= 0"),
        (lambda: newton(never_called, 1.0, steps=3, tol=0.0), ValueError, r"^tol must be a positive"),
        (lambda: newton(never_called, 1.0, steps=3, tol=float("nan")), ValueError, r"^tol must be a positive"),
        (lambda: newton(lambda v: np.array([v, v]), 1.0, steps=3), ValueError, r"^f must return a single number"),
        (lambda: newton(lambda v: "x", 1.0, steps=3), ValueError, r"^f must return a real number"),
    ],
)
def test_bad_input_is_an_early_error_naming_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_steps_is_required_by_keyword():
    with pytest.raises(TypeError):
        newton(lambda v: v**2, 1.0, 5)  # noqa: the number of steps must be named
