"""Chapter 3, "Numerical differentiation": its examples print what the page claims."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import sympy as sp

from conftest import ROOT
from pageoutput import (assert_animation, assert_chapter_blocks, assert_figure, figure_counts,
                        player_data, read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "numerical.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "numerical").glob("*.py"))
FIGURES = ["stencils.py", "fixed_step.py", "error_vs_step.py", "gradient_check_steps.py"]
ANIMATIONS = ["sweep_sin.py", "sweep_spiky.py"]
TABLES = ["methods_table.py", "chosen_step.py", "good_steps.py", "best_steps.py", "default_steps.py",
          "richardson.py", "complex_vs_central.py", "complex_pitfalls.py",
          "gradient_check.py", "planted_bug.py"]
TEXT = ["check_square.py"]
FIGURE_BUDGET = 60_000
ANIMATION_BUDGET = 400_000
EPS = 2.0**-52  # machine epsilon ε_mach of IEEE double precision
w = sp.Symbol("w")
COS_1 = float(sp.cos(1))


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("numerical")


def _svg_texts(text: str) -> list[str]:
    """The text drawn in the figure of an example's output."""
    return re.findall(r"<text\b[^>]*>([^<]*)</text>", text)


def _sweep(text: str) -> list[tuple[float, float, float | None]]:
    """(h, % of the span without an estimate, largest error or None) of each frame of a step sweep."""
    frames = []
    for label in player_data(text)["labels"]:
        h = read_number(re.match(r"h = ([^,]+)", label)[1])
        share = re.search(r"NaN on ([\d.]+)% of the span", label)
        error = re.search(r"(?:largest error|error ≤) ([^,]+?)(?: elsewhere)?$", label)
        frames.append((h, float(share[1]) if share else 0.0, read_number(error[1]) if error else None))
    return frames


# ------------------------------------------------------------------ the page --


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES + TEXT)


def test_the_page_includes_every_example_of_the_chapter():
    assert_chapter_blocks(PAGE, "numerical", CHAPTER)


def test_the_page_shows_at_least_two_animations_and_three_figures(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert animations >= 2 and figures >= 3


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", TABLES)
def test_each_table_example_shows_a_table_and_no_figure(output, name):
    text = output(name)
    assert table_rows(text) and "<svg" not in text


def test_the_console_session_on_the_page_takes_a_chosen_step_and_the_complex_step():
    page = PAGE.read_text(encoding="utf-8")
    session = "```pycon\n>>> import math\n>>> import numpy as np\n>>> from calcnotes import derivative"
    assert session in page  # run by the doctest glob


def test_the_page_writes_the_step_h_and_machine_epsilon_as_epsilon_mach():
    page = PAGE.read_text(encoding="utf-8")
    assert r"\varepsilon" not in page and "ε/h" not in page
    assert r"\epsilon_{\text{mach}}" in page


def test_the_page_ends_with_a_summary_linking_to_the_derivative_rules():
    summary = PAGE.read_text(encoding="utf-8").split("## Summary")[-1]
    assert "[Derivative rules](rules.md)" in summary


# ------------------------------------------------------------ the step sweeps --


@pytest.mark.parametrize("name", ANIMATIONS)
def test_each_sweep_has_five_steps_a_decade_from_1_down_to_1e_minus_17(output, name):
    # Five steps a decade: as fine as the page's weight allows (two sweeps on one page, 1 MB in all).
    assert_animation(output(name), ANIMATION_BUDGET, min_frames=86)
    hs = [h for h, _, _ in _sweep(output(name))]
    assert hs[0] == 1 and hs[-1] == pytest.approx(1e-17, rel=0.01)
    assert np.diff(np.log10(hs)) == pytest.approx(-0.2, abs=0.02)  # printed to 2 digits


def test_the_sweep_of_sin_is_truncation_first_then_round_off_then_no_estimate(output):
    frames = _sweep(output("sweep_sin.py"))
    # The labels round h to 2 digits; the steps are 10^(−k/5) exactly (five a decade, checked above).
    complete = [(10 ** (-k / 5), error) for k, (h, share, error) in enumerate(frames) if share == 0]
    # Taylor: (sin(w+h) − sin w)/h − cos w ≈ −sin(w) h/2, largest where |sin w| = 1
    half_max = float(sp.maximum(-sp.diff(sp.sin(w), w, 2), w, sp.Interval(-3, 3))) / 2
    for h, error in complete:
        if 1e-6 <= h <= 1e-2:
            assert error / h == pytest.approx(half_max, rel=0.05)  # errors printed to 2 digits: up to 4 %
    best = min(complete, key=lambda pair: pair[1])[0]
    assert 1e-9 <= best <= 1e-7  # near √ε_mach
    assert max(error for h, error in complete if h < 1e-14) > 1e-2  # round-off: ~ε_mach/h


def test_the_sweep_of_sin_has_no_estimate_exactly_where_w_plus_h_rounds_to_w(output):
    grid = np.linspace(-3, 3, 400)  # the example's span and n
    for h, share, _ in _sweep(output("sweep_sin.py")):
        coincide = float(np.mean(grid + h == grid)) * 100  # IEEE arithmetic, not calcnotes
        assert share == pytest.approx(coincide, rel=0.05, abs=0.1)
    by_step = {h: share for h, share, _ in _sweep(output("sweep_sin.py"))}
    assert by_step[1e-16] == pytest.approx(100 * np.mean(np.abs(grid) >= 1), rel=0.05)


def test_the_spiky_function_needs_a_far_smaller_step_than_sin(output):
    sin = {h: error for h, _, error in _sweep(output("sweep_sin.py"))}
    spiky = {h: error for h, _, error in _sweep(output("sweep_spiky.py"))}
    g = sp.cos(40 * w) ** 100 / (w**2 + 1)
    grid = np.linspace(0.9, 1.13, 700)
    swing = np.max(np.abs(sp.lambdify(w, sp.diff(g, w), "numpy")(grid)))  # SymPy's g′ on the span
    assert swing > 100  # "swings by more than a hundred"
    # At h = 10⁻² and 10⁻³ sin is right to 5 × 10⁻³ and 5 × 10⁻⁴; the spiky one is off by
    # about as much as its derivative, and catches up only three decades later.
    assert sin[1e-2] < 1e-2 and spiky[1e-2] > swing / 2
    assert sin[1e-3] < 1e-3 and spiky[1e-3] > swing / 10
    assert spiky[1e-6] < swing / 1000
    frames = _sweep(output("sweep_spiky.py"))
    assert frames[-1][1] > 50  # no estimate wherever w ≥ 1, at the end


SPIKY = sp.cos(40 * w) ** 100 / (w**2 + 1)
SPANS = {"sin(w)": (sp.sin(w), (-3, 3, 400)), "spiky": (SPIKY, (0.9, 1.13, 700))}


def _truncation_error(g, span, h) -> float:
    """Oracle: the largest |forward difference − g′| on the grid, in 30-digit arithmetic (no round-off)."""
    import mpmath
    with mpmath.workdps(30):
        value, slope = sp.lambdify(w, g, "mpmath"), sp.lambdify(w, sp.diff(g, w), "mpmath")
        step = mpmath.mpf(h)
        return float(max(abs((value(p + step) - value(p)) / step - slope(p))
                         for p in map(mpmath.mpf, np.linspace(*span))))


def test_the_fixed_step_of_a_hundredth_is_off_by_at_most_about_h_over_2_near_pi_over_2(output):
    text = output("fixed_step.py")
    found = re.search(r"With h = 0.01 the largest error on the grid is (\S+), at w = (\S+)\.", text)
    assert found
    grid = np.linspace(-3, 3, 100)
    exact = [abs(float(((sp.sin(sp.Float(p, 30) + sp.Float("0.01", 30)) - sp.sin(sp.Float(p, 30))) / sp.Float("0.01", 30)
                         - sp.cos(sp.Float(p, 30))).evalf(30))) for p in grid]
    assert read_number(found[1]) == pytest.approx(max(exact), rel=2e-3)  # 3 digits printed
    assert read_number(found[2]) == pytest.approx(grid[int(np.argmax(exact))], abs=5e-3)
    assert max(exact) == pytest.approx(0.01 / 2, rel=0.01)  # Taylor: h/2 · max|sin|
    assert "forward difference, h = 0.01" in _svg_texts(text)


def test_the_good_steps_are_where_truncation_and_round_off_both_fall_below_a_tenth_of_a_percent(output):
    text = output("good_steps.py")
    rows = table_rows(text)
    steps = [read_number(row[0]) for row in rows]
    assert steps == [10.0**-k for k in range(17)]
    columns = {name: [read_number(row[1 + i]) for row in rows] for i, name in enumerate(SPANS)}
    sizes = {name: float(np.max(np.abs(sp.lambdify(w, sp.diff(g, w), "numpy")(np.linspace(*span)))))
             for name, (g, span) in SPANS.items()}  # max |g′| on the grid, from SymPy's g′
    for name, (g, span) in SPANS.items():
        size = sizes[name]
        for k in (3, 4, 5, 6, 7):  # truncation rules here: the 30-digit oracle, to the 2 digits printed
            assert columns[name][k] == pytest.approx(_truncation_error(g, span, 10.0**-k) / size, rel=0.06)
        # at 10⁻¹⁶ the points w and w + h coincide somewhere on the grid: no estimate
        grid = np.linspace(*span)
        assert np.any(grid + 1e-16 == grid) and np.isnan(columns[name][16])
    # The thresholds the page states: 10⁻³ for sin, 10⁻⁶ for the spiky function; both up to 10⁻¹².
    assert "sin(w): error below 0.001 for h from 0.001 down to 1 × 10⁻¹²" in text
    assert "spiky: error below 0.001 for h from 1 × 10⁻⁶ down to 1 × 10⁻¹²" in text
    # The upper ends follow from truncation alone (oracle), one decade above is not good enough.
    assert _truncation_error(sp.sin(w), (-3, 3, 400), 1e-2) > 1e-3 > _truncation_error(sp.sin(w), (-3, 3, 400), 1e-3)
    assert _truncation_error(SPIKY, (0.9, 1.13, 700), 1e-5) / sizes["spiky"] > 1e-3
    # The lower end is where round-off, about ε_mach/h relative, grows past 10⁻³: near 10⁻¹³.
    for name, column in columns.items():
        assert column[12] < 1e-3 < column[13]
        assert EPS / 1e-13 == pytest.approx(2.2e-3, rel=0.01)


# --------------------------------------------------------------- the methods --


def test_the_stencil_figure_legend_shows_the_tangent_and_three_secant_slopes_of_sin(output):
    legend = dict(re.findall(r"^(\w+): slope (\S+)$", "\n".join(_svg_texts(output("stencils.py"))),
                             re.M))
    s = sp.sin
    exact = {"tangent": sp.cos(1),
             "forward": (s(sp.Rational(9, 5)) - s(1)) / sp.Rational(4, 5),
             "backward": (s(1) - s(sp.Rational(1, 5))) / sp.Rational(4, 5),
             "central": (s(sp.Rational(9, 5)) - s(sp.Rational(1, 5))) / sp.Rational(8, 5)}
    assert set(legend) == set(exact)
    for name, value in exact.items():
        assert read_number(legend[name]) == pytest.approx(float(value), rel=1e-3), name


def test_the_methods_table_shows_each_error_against_cos_1_with_its_order(output):
    rows = {row[0]: row[1:] for row in table_rows(output("methods_table.py"))}
    assert list(rows) == ["forward", "backward", "central", "five-point", "complex", "richardson"]
    for method, (estimate, error, calls) in rows.items():
        # the printed error is |estimate − cos 1| to two digits, cos 1 from SymPy
        assert read_number(error) == pytest.approx(abs(read_number(estimate) - COS_1),
                                                    rel=0.05, abs=2e-13), method
    error = {method: read_number(cells[1]) for method, cells in rows.items()}
    # At the optimal step the error is about ε_mach^(p/(p+1)) (see the page's log–log
    # section): ~1e-8 for order 1, ~1e-11 for order 2, ~1e-13 for order 4.
    assert 1e-10 < error["forward"] < 1e-7 and 1e-10 < error["backward"] < 1e-7
    assert error["central"] < 1e-10
    assert error["five-point"] < 1e-12 and error["richardson"] < 1e-12
    assert error["complex"] <= 2 * EPS
    # calls of g: one per point of each formula (richardson = three central differences)
    assert [int(cells[2]) for cells in rows.values()] == [2, 2, 2, 4, 1, 6]


def test_the_error_figure_draws_the_truncation_and_round_off_lines_and_exact_zero(output):
    texts = _svg_texts(output("error_vs_step.py"))
    for label in ["∝ h", "∝ h²", "∝ h⁴", "error exactly 0", "round-off: ε_mach |g| / h",
                  "calcnotes' default h", "forward", "central", "five-point", "complex"]:
        assert label in texts, label


def test_richardson_by_hand_gains_two_orders_per_round_and_matches_calcnotes(output):
    rows = table_rows(output("richardson.py"))
    values = {row[0]: read_number(row[2]) for row in rows}
    errors = {row[0]: read_number(row[3]) for row in rows}
    for name, value in values.items():
        # the value is printed to 12 digits, so compare to that resolution
        assert errors[name] == pytest.approx(abs(value - COS_1), rel=1e-2, abs=2e-12)
    # D(h) − cos 1 ≈ −cos(1) h²/6: halving h divides the error by 4
    assert errors["D(h)"] == pytest.approx(COS_1 * 0.1**2 / 6, rel=0.01)
    assert errors["D(h)"] / errors["D(h/2)"] == pytest.approx(4, rel=0.01)
    # the first extrapolation is O(h⁴): halving h divides its error by 16
    assert errors["R₁(h)"] / errors["R₁(h/2)"] == pytest.approx(16, rel=0.05)
    assert errors["R₂(h)"] < 1e-11
    assert rows[-1][0] == "calcnotes" and rows[-1][2] == rows[-2][2]


# -------------------------------------------------------------- choosing h --


def test_the_forward_difference_with_a_chosen_step_is_first_truncation_then_round_off(output):
    rows = table_rows(output("chosen_step.py"))
    hs = [read_number(r[0]) for r in rows]
    error = [read_number(r[2]) for r in rows]
    # Taylor: (sin(1+h) − sin 1)/h − cos 1 ≈ −sin(1) h/2, so error ÷ h → sin(1)/2
    half_sin_1 = float(sp.sin(1) / 2)
    for h, row in zip(hs, rows):
        if 1e-5 <= h <= 1e-3:
            assert read_number(row[3]) == pytest.approx(half_sin_1, rel=2e-3)
    finite = [(err, h) for err, h in zip(error, hs) if not math.isnan(err)]
    assert min(finite)[1] == 1e-8  # the best step is near √ε_mach
    # at h ≤ 1e-16, 1 + h == 1: calcnotes says NaN, the literal formula says 0
    assert 1.0 + 1e-16 == 1.0
    for row in rows[-2:]:
        assert row[1] == "NaN" and row[4] == "0"


def test_the_measured_best_steps_match_the_balance_of_truncation_and_round_off(output):
    rows = table_rows(output("best_steps.py"))
    assert [r[0] for r in rows] == ["forward", "central", "five-point"]
    for method, p, predicted, best, smallest in rows:
        p = int(p)
        theory = EPS ** (1 / (p + 1))
        assert read_number(predicted) == pytest.approx(theory, rel=1e-2)
        # the minimum of C hᵖ + ε_mach/h sits at (ε_mach/(pC))^(1/(p+1)); C is of order 1 here
        assert theory / 4 <= read_number(best) <= theory * 4, method
        assert read_number(smallest) < 10 * EPS ** (p / (p + 1)), method


def test_the_rebuilt_step_rule_is_the_one_calcnotes_uses(output):
    rows = {row[0]: row[1:] for row in table_rows(output("default_steps.py"))}
    # closed forms, and the numbers the docstring of calcnotes.derivative quotes
    expected = {"forward": (EPS ** 0.5, 1.5e-8), "backward": (EPS ** 0.5, 1.5e-8),
                "central": (EPS ** (1 / 3), 6.1e-6), "five-point": (EPS ** 0.2 / 2, 3.7e-4),
                "richardson": (EPS ** (1 / 7) / 4, 1.5e-3), "complex": (1e-20, 1e-20)}
    assert set(rows) == set(expected)
    for method, (relative, at_half, at_1000, same) in rows.items():
        exact, quoted = expected[method]
        assert read_number(relative) == pytest.approx(exact, rel=5e-3)
        assert read_number(relative) == pytest.approx(quoted, rel=0.05)
        assert read_number(at_half) == pytest.approx(exact, rel=5e-3)  # max(1, 0.5) = 1
        assert read_number(at_1000) == pytest.approx(1000 * exact, rel=5e-3)
        assert same == "yes", method


# ------------------------------------------------------------ complex step --


def test_the_complex_step_stays_exact_where_the_central_difference_breaks(output):
    rows = table_rows(output("complex_vs_central.py"))
    sigma = 1 / (1 + sp.exp(-w))
    third = float(sp.diff(sigma, w, 3).subs(w, 1))
    for h, central, complex_step in rows:
        h, central, complex_step = (read_number(c) for c in (h, central, complex_step))
        if h >= 1e-4:  # both are truncation-bound: |σ‴(1)| h²/6
            assert central == pytest.approx(abs(third) * h**2 / 6, rel=0.02)
            assert complex_step == pytest.approx(abs(third) * h**2 / 6, rel=0.02)
        if h <= 1e-8:
            assert complex_step <= 2 * EPS
        if h == 1e-16:
            assert central > 1e-3
        if h <= 1e-20:  # 1 ± h rounds to 1
            assert math.isnan(central)


def test_the_complex_step_pitfalls_raise_or_go_silently_wrong(output):
    text = output("complex_pitfalls.py")
    rows = {row[0]: row[1:] for row in table_rows(text)}
    _, _, central, complex_step = rows["`np.abs(w)**3`"]
    assert complex_step == "raises ValueError" and read_number(central) == -12
    assert "method='central'" in text.split("|")[0]  # the message, printed before the table
    _, _, central, complex_step = rows["`np.maximum(w, 0)`"]
    assert (read_number(central), read_number(complex_step)) == (0.5, 1.0)
    _, exact, central, complex_step = rows["`w**100`"]
    assert read_number(exact) == -100 and read_number(central) == pytest.approx(-100, rel=1e-6)
    assert abs(read_number(complex_step) + 100) > 1e3
    _, exact, central, complex_step = rows["`np.cos(40*w)**100/(w**2+1)`"]
    g = sp.cos(40 * w) ** 100 / (w**2 + 1)
    truth = float(sp.diff(g, w).subs(w, sp.Rational(2, 25)))  # w = 0.08
    assert read_number(exact) == pytest.approx(truth, rel=1e-5)
    assert read_number(central) == pytest.approx(truth, rel=1e-4)
    assert abs(read_number(complex_step) - truth) > 1e3


# ----------------------------------------------------------- gradient check --

X = sp.Matrix([[1, sp.Rational(3, 10), sp.Rational(-6, 5)], [1, sp.Rational(-7, 10), sp.Rational(2, 5)],
               [1, sp.Rational(3, 2), sp.Rational(9, 10)], [1, sp.Rational(-11, 10), sp.Rational(-3, 10)],
               [1, sp.Rational(4, 5), sp.Rational(17, 10)], [1, sp.Rational(-1, 5), sp.Rational(-8, 5)]])
Y = [1, 0, 1, 0, 1, 0]
W0 = [sp.Rational(1, 10), sp.Rational(-2, 5), sp.Rational(1, 4)]


def _logistic_loss():
    ws = sp.symbols("w1 w2 w3")
    z = X * sp.Matrix(ws)
    sigma = [1 / (1 + sp.exp(-zk)) for zk in z]
    loss = -sum(y * sp.log(s) + (1 - y) * sp.log(1 - s) for y, s in zip(Y, sigma)) / len(Y)
    return loss, ws


def _exact_logistic_gradient() -> np.ndarray:
    loss, ws = _logistic_loss()
    point = dict(zip(ws, W0))
    return np.array([float(sp.diff(loss, v).subs(point)) for v in ws])


def test_the_gradient_check_finds_all_three_gradients_equal_to_the_exact_one(output):
    rows = table_rows(output("gradient_check.py"))
    exact = _exact_logistic_gradient()  # SymPy differentiates the loss itself
    assert len(rows) == 3
    for row in rows:
        assert [read_number(c) for c in row[1:4]] == pytest.approx(exact, rel=1e-5)
    for row in rows[1:]:
        assert read_number(row[4]) < 1e-7 and row[5] == "fine"


def test_the_planted_bug_is_caught_and_pinned_to_the_last_component(output):
    text = output("planted_bug.py")
    rows = table_rows(text)
    exact = _exact_logistic_gradient()
    buggy = exact * [1, 1, 2]
    assert [row[0] for row in rows] == ["∂/∂w₁", "∂/∂w₂", "∂/∂w₃"]
    for row, truth, claimed in zip(rows, exact, buggy):
        assert read_number(row[1]) == pytest.approx(truth, rel=1e-5)
        assert read_number(row[2]) == pytest.approx(claimed, rel=1e-5)
    assert [read_number(r[3]) < 1e-7 for r in rows] == [True, True, False]
    assert read_number(rows[2][3]) == pytest.approx(1 / 3, rel=1e-6)  # |a − 2a| / (|a| + |2a|)
    found = re.search(r"relative error (\S+( × 10\S+)?), verdict: \*\*(\w+)\*\*", text)
    expected = np.linalg.norm(exact - buggy) / (np.linalg.norm(exact) + np.linalg.norm(buggy))
    assert read_number(found[1]) == pytest.approx(expected, rel=2e-3)
    assert found[3] == "bug"


def test_a_right_gradient_passes_for_a_wide_range_of_steps_and_the_bug_for_none(output):
    text = output("gradient_check_steps.py")
    right = re.search(r"correct gradient: relative error (.+?) to (.+?); below 10⁻⁷ for h from "
                      r"(.+?) to (.+?)\.\n", text)
    assert right, text[:400]
    smallest, passes_from, passes_to = (read_number(right[k]) for k in (1, 3, 4))
    # central differences: truncation ~ h² |L‴|, round-off ~ ε_mach |L| / h meet near h ~ 10⁻⁵
    assert smallest < 1e-9
    assert passes_from >= 1e-3 and passes_to <= 1e-8  # at least five decades of steps pass
    bug = re.search(r"planted bug: relative error (.+?) to (.+?); below 10⁻⁷ for no step\.", text)
    assert bug
    exact = _exact_logistic_gradient()
    buggy = exact * [1, 1, 2]
    expected = np.linalg.norm(exact - buggy) / (np.linalg.norm(exact) + np.linalg.norm(buggy))
    assert read_number(bug[1]) == pytest.approx(expected, rel=0.03)  # printed to 2 digits
    assert read_number(bug[2]) == pytest.approx(expected, rel=0.03)
    texts = _svg_texts(text)
    assert "above 10⁻³: a bug" in texts and "below 10⁻⁷: right" in texts


def test_the_square_check_is_off_by_exactly_h_forward_and_not_at_all_central(output):
    text = output("check_square.py")
    found = re.search(r"analytic (\S+), forward (\S+) \(off by (\S+ ?\S* ?\S*)\), central (\S+) "
                      r"\(off by (\S+ ?\S* ?\S*)\)", text)
    assert found, text
    assert read_number(found[1]) == 4
    # ((2 + h)² − 4)/h = 4 + h exactly; the central difference of a quadratic is exact
    assert read_number(found[3]) == pytest.approx(1e-5, rel=1e-6)
    assert read_number(found[5]) < 1e-9
