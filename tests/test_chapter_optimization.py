"""Chapter 7, "Optimization": its examples print what the page claims."""

from __future__ import annotations

import functools
import re
import sys
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from conftest import ROOT, SNIPPETS
from pageoutput import (assert_animation, assert_chapter_blocks, assert_figure, figure_counts, figure_texts,
                        player_data, read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "optimization.md"
CHAPTER = sorted(p.name for p in (SNIPPETS / "optimization").glob("*.py"))
FIGURES = ["critical_points_figure.py", "saddle_figure.py", "descent_path.py",
           "learning_rates.py", "contour_paths.py", "accuracy_vs_loss.py"]
ANIMATIONS = ["descent_contour_animation.py"]
TABLES = ["critical_points_table.py", "hessian_test.py", "inconclusive.py", "descent_table.py",
          "learning_rates_table.py", "stopping_tol.py", "stopping_divergence.py", "probability_area.py"]
FIGURE_BUDGET = 60_000
ANIMATION_BUDGET = 400_000
x, w1, w2 = sp.symbols("x w1 w2")
QUARTIC = x**4 - 4 * x**3 + 4 * x**2 + 1


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("optimization")


# Diverging runs print '∞': read it as a float too.
_read_number = functools.partial(read_number, infinity=True)

# Printed numbers have 4 significant digits: a relative error up to 5e-4.
PRINTED = dict(rel=6e-4)


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES)


# ------------------------------------------------------------ critical points --


def test_the_critical_points_are_the_roots_of_the_derivative_and_classified_by_its_second(output):
    rows = table_rows(output("critical_points_table.py"))
    # Oracle: SymPy solves f'(x) = 0 exactly and evaluates f and f'' there.
    roots = sorted(sp.solve(sp.diff(QUARTIC, x), x))
    assert roots == [0, 1, 2]
    assert len(rows) == len(roots)
    second = sp.diff(QUARTIC, x, 2)
    for row, root in zip(rows, roots):
        at, value, slope, bend = (_read_number(cell) for cell in row[:4])
        assert at == pytest.approx(float(root), abs=1e-9)
        assert value == pytest.approx(float(QUARTIC.subs(x, root)), **PRINTED)
        assert abs(slope) < 1e-6
        exact_bend = float(second.subs(x, root))
        assert bend == pytest.approx(exact_bend, **PRINTED)
        assert row[4] == ("minimum" if exact_bend > 0 else "maximum")
    assert [row[4] for row in rows] == ["minimum", "maximum", "minimum"]


def test_the_critical_points_figure_labels_the_points_as_the_exact_second_derivative_says(output):
    labels = [t for t in figure_texts(output("critical_points_figure.py")) if t in ("minimum", "maximum")]
    second = sp.diff(QUARTIC, x, 2)
    exact = ["minimum" if second.subs(x, root) > 0 else "maximum"
             for root in sorted(sp.solve(sp.diff(QUARTIC, x), x))]
    assert labels == exact == ["minimum", "maximum", "minimum"]


def test_the_hessian_eigenvalues_and_verdicts_match_the_exact_hessians(output):
    rows = table_rows(output("hessian_test.py"))
    exact = {
        "w₁² + w₂²": w1**2 + w2**2,
        "−w₁² − w₂²": -(w1**2) - w2**2,
        "w₁² − w₂²": w1**2 - w2**2,
    }
    assert [row[0] for row in rows] == list(exact)
    for row in rows:
        hessian = sp.hessian(exact[row[0]], (w1, w2)).subs({w1: 0, w2: 0})
        eigenvalues = sorted(float(v) for v in hessian.eigenvals(multiple=True))
        printed = sorted(_read_number(v) for v in row[1].split(","))
        assert printed == pytest.approx(eigenvalues, **PRINTED)
        signs = {np.sign(v) for v in eigenvalues}
        expected = {frozenset({1.0}): "minimum", frozenset({-1.0}): "maximum"}.get(
            frozenset(signs), "saddle")
        assert row[2] == expected
    assert rows[2][2] == "saddle"


def test_the_saddle_example_prints_the_exact_eigenvalues_and_draws_one_cut_per_eigenvector(output):
    text = output("saddle_figure.py")
    found = re.search(r"eigenvalues (\S+) and (\S+): a (\w+)\.", text)
    assert found
    exact = sorted(float(v) for v in sp.hessian(w1**2 - w2**2, (w1, w2)).eigenvals(multiple=True))
    assert [_read_number(found[1]), _read_number(found[2])] == pytest.approx(exact, **PRINTED)
    assert found[3] == "saddle"
    texts = figure_texts(text)
    assert "eigenvalue −2: bends down" in texts and "eigenvalue 2: bends up" in texts


def _nature_at_zero(expr) -> str:
    """What 0 really is, from the first derivative that does not vanish there."""
    order, derivative = 1, sp.diff(expr, x)
    while derivative.subs(x, 0) == 0:
        order, derivative = order + 1, sp.diff(derivative, x)
    value = derivative.subs(x, 0)
    if order % 2:
        return "neither"
    return "minimum" if value > 0 else "maximum"


def test_the_test_is_inconclusive_for_x4_minus_x4_and_x3_which_are_three_different_things(output):
    rows = table_rows(output("inconclusive.py"))
    exact = {"x⁴": x**4, "−x⁴": -(x**4), "x³": x**3}
    assert [row[0] for row in rows] == list(exact)
    for name, bend, verdict, left, right, truth in rows:
        expr = exact[name]
        assert sp.diff(expr, x, 2).subs(x, 0) == 0
        assert abs(_read_number(bend)) < 1e-6  # a second difference: about 1e-8 off
        assert verdict == "inconclusive"
        h = sp.Rational(1, 10)
        assert _read_number(left) == pytest.approx(float(expr.subs(x, -h) - expr.subs(x, 0)), **PRINTED)
        assert _read_number(right) == pytest.approx(float(expr.subs(x, h) - expr.subs(x, 0)), **PRINTED)
        assert truth == _nature_at_zero(expr)
    assert [row[5] for row in rows] == ["minimum", "maximum", "neither"]


# ------------------------------------------------------------ gradient descent --


def test_the_iterate_table_follows_the_closed_form_5_times_0_8_to_the_k_for_20_steps(output):
    rows = table_rows(output("descent_table.py"))
    assert [int(row[0]) for row in rows] == list(range(21))  # the seed's 20 iterations
    for row in rows:
        k = int(row[0])
        exact = 5 * 0.8**k  # w^{k+1} = w^k - 0.1 * 2 w^k = 0.8 w^k
        assert _read_number(row[1]) == pytest.approx(exact, **PRINTED)
        assert _read_number(row[2]) == pytest.approx(exact**2, **PRINTED)
        assert _read_number(row[3]) == pytest.approx(2 * exact, **PRINTED)  # g′(w) = 2w
        if k:
            assert _read_number(row[4]) == pytest.approx(0.8, **PRINTED)
    assert rows[0][4] == "—"
    assert _read_number(rows[-1][1]) == pytest.approx(0.058, abs=5e-4)  # as the page says


def test_the_path_on_the_curve_says_where_twenty_steps_end(output):
    text = output("descent_path.py")
    found = re.search(r"Twenty steps with lr = 0.1 take w from 5 to (\S+)\.", text)
    assert found and _read_number(found[1]) == pytest.approx(5 * 0.8**20, **PRINTED)
    assert [t for t in figure_texts(text) if t.startswith("k = ")] == ["k = 0", "k = 1", "k = 2", "k = 3"]


def test_the_learning_rate_figure_names_the_four_rates_it_compares(output):
    texts = figure_texts(output("learning_rates.py"))
    rates = [re.match(r"lr = ([\d.]+) \(", t)[1] for t in texts if t.startswith("lr = ")]
    assert rates == ["0.01", "0.1", "0.95", "1.1"]


def _steps_to_converge(factor: Fraction, tol: float = 1e-6) -> int:
    """First k with |g'(w^k)| = |2 · 5 · factor^k| < tol."""
    k = 0
    while abs(10 * factor**k) >= Fraction(tol):
        k += 1
    return k


def _steps_to_overflow(factor: Fraction) -> int:
    """First k where (5 · factor^k)² is too large for a float."""
    k, largest = 0, Fraction(sys.float_info.max)
    while (5 * factor**k) ** 2 <= largest:
        k += 1
    return k


@pytest.mark.parametrize("lr", ["0.01", "0.1", "0.5", "0.95", "1", "1.1", "1.5"])
def test_each_learning_rate_ends_as_the_factor_one_minus_two_lr_predicts(output, lr):
    rows = {row[0]: row for row in table_rows(output("learning_rates_table.py"))}
    assert list(rows) == ["0.01", "0.1", "0.5", "0.95", "1", "1.1", "1.5"]
    _, steps, final_w, final_g, converged, diverged = rows[lr]
    factor = 1 - 2 * Fraction(lr)  # w^k = 5 · (1 − 2 lr)^k exactly, on g = w²
    steps = int(steps)
    if abs(factor) < 1:
        assert (converged, diverged) == ("True", "False")
        assert abs(steps - _steps_to_converge(factor)) <= 1  # finite-difference slopes
        assert abs(2 * _read_number(final_w)) < 1e-6
        assert _read_number(final_g) == pytest.approx(_read_number(final_w) ** 2, abs=1e-20, **PRINTED)
    elif abs(factor) == 1:
        assert (converged, diverged, steps) == ("False", "False", 2000)
        assert abs(_read_number(final_w)) == pytest.approx(5)
    else:
        assert (converged, diverged) == ("False", "True")
        assert abs(steps - _steps_to_overflow(factor)) <= 1
        assert final_g == "∞"


def test_stopping_with_tol_ends_at_the_first_step_where_the_slope_is_below_it(output):
    text = output("stopping_tol.py")
    found = re.search(r"converged = (\w+), diverged = (\w+), after (\d+) of", text)
    assert found and found.group(1, 2) == ("True", "False")
    steps = int(found[3])
    assert steps == _steps_to_converge(Fraction(4, 5))
    final = re.search(r"Final w = (.+?), where \|g′\(w\)\| = (.+?) < tol", text)
    assert _read_number(final[1]) == pytest.approx(5 * 0.8**steps, **PRINTED)
    assert _read_number(final[2]) == pytest.approx(2 * 5 * 0.8**steps, **PRINTED)
    assert _read_number(final[2]) < 1e-6


def test_a_too_large_step_is_flagged_as_diverged_at_the_first_non_finite_value(output):
    text = output("stopping_divergence.py")
    found = re.search(r"converged = (\w+), diverged = (\w+), stopped after (\d+) of", text)
    assert found and found.group(1, 2) == ("False", "True")
    steps = int(found[3])
    assert abs(steps - _steps_to_overflow(Fraction(-2))) <= 1  # lr 1.5: w^k = 5 · (−2)^k
    rows = table_rows(text)
    assert [int(row[0]) for row in rows] == list(range(steps - 3, steps + 1))
    for k, w, value in rows[:-1]:
        assert _read_number(w) == pytest.approx(5 * (-2.0) ** int(k), rel=1e-3)
        assert _read_number(value) == pytest.approx(25 * 4.0 ** int(k), rel=1e-3)
    assert rows[-1][2] == "∞"


def test_the_animation_moves_the_point_along_the_closed_form_path_of_the_bowl(output):
    labels = player_data(output("descent_contour_animation.py"))["labels"]
    assert len(labels) == 41  # steps=40: one frame per iterate
    for k, label in enumerate(labels):
        found = re.fullmatch(r"k = (\d+): wᵏ = \((.+), (.+)\)", label)
        assert found and int(found[1]) == k
        # g = w₁² + 8w₂², lr 0.1: w₁ ← (1 − 0.2) w₁ = 0.8 w₁ and w₂ ← (1 − 1.6) w₂ = −0.6 w₂.
        assert _read_number(found[2]) == pytest.approx(-4 * 0.8**k, abs=1e-9, **PRINTED)
        assert _read_number(found[3]) == pytest.approx(1.5 * (-0.6) ** k, abs=1e-9, **PRINTED)


def test_the_two_paths_on_the_contour_map_are_named_by_their_learning_rates(output):
    texts = figure_texts(output("contour_paths.py"))
    assert [t for t in texts if t.startswith("lr = ")] == ["lr = 0.02", "lr = 0.1"]


# --------------------------------------------------------------- page output --


# ------------------------------------------------- why the loss must be differentiable --


def _classifier_data():
    """The twelve examples written in accuracy_vs_loss.py, read from its source, as exact rationals."""
    import ast
    tree = ast.parse((SNIPPETS / "optimization" / "accuracy_vs_loss.py").read_text(encoding="utf-8"))
    (call,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
               and getattr(node.targets[0], "id", None) == "X"]
    rows = ast.literal_eval(call.args[0])
    return [(sp.nsimplify(a), sp.nsimplify(b)) for a, b in rows], [1] * 6 + [0] * 6


def _jumps() -> dict[str, set]:
    """Oracle: where accuracy and AUC can change, in closed form.

    The score of example k is a_k + w₂ b_k: it crosses 0 at w₂ = −a_k / b_k, and the scores of
    examples i and j swap order at w₂ = −(a_i − a_j) / (b_i − b_j).
    """
    X, y = _classifier_data()
    accuracy = {-a / b for a, b in X if b != 0}
    pairs = [(X[i], X[j]) for i in range(12) for j in range(12) if y[i] == 1 and y[j] == 0]
    auc = {-(p[0] - n[0]) / (p[1] - n[1]) for p, n in pairs if p[1] != n[1]}
    return {"accuracy": accuracy, "AUC": auc}


def _exact_accuracy(v) -> sp.Rational:
    X, y = _classifier_data()
    return sp.Rational(sum(((a + v * b) > 0) == bool(label) for (a, b), label in zip(X, y)), 12)


def test_accuracy_and_auc_have_zero_slope_except_at_grid_points_on_a_jump(output):
    text = output("accuracy_vs_loss.py")
    grid = [sp.Rational(k, 100) - 3 for k in range(601)]  # np.linspace(−3, 3, 601), exactly
    for name, jumps in _jumps().items():
        found = re.search(rf"^{name}: slope exactly 0 at (\d+) of 601 points, largest \|slope\| (\S+)$", text, re.M)
        assert found, name
        on_a_jump = [v for v in grid if v in jumps]
        # The central difference's step is a few 10⁻⁶ here: no jump lies that close to a grid point
        # without lying on it, so the slope is non-zero exactly at the grid points on a jump.
        near = [v for v in grid for j in jumps if 0 < abs(v - j) < sp.Rational(1, 10**4)]
        assert not near
        assert int(found[1]) == 601 - len(on_a_jump) and on_a_jump
        # There, the slope is a jump of k/12 (or k/36 pairs) over a step of about 2 × 6 × 10⁻⁶·max(1, |w₂|).
        assert read_number(found[2]) > 1000


def test_the_cross_entropy_has_a_slope_everywhere_and_its_minimum_is_where_accuracy_is_best(output):
    X, y = _classifier_data()
    v = sp.Symbol("v", real=True)
    p = [1 / (1 + sp.exp(-(a + v * b))) for a, b in X]
    loss = -sum(sp.log(q) if label else sp.log(1 - q) for q, label in zip(p, y)) / 12
    best = sp.nsolve(sp.diff(loss, v), v, 1)  # oracle: SymPy's zero of the exact derivative
    text = output("accuracy_vs_loss.py")
    assert re.search(r"^cross-entropy: slope exactly 0 at 0 of 601 points", text, re.M)
    printed = re.search(r"its minimum, w₂ = (\S+)", "\n".join(figure_texts(text)))
    assert printed and read_number(printed[1]) == pytest.approx(float(best), abs=0.01)  # grid spacing
    top = max(_exact_accuracy(sp.Rational(k, 100) - 3) for k in range(601))
    assert _exact_accuracy(sp.nsimplify(round(float(best), 3))) == top == sp.Rational(11, 12)


def test_the_probability_as_an_area_closes_in_on_erf_of_one_over_root_2(output):
    import mpmath
    exact = sp.erf(1 / sp.sqrt(2))  # P(−1 < X < 1) for a standard normal X
    density = lambda s: mpmath.exp(-s**2 / 2) / mpmath.sqrt(2 * mpmath.pi)
    text = output("probability_area.py")
    assert f"erf(1/√2) = {float(exact):.8f}." in text
    rows = table_rows(text)
    assert [int(r[0]) for r in rows] == [2, 4, 8, 16, 64, 256, 1024]
    gaps = []
    for n, area, gap in rows:
        n = int(n)
        with mpmath.workdps(30):  # the midpoint sum, computed independently in 30 digits
            width = mpmath.mpf(2) / n
            oracle = sum(density(-1 + width * (k + mpmath.mpf(1) / 2)) * width for k in range(n))
        assert read_number(area) == pytest.approx(float(oracle), rel=1e-8)
        assert read_number(gap) == pytest.approx(float(oracle - exact), rel=1e-6)
        gaps.append(read_number(gap))
    # The midpoint rule errs by about (b − a)² / 24n² · (f′(b) − f′(a)): divide by 4 per doubling.
    assert gaps[1] / gaps[0] == pytest.approx(0.25, rel=0.1) and gaps[2] / gaps[1] == pytest.approx(0.25, rel=0.05)


def test_the_page_explains_surrogates_generalization_and_integrals():
    page = PAGE.read_text(encoding="utf-8")
    section = page.split("## Why the loss must be differentiable")[1].split("## Summary")[0]
    for words in ("surrogate loss", "generalization", "### Where integrals come in", "AUC"):
        assert words in section, words


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", ANIMATIONS)
def test_each_animation_example_shows_a_player_with_one_frame_per_iterate_under_budget(output, name):
    assert_animation(output(name), ANIMATION_BUDGET, min_frames=41)


@pytest.mark.parametrize("name", TABLES)
def test_each_table_example_shows_text_and_no_figure(output, name):
    text = output(name)
    assert "<svg" not in text and "<figure" not in text and "<" not in text.replace("< tol", "")


def test_the_page_includes_every_example_of_the_chapter():
    assert_chapter_blocks(PAGE, "optimization", CHAPTER)


def test_the_page_shows_at_least_one_animation_and_four_figures(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert animations >= 1 and figures >= 4


def test_the_console_session_on_the_page_runs_gradient_descent():
    page = PAGE.read_text(encoding="utf-8")
    assert "```pycon\n>>> from calcnotes import gradient_descent" in page  # run by the doctest glob


def test_page_and_examples_number_coordinates_from_one_and_iterates_by_superscript():
    # w₁, w₂ are the coordinates and wᵏ the k-th iterate, as on the Notation page: never w₀ or w_k.
    sources = [PAGE.read_text(encoding="utf-8")]
    sources += [(SNIPPETS / "optimization" / name).read_text(encoding="utf-8") for name in CHAPTER]
    for source in sources:
        assert not re.search(r"w_0|w_\{?k|w₀|wₖ", source)


def test_the_page_ends_with_a_summary_and_a_link_to_the_exercises():
    page = PAGE.read_text(encoding="utf-8")
    assert "## Summary" in page
    assert "[Exercises](exercises/index.md)" in page.split("## Summary")[-1]
    assert (ROOT / "docs" / "exercises" / "index.md").exists()
