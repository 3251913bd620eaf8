"""Chapter 6, "The chain rule and backpropagation": its examples print what the page claims."""

from __future__ import annotations

import html
import re

import numpy as np
import pytest
import sympy as sp
from conftest import ROOT
from pageoutput import (assert_accessible_svg, assert_page_includes_chapter, assert_player,
                        figure_counts, read_number, snippet_reader, table_rows)

from calcnotes.animation import backward_animation
from calcnotes.autodiff import Node
from calcnotes.figures import composition_figure, graph_figure, network_figure

PAGE = ROOT / "docs" / "chain-rule.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "chain").glob("*.py"))
FIGURES = ["sin_square_picture.py", "network_picture.py", "graph_picture.py"]
ANIMATIONS = ["backward_movie.py"]
MARKDOWN = ["sin_square_table.py", "nested_layers.py", "multivariate_terms.py",
            "network_forward.py", "network_backward.py", "autodiff_source.py",
            "backward_by_hand.py", "cost.py"]
FIGURE_BUDGET = 40_000
ANIMATION_BUDGET = 400_000
# Tables print 4 significant digits: a printed value is within half a unit of
# the 4th digit, i.e. a relative error below 5e-4.
TABLE_REL = 5e-4


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("chain")


def _numbers(cell: str) -> list[float]:
    """All numbers of a cell such as '0.1, −0.2; 0.3, 4 × 10⁻⁵'."""
    return [read_number(part) for part in re.split(r"[,;]", cell) if part.strip()]


def _close(printed: float, exact: float, rel: float = TABLE_REL, abs_: float = 1e-12) -> bool:
    return printed == pytest.approx(exact, rel=rel, abs=abs_)


# ----------------------------------------------------------- the examples --


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + MARKDOWN)


def test_the_sin_square_table_matches_the_chain_rule_derivative_at_every_x(output):
    x = sp.Symbol("x")
    exact = sp.lambdify(x, sp.diff(sp.sin(x**2), x))  # oracle: SymPy's derivative
    rows = table_rows(output("sin_square_table.py"))
    points = [read_number(row[0]) for row in rows]
    assert len(points) >= 5 and 1.5 in points
    for row, at in zip(rows, points):
        formula, numerical, automatic, numerical_error, automatic_error = map(read_number, row[1:])
        for printed in (formula, numerical, automatic):
            assert _close(printed, exact(at))
        # Central differences with the default step are good to about 1e-9 here;
        # autodiff is exact up to a few units of rounding.
        assert numerical_error < 1e-7
        assert automatic_error <= 4e-15 * max(1.0, abs(exact(at)))


def test_the_layers_of_exp_sin_x_squared_multiply_to_the_exact_derivative(output):
    text = output("nested_layers.py")
    rows = table_rows(text)
    assert [row[0] for row in rows] == ["u = x²", "v = sin u", "y = exp v"]
    x0 = 0.8
    u0 = x0**2
    v0 = np.sin(u0)
    # Oracle: each layer's input, output and slope in closed form.
    expected = [(x0, u0, 2 * x0), (u0, v0, np.cos(u0)), (v0, np.exp(v0), np.exp(v0))]
    product = 1.0
    for row, (given, result, slope) in zip(rows, expected):
        product *= slope
        assert _close(read_number(row[1]), given)
        assert _close(read_number(row[2]), result)
        assert _close(read_number(row[4]), slope)
        assert _close(read_number(row[5]), product)
    x = sp.Symbol("x")
    exact = float(sp.diff(sp.exp(sp.sin(x**2)), x).subs(x, x0))
    found = re.search(r"local derivatives (\S+), numerical derivative (\S+), difference (.+)\.", text)
    assert found
    assert read_number(found[1]) == pytest.approx(exact, rel=1e-9)  # 10 digits printed
    assert read_number(found[2]) == pytest.approx(exact, rel=1e-8)
    assert read_number(found[3]) < 1e-8


def test_the_multivariate_terms_are_the_path_products_and_sum_to_the_gradient(output):
    a, b = sp.symbols("a b")
    X, Y, Z = sp.symbols("X Y Z")
    inner = {X: a * b, Y: a**2 + b, Z: sp.sin(a - b)}
    f = X * Y + sp.exp(Z)
    at = {a: 1.0, b: 0.5}
    text = output("multivariate_terms.py")
    rows = table_rows(text)
    assert [row[0] for row in rows] == ["x", "y", "z"]
    for row, var in zip(rows, (X, Y, Z)):
        outer = float(sp.diff(f, var).subs(inner).subs(at))
        da, db = (float(sp.diff(inner[var], s).subs(at)) for s in (a, b))
        printed = [read_number(cell) for cell in row[1:]]
        for got, want in zip(printed, [outer, da, outer * da, db, outer * db]):
            assert _close(got, want)
    u = f.subs(inner)
    exact = [float(sp.diff(u, s).subs(at)) for s in (a, b)]
    pairs = re.findall(r"\(([−\d.]+), ([−\d.]+)\)", text.split("\n\n")[-1])
    assert len(pairs) == 3  # the sums, grad, finite differences
    for pair in pairs:
        assert [read_number(v) for v in pair] == pytest.approx(exact, rel=1e-8)


def _network_oracle():
    """The seeded network of the page, differentiated by SymPy."""
    rng = np.random.default_rng(0)
    W1_values, W2_values = rng.normal(size=(3, 2)), rng.normal(size=(2, 3))
    W1 = sp.Matrix(3, 2, lambda i, j: sp.Symbol(f"a{i}{j}"))
    W2 = sp.Matrix(2, 3, lambda i, j: sp.Symbol(f"b{i}{j}"))
    x, y = sp.Matrix([0.5, -1.0]), sp.Matrix([1.0, 0.0])
    hs = sp.Matrix(sp.symbols("h0:3"))
    zs = sp.Matrix(sp.symbols("z0:3"))
    ys = sp.Matrix(sp.symbols("yhat0:2"))
    sigma = lambda t: 1 / (1 + sp.exp(-t))
    loss_of_yhat = sum((ys[k] - y[k]) ** 2 for k in range(2)) / 2
    loss_of_h = loss_of_yhat.subs(dict(zip(ys, W2 * hs)))
    loss_of_z = loss_of_h.subs({hs[j]: sigma(zs[j]) for j in range(3)})
    loss = loss_of_z.subs(dict(zip(zs, W1 * x)))
    weights = {**{W1[i, j]: W1_values[i, j] for i in range(3) for j in range(2)},
               **{W2[i, j]: W2_values[i, j] for i in range(2) for j in range(3)}}
    z = [float(v) for v in (W1 * x).subs(weights)]
    h = [1 / (1 + np.exp(-v)) for v in z]
    y_hat = [float(v) for v in (W2 * sp.Matrix(h)).subs(weights)]
    at = {**weights, **dict(zip(zs, z)), **dict(zip(hs, h)), **dict(zip(ys, y_hat))}

    def grad_of(expr, symbols):
        return [float(sp.diff(expr, s).subs(at)) for s in symbols]

    return {
        "W1": W1_values, "W2": W2_values, "z": z, "h": h, "y_hat": y_hat,
        "loss": float(loss.subs(weights)),
        "dL_dyhat": grad_of(loss_of_yhat, ys), "dL_dh": grad_of(loss_of_h, hs),
        "dL_dz": grad_of(loss_of_z, zs), "sigma_prime": [v * (1 - v) for v in h],
        "dL_dW1": grad_of(loss, list(W1)), "dL_dW2": grad_of(loss, list(W2)),
    }


@pytest.fixture(scope="module")
def network():
    return _network_oracle()


def test_the_forward_pass_table_prints_every_quantity_of_the_network(output, network):
    rows = {row[1]: row for row in table_rows(output("network_forward.py"))}
    expected = {"x": [0.5, -1.0], "W₁": network["W1"].ravel(), "z = W₁x": network["z"],
                "h = σ(z)": network["h"], "W₂": network["W2"].ravel(),
                "ŷ = W₂h": network["y_hat"], "y": [1.0, 0.0],
                "L = mean((ŷ − y)²)": [network["loss"]]}
    assert set(rows) == set(expected)
    for name, values in expected.items():
        printed = _numbers(rows[name][3])
        assert len(printed) == len(values), name
        for got, want in zip(printed, values):
            assert _close(got, want), name
    assert rows["W₁"][2] == "3 × 2" and rows["W₂"][2] == "2 × 3"


def test_every_backward_factor_of_the_network_matches_sympy(output, network):
    text = output("network_backward.py")
    rows = {row[0]: _numbers(row[2]) for row in table_rows(text)}
    expected = {"∂L/∂ŷ": network["dL_dyhat"], "∂L/∂W₂": network["dL_dW2"],
                "∂L/∂h": network["dL_dh"], "σ′(z)": network["sigma_prime"],
                "∂L/∂z": network["dL_dz"], "∂L/∂W₁": network["dL_dW1"]}
    assert list(rows) == list(expected)  # in the order of the backward pass
    for name, values in expected.items():
        assert len(rows[name]) == len(values), name
        for got, want in zip(rows[name], values):
            assert _close(got, want, abs_=1e-9), name
    found = re.search(r"calcnotes\.grad (\S+(?: × \S+)?), finite differences \(calcnotes\.gradient\) (.+)\.", text)
    assert found
    assert read_number(found[1]) <= 1e-14
    assert read_number(found[2]) <= 1e-7


def test_the_first_output_is_nearly_right_so_its_gradient_is_tiny(network):
    # The page says so in "What to notice".
    small, large = (abs(v) for v in network["dL_dyhat"])
    assert small < 0.01 * large


def test_the_graph_picture_shows_the_exact_values_gradients_and_local_derivatives(output):
    a, b = sp.symbols("a b")
    f = (a * b + sp.sin(a)) ** 2
    at = {a: 1.5, b: 0.5}
    text = html.unescape(output("graph_picture.py"))
    shown = dict(re.findall(r"∂f/∂(\w) = ([^<]+)<", text))
    assert set(shown) == {"a", "b", "p", "s", "q", "f"}
    q = float((a * b + sp.sin(a)).subs(at))
    exact = {"a": float(sp.diff(f, a).subs(at)), "b": float(sp.diff(f, b).subs(at)),
             "p": 2 * q, "s": 2 * q, "q": 2 * q, "f": 1.0}
    for name, value in exact.items():
        assert _close(read_number(shown[name]), value), name
    assert _close(read_number(re.search(r"f = q² = ([^<]+)<", text)[1]), float(f.subs(at)))
    locals_ = sorted(read_number(v) for v in re.findall(r"×(−?\d[^<]*)<", text))
    # arrows: a→p (b), b→p (a), a→s (cos a), p→q (1), s→q (1), q→f (2q); 3 digits shown
    assert locals_ == pytest.approx(sorted([0.5, 1.5, np.cos(1.5), 1, 1, 2 * q]), rel=2e-3)


def test_the_network_picture_shows_the_loss_and_its_gradients(output, network):
    text = html.unescape(output("network_picture.py"))
    assert _close(read_number(re.search(r"L = ([^<]+)<", text)[1]), network["loss"], rel=5e-3)
    for j in range(3):
        sub = "₁₂₃"[j]
        printed = read_number(re.search(rf"∂L/∂z{sub} = ([^<]+)<", text)[1])
        assert _close(printed, network["dL_dz"][j], rel=5e-3)


def test_the_backward_loop_by_hand_gives_w_three_shares_summing_to_the_derivative(output):
    text = output("backward_by_hand.py")
    rows = table_rows(text)
    w = sp.Symbol("w")
    exact = float(sp.diff(w * sp.sin(w) + w, w).subs(w, 2))
    to_w = [read_number(row[4]) for row in rows if row[2] == "w"]
    assert to_w == pytest.approx([1.0, np.sin(2.0), 2 * np.cos(2.0)], rel=TABLE_REL)
    assert len(rows) == 5  # one row per arrow of the graph
    found = re.search(r"by hand (\S+), y\.backward\(\) (\S+), .* = (\S+)\.", text)
    assert [read_number(v) for v in found.groups()] == pytest.approx([exact] * 3, rel=1e-11)


def test_the_printed_autodiff_source_is_the_backward_loop_itself(output):
    text = output("autodiff_source.py")
    assert text.startswith("```python\n") and text.rstrip().endswith("```")
    assert "for node in reversed(order):" in text
    assert "def _topological_order" in text and "lambda g, y, a, b: g * b" in text
    assert '"""' not in text  # docstrings left out


def test_the_cost_table_counts_two_calls_per_input_for_differences_and_one_for_grad(output):
    rows = [[read_number(cell) for cell in row] for row in table_rows(output("cost.py"))]
    assert [row[0] for row in rows] == [10, 100, 1000]
    for n, fd_calls, fd_time, ad_calls, ad_time in rows:
        assert fd_calls == 2 * n + 1  # two per input, plus one batched try
        assert ad_calls == 1
    # Timings vary by machine; the gap at n = 1000 is a thousandfold, so a factor 10 is safe.
    assert rows[-1][2] > 10 * rows[-1][4]


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_prints_one_small_accessible_svg(output, name):
    assert_accessible_svg(output(name), FIGURE_BUDGET)


def test_the_animation_example_prints_a_player_with_enough_frames_under_budget(output):
    data = assert_player(output("backward_movie.py"), ANIMATION_BUDGET)
    a, b = sp.symbols("a b")
    f = (a * b + sp.sin(a)) ** 2
    at = {a: 1.5, b: 0.5}
    last = dict(re.findall(r"∂f/∂(\w) = (\S+?)(?:,|$)", data["labels"][-1]))
    assert _close(read_number(last["a"]), float(sp.diff(f, a).subs(at)))
    assert _close(read_number(last["b"]), float(sp.diff(f, b).subs(at)))


# ------------------------------------------------------------------ the page --


def test_the_page_includes_every_example_in_the_standard_block_and_markdown_ones_without_html():
    assert_page_includes_chapter(PAGE, "chain", CHAPTER, markdown=MARKDOWN)


def test_the_page_shows_at_least_three_figures_and_an_animation(output):
    figures, animations = figure_counts(output(name) for name in FIGURES + ANIMATIONS)
    assert figures >= 3 and animations >= 1


def test_the_page_types_the_chain_rules_it_computes():
    page = PAGE.read_text(encoding="utf-8")
    assert r"f'\big(g(x)\big)\, g'(x)" in page
    assert r"\sum_{i} \frac{\partial u}{\partial x_i}\,\frac{\partial x_i}{\partial a}" in page
    assert r"\sigma(z)\big(1 - \sigma(z)\big)" in page


def test_the_page_ends_with_a_summary_linking_to_optimization():
    page = PAGE.read_text(encoding="utf-8")
    assert "## Summary" in page
    assert "[Optimization](optimization.md)" in page.split("## Summary")[-1]
    assert (ROOT / "docs" / "optimization.md").exists()


# ------------------------------------------------------- the figure functions --


def _graph():
    """f = a·b + sin a, traced; and a label for each of its nodes."""
    a, b = Node(1.5), Node(0.5)
    p = a * b
    s = np.sin(a)
    f = p + s
    return f, {"a": a, "b": b, "p = a·b": p, "s = sin a": s, "f = p + s": f}


def test_the_composition_figure_draws_the_derivative_it_is_given_and_checks_it():
    fig = composition_figure(np.sin, lambda x: x**2, lambda x: 2 * x * np.cos(x**2), (-3, 3))
    bottom = fig.axes[1]
    curve = next(line for line in bottom.get_lines() if line.get_label() == "h′(x)")
    x = curve.get_xdata()
    assert np.allclose(curve.get_ydata(), 2 * x * np.cos(x**2))
    dots = next(line for line in bottom.get_lines() if "numerical" in line.get_label())
    assert np.allclose(dots.get_ydata(), 2 * dots.get_xdata() * np.cos(dots.get_xdata() ** 2),
                       atol=1e-7)


def test_the_composition_figure_rejects_bad_arguments():
    slope = lambda x: 2 * x * np.cos(x**2)
    with pytest.raises(ValueError, match="span"):
        composition_figure(np.sin, np.square, slope, (3, -3))
    with pytest.raises(TypeError, match="inner"):
        composition_figure(np.sin, 2.0, slope, (-3, 3))
    with pytest.raises(ValueError, match="labels"):
        composition_figure(np.sin, np.square, slope, (-3, 3), labels=("h",))
    with pytest.raises(ValueError, match="checks"):
        composition_figure(np.sin, np.square, slope, (-3, 3), checks=-1)


def test_the_graph_figure_rejects_a_non_node_an_unnamed_node_and_missing_gradients():
    f, names = _graph()
    with pytest.raises(TypeError, match="output"):
        graph_figure(3.0, names)
    with pytest.raises(ValueError, match="backward"):
        graph_figure(f, names)
    f.backward()
    graph_figure(f, names)  # now complete
    with pytest.raises(ValueError, match="every node"):
        graph_figure(f, {k: v for k, v in names.items() if k != "s = sin a"})
    with pytest.raises(ValueError, match="single numbers"):
        v = Node(np.ones(2))
        s = v.sum()
        s.backward()
        graph_figure(s, {"v": v, "s": s})


def test_the_network_figure_rejects_shapes_that_do_not_chain():
    x, W1, W2, y = np.ones(2), np.ones((3, 2)), np.ones((2, 3)), np.zeros(2)
    with pytest.raises(ValueError, match="W1"):
        network_figure(x, np.ones((3, 3)), W2, y)
    with pytest.raises(ValueError, match="W2"):
        network_figure(x, W1, np.ones((2, 2)), y)
    with pytest.raises(ValueError, match="y"):
        network_figure(x, W1, W2, np.zeros(3))
    with pytest.raises(ValueError, match="x"):
        network_figure(np.ones((2, 1)), W1, W2, y)


def test_the_backward_animation_rejects_too_few_frames_per_step():
    f, names = _graph()
    f.backward()
    assert len(backward_animation(f, names, frames_per_step=2)) == 3 * 2 + 4
    with pytest.raises(ValueError, match="frames_per_step"):
        backward_animation(f, names, frames_per_step=1)
