"""The rules give f′(x) = 6x − 4 for f(x) = 3x² − 4x; check it numerically."""

import numpy as np

from calcnotes import Table, derivative, show

f = lambda x: 3 * x**2 - 4 * x
by_rules = lambda x: 6 * x - 4  # sum, constant multiple and power rules

x = np.array([-1.0, 0.0, 0.5, 1.0, 2.0, 3.0])
measured = derivative(f, x)

rows = [[xi, by_rules(xi), mi, abs(by_rules(xi) - mi)]
        for xi, mi in zip(x, measured)]
show(Table(rows, ["x", "6x − 4", "`derivative(f, x)`", "difference"]))
