"""Cost of one Hessian-vector product against one gradient and a full Hessian, as n grows."""

import timeit

import numpy as np

from calcnotes import Table, grad, hvp, jacobian, show

LIMIT = 0.5  # seconds: a full Hessian expected to take longer is estimated, not run


def rosenbrock(w):
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2)


def seconds(task):  # one call of task: the best of 5 timings, each of enough calls to last 10 ms
    calls = max(1, int(0.01 / timeit.timeit(task, number=1)))
    return min(timeit.repeat(task, number=calls, repeat=5)) / calls


rows = []
for n in [10, 100, 1_000, 10_000]:
    w, v = np.linspace(-1.5, 1.5, n), np.linspace(1, -1, n)
    one_f = seconds(lambda: rosenbrock(w))
    one_grad = seconds(lambda: grad(rosenbrock)(w))
    one_hvp = seconds(lambda: hvp(rosenbrock, w, v))
    measured = n * one_hvp <= LIMIT
    if measured:  # the n × n Hessian, one column (one hvp along e_j) at a time
        full = seconds(lambda: jacobian(grad(rosenbrock), w))
    else:  # n columns, each the cost of one hvp
        full = n * one_hvp
    rows.append([n, one_grad / one_f, one_hvp / one_f, one_hvp / one_grad, full / one_f,
                 "run" if measured else "estimated: n × one hvp"])

headers = ["inputs n", "1 grad (× f)", "1 hvp (× f)", "hvp ÷ grad", "full Hessian (× f)",
           "full Hessian"]
show(Table(rows, headers, digits=3))
