"""Chapter 9, "Second order": its examples print what the page claims, checked against SymPy and mpmath."""

from __future__ import annotations

import functools
import math
import re

import mpmath
import numpy as np
import pytest
import sympy as sp

from conftest import ROOT, SNIPPETS
from pageoutput import (assert_animation, assert_chapter_blocks, assert_figure, figure_counts, figure_texts,
                        player_data, read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "second-order.md"
CHAPTER = sorted(p.name for p in (SNIPPETS / "second_order").glob("*.py"))
FIGURES = ["curvature_directions.py", "newton_parabolas.py", "convergence_plot.py", "rosenbrock_paths.py",
           "saddle_paths.py", "stable_rate_zigzag.py"]
ANIMATIONS = ["quadratic_slider_sin.py"]
TABLES = ["taylor_errors.py", "convergence_table.py", "iterations_table.py", "uphill_table.py",
          "far_from_minimum.py", "damped_newton.py", "stable_rate_table.py"]
FIGURE_BUDGET = 60_000
ANIMATION_BUDGET = 400_000

w, w1, w2 = sp.symbols("w w1 w2", real=True)
EXP = sp.exp(w) - 2 * w  # minimum at ln 2
LOGCOSH = sp.log(sp.cosh(w))
WELL = w**4 / 4 - w**2 / 2
ROSENBROCK = 100 * (w2 - w1**2) ** 2 + (1 - w1) ** 2
BOWL = w1**2 + 8 * w2**2
SADDLED = w1**2 + w2**4 / 4 - w2**2 / 2
X_DATA = [-2.0, -1.0, -0.5, 0.3, 0.8, 1.5, 2.2, 3.0]  # the logistic loss's data, as in the examples
S_DATA = [-1, -1, 1, -1, 1, -1, 1, 1]
LOGISTIC = sum(sp.log(1 + sp.exp(-s * (w1 * sp.nsimplify(x) + w2))) for x, s in zip(X_DATA, S_DATA)) / 8

# Printed numbers have 4 significant digits: a relative error up to 5e-4.
PRINTED = dict(rel=6e-4)
_read = functools.partial(read_number, infinity=True)


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("second_order")


def _newton_map(expr):
    """Oracle: SymPy's Newton step w − g′/g″ for one variable, evaluated by mpmath at 40 digits."""
    step = sp.lambdify(w, w - sp.simplify(sp.diff(expr, w) / sp.diff(expr, w, 2)), "mpmath")

    def apply(x):
        with mpmath.workdps(40):
            return step(mpmath.mpf(x))

    return apply


def _iterate(step, start, count):
    """[start, step(start), step(step(start)), ...], count steps, at 40 digits."""
    with mpmath.workdps(40):
        values = [mpmath.mpf(start)]
        for _ in range(count):
            values.append(step(values[-1]))
    return values


def _descent_map(expr, lr):
    slope = sp.lambdify(w, sp.diff(expr, w), "mpmath")
    return lambda x: x - mpmath.mpf(lr) * slope(x)


def _derivatives(expr, symbols):
    """Plain-float gradient and Hessian of expr, lambdified by SymPy (independent of calcnotes)."""
    gradient = sp.lambdify([symbols], [sp.diff(expr, v) for v in symbols], "math")
    hessian = sp.lambdify([symbols], sp.hessian(expr, symbols), "numpy")
    return (lambda p: np.array(gradient(list(p)), dtype=float)), (lambda p: np.array(hessian(list(p)), dtype=float))


def _descent_steps(expr, symbols, start, lr, tol, cap):
    """Steps plain gradient descent takes to ‖∇g‖ < tol, with SymPy's gradient."""
    gradient, _ = _derivatives(expr, symbols)
    point = np.array(start, dtype=float)
    for k in range(cap + 1):
        slope = gradient(point)
        if math.hypot(*slope) < tol:
            return k
        point = point - lr * slope
    return None


def _newton_path(expr, symbols, start, tol, cap=100):
    """Newton's iterates with SymPy's gradient and Hessian, until ‖∇g‖ < tol."""
    gradient, hessian = _derivatives(expr, symbols)
    path = [np.array(start, dtype=float)]
    for _ in range(cap):
        slope = gradient(path[-1])
        if math.hypot(*slope) < tol:
            break
        path.append(path[-1] - np.linalg.solve(hessian(path[-1]), slope))
    return path


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES)


# -------------------------------------------------------- the quadratic approximation --


def test_the_tangents_error_shrinks_like_d_squared_and_the_parabolas_like_d_cubed(output):
    rows = table_rows(output("taylor_errors.py"))
    g = sp.sin(w)
    w0 = sp.Integer(1)
    assert [_read(row[0]) for row in rows] == [0.5, 0.25, 0.1, 0.05, 0.01]
    for row in rows:
        d = sp.nsimplify(row[0].replace("−", "-"))
        # Oracle: the Taylor polynomials of sin at 1, exactly, evaluated at 30 digits.
        line = g.subs(w, w0) + sp.cos(w0) * d
        parabola = line - sp.sin(w0) * d**2 / 2
        first = abs(float((g.subs(w, w0 + d) - line).evalf(30)))
        second = abs(float((g.subs(w, w0 + d) - parabola).evalf(30)))
        got = [_read(cell) for cell in row[1:]]
        assert got == pytest.approx([first, first / float(d) ** 2, second, second / float(d) ** 3], **PRINTED)
    # The ratios settle on |g″(1)|/2 and |g‴(1)|/6, as Taylor's theorem says.
    assert _read(rows[-1][2]) == pytest.approx(float(sp.sin(1) / 2), rel=0.01)
    assert _read(rows[-1][4]) == pytest.approx(float(sp.cos(1) / 6), rel=0.01)


def test_the_slider_frames_give_sins_exact_slope_and_bend_at_each_point(output):
    text = output("quadratic_slider_sin.py")
    data = assert_animation(text, ANIMATION_BUDGET, min_frames=100)
    centres = np.linspace(-3 + 0.18, 3 - 0.18, len(data["frames"]))  # documented: 3 % inside each end
    for centre, label in zip(centres, data["labels"]):
        found = re.fullmatch(r"w⁰ = (.+), g\(w⁰\) = (.+), g′ = (.+), g″ = (.+)", label)
        assert found, label
        at = sp.Float(centre, 30)
        # 3 significant digits printed: a relative error of at most 5e-3 (absolute near 0).
        for printed, expr in zip(found.groups(), (w, sp.sin(w), sp.cos(w), -sp.sin(w))):
            assert _read(printed) == pytest.approx(float(expr.subs(w, at)), rel=6e-3, abs=6e-3)
    assert "g(w) = sin(w)" in text and "parabola" in text and "tangent line" in text


# ------------------------------------------------------------------- the Hessian --


def test_the_hessian_of_rosenbrock_at_its_minimum_has_sympys_eigenvalues(output):
    text = output("curvature_directions.py")
    found = re.search(r"from (\S+) to (\S+), a ratio of (\S+)\.", text)
    exact = sorted(float(v) for v in sp.hessian(ROSENBROCK, (w1, w2)).subs({w1: 1, w2: 1}).eigenvals(multiple=True))
    assert [_read(found[1]), _read(found[2])] == pytest.approx(exact, **PRINTED)
    assert _read(found[3]) == pytest.approx(exact[1] / exact[0], **PRINTED)
    texts = figure_texts(text)
    assert f"eigenvalue {found[1]}" in texts and f"eigenvalue {found[2]}" in texts


def test_the_console_session_shows_the_exact_hessian_and_its_eigenvalues():
    page = PAGE.read_text(encoding="utf-8")
    H = sp.hessian(ROSENBROCK, (w1, w2)).subs({w1: 1, w2: 1})
    assert H == sp.Matrix([[802, -400], [-400, 200]])
    shown = "array([[ 802., -400.],\n       [-400.,  200.]])"
    assert shown in page
    eigenvalues = sorted(round(float(v), 4) for v in H.eigenvals(multiple=True))
    assert f"{eigenvalues}" in page  # the session's last output, run by the doctest glob


# --------------------------------------------------------------- Newton's method --


def test_the_parabola_picture_prints_newtons_iterates_on_exp_minus_2w(output):
    found = re.search(r"wᵏ: (.+) \(the minimum: ln 2 = (\S+)\)", output("newton_parabolas.py"))
    printed = [float(v) for v in found[1].split(", ")]
    exact = _iterate(_newton_map(EXP), 2, 3)
    assert printed == pytest.approx([float(v) for v in exact], abs=6e-7)  # six decimals
    assert float(found[2]) == pytest.approx(math.log(2), abs=6e-7)


def test_the_second_console_session_follows_sympys_newton_steps_to_ln_2():
    page = PAGE.read_text(encoding="utf-8")
    shown = re.search(r">>> run.path.round\(10\).tolist\(\).*\n\[(.+)\]", page)[1]
    exact = _iterate(_newton_map(EXP), 2, 6)
    assert [float(v) for v in shown.split(", ")] == pytest.approx([float(v) for v in exact], abs=1e-10)


def test_on_rosenbrock_newton_converges_in_a_few_steps_one_of_them_uphill(output):
    text = output("rosenbrock_paths.py")
    found = re.search(r"Newton: (\d+) steps to \(1, 1\), converged = True; g along the way: (.+)\.\n", text)
    steps, values = int(found[1]), [_read(v) for v in found[2].split(", ")]
    path = _newton_path(ROSENBROCK, [w1, w2], [-1.2, 1.0], tol=1e-6)
    value = sp.lambdify([w1, w2], ROSENBROCK)
    assert steps == len(path) - 1 <= 10
    assert values == pytest.approx([value(*p) for p in path], rel=6e-3, abs=1e-30)  # 3 digits
    assert values[2] > values[1]  # the second jump goes uphill, as the page says
    np.testing.assert_allclose(path[-1], [1.0, 1.0], atol=1e-9)


def test_on_rosenbrock_descent_needs_tens_of_thousands_of_steps(output):
    text = output("rosenbrock_paths.py")
    steps = int(re.search(r"Gradient descent \(lr = 0.001\): (\d+) steps, converged = True\.", text)[1])
    # Oracle: the same iteration with SymPy's gradient; the last step may differ by rounding.
    exact = _descent_steps(ROSENBROCK, [w1, w2], [-1.2, 1.0], 0.001, 1e-6, 100_000)
    assert abs(steps - exact) <= 2 and 10_000 < steps < 100_000
    assert f"descent, {steps} steps" in " ".join(figure_texts(text))


# ------------------------------------------------------------- convergence rates --


def test_the_convergence_table_has_sympys_errors_with_newtons_squared_and_descents_constant_ratios(output):
    rows = table_rows(output("convergence_table.py"))
    best = sp.log(2)
    newton = [abs(v - mpmath.log(2)) for v in _iterate(_newton_map(EXP), 2, 7)]
    descent = [abs(v - mpmath.log(2)) for v in _iterate(_descent_map(EXP, 0.1), 2, 7)]
    assert [int(row[0]) for row in rows] == list(range(7))
    for k, row in enumerate(rows):
        if k < 6:
            assert _read(row[1]) == pytest.approx(float(newton[k]), **PRINTED)
        else:
            assert _read(row[1]) == 0  # float64 lands on ln 2 exactly: the true error is below rounding
            assert newton[k] < 1e-16
        if k < 5:
            assert _read(row[2]) == pytest.approx(float(newton[k + 1] / newton[k] ** 2), **PRINTED)
        else:
            assert row[2] == "—"
        assert _read(row[3]) == pytest.approx(float(descent[k]), **PRINTED)
        assert _read(row[4]) == pytest.approx(float(descent[k + 1] / descent[k]), **PRINTED)
    # Newton: e_{k+1}/e_k² closes in on g‴/(2g″) at the minimum; descent's ratio on 1 − lr g″(w*).
    limit = float((sp.diff(EXP, w, 3) / (2 * sp.diff(EXP, w, 2))).subs(w, best))
    squared = [_read(row[2]) for row in rows[:5]]
    assert squared[-1] == pytest.approx(limit, rel=1e-3)
    assert all(abs(b - limit) < abs(a - limit) for a, b in zip(squared, squared[1:]))
    linear = [_read(row[4]) for row in rows]
    factor = float(1 - sp.Rational(1, 10) * sp.diff(EXP, w, 2).subs(w, best))
    assert all(a < b < factor for a, b in zip(linear, linear[1:]))  # creeping up to 0.8


def test_the_observed_orders_are_two_for_newton_and_one_for_descent(output):
    text = output("convergence_table.py")
    found = re.search(r"Newton's method, from e₃, e₄, e₅: p = (\S+)\. Of gradient descent, "
                      r"from e₅₈, e₅₉, e₆₀: p = (\S+), with e₆₀ ÷ e₅₉ = (\S+)\.", text)
    assert float(found[1]) == pytest.approx(2, abs=0.01)
    assert float(found[2]) == pytest.approx(1, abs=0.01)
    # Oracle: the order from SymPy's own iterates, at 40 digits; the factor 1 − 0.1 g″(ln 2).
    e = [abs(v - mpmath.log(2)) for v in _iterate(_newton_map(EXP), 2, 5)]
    assert float(found[1]) == pytest.approx(float(mpmath.log(e[5] / e[4]) / mpmath.log(e[4] / e[3])), abs=1e-3)
    d = [abs(v - mpmath.log(2)) for v in _iterate(_descent_map(EXP, 0.1), 2, 60)]
    assert float(found[2]) == pytest.approx(float(mpmath.log(d[60] / d[59]) / mpmath.log(d[59] / d[58])), abs=1e-3)
    assert float(found[3]) == pytest.approx(float(d[60] / d[59]), abs=1e-4)
    assert float(found[3]) == pytest.approx(0.8, abs=1e-3)


def test_the_log_plots_name_both_methods_and_both_slopes(output):
    texts = " ".join(figure_texts(output("convergence_plot.py")))
    for label in ("Newton", "gradient descent, lr = 0.1", "slope 1: eₖ₊₁ = 0.8 eₖ", "slope 2: eₖ₊₁ = 0.5 eₖ²"):
        assert label in texts


ITERATION_PROBLEMS = {  # the table's rows: SymPy expression, symbols, w⁰, lr
    "bowl w₁² + 8w₂²": (BOWL, [w1, w2], [-4.0, 1.5], 0.1),
    "eʷ − 2w": (EXP, [w], [2.0], 0.1),
    "logistic loss": (LOGISTIC, [w1, w2], [0.0, 0.0], 2.0),
    "Rosenbrock": (ROSENBROCK, [w1, w2], [-1.2, 1.0], 0.001),
    "w⁴ (g″ = 0 at its minimum)": (w**4, [w], [1.0], 0.1),
}


def test_newton_needs_far_fewer_steps_than_descent_and_the_counts_are_sympys(output):
    rows = table_rows(output("iterations_table.py"))
    assert [row[0] for row in rows] == list(ITERATION_PROBLEMS)
    for name, start, lr, descent, descent_ok, newton, newton_ok in rows:
        expr, symbols, w0, rate = ITERATION_PROBLEMS[name]
        assert _read(lr) == rate and descent_ok == newton_ok == "True"
        assert [_read(v) for v in start.strip("()").split(", ")] == w0
        exact_descent = _descent_steps(expr, symbols, w0, rate, 1e-6, 200_000)
        exact_newton = len(_newton_path(expr, symbols, w0, 1e-6, cap=1000)) - 1
        assert abs(int(descent) - exact_descent) <= 2, name  # the last step may differ by rounding
        assert int(newton) == exact_newton, name
        assert int(newton) * 5 < int(descent), name
    counts = {row[0]: int(row[5]) for row in rows}
    assert counts["bowl w₁² + 8w₂²"] == 1  # a quadratic: one step
    # w⁴: w − 4w³/(12w²) = (2/3)w, and 4 w_k³ < 1e-6 first at this k: only linear
    assert counts["w⁴ (g″ = 0 at its minimum)"] == math.ceil(math.log(1e-6 / 4) / (3 * math.log(2 / 3)))


# ------------------------------------------------------------- where it goes wrong --


def test_on_the_double_well_newton_climbs_to_the_maximum_and_descent_slides_to_a_minimum(output):
    rows = table_rows(output("uphill_table.py"))
    newton = _iterate(_newton_map(WELL), "0.4", 5)
    descent = _iterate(_descent_map(WELL, "0.5"), "0.4", 5)
    value, bend = sp.lambdify(w, WELL, "mpmath"), sp.lambdify(w, sp.diff(WELL, w, 2), "mpmath")
    for k, row in enumerate(rows):
        got = [_read(cell) for cell in row]
        want = [k, newton[k], value(newton[k]), bend(newton[k]), descent[k], value(descent[k])]
        assert got == pytest.approx([float(v) for v in want], rel=6e-4, abs=1e-15)
    newton_values = [_read(row[2]) for row in rows[:5]]
    assert all(a < b for a, b in zip(newton_values, newton_values[1:]))  # uphill, every step
    assert all(_read(row[3]) < 0 for row in rows)  # where g″ < 0
    descent_values = [_read(row[5]) for row in rows]
    assert all(a > b for a, b in zip(descent_values, descent_values[1:]))
    assert abs(float(newton[5])) < 1e-20 and abs(float(descent[5]) - 1) < 1e-3


def test_newton_finds_the_saddle_and_descent_the_minimum_from_the_same_start(output):
    text = output("saddle_paths.py")
    ending = r"(Newton|gradient descent, lr = 0.1): ends at (\(.+?\)) after \d+ steps, a (\w+), with g = (\S+)\."
    found = {m[0]: m[1:] for m in re.findall(ending, text)}
    assert len(found) == 2
    hessian = sp.hessian(SADDLED, (w1, w2))
    for name, (point, kind, value) in found.items():
        at = dict(zip((w1, w2), (sp.nsimplify(v.replace("−", "-")) for v in point.strip("()").split(", "))))
        assert all(sp.diff(SADDLED, v).subs(at) == 0 for v in (w1, w2))  # a critical point
        signs = {sp.sign(e) for e in hessian.subs(at).eigenvals(multiple=True)}
        assert kind == {frozenset({1}): "minimum", frozenset({-1, 1}): "saddle"}[frozenset(signs)]
        assert _read(value) == float(SADDLED.subs(at))
    assert found["Newton"][:2] == ("(0, 0)", "saddle")
    assert found["gradient descent, lr = 0.1"][:2] == ("(0, 1)", "minimum")


def test_far_from_the_minimum_of_log_cosh_newton_flies_off_beyond_the_edge(output):
    text = output("far_from_minimum.py")
    # Oracle: the edge solves sinh 2w = 4w (one Newton step sends w to −w), by mpmath.
    with mpmath.workdps(30):
        edge = mpmath.findroot(lambda t: mpmath.sinh(2 * t) - 4 * t, 1.0)
    assert _read(re.search(r"Starts beyond ±(\S+) are sent", text)[1]) == pytest.approx(float(edge), abs=6e-6)
    step = _newton_map(LOGCOSH)
    rows = table_rows(text)
    assert [_read(row[0]) for row in rows] == [0.5, 1.0, 1.08, 1.09, 1.5]
    for start, *first, steps, converged, diverged in rows:
        path = _iterate(step, start, 3)
        for printed, exact in zip(first, path[1:]):
            if printed != "—":
                assert _read(printed) == pytest.approx(float(exact), **PRINTED)
        inside = _read(start) < edge
        assert (converged, diverged) == (("True", "False") if inside else ("False", "True"))
    assert rows[-1][3] == "—" and _read(rows[-1][2]) > 275  # from 1.5: −3.51, then beyond 275


def test_the_damped_steps_follow_the_halving_rule_and_reach_the_minimum(output):
    text = output("damped_newton.py")
    rows = table_rows(text)
    slope, bend = (sp.lambdify(w, sp.diff(LOGCOSH, w, n), "mpmath") for n in (1, 2))
    value = sp.lambdify(w, LOGCOSH, "mpmath")
    with mpmath.workdps(40):
        x = mpmath.mpf("1.5")
        for k, row in enumerate(rows):
            step = -slope(x) / bend(x)
            t = mpmath.mpf(1)
            while value(x + t * step) > value(x) + mpmath.mpf("1e-4") * t * slope(x) * step:
                t /= 2
            got = [_read(cell) for cell in row]
            assert got == pytest.approx([k, float(x), float(value(x)), float(step), float(t)], rel=6e-4)
            x += t * step
    assert [_read(row[4]) for row in rows] == [0.5] + [1] * 5  # only the first step is cut, to half
    found = re.search(r"After 6 damped steps w = (.+); the plain method went from 1.5 to (\S+), then (\S+)\.", text)
    assert abs(_read(found[1])) < 1e-10
    plain = _iterate(_newton_map(LOGCOSH), "1.5", 2)
    assert [_read(found[2]), _read(found[3])] == pytest.approx([float(v) for v in plain[1:]], rel=2e-3)


# ------------------------------------------------------------- 2 / λ_max --


def _minimum_and_top_eigenvalue(expr, symbols, guess):
    """Oracle: SymPy finds the minimum (nsolve on the gradient) and the Hessian's eigenvalues there."""
    with mpmath.workdps(30):
        best = sp.nsolve([sp.diff(expr, v) for v in symbols], symbols, guess, prec=30)
    at = dict(zip(symbols, best))
    hessian = sp.hessian(expr, symbols).subs(at).evalf(30)
    eigenvalues = np.linalg.eigvalsh(np.array(hessian, dtype=float))
    return [float(v) for v in best], float(eigenvalues[-1])


def test_just_below_two_over_lambda_max_descent_settles_and_just_above_it_does_not(output):
    rows = table_rows(output("stable_rate_table.py"))
    problems = {"bowl w₁² + 8w₂²": (BOWL, [w1, w2], [0.1, 0.1]), "eʷ − 2w": (EXP, [w], [0.5]),
                "logistic loss": (LOGISTIC, [w1, w2], [0.5, 0.0]), "Rosenbrock": (ROSENBROCK, [w1, w2], [0.9, 0.8])}
    assert [row[0] for row in rows] == list(problems)
    for name, top, limit, below, above in rows:
        expr, symbols, guess = problems[name]
        _, exact = _minimum_and_top_eigenvalue(expr, symbols, guess)
        assert _read(top) == pytest.approx(exact, **PRINTED)
        assert _read(limit) == pytest.approx(2 / exact, **PRINTED)
        assert _read(below) < 0.01 / 10  # started 0.01 away: at least ten times closer
        assert _read(above) > 0.01  # farther than it started
    assert _read(rows[0][2]) == 0.125  # the bowl: η < 1/8, as on the Optimization page


def test_the_stability_picture_runs_just_below_and_above_two_over_g2_at_ln_2(output):
    text = output("stable_rate_zigzag.py")
    limit = float(2 / sp.diff(EXP, w, 2).subs(w, sp.log(2)))
    assert limit == 1
    texts = figure_texts(text)
    assert f"lr = {0.98 * limit:g}" in texts and f"lr = {1.02 * limit:g}" in texts


def test_the_page_says_kappa_and_the_factor_per_step_that_sympy_gives_for_rosenbrock():
    eigenvalues = sorted(float(v) for v in sp.hessian(ROSENBROCK, (w1, w2)).subs({w1: 1, w2: 1})
                         .eigenvals(multiple=True))
    kappa = eigenvalues[1] / eigenvalues[0]
    page = PAGE.read_text(encoding="utf-8")
    assert f"\\kappa \\approx {round(kappa)}" in page
    assert f"${1 - 2 / kappa:.4f}$" in page
    assert "$\\tfrac12 \\sin 1 \\approx 0.4207$" in page and "$\\tfrac16 \\cos 1 \\approx 0.0901$" in page
    assert f"{float(sp.sin(1) / 2):.4f}" == "0.4207" and f"{float(sp.cos(1) / 6):.4f}" == "0.0901"


# --------------------------------------------------------------- page output --


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", TABLES)
def test_each_table_example_shows_text_and_no_figure(output, name):
    text = output(name)
    assert "<svg" not in text and "<figure" not in text and "<" not in text.replace("‖∇g‖ <", "")


def test_the_page_includes_every_example_of_the_chapter():
    assert_chapter_blocks(PAGE, "second_order", CHAPTER)


def test_the_page_shows_an_animation_and_several_figures(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert animations >= 1 and figures >= 5


def test_the_page_has_console_sessions_for_the_hessian_and_for_newton():
    page = PAGE.read_text(encoding="utf-8")
    assert "```pycon\n>>> import numpy as np\n>>> from calcnotes import grad, jacobian" in page
    assert "```pycon\n>>> from calcnotes import newton" in page


def test_page_and_examples_write_iterates_with_a_superscript_and_the_learning_rate_as_eta():
    # wᵏ is the k-th iterate and w₁, w₂ the coordinates (Notation page): never w₀ or w_k.
    sources = [PAGE.read_text(encoding="utf-8")]
    sources += [(SNIPPETS / "second_order" / name).read_text(encoding="utf-8") for name in CHAPTER]
    for source in sources:
        assert not re.search(r"w_0|w_\{?k|w₀|wₖ", source)
    assert "\\eta" in sources[0] and "w^k" in sources[0] and "w^{k+1}" in sources[0]


def test_the_page_ends_with_a_summary_and_a_link_to_its_exercises():
    page = PAGE.read_text(encoding="utf-8")
    assert "## Summary" in page
    assert "(exercises/09-second-order.ipynb)" in page.split("## Summary")[-1]
    assert (ROOT / "docs" / "exercises" / "09-second-order.ipynb").exists()
