"""Gradient descent against closed forms, and the second-derivative test."""

import dataclasses
import math
import warnings

import numpy as np
import pytest

from calcnotes import classify_critical_point, grad, gradient_descent

square = lambda w: w**2  # noqa: E731


def test_descent_on_w_squared_follows_the_closed_form_5_times_0_8_to_the_k():
    # w_{k+1} = w_k - 0.1 * 2 w_k = 0.8 w_k
    exact = 5 * 0.8 ** np.arange(31)
    analytic = gradient_descent(square, 5.0, lr=0.1, steps=30, grad=lambda w: 2 * w)
    np.testing.assert_allclose(analytic.path, exact, rtol=1e-14)
    # a central difference of w² is exact up to rounding
    numeric = gradient_descent(square, 5.0, lr=0.1, steps=30)
    np.testing.assert_allclose(numeric.path, exact, rtol=1e-9)
    np.testing.assert_allclose(numeric.values, exact**2, rtol=1e-9)
    assert numeric.w == numeric.path[-1] and type(numeric.w) is float
    assert numeric.steps == 30 and not numeric.converged and not numeric.diverged


def test_descent_on_a_quadratic_bowl_shrinks_each_coordinate_by_its_own_factor():
    f = lambda w: w[0] ** 2 + 3 * w[1] ** 2  # noqa: E731
    result = gradient_descent(f, [1.0, 1.0], lr=0.1, steps=20)
    k = np.arange(21)
    np.testing.assert_allclose(result.path, np.column_stack([0.8**k, 0.4**k]), rtol=1e-8, atol=1e-15)
    assert result.path.shape == (21, 2)
    assert result.values.shape == (21,)


def test_descent_accepts_an_exact_gradient_from_grad():
    f = lambda w: np.sum((w - np.array([1.0, -2.0])) ** 2)  # noqa: E731
    result = gradient_descent(f, np.zeros(2), lr=0.25, steps=10, grad=grad(f))
    # w_{k+1} - c = (w_k - c) - 0.25 * 2 (w_k - c) = (w_k - c) / 2
    np.testing.assert_allclose(result.w, np.array([1.0, -2.0]) * (1 - 0.5**10), rtol=1e-15)


def test_descent_on_a_matrix_keeps_its_shape_in_every_row_of_the_path():
    result = gradient_descent(lambda W: np.sum(W**2), np.ones((2, 3)), lr=0.1, steps=4)
    assert result.path.shape == (5, 2, 3)
    np.testing.assert_allclose(result.path[-1], np.full((2, 3), 0.8**4), rtol=1e-9)


def test_descent_stops_once_the_gradient_is_below_tol():
    # |f'(w_k)| = 10 * 0.8^k < 1e-3 first at k = ceil(log(1e-4) / log(0.8))
    first = math.ceil(math.log(1e-4) / math.log(0.8))
    result = gradient_descent(square, 5.0, lr=0.1, steps=1000, tol=1e-3, grad=lambda w: 2 * w)
    assert result.converged and not result.diverged
    assert result.steps == first
    assert abs(2 * result.w) < 1e-3 <= abs(2 * result.path[-2])


def test_descent_reports_convergence_reached_at_the_last_step():
    first = math.ceil(math.log(1e-4) / math.log(0.8))
    result = gradient_descent(square, 5.0, lr=0.1, steps=first, tol=1e-3, grad=lambda w: 2 * w)
    assert result.converged and result.steps == first


@pytest.mark.parametrize("lr", [1.5, 3.0])
def test_a_learning_rate_above_1_on_w_squared_diverges_and_is_flagged(lr):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warnings leak
        result = gradient_descent(square, 5.0, lr=lr, steps=10_000, grad=lambda w: 2 * w)
    # |w_k| = 5 |1 - 2 lr|^k until it overflows
    k = np.arange(10)
    np.testing.assert_allclose(np.abs(result.path[:10]), 5 * abs(1 - 2 * lr) ** k, rtol=1e-14)
    assert result.diverged and not result.converged
    assert result.steps < 10_000
    assert not np.isfinite(result.values[-1])  # the first non-finite iterate is kept
    assert np.all(np.isfinite(result.values[:-1]))


def test_a_nan_value_stops_descent_instead_of_looping():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = gradient_descent(np.log, 1.0, lr=10.0, steps=100)  # w_1 = 1 - 10 * 1 = -9
    assert result.diverged
    np.testing.assert_allclose(result.path, [1.0, -9.0], rtol=1e-8)
    assert math.isnan(result.values[-1])


def test_a_start_where_f_is_not_finite_is_flagged_at_once():
    result = gradient_descent(lambda w: 1 / w, 0.0, lr=0.1, steps=10)
    assert result.diverged and result.steps == 0


def test_zero_steps_give_just_the_start():
    result = gradient_descent(square, 2.0, lr=0.1, steps=0)
    np.testing.assert_array_equal(result.path, [2.0])
    np.testing.assert_array_equal(result.values, [4.0])


@pytest.mark.parametrize("tol", [None, 1.0])  # no step asked for, or none needed
def test_a_result_without_steps_does_not_share_the_callers_array(tol):
    w0 = np.array([0.0, 0.0])
    result = gradient_descent(lambda w: w[0] ** 2 + w[1] ** 2, w0, lr=0.1, steps=0 if tol is None else 5, tol=tol)
    assert result.steps == 0
    result.w[0] = 99.0
    np.testing.assert_array_equal(w0, [0.0, 0.0])


def test_the_result_cannot_be_changed():
    result = gradient_descent(square, 2.0, lr=0.1, steps=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.w = 0.0


# ----- the second-derivative test -----------------------------------------------------

quartic = lambda w: w**4 - 4 * w**3 + 4 * w**2 + 1  # noqa: E731  f' = 4w(w - 1)(w - 2)


@pytest.mark.parametrize(("w", "kind"), [(0.0, "minimum"), (1.0, "maximum"), (2.0, "minimum")])
def test_the_critical_points_of_the_seed_quartic_are_classified(w, kind):
    assert classify_critical_point(quartic, w) == kind


@pytest.mark.parametrize(
    ("f", "w", "kind"),
    [
        (lambda w: w[0] ** 2 + w[1] ** 2, [0.0, 0.0], "minimum"),
        (lambda w: 5 - w[0] ** 2 - 2 * w[1] ** 2, [0.0, 0.0], "maximum"),
        (lambda w: w[0] ** 2 - w[1] ** 2, [0.0, 0.0], "saddle"),
        (lambda w: w[0] * w[1], [0.0, 0.0], "saddle"),
        (lambda w: (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2, [1.0, 1.0], "minimum"),
        (lambda w: w[0] ** 2 + w[1] ** 2 - w[2] ** 2 + w[0] * w[2], [0.0, 0.0, 0.0], "saddle"),
        (lambda w: np.cos(w), math.pi, "minimum"),
        (lambda w: w**4, 0.0, "inconclusive"),
        (lambda w: w**3, 0.0, "inconclusive"),
        (lambda w: w[0] ** 4 + w[1] ** 4, [0.0, 0.0], "inconclusive"),
        (lambda w: w[0] ** 2 + w[1] ** 4, [0.0, 0.0], "inconclusive"),
        (lambda w: w[0] ** 2 - w[1] ** 2 + w[2] ** 4, [0.0, 0.0, 0.0], "saddle"),  # one flat direction
    ],
)
def test_eigenvalues_of_the_hessian_decide_the_kind_of_critical_point(f, w, kind):
    assert classify_critical_point(f, w) == kind


def test_a_minimum_found_by_gradient_descent_passes_as_critical():
    result = gradient_descent(quartic, 2.6, lr=0.01, steps=5000, tol=1e-7)
    assert result.converged
    assert classify_critical_point(quartic, result.w) == "minimum"


def test_a_point_that_is_not_critical_is_refused():
    with pytest.raises(ValueError, match="not a critical point"):
        classify_critical_point(quartic, 0.5)
    with pytest.raises(ValueError, match="not a critical point"):
        classify_critical_point(lambda w: w[0] ** 2 + w[1], [0.0, 0.0])


# ----- verdicts that depend only on the shape of f -----------------------------------------

# (f, critical point, verdict), f written around 0 for the transformations below
SHAPES = [
    (lambda w: w**2, 0.0, "minimum"),
    (lambda w: -3 * w**2, 0.0, "maximum"),
    (lambda w: np.cos(w), math.pi, "minimum"),
    (lambda w: w**4, 0.0, "inconclusive"),
    (lambda w: w**3, 0.0, "inconclusive"),
    (lambda w: w[0] ** 2 + 3 * w[1] ** 2, np.zeros(2), "minimum"),
    (lambda w: w[0] ** 2 - w[1] ** 2, np.zeros(2), "saddle"),
    (lambda w: -np.exp(w[0] ** 2 + w[1] ** 2), np.zeros(2), "maximum"),
    (lambda w: w[0] ** 2 + w[1] ** 4, np.zeros(2), "inconclusive"),
    (lambda w: np.sin(w[0]) * np.sin(w[1]), np.zeros(2), "saddle"),
    (lambda w: (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2, np.ones(2), "minimum"),
]
SHAPE_IDS = ["w²", "-3w²", "cos at π", "w⁴", "w³", "bowl", "saddle", "dome", "flat in w1", "sin sin", "rosenbrock"]


@pytest.mark.parametrize("constant", [-1e6, -1.0, 1e-3, 1e3, 1e6])
@pytest.mark.parametrize(("f", "w", "kind"), SHAPES, ids=SHAPE_IDS)
def test_adding_a_constant_to_f_does_not_change_the_verdict(f, w, kind, constant):
    assert classify_critical_point(lambda v: f(v) + constant, w) == kind


@pytest.mark.parametrize("shift", [1e3, 1e6, 1e8])
@pytest.mark.parametrize(("f", "w", "kind"), SHAPES, ids=SHAPE_IDS)
def test_moving_f_and_the_point_far_from_0_does_not_change_the_verdict(f, w, kind, shift):
    assert classify_critical_point(lambda v: f(v - shift), np.asarray(w) + shift) == kind


@pytest.mark.parametrize("scale", [1e-12, 1e-6, 1e6, 1e12])
@pytest.mark.parametrize(("f", "w", "kind"), SHAPES, ids=SHAPE_IDS)
def test_multiplying_f_by_a_number_keeps_or_mirrors_the_verdict(f, w, kind, scale):
    # the tolerances follow the size of f: no verdict is made by a fixed threshold
    mirrored = {"minimum": "maximum", "maximum": "minimum"}.get(kind, kind)
    assert classify_critical_point(lambda v: scale * f(v), w) == kind
    assert classify_critical_point(lambda v: -scale * f(v), w) == mirrored


def test_a_huge_constant_hides_the_curvature_and_the_test_says_so():
    # eps * 1e17 is 20: w² is lost in the rounding of f's values
    assert classify_critical_point(lambda w: w**2 + 1e17, 0.0) == "inconclusive"
    assert classify_critical_point(lambda w: w[0] ** 2 - w[1] ** 2 + 1e12, [0.0, 0.0]) == "inconclusive"


def test_a_point_with_a_large_value_and_a_nonzero_slope_is_not_critical():
    # f'(0.4) = 0.8: a large f(w) must not make that look like 0
    with pytest.raises(ValueError, match="not a critical point"):
        classify_critical_point(lambda w: w**2 + 1e4, 0.4)
    with pytest.raises(ValueError, match="not a critical point"):
        classify_critical_point(lambda w: w[0] ** 2 + 0.01 * w[1] + 1e6, [0.0, 0.0])
    with pytest.raises(ValueError, match="not a critical point"):
        classify_critical_point(lambda w: 1e-9 * (w - 0.5) ** 2, 0.0)  # nor a small one


@pytest.mark.parametrize(
    ("kink", "w"),
    [(np.abs, 0.0), (lambda w: np.abs(w) ** 1.5, 0.0), (lambda w: np.maximum(w, 0) + 2 * np.maximum(-w, 0), 0.0),
     (lambda w: np.abs(w[0]) + w[1] ** 2, [0.0, 0.0])],
    ids=["|w|", "|w|^1.5", "two slopes", "|w0| + w1²"],
)
def test_a_kink_has_no_second_derivative_and_is_inconclusive(kink, w):
    # its second differences grow like 1/h: halving h doubles them, which
    # the comparison of steps h and 2h sees; it used to say "minimum"
    assert classify_critical_point(kink, w) == "inconclusive"


def test_a_kink_with_a_slope_on_each_side_is_inconclusive_not_a_minimum():
    # |w| + 1.5 w rises through 0 (slopes 0.5 and 2.5): no derivative there,
    # hence a critical point, and no minimum; it used to be called "minimum"
    assert classify_critical_point(lambda w: np.abs(w) + 1.5 * w, 0.0) == "inconclusive"
    with pytest.raises(ValueError, match="not a critical point"):  # beside the kink, f' = 2.5
        classify_critical_point(lambda w: np.abs(w) + 1.5 * w, 0.5)


def test_the_tolerance_counts_eigenvalues_small_next_to_the_largest_as_zero():
    f = lambda w: w[0] ** 2 + 1e-4 * w[1] ** 2  # noqa: E731  eigenvalues 2 and 2e-4
    assert classify_critical_point(f, [0.0, 0.0]) == "minimum"  # tol = 1e-5: 2e-4 > 2e-5
    assert classify_critical_point(f, [0.0, 0.0], tol=1e-3) == "inconclusive"


def test_an_f_computing_in_float32_is_classified():
    f = lambda w: np.float32(w[0]) ** 2 - np.float32(w[1]) ** 2 + np.float32(3)  # noqa: E731
    assert classify_critical_point(f, [0.0, 0.0]) == "saddle"
    assert classify_critical_point(lambda w: np.cos(np.float32(w)), math.pi) == "minimum"


# ----- functions that reduce over w, and in place -------------------------------------------


def test_descent_on_a_function_with_a_max_over_w_finds_its_minimum():
    # f = (w0 - 1)² + (w1 + 2)² + 0.1 max|w|: near [1, -2] the max is |w1|, so
    # ∇f = (2 (w0 - 1), 2 (w1 + 2) - 0.1) vanishes at [1, -1.95]
    f = lambda w: (w[0] - 1) ** 2 + (w[1] + 2) ** 2 + 0.1 * np.max(np.abs(w))  # noqa: E731
    result = gradient_descent(f, [0.5, -3.0], lr=0.1, steps=500, tol=1e-10)
    assert result.converged
    np.testing.assert_allclose(result.w, [1.0, -1.95], atol=1e-9)


def test_an_f_that_changes_its_argument_in_place_does_not_change_the_descent():
    def f(w):
        w *= 2  # in place for arrays
        return np.sum((w / 2) ** 2)

    w0 = np.array([1.0, -2.0])
    result = gradient_descent(f, w0, lr=0.25, steps=5)
    np.testing.assert_allclose(result.path, np.outer(0.5 ** np.arange(6), [1.0, -2.0]), rtol=1e-9)
    np.testing.assert_array_equal(w0, [1.0, -2.0])
    assert classify_critical_point(f, [0.0, 0.0]) == "minimum"


def test_a_gradient_function_that_changes_its_argument_does_not_change_the_path():
    def exact(w):
        w *= 2
        return w  # 2 w, written over the iterate it was given

    result = gradient_descent(lambda w: np.sum(w**2), np.array([1.0, 1.0]), lr=0.25, steps=3, grad=exact)
    np.testing.assert_allclose(result.path[:, 0], 0.5 ** np.arange(4))


@pytest.mark.parametrize("curvature", [8.08e-3, 3e-2])
def test_a_curvature_finer_than_the_rounding_of_f_is_not_claimed(curvature):
    # 1e6 + c w²: values of f are known to eps * 1e6 / 2 ~ 6e-11, so second
    # differences with h = 1.2e-4 are known to ~2 eps 1e6 / h² ~ 0.03. Here the
    # rounding happens to make the steps h and 2h agree, so only the
    # round-off bound keeps the test from a verdict it cannot support.
    assert classify_critical_point(lambda w: curvature * w**2, 0.0) == "minimum"
    assert classify_critical_point(lambda w: 1e6 + curvature * w**2, 0.0) == "inconclusive"
    assert classify_critical_point(lambda w: 1e6 + curvature * (w[0] ** 2 + w[1] ** 2), [0.0, 0.0]) == "inconclusive"
    assert classify_critical_point(lambda w: 1e6 + 100 * curvature * w**2, 0.0) == "minimum"
