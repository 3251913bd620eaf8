"""Accuracy and cost of calcnotes.derivative, next to SciPy and numdifftools.

Run: python bench/derivatives.py

1. Accuracy: the largest relative error |d - d*| / max(1, |d*|) over 1000
   points per function, against SymPy's exact derivative.
2. Cost: time to differentiate at 10^6 points divided by the time of one
   evaluation of f at the same points (median of several repeats, measured
   side by side, round-robin, in this one run). Beside calcnotes: the floor
   of each method (its calls of f and nothing else), the central and
   five-point formulas as written by hand, SciPy and numdifftools. Measured with the allocator
   settled (see settle_allocator), then, for calcnotes alone, again in a
   fresh process whose allocator is as Python starts it.
3. Cost of calcnotes.grad (reverse-mode autodiff) on 10^4 inputs, as a
   multiple of one evaluation of f.
4. What calcnotes' step per point and exact widths cost over the plain
   formulas: calcnotes central / plain central and calcnotes five-point /
   plain five-point (targets 1.10 and 1.15), the same arithmetic written by
   hand in the fewest passes (its floor), and the complex step / one
   evaluation of f, each pair timed in alternation (a b b a) in this run,
   the median over rounds of the per-round ratio of CPU times; once with
   the allocator settled, once in a fresh process.

Run `python bench/derivatives.py --ratios` for section 4 alone.

scipy and numdifftools are benchmark-only dependencies, imported here only.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
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


def textbook_central(f, points):
    """Central differences as often written by hand: one step for all points, divided by 2h."""
    h = EPS ** (1 / 3) * max(1.0, float(np.max(np.abs(points))))
    return (f(points + h) - f(points - h)) / (2 * h)


def textbook_five_point(f, points):
    """The five-point formula as often written by hand: one step for all points, divided by 12h."""
    h = EPS ** (1 / 5) / 2 * max(1.0, float(np.max(np.abs(points))))
    return (8 * (f(points + h) - f(points - h)) - (f(points + 2 * h) - f(points - 2 * h))) / (12 * h)


def fewest_passes_central(f, points):
    """calcnotes' central arithmetic (a step per point, divided by the exact width), in the fewest passes.

    No checks, no scratch arrays kept: the floor for what calcnotes computes,
    against which the plain formula's single step and 2h are measured.
    """
    step = np.abs(points)
    np.maximum(step, 1.0, out=step)
    step *= EPS ** (1 / 3)
    right = points + step
    left = np.subtract(points, step, out=step)
    width = right - left
    difference = f(right)
    difference -= f(left)
    difference /= width
    return difference


def fewest_passes_five_point(f, points):
    """The same for five points: (4 D(h) - D(2h)) / 3, each D over its exact width."""
    step = np.abs(points)
    np.maximum(step, 1.0, out=step)
    step *= EPS ** (1 / 5) / 2
    outer = fewest_passes_quotient(f, points, step + step)
    inner = fewest_passes_quotient(f, points, step)
    inner *= 4
    inner -= outer
    inner /= 3
    return inner


def fewest_passes_quotient(f, points, step):
    right = points + step
    left = np.subtract(points, step, out=step)
    width = right - left
    difference = f(right)
    difference -= f(left)
    difference /= width
    return difference


# Written by hand, for comparison: what calcnotes' per-point steps and exact
# widths (see calcnotes.derivative) cost over the plain formulas.
TEXTBOOK = {
    "textbook central (one h, /2h)": textbook_central,
    "textbook five-point (one h, /12h)": textbook_five_point,
}
SCIPY = {
    "scipy (adaptive, order 8)": scipy_adaptive,
    "scipy (central, 1 step)": scipy_central,
}
NUMDIFFTOOLS = {  # far slower per point: timed on fewer points
    "numdifftools (adaptive)": numdifftools_adaptive,
    "numdifftools (central, 1 step)": numdifftools_central,
}
COMPETITORS = TEXTBOOK | SCIPY | NUMDIFFTOOLS


# The calls of f that each method needs, and nothing else: what no
# implementation of that method can beat.
FLOORS = {
    "f twice, results kept (floor for central)": lambda f, points, _: (f(points), f(points)),
    "f 4 times, results kept (floor for five-point)": (
        lambda f, points, _: (f(points), f(points), f(points), f(points))
    ),
    "f at complex points (floor for complex)": lambda f, _, complex_points: f(complex_points),
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
    print("   The textbook columns share one step, sized for the largest |w|, and divide by 2h or")
    print("   12h: too large a step where |w| is small (log(w) on [0.5, 5]).")
    print()


def median_times(candidates: dict, repeats: int, *, round_robin: bool = True) -> dict:
    """Median wall time of each candidate.

    Round-robin (the default) spreads the machine's drift over all alike. With
    ``round_robin=False`` each candidate runs all its repeats in a row, so that
    it is timed in the state of the allocator that its own calls leave behind.
    """
    times = {name: [] for name in candidates}

    def timed(name, run):
        start = time.perf_counter()
        run()
        times[name].append(time.perf_counter() - start)

    if round_robin:
        for run in candidates.values():  # warm up
            run()
        for _ in range(repeats):
            for name, run in candidates.items():
                timed(name, run)
    else:
        for name, run in candidates.items():
            run()  # warm up
            for _ in range(repeats):
                timed(name, run)
    return {name: statistics.median(values) for name, values in times.items()}


def settle_allocator():
    """Let glibc keep freed memory, as it does in any session that has freed a big array.

    glibc returns freed memory at the top of its heap to the kernel once more
    than a threshold is free, and the kernel zeroes every page it hands out
    again: about 1 ms per 8 MB here, a cost of the allocator, not of the
    arithmetic. The threshold starts at 128 KB and rises (up to 32 MB) each
    time the program frees a block allocated directly from the kernel that is
    bigger than the current one. One evaluation of f frees what it allocated
    and gets the same memory back at the next call; a derivative that holds
    four arrays of 8 MB crosses the starting threshold and pays for fresh
    pages on every call. Freeing one 31 MB array once puts every candidate,
    f included, in the state a long-running session reaches anyway.
    """
    np.ones(31 * 2**20 // 8)  # allocated from the kernel and freed at once


def ratios_to_f(f, points, candidates: dict, repeats: int, *, round_robin: bool = True):
    """Each candidate's median time over that of ``f(points)``, timed together; and f's, in ms."""
    times = median_times({"f": lambda: f(points), **candidates}, repeats, round_robin=round_robin)
    return {name: times[name] / times["f"] for name in candidates}, times["f"] * 1e3


def cost_ratios(f, *, only_calcnotes: bool):
    """The rows of the cost table for one function, and one evaluation of f in ms.

    Candidates are timed in groups, each against its own evaluations of f:
    calcnotes with the floors and the textbook formulas, then scipy, then
    numdifftools on fewer points. The competitors allocate arrays many times
    the size of the input, and timed in one round with the others they would
    evict their memory.
    """
    points = np.linspace(-3, 3, N_COST)
    complex_points = points + 1e-20j
    ours = {floor: (lambda run=run: run(f, points, complex_points)) for floor, run in FLOORS.items()}
    ours |= {f"calcnotes {m}": (lambda m=m: derivative(f, points, method=m)) for m in METHODS}
    if only_calcnotes:
        return ratios_to_f(f, points, ours, REPEATS, round_robin=False)
    ours |= {name: (lambda run=run: run(f, points)) for name, run in TEXTBOOK.items()}
    ratios, f_ms = ratios_to_f(f, points, ours, REPEATS)
    ratios |= ratios_to_f(f, points, {name: (lambda run=run: run(f, points)) for name, run in SCIPY.items()},
                          REPEATS)[0]
    fewer = np.linspace(-3, 3, N_COST_NUMDIFFTOOLS)
    ratios |= ratios_to_f(f, fewer, {name: (lambda run=run: run(f, fewer)) for name, run in NUMDIFFTOOLS.items()},
                          max(3, REPEATS // 2))[0]
    return ratios, f_ms


def cost_table(*, only_calcnotes=False):
    if only_calcnotes:
        print(f"2b. The same for calcnotes in a fresh process, allocator as started, each "
              f"candidate's calls in a row (median of {REPEATS})")
    else:
        print(f"2. Cost at {N_COST:,} points, as a multiple of one evaluation of f "
              f"(median of {REPEATS}, side by side, allocator settled)")
    print()
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = {name: cost_ratios(numpy_function(FUNCTIONS[name][0]), only_calcnotes=only_calcnotes)
                   for name in COST_FUNCTIONS}
    rows = list(results[COST_FUNCTIONS[0]][0])
    width = max(len(row) for row in rows) + 2
    print("".ljust(width) + "".join(name[:20].ljust(22) for name in COST_FUNCTIONS))
    for row in rows:
        print(row.ljust(width) + "".join(f"{results[name][0][row]:.2f}".ljust(22) for name in COST_FUNCTIONS))
    print("one evaluation of f".ljust(width)
          + "".join(f"{results[name][1]:.1f} ms".ljust(22) for name in COST_FUNCTIONS))
    print()
    if only_calcnotes:
        print("   Here glibc hands freed memory back to the kernel as soon as more than a threshold")
        print("   (128 KB at start, 16 MB after the first 8 MB array) is free at the top of its heap:")
        print("   each call that holds more arrays than f pays ~1 ms per 8 MB for fresh zeroed pages")
        print("   (see settle_allocator).")
        print()
        return
    print(f"   calcnotes calls f {CALLS_OF_F} times per call (whole arrays).")
    print(f"   numdifftools rows: measured at {N_COST_NUMDIFFTOOLS:,} points (it is much slower per")
    print("   point), as a multiple of one evaluation of f at those same points.")
    print("   Targets: central <= 2.2, five-point <= 4.5, complex <= 2.5. The floor rows are the")
    print("   calls of f each method cannot avoid, with nothing else: central and five-point")
    print("   need 2 and 4 results of f alive at once, the complex step one evaluation of f at")
    print("   complex points (complex sin, tanh, ... cost several real ones). The textbook rows")
    print("   show what calcnotes' step per point and exact widths cost (their accuracy: table 1).")
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


# ----- 4. calcnotes against the plain formulas, side by side ------------------------------

RATIO_ROUNDS = {"settled": 15, "fresh": 9}  # the fresh process calls each candidate 3 times a turn
TARGETS = {"central": 1.10, "five-point": 1.15}


def paired_ratio(a, b, rounds: int, *, in_a_row: int = 1) -> tuple[float, float, float]:
    """Median, and quartiles, over rounds of time(a) / time(b), each round timed a b b a.

    Timed in CPU time of this process (``time.process_time``: user and
    system, so page faults count), which a busy shared machine disturbs far
    less than wall time. Alternating spreads the machine's drift over both alike. With
    ``in_a_row > 1`` each turn calls its candidate that many times in a row
    and keeps the median, so that it is timed in the state of the allocator
    that its own calls leave behind (the first call may still pay for the
    other's).
    """
    def turn(run):
        times = []
        for _ in range(in_a_row):
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        return statistics.median(times)

    a(), b()  # warm up
    ratios = []
    for _ in range(rounds):
        first_a, first_b, second_b, second_a = turn(a), turn(b), turn(b), turn(a)
        ratios.append((first_a + second_a) / (first_b + second_b))
    low, median, high = statistics.quantiles(ratios, n=4)
    return median, low, high


def plain_ratios(*, fresh: bool) -> dict:
    """{row: {function: (median, low, high)}} for the three ratios of section 4."""
    results = {}
    points = np.linspace(-3, 3, N_COST)
    complex_points = points + 1e-20j
    in_a_row = 3 if fresh else 1
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in COST_FUNCTIONS:
            f = numpy_function(FUNCTIONS[name][0])
            pairs = {
                "central: calcnotes / plain": (lambda: derivative(f, points), lambda: textbook_central(f, points)),
                "five-point: calcnotes / plain": (lambda: derivative(f, points, method="five-point"),
                                                  lambda: textbook_five_point(f, points)),
                "central by hand, fewest passes / plain": (lambda: fewest_passes_central(f, points),
                                                           lambda: textbook_central(f, points)),
                "five-point by hand, fewest passes / plain": (lambda: fewest_passes_five_point(f, points),
                                                              lambda: textbook_five_point(f, points)),
                "complex: calcnotes / one f": (lambda: derivative(f, points, method="complex"), lambda: f(points)),
                "complex: calcnotes / f at complex points": (lambda: derivative(f, points, method="complex"),
                                                             lambda: f(complex_points)),
            }
            for row, (a, b) in pairs.items():
                rounds = RATIO_ROUNDS["fresh" if fresh else "settled"]
                results.setdefault(row, {})[name] = paired_ratio(a, b, rounds, in_a_row=in_a_row)
    return results


def plain_ratio_table(*, fresh: bool) -> None:
    results = plain_ratios(fresh=fresh)
    state = ("in a fresh process, allocator as started, each candidate's calls 3 in a row"
             if fresh else "allocator settled")
    print(f"4{'b' if fresh else 'a'}. calcnotes over the plain formulas at {N_COST:,} points, {state}")
    rounds = RATIO_ROUNDS["fresh" if fresh else "settled"]
    print(f"    (median over {rounds} rounds of a b b a of the per-round ratio of CPU times; quartiles in brackets)")
    print()
    width = max(len(row) for row in results) + 2
    print("".ljust(width) + "".join(name[:20].ljust(24) for name in COST_FUNCTIONS))
    for row, by_function in results.items():
        cells = [f"{m:.3f} ({lo:.2f}–{hi:.2f})".ljust(24) for m, lo, hi in by_function.values()]
        print(row.ljust(width) + "".join(cells))
    print()
    for method, target in TARGETS.items():
        worst = max(m for m, _, _ in results[f"{method}: calcnotes / plain"].values())
        verdict = "meets" if worst <= target else "MISSES"
        print(f"   {method}: worst {worst:.3f} over the functions, target <= {target:.2f}: {verdict}")
    print("   The rows 'by hand, fewest passes' do calcnotes' arithmetic (a step c max(1, |w|) per")
    print("   point, divided by the exact width) with nothing else: the floor of that arithmetic. Over")
    print("   the plain formula it adds three passes: max(1, |w|), the product by c, and the width.")
    print()
    sys.stdout.flush()


def main():
    arguments = sys.argv[1:]
    if arguments == ["--fresh-allocator"]:  # the second half of section 2, in its own process
        cost_table(only_calcnotes=True)
        return
    if arguments == ["--fresh-ratios"]:  # the second half of section 4, in its own process
        plain_ratio_table(fresh=True)
        return
    print(f"calcnotes {calcnotes.__version__} (from {calcnotes.__file__.rsplit('/', 2)[0]}), numpy {np.__version__}, "
          f"scipy {scipy.__version__}, numdifftools {numdifftools.__version__}")
    print()
    if arguments == ["--ratios"]:
        settle_allocator()
        plain_ratio_table(fresh=False)
        subprocess.run([sys.executable, __file__, "--fresh-ratios"], check=True)
        return
    accuracy_table()
    settle_allocator()
    cost_table()
    sys.stdout.flush()
    subprocess.run([sys.executable, __file__, "--fresh-allocator"], check=True)
    autodiff_table()
    plain_ratio_table(fresh=False)
    subprocess.run([sys.executable, __file__, "--fresh-ratios"], check=True)


if __name__ == "__main__":
    main()
