"""Cost of one Hessian-vector product against one gradient and a full Hessian, as N grows."""

import time
import timeit

import numpy as np

from calcnotes import Table, grad, hvp, jacobian, show

LIMIT = 0.5  # seconds: a full Hessian expected to take longer is estimated, not run


def rosenbrock(w):
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2)


def seconds(*tasks, rounds=5):  # CPU time per call of each task: the best of `rounds`, in turn
    timers = [timeit.Timer(task, timer=time.process_time) for task in tasks]  # not the wall clock:
    calls = [max(1, int(0.01 / t.timeit(1))) for t in timers]  # other programs' load is left out
    best = [float("inf")] * len(tasks)
    for _ in range(rounds):
        for i, (t, k) in enumerate(zip(timers, calls)):  # each timing lasts at least 10 ms
            best[i] = min(best[i], t.timeit(k) / k)
    return best


rows = []
for N in [10, 100, 1_000, 10_000]:
    w, v = np.linspace(-1.5, 1.5, N), np.linspace(1, -1, N)
    one_g, one_grad, one_hvp = seconds(lambda: rosenbrock(w), lambda: grad(rosenbrock)(w),
                                       lambda: hvp(rosenbrock, w, v))
    measured = N * one_hvp <= LIMIT
    if measured:  # the N × N Hessian, one column (one hvp along e_j) at a time
        full, = seconds(lambda: jacobian(grad(rosenbrock), w), rounds=3)
    else:  # N columns, each the cost of one hvp
        full = N * one_hvp
    rows.append([N, one_grad / one_g, one_hvp / one_g, one_hvp / one_grad, full / one_g,
                 "run" if measured else "estimated: N × one hvp"])

headers = ["inputs N", "1 grad (× g)", "1 hvp (× g)", "hvp ÷ grad", "full Hessian (× g)",
           "full Hessian"]
show(Table(rows, headers, digits=3))
