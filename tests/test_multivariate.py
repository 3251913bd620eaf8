"""Partials, gradients, Hessians, directional derivatives and tangent planes vs SymPy."""

import numpy as np
import pytest
import sympy as sp

from calcnotes import directional_derivative, gradient, hessian, partial, tangent_plane

a, b, c, d = sp.symbols("a b c d", real=True)
EPS = np.finfo(float).eps

# Functions of 2-4 inputs, each written for SymPy; NumPy versions read the
# coordinates along the first axis of w, as a reader would write them.
FUNCTIONS = {
    "a²b + b³": (a**2 * b + b**3, (a, b)),
    "sin(a)b + a²c": (sp.sin(a) * b + a**2 * c, (a, b, c)),
    "exp(ab) - log(1 + c² + d²)": (sp.exp(a * b / 2) - sp.log(1 + c**2 + d**2), (a, b, c, d)),
    "tanh(a - b)(a + 2b)": (sp.tanh(a - b) * (a + 2 * b), (a, b)),
    "rosenbrock": ((1 - a) ** 2 + 100 * (b - a**2) ** 2, (a, b)),
    "sqrt(1 + a² + b²c²)": (sp.sqrt(1 + a**2 + b**2 * c**2), (a, b, c)),
}

rng = np.random.default_rng(2024)
POINTS = rng.uniform(-1.5, 1.5, size=(30, 4))

# Central differences with step eps^(1/3) leave errors ~ 1e-11 times the
# third derivatives (up to ~2000 for Rosenbrock here): 1e-8 relative.
GRADIENT_TOLERANCE = 1e-8
# Second differences with step eps^(1/4): round-off ~ eps |f| / h² ~ 1.5e-8 |f|
# (|f| up to ~1000 for Rosenbrock), truncation ~ h² |f''''| / 12 ~ 1e-9 |f''''|.
HESSIAN_TOLERANCE = 1e-5


def numpy_function(expression, symbols):
    scalar = sp.lambdify(symbols, expression, "numpy")
    return lambda w: scalar(*(w[i] for i in range(len(symbols))))


def exact_gradient(expression, symbols, point):
    substitution = dict(zip(symbols, point))
    return np.array([float(sp.diff(expression, s).evalf(subs=substitution)) for s in symbols])


def exact_hessian(expression, symbols, point):
    substitution = dict(zip(symbols, point))
    return np.array(
        [[float(sp.diff(expression, s, t).evalf(subs=substitution)) for t in symbols] for s in symbols]
    )


def relative_error(got, expected):
    return np.max(np.abs(got - expected) / np.maximum(1.0, np.abs(expected)))


@pytest.mark.parametrize("name", FUNCTIONS)
def test_the_gradient_matches_sympy(name):
    expression, symbols = FUNCTIONS[name]
    f = numpy_function(expression, symbols)
    for point in POINTS[:, : len(symbols)]:
        got = gradient(f, point)
        assert got.shape == point.shape
        assert relative_error(got, exact_gradient(expression, symbols, point)) <= GRADIENT_TOLERANCE


@pytest.mark.parametrize("name", FUNCTIONS)
def test_each_partial_derivative_matches_sympy(name):
    expression, symbols = FUNCTIONS[name]
    f = numpy_function(expression, symbols)
    for point in POINTS[:5, : len(symbols)]:
        expected = exact_gradient(expression, symbols, point)
        for i in range(len(symbols)):
            got = partial(f, point, i)
            assert type(got) is float
            assert relative_error(got, expected[i]) <= GRADIENT_TOLERANCE


@pytest.mark.parametrize("name", FUNCTIONS)
def test_the_hessian_matches_sympy_and_is_symmetric(name):
    expression, symbols = FUNCTIONS[name]
    f = numpy_function(expression, symbols)
    for point in POINTS[:8, : len(symbols)]:
        got = hessian(f, point)
        assert got.shape == (len(symbols), len(symbols))
        np.testing.assert_array_equal(got, got.T)
        assert relative_error(got, exact_hessian(expression, symbols, point)) <= HESSIAN_TOLERANCE


@pytest.mark.parametrize("name", FUNCTIONS)
def test_the_directional_derivative_is_the_gradient_along_the_unit_direction(name):
    expression, symbols = FUNCTIONS[name]
    f = numpy_function(expression, symbols)
    for point, direction in zip(POINTS[:8, : len(symbols)], POINTS[8:16, : len(symbols)]):
        expected = exact_gradient(expression, symbols, point) @ direction / np.linalg.norm(direction)
        assert relative_error(directional_derivative(f, point, direction), expected) <= GRADIENT_TOLERANCE


def test_nudging_f_of_x_y_z_along_2_3_minus_1():
    f = lambda w: w[0] ** 2 * w[1] + np.sin(w[2])  # noqa: E731
    w = np.array([1.0, 2.0, 0.5])
    v = np.array([2.0, 3.0, -1.0])
    expected = (2 * 1 * 2 * 2 + 1 * 3 - np.cos(0.5)) / np.sqrt(14)
    assert directional_derivative(f, w, v) == pytest.approx(expected, rel=1e-9)
    # only the direction of v matters
    assert directional_derivative(f, w, 10 * v) == pytest.approx(expected, rel=1e-9)
    # the steepest direction is the gradient, and the rate is its length
    g = gradient(f, w)
    assert directional_derivative(f, w, g) == pytest.approx(np.linalg.norm(g), rel=1e-9)


@pytest.mark.parametrize("scale", [1e300, 1e-300, 5e-324])
def test_only_the_direction_of_v_matters_even_for_huge_and_tiny_v(scale):
    # ‖v‖ itself overflows (1e300) or underflows (1e-300, the subnormal 5e-324) to 0 or inf
    f = lambda w: w[0] + 2 * w[1]  # noqa: E731  D_v f = (1, 2)·v/‖v‖
    assert directional_derivative(f, [0.0, 3.0], [scale, scale]) == pytest.approx(3 / np.sqrt(2), rel=1e-9)
    assert directional_derivative(f, [0.0, 3.0], [0.0, scale]) == pytest.approx(2.0, rel=1e-9)


# ----- matrix inputs and matrix identities ---------------------------------------

A = np.array([[2.0, -1.0, 0.5], [0.0, 3.0, 1.0], [4.0, 1.0, -2.0]])
X0 = np.array([0.7, -1.2, 2.0])


def test_the_gradient_of_the_squared_frobenius_norm_is_2x():
    X = rng.normal(size=(3, 4))
    got = gradient(lambda M: np.sum(M**2), X)
    assert got.shape == (3, 4)
    np.testing.assert_allclose(got, 2 * X, rtol=1e-9, atol=1e-9)


def test_the_gradients_of_the_components_of_ax_are_the_columns_of_a_transpose():
    columns = [gradient(lambda x, k=k: (A @ x)[k], X0) for k in range(3)]
    np.testing.assert_allclose(np.column_stack(columns), A.T, rtol=1e-9, atol=1e-9)


def test_the_gradient_of_x_transpose_a_x_is_a_plus_a_transpose_times_x():
    np.testing.assert_allclose(gradient(lambda x: x @ A @ x, X0), (A + A.T) @ X0, rtol=1e-9)


def test_the_gradient_of_the_squared_norm_is_2x():
    np.testing.assert_allclose(gradient(lambda x: x @ x, X0), 2 * X0, rtol=1e-9)
    np.testing.assert_allclose(gradient(lambda x: np.sum(x**2), X0), 2 * X0, rtol=1e-9)


def test_the_hessian_of_x_transpose_a_x_is_a_plus_a_transpose():
    np.testing.assert_allclose(hessian(lambda x: x @ A @ x, X0), A + A.T, rtol=1e-6, atol=1e-6)


def test_a_partial_derivative_of_a_matrix_function_takes_a_tuple_index():
    X = np.arange(6.0).reshape(2, 3)
    f = lambda M: M[0, 1] * M[1, 2] ** 2  # noqa: E731
    assert partial(f, X, (1, 2)) == pytest.approx(2 * 1.0 * 5.0, rel=1e-9)
    assert partial(f, X, (0, 1)) == pytest.approx(25.0, rel=1e-9)
    assert partial(f, X, (-1, -1)) == pytest.approx(10.0, rel=1e-9)


def test_the_hessian_of_a_matrix_function_is_over_the_flattened_entries():
    X = np.array([[1.0, 2.0], [3.0, 4.0]])
    got = hessian(lambda M: M[0, 0] * M[1, 1], X)
    expected = np.zeros((4, 4))
    expected[0, 3] = expected[3, 0] = 1.0
    np.testing.assert_allclose(got, expected, atol=1e-7)


# ----- functions that reduce over their input ------------------------------------------


class Counted:
    def __init__(self, f):
        self.f, self.calls = f, 0

    def __call__(self, w):
        self.calls += 1
        return self.f(w)


def unit(i, n):
    return 1.0 * (np.arange(n) == i)


# f, written with reductions over w as a reader would, and its gradient in
# closed form. Evaluated at points whose coordinates are far apart (no ties
# within many steps), where every one of them is differentiable.
REDUCING = {
    "bowl + 0.1 max|w|": (
        lambda w: (w[0] - 1) ** 2 + (w[1] + 2) ** 2 + 0.1 * np.max(np.abs(w)),
        lambda w: np.array([2 * (w[0] - 1), 2 * (w[1] + 2)]) + 0.1 * np.sign(w) * (np.abs(w) == np.max(np.abs(w))),
    ),
    "max(w) + w0²": (lambda w: np.max(w) + w[0] ** 2, lambda w: (w == np.max(w)) + 2 * w[0] * unit(0, w.size)),
    "min(w) w1": (lambda w: np.min(w) * w[1], lambda w: np.min(w) * unit(1, w.size) + w[1] * (w == np.min(w))),
    "middle of sort(w) × w0": (
        lambda w: np.sort(w)[1] * w[0],
        lambda w: np.sort(w)[1] * unit(0, w.size) + w[0] * (w == np.sort(w)[1]),
    ),
    "w[argmax w]²": (lambda w: w[np.argmax(w)] ** 2, lambda w: 2 * np.max(w) * (w == np.max(w))),
    "‖w‖ (np.linalg.norm)": (np.linalg.norm, lambda w: w / np.linalg.norm(w)),
    "‖w‖∞ + ‖w‖₁": (
        lambda w: np.linalg.norm(w, np.inf) + np.linalg.norm(w, 1),
        lambda w: np.sign(w) * (np.abs(w) == np.max(np.abs(w))) + np.sign(w),
    ),
    "mean over axis 0, squared": (lambda w: np.mean(w, axis=0) ** 2, lambda w: 2 * np.mean(w) / w.size + 0 * w),
    "w.sum() w0": (lambda w: w.sum() * w[0], lambda w: w[0] + w.sum() * unit(0, w.size)),
    "median(w)": (np.median, lambda w: 1.0 * (w == np.median(w))),
    "prod(w)": (np.prod, lambda w: np.prod(w) / w),
    "log Σ exp(w / s)": None,  # filled in per scale below
    "std(w)": (np.std, lambda w: (w - np.mean(w)) / (w.size * np.std(w))),
    "w · w": (lambda w: w @ w, lambda w: 2 * w),
    "cumsum(w)[-1]²": (lambda w: np.cumsum(w)[-1] ** 2, lambda w: 2 * np.sum(w) + 0 * w),
    "sum(w)² + max(w) min(w)": (
        lambda w: np.sum(w) ** 2 + np.max(w) * np.min(w),
        lambda w: 2 * np.sum(w) + np.min(w) * (w == np.max(w)) + np.max(w) * (w == np.min(w)),
    ),
}


def softmax_case(scale):
    """log Σ exp(w / scale), written so that it stays finite at every scale."""
    return (
        lambda w: np.log(np.sum(np.exp(w / scale))),
        lambda w: np.exp(w / scale) / np.sum(np.exp(w / scale)) / scale,
    )


def spread_points(scale, sizes=(2, 3, 5), per_size=15, seed=7):
    """Points of a few coordinates of size ~scale, no two of w and |w| within 5% of each other."""
    rng = np.random.default_rng(seed)
    points = []
    for n in sizes:
        found = 0
        while found < per_size:
            w = rng.choice([-1, 1], size=n) * scale * rng.uniform(0.2, 2.0, size=n)
            values = np.sort(np.concatenate([w, np.abs(w)]) / scale)
            distinct = np.unique(np.round(values, 9))
            if len(distinct) == len(values) - np.sum(w > 0) and np.all(np.diff(distinct) > 0.05):
                points.append(w)
                found += 1
    return points


@pytest.mark.parametrize("scale", [1e-8, 1e-3, 1.0, 1e3, 1e8])
@pytest.mark.parametrize("name", REDUCING)
def test_the_gradient_of_a_function_that_reduces_over_w_matches_its_closed_form(name, scale):
    f, exact = softmax_case(scale) if REDUCING[name] is None else REDUCING[name]
    sizes = {"bowl + 0.1 max|w|": (2,), "median(w)": (3, 5)}.get(name, (2, 3, 5))
    points = spread_points(scale, sizes=sizes, per_size=45 // len(sizes))
    # The default step, eps^(1/3) max(1, |w_i|), does not shrink below
    # eps^(1/3) for |w_i| < 1; for functions that vary on the scale of w the
    # step must then be given, eps^(1/3) times that scale.
    h = None if scale >= 1 else EPS ** (1 / 3) * scale
    for w in points:
        expected = exact(w)
        got = gradient(f, w) if h is None else gradient(f, w, h=h)
        # Central differences with a step h ~ eps^(1/3) s (s the scale of w):
        # truncation h² |f⁽³⁾| / 6 and round-off eps |f| / h, each ~1e-10 of
        # the size of the gradient here (f is piecewise linear, or smooth with
        # its k-th derivative ~ f / s^k at these well-spread points, so the
        # stencil crosses no kink); 1e-7 of that size leaves room.
        size = np.max(np.abs(expected)) + abs(float(f(w))) / scale
        np.testing.assert_allclose(got, expected, rtol=1e-7, atol=1e-7 * size, err_msg=f"{name} at {w}")


def test_the_issue_example_gets_the_second_partial_right():
    f, _ = REDUCING["bowl + 0.1 max|w|"]
    np.testing.assert_allclose(gradient(f, [0.5, -3.0]), [-1.0, -2.1], rtol=1e-9)


def test_the_gradient_evaluates_f_once_at_w_and_once_per_stencil_point():
    f = Counted(lambda w: np.sin(w[0]) + w[1] ** 2 * w[2])
    gradient(f, X0)
    assert f.calls == 2 * 3 + 1
    g = Counted(lambda w: w[0] * w[1])
    hessian(g, [1.0, 2.0])  # w, 2 per coordinate, 4 per pair
    assert g.calls == 1 + 2 * 2 + 4 * 1


def test_each_call_of_f_gets_one_point_of_the_shape_of_w():
    shapes = []

    def f(W):
        shapes.append(np.shape(W))
        return np.sum(W**2)

    X = np.arange(6.0).reshape(2, 3)
    for call in (gradient, hessian, tangent_plane, lambda f, w: partial(f, w, (1, 2))):
        shapes.clear()
        call(f, X)
        assert set(shapes) == {(2, 3)}


def test_nan_from_f_at_one_stencil_point_stays_in_its_own_partial():
    # f is NaN only where w1 > 2 + 1e-9: the + h point of the second coordinate
    f = lambda w: w[0] ** 2 + (np.nan if w[1] > 2 + 1e-9 else w[1])  # noqa: E731
    got = gradient(f, [1.0, 2.0])
    assert got[0] == pytest.approx(2.0, rel=1e-9) and np.isnan(got[1])


def test_many_inputs_give_a_gradient_of_their_shape():
    w = np.linspace(-1, 1, 200)
    f = Counted(lambda w: np.sum(np.sin(w) * w[::-1], axis=0))
    got = gradient(f, w)
    # round-off eps |f| / h ~ 2e-16 * 70 / 6e-6 ~ 3e-9 dominates the truncation error
    np.testing.assert_allclose(got, np.cos(w) * w[::-1] + np.sin(w[::-1]), rtol=0, atol=1e-8)
    assert f.calls == 2 * 200 + 1


def test_a_number_w_gives_the_ordinary_derivative():
    assert gradient(np.sin, 0.5) == pytest.approx(np.cos(0.5), rel=1e-9)
    assert type(gradient(np.sin, 0.5)) is float
    assert hessian(lambda w: w**3, 2.0).shape == (1, 1)
    assert hessian(lambda w: w**3, 2.0)[0, 0] == pytest.approx(12.0, rel=1e-6)


# ----- tangent planes ---------------------------------------------------------------


def test_the_tangent_plane_is_the_first_order_taylor_polynomial():
    expression, symbols = FUNCTIONS["sin(a)b + a²c"]
    f = numpy_function(expression, symbols)
    w0 = np.array([0.4, -1.0, 2.0])
    plane = tangent_plane(f, w0)
    slope = exact_gradient(expression, symbols, w0)
    assert plane.value == pytest.approx(float(expression.subs(dict(zip(symbols, w0)))), rel=1e-14)
    np.testing.assert_allclose(plane.gradient, slope, rtol=1e-8)
    np.testing.assert_array_equal(plane.point, w0)
    w = np.array([0.5, -0.8, 1.5])
    assert plane(w) == pytest.approx(plane.value + slope @ (w - w0), rel=1e-8)
    assert type(plane(w)) is float


def test_the_tangent_plane_keeps_its_own_copy_of_the_point():
    w0 = np.array([1.0, 2.0])
    plane = tangent_plane(lambda w: w[0] ** 2 + w[1], w0)
    w0[0] = 100.0  # the caller reuses its array
    np.testing.assert_array_equal(plane.point, [1.0, 2.0])
    assert plane([1.0, 2.0]) == pytest.approx(3.0, rel=1e-12)


def test_the_tangent_plane_error_shrinks_quadratically():
    f = lambda w: np.exp(w[0]) * np.cos(w[1])  # noqa: E731
    w0, v = np.array([0.3, 0.2]), np.array([1.0, -2.0])
    plane = tangent_plane(f, w0)
    gaps = [abs(f(w0 + t * v) - plane(w0 + t * v)) for t in (1e-1, 1e-2, 1e-3)]
    assert gaps[1] / gaps[0] == pytest.approx(1e-2, rel=0.2)
    assert gaps[2] / gaps[1] == pytest.approx(1e-2, rel=0.2)


def test_the_tangent_plane_takes_meshgrids_stacked_along_the_first_axis():
    f = lambda w: w[0] ** 2 + w[1] ** 2  # noqa: E731
    plane = tangent_plane(f, [1.0, 2.0])
    W0, W1 = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(0, 3, 4))
    heights = plane(np.array([W0, W1]))
    assert heights.shape == W0.shape
    np.testing.assert_allclose(heights, 5 + 2 * (W0 - 1) + 4 * (W1 - 2), rtol=1e-8, atol=1e-8)


def test_the_tangent_plane_of_a_function_of_one_number_is_its_tangent_line():
    plane = tangent_plane(np.sin, 0.0)
    np.testing.assert_allclose(plane(np.array([0.1, 0.2])), [0.1, 0.2], rtol=1e-9)


def test_the_tangent_plane_rejects_points_of_the_wrong_shape():
    plane = tangent_plane(lambda w: w[0] + w[1], [1.0, 2.0])
    with pytest.raises(ValueError, match="w must have shape"):
        plane(np.zeros(3))


def test_a_line_exact_in_floating_point_has_its_exact_gradient():
    # 2 w0 and -4 w1 are exact (and so is adding 0): dividing by the distance
    # between the points used, not the nominal 2h, gives exactly 2 and -4,
    # however w ± h rounds
    for w in ([1e8 + 0.1, -3e7 - 0.3], [12345.678, 0.37]):
        np.testing.assert_array_equal(gradient(lambda v: 2 * v[0] + 0 * v[1], w), [2.0, 0.0])
        np.testing.assert_array_equal(gradient(lambda v: 0 * v[0] - 4 * v[1], w), [0.0, -4.0])
        assert partial(lambda v: 0 * v[0] - 4 * v[1], w, 1) == -4.0


def test_an_f_that_changes_its_argument_in_place_gets_the_right_derivatives():
    def f(w):
        w *= 2  # in place: each call must get its own point
        return np.sum((w / 2) ** 3)

    w = np.array([1.0, -2.0, 0.5])
    original = w.copy()
    np.testing.assert_allclose(gradient(f, w), 3 * original**2, rtol=1e-8)
    assert partial(f, w, 1) == pytest.approx(12.0, rel=1e-8)
    np.testing.assert_allclose(hessian(f, w), np.diag(6 * original), atol=1e-5)
    assert directional_derivative(f, w, [1.0, 0.0, 0.0]) == pytest.approx(3.0, rel=1e-8)
    plane = tangent_plane(f, w)
    assert plane.value == pytest.approx(float(np.sum(original**3)))
    np.testing.assert_allclose(plane.gradient, 3 * original**2, rtol=1e-8)
    np.testing.assert_array_equal(w, original)
