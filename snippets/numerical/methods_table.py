"""Six finite-difference methods on sin at w⁰ = 1, each with its default step."""

import numpy as np

from calcnotes import Table, derivative, show

calls = []


def g(w):
    calls.append(w)  # count how often each method evaluates g
    return np.sin(w)


dg = lambda w: np.cos(w)  # the exact derivative, by hand
w0 = 1.0

rows = []
for method in ["forward", "backward", "central", "five-point", "complex",
               "richardson"]:
    calls.clear()
    estimate = derivative(g, w0, method=method)
    error = float(f"{abs(estimate - dg(w0)):.2g}")  # two digits are enough
    rows.append([method, estimate, error, len(calls)])

headers = ["method", "estimate of g′(1)", "error vs cos(1)", "calls of g"]
show(Table(rows, headers, digits=13))
