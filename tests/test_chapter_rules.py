"""Chapter 4, "Derivative rules": every example prints what the page claims."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

from calcnotes.animation import derivative_tracer
from calcnotes.figures import function_and_derivative_figure, function_and_derivative_grid
from conftest import ROOT
from pageoutput import (assert_accessible_svg, assert_page_includes_chapter, assert_player,
                        read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "rules.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "rules").glob("*.py"))
FIGURES = {"function_grid.py": 60_000, "quadratic_figure.py": 40_000,
           "x_to_the_x_figure.py": 40_000}
ANIMATIONS = ["slope_tracer.py"]
MARKDOWN = ["rules_checked.py", "quadratic_checked.py", "x_to_the_x_checked.py",
            "sigmoid_checked.py", "sigmoid_peak.py"]
ANIMATION_BUDGET = 400_000
x = sp.Symbol("x", positive=True)
sigma = 1 / (1 + sp.exp(-x))

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


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted([*FIGURES, *ANIMATIONS, *MARKDOWN])


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


# ------------------------------------------------------------- worked examples --


def test_the_quadratic_table_shows_6x_minus_4_and_2_at_1(output):
    rows = [[read_number(c) for c in row] for row in table_rows(output("quadratic_checked.py"))]
    slope = sp.diff(3 * x**2 - 4 * x, x)
    assert [row[0] for row in rows] == [-1, 0, 0.5, 1, 2, 3]
    for at, by_rules, measured, difference in rows:
        exact = float(slope.subs(x, at))
        assert by_rules == exact
        assert measured == pytest.approx(exact, rel=1e-4, abs=1e-9)
        assert difference < 1e-8
    assert rows[3][:2] == [1, 2]


def test_the_x_to_the_x_table_matches_sympy_and_has_a_zero_at_1_over_e(output):
    rows = [[read_number(c) for c in row] for row in table_rows(output("x_to_the_x_checked.py"))]
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


def test_the_x_to_the_x_caption_gives_the_minimum_at_1_over_e(output):
    caption = re.search(r"<figcaption>(.*?)</figcaption>", output("x_to_the_x_figure.py"))[1]
    found = re.search(r"x = 1/e ≈ (\S+), where it is (\S+); the measured slope there is (.+?),",
                      caption)
    assert found
    assert read_number(found[1]) == pytest.approx(float(1 / sp.E), rel=1e-4)
    assert read_number(found[2]) == pytest.approx(float(sp.exp(-1 / sp.E)), rel=1e-4)
    assert abs(read_number(found[3])) < 1e-8
    # The oracle: x^x has its only critical point at 1/e.
    assert sp.solve(sp.diff(x**x, x), x) == [sp.exp(-1)]


def test_the_quadratic_figure_caption_gives_f_prime_of_1_equals_2(output):
    assert "f′(1) = 2.</figcaption>" in output("quadratic_figure.py")


def test_the_sigmoid_table_matches_the_symbolic_derivative(output):
    rows = [[read_number(c) for c in row] for row in table_rows(output("sigmoid_checked.py"))]
    t = sp.Symbol("t", real=True)
    s = 1 / (1 + sp.exp(-t))
    slope = sp.diff(s, t)
    assert any(row[0] == 0 for row in rows)
    for at, value, by_rules, measured, difference in rows:
        assert value == pytest.approx(float(s.subs(t, at)), rel=1e-3)
        assert by_rules == pytest.approx(float(slope.subs(t, at)), rel=1e-3)
        assert measured == pytest.approx(by_rules, rel=1e-3)
        assert difference < 1e-10


def test_the_sigmoid_slope_peaks_at_a_quarter_at_0_and_ten_layers_shrink_it(output):
    text = output("sigmoid_peak.py")
    found = re.search(r"largest slope of σ is (\S+), at x = (\S+)\.", text)
    assert found
    t = sp.Symbol("t", real=True)
    slope = sp.diff(1 / (1 + sp.exp(-t)), t)
    assert sp.solve(sp.diff(slope, t), t) == [0]
    assert read_number(found[1]) == pytest.approx(float(slope.subs(t, 0)), rel=1e-9)
    assert read_number(found[2]) == 0
    bound = re.search(r"0\.25¹⁰ = (.+?)\.$", text.strip())
    assert bound and read_number(bound[1]) == pytest.approx(float(sp.Rational(1, 4) ** 10),
                                                             rel=1e-3)


# --------------------------------------------------------- figures, animation --


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_each_figure_example_prints_one_small_accessible_svg(output, name):
    assert_accessible_svg(output(name), FIGURES[name])


def test_the_grid_names_all_six_functions_and_their_derivatives(output):
    text = output("function_grid.py")
    for label in ["x³", "3x²", "eˣ", "ln x", "1/x", "sin x", "cos x", "max(x, 0)",
                  "σ(x)", "σ(x)(1 − σ(x))"]:
        assert f">{label}<" in text, label
    for title in ["power", "exponential", "logarithm", "sine", "ReLU", "sigmoid"]:
        assert f">{title}<" in text, title


def test_the_tracer_plays_enough_frames_under_budget_and_its_slopes_are_cosines(output):
    data = assert_player(output("slope_tracer.py"), ANIMATION_BUDGET)
    for label in data["labels"]:
        at, slope = re.fullmatch(r"x₀ = (\S+), slope (\S+)", label).groups()
        # Positions are printed to 3 digits, slopes to 2: compare loosely with cos.
        assert read_number(slope) == pytest.approx(np.cos(read_number(at)), abs=0.02), label


def test_the_grid_breaks_the_relu_step_at_0_and_marks_both_sides():
    fig = function_and_derivative_grid(
        [dict(f=lambda t: np.maximum(t, 0), df=lambda t: np.where(t > 0, 1.0, 0.0),
              span=(-2, 2), undefined_at=[0])])
    ax = fig.axes[0]
    step = [line for line in ax.get_lines() if line.get_label() == "f′(x)"][0]
    xs = np.asarray(step.get_xdata(), dtype=float)
    assert np.isnan(xs).sum() == 1 and not np.any(xs == 0)
    circles = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert len(circles) == 1 and sorted(circles[0].get_ydata()) == [0, 1]


def test_the_grid_measures_the_derivative_when_none_is_given():
    fig = function_and_derivative_grid([dict(f=np.sin, span=(-3, 3))])
    line = [line for line in fig.axes[0].get_lines() if line.get_label() == "f′(x)"][0]
    assert np.allclose(line.get_ydata(), np.cos(line.get_xdata()), atol=1e-8)


@pytest.mark.parametrize("panels, error, message", [
    ([], ValueError, "at least one panel"),
    (dict(f=np.sin, span=(0, 1)), TypeError, "list of dicts"),
    ([(np.sin, (0, 1))], TypeError, r"panels\[0\] must be a dict"),
    ([dict(span=(0, 1))], ValueError, r"panels\[0\] needs a 'f'"),
    ([dict(f=np.sin)], ValueError, "needs a 'span'"),
    ([dict(f=np.sin, span=(0, 1), colour="red")], ValueError, "unknown keys"),
    ([dict(f=np.sin, df=3, span=(0, 1))], TypeError, r"panels\[0\]\['df'\]"),
    ([dict(f=np.sin, span=(1, 0))], ValueError, r"panels\[0\]\['span'\]"),
])
def test_the_grid_rejects_bad_panels_naming_the_problem(panels, error, message):
    with pytest.raises(error, match=message):
        function_and_derivative_grid(panels)


def test_the_grid_rejects_a_bad_column_count():
    with pytest.raises(ValueError, match="ncols"):
        function_and_derivative_grid([dict(f=np.sin, span=(0, 1))], ncols=0)


def test_the_two_panel_figure_rejects_bad_arguments():
    with pytest.raises(TypeError, match="f must be a function"):
        function_and_derivative_figure("sin", (0, 1))
    with pytest.raises(TypeError, match="df must be a function"):
        function_and_derivative_figure(np.sin, (0, 1), df=2.0)
    with pytest.raises(ValueError, match="at must lie inside span"):
        function_and_derivative_figure(np.sin, (0, 1), at=-0.5)
    with pytest.raises(ValueError, match="span"):
        function_and_derivative_figure(np.sin, (0, np.inf))


def test_the_tracer_rejects_bad_arguments():
    with pytest.raises(TypeError, match="f must be a function"):
        derivative_tracer(None)
    with pytest.raises(ValueError, match="frames"):
        derivative_tracer(np.sin, frames=1)
    with pytest.raises(ValueError, match="span"):
        derivative_tracer(np.sin, span=(2, 2))


# ---------------------------------------------------------------------- page --


def test_the_page_includes_every_example_in_the_standard_block_and_markdown_ones_without_html():
    assert_page_includes_chapter(PAGE, "rules", CHAPTER, markdown=MARKDOWN)


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
