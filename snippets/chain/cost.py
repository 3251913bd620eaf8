"""Cost of a gradient with n inputs: finite differences vs one backward pass."""

import time

import numpy as np

from calcnotes import Table, grad, gradient, show

calls = 0


def f(w):                      # a loss of n inputs that counts its calls
    global calls
    calls += 1
    return np.sum(np.tanh(w) * w) + np.sum(w[:-1] * w[1:])


def seconds(task, repeat=3):   # best of a few runs
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        task()
        best = min(best, time.perf_counter() - start)
    return best


def costs(n):                  # calls of f and time ÷ time of one f
    global calls
    w = np.linspace(-1, 1, n)
    one = seconds(lambda: f(w))
    row = [n]
    for task in (lambda: gradient(f, w), lambda: grad(f)(w)):
        calls = 0
        took = seconds(task)   # runs the task 3 times
        row += [calls // 3, took / one]
    return row


show(Table([costs(n) for n in [10, 100, 1000]],
           ["inputs n", "finite differences: calls of f",
            "time ÷ time of one f", "grad: calls of f",
            "time ÷ time of one f"], digits=2))
