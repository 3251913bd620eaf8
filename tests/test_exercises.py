"""The exercise notebooks in docs/exercises.

Each exercise is a run of cells tagged in their metadata
(``{"calcnotes": {"role": ..., "exercise": ...}}``): a question, an *answer*
cell with ``...`` placeholders, a *check* cell that compares the answer
numerically with calcnotes, and a *solution* (Markdown, folded in a
``<details>`` block) whose one Python code block is the worked answer.

The tests run every notebook three times in a Jupyter kernel: as published
(every check says "not answered yet"), with each answer cell replaced by its
solution (every check says ✓) and with a wrong answer planted in each (a check
says ✗). The solutions are checked once more against SymPy, independently of
calcnotes. The site tests look at the built notebook pages.
"""

from __future__ import annotations

import ast
import copy
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import mpmath
import nbformat
import numpy as np
import pytest
import sympy as sp
from nbclient import NotebookClient

from conftest import ROOT

EXERCISES = ROOT / "docs" / "exercises"
NOTEBOOKS = sorted(EXERCISES.glob("*.ipynb"))
MISSING, RIGHT, WRONG = "not answered yet", "✓", "✗"


# --------------------------------------------------------------- notebooks --


def _meta(cell) -> dict:
    return cell.metadata.get("calcnotes", {})


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _cells(nb, role: str) -> dict[str, object]:
    return {_meta(c)["exercise"]: c for c in nb.cells if _meta(c).get("role") == role}


def _solution_code(cell) -> str:
    blocks = re.findall(r"```python\n(.*?)```", cell.source, flags=re.DOTALL)
    assert len(blocks) == 1, f"solution of {_meta(cell)['exercise']}: {len(blocks)} code blocks"
    return blocks[0]


def _solutions(nb) -> dict[str, str]:
    return {key: _solution_code(cell) for key, cell in _cells(nb, "solution").items()}


def _with_answers(nb, answers: dict[str, str]):
    """A copy of ``nb`` whose answer cells hold ``answers`` (by exercise)."""
    nb = copy.deepcopy(nb)
    for key, cell in _cells(nb, "answer").items():
        cell.source = answers[key]
    return nb


def _execute(nb) -> dict[str, str]:
    """Run ``nb`` in a fresh kernel; return what each exercise's check printed."""
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", allow_errors=False,
        resources={"metadata": {"path": str(EXERCISES)}},
    )
    client.execute()  # raises CellExecutionError, with the traceback, on any error
    printed = {}
    for key, cell in _cells(nb, "check").items():
        streams = [o for o in cell.outputs if o.output_type == "stream"]
        assert all(o.name == "stdout" for o in streams), (key, streams)
        printed[key] = "".join(o.text for o in streams)
    return printed


# Plausible mistakes, one per exercise; each must be caught by its check.
WRONG_ANSWERS = {
    # 01-derivatives
    "limit": "def quotient(h):\n    return 6",  # the limit, not the quotient
    "polynomial": "def poly_prime(x):\n    return 9 * x**2 - 4 * x",  # lost the +1
    "tangent": "slope = 4\nintercept = 4",
    "self-power": "def self_power_prime(x):\n    return x * x**(x - 1)",  # power rule
    "flat": "x0 = 3.0",
    "sigmoid": "def sigmoid_second(x):\n    return sigmoid(x) * (1 - sigmoid(x))",
    # 02-secants
    "secant-by-hand": "m_secant = 8\nb_secant = -4",  # the rise, not rise over run
    "secant-formula": "def cube_secant(w0, w1):\n    return w1**2 + w0**2\n\n\n"  # lost w0 w1
                      "def cube_slope(w0):\n    return 2 * w0**2",
    "one-sided": "def left_slope(h):\n    return 2 + h\n\n\n"  # the left one is too flat
                 "def right_slope(h):\n    return 2 + h",
    "kink": "kink_left = 2.0\nkink_right = 2.0\nkinks = [1.0]",  # ignored the fold, missed -1
    "vertical-tangent": "def cbrt_quotient(h):\n    return abs(h) ** (-2 / 3) / 3\n\n\n"
                        "cbrt_has_derivative = True",  # the sides agree, so it must exist?
    # 03-numerical
    "orders": "def forward_w3(h):\n    return 3 + 3 * h\n\n\n"  # dropped the h**2 term
              "def central_w3(h):\n    return 3 + h**2",
    "best-step": "h_forward = eps_mach\nh_central = np.sqrt(eps_mach)",  # "as small as possible"
    "breakdown": "k_at_1 = 16\nk_at_1000 = 16",  # eps_mach ~ 2e-16, and the same everywhere
    "complex-step": "def complex_w3(h):\n    return 3 + h**2",  # (ih)**2 taken as +h**2
    "gradient-check": "wrong_coordinate = 1\n\n\n"  # the Python index of w2, not its number
                      "def fixed_gradient(w):\n"
                      "    r = w[0] + w[1] * t_data + w[2] * t_data**2 - y_data\n"
                      "    return np.array([np.mean(r), np.mean(r * t_data), np.mean(r * t_data**2)])",
    # 04-rules
    "exp-rule": "def exp_factor(h):\n    return np.exp(h) / h\n\n\n"
                "def exp_prime(x):\n    return x * np.exp(x - 1)",  # the power rule, misapplied
    "log-rule": "def log_factor(u):\n    return np.log(1 + u)\n\n\n"  # forgot to divide by u
                "def ln_prime(x):\n    return np.log(x) / x",
    "sum-rule": "def sum_quotient(q_f, q_g):\n    return q_f * q_g",
    "product-rule": "def product_quotient(f_x, g_x, q_f, q_g, h):\n"  # lost the corner term
                    "    return q_f * g_x + f_x * q_g",
    "constant-multiple": "def constant_quotient(h):\n    return 1\n\n\n"
                         "def multiple_quotient(c, q_f):\n    return q_f",  # dropped c
    "quotient-rule": "def ratio_quotient(f_x, g_x, q_f, q_g, h):\n"  # the numerator reversed
                     "    return (f_x * q_g - q_f * g_x) / g_x**2",
    # 05-gradients
    "partials": "def df_dx(x, y):\n    return 3 * x**2 * y**2\n\n\n"
                "def df_dy(x, y):\n    return 2 * x**3 * y - 3 * y**2",
    "gradient": "def grad_hill(x):\n    return np.array([6 * x[0], 5 * x[1] * np.exp(x[1])])",
    "directional": "rate = 1.0",  # v not normalised
    "norm": "def grad_length(x):\n    return 2 * x\n\n\ndifferentiable_at_zero = True",
    "quadratic-form": "def grad_quadratic(A, x):\n    return 2 * A @ x",  # symmetric A only
    "hessian": "def hess_surface(x, y):\n"
               "    return np.array([[6 * x * y**2, 6 * x**2 * y], [6 * x**2 * y, 2 * x**3 - 6 * y]])",
    # 06-chain-rule
    "exp-square": "def exp_square_prime(x):\n    return np.exp(x**2)",
    "three-links": "def chain3_prime(x):\n    return 1 / (1 + np.exp(np.sin(x)))",
    "inverse": "def log_slope(y):\n    return np.exp(y)\n\n\n"
               "def inverse_slope(y):\n    return 3 * y**2 + 1",
    "multivariate": "def du_da(a, b):\n    return a * b + (a + b) * b\n\n\n"
                    "def du_db(a, b):\n    return a * b",
    "backprop": "dL_dw1 = -0.1\ndL_dw2 = 0.3",
    # 07-optimization
    "second-derivative": "def quartic_second(x):\n    return 4 * x**3 - 12 * x**2 + 8 * x",
    "critical-points": "critical_points = [0.0, 2.0]\nkinds = ['minimum', 'minimum']",
    "descent": "def descend(slope, w0, lr, steps):\n    path = [w0]\n"
               "    for _ in range(steps):\n        path.append(path[-1] + lr * slope(path[-1]))\n"
               "    return path",  # climbs instead of descending
    "learning-rate": "largest_lr = 0.5",
    "dual-cube": "def cube_dual(a, b):\n    return a**3, 3 * a**2",  # lost the tangent b
    "jvp-by-hand": "def jvp_by_hand(w, v):\n"
                   "    return np.array([2 * w[0] * w[1] * v[0] + w[0] ** 2 * v[1],\n"
                   "                     v[0] + np.cos(w[1])])",  # the cosine without v₂
    "vjp-by-hand": "def vjp_by_hand(w, u):\n"
                   "    J = np.array([[2 * w[0] * w[1], w[0] ** 2], [1.0, np.cos(w[1])]])\n"
                   "    return J @ u",  # J u, not uᵀJ
    "softmax-jacobian": "def softmax_jacobian(z):\n    return np.diag(softmax(z))",  # no − s sᵀ
    "third-derivative": "def exp_sin_third(w):\n    return 2 * np.exp(w) * np.cos(w)",  # the second
    "hvp-by-hand": "def hvp_by_hand(w, v):\n"
                   "    H = np.array([[2 * w[1], 2 * w[0]], [2 * w[0], 3 * w[1] ** 2]])\n"
                   "    return H @ v",  # 3 w₂², the gradient's entry, not its derivative
    # 09-second-order
    "second-order-taylor": "def taylor2_softplus(w):\n    return np.log(2) + w / 2 + w**2 / 4",  # no ½
    "newton-update": "def newton_update(w):\n    return w - (np.exp(w) - 2)",  # a descent step, lr = 1
    "newton-landing": "newton_landing = np.array([1.0, 1.0])",  # b, not A⁻¹ b
    "largest-stable-lr": "largest_stable_lr = 2 / (3 - np.sqrt(2))",  # from λ_min, not λ_max
    "cubic-critical-points": "cubic_kinds = {(1, 0): 'minimum', (-1, 0): 'maximum'}\n"
                             "newton_lands_at = (1.0, 0.0)",  # Newton finds the minimum? No
}


@pytest.fixture(scope="module")
def runs() -> dict[tuple[str, str], dict[str, str]]:
    """Every notebook run as published, solved and wrong, in parallel kernels."""
    jobs = {}
    for path in NOTEBOOKS:
        nb = _read(path)
        jobs[path.name, "published"] = nb
        jobs[path.name, "solved"] = _with_answers(nb, _solutions(nb))
        wrong = {key: WRONG_ANSWERS.get(key, "") for key in _cells(nb, "answer")}
        jobs[path.name, "wrong"] = _with_answers(nb, wrong)
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        results = dict(zip(jobs, pool.map(_execute, jobs.values())))
    return results


def test_there_are_exercise_notebooks():
    assert len(NOTEBOOKS) >= 4


def test_the_notebooks_are_numbered_in_chapter_order_and_listed_so_in_the_nav_and_the_index():
    names = [path.name for path in NOTEBOOKS]
    assert [int(name[:2]) for name in names] == list(range(1, len(names) + 1)), names
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("  - Exercises:")[1]
    assert re.findall(r"exercises/(\d\d-[\w-]+\.ipynb)", nav) == names
    index = (EXERCISES / "index.md").read_text(encoding="utf-8")
    assert re.findall(r"\]\((\d\d-[\w-]+\.ipynb)\)", index) == names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_has_a_question_an_answer_a_check_and_one_folded_solution(path):
    nb = _read(path)
    keys = [_meta(c)["exercise"] for c in nb.cells if _meta(c).get("role") == "question"]
    assert keys and len(keys) == len(set(keys))
    for role in ("answer", "check", "solution"):
        cells = [c for c in nb.cells if _meta(c).get("role") == role]
        assert sorted(_meta(c)["exercise"] for c in cells) == sorted(keys), role
    for key, cell in _cells(nb, "solution").items():
        assert cell.cell_type == "markdown"
        assert re.match(r'<details class="\w+">\n<summary>Solution</summary>', cell.source), key
        assert cell.source.rstrip().endswith("</details>") and " open" not in cell.source, key
    for key, cell in _cells(nb, "answer").items():
        assert "..." in cell.source, f"{key}: the published answer must be a placeholder"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_solution_defines_every_name_its_answer_cell_asks_for(path):
    def defined(source: str) -> set[str]:
        names = set()
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        return names

    nb = _read(path)
    solutions = _solutions(nb)
    for key, cell in _cells(nb, "answer").items():
        asked = defined(cell.source)
        assert asked, key
        assert asked <= defined(solutions[key]), (key, asked)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs_for_a_python3_kernel(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None
            assert max(map(len, cell.source.splitlines())) <= 79, cell.source


def test_wrong_answers_cover_every_exercise():
    keys = {key for path in NOTEBOOKS for key in _cells(_read(path), "answer")}
    assert keys == set(WRONG_ANSWERS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_published_notebooks_run_and_every_check_says_not_answered_yet(runs, path):
    for key, printed in runs[path.name, "published"].items():
        lines = printed.splitlines()
        assert lines and all(line.endswith(MISSING) for line in lines), (key, printed)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_with_the_solutions_filled_in_every_check_passes(runs, path):
    for key, printed in runs[path.name, "solved"].items():
        lines = printed.splitlines()
        assert lines and all(line.startswith(RIGHT) for line in lines), (key, printed)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_wrong_answer_is_reported_wrong(runs, path):
    for key, printed in runs[path.name, "wrong"].items():
        assert WRONG in printed and MISSING not in printed, (key, printed)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_exercise_needs_only_the_setup_cell_and_its_own_cells(path, capsys):
    nb = _read(path)
    setup = next(c for c in nb.cells if _meta(c).get("role") == "setup" and c.cell_type == "code")
    solutions = _solutions(nb)
    for key in _cells(nb, "answer"):
        namespace: dict = {}
        exec(setup.source, namespace)  # noqa: S102 - our own notebook's code
        for cell in nb.cells:
            if cell.cell_type == "code" and _meta(cell).get("exercise") == key:
                role = _meta(cell)["role"]
                exec(solutions[key] if role == "answer" else cell.source, namespace)  # noqa: S102
        verdicts = [line for line in capsys.readouterr().out.splitlines() if line[:1] in "✓✗…"]
        assert verdicts and all(line.startswith(RIGHT) for line in verdicts), (key, verdicts)


# ------------------------------------------------------ the check helper --


@pytest.fixture(scope="module")
def helpers() -> dict:
    """The setup cell (imports and the check helpers), run in this process."""
    setup = next(c for c in _read(NOTEBOOKS[0]).cells if _meta(c).get("role") == "setup"
                 and c.cell_type == "code")
    namespace: dict = {}
    exec(setup.source, namespace)  # noqa: S102 - our own notebook's code
    return namespace


def test_check_says_not_answered_for_a_placeholder_or_a_function_returning_one(helpers, capsys):
    check = helpers["check"]
    check("a", ..., 1.0)
    check("b", None, 1.0)
    check("c", lambda x: ..., lambda x: x, [1.0, 2.0])
    assert capsys.readouterr().out.splitlines() == [f"… {n}: {MISSING}" for n in "abc"]


def test_check_reports_an_answer_that_raises_or_has_the_wrong_shape_instead_of_crashing(helpers, capsys):
    check = helpers["check"]
    check("raises", lambda x: 1 / 0, lambda x: x, [1.0])
    check("shape", lambda x: [x, x], lambda x: x, [1.0])
    check("number", 3.0, lambda x: x, [1.0])
    out = capsys.readouterr().out.splitlines()
    assert [line[0] for line in out] == [WRONG] * 3
    assert "ZeroDivisionError" in out[0] and "shape (2,)" in out[1] and "function" in out[2]


def test_check_accepts_agreement_within_its_tolerance_only(helpers, capsys):
    check = helpers["check"]
    check("close", 1.0 + 1e-7, 1.0)  # within tol = 1e-6
    check("far", 1.0 + 1e-4, 1.0)
    check("tuple points", lambda x, y: x * y, lambda x, y: y * x, [(1.0, 2.0), (3.0, -1.0)])
    out = capsys.readouterr().out.splitlines()
    assert [line[0] for line in out] == [RIGHT, WRONG, RIGHT]
    assert "at 2 points" in out[2]


# ----------------------------------------- the solutions, against SymPy --


@pytest.fixture(scope="module")
def solved() -> dict:
    """Every name the solved notebooks define (setup, given and answer cells)."""
    namespace: dict = {}
    for path in NOTEBOOKS:
        nb = _read(path)
        solutions = _solutions(nb)
        for cell in nb.cells:
            role = _meta(cell).get("role")
            if cell.cell_type == "code" and role in ("setup", "given"):
                exec(cell.source, namespace)  # noqa: S102
            elif role == "answer":
                exec(solutions[_meta(cell)["exercise"]], namespace)  # noqa: S102
    return namespace


x, y, h, a, b = sp.symbols("x y h a b", real=True)
x1, x2, x3 = sp.symbols("x1 x2 x3", real=True)
GRID = np.linspace(-2.3, 2.1, 9)


def _agree(answer, expr, symbols, points, tol=1e-9):
    """``answer(*p)`` equals the SymPy expression at every point ``p``."""
    exact = sp.lambdify(symbols, expr, "numpy")
    for p in points:
        p = p if isinstance(p, tuple) else (p,)
        np.testing.assert_allclose(np.asarray(answer(*p), float), np.asarray(exact(*p), float),
                                   rtol=tol, atol=tol, err_msg=str(p))


def _vector_agree(answer, exprs, symbols, points):
    exact = [sp.lambdify(symbols, e, "numpy") for e in exprs]
    for p in points:
        got = answer(np.array(p, dtype=float))
        np.testing.assert_allclose(got, [f(*p) for f in exact], rtol=1e-9, atol=1e-12)


# 01-derivatives


def _oracle_limit(ns):
    _agree(ns["quotient"], sp.cancel(((3 + h) ** 2 - 9) / h), [h], [1.0, 0.1, -0.5, 1e-3])


def _oracle_polynomial(ns):
    _agree(ns["poly_prime"], sp.diff(3 * x**3 - 2 * x**2 + x - 5, x), [x], GRID)


def _oracle_tangent(ns):
    f = x**3 - 1 / x
    m = sp.diff(f, x).subs(x, 1)
    assert ns["slope"] == m and ns["intercept"] == f.subs(x, 1) - m


def _oracle_self_power(ns):
    _agree(ns["self_power_prime"], sp.diff(x**x, x), [x], np.linspace(0.1, 3, 9))


def _oracle_flat(ns):
    x0 = ns["x0"]
    assert x0 > 0 and sp.diff(x**3 - 3 * x, x).subs(x, sp.nsimplify(x0)) == 0


def _oracle_sigmoid(ns):
    _agree(ns["sigmoid_second"], sp.diff(1 / (1 + sp.exp(-x)), x, 2), [x], GRID * 2)


# 02-secants

w0_, w1_ = sp.symbols("w0 w1", real=True)
hp = sp.symbols("h_plus", positive=True)  # a step that is positive
STEPS = [1.0, 0.5, 0.1, 1e-3, -0.3, -1e-4]


def _shifted_square(t):
    return t**2 + 3


def _oracle_secant_by_hand(ns):
    f = _shifted_square
    m = (f(sp.Integer(3)) - f(sp.Integer(1))) / (3 - 1)
    assert ns["m_secant"] == float(m) and ns["b_secant"] == float(f(1) - m * 1)


def _oracle_secant_formula(ns):
    slope = sp.cancel((w1_**3 - w0_**3) / (w1_ - w0_))
    _agree(ns["cube_secant"], slope, [w0_, w1_], [(p, q) for p in GRID[::2] for q in GRID[1::3]])
    _agree(ns["cube_slope"], sp.limit(slope, w1_, w0_), [w0_], GRID)


def _oracle_one_sided(ns):
    f = _shifted_square
    _agree(ns["left_slope"], sp.cancel((f(1) - f(1 - h)) / h), [h], STEPS)
    _agree(ns["right_slope"], sp.cancel((f(1 + h) - f(1)) / h), [h], STEPS)


def _oracle_kink(ns):
    w = sp.symbols("w", real=True)
    folded = sp.Abs(w**2 - 1)
    left = sp.limit((folded.subs(w, 1) - folded.subs(w, 1 - hp)) / hp, hp, 0)
    right = sp.limit((folded.subs(w, 1 + hp) - folded.subs(w, 1)) / hp, hp, 0)
    assert (left, right) == (-2, 2)
    assert (ns["kink_left"], ns["kink_right"]) == (float(left), float(right))
    # |u| has a corner where u = 0 and u' ≠ 0: at the simple roots of w² - 1
    roots = [r for r in sp.solve(w**2 - 1, w) if sp.diff(w**2 - 1, w).subs(w, r) != 0]
    assert sorted(ns["kinks"]) == sorted(float(r) for r in roots)


def _oracle_vertical_tangent(ns):
    _agree(ns["cbrt_quotient"], sp.real_root(h, 3) / h, [h], STEPS)
    right, left = (sp.limit(sp.real_root(side * hp, 3) / (side * hp), hp, 0) for side in (1, -1))
    assert left == right == sp.oo  # the two sides agree, on no finite number
    assert ns["cbrt_has_derivative"] is (left == right and left.is_finite is True)


# 03-numerical

EPS_MACH = sp.Rational(1, 2**52)
POSITIVE_STEPS = [1.0, 0.5, 0.1, 1e-3, 1e-8]


def _oracle_orders(ns):
    _agree(ns["forward_w3"], sp.cancel(((1 + h) ** 3 - 1) / h), [h], POSITIVE_STEPS)
    _agree(ns["central_w3"], sp.cancel(((1 + h) ** 3 - (1 - h) ** 3) / (2 * h)), [h], POSITIVE_STEPS)


def _oracle_best_step(ns):
    for name, truncation in [("h_forward", hp / 2), ("h_central", hp**2 / 6)]:
        (best,) = sp.solve(sp.diff(truncation + EPS_MACH / hp, hp), hp)
        assert np.isclose(ns[name], float(best), rtol=1e-12), name


def _oracle_breakdown(ns):
    for name, w0 in [("k_at_1", 1), ("k_at_1000", 1000)]:
        # doubles in [2^e, 2^(e+1)) are 2^(e-52) apart; w0 + h moves iff h > half that gap
        half_gap = sp.Integer(2) ** (sp.floor(sp.log(w0, 2)) - 53)
        assert ns[name] == int(sp.floor(-sp.log(half_gap, 10))), name


def _oracle_complex_step(ns):
    _agree(ns["complex_w3"], sp.im(sp.expand((1 + sp.I * h) ** 3)) / h, [h], POSITIVE_STEPS)


def _oracle_gradient_check(ns):
    ws = sp.symbols("w1:4", real=True)
    loss = sum((ws[0] + ws[1] * t + ws[2] * t**2 - y) ** 2
               for t, y in zip(map(sp.nsimplify, ns["t_data"]), map(sp.nsimplify, ns["y_data"]))) / 2
    exact = [sp.diff(loss, v) for v in ws]
    at = dict(zip(ws, map(sp.nsimplify, ns["w_test"])))
    claimed = ns["fit_gradient"](ns["w_test"])
    off = [i + 1 for i, d in enumerate(exact) if not np.isclose(claimed[i], float(d.subs(at)))]
    assert off == [ns["wrong_coordinate"]]
    points = [(1.0, -2.0, 0.5), (0.1, 0.2, -0.3), (-3.0, 0.0, 4.0)]
    _vector_agree(ns["fixed_gradient"], exact, list(ws), points)


# 04-rules

fx, gx, qf, qg, c = sp.symbols("f_x g_x q_f q_g c", real=True)
STEP = (fx + h * qf, gx + h * qg)  # f(x + h) and g(x + h), by the definition of q_f and q_g
# points (f(x), g(x), q_f, q_g, h), h = 0 among them; g(x) ≥ 1.5 and g(x + h) ≥ 1 stay off 0
PIECES = [(f, 1.5 + abs(g), p, q, s) for f, g, p, q in np.random.default_rng(7).uniform(-1, 1, (4, 4))
          for s in (0.0, 0.3, -0.5, 1e-3)]


def _oracle_exp_rule(ns):
    factor = sp.simplify((sp.exp(x + h) - sp.exp(x)) / (h * sp.exp(x)))
    assert not factor.has(x) and sp.limit(factor, h, 0) == 1
    _agree(ns["exp_factor"], factor, [h], STEPS)
    _agree(ns["exp_prime"], sp.diff(sp.exp(x), x), [x], GRID)


def _oracle_log_rule(ns):
    u = sp.symbols("u", real=True)
    # x times the quotient of ln at x with step h = u x, as a function of (x, u)
    scaled = x * (sp.log(x + u * x) - sp.log(x)) / (u * x)
    pairs = [(p, q) for p in (0.3, 1.0, 4.0) for q in (0.5, 0.01, -0.4, 1e-4)]
    _agree(lambda p, q: ns["log_factor"](q), scaled, [x, u], pairs)
    assert sp.limit(sp.log(1 + u) / u, u, 0) == 1
    _agree(ns["ln_prime"], sp.diff(sp.log(x), x), [x], np.linspace(0.1, 5, 9))


def _oracle_sum_rule(ns):
    quotient = sp.cancel(((STEP[0] + STEP[1]) - (fx + gx)) / h)
    _agree(lambda a, b, p, q, s: ns["sum_quotient"](p, q), quotient, [fx, gx, qf, qg, h], PIECES)


def _oracle_product_rule(ns):
    quotient = sp.cancel((STEP[0] * STEP[1] - fx * gx) / h)
    _agree(ns["product_quotient"], quotient, [fx, gx, qf, qg, h], PIECES)  # h = 0 among them


def _oracle_constant_multiple(ns):
    assert sp.cancel((c - c) / h) == 0
    _agree(ns["constant_quotient"], sp.Integer(0), [h], STEPS)
    quotient = sp.cancel((c * STEP[0] - c * fx) / h)
    _agree(lambda a, b, p, q, s: ns["multiple_quotient"](a, p), quotient, [c, gx, qf, qg, h], PIECES)


def _oracle_quotient_rule(ns):
    quotient = sp.cancel((STEP[0] / STEP[1] - fx / gx) / h)
    _agree(ns["ratio_quotient"], quotient, [fx, gx, qf, qg, h], PIECES)  # h = 0 among them


# 05-gradients

SURFACE = x**3 * y**2 + 2 * x * y - y**3
PAIRS = [(p, q) for p in GRID[::2] for q in GRID[1::3]]


def _oracle_partials(ns):
    _agree(ns["df_dx"], sp.diff(SURFACE, x), [x, y], PAIRS)
    _agree(ns["df_dy"], sp.diff(SURFACE, y), [x, y], PAIRS)


def _oracle_gradient(ns):
    hill = 3 * x1**2 + 5 * sp.exp(x2)
    _vector_agree(ns["grad_hill"], [sp.diff(hill, v) for v in (x1, x2)], [x1, x2], PAIRS)


def _oracle_directional(ns):
    f, v = x1 * x2 + x3**2, sp.Matrix([2, 3, -1])
    grad = sp.Matrix([sp.diff(f, s) for s in (x1, x2, x3)]).subs({x1: 1, x2: 2, x3: 3})
    assert np.isclose(ns["rate"], float(grad.dot(v) / v.norm()), rtol=1e-12)


def _oracle_norm(ns):
    length = sp.sqrt(x1**2 + x2**2 + x3**2)
    points = [(1.0, -2.0, 0.5), (0.1, 0.2, -0.3), (-3.0, 0.0, 4.0)]
    _vector_agree(ns["grad_length"], [sp.diff(length, s) for s in (x1, x2, x3)], [x1, x2, x3], points)
    t = sp.symbols("t", real=True)
    along = length.subs({x1: t, x2: 2 * t, x3: 2 * t})  # 3|t|
    left, right = (sp.limit(along / t, t, 0, side) for side in ("-", "+"))
    assert (left == right) == ns["differentiable_at_zero"]


def _oracle_quadratic_form(ns):
    A = np.array([[1.0, 2.0, -1.0], [0.5, -3.0, 4.0], [2.0, 0.0, 1.0]])
    X = sp.Matrix([x1, x2, x3])
    form = (X.T * sp.Matrix(A) * X)[0]
    _vector_agree(lambda v: ns["grad_quadratic"](A, v), [sp.diff(form, s) for s in X],
                  [x1, x2, x3], [(1.0, -2.0, 0.5), (0.3, 0.0, -1.2)])


def _oracle_hessian(ns):
    exact = sp.lambdify([x, y], sp.hessian(SURFACE, (x, y)), "numpy")
    for p in PAIRS:
        np.testing.assert_allclose(ns["hess_surface"](*p), np.array(exact(*p), float), atol=1e-12)


# 06-chain-rule


def _oracle_exp_square(ns):
    _agree(ns["exp_square_prime"], sp.diff(sp.exp(x**2), x), [x], GRID)


def _oracle_three_links(ns):
    _agree(ns["chain3_prime"], sp.diff(sp.log(1 + sp.exp(sp.sin(x))), x), [x], GRID)


def _oracle_inverse(ns):
    _agree(ns["log_slope"], sp.diff(sp.log(y), y), [y], [0.2, 1.0, 7.5])
    # the slope of the inverse of x**3 + x, measured by mpmath at 30 digits
    with mpmath.workdps(30):
        for y0 in (-8.0, -0.5, 0.0, 2.0, 9.0):
            inverse = lambda t: mpmath.findroot(lambda s: s**3 + s - t, 0)  # noqa: E731
            assert np.isclose(ns["inverse_slope"](y0), float(mpmath.diff(inverse, y0)), rtol=1e-12)


def _oracle_multivariate(ns):
    u = (a + b) * (a * b) + sp.sin(a) ** 2
    _agree(ns["du_da"], sp.diff(u, a), [a, b], PAIRS)
    _agree(ns["du_db"], sp.diff(u, b), [a, b], PAIRS)


def _oracle_backprop(ns):
    w1, w2 = sp.symbols("w1 w2", real=True)
    loss = (w2 / (1 + sp.exp(-2 * w1)) - 1) ** 2 / 2
    at = {w1: sp.Rational(1, 2), w2: sp.Rational(4, 5)}
    assert np.isclose(ns["dL_dw1"], float(sp.diff(loss, w1).subs(at)), rtol=1e-12)
    assert np.isclose(ns["dL_dw2"], float(sp.diff(loss, w2).subs(at)), rtol=1e-12)


# 07-optimization

QUARTIC = x**4 - 4 * x**3 + 4 * x**2 + 1


def _oracle_second_derivative(ns):
    _agree(ns["quartic_second"], sp.diff(QUARTIC, x, 2), [x], GRID)


def _oracle_critical_points(ns):
    roots = sorted(sp.solve(sp.diff(QUARTIC, x), x))
    assert ns["critical_points"] == [float(r) for r in roots]
    second = sp.diff(QUARTIC, x, 2)
    kinds = ["minimum" if second.subs(x, r) > 0 else "maximum" for r in roots]
    assert ns["kinds"] == kinds


def _oracle_descent(ns):
    for w0, lr, steps in [(5.0, 0.1, 20), (-3.0, 0.45, 10), (1.0, 0.9, 15)]:
        closed_form = w0 * (1 - 2 * lr) ** np.arange(steps + 1)  # w_k = (1 - 2 lr)^k w0
        np.testing.assert_allclose(ns["descend"](lambda w: 2 * w, w0, lr, steps), closed_form,
                                   rtol=1e-12, atol=1e-15)


def _oracle_learning_rate(ns):
    eta = sp.symbols("eta", positive=True)
    # w_k = (1 - 2 eta)^k w0 shrinks iff |1 - 2 eta| < 1: the boundary is the largest root
    boundary = max(sp.solve(sp.Eq((1 - 2 * eta) ** 2, 1), eta))
    assert ns["largest_lr"] == float(boundary)


# 08-autodiff: a dual number, JVP, VJP, a Jacobian, a third derivative, an HVP
DUAL = sp.Symbol("epsilon")
AD_CASES = [((1.0, 2.0), (1.0, 0.0)), ((1.0, 2.0), (0.0, 1.0)), ((-0.5, 0.3), (2.0, -1.0)),
            ((1.5, -2.0), (0.4, 0.7)), ((0.7, 1.1), (-1.3, 0.6))]


def _oracle_dual_cube(ns):
    # (a + bε)³ with ε² = 0: the coefficients of ε⁰ and ε¹ of the expanded cube
    cube = sp.Poly(sp.expand((a + b * DUAL) ** 3), DUAL)
    real, tangent = cube.coeff_monomial(1), cube.coeff_monomial(DUAL)
    for point in [(2.0, 1.0), (-1.5, 1.0), (0.5, -3.0), (1.2, 0.0)]:
        at = dict(zip((a, b), point))
        assert np.allclose(ns["cube_dual"](*point), [float(real.subs(at)), float(tangent.subs(at))],
                           rtol=1e-12, atol=1e-12)


def _ad_jacobian(f):
    """SymPy's Jacobian of the list of expressions f in x1, x2, as a NumPy function."""
    return sp.lambdify([x1, x2], sp.Matrix(f).jacobian([x1, x2]), "numpy")


def _oracle_jvp_by_hand(ns):
    J = _ad_jacobian([x1**2 * x2, x1 + sp.sin(x2)])
    for w, v in AD_CASES:
        np.testing.assert_allclose(ns["jvp_by_hand"](np.array(w), np.array(v)),
                                   np.array(J(*w), float) @ v, rtol=1e-12, atol=1e-12)


def _oracle_vjp_by_hand(ns):
    J = _ad_jacobian([x1**2 * x2, x1 + sp.sin(x2)])
    for w, u in AD_CASES:
        np.testing.assert_allclose(ns["vjp_by_hand"](np.array(w), np.array(u)),
                                   np.array(u) @ np.array(J(*w), float), rtol=1e-12, atol=1e-12)


def _oracle_softmax_jacobian(ns):
    for z0 in [(1.0, 2.0, 0.5), (0.0, 0.0, 0.0), (-1.0, 3.0, 0.2, 0.7)]:
        zs = sp.symbols(f"z1:{len(z0) + 1}", real=True)
        total = sum(sp.exp(z) for z in zs)
        s = sp.Matrix([sp.exp(z) / total for z in zs])
        exact = np.array(s.jacobian(zs).subs(dict(zip(zs, z0))).evalf(), dtype=float)
        np.testing.assert_allclose(ns["softmax_jacobian"](np.array(z0)), exact, rtol=1e-12, atol=1e-14)


def _oracle_third_derivative(ns):
    _agree(ns["exp_sin_third"], sp.diff(sp.exp(x) * sp.sin(x), x, 3), [x], GRID)


def _oracle_hvp_by_hand(ns):
    H = sp.lambdify([x1, x2], sp.hessian(x1**2 * x2 + x2**3, (x1, x2)), "numpy")
    for w, v in AD_CASES:
        np.testing.assert_allclose(ns["hvp_by_hand"](np.array(w), np.array(v)),
                                   np.array(H(*w), float) @ v, rtol=1e-12, atol=1e-12)


# 09-second-order: a Taylor polynomial, a Newton step, Newton on a quadratic, 2 / λ_max, eigenvalues


def _oracle_second_order_taylor(ns):
    _agree(ns["taylor2_softplus"], sp.series(sp.log(1 + sp.exp(x)), x, 0, 3).removeO(), [x], GRID)


def _oracle_newton_update(ns):
    g = sp.exp(x) - 2 * x
    _agree(ns["newton_update"], x - sp.diff(g, x) / sp.diff(g, x, 2), [x], GRID)


def _oracle_newton_landing(ns):
    X, A, b = sp.Matrix([x1, x2]), sp.Matrix([[3, 1], [1, 2]]), sp.Matrix([1, 1])
    g = (X.T * A * X)[0] / 2 - b.dot(X)
    critical = sp.solve([sp.diff(g, v) for v in X], [x1, x2])  # the one zero of the gradient
    np.testing.assert_allclose(ns["newton_landing"], [float(critical[x1]), float(critical[x2])], rtol=1e-12)


def _oracle_largest_stable_lr(ns):
    largest = max(sp.hessian(2 * x1**2 + x1 * x2 + x2**2, (x1, x2)).eigenvals())
    assert np.isclose(ns["largest_stable_lr"], float(2 / largest), rtol=1e-12)


def _oracle_cubic_critical_points(ns):
    g = x1**3 - 3 * x1 + x2**2
    hessian, gradient = sp.hessian(g, (x1, x2)), sp.Matrix([sp.diff(g, v) for v in (x1, x2)])
    kinds = {}
    for point in sp.solve(list(gradient), [x1, x2], dict=True):
        signs = frozenset(sp.sign(e) for e in hessian.subs(point).eigenvals())
        kinds[int(point[x1]), int(point[x2])] = {frozenset({1}): "minimum", frozenset({-1}): "maximum"}.get(
            signs, "saddle")
    assert ns["cubic_kinds"] == kinds
    w = sp.Matrix([sp.Rational(-4, 5), sp.Rational(1, 2)])  # Newton's steps, in exact rationals
    for _ in range(8):
        at = dict(zip((x1, x2), w))
        w = w - hessian.subs(at).LUsolve(gradient.subs(at))
    np.testing.assert_allclose(np.asarray(ns["newton_lands_at"], float), np.array(w, float).ravel(), atol=1e-12)


ORACLES = {name[len("_oracle_"):].replace("_", "-"): f
           for name, f in globals().items() if name.startswith("_oracle_")}


def test_every_exercise_has_a_sympy_oracle():
    keys = {key for path in NOTEBOOKS for key in _cells(_read(path), "answer")}
    assert keys == set(ORACLES)


@pytest.mark.parametrize("key", sorted(ORACLES))
def test_the_published_solution_agrees_with_sympy(solved, key):
    ORACLES[key](solved)


# ------------------------------------------------------------- the site --


def _notebook_pages(site: Path) -> dict[Path, Path]:
    return {path: site / "exercises" / path.stem / "index.html" for path in NOTEBOOKS}


@pytest.mark.site
def test_each_notebook_has_a_page_and_a_relative_download_of_the_published_notebook(built_site):
    for source, page in _notebook_pages(built_site).items():
        html = page.read_text(encoding="utf-8")
        assert f'href="{source.name}" download="{source.name}"' in html, page
        assert (page.parent / source.name).read_bytes() == source.read_bytes()


@pytest.mark.site
def test_notebook_pages_load_no_mathjax_requirejs_or_anything_from_a_cdn(built_site):
    for page in _notebook_pages(built_site).values():
        html = page.read_text(encoding="utf-8")
        lowered = html.lower()
        for word in ("mathjax", "require.js", "requirejs", "mermaid", "cdnjs", "jsdelivr", "unpkg"):
            assert word not in lowered, (page, word)
        for src in re.findall(r'<script[^>]*\ssrc="([^"]*)"', html):
            assert src and not urlparse(src).netloc and not src.startswith("/"), (page, src)


@pytest.mark.site
def test_notebook_pages_leave_out_the_inlined_jupyterlab_stylesheet(built_site):
    for page in _notebook_pages(built_site).values():
        html = page.read_text(encoding="utf-8")
        assert "<style" not in html and "--jp-" not in html, page
        # ~700 KB with the stylesheet; typeset math (about 1.4 KB a formula) is counted in what is left
        assert page.stat().st_size < 450_000, (page, page.stat().st_size)


@pytest.mark.site
def test_on_the_site_every_solution_is_folded_and_every_check_unanswered(built_site):
    for source, page in _notebook_pages(built_site).items():
        html = page.read_text(encoding="utf-8")
        count = len(_cells(_read(source), "solution"))
        assert len(re.findall(r'<details class="\w+">\s*<summary>Solution</summary>', html)) == count
        assert "<details open" not in html and not re.search(r"<details[^>]*\sopen", html)
        outputs = re.findall(r'data-mime-type="text/plain"[^>]*>\s*<pre>(.*?)</pre>', html, re.DOTALL)
        verdicts = [line for out in outputs for line in out.splitlines() if line.startswith("…")]
        assert len(verdicts) >= count and all(line.endswith(MISSING) for line in verdicts)
        assert not any(RIGHT in out or WRONG in out for out in outputs), page


@pytest.mark.site
def test_the_exercises_page_links_every_notebook_page(built_site):
    html = (built_site / "exercises" / "index.html").read_text(encoding="utf-8")
    for source in NOTEBOOKS:
        assert f'href="{source.stem}/"' in html, source.stem


@pytest.mark.browser
def test_notebook_math_is_typeset_with_mathml_and_no_script_offline_with_the_solutions_closed(browser, site_url):
    host = urlparse(site_url).netloc
    for source in NOTEBOOKS:
        page = browser.new_page()
        offsite, errors, scripts = [], [], []
        page.route("**/*", lambda route: route.continue_()
                   if urlparse(route.request.url).netloc == host
                   else (offsite.append(route.request.url), route.abort()))
        page.on("request", lambda request: request.resource_type == "script" and scripts.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"{site_url}/exercises/{source.stem}/", wait_until="networkidle")
        state = page.evaluate("""() => {
          const cells = [...document.querySelectorAll('.jupyter-wrapper .jp-MarkdownCell')];
          const raw = cells.map(cell => {
            const copy = cell.cloneNode(true);
            copy.querySelectorAll('.katex').forEach(k => k.remove());
            return copy.textContent;
          }).join(' ');
          return {
            typeset: document.querySelectorAll('.jupyter-wrapper .katex').length,
            mathml: document.querySelectorAll('.jupyter-wrapper .katex .katex-mathml math').length,
            failed: document.querySelectorAll('.katex-error').length,
            raw: (raw.match(/\\$|\\\\[a-zA-Z]+/g) || []),
            closed: [...document.querySelectorAll('.jupyter-wrapper details')]
              .map(d => !d.open && !d.querySelector('pre').checkVisibility()),
          };
        }""")
        page.close()
        assert not offsite and not errors, (source.stem, offsite, errors)
        assert state["typeset"] > 20 and not state["failed"] and not state["raw"], state
        assert state["mathml"] == state["typeset"], state  # typeset at build time, MathML beside
        assert not [url for url in scripts if "katex" in url.lower()], scripts  # no math script needed
        assert state["closed"] and all(state["closed"]), (source.stem, state["closed"])

