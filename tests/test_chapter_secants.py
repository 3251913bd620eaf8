"""Chapter 2, "Secants and limits": its examples print what the page claims."""

from __future__ import annotations

import re

import pytest
import sympy as sp
from conftest import ROOT
from pageoutput import (assert_animation, assert_chapter_blocks, assert_figure, figure_counts,
                        player_data, read_number, snippet_reader, table_rows)

PAGE = ROOT / "docs" / "secants.md"
CHAPTER = sorted(p.name for p in (ROOT / "snippets" / "secants").glob("*.py"))
FIGURES = ["polygons.py", "secant_and_tangent.py", "secant_panels.py", "secant_fan.py",
           "one_sided_secants.py", "quotient_graph.py"]
ANIMATIONS = ["secant_slider_sin.py", "secant_slider_tanh.py", "secant_slider_relu.py"]
TABLES = ["polygon_areas.py", "average_rates.py", "limit_table.py", "limit_table_float32.py",
          "square_limit.py", "one_sided_slopes.py", "differentiability.py", "on_an_interval.py"]
TEXT = ["secant_example.py"]
FIGURE_BUDGET = 60_000
ANIMATION_BUDGET = 400_000
w, x, h = sp.symbols("w x h", real=True)


@pytest.fixture(scope="module")
def output():
    """Each example's printed output (conftest runs each once, in a fresh interpreter)."""
    return snippet_reader("secants")


def _texts(text: str) -> list[str]:
    """The text elements of the SVG in *text* (the figure's titles, legend, annotations)."""
    return re.findall(r"<text\b[^>]*>([^<]*)</text>", text)


def _frames(text: str) -> list[tuple[float, float]]:
    """(w¹, secant slope) of every frame of the animation printed in *text*."""
    found = [re.fullmatch(r"w¹ = (.+), secant slope (.+)", label) for label in player_data(text)["labels"]]
    assert all(found)
    return [(read_number(m[1]), read_number(m[2])) for m in found]


def _titles(text: str) -> list[str]:
    """The title of every frame of the animation printed in *text*."""
    return [next(t for t in _texts(frame) if t.startswith("w¹ = ")) for frame in player_data(text)["frames"]]


def _secant_slope(g, at, to) -> float:
    """Oracle: the exact secant slope, evaluated by SymPy to 30 digits."""
    return float(((g.subs(w, to) - g.subs(w, at)) / (to - at)).evalf(30))


def test_the_chapter_has_these_examples_and_no_others():
    assert CHAPTER == sorted(FIGURES + ANIMATIONS + TABLES + TEXT)


# ------------------------------------------------------------------ Archimedes --


def test_polygon_areas_match_archimedes_side_doubling_and_close_in_on_pi(output):
    rows = table_rows(output("polygon_areas.py"))
    sides = [int(row[0]) for row in rows]
    assert sides == [4 * 2**k for k in range(9)]
    # Oracle without trigonometry or π: the side s of the inscribed n-gon doubles
    # as s₂ₙ = √(2 − √(4 − sₙ²)) (r = 1), and the 2n-gon's area is n·sₙ/2.
    side, areas = sp.sqrt(2), {4: sp.Integer(2)}
    for n in sides[:-1]:
        areas[2 * n] = n * side / 2
        side = sp.sqrt(2 - sp.sqrt(4 - side**2))
    gaps = []
    for n, row in zip(sides, rows):
        area, gap = read_number(row[1]), read_number(row[2])
        exact = float(areas[n].evalf(30))
        assert area == pytest.approx(exact, rel=1e-6)  # printed to 7 digits
        assert gap == pytest.approx(float((sp.pi - areas[n]).evalf(30)), rel=1e-6)
        gaps.append(gap)
    assert gaps == sorted(gaps, reverse=True) and gaps[-1] < 2e-5
    # π − Aₙ ≈ 2π³/(3n²): each doubling divides the gap by a factor tending to 4.
    ratios = [read_number(row[3]) for row in rows[1:]]
    assert rows[0][3] == "—"
    assert all(3.6 < r < 4 for r in ratios) and ratios == sorted(ratios)
    assert ratios[-1] == pytest.approx(4, abs=1e-4)


def test_the_polygon_panels_give_the_exact_areas_of_the_square_octagon_and_16_gon(output):
    texts = _texts(output("polygons.py"))
    found = dict(m.groups() for t in texts if (m := re.fullmatch(r"(\d+) sides: area ([\d.]+)", t)))
    assert set(found) == {"4", "8", "16"}
    for n, area in found.items():
        exact = float((sp.Rational(int(n), 2) * sp.sin(2 * sp.pi / int(n))).evalf(20))
        assert float(area) == pytest.approx(exact, abs=5e-4)  # 4 significant digits
    assert "circle, area πr² = 3.142" in texts


# --------------------------------------------------------------------- secants --


def test_the_worked_secant_through_0_and_minus_2_6_has_slope_sin_2_6_over_2_6(output):
    text = output("secant_example.py")
    slope = float((sp.sin(sp.Rational(26, 10)) / sp.Rational(26, 10)).evalf(20))
    found = re.search(r"slope = rise ÷ run = \((\S+)\) ÷ \((\S+)\) = (\S+)", text)
    assert found
    assert read_number(found[1]) == pytest.approx(float(sp.sin(-2.6)), abs=5e-5)
    assert read_number(found[2]) == -2.6
    assert read_number(found[3]) == pytest.approx(slope, abs=5e-5)
    line = re.search(r"secant line: h\(w\) = (\S+)w$", text, re.MULTILINE)
    assert line and read_number(line[1]) == pytest.approx(slope, abs=5e-5)
    assert "g(w⁰) = sin(0) = 0" in text


def test_the_secant_figure_gives_the_secant_and_the_tangent_and_the_run_and_rise_between_them(output):
    texts = _texts(output("secant_and_tangent.py"))
    slope = float((sp.sin(sp.Rational(26, 10)) / sp.Rational(26, 10)).evalf(20))
    (secant,) = [t for t in texts if t.startswith("secant: h(w) = ")]
    assert read_number(secant.removeprefix("secant: h(w) = ").removesuffix("w")) == pytest.approx(slope, abs=5e-5)
    assert "tangent: h(w) = w" in texts  # cos(0) = 1, through the origin
    assert "run −2.6" in texts
    (rise,) = [t for t in texts if t.startswith("rise ")]
    assert read_number(rise.removeprefix("rise ")) == pytest.approx(float(sp.sin(-2.6)), abs=5e-5)


def test_the_slope_from_1_4_to_3_12_on_x_squared_plus_3_is_4(output):
    f = x**2 + 3
    assert (f.subs(x, 1), f.subs(x, 3)) == (4, 12)
    exact = (f.subs(x, 3) - f.subs(x, 1)) / (3 - 1)
    assert exact == 4
    assert "From (1, 4) to (3, 12): rise 8 over run 2, slope 4." in output("average_rates.py")


def test_the_average_rates_over_1_to_1_plus_dx_are_2_plus_dx_and_head_for_the_derivative(output):
    f = x**2 + 3
    dx = sp.Symbol("dx", positive=True)
    rate = sp.cancel((f.subs(x, 1 + dx) - f.subs(x, 1)) / dx)
    assert rate == 2 + dx and sp.limit(rate, dx, 0) == sp.diff(f, x).subs(x, 1) == 2
    rows = table_rows(output("average_rates.py"))
    steps = [sp.nsimplify(row[2]) for row in rows]
    assert steps == [2, 1, sp.Rational(1, 2), sp.Rational(1, 10), sp.Rational(1, 100), sp.Rational(1, 1000)]
    for (interval, change, _, printed), step in zip(rows, steps):
        assert interval == f"[1, {float(1 + step):g}]"
        assert read_number(change) == pytest.approx(float(f.subs(x, 1 + step) - 4), rel=1e-6)
        assert read_number(printed) == pytest.approx(float(rate.subs(dx, step)), rel=1e-6)


def test_the_three_panels_show_secants_of_sin_for_shrinking_steps_with_their_exact_slopes(output):
    texts = _texts(output("secant_panels.py"))
    titles = [t for t in texts if t.startswith(("h = ", "slope "))]
    steps = [read_number(t.removeprefix("h = ")) for t in titles if t.startswith("h = ")]
    slopes = [read_number(t.removeprefix("slope ")) for t in titles if t.startswith("slope ")]
    assert steps == [-2.6, -1.2, -0.3]
    for step, slope in zip(steps, slopes):
        assert slope == pytest.approx(_secant_slope(sp.sin(w), 0, sp.nsimplify(step)), abs=5e-5)
    assert slopes == sorted(slopes) and 1 - slopes[-1] < 0.02  # closing in on cos(0) = 1


# ------------------------------------------------------------------ animations --


def test_the_sin_secants_start_at_the_worked_example_and_settle_on_slope_1_from_both_sides(output):
    frames = _frames(output("secant_slider_sin.py"))
    g = sp.sin(w)
    assert frames[0] == (-2.6, pytest.approx(_secant_slope(g, 0, sp.Rational(-26, 10)), abs=5e-5))
    assert frames[-1][0] == 2.6
    points = [p for p, _ in frames]
    assert points == sorted(points) and 0 not in points
    middle = len(frames) // 2
    assert points[middle - 1] < 0 < points[middle]
    # The steps shrink as w¹ closes in, and the two middle frames are within 10⁻³ of w⁰.
    gaps = [abs(p) for p in points[:middle]]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-2] - gaps[-1] < (gaps[0] - gaps[1]) / 50
    assert gaps[-1] < 1e-3 and abs(points[middle]) < 1e-3
    exact = float(sp.diff(g, w).subs(w, 0))  # 1
    # The secant slope of sin at 0 is sin(d)/d = 1 − d²/6 + …, below 1 and within d²/6 of it.
    for point, slope in frames:
        assert slope <= exact and exact - slope <= point**2 / 6 + 5e-5  # printed to 4 digits
    assert frames[middle - 1][1] == frames[middle][1] == exact


def test_the_sin_slider_titles_set_the_secant_slope_beside_the_tangent_slope_1(output):
    text = output("secant_slider_sin.py")
    titles = _titles(text)
    assert all(t.endswith(",  tangent slope 1") for t in titles)
    assert "tangent at w⁰" in _texts(text)  # the legend names the tangent


def test_the_tanh_squared_secants_settle_on_the_exact_derivative_at_1(output):
    text = output("secant_slider_tanh.py")
    frames = _frames(text)
    g = sp.tanh(w) ** 2
    exact = float(sp.diff(g, w).subs(w, 1).evalf(20))  # 2 tanh(1) sech²(1) ≈ 0.64
    middle = len(frames) // 2
    (left_w, left_s), (right_w, right_s) = frames[middle - 1], frames[middle]
    assert frames[0][0] == pytest.approx(-1.2) and frames[-1][0] == pytest.approx(3.2)
    assert left_w < 1 < right_w and abs(left_w - 1) < 1e-3 and abs(right_w - 1) < 1e-3
    # Secant error ≈ |g''(1)|/2 · |w¹ − 1| ≈ 0.31 × 10⁻⁴ here, below the 4 digits printed.
    assert left_s == pytest.approx(exact, abs=2e-4) and right_s == pytest.approx(exact, abs=2e-4)
    # g'' < 0 at 1: the slope falls as w¹ passes through (frames a little way out).
    assert frames[middle - 20][1] > exact > frames[middle + 19][1]
    assert all(t.endswith(f",  tangent slope {exact:.4f}") for t in _titles(text))


def test_the_relu_secants_have_slope_0_from_the_left_and_1_from_the_right_and_no_tangent(output):
    text = output("secant_slider_relu.py")
    frames = _frames(text)
    g = sp.Max(0, w)
    for point, slope in frames:
        assert point != 0
        # Oracle: SymPy's exact secant slope of max(0, w) through 0.
        assert slope == _secant_slope(g, 0, sp.nsimplify(point)) == (1.0 if point > 0 else 0.0)
    assert {s for p, s in frames if p < 0} == {0.0} and {s for p, s in frames if p > 0} == {1.0}
    assert min(abs(p) for p, _ in frames) < 1e-3  # however close the points get
    assert all(t.endswith("(no tangent at w⁰)") for t in _titles(text))
    assert "tangent at w⁰" not in _texts(text) and "tangent slope" not in text


@pytest.mark.parametrize("name", ANIMATIONS)
def test_each_animation_is_a_player_with_enough_frames_to_move_smoothly_under_budget(output, name):
    data = assert_animation(output(name), ANIMATION_BUDGET, min_frames=200)
    assert all("secant slope" in frame for frame in data["frames"])  # the title shows it


# ---------------------------------------------------------------------- limits --


def test_every_row_of_the_limit_table_is_the_exact_quotient_2_plus_3h(output):
    f = 3 * x**2 - 4 * x
    quotient = sp.cancel((f.subs(x, 1 + h) - f.subs(x, 1)) / h)
    assert sp.expand(quotient - (2 + 3 * h)) == 0
    rows = table_rows(output("limit_table.py"))
    assert [row[0] for row in rows] == ["0.1", "0.01", "0.001", "0.0001", "0.00001"]
    for step, printed, distance in rows:
        exact = float(quotient.subs(h, sp.Rational(step)))
        assert read_number(printed) == pytest.approx(exact, rel=1e-6)  # 6 digits printed
        assert read_number(distance) == pytest.approx(3 * float(step), rel=1e-4)
    assert sp.limit(quotient, h, 0) == 2


def test_the_float32_column_drifts_from_2_plus_3h_by_about_eps_over_h_and_float64_does_not(output):
    text = output("limit_table_float32.py")
    eps64, eps32 = 2.0**-52, 2.0**-23  # machine epsilon of IEEE double and single precision
    assert f"ε_mach of float64: {eps64:.3g}".replace("e-16", " × 10⁻¹⁶") in text
    assert f"ε_mach of float32: {eps32:.3g}".replace("e-07", " × 10⁻⁷") in text
    rows = table_rows(text)
    assert [row[0] for row in rows] == ["0.1", "0.01", "0.001", "0.0001", "0.00001", "0.000001"]
    errors32 = []
    for step, q64, q32, exact in rows:
        oracle = float(2 + 3 * sp.Rational(step))  # the exact quotient, 2 + 3h
        assert read_number(exact) == pytest.approx(oracle, rel=1e-12)
        # float64: round-off about ε64/h, far below the 7 digits printed.
        assert read_number(q64) == pytest.approx(oracle, rel=1e-7)
        # float32: rounding the input 1 + h and the outputs costs a few ε32/h at most.
        errors32.append(abs(read_number(q32) - oracle))
        assert errors32[-1] <= 4 * eps32 / float(step) + 1e-6
    # The drift is visible from h = 0.01 and grows as h shrinks below 10⁻⁴.
    assert all(error > 1e-6 for error in errors32[1:])
    assert errors32[3] < errors32[4] < errors32[5]
    assert abs(read_number(rows[-1][2]) - 2) > abs(read_number(rows[1][2]) - 2)  # as the page says


def test_the_quotient_of_x_squared_is_2x_plus_h_at_every_x_and_step(output):
    quotient = sp.cancel(((x + h) ** 2 - x**2) / h)
    assert quotient == 2 * x + h
    text = output("square_limit.py")
    rows = table_rows(text)
    header = next(line for line in text.splitlines() if line.startswith("|"))
    steps = [float(s) for s in re.findall(r"h = ([\d.]+)", header)]
    assert steps == [0.1, 0.01, 0.0001]
    assert [read_number(row[0]) for row in rows] == [-1.5, 0.5, 3.0]
    for row in rows:
        at = sp.nsimplify(read_number(row[0]))
        for step, cell in zip(steps, row[1:-1]):
            exact = float(quotient.subs({x: at, h: sp.nsimplify(step)}))
            assert read_number(cell) == pytest.approx(exact, abs=1e-9)
        assert read_number(row[-1]) == float(sp.limit(quotient, h, 0).subs(x, at))


def test_the_secant_fan_slopes_are_2_plus_3h_and_the_tangent_is_y_2x_minus_3(output):
    texts = _texts(output("secant_fan.py"))
    found = [m.groups() for t in texts if (m := re.fullmatch(r"h = ([\d.]+): slope ([\d.]+)", t))]
    assert [float(step) for step, _ in found] == [1.0, 0.5, 0.25, 0.1]
    f = 3 * x**2 - 4 * x
    for step, slope in found:
        assert float(slope) == pytest.approx(_secant_slope(f.subs(x, w), 1, 1 + sp.nsimplify(step)), abs=1e-9)
    assert "tangent: y = 2x − 3" in texts


# ---------------------------------------------------------- one-sided slopes --


def test_one_sided_slopes_of_sin_are_sin_h_over_h_and_of_relu_are_0_and_1(output):
    text = output("one_sided_slopes.py")
    exact = float((sp.sin(sp.Rational(1, 10**4)) * 10**4).evalf(30))
    line = re.search(r"sin\(h\) / h = (\d\.\d+)", text)
    assert line and float(line[1]) == pytest.approx(exact, abs=1e-10)
    rows = {row[0]: row[1:] for row in table_rows(text)}
    assert [read_number(c) for c in rows["sin(w)"]] == [pytest.approx(exact, abs=1e-10)] * 2
    assert [read_number(c) for c in rows["relu(w) = max(0, w)"]] == [0.0, 1.0]


RELU = (w + sp.Abs(w)) / 2  # max(0, w), in a form whose one-sided limits SymPy can take
CASES = {  # the rows of differentiability.py, as SymPy expressions
    ("sin(w)", 0): sp.sin(w),
    ("w²", 0): w**2,
    ("relu(w)", 0): RELU,
    ("relu(w)", 1): RELU,
    ("|w|", 0): sp.Abs(w),
    ("|w|", -1): sp.Abs(w),
}


def test_the_differentiability_verdicts_agree_with_exact_one_sided_limits(output):
    rows = table_rows(output("differentiability.py"))
    assert [(row[0], read_number(row[1])) for row in rows] == list(CASES)
    for row, ((_, at), g) in zip(rows, CASES.items()):
        quotient = (g.subs(w, at + h) - g.subs(w, at)) / h
        left, right = (sp.limit(quotient, h, 0, dir=d) for d in ("-", "+"))
        # The printed slopes use h = 1e-6: within |g''|·h/2 of the one-sided limits.
        assert read_number(row[2]) == pytest.approx(float(left), abs=1e-5)
        assert read_number(row[3]) == pytest.approx(float(right), abs=1e-5)
        assert row[4] == ("yes" if left == right else "no")
    assert [row[4] for row in rows] == ["yes", "yes", "no", "yes", "no", "yes"]


INTERVAL_CASES = {"sin(w)": sp.sin(w), "|w|": sp.Abs(w), "|w² − 1|": sp.Abs(w**2 - 1)}


def test_on_an_interval_the_test_fails_exactly_at_the_corners_the_grid_hits(output):
    rows = table_rows(output("on_an_interval.py"))
    assert [(row[0], row[1]) for row in rows] == [(name, span) for name in INTERVAL_CASES
                                                  for span in ("[−2, 2]", "[0.2, 0.8]")]
    for name, span, count, where, verdict in rows:
        g = INTERVAL_CASES[name]
        # Oracle: an absolute value has a corner where its argument is zero, and only there.
        inner = g.args[0] if isinstance(g, sp.Abs) else None
        corners = sorted(float(c) for c in sp.solve(inner, w)) if inner is not None else []
        a, b = (read_number(end) for end in span.strip("[]").split(", "))
        grid = [round(a + (b - a) * i / 40, 10) for i in range(41)]
        hit = [c for c in corners if any(abs(c - p) < 1e-12 for p in grid)]
        assert int(count) == len(grid)
        assert where == (", ".join(f"{c:g}".replace("-", "−") for c in hit) or "nowhere")
        assert verdict == ("not differentiable" if hit else "differentiable")
        for corner in hit:  # and the corner really is one: the one-sided limits differ
            quotient = (g.subs(w, corner + h) - g.subs(w, corner)) / h
            assert sp.limit(quotient, h, 0, dir="-") != sp.limit(quotient, h, 0, dir="+")


def test_the_quotient_graph_marks_one_limit_for_sin_and_two_for_relu(output):
    texts = _texts(output("quotient_graph.py"))
    # Oracle: SymPy's one-sided limits of (g(h) − g(0)) / h at h = 0.
    sin_limits = {sp.limit(sp.sin(h) / h, h, 0, dir=d) for d in ("-", "+")}
    relu_left, relu_right = (sp.limit(RELU.subs(w, h) / h, h, 0, dir=d) for d in ("-", "+"))
    assert sin_limits == {1} and (relu_left, relu_right) == (0, 1)
    assert texts.count("both sides → 1") == 1
    assert "from the left → 0" in texts and "from the right → 1" in texts
    assert ["sin(w) at w⁰ = 0", "relu(w) at w⁰ = 0"] == [t for t in texts if " at w⁰ = " in t]


def test_the_one_sided_secant_figure_shows_equal_slopes_for_sin_and_0_and_1_for_relu(output):
    texts = _texts(output("one_sided_secants.py"))
    sin1 = f"{float(sp.sin(1)):.4f}"  # both secants of sin with h = 1: sin(1) / 1
    assert texts.count(f"left secant: slope {sin1}") == texts.count(f"right secant: slope {sin1}") == 1
    assert "left secant: slope 0" in texts and "right secant: slope 1" in texts


# ------------------------------------------------------------------- the page --


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_example_shows_one_small_figure(output, name):
    assert_figure(output(name), FIGURE_BUDGET)


@pytest.mark.parametrize("name", TABLES)
def test_each_table_example_shows_a_markdown_table_and_no_figure(output, name):
    text = output(name)
    assert table_rows(text) and "<svg" not in text


def test_the_page_includes_every_example_of_the_chapter():
    assert_chapter_blocks(PAGE, "secants", CHAPTER)


def test_the_console_sessions_on_the_page_compute_a_secant_slope_and_relus_one_sided_slopes():
    page = PAGE.read_text(encoding="utf-8")  # both are run by the doctest glob
    assert "```pycon\n>>> import numpy as np\n>>> from calcnotes import secant_slope" in page
    assert ">>> one_sided_slopes(relu, 0.0, 1e-8)\n(0.0, 1.0)\n\n```" in page


def test_the_page_shows_three_animations_and_six_figures(output):
    figures, animations = figure_counts(output(name) for name in CHAPTER)
    assert (figures, animations) == (len(FIGURES), len(ANIMATIONS))


def test_the_page_ends_with_a_summary_linking_to_numerical_differentiation():
    summary = PAGE.read_text(encoding="utf-8").split("## Summary")[-1]
    assert "[Numerical differentiation](numerical.md)" in summary
