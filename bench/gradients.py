"""Cost and accuracy of gradients: calcnotes.grad, calcnotes.gradient and autograd; forward vs reverse mode.

Run: python bench/gradients.py

For n = 10, 100, 1 000 and 10 000 inputs, on two losses written once with
NumPy (as a reader would write them, batch-friendly: reductions over axis 0):

- Rosenbrock: sum(100 (w[i+1] - w[i]²)² + (1 - w[i])²);
- logistic regression: mean(log(1 + exp(-Z w))) over 200 samples, where the
  rows of Z are the samples' features times their ±1 labels.

Cost: median wall time of one gradient divided by the median time of one
evaluation of f at the same point, every candidate timed side by side,
round-robin, in this one run (a call that takes microseconds is timed over
a loop of calls). Error: max |g - g_ref| / max |g_ref| against autograd's
gradient (the reference); autograd itself is checked against the closed-form
gradient. Targets for calcnotes.grad: cost <= 10 at n = 10 000, error <= 1e-12.

NumPy's BLAS runs on one thread here (unless OPENBLAS_NUM_THREADS, ... are
set): on a loaded machine a multi-threaded matrix product can stall for
milliseconds, which distorts every ratio. calcnotes.gradient is not run at
n = 10 000: past 2**22 stacked numbers (n > ~1 400) it calls f once per
point: 20 001 calls of f, some 20 000 times the cost of f.

autograd (a benchmark-only dependency) needs f written with autograd.numpy;
calcnotes.grad and calcnotes.gradient take the NumPy version as it is.

Table 3 measures what chapter 8 shows: a full gradient by forward mode takes n
passes of calcnotes.autodiff.jvp, one per coordinate direction, where reverse
mode (grad) takes one. Up to n = FORWARD_UP_TO all n passes are run and
timed; above it one pass is timed and multiplied by n (every pass does the
same work on a different unit vector), marked "(est.)" in the table.
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # before NumPy loads its BLAS

import statistics  # noqa: E402
import time  # noqa: E402
from importlib import metadata  # noqa: E402

import autograd
import autograd.numpy as anp
import numpy as np

import calcnotes
from calcnotes import grad, gradient
from calcnotes.autodiff import jvp

SIZES = [10, 100, 1_000, 10_000]
SAMPLES = 200
REPEATS = 7
MIN_TIME = 0.02  # seconds per timed measurement; fast calls are looped to reach it
# calcnotes.gradient is far too slow beyond this n (see the module notes).
CENTRAL_UP_TO = 1_000
# Above this n, a full forward-mode gradient (n jvp passes, seconds) is estimated from one pass.
FORWARD_UP_TO = 1_000


def rosenbrock(w, np=np):
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2, axis=0)


def rosenbrock_gradient(w):
    g = np.zeros_like(w)
    inner = w[1:] - w[:-1] ** 2
    g[:-1] = -400 * w[:-1] * inner - 2 * (1 - w[:-1])
    g[1:] += 200 * inner
    return g


def logistic(Z):
    def loss(w, np=np):
        return np.mean(np.log1p(np.exp(-np.dot(Z, w))), axis=0)

    def loss_gradient(w):
        t = Z @ w
        return -(Z.T @ (1 / (1 + np.exp(t)))) / len(Z)

    return loss, loss_gradient


def problems(n: int, rng) -> dict:
    """name -> (f, f in autograd.numpy, closed-form gradient, point)."""
    Z = rng.choice([-1.0, 1.0], size=SAMPLES)[:, None] * rng.normal(size=(SAMPLES, n)) / np.sqrt(n)
    loss, loss_gradient = logistic(Z)
    return {
        "Rosenbrock": (rosenbrock, lambda w: rosenbrock(w, np=anp), rosenbrock_gradient,
                       rng.uniform(-1.5, 1.5, size=n)),
        "logistic loss": (loss, lambda w: loss(w, np=anp), loss_gradient, rng.normal(size=n)),
    }


def relative_error(g, reference) -> float:
    return float(np.max(np.abs(g - reference)) / np.max(np.abs(reference)))


def loops_for(run) -> int:
    """How many calls make one measurement last about MIN_TIME."""
    start = time.perf_counter()
    run()
    once = time.perf_counter() - start
    return max(1, int(MIN_TIME / max(once, 1e-9)))


def median_times(candidates: dict, repeats: int) -> dict:
    """Median seconds per call of each candidate, timed round-robin so drift hits all alike."""
    loops = {name: loops_for(run) for name, run in candidates.items()}  # also warms up
    times = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, run in candidates.items():
            start = time.perf_counter()
            for _ in range(loops[name]):
                run()
            times[name].append((time.perf_counter() - start) / loops[name])
    return {name: statistics.median(values) for name, values in times.items()}


def measure(f, f_autograd, exact, w) -> dict:
    """Cost ratios and errors of the three gradients of f at w."""
    df, df_autograd = grad(f), autograd.grad(f_autograd)
    candidates = {
        "f": lambda: f(w),
        "calcnotes.grad": lambda: df(w),
        "autograd": lambda: df_autograd(w),
    }
    central = w.size <= CENTRAL_UP_TO
    if central:
        candidates["calcnotes.gradient"] = lambda: gradient(f, w)
    times = median_times(candidates, REPEATS)
    reference = df_autograd(w)
    errors = {
        "calcnotes.grad": relative_error(df(w), reference),
        "calcnotes.gradient": relative_error(gradient(f, w), reference) if central else None,
        "autograd vs closed form": relative_error(reference, exact(w)),
    }
    return {
        "cost": {name: t / times["f"] for name, t in times.items() if name != "f"},
        "error": errors,
        "f": times["f"],
    }


def unit_vector(n: int, j: int) -> np.ndarray:
    e = np.zeros(n)
    e[j] = 1.0
    return e


def forward_gradient(f, w):
    """The gradient by forward mode: one jvp along each coordinate direction."""
    return np.array([jvp(f, w, unit_vector(w.size, j))[1] for j in range(w.size)])


def forward_versus_reverse(f, w) -> dict:
    """Cost, as a multiple of one f, of one grad, one jvp and a full gradient by n jvps."""
    df, first = grad(f), unit_vector(w.size, 0)
    candidates = {"f": lambda: f(w), "reverse": lambda: df(w), "one jvp": lambda: jvp(f, w, first)}
    measured = w.size <= FORWARD_UP_TO
    if measured:
        candidates["forward"] = lambda: forward_gradient(f, w)
    times = median_times(candidates, REPEATS)
    forward = times["forward"] if measured else w.size * times["one jvp"]
    return {
        "f": times["f"],
        "reverse": times["reverse"] / times["f"],
        "one jvp": times["one jvp"] / times["f"],
        "forward": forward / times["f"],
        "measured": measured,
        "error": relative_error(forward_gradient(f, w), df(w)) if measured else None,
    }


def main() -> None:
    print(f"calcnotes {calcnotes.__version__}, numpy {np.__version__}, autograd {metadata.version('autograd')}")
    print()
    rng = np.random.default_rng(0)
    results = {}
    for n in SIZES:
        for name, (f, f_autograd, exact, w) in problems(n, rng).items():
            results[name, n] = measure(f, f_autograd, exact, w)

    print(f"1. Cost of one gradient, as a multiple of one evaluation of f (median of {REPEATS}, side by side)")
    print()
    header = f"{'function':<15}{'n':>7}  {'one f':>9}  {'calcnotes.grad':>15}  {'autograd':>9}  {'calcnotes.gradient':>19}"
    print(header)
    for (name, n), r in results.items():
        cost = r["cost"]
        central = f"{cost['calcnotes.gradient']:.0f}" if "calcnotes.gradient" in cost else "not run"
        print(f"{name:<15}{n:>7,}  {r['f'] * 1e6:>7.1f}µs  {cost['calcnotes.grad']:>15.1f}  "
              f"{cost['autograd']:>9.1f}  {central:>19}")
    print()
    print("   calcnotes.gradient (central differences) evaluates f at 2n + 1 points, stacked into one call")
    print("   up to 2**22 numbers (n <= ~1 400), then one call per point: at n = 10,000 that is 20,001 calls,")
    print("   some 20,000 x f, so it is not run there. It is for checking gradients, not for training.")
    print("   BLAS on one thread; one f is the median time of one evaluation.")
    print()
    print("2. Max relative error max|g - g_ref| / max|g_ref| against autograd (target for calcnotes.grad: 1e-12)")
    print()
    print(f"{'function':<15}{'n':>7}  {'calcnotes.grad':>15}  {'calcnotes.gradient':>19}  {'autograd vs closed form':>24}")
    for (name, n), r in results.items():
        e = r["error"]
        central = "not run" if e["calcnotes.gradient"] is None else f"{e['calcnotes.gradient']:.1e}"
        print(f"{name:<15}{n:>7,}  {e['calcnotes.grad']:>15.1e}  {central:>19}  "
              f"{e['autograd vs closed form']:>24.1e}")
    print()
    worst = max(r["cost"]["calcnotes.grad"] for (_, n), r in results.items() if n == SIZES[-1])
    error = max(r["error"]["calcnotes.grad"] for r in results.values())
    print(f"   calcnotes.grad at n = {SIZES[-1]:,}: cost <= {worst:.1f} x f "
          f"({'meets' if worst <= 10 else 'MISSES'} the target of 10), "
          f"error <= {error:.1e} ({'meets' if error <= 1e-12 else 'MISSES'} 1e-12).")
    print()
    print("3. A full gradient by forward mode (n jvp passes) and by reverse mode (one grad), as multiples of one f")
    print()
    print(f"{'function':<15}{'n':>7}  {'reverse: grad':>14}  {'one jvp':>8}  {'forward: n jvps':>16}  "
          f"{'forward / reverse':>18}  {'max rel. difference':>20}")
    rng = np.random.default_rng(1)
    for n in SIZES:
        for name, (f, _, _, w) in problems(n, rng).items():
            r = forward_versus_reverse(f, w)
            forward = f"{r['forward']:,.0f}" + ("" if r["measured"] else " (est.)")
            difference = "not run" if r["error"] is None else f"{r['error']:.1e}"
            print(f"{name:<15}{n:>7,}  {r['reverse']:>14.1f}  {r['one jvp']:>8.1f}  {forward:>16}  "
                  f"{r['forward'] / r['reverse']:>18,.0f}  {difference:>20}")
    print()
    print("   Forward mode pays one pass per input: its cost grows with n, reverse mode's does not. Above")
    print(f"   n = {FORWARD_UP_TO:,} the n passes are estimated as n x one timed jvp (est.), not run. The last column")
    print("   compares the two gradients (both exact: only rounding differs).")


if __name__ == "__main__":
    main()
