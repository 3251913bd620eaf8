"""The derivative of xˣ worked out by the rules, checked at several x > 0."""

import numpy as np

from calcnotes import Table, derivative, show

f = lambda x: x**x
by_rules = lambda x: x**x * (np.log(x) + 1)  # chain and product rules

x = np.array([0.1, 0.25, 1 / np.e, 0.5, 1.0, 2.0, 3.0])
measured = derivative(f, x)
gap = np.abs(by_rules(x) - measured)

rows = [[xi, f(xi), by_rules(xi), mi, gi]
        for xi, mi, gi in zip(x, measured, gap)]
headers = ["x", "xˣ", "xˣ (ln x + 1)", "`derivative(f, x)`", "difference"]
show(Table(rows, headers))
