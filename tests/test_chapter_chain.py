"""Chapter 6, "The chain rule and backpropagation": its examples print what the page claims."""

from __future__ import annotations

import html
import inspect
import re
import textwrap

import markdown
import numpy as np
import pytest
import sympy as sp
import yaml

from calcnotes.autodiff import Node
from conftest import ROOT
from pageoutput import (assert_animation, assert_figure, example_blocks, figure_counts, player_data,
                        read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "chain-rule.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "chain").glob("*.py"))
FIGURES = ["sin_square_picture.py", "network_picture.py", "graph_picture.py"]
ANIMATIONS = ["backward_movie.py"]
TABLES = ["sin_square_table.py", "nested_layers.py", "multivariate_terms.py", "tiny_network.py",
          "network_forward.py", "network_backward.py", "backward_steps.py", "cost.py"]
FIGURE_BUDGET = 60_000
ANIMATION_BUDGET = 400_000
# Tables print 4 significant digits: a printed value is within half a unit of
# the 4th digit, i.e. a relative error below 5e-4.
TABLE_REL = 5e-4
# The library code the page quotes (a plain ```python fence each), and a line each must hold.
QUOTED = {"multiply": "vjps=(lambda g, y, a, b: g * b, lambda g, y, a, b: g * a)",
          "rules": '"sin":        (np.sin,          lambda x, y: np.cos(x)),',
          "backward": "for node in reversed(order):"}
QUOTE = re.compile(r'^```python\n--8<-- "src/calcnotes/autodiff\.py:(\w+)"\n```$', re.M)


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("chain")


def _numbers(cell: str) -> list[float]:
    """All numbers of a cell such as '0.1, −0.2; 0.3, 4 × 10⁻⁵'."""
    return [read_number(part) for part in re.split(r"[,;]", cell) if part.strip()]


def _close(printed: float, exact: float, rel: float = TABLE_REL, abs_: float = 1e-12) -> bool:
    return printed == pytest.approx(exact, rel=rel, abs=abs_)


def _svg_texts(text: str) -> list[str]:
    """The text drawn in the figure of an example's output, in drawing order."""
    return [html.unescape(t) for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", text)]


# ----------------------------------------------------------- the examples --


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES)


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
    assert found and text.index(found[0]) < text.index("|")  # the page says: above the table
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
    line = next(line for line in text.splitlines() if line.startswith("Sums of the terms"))
    pairs = re.findall(r"\(([−\d.]+), ([−\d.]+)\)", line)
    assert len(pairs) == 3  # the sums, grad, finite differences
    for pair in pairs:
        assert [read_number(v) for v in pair] == pytest.approx(exact, rel=1e-8)


def _tiny_network_oracle() -> dict:
    """The seed's network of one weight per layer, x = 2, y = 1, W₁ = 0.5, W₂ = 0.8, by SymPy."""
    W1, W2 = sp.symbols("W1 W2")
    x, y = 2, 1
    z1 = W1 * x
    a1 = 1 / (1 + sp.exp(-z1))
    y_hat = W2 * a1
    L = (y_hat - y) ** 2 / 2
    at = {W1: sp.Rational(1, 2), W2: sp.Rational(4, 5)}
    Z1, A1, YH = sp.symbols("Z1 A1 YH")  # each quantity as a variable of its own
    value = lambda e: float(e.subs(at))  # noqa: E731
    L_of_yhat = (YH - y) ** 2 / 2
    return {
        "z₁ = W₁·x": value(z1), "a₁ = σ(z₁)": value(a1), "ŷ = W₂·a₁": value(y_hat),
        "L = ½(ŷ − y)²": value(L),
        "∂L/∂ŷ = ŷ − y": float(sp.diff(L_of_yhat, YH).subs(YH, y_hat).subs(at)),
        "∂L/∂W₂ = ∂L/∂ŷ · a₁": value(sp.diff(L, W2)),
        "∂L/∂a₁ = ∂L/∂ŷ · W₂": float(sp.diff((W2 * A1 - y) ** 2 / 2, A1).subs(A1, a1).subs(at)),
        "∂L/∂z₁ = ∂L/∂a₁ · σ′(z₁)": float(sp.diff((W2 / (1 + sp.exp(-Z1)) - y) ** 2 / 2, Z1)
                                          .subs(Z1, z1).subs(at)),
        "∂L/∂W₁ = ∂L/∂z₁ · x": value(sp.diff(L, W1)),
    }


def test_the_tiny_network_prints_every_forward_and_backward_number_sympy_gives(output):
    oracle = _tiny_network_oracle()
    rows = table_rows(output("tiny_network.py"))
    assert [row[1] for row in rows] == list(oracle)  # forward, then backward in order
    assert [row[0] for row in rows] == ["forward"] * 4 + ["backward"] * 5
    for _, quantity, _, value in rows:
        assert _close(read_number(value), oracle[quantity]), quantity


def test_the_tiny_network_shows_its_numbers_plugged_in_as_they_are_used(output):
    rows = {row[1]: row[2] for row in table_rows(output("tiny_network.py"))}
    assert rows["z₁ = W₁·x"] == "0.5 × 2"  # the seed's x = 2, W₁ = 0.5, W₂ = 0.8, y = 1
    assert rows["ŷ = W₂·a₁"].startswith("0.8 × ")
    assert rows["∂L/∂ŷ = ŷ − y"].endswith(" − 1")
    assert rows["∂L/∂W₁ = ∂L/∂z₁ · x"].endswith(" × 2")


def test_grad_of_the_tiny_network_matches_the_backward_pass_by_hand_and_sympy(output):
    oracle = _tiny_network_oracle()
    text = output("tiny_network.py")
    found = re.search(r"\(W₁, W₂\) = \(0\.5, 0\.8\): \((\S+), (\S+)\); by hand: \((\S+), (\S+)\)\.", text)
    assert found
    by_grad, by_hand = [read_number(v) for v in found.groups()[:2]], [read_number(v) for v in found.groups()[2:]]
    exact = [oracle["∂L/∂W₁ = ∂L/∂z₁ · x"], oracle["∂L/∂W₂ = ∂L/∂ŷ · a₁"]]
    assert by_grad == pytest.approx(exact, rel=1e-9)  # 10 digits printed
    assert by_hand == pytest.approx(exact, rel=1e-9)


def test_the_tiny_network_facts_the_page_points_out_hold():
    oracle = _tiny_network_oracle()
    dW1, dW2 = oracle["∂L/∂W₁ = ∂L/∂z₁ · x"], oracle["∂L/∂W₂ = ∂L/∂ŷ · a₁"]
    assert oracle["∂L/∂ŷ = ŷ − y"] < 0 and dW1 < 0 and dW2 < 0  # ŷ is below the target
    assert abs(dW1) < abs(dW2)


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
    sigma = lambda t: 1 / (1 + sp.exp(-t))  # noqa: E731
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

    loss_of_x = loss_of_z.subs(dict(zip(zs, W1 * sp.Matrix(sp.symbols("x0:2"))))).subs(weights)
    return {
        "W1": W1_values, "W2": W2_values, "z": z, "h": h, "y_hat": y_hat,
        "loss": float(loss.subs(weights)),
        "dL_dyhat": grad_of(loss_of_yhat, ys), "dL_dh": grad_of(loss_of_h, hs),
        "dL_dz": grad_of(loss_of_z, zs), "sigma_prime": [v * (1 - v) for v in h],
        "dL_dW1": grad_of(loss, list(W1)), "dL_dW2": grad_of(loss, list(W2)),
        "dL_dx": [float(sp.diff(loss_of_x, s).subs({sp.Symbol("x0"): 0.5, sp.Symbol("x1"): -1.0}))
                  for s in sp.symbols("x0:2")],
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
    assert found and text.index(found[0]) < text.index("|")  # the page says: above the table
    assert read_number(found[1]) <= 1e-14
    assert read_number(found[2]) <= 1e-7


def test_the_first_output_is_nearly_right_so_its_gradient_is_tiny(network):
    # The page says so in "What to notice".
    small, large = (abs(v) for v in network["dL_dyhat"])
    assert small < 0.01 * large


def test_the_network_picture_shows_the_loss_and_the_gradients_of_every_unit(output, network):
    texts = _svg_texts(output("network_picture.py"))
    shown = dict(t.split(" = ", 1) for t in texts if t.startswith(("∂L/∂", "L = ")))
    assert _close(read_number(shown["L"]), network["loss"], rel=5e-3)  # 3 digits drawn
    for name, values in (("x", network["dL_dx"]), ("z", network["dL_dz"]), ("ŷ", network["dL_dyhat"])):
        for i, value in enumerate(values):
            assert _close(read_number(shown[f"∂L/∂{name}{'₁₂₃'[i]}"]), value, rel=5e-3), (name, i)


def _graph_values(texts: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Values and gradients by symbol, read from the text of a computation graph."""
    values, gradients, label = {}, {}, None
    for text in texts:
        if text.startswith("∂"):
            symbol, value = re.fullmatch(r"∂f/∂(\S+) = (.+)", text).groups()
            if value != "?":
                gradients[symbol] = read_number(value)
        elif text.startswith("= "):
            values[label.split("=")[0].strip()] = read_number(text[2:])
        elif not text.startswith("×"):
            label = text
            if re.search(r" = [−\d.]+$", text):
                values[text.split("=")[0].strip()] = read_number(text.rsplit("= ", 1)[1])
    return values, gradients


def test_the_graph_picture_shows_the_exact_values_gradients_and_local_derivatives(output):
    a, b = sp.symbols("a b")
    f = (a * b + sp.sin(a)) ** 2
    at = {a: 1.5, b: 0.5}
    texts = _svg_texts(output("graph_picture.py"))
    values, gradients = _graph_values(texts)
    q = float((a * b + sp.sin(a)).subs(at))
    exact_values = {"a": 1.5, "b": 0.5, "p": 0.75, "s": np.sin(1.5), "q": q, "f": float(f.subs(at))}
    exact_gradients = {"a": float(sp.diff(f, a).subs(at)), "b": float(sp.diff(f, b).subs(at)),
                       "p": 2 * q, "s": 2 * q, "q": 2 * q, "f": 1.0}
    assert set(values) == set(gradients) == set(exact_values)
    for name in exact_values:
        assert _close(values[name], exact_values[name]), name
        assert _close(gradients[name], exact_gradients[name]), name
    locals_ = sorted(read_number(t[1:]) for t in texts if re.match(r"×[−\d]", t))  # not the legend
    # arrows: a→p (b), b→p (a), a→s (cos a), p→q (1), s→q (1), q→f (2q); 4 digits shown
    assert locals_ == pytest.approx(sorted([0.5, 1.5, np.cos(1.5), 1, 1, 2 * q]), rel=TABLE_REL)


def _recorded_order() -> list[tuple[str, str]]:
    """(sender, receiver) of each step Node.backward reports on the page's graph."""
    a, b = Node(1.5), Node(0.5)
    p = a * b
    s = np.sin(a)
    q = p + s
    f = q**2
    name = {id(a): "a", id(b): "b", id(p): "p", id(s): "s", id(q): "q", id(f): "f"}
    steps = []
    f.backward(on_step=lambda step: steps.append((name[id(step.node)], name[id(step.parent)])))
    return steps


def test_the_backward_movie_plays_the_steps_in_the_order_the_loop_reports(output):
    data = assert_animation(output("backward_movie.py"), ANIMATION_BUDGET)
    steps = list(dict.fromkeys(label for label in data["labels"] if label.startswith("step ")))
    order = _recorded_order()
    assert steps == [f"step {k + 1} of {len(order)}: {a} → {b}" for k, (a, b) in enumerate(order)]
    to_a = [sender for sender, receiver in order if receiver == "a"]
    assert to_a == ["p", "s"]  # the alt text: a receives first from p, then from s


def test_the_backward_movie_moves_its_dot_along_each_arrow_in_fifteen_frames(output):
    labels = player_data(output("backward_movie.py"))["labels"]
    per_step = {label: labels.count(label) for label in labels if label.startswith("step ")}
    assert len(per_step) == len(_recorded_order()) and set(per_step.values()) == {15}
    assert len(labels) == 15 * len(per_step) + 2  # and one frame each to start and to end


def test_the_backward_movie_ends_on_the_exact_gradients_of_the_inputs(output):
    data = player_data(output("backward_movie.py"))
    a, b = sp.symbols("a b")
    f = (a * b + sp.sin(a)) ** 2
    at = {a: 1.5, b: 0.5}
    last = dict(re.findall(r"∂f/∂(\w) = (\S+?)(?:,|$)", data["labels"][-1]))
    assert _close(read_number(last["a"]), float(sp.diff(f, a).subs(at)))
    assert _close(read_number(last["b"]), float(sp.diff(f, b).subs(at)))


def test_the_backward_steps_give_w_three_shares_summing_to_the_derivative(output):
    text = output("backward_steps.py")
    rows = table_rows(text)
    w = sp.Symbol("w")
    exact = float(sp.diff(w * sp.sin(w) + w, w).subs(w, 2))
    assert len(rows) == 5  # one row per arrow of the graph
    assert [row[1] for row in rows] == ["y = m + w"] * 2 + ["m = w·s"] * 2 + ["s = sin w"]
    to_w = [row for row in rows if row[3] == "w"]
    shares = [read_number(row[5]) for row in to_w]
    assert shares == pytest.approx([1.0, np.sin(2.0), 2 * np.cos(2.0)], rel=TABLE_REL)
    totals = [read_number(row[6]) for row in to_w]
    assert totals == pytest.approx(np.cumsum([1.0, np.sin(2.0), 2 * np.cos(2.0)]), rel=TABLE_REL)
    for row in rows:  # share = gradient × local derivative
        gradient, local, share = (read_number(row[i]) for i in (2, 4, 5))
        assert _close(share, gradient * local, rel=1e-3)
    found = re.search(r"after the loop (\S+), .* = (\S+)\.", text)
    assert [read_number(v) for v in found.groups()] == pytest.approx([exact] * 2, rel=1e-11)


def test_the_cost_table_counts_two_calls_per_input_for_differences_and_one_for_grad(output):
    rows = [[read_number(cell) for cell in row] for row in table_rows(output("cost.py"))]
    assert [row[0] for row in rows] == [10, 100, 1000]
    for n, fd_calls, fd_time, ad_calls, ad_time in rows:
        assert fd_calls == 2 * n + 1  # two per input, plus one batched try
        assert ad_calls == 1
    # Timings vary by machine; the gap at n = 1000 is a thousandfold, so a factor 10 is safe.
    assert rows[-1][2] > 10 * rows[-1][4]


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", TABLES)
def test_each_table_example_prints_a_table_and_no_figure(output, name):
    text = output(name)
    assert table_rows(text) and "<svg" not in text


# ------------------------------------------------------------------ the page --


def test_the_page_includes_every_example_and_otherwise_only_quotes_library_code():
    page = PAGE.read_text(encoding="utf-8")
    names = sorted(rel.split("/", 1)[1] for rel, _ in example_blocks(page) if rel.startswith("chain/"))
    assert names == CHAPTER
    # Every other ```python fence is a quote of calcnotes.autodiff by snippet section.
    assert page.count("```python") == len(example_blocks(page)) + len(QUOTE.findall(page))
    assert sorted(QUOTE.findall(page)) == sorted(QUOTED)


def _quoted(section: str) -> str:
    """What the page shows for a quote of *section*, with the site's pymdownx.snippets settings."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings = next(item["pymdownx.snippets"] for item in config["markdown_extensions"]
                    if isinstance(item, dict) and "pymdownx.snippets" in item)
    settings = {**settings, "base_path": [str(ROOT / p) for p in settings["base_path"]]}
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings})
    return "\n".join(md.preprocessors["snippet"].run([f'--8<-- "src/calcnotes/autodiff.py:{section}"']))


@pytest.mark.parametrize("section", QUOTED)
def test_each_quoted_section_is_real_code_of_the_package_shown_without_indent(section):
    text = _quoted(section)
    assert QUOTED[section] in text and "--8<--" not in text
    assert not text.startswith(" ")  # dedent_subsections: methods are shown from column 0
    compile(text, section, "exec")  # a whole, valid piece of Python


def test_the_quoted_backward_pass_is_the_method_that_runs():
    assert textwrap.dedent(inspect.getsource(Node.backward)).strip() in _quoted("backward")


@pytest.mark.site
def test_the_built_page_shows_the_quoted_sections_as_code(built_site):
    page = (built_site / "chain-rule" / "index.html").read_text(encoding="utf-8")
    code = " ".join(html.unescape(re.sub(r"<[^>]+>", "", block))
                    for block in re.findall(r"<code\b[^>]*>(.*?)</code>", page, re.S))
    for section in QUOTED:
        for line in _quoted(section).splitlines():
            assert line.strip() in code, (section, line)


def test_the_prose_describes_the_code_it_quotes():
    page = PAGE.read_text(encoding="utf-8")
    quoted = {section: _quoted(section) for section in QUOTED}
    for name in ("_operation", "vjps", "jvps"):
        assert name in page and name in quoted["multiply"]
    assert "slope(x, y)" in page and "slope(x, y)" in quoted["rules"]
    assert "g * np.cos(x)" in page and "g * slope(x, y)" in quoted["rules"]
    for name in ("_unbroadcast", "parent.grad + share", "on_step"):
        assert name in page and name in quoted["backward"]
    assert "_multiply` is the product rule" not in page  # the old prose, before the rewrite


def test_the_console_session_records_the_backward_steps():
    page = PAGE.read_text(encoding="utf-8")
    session = "```pycon\n>>> import numpy as np\n>>> from calcnotes.autodiff import Node"
    assert session in page  # run by the doctest glob
    assert ">>> f.backward(on_step=steps.append)" in page


def test_the_page_shows_at_least_three_figures_and_an_animation(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert figures >= 3 and animations >= 1


def test_the_page_types_the_chain_rules_it_computes():
    page = PAGE.read_text(encoding="utf-8")
    assert r"f'\big(g(x)\big)\, g'(x)" in page
    assert r"\sum_{i} \frac{\partial u}{\partial x_i}\,\frac{\partial x_i}{\partial a}" in page
    assert r"\sigma(z)\big(1 - \sigma(z)\big)" in page
    assert r"(\hat y - y)\cdot W_2\cdot \sigma'(z_1)\cdot x" in page  # the one-weight network


def test_the_page_states_the_seed_s_network_example():
    page = PAGE.read_text(encoding="utf-8")
    for given in ("$x = 2$", "$y = 1$", "$W_1 = 0.5$", "$W_2 = 0.8$"):
        assert given in page


def test_the_page_ends_with_a_summary_linking_to_optimization():
    page = PAGE.read_text(encoding="utf-8")
    assert "## Summary" in page
    assert "[Optimization](optimization.md)" in page.split("## Summary")[-1]
    assert (ROOT / "docs" / "optimization.md").exists()

