"""Chapter 8, "Automatic differentiation, forward and reverse": its examples print what the page claims.

The oracles are SymPy and closed forms, never calcnotes. The cost examples
time real runs on a shared machine, so their tests check the trend the page
states (reverse mode flat in multiples of g, forward mode growing like N),
with margins wide enough for a busy machine, not the timings themselves.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

from conftest import ROOT, SNIPPETS
from pageoutput import figure_texts, assert_figure, example_blocks, read_number, snippet_reader, table_rows

PAGE = ROOT / "docs" / "autodiff.md"
CHAPTER = sorted(p.name for p in (SNIPPETS / "autodiff").glob("*.py"))
FIGURES = ["dual_elementwise.py", "graph_modes.py", "cost_figure.py", "nested_sin.py"]
TABLES = ["dual_by_hand.py", "jvp_vjp.py", "cost_table.py", "jacobian_polar.py",
          "jacobian_shapes.py", "nested_self_power.py", "hvp_check.py", "hvp_cost.py"]
FIGURE_BUDGET = 60_000
SIZES = [10, 100, 1_000, 10_000]  # the numbers of inputs N of the cost tables
w, x = sp.symbols("w x", real=True)
w1, w2 = sp.symbols("w1 w2", real=True)

# Tables print 10 significant digits unless said otherwise: a relative error up to 5e-10.
TEN_DIGITS = dict(rel=1e-9, abs=1e-12)


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("autodiff")


def _numbers(row: list[str]) -> list[float]:
    return [read_number(cell) for cell in row]


def _slope(ns, values) -> float:
    """The slope of log(values) against log(ns): 1 for values proportional to n, 0 for flat."""
    return float(np.polyfit(np.log10(ns), np.log10(values), 1)[0])


def rosenbrock(n: int):
    """The Rosenbrock function of n inputs as a SymPy expression, and its symbols."""
    ws = sp.symbols(f"w1:{n + 1}", real=True)
    return sum(100 * (ws[i + 1] - ws[i] ** 2) ** 2 + (1 - ws[i]) ** 2 for i in range(n - 1)), ws


# ------------------------------------------------------------------ the page --


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + TABLES)


def test_the_page_includes_every_example_and_otherwise_only_quotes_sections_of_the_package():
    page = PAGE.read_text(encoding="utf-8")
    included = sorted(rel.split("/", 1)[1] for rel, _ in example_blocks(page))
    assert included == CHAPTER
    # Every other Python block quotes a snippet section of calcnotes/autodiff.py, and nothing else.
    quotes = re.findall(r'```python\n--8<-- "src/calcnotes/autodiff\.py:(\w+)"\n```', page)
    assert quotes and page.count("```python") == len(included) + len(quotes)
    source = (ROOT / "src" / "calcnotes" / "autodiff.py").read_text(encoding="utf-8")
    assert all(f"--8<-- [start:{name}]" in source for name in quotes)


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", TABLES)
def test_each_table_example_shows_a_table_and_no_figure(output, name):
    text = output(name)
    assert table_rows(text) and "<svg" not in text


def test_the_page_shows_two_console_sessions_forward_and_reverse_then_the_hessian():
    page = PAGE.read_text(encoding="utf-8")  # both are run by the doctest glob
    sessions = re.findall(r"```pycon\n(>>> .*?)\n```", page, re.S)
    assert len(sessions) == 2
    assert "jvp(g, 2.0, 1.0)" in sessions[0] and "grad(g)(2.0)" in sessions[0]
    assert "hvp(g, w0" in sessions[1] and "jacobian(grad(g), w0)" in sessions[1]


def test_the_page_writes_the_point_as_w0_and_the_number_of_inputs_as_n_capital():
    page = PAGE.read_text(encoding="utf-8")
    assert "w^0" in page and not re.search(r"w_0|w_\{0\}", page)
    assert "$N$" in page and "$n$" not in page and r"\mathbb{R}^n" not in page


def test_the_chapter_comes_right_after_optimization_in_the_nav_and_so_do_its_exercises():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[1].split("\n\n")[0]
    lines = [line.strip() for line in nav.splitlines()]
    optimization = lines.index("- Optimization: optimization.md")
    assert lines[optimization + 1] == "- Automatic differentiation, forward and reverse: autodiff.md"
    notebooks = [line for line in lines if line.endswith(".ipynb")]
    after = notebooks.index("- Optimization: exercises/07-optimization.ipynb") + 1
    assert notebooks[after] == "- Automatic differentiation: exercises/08-autodiff.ipynb"


def test_the_page_ends_with_a_summary_linking_to_its_exercises():
    summary = PAGE.read_text(encoding="utf-8").split("## Summary")[-1]
    assert "(exercises/08-autodiff.ipynb)" in summary
    assert (ROOT / "docs" / "exercises" / "08-autodiff.ipynb").is_file()


# ------------------------------------------------------------ dual numbers --


def test_each_step_by_hand_carries_its_value_and_its_derivative_in_the_epsilon_part(output):
    g = w * sp.sin(w) + w**2
    steps = {"w": w, "s = sin w": sp.sin(w), "p = w · s": w * sp.sin(w), "q = w · w": w**2, "g = p + q": g}
    rows = table_rows(output("dual_by_hand.py"))
    assert [row[0] for row in rows] == list(steps)
    for name, value, slope in rows:
        expression = steps[name]
        assert read_number(value) == pytest.approx(float(expression.subs(w, 2)), **TEN_DIGITS)
        assert read_number(slope) == pytest.approx(float(sp.diff(expression, w).subs(w, 2)), **TEN_DIGITS)


def test_one_pass_on_dual_numbers_gives_the_value_and_the_slope_at_w0(output):
    text = output("dual_elementwise.py")
    legend = next(t for t in figure_texts(text) if t.startswith("at w⁰ = 2"))
    value, slope = re.fullmatch(r"at w⁰ = 2: g = (\S+), g′ = (\S+)", legend).groups()
    g = w * sp.sin(w) + w**2
    assert read_number(value) == pytest.approx(float(g.subs(w, 2)), abs=5e-5)  # 4 decimals
    assert read_number(slope) == pytest.approx(float(sp.diff(g, w).subs(w, 2)), abs=5e-5)


# ------------------------------------------------------------- JVP and VJP --


def test_the_graph_carries_derivatives_along_w1_forward_and_of_f_backward(output):
    texts = figure_texts(output("graph_modes.py"))
    at = {w1: 2, w2: 3}
    p, s = w1 * w2, sp.sin(w1)
    f = p + s
    forward = {"w₁": w1, "w₂": w2, "p": p, "s": s, "f": f}  # ∂(node)/∂w₁
    for name, node in forward.items():
        shown = next(t for t in texts if t.startswith(f"∂{name}/∂w₁ = "))
        assert read_number(shown.split(" = ")[1]) == pytest.approx(float(sp.diff(node, w1).subs(at)), abs=5e-4)
    # ∂f/∂(node): treat p and s as variables of f = p + s, then w₁ and w₂ through both
    P, S = sp.symbols("P S")
    backward = {"f": 1, "p": sp.diff(P + S, P), "s": sp.diff(P + S, S),
                "w₁": sp.diff(f, w1).subs(at), "w₂": sp.diff(f, w2).subs(at)}
    for name, exact in backward.items():
        shown = next(t for t in texts if t.startswith(f"∂f/∂{name} = "))
        assert read_number(shown.split(" = ")[1]) == pytest.approx(float(exact), abs=5e-4)
    # The shares on the five arrows: ∂f/∂(node) times the local derivative ∂(node)/∂(input).
    shares = sorted(read_number(t) for t in texts if re.fullmatch(r"[−\d.]+", t))
    exact = sorted([1.0, 1.0, float(w2.subs(at)), float(w1.subs(at)), float(sp.cos(2))])
    assert shares == pytest.approx(exact, abs=5e-4)


def test_jvp_and_vjp_in_one_call_of_f_each_agree_with_sympys_jacobian(output):
    f = sp.Matrix([w1 * w2, sp.sin(w1) + w2**2, sp.exp(w2)])
    J = f.jacobian([w1, w2]).subs({w1: 1, w2: sp.Rational(1, 2)})
    v, u = sp.Matrix([3, -1]), sp.Matrix([1, -2, sp.Rational(1, 2)])
    exact = {"J·v": [float(e) for e in J * v], "uᵀJ": [float(e) for e in u.T * J]}
    rows = table_rows(output("jvp_vjp.py"))
    assert [(row[0], row[2]) for row in rows] == [("J·v", "1"), ("J·v", "3"), ("uᵀJ", "1"), ("uᵀJ", "3")]
    for product, how, _, *entries in rows:
        got = [read_number(e) for e in entries if e != "—"]
        assert got == pytest.approx(exact[product], **TEN_DIGITS), how


# ------------------------------------------------------- the measured cost --


@pytest.fixture(scope="module")
def cost(output):
    """The forward-versus-reverse table, by column."""
    rows = table_rows(output("cost_table.py"))
    n, one_g, reverse, forward, how, ratio, gap = zip(*rows)
    return {"n": [int(v) for v in n], "reverse": _numbers(reverse), "forward": _numbers(forward),
            "how": list(how), "ratio": _numbers(ratio), "gap": _numbers(gap)}


def test_the_cost_is_measured_for_n_from_10_to_10_thousand(cost):
    assert cost["n"] == SIZES


def test_forward_passes_are_run_up_to_a_size_and_estimated_above_it_and_the_table_says_which(cost):
    how = cost["how"]
    assert set(how) <= {"run", "estimated: N × one jvp"} and how[0] == "run"
    assert how == sorted(how, key=lambda h: h != "run")  # once estimated, estimated for every larger n


def test_a_reverse_gradient_costs_a_few_dozen_evaluations_of_g_at_every_n(cost):
    assert max(cost["reverse"]) <= 100
    assert cost["reverse"][-1] <= 4 * cost["reverse"][0]  # n grew a thousandfold


def test_a_forward_gradient_costs_at_least_one_evaluation_of_g_per_input(cost):
    # every one of the n passes evaluates g (on dual numbers): at least n × g, less some noise
    assert all(forward >= n / 2 for n, forward in zip(cost["n"], cost["forward"]))


def test_forward_over_reverse_grows_about_in_proportion_to_n(cost):
    assert 0.6 <= _slope(cost["n"], cost["ratio"]) <= 1.4  # 1 means ∝ n; timing noise aside
    assert cost["ratio"][-1] >= 300  # at n = 10⁴, hundreds of times costlier at least


def test_forward_and_reverse_give_the_same_gradient_to_rounding(cost):
    assert max(cost["gap"]) <= 1e-13


def test_the_log_log_figure_states_its_fitted_slope_and_where_forward_passes_stopped_running(output):
    text = output("cost_figure.py")
    found = re.search(r"grows like N to the power (\S+)\. The N forward passes were run up to "
                      r"N = ([\d,]+), and estimated as N × one pass above\.", text)
    assert found
    assert 0.6 <= float(found[1]) <= 1.4
    assert int(found[2].replace(",", "")) in [10, 30, 100, 300, 1_000, 3_000, 10_000]
    assert {"one evaluation of g", "reverse: one grad", "∝ N"} <= set(figure_texts(text))


# --------------------------------------------------------------- Jacobians --


def test_the_polar_jacobian_and_its_determinant_r_agree_with_sympy(output):
    r, t = sp.symbols("r theta", positive=True)
    J = sp.Matrix([r * sp.cos(t), r * sp.sin(t)]).jacobian([r, t])
    assert sp.simplify(J.det()) == r
    rows = table_rows(output("jacobian_polar.py"))
    assert len(rows) == 3
    for row in rows:
        r0, t0, *entries, det, gap = _numbers(row)
        exact = [float(e) for e in J.subs({r: r0, t: t0})]
        assert entries == pytest.approx(exact, rel=1e-5, abs=1e-6)  # 6 significant digits
        assert det == pytest.approx(r0, rel=1e-5) and gap < 1e-12


def test_every_jacobian_has_the_shape_of_the_output_then_the_input(output):
    rows = table_rows(output("jacobian_shapes.py"))
    shape = lambda cell: tuple(int(n) for n in re.findall(r"\d+", cell))  # noqa: E731
    for name, w_shape, f_shape, j_shape, _ in rows:
        assert shape(j_shape) == shape(f_shape) + shape(w_shape), name
    shapes = {row[0]: shape(row[3]) for row in rows}
    assert shapes["softmax of w in R⁴"] == (4, 4)
    assert shapes["layer tanh(W x), W a 2 × 3 matrix"] == (2, 2, 3)
    assert shapes["sin w, w a number"] == ()


def test_jacobian_calls_f_once_with_fewer_outputs_than_inputs_else_once_plus_once_per_input(output):
    for name, w_shape, f_shape, _, calls in table_rows(output("jacobian_shapes.py")):
        inputs = int(np.prod([int(n) for n in re.findall(r"\d+", w_shape)]))
        outputs = int(np.prod([int(n) for n in re.findall(r"\d+", f_shape)]))
        assert int(calls) == (1 if outputs < inputs else 1 + inputs), name


# ------------------------------------------------------ higher derivatives --


def test_nested_grad_on_sin_gives_sin_cos_minus_sin_minus_cos_at_1(output):
    texts = figure_texts(output("nested_sin.py"))
    shown = sorted(read_number(t) for t in texts if re.fullmatch(r"−?\d\.\d{6}", t))
    exact = sorted(float(sp.diff(sp.sin(w), w, k).subs(w, 1)) for k in range(4))
    assert shown == pytest.approx(exact, abs=5e-7)  # 6 decimals


def test_nested_grad_gives_three_derivatives_of_x_to_the_x_as_sympy_does(output):
    f = x**x
    rows = table_rows(output("nested_self_power.py"))
    assert [read_number(row[0]) for row in rows] == [0.5, 1.0, 2.0, 3.0]
    for row in rows:
        x0, value, d1, by_hand, d2, d3 = _numbers(row)
        exact = [float(sp.diff(f, x, k).subs(x, sp.nsimplify(x0))) for k in range(4)]
        assert [value, d1, d2, d3] == pytest.approx(exact, **TEN_DIGITS)
        assert by_hand == pytest.approx(exact[1], **TEN_DIGITS)


def test_at_1_the_derivatives_of_x_to_the_x_are_1_2_3_as_the_page_says():
    series = sp.series(x**x, x, 1, 4).removeO()
    assert [sp.diff(series, x, k).subs(x, 1) for k in (1, 2, 3)] == [1, 2, 3]
    assert "At $x = 1$ the derivatives are $1, 2, 3$" in PAGE.read_text(encoding="utf-8")


# ------------------------------------------------ Hessian-vector products --


def test_the_hessian_vector_product_of_rosenbrock_agrees_with_sympys_hessian(output):
    g, ws = rosenbrock(4)
    w0 = dict(zip(ws, [sp.Rational(-6, 5), 1, sp.Rational(1, 2), sp.Rational(4, 5)]))
    v = sp.Matrix([1, -2, sp.Rational(1, 2), 3])
    exact = [float(e) for e in sp.hessian(g, ws).subs(w0) * v]
    rows = {row[0]: _numbers(row[1:]) for row in table_rows(output("hvp_check.py"))}
    assert rows["hvp(g, w, v): forward over reverse"] == pytest.approx(exact, **TEN_DIGITS)
    assert rows["jacobian(grad(g), w) @ v: exact H"] == pytest.approx(exact, **TEN_DIGITS)
    # finite differences: close, but off in the last digits printed (their step's error)
    differences = rows["hessian(g, w) @ v: finite differences"]
    assert differences == pytest.approx(exact, rel=1e-5)
    assert differences != pytest.approx(exact, rel=1e-12)


@pytest.fixture(scope="module")
def hvp_cost(output):
    rows = table_rows(output("hvp_cost.py"))
    n, one_grad, one_hvp, ratio, full, how = zip(*rows)
    return {"n": [int(v) for v in n], "hvp": _numbers(one_hvp), "ratio": _numbers(ratio),
            "full": _numbers(full), "how": list(how)}


def test_one_hessian_vector_product_costs_a_few_gradients_at_every_n(hvp_cost):
    assert hvp_cost["n"] == SIZES
    assert max(hvp_cost["ratio"]) <= 15
    assert _slope(hvp_cost["n"], hvp_cost["hvp"]) <= 0.4  # flat in multiples of g, not ∝ n


def test_the_full_hessian_costs_n_hessian_vector_products_and_grows_with_n(hvp_cost):
    how = hvp_cost["how"]
    assert set(how) <= {"run", "estimated: N × one hvp"} and how[0] == "run"
    assert how == sorted(how, key=lambda h: h != "run")
    columns = np.array(hvp_cost["full"]) / np.array(hvp_cost["hvp"])  # in units of one hvp
    assert 0.6 <= _slope(hvp_cost["n"], columns) <= 1.4
    assert all(c >= n / 2 for n, c in zip(hvp_cost["n"], columns))
