"""Bad input gets a clear, early error that names the argument at fault."""

from decimal import Decimal

import numpy as np
import pytest

import calcnotes as cn
from calcnotes.differentiation import METHODS


def never_called(w):
    raise AssertionError("f was called before the arguments were checked")


good_f = np.sin
vector_f = lambda w: w[0] ** 2 + w[1]  # noqa: E731


@pytest.mark.parametrize(
    "call",
    [
        lambda f: cn.derivative(f, 1.0),
        lambda f: cn.secant_slope(f, 0.0, 1.0),
        lambda f: cn.secant_line(f, 0.0, 1.0),
        lambda f: cn.tangent_line(f, 0.0),
        lambda f: cn.one_sided_slopes(f, 0.0, 1e-3),
        lambda f: cn.is_differentiable(f, 0.0),
        lambda f: cn.partial(f, [1.0, 2.0], 0),
        lambda f: cn.gradient(f, [1.0, 2.0]),
        lambda f: cn.directional_derivative(f, [1.0, 2.0], [1.0, 0.0]),
        lambda f: cn.hessian(f, [1.0, 2.0]),
        lambda f: cn.tangent_plane(f, [1.0, 2.0]),
        lambda f: cn.grad(f),
        lambda f: cn.gradient_descent(f, 1.0, lr=0.1, steps=1),
        lambda f: cn.classify_critical_point(f, 0.0),
    ],
)
@pytest.mark.parametrize("not_callable", [3.0, "sin", None, np.array([1.0])])
def test_a_function_that_is_not_callable_is_a_type_error_naming_f(call, not_callable):
    with pytest.raises(TypeError, match=r"^f must be a callable"):
        call(not_callable)


@pytest.mark.parametrize("h", [0.0, -1e-3, float("nan"), float("inf"), 1j, "0.1", True, [1e-3, 1e-4]])
def test_a_step_that_is_not_a_positive_finite_number_is_a_value_error_naming_h(h):
    with pytest.raises(ValueError, match=r"^h must be a positive, finite real number"):
        cn.derivative(never_called, 1.0, h=h)


@pytest.mark.parametrize("h", [0.0, -1.0, float("nan"), np.array([1e-3, 0.0])])
def test_one_sided_slopes_need_positive_steps(h):
    with pytest.raises(ValueError, match=r"^h must be"):
        cn.one_sided_slopes(never_called, 0.0, h)


@pytest.mark.parametrize("method", ["midpoint", "Central", "", None, 2])
def test_an_unknown_method_is_a_value_error_listing_the_valid_ones(method):
    with pytest.raises(ValueError, match=r"^method must be one of") as error:
        cn.derivative(never_called, 1.0, method=method)
    assert all(repr(valid) in str(error.value) for valid in METHODS)


def test_the_complex_step_on_a_function_that_cannot_take_it_suggests_central():
    with pytest.raises(ValueError, match="method='central'"):
        cn.derivative(np.abs, np.array([1.0, 2.0]), method="complex")


@pytest.mark.parametrize("w", ["1.0", None, [1.0, "a"], object(), {"w": 1}, [[1.0], [2.0, 3.0]]])
def test_a_non_numeric_w_is_a_type_error_naming_w(w):
    with pytest.raises(TypeError, match=r"^w must be a real number"):
        cn.derivative(never_called, w)
    with pytest.raises(TypeError, match=r"^w must be a real number"):
        cn.gradient(never_called, w)


def test_a_number_like_w_that_is_not_a_real_number_is_named_by_its_type():
    # Decimal("0.5") prints as 0.5: the message must say why it is refused
    with pytest.raises(TypeError, match=r"^w must be a real number .*, got Decimal 0.5$"):
        cn.derivative(never_called, Decimal("0.5"))


@pytest.mark.parametrize("w", [float("nan"), float("inf"), [1.0, float("-inf")], 1 + 2j, [], np.array([True, False])])
def test_a_non_finite_complex_or_empty_w_is_rejected_naming_w(w):
    with pytest.raises((ValueError, TypeError), match=r"^w must"):
        cn.derivative(never_called, w)
    with pytest.raises((ValueError, TypeError), match=r"^w must"):
        cn.hessian(never_called, w)


@pytest.mark.parametrize(
    "call",
    [
        lambda: cn.secant_line(never_called, [0.0, 1.0], 2.0),
        lambda: cn.tangent_line(never_called, np.array([1.0, 2.0])),
        lambda: cn.tangent_line(never_called, float("nan")),
        lambda: cn.one_sided_slopes(never_called, [0.0, 1.0], 1e-3),
        lambda: cn.is_differentiable(never_called, "zero"),
        lambda: cn.gradient_descent(never_called, float("inf"), lr=0.1, steps=1),
    ],
)
def test_a_starting_point_that_is_not_one_finite_number_names_w0(call):
    with pytest.raises((ValueError, TypeError), match=r"^w0 must"):
        call()


def test_a_secant_through_one_point_twice_is_a_value_error_naming_w1():
    with pytest.raises(ValueError, match=r"^w1 must differ from w0"):
        cn.secant_slope(never_called, 1.0, 1.0)
    with pytest.raises(ValueError, match=r"^w1 must differ from w0"):
        cn.secant_line(never_called, 2, 2.0)
    with pytest.raises(ValueError, match=r"^w1 must differ from w0"):
        cn.secant_slope(never_called, 1.0, [0.5, 1.0])


def test_secant_points_whose_shapes_do_not_broadcast_name_w0_and_w1():
    with pytest.raises(ValueError, match=r"^w0 and w1 must have shapes that broadcast together"):
        cn.secant_slope(never_called, [0.0, 1.0], [2.0, 3.0, 4.0])


@pytest.mark.parametrize("w", [None, "1.0", [1.0, None], 1j])
def test_a_line_called_on_something_other_than_real_numbers_names_w(w):
    line = cn.secant_line(np.sin, 0.0, 1.0)
    with pytest.raises((TypeError, ValueError), match=r"^w must be (a )?real"):
        line(w)
    with pytest.raises((TypeError, ValueError), match=r"^w must be (a )?real"):
        cn.tangent_line(np.sin, 0.0)(w)


def test_a_function_that_is_not_elementwise_is_reported():
    with pytest.raises(ValueError, match="elementwise"):
        cn.derivative(np.sum, np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="elementwise"):
        cn.derivative(lambda w: 5.0, np.array([1.0, 2.0]))


def test_a_function_of_several_inputs_must_return_a_single_number():
    with pytest.raises(ValueError, match="single number"):
        cn.gradient(lambda w: w * 2, [1.0, 2.0])
    with pytest.raises(ValueError, match="single number"):
        cn.hessian(lambda w: w * 2, [1.0, 2.0])
    with pytest.raises(ValueError, match="single number"):
        cn.gradient_descent(lambda w: w * 2, [1.0, 2.0], lr=0.1, steps=1)


@pytest.mark.parametrize("i", [2, -3, (0, 0), 1.0, "0", True, None])
def test_an_index_outside_w_is_an_index_error_naming_i(i):
    with pytest.raises(IndexError, match=r"^i must be"):
        cn.partial(never_called, [1.0, 2.0], i)


def test_a_number_w_has_only_coordinate_0():
    assert cn.partial(np.sin, 0.0, 0) == pytest.approx(1.0, rel=1e-9)
    with pytest.raises(IndexError, match=r"^i must be 0 for a number w"):
        cn.partial(never_called, 0.0, 1)


@pytest.mark.parametrize("i", [0.0, np.False_, np.array([0, 1]), [0], (0,)])
def test_a_number_w_takes_only_an_integer_0_or_the_empty_tuple_as_i(i):
    # the same rule as for a vector w: indices are ints (not floats, bools or arrays)
    with pytest.raises(IndexError, match=r"^i must be 0 for a number w"):
        cn.partial(never_called, 0.0, i)
    assert cn.partial(np.sin, 0.0, np.int64(0)) == cn.partial(np.sin, 0.0, ()) == pytest.approx(1.0, rel=1e-9)


def test_a_matrix_index_must_be_a_tuple_inside_the_matrix():
    with pytest.raises(IndexError, match=r"^i must be a tuple of 2 ints"):
        cn.partial(never_called, np.eye(2), 0)
    with pytest.raises(IndexError, match=r"^i must be"):
        cn.partial(never_called, np.eye(2), (0, 2))


@pytest.mark.parametrize("v", [[0.0, 0.0], np.zeros(2)])
def test_a_zero_direction_is_a_value_error_naming_v(v):
    with pytest.raises(ValueError, match=r"^v must not be zero"):
        cn.directional_derivative(never_called, [1.0, 2.0], v)


@pytest.mark.parametrize("v", [[1.0, 0.0, 0.0], 1.0, [[1.0, 0.0]]])
def test_a_direction_of_another_shape_is_a_value_error_naming_v(v):
    with pytest.raises(ValueError, match=r"^v must have the shape of w"):
        cn.directional_derivative(never_called, [1.0, 2.0], v)


def test_a_non_numeric_direction_names_v():
    with pytest.raises(TypeError, match=r"^v must be"):
        cn.directional_derivative(never_called, [1.0, 2.0], ["a", "b"])


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf"), "0.1", None])
def test_a_learning_rate_that_is_not_positive_and_finite_names_lr(lr):
    with pytest.raises(ValueError, match=r"^lr must be a positive, finite real number"):
        cn.gradient_descent(never_called, 1.0, lr=lr, steps=10)


@pytest.mark.parametrize("steps", [-1, 2.5, 10.0, "10", None, True])
def test_steps_must_be_a_whole_number_at_least_0(steps):
    with pytest.raises(ValueError, match=r"^steps must be a whole number >= 0"):
        cn.gradient_descent(never_called, 1.0, lr=0.1, steps=steps)


@pytest.mark.parametrize("tol", [0.0, -1e-6, float("nan"), "small"])
def test_a_tolerance_that_is_not_positive_names_tol(tol):
    with pytest.raises(ValueError, match=r"^tol must be a positive"):
        cn.gradient_descent(never_called, 1.0, lr=0.1, steps=10, tol=tol)
    with pytest.raises(ValueError, match=r"^tol must be a positive"):
        cn.is_differentiable(never_called, 0.0, tol=tol)
    with pytest.raises(ValueError, match=r"^tol must be a positive"):
        cn.classify_critical_point(never_called, 0.0, tol=tol)


def test_a_gradient_that_is_not_callable_names_grad():
    with pytest.raises(TypeError, match=r"^grad must be a callable"):
        cn.gradient_descent(never_called, 1.0, lr=0.1, steps=10, grad=2.0)


def test_a_gradient_of_the_wrong_shape_is_reported():
    with pytest.raises(ValueError, match="grad"):
        cn.gradient_descent(vector_f, [1.0, 2.0], lr=0.1, steps=3, grad=lambda w: np.zeros(3))


@pytest.mark.parametrize("returned", [None, "0.5", 1j, [0.5, None]])
def test_a_gradient_that_is_not_real_numbers_is_reported_not_taken_as_nan(returned):
    # None used to become NaN, and descent then reported diverged=True
    with pytest.raises(ValueError, match=r"^grad\(w\) must return real numbers"):
        cn.gradient_descent(np.sin, 1.0, lr=0.1, steps=3, grad=lambda w: returned)


@pytest.mark.parametrize("returned", [None, "0.5", 1j])
def test_an_f_that_does_not_return_a_real_number_is_reported_by_descent_and_the_test(returned):
    with pytest.raises(ValueError, match=r"^f must return a real number"):
        cn.gradient_descent(lambda w: returned, 1.0, lr=0.1, steps=3)
    with pytest.raises(ValueError, match=r"^f must return a real number"):
        cn.classify_critical_point(lambda w: returned, 0.0)


def test_the_gradient_function_from_grad_checks_its_w():
    with pytest.raises(ValueError, match=r"^w must be finite"):
        cn.grad(vector_f)([1.0, float("nan")])
    with pytest.raises(TypeError, match=r"^w must be a real number"):
        cn.grad(vector_f)("w")


# ----- one rule for what a number is, for every argument ---------------------------------

from fractions import Fraction  # noqa: E402

scalar_f = np.sin
pair_f = lambda w: w[0] ** 2 + w[1]  # noqa: E731

# every real-number argument of the numerical functions, given `value` for it
REAL_ARGUMENTS = {
    "w (derivative)": ("w", lambda value: cn.derivative(scalar_f, value)),
    "h (derivative)": ("h", lambda value: cn.derivative(scalar_f, 1.0, h=value)),
    "w0 (secant_slope)": ("w0", lambda value: cn.secant_slope(scalar_f, value, 2.0)),
    "w1 (secant_line)": ("w1", lambda value: cn.secant_line(scalar_f, 2.0, value)),
    "w0 (tangent_line)": ("w0", lambda value: cn.tangent_line(scalar_f, value)),
    "h (one_sided_slopes)": ("h", lambda value: cn.one_sided_slopes(scalar_f, 1.0, value)),
    "w0 (is_differentiable)": ("w0", lambda value: cn.is_differentiable(scalar_f, value)),
    "tol (is_differentiable)": ("tol", lambda value: cn.is_differentiable(scalar_f, 1.0, tol=value)),
    "w (gradient)": ("w", lambda value: cn.gradient(pair_f, [value, 1.0])),
    "h (gradient)": ("h", lambda value: cn.gradient(pair_f, [1.0, 1.0], h=value)),
    "w (hessian)": ("w", lambda value: cn.hessian(pair_f, [1.0, value])),
    "v (directional_derivative)": ("v", lambda value: cn.directional_derivative(pair_f, [1.0, 1.0], [value, 1.0])),
    "w0 (gradient_descent)": ("w0", lambda value: cn.gradient_descent(scalar_f, value, lr=0.1, steps=2)),
    "lr (gradient_descent)": ("lr", lambda value: cn.gradient_descent(scalar_f, 1.0, lr=value, steps=2)),
    "tol (gradient_descent)": ("tol", lambda value: cn.gradient_descent(scalar_f, 1.0, lr=0.1, steps=2, tol=value)),
    "tol (classify_critical_point)": ("tol", lambda value: cn.classify_critical_point(np.cos, np.pi, tol=value)),
}


@pytest.mark.parametrize("number", [Fraction(1, 4), np.float32(0.25), np.float16(0.25), np.int64(1), 1, 0.25,
                                     np.uint8(1)], ids=repr)
@pytest.mark.parametrize("argument", REAL_ARGUMENTS)
def test_every_kind_of_real_number_is_accepted_for_every_argument(argument, number):
    _, call = REAL_ARGUMENTS[argument]
    call(number)  # no error; the value is used as float(number)


@pytest.mark.parametrize("argument", REAL_ARGUMENTS)
def test_a_fraction_gives_the_result_of_its_float(argument):
    _, call = REAL_ARGUMENTS[argument]
    got, expected = call(Fraction(1, 4)), call(0.25)
    if isinstance(expected, cn.DescentResult):
        got, expected = got.path, expected.path
    elif hasattr(expected, "slope"):
        got, expected = (got.slope, got.intercept), (expected.slope, expected.intercept)
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("not_a_number", [True, np.True_, Decimal("0.25"), "0.25", None, 1j], ids=repr)
@pytest.mark.parametrize("argument", REAL_ARGUMENTS)
def test_bools_decimals_strings_and_complex_numbers_are_refused_naming_the_argument(argument, not_a_number):
    name, call = REAL_ARGUMENTS[argument]
    if not_a_number is None and name in ("h", "tol"):
        return  # None is their default: no step given, no tolerance
    with pytest.raises((TypeError, ValueError), match=rf"^{name} must"):
        call(not_a_number)


@pytest.mark.parametrize("argument", REAL_ARGUMENTS)
def test_an_integer_too_large_for_a_float_is_refused_naming_the_argument(argument):
    name, call = REAL_ARGUMENTS[argument]
    with pytest.raises(ValueError, match=rf"^{name} must be (a positive, )?finite"):
        call(10**400)


def test_a_decimal_is_refused_with_its_type_in_the_message():
    with pytest.raises(ValueError, match=r"^h must be a positive, finite real number, got Decimal 0.1$"):
        cn.derivative(np.sin, 1.0, h=Decimal("0.1"))


def test_h_for_a_gradient_is_a_number_or_one_step_per_coordinate():
    assert cn.gradient(pair_f, [1.0, 2.0], h=[1e-4, 1e-5]) == pytest.approx([2.0, 1.0], rel=1e-8)
    with pytest.raises(ValueError, match=r"^h must be a number or an array of the shape of w"):
        cn.gradient(never_called, [1.0, 2.0], h=[1e-4, 1e-5, 1e-6])
    with pytest.raises(ValueError, match=r"^h must be a positive"):
        cn.hessian(never_called, [1.0, 2.0], h=[1e-4, -1e-5])
