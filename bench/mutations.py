"""Plant one-line bugs in the numerical modules, one at a time, and check that a test catches each.

Run: python bench/mutations.py [substring of a mutation's name ...]

Each mutation changes one line of src/calcnotes/{_checks,differentiation,
multivariate,optimize}.py (found by a piece of its text that must occur once)
in a temporary copy of the tree; the real files are never touched. The
tests of the numerical modules then run against the copy (this interpreter,
PYTHONPATH pointing at the copy's src; the copy's calcnotes is checked to be
the one imported), stopping at the first failure. A mutation that changes a
result and passes every test is a hole in the tests.

Prints a table mutation -> caught / MISSED, and exits with status 1 if any
was missed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = {
    "differentiation": ["tests/test_differentiation.py"],
    "multivariate": ["tests/test_multivariate.py"],
    "optimize": ["tests/test_optimize.py"],
    "edges": ["tests/test_bad_input.py", "tests/test_numerics_edge_cases.py"],
}
ALL_TESTS = [path for paths in TESTS.values() for path in paths]

# name: (module, the line as it is, the line with the bug, the test files to run)
MUTATIONS = {
    "central difference: f_right and f_left swapped (sign flip)": (
        "differentiation",
        "_quotient(f_right, f_left, width, reuse=reuse)",
        "_quotient(f_left, f_right, width, reuse=reuse)",
        TESTS["differentiation"],
    ),
    "central step eps^(1/3) -> eps^(1/2)": (
        "differentiation",
        '        "central": eps ** (1 / 3),  # order 2',
        '        "central": eps ** (1 / 2),  # order 2',
        TESTS["differentiation"],
    ),
    "five-point: 4 D(h) - D(2h) with 3 for 4": (
        "differentiation", "    inner *= 4", "    inner *= 3", TESTS["differentiation"],
    ),
    "forward difference over the nominal h, not the step taken": (
        "differentiation", "    width = np.subtract(right, x)", "    width = step", TESTS["differentiation"],
    ),
    "one scalar step up to |w| <= 2 (instead of 1)": (
        "differentiation", "    if largest <= 1.0:", "    if largest <= 2.0:", TESTS["differentiation"],
    ),
    "f's output overwritten although f still holds it": (
        "differentiation", "_LOCAL_REFS = _calibrate()", "_LOCAL_REFS = _calibrate() + 9", TESTS["differentiation"],
    ),
    "forward: f evaluated on the caller's array (per-call copy dropped)": (
        "differentiation",
        "f_here = _evaluate(f, own_copy(x), x.shape)  # f's own copy",
        "f_here = _evaluate(f, x, x.shape)  # f's own copy",
        TESTS["differentiation"],
    ),
    "scratch arrays reused although someone holds them": (
        "differentiation", "_KEPT_REFS = _calibrate_kept()", "_KEPT_REFS = _calibrate_kept() + 9",
        TESTS["differentiation"],
    ),
    "steps for float64 even when f computes in float32": (
        "differentiation",
        "            slopes = stencil(f, x, _step(magnitude, largest, relative_steps(calls.eps)[method]))",
        "            slopes = stencil(f, x, _step(magnitude, largest, relative_steps(_EPS)[method]))",
        TESTS["differentiation"],
    ),
    "complex step: NaN of f no longer propagated": (
        "differentiation",
        "        slopes[undefined] = np.nan",
        "        pass",
        TESTS["differentiation"],
    ),
    "one-sided slope over the nominal h": (
        "differentiation",
        "        left = (middle - f_below) / taken_left",
        "        left = (middle - f_below) / step",
        TESTS["differentiation"],
    ),
    "secant: overflowing run no longer halved": (
        "differentiation", "        if np.any(overflowed):", "        if False:", TESTS["differentiation"],
    ),
    "is_differentiable: steps grow with |w0| again": (
        "differentiation",
        "    scale = max(1.0, _FINEST_IN_SPACINGS * float(np.spacing(abs(x0))) / _SHRINKING_STEPS[-1])",
        "    scale = max(1.0, abs(x0))",
        TESTS["differentiation"],
    ),
    "is_differentiable: no allowance for f's round-off": (
        "differentiation",
        "    noise = [2 * calls.eps * size / (step * scale) for size, step in zip((f_c, f_m, f_f), _SHRINKING_STEPS)]",
        "    noise = [0.0, 0.0, 0.0]",
        TESTS["differentiation"],
    ),
    "gradient over the nominal 2h": (
        "multivariate",
        "            slopes[k] = rise / (plus - minus)",
        "            slopes[k] = rise / (2 * steps[index])",
        TESTS["multivariate"],
    ),
    "gradient: the minus point left at w (a forward difference)": (
        "multivariate",
        "            plus, minus = centre[index] + steps[index], centre[index] - steps[index]",
        "            plus, minus = centre[index] + steps[index], centre[index]",
        TESTS["multivariate"],
    ),
    "Hessian: mixed difference with a wrong sign": (
        "multivariate",
        "                mixed = (f_pp - f_pm - f_mp + f_mm) / ((plus[k] - minus[k]) * (plus[l] - minus[l]))",
        "                mixed = (f_pp - f_pm + f_mp + f_mm) / ((plus[k] - minus[k]) * (plus[l] - minus[l]))",
        TESTS["multivariate"],
    ),
    "Hessian: second difference missing its factor 2": (
        "multivariate",
        "        matrix[np.diag_indices(n)] = 2 * ((f_plus - value) / right - (value - f_minus) / left) / (right + left)",
        "        matrix[np.diag_indices(n)] = ((f_plus - value) / right - (value - f_minus) / left) / (right + left)",
        TESTS["multivariate"],
    ),
    "per-call copy dropped: f gets the caller's w": (
        "_checks",
        "    return point[()] if point.ndim == 0 else point.copy()",
        "    return point[()] if point.ndim == 0 else point",
        TESTS["differentiation"] + TESTS["multivariate"] + TESTS["optimize"],
    ),
    "classify: tolerance absolute (zero = tol)": (
        "optimize",
        "    zero = max(_SAFETY * hessian_error, tol * np.max(np.abs(eigenvalues)))",
        "    zero = tol",
        TESTS["optimize"],
    ),
    "classify: tolerance relative to |f(w)| (the old rule)": (
        "optimize",
        "    zero = max(_SAFETY * hessian_error, tol * np.max(np.abs(eigenvalues)))",
        "    zero = tol * max(1.0, abs(centre[0]))",
        TESTS["optimize"],
    ),
    "classify: no round-off allowance in the Hessian's error": (
        "optimize", "    hessian_noise = n * entry_noise", "    hessian_noise = 0.0", TESTS["optimize"],
    ),
    "classify: error bound not scaled by the safety factor": (
        "optimize", "_SAFETY = 4.0", "_SAFETY = 1.0", TESTS["optimize"],
    ),
    "classify: kink test off": (
        "optimize",
        "    if np.any((diagonal > _SAFETY * entry_noise) & (diagonal >= 1.5 * coarse_diagonal)):",
        "    if False:",
        TESTS["optimize"],
    ),
    "classify: steps scale with |w| (moving away from 0 matters)": (
        "optimize",
        "    steps = np.maximum(eps ** (1 / 4), _FINEST_IN_SPACINGS * np.spacing(np.abs(point.ravel())))",
        "    steps = eps ** (1 / 4) * np.maximum(1.0, np.abs(point.ravel()))",
        TESTS["optimize"],
    ),
    "classify: any gradient passes as critical": (
        "optimize", "_NEAR = 1e-4", "_NEAR = 1e4", TESTS["optimize"],
    ),
    "descent: a step uphill": (
        "optimize", "            w = w - lr * direction", "            w = w + lr * direction", TESTS["optimize"],
    ),
    "finiteness by a sum that overflows": (
        "_checks", "    if not np.isfinite(array).all():", "    if not np.isfinite(array.sum()):", TESTS["edges"],
    ),
    "Fractions refused": (
        "_checks",
        "        if not all(is_real_number(item) or (bools and isinstance(item, (bool, np.bool_))) for item in array.flat):",
        "        if not all(isinstance(item, (int, float)) for item in array.flat):",
        TESTS["edges"],
    ),
    "bools inside a list accepted": (
        "_checks",
        "    if not bools and isinstance(w, (list, tuple)) and _holds_a_bool(w):  # [True, 1.0] is a float array",
        "    if False:",
        TESTS["edges"],
    ),
}


def copy_tree(destination: Path) -> None:
    """The package, its tests and the pytest configuration, as they are in the worktree."""
    shutil.copytree(ROOT / "src" / "calcnotes", destination / "src" / "calcnotes",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", destination / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", destination / "pyproject.toml")


def plant(tree: Path, module: str, original: str, mutated: str) -> Path:
    path = tree / "src" / "calcnotes" / f"{module}.py"
    text = path.read_text()
    lines = text.split("\n")
    matches = [i for i, line in enumerate(lines) if original in line]
    if len(matches) != 1 or text.count(original) != 1:
        raise SystemExit(f"mutation target must occur exactly once in {module}.py, found {len(matches)}: {original!r}")
    lines[matches[0]] = lines[matches[0]].replace(original, mutated)
    path.write_text("\n".join(lines))
    return path


def environment(tree: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["PYTHONPATH"] = str(tree / "src")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def imported_from(tree: Path) -> str:
    command = [sys.executable, "-c", "import calcnotes; print(calcnotes.__file__)"]
    return subprocess.run(command, env=environment(tree), capture_output=True, text=True, check=True).stdout.strip()


def tests_pass(tree: Path, module_path: Path, tests: list[str]) -> tuple[bool, str]:
    """Run the tests (and the mutated module's doctests) on the copy; stop at the first failure."""
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
               *tests, str(module_path.relative_to(tree))]
    result = subprocess.run(command, cwd=tree, env=environment(tree), capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
    return result.returncode == 0, (lines[0].split("::", 1)[-1] if lines else result.stdout.strip()[-200:])


def main() -> int:
    wanted = sys.argv[1:]
    chosen = {name: m for name, m in MUTATIONS.items() if not wanted or any(w in name for w in wanted)}
    rows, start = [], time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="calcnotes-mutants-") as scratch:
        baseline = Path(scratch) / "baseline"
        copy_tree(baseline)
        source = imported_from(baseline)
        if not source.startswith(str(baseline)):
            raise SystemExit(f"the copy's calcnotes is not the one imported: {source}")
        ok, detail = tests_pass(baseline, baseline / "src/calcnotes/_checks.py", ALL_TESTS)
        if not ok:
            raise SystemExit(f"the tests fail without any mutation: {detail}")
        for i, (name, (module, original, mutated, tests)) in enumerate(chosen.items()):
            tree = Path(scratch) / f"mutant-{i}"
            copy_tree(tree)
            path = plant(tree, module, original, mutated)
            assert imported_from(tree).startswith(str(tree))
            passed, detail = tests_pass(tree, path, tests)
            rows.append((name, not passed, detail))
            print(f"  {'caught' if not passed else 'MISSED'}  {name}", file=sys.stderr, flush=True)
            shutil.rmtree(tree)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'mutation'.ljust(width)}  result  first failing test")
    for name, caught, detail in rows:
        print(f"{name.ljust(width)}  {'caught' if caught else 'MISSED'}  {detail if caught else ''}")
    missed = sum(not caught for _, caught, _ in rows)
    print(f"\n{len(rows) - missed} of {len(rows)} caught, in {time.perf_counter() - start:.0f} s")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
