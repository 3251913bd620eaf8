"""Accuracy and cost of calcnotes.derivative, next to SciPy and numdifftools.

Run: python bench/derivatives.py

1. Accuracy: the largest relative error |d - d*| / max(1, |d*|) over 1000
   points per function, against SymPy's exact derivative.
2. Cost: time to differentiate at 10^6 points divided by the time of one
   evaluation of f at the same points (median of several repeats, all
   measured side by side, round-robin, in this one run).
3. Cost of calcnotes.grad (reverse-mode autodiff) on 10^4 inputs, as a
   multiple of one evaluation of f.

scipy and numdifftools are benchmark-only dependencies, imported here only.
"""

from __future__ import annotations

import statistics
import time
import warnings

import numdifftools
import numpy as np
import scipy
import sympy as sp
from scipy.differentiate import derivative as scipy_derivative

import calcnotes
from calcnotes import derivative, grad

x = sp.Symbol("x", real=True)
EPS = np.finfo(float).eps

# name: (SymPy expression, interval of the test points)
FUNCTIONS = {
    "sin(w)": (sp.sin(x), (-3, 3)),
    "sin(4w) + 0.1w²": (sp.sin(4 * x) + x**2 / 10, (-3, 3)),
    "tanh(w)²": (sp.tanh(x) ** 2, (-3, 3)),
    "cos(40w)^100/(w²+1)": (sp.cos(40 * x) ** 100 / (x**2 + 1), (-3, 3)),
    "3w² - 4w": (3 * x**2 - 4 * x, (-3, 3)),
    "w^w": (x**x, (0.5, 3)),
    "exp(w)": (sp.exp(x), (-3, 3)),
    "log(w)": (sp.log(x), (0.5, 5)),
    "sigmoid(w)": (1 / (1 + sp.exp(-x)), (-6, 6)),
    "(w²+1)/(w²+3)": ((x**2 + 1) / (x**2 + 3), (-4, 4)),
}
COST_FUNCTIONS = ["sin(w)", "sin(4w) + 0.1w²", "tanh(w)²", "cos(40w)^100/(w²+1)"]
METHODS = ["forward", "central", "five-point", "richardson", "complex"]
CALLS_OF_F = {"forward": 2, "central": 2, "five-point": 4, "richardson": 6, "complex": 1}

N_COST = 10**6
N_COST_NUMDIFFTOOLS = 10**5  # numdifftools is far slower per point; fewer points
REPEATS = 5


def numpy_function(expression):
    return sp.lambdify(x, expression, "numpy")


# Competitors, configured two ways: as they come (adaptive, high order), and
# as a plain central difference with calcnotes' step, to compare like with like.
def scipy_adaptive(f, points):
    return scipy_derivative(f, points).df


def scipy_central(f, points):
    step = EPS ** (1 / 3) * np.maximum(1.0, np.abs(points))
    return scipy_derivative(f, points, order=2, maxiter=1, initial_step=step).df


def numdifftools_adaptive(f, points):
    return numdifftools.Derivative(f)(points)


def numdifftools_central(f, points):
    step = numdifftools.MaxStepGenerator(base_step=EPS ** (1 / 3), num_steps=1, use_exact_steps=True)
    return numdifftools.Derivative(f, method="central", order=2, step=step)(points)


COMPETITORS = {
    "scipy (adaptive, order 8)": scipy_adaptive,
    "scipy (central, 1 step)": scipy_central,
    "numdifftools (adaptive)": numdifftools_adaptive,
    "numdifftools (central, 1 step)": numdifftools_central,
}


def relative_error(got, expected):
    return float(np.max(np.abs(got - expected) / np.maximum(1.0, np.abs(expected))))


def accuracy_table():
    columns = METHODS + ["backward"] + list(COMPETITORS)
    rows = []
    for name, (expression, interval) in FUNCTIONS.items():
        f = numpy_function(expression)
        points = np.linspace(*interval, 1000)
        exact = np.broadcast_to(sp.lambdify(x, sp.diff(expression, x), "numpy")(points), points.shape)
        row = [name]
        for method in METHODS + ["backward"]:
            row.append(relative_error(derivative(f, points, method=method), exact))
        for compute in COMPETITORS.values():
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                row.append(relative_error(compute(f, points), exact))
        rows.append(row)
    print("1. Max relative error |d - d*| / max(1, |d*|) over 1000 points, against SymPy")
    print()
    header = ["function"] + columns
    widths = [max(22, len(header[0]))] + [max(9, len(c)) for c in columns]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for row in rows:
        cells = [row[0]] + [f"{v:.1e}" for v in row[1:]]
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths)))
    print()
    print("   nan: the stencil stepped outside f's domain (scipy's adaptive stencil starts at step 0.5).")
    print("   targets for smooth, well-scaled functions: central <= 1e-8, five-point <= 1e-10,")
    print("   richardson <= 1e-11, complex <= 1e-13. cos(40w)^100/(w²+1) is a train of spikes")
    print("   of width ~1/400, far from well scaled; the complex step also fails there because")
    print("   NumPy computes z**100 through logarithms (see calcnotes.derivative's docstring).")
    print()


def median_times(candidates: dict, repeats: int) -> dict:
    """Median wall time of each candidate, timed round-robin so drift hits all alike."""
    times = {name: [] for name in candidates}
    for name, run in candidates.items():  # warm up
        run()
    for _ in range(repeats):
        for name, run in candidates.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def cost_table():
    print(f"2. Cost at {N_COST:,} points, as a multiple of one evaluation of f "
          f"(median of {REPEATS}, side by side)")
    print()
    names = ["f twice, results kept (floor for central)"] + [f"calcnotes {m}" for m in METHODS]
    names += list(COMPETITORS)
    width = max(len(n) for n in names) + 2
    print("".ljust(width) + "".join(name[:20].ljust(22) for name in COST_FUNCTIONS))
    results = {}
    for name in COST_FUNCTIONS:
        f = numpy_function(FUNCTIONS[name][0])
        points = np.linspace(-3, 3, N_COST)
        fewer = np.linspace(-3, 3, N_COST_NUMDIFFTOOLS)
        candidates = {
            "f": lambda: f(points),
            "f twice": lambda: (f(points), f(points)),
            **{m: (lambda m=m: derivative(f, points, method=m)) for m in METHODS},
            "scipy (adaptive, order 8)": lambda: scipy_adaptive(f, points),
            "scipy (central, 1 step)": lambda: scipy_central(f, points),
        }
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            times = median_times(candidates, REPEATS)
            fewer_times = median_times(
                {
                    "f": lambda: f(fewer),
                    "numdifftools (adaptive)": lambda: numdifftools_adaptive(f, fewer),
                    "numdifftools (central, 1 step)": lambda: numdifftools_central(f, fewer),
                },
                max(3, REPEATS // 2),
            )
        ratios = {"f twice, results kept (floor for central)": times["f twice"] / times["f"]}
        ratios.update({f"calcnotes {m}": times[m] / times["f"] for m in METHODS})
        ratios.update({k: times[k] / times["f"] for k in ("scipy (adaptive, order 8)", "scipy (central, 1 step)")})
        ratios.update({k: v / fewer_times["f"] for k, v in fewer_times.items() if k != "f"})
        results[name] = (ratios, times["f"])
    for row in names:
        print(row.ljust(width) + "".join(f"{results[name][0][row]:.2f}".ljust(22) for name in COST_FUNCTIONS))
    print("one evaluation of f".ljust(width)
          + "".join(f"{results[name][1] * 1e3:.1f} ms".ljust(22) for name in COST_FUNCTIONS))
    print()
    print(f"   calcnotes calls f {CALLS_OF_F} times per call (whole arrays).")
    print(f"   numdifftools rows: measured at {N_COST_NUMDIFFTOOLS:,} points (it is much slower per")
    print("   point), as a multiple of one evaluation of f at those same points.")
    print("   Targets: central <= 2.2, five-point <= 4.5, complex <= 2.5. The 'f twice' row is the")
    print("   floor for central on this machine: keeping two results alive costs fresh memory")
    print("   (page faults) that a single call of f reuses.")
    print()


def autodiff_table():
    n = 10_000
    rng = np.random.default_rng(0)
    w = rng.normal(size=n)
    W = rng.normal(size=(2, n // 2))
    A = rng.normal(size=(100, n)) / 100
    cases = {
        "sum(tanh(w)²) + mean(w²)/2": (lambda w: np.sum(np.tanh(w) ** 2) + 0.5 * np.mean(w**2), w),
        "sum(sin(w) exp(-w²))": (lambda w: np.sum(np.sin(w) * np.exp(-(w**2))), w),
        "sum(sin(w[0])) + sum(w[1]²)": (lambda w: np.sum(np.sin(w[0])) + np.sum(w[1] ** 2), W),
        "mean((A @ w - 1)²)": (lambda w: np.mean((A @ w - 1) ** 2), w),
    }
    print(f"3. calcnotes.grad on {n:,} inputs, as a multiple of one evaluation of f (target <= 10)")
    print()
    for label, (f, point) in cases.items():
        df = grad(f)
        times = median_times({"f": lambda: f(point), "grad": lambda: df(point)}, 21)
        print(f"   {label.ljust(32)} {times['grad'] / times['f']:.1f}")
    print()


def main():
    print(f"calcnotes {calcnotes.__version__}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"numdifftools {numdifftools.__version__}")
    print()
    accuracy_table()
    cost_table()
    autodiff_table()


if __name__ == "__main__":
    main()
