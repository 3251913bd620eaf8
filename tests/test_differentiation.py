"""Derivatives of one variable: every method against SymPy's exact derivatives.

Error measure throughout: |d - d*| / max(1, |d*|), relative where the
derivative is large and absolute where it is small.
"""

import math
import warnings

import numpy as np
import pytest
import sympy as sp

from calcnotes import (
    default_step,
    derivative,
    is_differentiable,
    one_sided_slopes,
    secant_line,
    secant_slope,
    tangent_line,
)
from calcnotes.differentiation import METHODS

x = sp.Symbol("x", real=True)

# Smooth, well-scaled functions (derivatives of every order of moderate size)
# and the interval their 200 test points are spread over.
SMOOTH = {
    "sin(w)": (sp.sin(x), (-3, 3)),
    "sin(4w) + 0.1w²": (sp.sin(4 * x) + x**2 / 10, (-3, 3)),
    "tanh(w)²": (sp.tanh(x) ** 2, (-3, 3)),
    "3w² - 4w": (3 * x**2 - 4 * x, (-3, 3)),
    "w^w": (x**x, (0.5, 3)),
    "exp(w)": (sp.exp(x), (-3, 3)),
    "log(w)": (sp.log(x), (0.5, 5)),
    "sigmoid(w)": (1 / (1 + sp.exp(-x)), (-6, 6)),
    "w⁵ - 2w³ + w": (x**5 - 2 * x**3 + x, (-1.5, 1.5)),
    "(w² + 1)/(w² + 3)": ((x**2 + 1) / (x**2 + 3), (-4, 4)),
    "1/(1 + w²)": (1 / (1 + x**2), (-4, 4)),
    "sqrt(w)·cos(w)": (sp.sqrt(x) * sp.cos(x), (0.5, 4)),
}

# Largest error allowed for each method on SMOOTH. A method of order p with
# step h has truncation error ~ h^p |f^(p+1)| and round-off ~ eps |f| / h;
# the default steps make both about eps^(p/(p+1)), i.e. 1e-8 (p = 1),
# 5e-11 (p = 2), 3e-13 (p = 4), 2e-14 (p = 6), times the size of the higher
# derivative (up to 4^5 = 1024 for sin(4w)). The complex step has no
# cancellation, so only rounding in f itself remains.
TOLERANCE = {
    "forward": 2e-6,
    "backward": 2e-6,
    "central": 1e-8,
    "five-point": 1e-10,
    "richardson": 1e-11,
    "complex": 1e-13,
}


def exact(expression, interval, n=200):
    """Points in ``interval`` and SymPy's exact derivative there."""
    points = np.linspace(*interval, n)
    slope = sp.lambdify(x, sp.diff(expression, x), "numpy")
    return points, np.broadcast_to(slope(points), points.shape).astype(float)


def numpy_function(expression):
    return sp.lambdify(x, expression, "numpy")


def relative_error(got, expected):
    return np.max(np.abs(got - expected) / np.maximum(1.0, np.abs(expected)))


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", SMOOTH)
def test_every_method_matches_sympy_on_smooth_functions(name, method):
    expression, interval = SMOOTH[name]
    points, expected = exact(expression, interval)
    got = derivative(numpy_function(expression), points, method=method)
    assert relative_error(got, expected) <= TOLERANCE[method]


@pytest.mark.parametrize(
    ("method", "tolerance"),
    # cos(40w)^100 is a train of narrow spikes (width ~ 1/400): its k-th
    # derivative is ~ 400^k times larger than for sin(w), so the same steps
    # leave far larger truncation errors. The high-order formulas suffer
    # most, because their steps are larger.
    [("forward", 3e-3), ("central", 1e-4), ("five-point", 5e-2), ("richardson", 5e-2)],
)
def test_a_spiky_function_is_differentiated_with_stated_looser_tolerances(method, tolerance):
    expression = sp.cos(40 * x) ** 100 / (x**2 + 1)
    points, expected = exact(expression, (-3, 3), n=201)
    got = derivative(numpy_function(expression), points, method=method)
    assert relative_error(got, expected) <= tolerance


def test_a_given_step_is_used_as_in_the_textbook_formula():
    got = derivative(np.sin, 1.0, h=0.1, method="forward")
    assert got == pytest.approx((math.sin(1.1) - math.sin(1.0)) / 0.1, rel=1e-14)
    got = derivative(np.sin, 1.0, h=0.1, method="central")
    assert got == pytest.approx((math.sin(1.1) - math.sin(0.9)) / 0.2, rel=1e-14)


def test_the_default_step_beats_steps_100_times_larger_or_smaller():
    # Error against h is V-shaped on a log scale: truncation on the right,
    # round-off on the left. The default step should sit near the bottom.
    default_relative_step = {"forward": 1.5e-8, "central": 6.1e-6, "five-point": 3.7e-4}
    for method, h in default_relative_step.items():
        for w in (0.3, 1.0, 2.0):
            default = abs(derivative(np.sin, w, method=method) - math.cos(w))
            larger = abs(derivative(np.sin, w, h=100 * h, method=method) - math.cos(w))
            smaller = abs(derivative(np.sin, w, h=h / 100, method=method) - math.cos(w))
            assert default < min(larger, smaller), (method, w)


def test_richardson_extrapolation_is_more_accurate_than_plain_central_differences():
    points, expected = exact(sp.sin(4 * x), (-2, 2))
    function = numpy_function(sp.sin(4 * x))
    central = relative_error(derivative(function, points), expected)
    richardson = relative_error(derivative(function, points, method="richardson"), expected)
    assert richardson < central / 100


@pytest.mark.parametrize("method", METHODS)
def test_a_number_gives_a_python_float(method):
    assert type(derivative(np.sin, 1.0, method=method)) is float
    assert type(derivative(np.sin, 2, method=method)) is float
    assert type(derivative(np.sin, np.float32(2.0), method=method)) is float


@pytest.mark.parametrize("method", METHODS)
def test_an_array_gives_an_array_of_the_same_shape_elementwise(method):
    points = np.linspace(-1, 1, 12).reshape(3, 4)
    got = derivative(np.sin, points, method=method)
    assert isinstance(got, np.ndarray) and got.shape == (3, 4)
    np.testing.assert_allclose(got, np.cos(points), rtol=1e-6, atol=1e-6)
    assert derivative(np.sin, [0.0, 1.0], method=method).shape == (2,)


def test_a_scalar_only_function_works_at_a_single_point():
    assert derivative(math.sin, 0.5) == pytest.approx(math.cos(0.5), rel=1e-9)
    assert derivative(lambda w: 1.0 if w >= 0 else 0.0, 3.0) == 0.0


def test_the_input_array_is_left_unchanged():
    points = np.linspace(-2, 2, 50)
    original = points.copy()
    for method in METHODS:
        derivative(np.sin, points, method=method)
        derivative(lambda w: w, points, method=method)  # f returning its input
    np.testing.assert_array_equal(points, original)


@pytest.mark.parametrize("method", METHODS)
def test_a_function_returning_its_input_has_slope_one(method):
    # f's result is (a view of) our scratch array: it must not be overwritten early
    np.testing.assert_allclose(derivative(lambda w: w, np.linspace(-3, 3, 7), method=method), 1.0)


@pytest.mark.parametrize(("method", "calls"), [
    ("forward", 2), ("backward", 2), ("central", 2), ("five-point", 4), ("richardson", 6), ("complex", 1),
])
def test_f_is_called_a_fixed_number_of_times_whatever_the_number_of_points(method, calls):
    for n in (1, 10, 10_000):
        counter = []

        def counted_sin(w):
            counter.append(np.shape(w))
            return np.sin(w)

        derivative(counted_sin, np.linspace(0, 1, n), method=method)
        assert len(counter) == calls
        assert all(shape == (n,) for shape in counter)


@pytest.mark.parametrize("method", METHODS)
def test_nan_from_f_stays_at_its_point_without_warnings(method):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = derivative(lambda w: np.where(w < 0, np.nan, w**2), np.array([-1.0, 1.0, 2.0]), method=method)
        np.testing.assert_allclose(got[1:], [2.0, 4.0], rtol=1e-6)
        assert np.isnan(got[0])
        logs = derivative(np.log, np.array([-1.0, 1.0, 2.0]), method="central")
    assert np.isnan(logs[0]) and logs[1:] == pytest.approx([1.0, 0.5], rel=1e-9)


def test_a_one_sided_stencil_stays_inside_the_domain_near_its_edge():
    # log at 1e-6: the central stencil needs log(w - h) with h = 6e-6 > w
    assert math.isnan(derivative(np.log, 1e-6))
    assert derivative(np.log, 1e-6, method="forward") == pytest.approx(1e6, rel=1e-2)
    assert derivative(np.log, 1e-6, h=1e-10) == pytest.approx(1e6, rel=1e-6)


@pytest.mark.parametrize(
    "function",
    [np.abs, math.sin, lambda w: float(w), lambda w: np.floor(w)],
    ids=["abs", "math.sin", "float", "floor"],
)
def test_the_complex_step_refuses_functions_that_drop_the_imaginary_part(function):
    with pytest.raises(ValueError, match="method='central'"):
        derivative(function, 1.0, method="complex")


def test_the_complex_step_is_silently_wrong_for_large_powers_of_negative_numbers():
    # A documented pitfall, not a feature: NumPy computes z**100 through
    # logarithms, whose rounding swamps the tiny imaginary part.
    f = lambda w: np.cos(w) ** 100  # noqa: E731
    w = 3.0  # cos(3) < 0
    exact_slope = -100 * math.cos(w) ** 99 * math.sin(w)
    assert derivative(f, w) == pytest.approx(exact_slope, rel=1e-7)
    assert abs(derivative(f, w, method="complex") - exact_slope) > 1e3 * abs(exact_slope)


def test_the_complex_step_is_silently_wrong_for_fractional_powers_of_negative_numbers():
    # Real arithmetic says NaN; complex arithmetic takes a complex root instead.
    assert math.isnan(derivative(lambda w: w ** (1 / 3), -8.0))
    assert abs(derivative(lambda w: w ** (1 / 3), -8.0, method="complex")) > 1e10


def test_the_complex_step_is_silently_wrong_outside_the_real_domain_of_f():
    # Real log(-1) is NaN, complex log(-1 + ih) = iπ: the complex step gives π / h.
    assert math.isnan(derivative(np.log, -1.0))
    assert derivative(np.log, -1.0, method="complex") == pytest.approx(math.pi / 1e-20, rel=1e-12)


# ----- secants and tangents --------------------------------------------------------


def test_the_secant_slope_is_rise_over_run():
    assert secant_slope(np.sin, 0.0, -2.6) == pytest.approx(math.sin(-2.6) / -2.6, rel=1e-15)
    assert secant_slope(np.sin, 0.0, -2.6) == pytest.approx(0.19827, abs=1e-5)
    assert type(secant_slope(np.sin, 0.0, -2.6)) is float


def test_secant_slopes_for_many_second_points_close_in_on_the_derivative():
    gaps = 10.0 ** -np.arange(1, 7)
    slopes = secant_slope(lambda w: w**2, 1.5, 1.5 + gaps)
    np.testing.assert_allclose(slopes, 3 + gaps, rtol=1e-9)


def test_the_secant_line_passes_through_both_points():
    line = secant_line(np.sin, 0.0, -2.6)
    assert line(0.0) == pytest.approx(0.0, abs=1e-15)
    assert line(-2.6) == pytest.approx(math.sin(-2.6), rel=1e-14)
    assert line.point == (0.0, 0.0)
    assert line(np.array([0.0, -2.6])) == pytest.approx([0.0, math.sin(-2.6)])


def test_the_tangent_of_3w2_minus_4w_at_1_is_y_equals_2x_minus_3():
    line = tangent_line(lambda w: 3 * w**2 - 4 * w, 1.0)
    assert line.slope == pytest.approx(2.0, abs=1e-9)
    assert line.intercept == pytest.approx(-3.0, abs=1e-9)
    assert line.point == (1.0, -1.0)
    assert str(line) == "y = 2x - 3"


def test_the_tangent_to_w_squared_at_1_5_has_slope_3():
    line = tangent_line(lambda w: w**2, 1.5)
    assert line.slope == pytest.approx(3.0, rel=1e-9)
    np.testing.assert_allclose(line(np.array([1.5, 2.5])), [2.25, 5.25], rtol=1e-9)


def test_the_tangent_line_passes_its_options_on_to_derivative():
    line = tangent_line(np.exp, 1.0, method="complex")
    assert line.slope == pytest.approx(math.e, rel=1e-15)
    with pytest.raises(ValueError, match="method"):
        tangent_line(np.exp, 1.0, method="sideways")


def test_the_tangent_is_the_best_linear_approximation():
    # f(w0 + d) - tangent(w0 + d) shrinks like d², faster than any other line
    f, w0 = np.exp, 0.5
    line = tangent_line(f, w0)
    gaps = [abs(f(w0 + d) - line(w0 + d)) for d in (1e-1, 1e-2, 1e-3)]
    assert gaps[1] / gaps[0] == pytest.approx(1e-2, rel=0.1)
    assert gaps[2] / gaps[1] == pytest.approx(1e-2, rel=0.1)


@pytest.mark.parametrize(
    ("slope", "intercept", "text"),
    [(2, -3, "y = 2x - 3"), (1, 1, "y = x + 1"), (-1, 0, "y = -x"), (0, 5, "y = 5"), (0.5, 2.25, "y = 0.5x + 2.25"),
     (3.0000000000001, -2.2499999999999, "y = 3x - 2.25")],
)
def test_a_line_reads_as_its_equation(slope, intercept, text):
    line = tangent_line(lambda w: slope * w + intercept, 0.0)
    assert str(line) == text


# ----- one-sided slopes and differentiability ----------------------------------------


def test_one_sided_slopes_of_sin_at_0_are_both_sin_h_over_h():
    left, right = one_sided_slopes(np.sin, 0.0, 1e-4)
    assert left == right == pytest.approx(math.sin(1e-4) / 1e-4, rel=1e-15)
    assert left == pytest.approx(1.0, abs=1e-8)


def test_one_sided_slopes_of_relu_and_abs_at_0_differ():
    assert one_sided_slopes(lambda w: np.maximum(w, 0), 0.0, 1e-3) == (0.0, 1.0)
    assert one_sided_slopes(np.abs, 0.0, 1e-3) == (-1.0, 1.0)


def test_one_sided_slopes_accept_a_table_of_steps():
    steps = np.array([0.1, 0.01, 0.001])
    left, right = one_sided_slopes(lambda w: w**2, 1.0, steps)
    np.testing.assert_allclose(left, 2 - steps, rtol=1e-9)
    np.testing.assert_allclose(right, 2 + steps, rtol=1e-9)


@pytest.mark.parametrize(
    ("function", "w0", "expected"),
    [
        (np.sin, 0.0, True),
        (lambda w: w**2, 0.0, True),
        (lambda w: w**3, 0.0, True),
        (np.exp, 10.0, True),
        (lambda w: w**2 * np.sin(1 / w) if w != 0 else 0.0, 0.0, True),  # differentiable, not C¹
        (lambda w: np.maximum(w, 0), 0.0, False),
        (np.abs, 0.0, False),
        (lambda w: 1.0 if w >= 0 else 0.0, 0.0, False),  # a jump
        (np.cbrt, 0.0, False),  # vertical tangent
        (lambda w: np.sqrt(abs(w)), 0.0, False),  # cusp
        (lambda w: w * np.sin(1 / w) if w != 0 else 0.0, 0.0, False),  # oscillates
        (lambda w: w + 1e-5 * abs(w), 0.0, False),  # a small but permanent kink
    ],
    ids=["sin", "w²", "w³", "exp at 10", "w²sin(1/w)", "relu", "abs", "jump", "cbrt", "sqrt|w|", "w sin(1/w)", "small kink"],
)
def test_is_differentiable_tells_smooth_points_from_kinks_jumps_and_cusps(function, w0, expected):
    assert is_differentiable(function, w0) is expected


def test_smooth_functions_are_differentiable_everywhere_tested():
    for name in ("sin(4w) + 0.1w²", "tanh(w)²", "log(w)", "1/(1 + w²)"):
        expression, interval = SMOOTH[name]
        function = numpy_function(expression)
        assert all(is_differentiable(function, w0) for w0 in np.linspace(*interval, 15)), name


def test_default_step_is_the_step_derivative_takes_when_h_is_none():
    w = np.array([-250.0, -1.0, 0.0, 0.3, 7.0])
    g = lambda v: np.sin(v) * np.exp(-0.01 * v)
    for method in ("forward", "central", "five-point", "richardson"):
        steps = default_step(w, method)
        by_hand = [derivative(g, float(x), h=float(h), method=method) for x, h in zip(w, steps)]
        np.testing.assert_array_equal(derivative(g, w, method=method), by_hand)


def test_default_step_balances_truncation_and_round_off_scaled_by_w():
    eps = np.finfo(float).eps
    assert default_step(0.25) == pytest.approx(eps ** (1 / 3))
    assert default_step(-40.0, "forward") == pytest.approx(40 * eps**0.5)
    with pytest.raises(ValueError, match="method"):
        default_step(1.0, "sideways")


def test_a_point_far_from_0_is_differentiable_where_the_same_function_near_0_is():
    # the steps do not grow with |w0|: sin at 1000 is as smooth as sin at 0
    assert is_differentiable(np.sin, 1000.0)
    for shift in (1e3, 1e6, 1e8):
        for w0 in np.linspace(-3, 3, 13):
            assert is_differentiable(lambda w: np.sin(w - shift), shift + w0), (shift, w0)
        assert not is_differentiable(lambda w: np.maximum(w - shift, 0), shift)
        assert not is_differentiable(lambda w: np.cbrt(w - shift), shift)
        assert not is_differentiable(lambda w: (w - shift) + 1e-5 * np.abs(w - shift), shift)  # the small kink


@pytest.mark.parametrize("constant", [-1e6, -1.0, 1e3, 1e6])
def test_adding_a_constant_does_not_change_whether_f_is_differentiable(constant):
    smooth = [np.sin, np.exp, lambda w: w**2, lambda w: w**3, np.tanh]
    kinked = [lambda w: np.maximum(w, 0), np.abs, np.cbrt, lambda w: np.sqrt(np.abs(w)),
              lambda w: 1.0 * (w >= 0)]
    for g in smooth:
        for w0 in np.linspace(-3, 3, 25):
            assert is_differentiable(lambda w, g=g: g(w) + constant, w0), (g, w0)
    for g in kinked:
        assert not is_differentiable(lambda w, g=g: g(w) + constant, 0.0)


def test_a_small_kink_is_seen_under_a_moderate_constant():
    # a kink of 2e-5 in slope; the constant's rounding, eps * 1e3 / 1e-6 ~ 2e-7, stays below it
    assert not is_differentiable(lambda w: w + 1e-5 * np.abs(w) + 1e3, 0.0)


def test_a_steep_smooth_function_is_differentiable():
    # right - left = f''(0) h is large for large curvature, but shrinks with h
    assert is_differentiable(lambda w: 1e6 * w**2, 0.0)
    assert is_differentiable(lambda w: 1e3 * np.sin(w), 2.0)


def test_one_sided_slopes_divide_by_the_step_actually_taken():
    # 2w and w/4 are exact in floating point: over the points actually used,
    # their slopes are exactly 2 and 1/4, however w0 ± h rounds
    for line, slope in ((lambda w: 2 * w, 2.0), (lambda w: w / 4, 0.25)):
        for w0 in (1.0, 0.1, 1e8, -7.3):
            for h in (3e-16 * max(1, abs(w0)), 1e-12 * max(1, abs(w0)), 1e-3):
                assert one_sided_slopes(line, w0, h) == (slope, slope), (w0, h)


def test_one_sided_slopes_below_the_spacing_of_floats_are_nan_as_in_derivative():
    # 1 ± 1e-17 is 1: the step taken is 0
    assert all(math.isnan(s) for s in one_sided_slopes(np.sin, 1.0, 1e-17))
    assert math.isnan(derivative(np.sin, 1.0, h=1e-17))
    left, right = one_sided_slopes(np.sin, 1.0, np.array([1e-17, 1e-6]))
    assert np.isnan(left[0]) and np.isnan(right[0])
    assert left[1] == pytest.approx(math.cos(1.0), rel=1e-5) and right[1] == pytest.approx(math.cos(1.0), rel=1e-5)


@pytest.mark.parametrize(("g", "slope"), [(lambda w: w, 1.0), (lambda w: w / 4, 0.25), (np.tanh, 1e-308)])
def test_a_secant_between_the_largest_floats_does_not_overflow(g, slope):
    got = secant_slope(g, 1e308, -1e308)
    assert got == pytest.approx(slope, rel=1e-12)
    assert secant_line(g, -1e308, 1e308).slope == pytest.approx(slope, rel=1e-12)


def test_a_secant_slope_of_tiny_numbers_stays_exact():
    # halving, the remedy for overflow, would lose the subnormal 5e-324
    assert secant_slope(lambda w: 2 * w, 0.0, 5e-324) == 2.0


def test_a_line_through_a_point_where_f_is_not_finite_says_there_is_no_line():
    line = secant_line(np.log, -1, 1)
    assert str(line) == "no line: f(-1) is nan"
    assert math.isnan(line.slope) and math.isnan(line(0.5))
    assert str(secant_line(lambda w: 1 / w, 0.0, 1.0)) == "no line: f(0) is inf"
    # the value is fine but the slope is not: log stepped below 0
    assert str(tangent_line(np.log, 1e-6)) == "no line through (1e-06, -13.8155): its slope is nan"


@pytest.mark.parametrize("method", METHODS)
def test_an_f_that_changes_its_argument_in_place_gets_the_right_derivative(method):
    def f(w):
        w *= 2  # in place for an array, a new number for a scalar
        return np.sin(w / 2)

    points = np.linspace(-2, 2, 9)
    original = points.copy()
    expected = np.cos(points)
    tolerance = TOLERANCE[method] * 10
    np.testing.assert_allclose(derivative(f, points, method=method), expected, rtol=0, atol=tolerance)
    np.testing.assert_array_equal(points, original)
    assert derivative(f, 0.5, method=method) == pytest.approx(math.cos(0.5), abs=tolerance)


@pytest.mark.parametrize("method", METHODS)
def test_arrays_that_f_keeps_or_returns_again_are_not_overwritten(method):
    kept = []

    def recording(w):
        value = np.sin(w)
        kept.append((w, value))  # holds on to its argument and its result
        return value

    points = np.linspace(0, 1, 5)
    derivative(recording, points, method=method)
    for w, value in kept:
        np.testing.assert_array_equal(value, np.sin(w))

    if method != "complex":
        table = np.cos(points)  # f returns the same array every time
        np.testing.assert_array_equal(derivative(lambda w: table, points, method=method), 0.0)
        np.testing.assert_array_equal(table, np.cos(points))


def test_a_fresh_result_of_f_is_reused_for_the_difference():
    # not a matter of the numbers: the difference is written into f's output
    import weakref

    outputs = []

    def f(w):
        value = np.sin(w)
        outputs.append(weakref.ref(value))
        return value

    got = derivative(f, np.linspace(0, 1, 100))
    assert outputs[0]() is got


@pytest.mark.parametrize("method", [m for m in METHODS if m != "complex"])
def test_an_f_that_computes_in_float32_gets_steps_for_float32(method):
    # f rounds its values to float32 (eps32 = 1.2e-7): with float64's steps
    # the round-off eps32 / h would reach 2e-2 for central; with steps for
    # float32, the error is about eps32^(p / (p + 1)): 2.4e-5 for central.
    expected_error = {"forward": 1e-3, "backward": 1e-3, "central": 1e-4, "five-point": 1e-4, "richardson": 1e-4}
    f = lambda w: np.sin(np.asarray(w, dtype=np.float32))  # noqa: E731
    points = np.linspace(-3, 3, 200)
    assert relative_error(derivative(f, points, method=method), np.cos(points)) <= expected_error[method]
    assert abs(derivative(f, 0.3, method=method) - math.cos(0.3)) <= expected_error[method]


@pytest.mark.parametrize("method", [m for m in METHODS if m != "complex"])
def test_a_line_exact_in_floating_point_has_its_exact_slope_whatever_the_rounding_of_w_plus_h(method):
    # 2w is computed exactly, so dividing by the distance between the points
    # actually used gives exactly 2; dividing by the nominal 2h would not,
    # since w ± h rounds (by up to half a spacing of w, here 1e8 * eps).
    points = np.array([1e8 + 0.1, -3e7 - 0.3, 12345.678, 0.37])
    for h in (None, 1e-7, 3.3e-6):
        np.testing.assert_array_equal(derivative(lambda w: 2 * w, points, h=h, method=method), 2.0)


def test_the_step_is_one_number_for_all_points_only_when_every_w_is_within_1():
    # the scalar step c for |w| <= 1 must be the same as c max(1, |w|) per point
    g = lambda v: np.sin(v) * np.exp(-0.01 * v)  # noqa: E731
    for w in (np.array([-1.0, 0.3, 1.0]), np.array([-1.5, 0.3, 1.9]), np.array([0.9, 1.0 + 1e-15])):
        for method in ("forward", "central", "five-point"):
            steps = default_step(w, method)
            by_hand = [derivative(g, float(x), h=float(h), method=method) for x, h in zip(w, steps)]
            np.testing.assert_array_equal(derivative(g, w, method=method), by_hand)


LARGE = 2**17 + 3  # from this size on, derivative reuses its scratch arrays between calls


@pytest.mark.parametrize("method", METHODS)
def test_points_that_f_keeps_are_not_reused_by_a_later_call(method):
    kept = []

    def recording(w):
        kept.append((w, np.sin(w)))
        return np.sin(w)

    first, second = np.linspace(0, 1, LARGE), np.linspace(2, 3, LARGE)
    derivative(recording, first, method=method)
    derivative(recording, second, method=method)
    derivative(np.cos, second, method=method)  # a call by someone else in between
    assert len(kept) >= 2
    for w, value in kept:
        np.testing.assert_array_equal(np.sin(w), value)


def test_a_derivative_taken_inside_f_does_not_disturb_the_outer_one():
    # f'(w) for f = g' with g = sin: the inner call runs while the outer one's arrays are in use
    f = lambda w: derivative(np.sin, w)  # noqa: E731
    points = np.linspace(-2, 2, LARGE)
    got = derivative(f, points)
    # central differences of a central difference: error ~ eps^(1/3) / h ~ 1e-5 of the round-off
    np.testing.assert_allclose(got, -np.sin(points), atol=1e-4)


def test_derivatives_in_several_threads_at_once_are_each_right():
    import threading

    points = [np.linspace(k, k + 1, LARGE) for k in range(4)]
    results = {}

    def work(k):
        for _ in range(3):
            results[k] = derivative(np.sin, points[k], method="five-point")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for k in range(4):
        np.testing.assert_allclose(results[k], np.cos(points[k]), rtol=0, atol=TOLERANCE["five-point"])


def test_a_large_result_stays_what_it_was_after_later_calls():
    points = np.linspace(0, 1, LARGE)
    results = [derivative(np.sin, points, method=m) for m in METHODS]
    copies = [r.copy() for r in results]
    for m in METHODS:
        derivative(np.cos, points + 5, method=m)
    for r, c in zip(results, copies):
        np.testing.assert_array_equal(r, c)
