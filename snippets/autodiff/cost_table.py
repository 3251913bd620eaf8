"""A full gradient of n inputs: n forward passes (jvp) against one reverse pass (grad)."""

import timeit

import numpy as np

from calcnotes import Table, grad, jvp, show

LIMIT = 0.5  # seconds: a forward gradient expected to take longer is estimated, not run


def rosenbrock(w):  # a classic test loss of n inputs
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2)


def seconds(task):  # one call of task: the best of 5 timings, each of enough calls to last 10 ms
    calls = max(1, int(0.01 / timeit.timeit(task, number=1)))
    return min(timeit.repeat(task, number=calls, repeat=5)) / calls


def unit(n, j):  # the j-th coordinate direction e_j
    return np.eye(1, n, j)[0]


def forward_gradient(f, w, coordinates):  # ∂f/∂w_j by one jvp along each e_j
    return np.array([jvp(f, w, unit(w.size, j))[1] for j in coordinates])


rows = []
for n in [10, 100, 1_000, 10_000]:
    w = np.linspace(-1.5, 1.5, n)
    one_f = seconds(lambda: rosenbrock(w))
    reverse = seconds(lambda: grad(rosenbrock)(w))
    one_jvp = seconds(lambda: jvp(rosenbrock, w, unit(n, 0)))
    measured = n * one_jvp <= LIMIT
    if measured:  # run all n passes
        forward = seconds(lambda: forward_gradient(rosenbrock, w, range(n)))
    else:  # every pass does the same work on another e_j
        forward = n * one_jvp
    run = range(n) if measured else range(20)  # the entries compared: those of passes run
    by_reverse = grad(rosenbrock)(w)[list(run)]
    by_forward = forward_gradient(rosenbrock, w, run)
    gap = np.max(np.abs(by_forward - by_reverse)) / np.max(np.abs(by_reverse))
    rows.append([n, one_f * 1e6, reverse / one_f, forward / one_f,
                 "run" if measured else "estimated: n × one jvp", forward / reverse, gap])

headers = ["inputs n", "one f (µs)", "reverse: 1 grad (× f)", "forward: n jvps (× f)",
           "forward passes", "forward ÷ reverse", "relative difference of the gradients"]
show(Table(rows, headers, digits=3))
