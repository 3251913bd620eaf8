"""Chapter 4, "Derivative rules": its examples print what the page claims."""

from __future__ import annotations

import functools
import html
import re
import runpy

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

import calcnotes

from conftest import ROOT
from pageoutput import (assert_animation, assert_chapter_blocks, assert_figure, figure_counts,
                        player_data, read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "rules.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "rules").glob("*.py"))
FIGURES = ["function_grid.py", "quadratic_figure.py", "cubic_tangent.py", "x_to_the_x_figure.py"]
ANIMATIONS = ["slope_tracer.py"]
TABLES = ["rules_checked.py", "exp_limit.py", "log_limit.py", "sum_and_multiple_limit.py",
          "product_limit.py", "quotient_limit.py", "quadratic_checked.py", "x_to_the_x_checked.py",
          "sigmoid_checked.py"]
TEXT = ["sigmoid_peak.py"]
FIGURE_BUDGET = 60_000
ANIMATION_BUDGET = 400_000
x = sp.Symbol("x", positive=True)
t = sp.Symbol("t", real=True)  # the sigmoid's input, which may be negative
sigma = 1 / (1 + sp.exp(-t))

# One example per rule, as SymPy expressions: the independent oracle.
RULE_EXAMPLES = {
    "constant": sp.Integer(7) + 0 * x,
    "constant multiple": 5 * sp.sin(x),
    "power": x**-2,
    "exponential": sp.exp(x),
    "logarithm": sp.log(x),
    "sine": sp.sin(x),
    "cosine": sp.cos(x),
    "sum": x**2 + sp.sin(x),
    "product": x**2 * sp.exp(x),
    "quotient": sp.sin(x) / x,
    "chain": sp.log(1 + x**2),
}


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("rules")


def _exact(expr, at) -> float:
    return float(expr.subs(x, at))


def _numbers(text: str) -> list[list[float]]:
    return [[read_number(cell) for cell in row] for row in table_rows(text)]


@functools.cache
def _drawn(name: str) -> Figure:
    """The figure ``snippets/rules/<name>`` shows, run as a reader runs it (as a script)."""
    shown = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(calcnotes, "show", shown.append)
        runpy.run_path(str(ROOT / "snippets" / "rules" / name), run_name="__main__")
    (fig,) = shown
    assert isinstance(fig, Figure)
    return fig


def _figure_texts(text: str) -> list[str]:
    """Every piece of text drawn in the SVG figure printed in *text* (titles, labels, legends)."""
    return [html.unescape(s) for s in re.findall(r"<text\b[^>]*>([^<]*)</text>", text)]


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES + TEXT)


# ------------------------------------------------------------------ the rules --


def test_the_rules_table_has_one_row_per_rule_in_the_page_order(output):
    rows = table_rows(output("rules_checked.py"))
    assert [row[0] for row in rows] == list(RULE_EXAMPLES)


def test_each_rule_value_at_1_matches_the_symbolic_derivative(output):
    for rule, _, _, by_rule, measured, _ in table_rows(output("rules_checked.py")):
        exact = _exact(sp.diff(RULE_EXAMPLES[rule], x), 1)
        # Printed to 6 significant digits.
        assert read_number(by_rule) == pytest.approx(exact, rel=1e-5, abs=1e-12), rule
        assert read_number(measured) == pytest.approx(exact, rel=1e-5, abs=1e-12), rule


def test_each_rule_agrees_with_the_numerical_derivative_to_round_off(output):
    points = [0.5, 1, 1.5, 2, 3]
    for rule, *_, gap in table_rows(output("rules_checked.py")):
        slope = sp.diff(RULE_EXAMPLES[rule], x)
        size = max(abs(_exact(slope, p)) for p in points)
        # The central difference with h ≈ 6e-6·max(1, |x|) errs by about
        # h²|f‴|/6 + eps|f|/h, roughly 1e-10 of the values here; 1e-9 leaves room.
        assert 0 <= read_number(gap) <= 1e-9 * (1 + size), rule


def test_the_product_row_has_the_largest_gap_as_the_page_says(output):
    gaps = {row[0]: read_number(row[-1]) for row in table_rows(output("rules_checked.py"))}
    assert max(gaps, key=gaps.get) == "product"


def test_a_wrong_product_rule_would_have_failed_the_check():
    # The table's product row would read 2e, not 3e, under (fg)' = f'g': the
    # check has teeth at the printed precision.
    wrong = _exact(sp.diff(x**2, x) * sp.diff(sp.exp(x), x), 1)
    assert abs(wrong - _exact(sp.diff(RULE_EXAMPLES["product"], x), 1)) > 1


def test_the_console_session_checks_the_product_rule_against_3e_and_2e():
    page = PAGE.read_text(encoding="utf-8")
    assert "```pycon\n>>> import numpy as np\n>>> from calcnotes import derivative" in page
    # The session's outputs, against SymPy (the doctest glob runs the session itself).
    assert f"\n{float(3 * sp.E):.6f}\n" in page and f"\n{float(2 * sp.E):.6f}\n" in page


# ----------------------------------------------------- the rules from the definition --

h = sp.Symbol("h", real=True, nonzero=True)
F, G = sp.Function("f"), sp.Function("g")


def _quotient(expr, at=None):
    """The difference quotient (e(x + h) − e(x)) / h of a SymPy expression in x, at x = *at*."""
    q = (expr.subs(x, x + h) - expr) / h
    return q if at is None else q.subs(x, at)


def _value(expr, step) -> float:
    return float(expr.subs(h, sp.nsimplify(step)).evalf(30))


def test_the_exponential_factor_is_the_quotient_at_any_x_and_tends_to_1_but_ln_2_for_base_2(output):
    factor = (sp.exp(h) - 1) / h
    assert sp.simplify(_quotient(sp.exp(x)) - sp.exp(x) * factor) == 0  # the identity on the page
    assert sp.limit(factor, h, 0) == 1 and sp.limit((2**h - 1) / h, h, 0) == sp.log(2)
    rows = table_rows(output("exp_limit.py"))
    assert [read_number(r[0]) for r in rows] == [1, 0.1, 0.01, 0.001, 1e-4, 1e-5, -1e-5]
    for step, f, minus_one, at_2, base_2 in rows:
        exact = _value(factor, read_number(step))
        assert read_number(f) == pytest.approx(exact, rel=1e-6)  # 7 digits printed
        assert read_number(minus_one) == pytest.approx(exact - 1, rel=1e-6)  # expm1: no cancellation
        # secant_slope subtracts: round-off about ε_mach/h, below the 7 digits printed
        assert read_number(at_2) == pytest.approx(_value(_quotient(sp.exp(x), 2) / sp.exp(2), read_number(step)), rel=1e-6)
        assert read_number(base_2) == pytest.approx(_value((2**h - 1) / h, read_number(step)), rel=1e-6)
    assert read_number(rows[-2][4]) == pytest.approx(float(sp.log(2)), abs=2e-5)


def test_the_logarithm_quotient_is_one_over_x_times_log_1_plus_u_over_u_and_tends_to_one_half(output):
    u = h / x
    assert sp.simplify(sp.expand_log(x * _quotient(sp.log(x)) - sp.log(1 + u) / u, force=True)) == 0
    assert sp.limit(sp.log(1 + h) / h, h, 0) == 1
    rows = table_rows(output("log_limit.py"))
    for step, q, x_q, factor, minus in rows:
        s = read_number(step)
        exact = _value(_quotient(sp.log(x), 2), s)
        assert read_number(q) == pytest.approx(exact, rel=1e-6)
        assert read_number(x_q) == pytest.approx(2 * exact, rel=1e-6)
        assert read_number(factor) == pytest.approx(_value(sp.log(1 + h / 2) / (h / 2), s), rel=1e-6)
        assert read_number(minus) == pytest.approx(exact - 0.5, rel=1e-5)
    assert abs(read_number(rows[-1][-1])) < 2e-6  # heading for 1/x = 1/2


def test_sum_and_constant_multiple_quotients_are_the_parts_quotients_for_every_step(output):
    f, g = x**3, sp.sin(x)
    assert sp.simplify(_quotient(F(x) + G(x)) - _quotient(F(x)) - _quotient(G(x))) == 0
    assert sp.simplify(_quotient(5 * F(x)) - 5 * _quotient(F(x))) == 0
    text = output("sum_and_multiple_limit.py")
    for step, q_sum, q_parts, q_multiple, c_q in table_rows(text):
        s = read_number(step)
        assert read_number(q_sum) == pytest.approx(_value(_quotient(f + g, 1), s), rel=1e-9)
        assert read_number(q_parts) == read_number(q_sum)
        assert read_number(q_multiple) == pytest.approx(_value(_quotient(5 * f, 1), s), rel=1e-9)
        assert read_number(c_q) == read_number(q_multiple)
    assert f"= {float(sp.diff(f + g, x).subs(x, 1)):.6f}" in text and "5 · 3 = 15." in text


def test_the_split_product_quotient_is_an_identity_and_tends_to_the_product_rule(output):
    split = F(x + h) * _quotient(G(x)) + G(x) * _quotient(F(x))
    assert sp.simplify(_quotient(F(x) * G(x)) - split) == 0  # for any f and g
    product = x**2 * sp.sin(x)
    rule = float(sp.diff(product, x).subs(x, 1))
    text = output("product_limit.py")
    printed = re.search(r"= cos 1 \+ 2 sin 1 = (\S+)$", text, re.M)
    assert printed and read_number(printed[1]) == pytest.approx(rule, rel=1e-8)  # 9 digits printed
    previous = None
    for step, q, parts, minus in table_rows(text):
        exact = _value(_quotient(product, 1), read_number(step))
        assert read_number(q) == pytest.approx(exact, rel=1e-8) and read_number(parts) == pytest.approx(exact, rel=1e-8)
        assert read_number(minus) == pytest.approx(exact - rule, rel=1e-4, abs=1e-12)
        if previous is not None:  # first order: the gap shrinks tenfold with h
            assert read_number(minus) == pytest.approx(previous / 10, rel=0.05)
        previous = read_number(minus)


def test_the_split_quotient_of_a_ratio_is_an_identity_and_tends_to_the_quotient_rule(output):
    split = (G(x) * _quotient(F(x)) - F(x) * _quotient(G(x))) / (G(x) * G(x + h))
    assert sp.simplify(_quotient(F(x) / G(x)) - split) == 0  # for any f and g with g ≠ 0
    ratio = sp.sin(x) / (x**2 + 1)
    rule = float(sp.diff(ratio, x).subs(x, 1))
    text = output("quotient_limit.py")
    printed = re.search(r"/ 2² = (\S+)$", text, re.M)
    assert printed and read_number(printed[1]) == pytest.approx(rule, rel=1e-8)  # 9 digits printed
    for step, q, parts, minus in table_rows(text):
        exact = _value(_quotient(ratio, 1), read_number(step))
        assert read_number(q) == pytest.approx(exact, rel=1e-8) and read_number(parts) == pytest.approx(exact, rel=1e-8)
        assert read_number(minus) == pytest.approx(exact - rule, rel=1e-4, abs=1e-12)
    assert abs(read_number(table_rows(text)[-1][-1])) < 1e-5


def test_the_tangent_of_x_cubed_minus_one_over_x_at_1_is_y_equals_4x_minus_4(output):
    f = x**3 - 1 / x
    slope = sp.diff(f, x).subs(x, 1)
    assert (slope, f.subs(x, 1) - slope) == (4, -4)  # oracle: SymPy
    text = output("cubic_tangent.py")
    assert "The tangent at x = 1 is y = 4x − 4." in text
    assert "tangent: y = 4x − 4" in _figure_texts(text)


# ------------------------------------------------------------- worked examples --


def test_the_quadratic_table_shows_6x_minus_4_and_2_at_1(output):
    rows = _numbers(output("quadratic_checked.py"))
    slope = sp.diff(3 * x**2 - 4 * x, x)
    assert [row[0] for row in rows] == [-1, 0, 0.5, 1, 2, 3]
    for at, by_rules, measured, difference in rows:
        exact = float(slope.subs(x, at))
        assert by_rules == exact
        assert measured == pytest.approx(exact, rel=1e-4, abs=1e-9)
        assert difference < 1e-8
    assert rows[3][:2] == [1, 2]


def test_the_quadratic_figure_shows_the_tangent_y_equals_2x_minus_3_and_slope_2(output):
    labels = _figure_texts(output("quadratic_figure.py"))
    f = 3 * x**2 - 4 * x
    slope = sp.diff(f, x).subs(x, 1)
    intercept = f.subs(x, 1) - slope
    assert (slope, intercept) == (2, -3)  # the oracle, written as the legend writes it:
    assert "tangent at x = 1: y = 2x − 3" in labels
    assert "measured slope at 1: 2" in labels
    assert "f′(x) = 6x − 4" in labels and sp.diff(f, x) == 6 * x - 4


def test_the_x_to_the_x_table_matches_sympy_and_has_a_zero_at_1_over_e(output):
    rows = _numbers(output("x_to_the_x_checked.py"))
    f = x**x
    slope = sp.diff(f, x)
    assert len(rows) >= 5 and all(row[0] > 0 for row in rows)
    for at, value, by_rules, measured, difference in rows:
        # Printed to 4 significant digits; the point itself is rounded too.
        assert value == pytest.approx(_exact(f, at), rel=2e-3)
        assert by_rules == pytest.approx(_exact(slope, at), rel=2e-3, abs=2e-3)
        assert measured == pytest.approx(by_rules, rel=1e-3, abs=1e-9)
        assert difference < 1e-7
    at_min = [row for row in rows if row[0] == pytest.approx(float(1 / sp.E), rel=1e-3)]
    assert at_min and at_min[0][2] == 0


def test_the_x_to_the_x_example_prints_the_minimum_at_1_over_e(output):
    text = output("x_to_the_x_figure.py")
    found = re.search(r"x = 1/e ≈ (\S+), where it is (\S+); the measured slope there is (.+?),",
                      text)
    assert found
    assert read_number(found[1]) == pytest.approx(float(1 / sp.E), rel=1e-4)
    assert read_number(found[2]) == pytest.approx(float(sp.exp(-1 / sp.E)), rel=1e-4)
    assert abs(read_number(found[3])) < 1e-8
    # The oracle: x^x has its only critical point at 1/e.
    assert sp.solve(sp.diff(x**x, x), x) == [sp.exp(-1)]


def test_the_x_to_the_x_figure_draws_the_flat_tangent_at_the_minimum_value(output):
    labels = _figure_texts(output("x_to_the_x_figure.py"))
    flat = [re.fullmatch(r"tangent at x = 1/e: y = (\S+)", label) for label in labels]
    found = [m for m in flat if m]
    assert len(found) == 1  # a slope of round-off size is written as none at all
    assert read_number(found[0][1]) == pytest.approx(float(sp.exp(-1 / sp.E)), rel=1e-4)


def test_the_sigmoid_table_matches_the_symbolic_derivative(output):
    rows = _numbers(output("sigmoid_checked.py"))
    slope = sp.diff(sigma, t)
    assert any(row[0] == 0 for row in rows)
    for at, value, by_rules, measured, difference in rows:
        assert value == pytest.approx(float(sigma.subs(t, at)), rel=1e-3)
        assert by_rules == pytest.approx(float(slope.subs(t, at)), rel=1e-3)
        assert measured == pytest.approx(by_rules, rel=1e-3)
        assert difference < 1e-10


def test_the_sigmoid_slope_peaks_at_a_quarter_at_0_and_ten_layers_shrink_it(output):
    text = output("sigmoid_peak.py")
    found = re.search(r"largest slope of σ is (\S+), at x = (\S+)\.", text)
    assert found
    slope = sp.diff(sigma, t)
    assert sp.solve(sp.diff(slope, t), t) == [0]
    assert read_number(found[1]) == pytest.approx(float(slope.subs(t, 0)), rel=1e-9)
    assert read_number(found[2]) == 0
    bound = re.search(r"0\.25¹⁰ = (.+?)\.$", text.strip())
    assert bound and read_number(bound[1]) == pytest.approx(float(sp.Rational(1, 4) ** 10),
                                                             rel=1e-3)


# --------------------------------------------------------- figures, animation --


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


def test_the_grid_names_all_six_functions_and_their_derivatives(output):
    labels = _figure_texts(output("function_grid.py"))
    for label in ["x³", "3x²", "eˣ", "eˣ (the same)", "ln x", "1/x", "sin x", "cos x",
                  "max(x, 0)", "0 or 1", "σ(x)", "σ(x)(1 − σ(x))"]:
        assert label in labels, label
    for title in ["power", "exponential", "logarithm", "sine", "ReLU", "sigmoid"]:
        assert title in labels, title


def test_the_grid_draws_each_dashed_curve_as_the_symbolic_derivative_of_its_solid_one():
    fig = _drawn("function_grid.py")
    s = sp.Symbol("s", real=True)
    relu = sp.Max(s, 0)
    exact = {"power": s**3, "exponential": sp.exp(s), "logarithm": sp.log(s),
             "sine": sp.sin(s), "ReLU": relu, "sigmoid": sigma.subs(t, s)}
    assert [ax.get_title() for ax in fig.axes] == list(exact)
    for ax, f in zip(fig.axes, exact.values()):
        solid, dashed = [line for line in ax.get_lines() if line.get_linestyle() in ("-", "--")][:2]
        xs = np.asarray(dashed.get_xdata(), dtype=float)
        smooth = xs != 0  # ReLU has no derivative at 0: SymPy's is undefined there too
        want = sp.lambdify(s, sp.diff(f, s).rewrite(sp.Piecewise), "numpy")(xs[smooth])
        assert np.allclose(solid.get_ydata(), sp.lambdify(s, f, "numpy")(xs)), ax.get_title()
        assert np.allclose(np.asarray(dashed.get_ydata())[smooth], want, rtol=1e-12), ax.get_title()


def test_the_grid_breaks_the_relu_step_at_0_and_marks_both_one_sided_slopes():
    relu = _drawn("function_grid.py").axes[4]
    solid, dashed, *_ = relu.get_lines()
    at_zero = np.asarray(dashed.get_xdata()) == 0
    assert at_zero.sum() == 1 and np.isnan(np.asarray(dashed.get_ydata())[at_zero]).all()
    circles = [line for line in relu.get_lines() if line.get_marker() == "o"]
    assert len(circles) == 1 and list(circles[0].get_xdata()) == [0, 0]
    assert sorted(circles[0].get_ydata()) == [0, 1]  # the left and the right slope
    assert circles[0].get_markerfacecolor() == "none"  # open: neither is the slope at 0


@pytest.mark.parametrize("name, f, at", [("quadratic_figure.py", 3 * x**2 - 4 * x, 1),
                                         ("x_to_the_x_figure.py", x**x, 1 / sp.E)])
def test_the_lower_panel_is_the_derivative_and_its_point_is_the_slope_at_the_upper_point(name, f, at):
    top, bottom = _drawn(name).axes
    curve, tangent, point = top.get_lines()[:3]
    dashed, marker = bottom.get_lines()[:2]
    xs = np.asarray(dashed.get_xdata(), dtype=float)
    slope = sp.diff(f, x)
    assert np.allclose(dashed.get_ydata(), sp.lambdify(x, slope, "numpy")(xs), rtol=1e-12)
    assert point.get_xdata()[0] == marker.get_xdata()[0] == pytest.approx(float(at))
    assert point.get_ydata()[0] == pytest.approx(float(f.subs(x, at)))
    # The point below is the measured slope (central difference, error ≈ 1e-10).
    assert marker.get_ydata()[0] == pytest.approx(float(slope.subs(x, at)), abs=1e-8)
    tangent_slope = np.polyfit(tangent.get_xdata(), tangent.get_ydata(), 1)[0]
    assert tangent_slope == pytest.approx(float(slope.subs(x, at)), abs=1e-8)


def test_the_tracer_plays_enough_frames_under_budget_and_its_slopes_are_cosines(output):
    data = assert_animation(output("slope_tracer.py"), ANIMATION_BUDGET, min_frames=200)
    points = []
    for label in data["labels"]:
        at, slope = re.fullmatch(r"x⁰ = (\S+), slope (.+)", label).groups()
        points.append(read_number(at))
        # Positions are printed to 3 digits, slopes to 2: compare loosely with cos.
        assert read_number(slope) == pytest.approx(float(sp.cos(read_number(at))), abs=0.02), label
    assert points[0] == pytest.approx(-float(sp.pi), abs=1e-2)
    assert points[-1] == pytest.approx(float(sp.pi), abs=1e-2)


def test_the_page_shows_four_figures_and_one_animation(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert (figures, animations) == (4, 1)


# ---------------------------------------------------------------------- page --


def test_the_page_includes_every_example_of_the_chapter():
    assert_chapter_blocks(PAGE, "rules", CHAPTER)


def test_the_page_typesets_every_rule_with_its_formula():
    page = PAGE.read_text(encoding="utf-8")
    for rule, formula in [("constant", r"| $c$ | $0$ |"), ("power", r"$n\,x^{n-1}$"),
                          ("exponential", r"| $e^x$ | $e^x$ |"), ("logarithm", r"\dfrac{1}{x}"),
                          ("sine", r"| $\sin x$ | $\cos x$ |"), ("cosine", r"$-\sin x$"),
                          ("constant multiple", r"$c\,f'(x)$"), ("sum", "$f'(x) + g'(x)$"),
                          ("product", r"$f'(x)\,g(x) + f(x)\,g'(x)$"),
                          ("quotient", r"f'(x)\,g(x) - f(x)\,g'(x)}{g(x)^2}"),
                          ("chain", r"$f'(g(x))\,g'(x)$")]:
        assert f"| {rule} |" in page and formula in page, rule


def test_the_page_ends_with_a_summary_linking_to_the_gradient_chapter():
    page = PAGE.read_text(encoding="utf-8")
    summary = page.split("## Summary")[-1]
    assert "[Partial derivatives and the gradient](gradients.md)" in summary
