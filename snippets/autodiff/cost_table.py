"""A full gradient of N inputs: N forward passes (jvp) against one reverse pass (grad)."""

import time
import timeit

import numpy as np

from calcnotes import Table, grad, jvp, show

LIMIT = 0.5  # seconds: a forward gradient expected to take longer is estimated, not run


def rosenbrock(w):  # a classic test loss g of N inputs
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2)


def seconds(*tasks, rounds=5):  # CPU time per call of each task: the best of `rounds`, in turn
    timers = [timeit.Timer(task, timer=time.process_time) for task in tasks]  # not the wall clock:
    calls = [max(1, int(0.01 / t.timeit(1))) for t in timers]  # other programs' load is left out
    best = [float("inf")] * len(tasks)
    for _ in range(rounds):
        for i, (t, k) in enumerate(zip(timers, calls)):  # each timing lasts at least 10 ms
            best[i] = min(best[i], t.timeit(k) / k)
    return best


def unit(N, j):  # the j-th coordinate direction e_j, of length N
    return np.eye(1, N, j)[0]


def forward_gradient(g, w, coordinates):  # ∂g/∂w_j by one jvp along each e_j
    return np.array([jvp(g, w, unit(w.size, j))[1] for j in coordinates])


rows = []
for N in [10, 100, 1_000, 10_000]:
    w = np.linspace(-1.5, 1.5, N)
    one_g, reverse, one_jvp = seconds(lambda: rosenbrock(w), lambda: grad(rosenbrock)(w),
                                      lambda: jvp(rosenbrock, w, unit(N, 0)))
    measured = N * one_jvp <= LIMIT
    if measured:  # run all N passes
        forward, = seconds(lambda: forward_gradient(rosenbrock, w, range(N)), rounds=3)
    else:  # every pass does the same work on another e_j
        forward = N * one_jvp
    run = range(N) if measured else range(20)  # the entries compared: those of passes run
    by_reverse = grad(rosenbrock)(w)[list(run)]
    by_forward = forward_gradient(rosenbrock, w, run)
    gap = np.max(np.abs(by_forward - by_reverse)) / np.max(np.abs(by_reverse))
    rows.append([N, one_g * 1e6, reverse / one_g, forward / one_g,
                 "run" if measured else "estimated: N × one jvp", forward / reverse, gap])

headers = ["inputs N", "one g (µs)", "reverse: 1 grad (× g)", "forward: N jvps (× g)",
           "forward passes", "forward ÷ reverse", "relative difference of the gradients"]
show(Table(rows, headers, digits=3))
