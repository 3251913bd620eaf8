"""The second-derivative test at the critical points of x⁴ − 4x³ + 4x² + 1."""

import numpy as np

from calcnotes import Table, classify_critical_point, derivative, hessian, show

f = lambda x: x**4 - 4 * x**3 + 4 * x**2 + 1
points = np.sort(np.roots([4, -12, 8, 0]))  # zeros of f′(x) = 4x³ − 12x² + 8x

rows = []
for x in points:
    slope = derivative(f, x)  # about 0: x is a critical point
    bend = hessian(f, x)[0, 0]  # f″(x), the second derivative
    rows.append([x, f(x), slope, bend, classify_critical_point(f, x)])

show(Table(rows, ["x", "f(x)", "f′(x)", "f″(x)", "kind"]))
