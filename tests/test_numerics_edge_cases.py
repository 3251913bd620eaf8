"""Every public function of the numerical modules, fed what a user might try.

Huge and tiny points, negative zero, 0-d arrays, lists and tuples, shapes
(n,), (n, 1) and (2, 3), integer and float32 inputs, NumPy scalar types, and
functions that return ints, float32 or an array of shape (1,) for a number.
Expected values are closed forms; tolerances follow from each method's order
(central differences: relative truncation h² f'''/6f' ~ 1e-11 and round-off
eps |f| / h ~ 4e-11 for these functions, so 1e-8 leaves room).
"""

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest

import calcnotes as cn

BIG = 1e308


def linear(w):
    return w / 4


def linear_pair(w):
    return w[0] / 4 + w[1] / 8


# Every public function, at the largest floats, with a function that is
# well behaved there: each must give the right number without a single
# floating-point warning or FloatingPointError (np.errstate(all="raise")).
HUGE = {
    "derivative": (lambda: cn.derivative(linear, np.array([BIG, -BIG])), [0.25, 0.25]),
    "derivative, five-point": (lambda: cn.derivative(linear, BIG, method="five-point"), 0.25),
    "derivative, richardson": (lambda: cn.derivative(linear, -BIG, method="richardson"), 0.25),
    "derivative, complex": (lambda: cn.derivative(linear, BIG, method="complex"), 0.25),
    "derivative, forward": (lambda: cn.derivative(linear, BIG, method="forward"), 0.25),
    "derivative of log": (lambda: cn.derivative(np.log, BIG), 1 / BIG),
    "default_step": (lambda: cn.default_step([BIG, BIG]), [BIG * np.finfo(float).eps ** (1 / 3)] * 2),
    "secant_slope": (lambda: cn.secant_slope(linear, BIG, -BIG), 0.25),
    "secant_line": (lambda: cn.secant_line(linear, -BIG, BIG).slope, 0.25),
    "tangent_line": (lambda: cn.tangent_line(linear, BIG).slope, 0.25),
    "one_sided_slopes": (lambda: cn.one_sided_slopes(linear, BIG, 1e300), (0.25, 0.25)),
    "is_differentiable": (lambda: cn.is_differentiable(linear, BIG), True),
    "partial": (lambda: cn.partial(linear_pair, [BIG, BIG], 1), 0.125),
    "gradient": (lambda: cn.gradient(linear_pair, [BIG, BIG]), [0.25, 0.125]),
    "directional_derivative": (lambda: cn.directional_derivative(linear_pair, [BIG, BIG], [1.0, 0.0]), 0.25),
    "hessian": (lambda: cn.hessian(linear_pair, [BIG, BIG]), np.zeros((2, 2))),
    "tangent_plane": (lambda: cn.tangent_plane(linear_pair, [BIG, BIG]).gradient, [0.25, 0.125]),
    "tangent_plane, called": (lambda: cn.tangent_plane(linear_pair, [BIG, BIG])([BIG, 0.0]), BIG / 4),
    "gradient_descent": (lambda: cn.gradient_descent(linear_pair, [BIG, BIG], lr=4.0, steps=2).w,
                         [BIG - 2.0, BIG - 1.0]),
    "classify_critical_point": (lambda: cn.classify_critical_point(lambda w: ((w - BIG) / 1e294) ** 2, BIG), None),
}


@pytest.mark.parametrize("name", HUGE)
def test_the_largest_floats_give_no_spurious_floating_point_errors(name):
    call, expected = HUGE[name]
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        got = call()
    if expected is not None:
        # round-off: eps |f| / h relative, with |f| / h ~ 1 / 6e-6 here
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-300)


def test_an_array_whose_sum_overflows_is_still_finite():
    with np.errstate(all="raise"):
        assert cn.derivative(linear, [BIG, BIG]) == pytest.approx([0.25, 0.25])
        assert cn.gradient(lambda w: w[0] / 4 - w[1] / 4, [BIG, BIG]) == pytest.approx([0.25, -0.25])


@pytest.mark.parametrize("w", [5e-324, -5e-324, 1e-310, -0.0, 0.0, 2.0**-1022])
def test_tiny_and_signed_zero_points_are_ordinary_points(w):
    # step max(1, |w|) eps^(1/3): w itself is lost in w ± h, the derivative is that at 0
    assert cn.derivative(lambda v: 3 * v + v**2, w) == pytest.approx(3.0, rel=1e-9)
    assert cn.gradient(lambda v: 3 * v[0] - v[1], [w, w]) == pytest.approx([3.0, -1.0], rel=1e-9)
    assert cn.classify_critical_point(lambda v: v**2, w) == "minimum"
    assert cn.is_differentiable(np.sin, w) and not cn.is_differentiable(np.abs, w if w != 5e-324 else 0.0)


@pytest.mark.parametrize(
    "w",
    [0.5, np.float32(0.5), np.float16(0.5), np.int8(1), 1, Fraction(1, 2), np.array(0.5), np.array([0.5]),
     [0.5, 1.0], (0.5, 1.0), np.array([[0.5], [1.0]]), np.arange(6).reshape(2, 3), np.array([1, 2], dtype=np.int32),
     np.array([0.5, 1.0], dtype=np.float32)],
    ids=repr,
)
def test_derivative_takes_any_real_point_or_array_of_them(w):
    got = cn.derivative(np.sin, w)
    expected = np.cos(np.asarray(w, dtype=float))
    if np.ndim(w) == 0:
        assert type(got) is float
    else:
        assert isinstance(got, np.ndarray) and got.shape == np.shape(w) and got.dtype == np.float64
    np.testing.assert_allclose(got, expected, rtol=1e-8, atol=1e-8)


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (lambda w: 3, 0.0),  # an int for every point
        (lambda w: np.int64(7) + 0 * np.int64(w), 0.0),
        (lambda w: np.array([w**2]), 3.0),  # shape (1,) for a number
        (lambda w: [w**2], 3.0),  # a list of one number
        (lambda w: np.float32(w) ** 2, 3.0),  # float32 values: steps for float32
        (lambda w: float(w) ** 2, 3.0),
    ],
    ids=["int", "np.int64", "shape (1,)", "list", "float32", "float"],
)
def test_derivative_of_a_number_takes_what_f_returns_as_long_as_it_is_one_real_number(f, expected):
    # float32: error ~ eps32^(2/3) ~ 2.4e-5 for central differences
    assert cn.derivative(f, 1.5) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("h", [1e-3, Fraction(1, 1000), np.float32(1e-3), np.float64(1e-3), np.int8(1)], ids=repr)
def test_a_step_of_any_real_type_is_that_number(h):
    expected = (math.sin(1 + float(h)) - math.sin(1 - float(h))) / (2 * float(h))
    assert cn.derivative(np.sin, 1.0, h=h) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "w",
    [[1.0, 2.0], (1.0, 2.0), np.array([1, 2]), np.array([1.0, 2.0], dtype=np.float32), np.array([[1.0], [2.0]]),
     np.array([1.0, 2.0, 0.5, -1.0, 3.0, 0.25]).reshape(2, 3)],
    ids=["list", "tuple", "int array", "float32 array", "(2, 1)", "(2, 3)"],
)
def test_the_multivariate_functions_take_vectors_and_matrices_of_any_real_type(w):
    x = np.asarray(w, dtype=float)
    f = lambda v: np.sum(v**3) + np.prod(v)  # noqa: E731
    gradient = 3 * x**2 + np.prod(x) / x
    np.testing.assert_allclose(cn.gradient(f, w), gradient, rtol=1e-8)
    assert cn.gradient(f, w).shape == x.shape
    index = (0,) * x.ndim
    assert cn.partial(f, w, index if x.ndim > 1 else 0) == pytest.approx(gradient[index], rel=1e-8)
    assert cn.hessian(f, w).shape == (x.size, x.size)
    plane = cn.tangent_plane(f, w)
    assert plane(w) == pytest.approx(float(f(x)), rel=1e-12)
    direction = np.ones_like(x)
    expected = np.sum(gradient) / np.sqrt(x.size)
    assert cn.directional_derivative(f, w, direction) == pytest.approx(expected, rel=1e-8)


@pytest.mark.parametrize(
    ("f", "tolerance"),
    [(lambda w: np.array([w[0] * w[1]]), 1e-8), (lambda w: [w[0] * w[1]], 1e-8),
     (lambda w: np.float32(w[0]) * np.float32(w[1]), 1e-4), (lambda w: int(w[0]) * 0 + w[0] * w[1], 1e-8)],
    ids=["shape (1,)", "list", "float32", "int + float"],
)
def test_a_function_of_several_inputs_may_return_any_single_real_number(f, tolerance):
    # float32 values: steps for float32, error ~ eps32^(2/3) ~ 2.4e-5
    np.testing.assert_allclose(cn.gradient(f, [2.0, 3.0]), [3.0, 2.0], rtol=tolerance)
    np.testing.assert_allclose(cn.hessian(f, [2.0, 3.0]), [[0.0, 1.0], [1.0, 0.0]], atol=100 * tolerance)


def test_a_number_given_as_a_0d_array_behaves_like_the_number():
    f = lambda w: w**3 - 2 * w  # noqa: E731
    for call in (cn.derivative, cn.gradient, lambda f, w: cn.partial(f, w, 0)):
        assert call(f, np.array(2.0)) == call(f, 2.0)
    np.testing.assert_array_equal(cn.hessian(f, np.array(2.0)), cn.hessian(f, 2.0))
    assert cn.classify_critical_point(lambda w: w**2, np.array(0.0)) == "minimum"
    result = cn.gradient_descent(f, np.array(2.0), lr=0.01, steps=3)
    assert type(result.w) is float and result.path.shape == (4,)
    assert str(cn.tangent_plane(np.sin, np.array(0.0))) == "h(w) = 0 + 1 · (w - 0)"


@pytest.mark.parametrize("w", [float("nan"), float("inf"), -float("inf"), [1.0, float("nan")]], ids=repr)
def test_a_point_that_is_not_finite_is_refused_by_every_function(w):
    number = np.ndim(w) == 0
    calls = [
        lambda: cn.derivative(np.sin, w),
        lambda: cn.default_step(w),
        lambda: cn.gradient(np.sum, w),
        lambda: cn.hessian(np.sum, w),
        lambda: cn.partial(np.sum, w, 0),
        lambda: cn.tangent_plane(np.sum, w),
        lambda: cn.classify_critical_point(np.sum, w),
        lambda: cn.directional_derivative(np.sum, w, np.ones(np.shape(w))),
    ]
    if number:
        calls += [lambda: cn.secant_slope(np.sin, w, 0.0), lambda: cn.one_sided_slopes(np.sin, w, 1e-3),
                  lambda: cn.is_differentiable(np.sin, w), lambda: cn.tangent_line(np.sin, w)]
    for call in calls:
        with pytest.raises(ValueError, match=r"^w0? must be finite"):
            call()
