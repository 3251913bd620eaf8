"""The difference quotient of ln x at x = 2 is (1/x) · ln(1 + u)/u, with u = h/x."""

import numpy as np

from calcnotes import Table, secant_slope, show

x = 2.0
h = np.array([1, 0.1, 0.01, 0.001, 1e-4, 1e-5])
quotient = secant_slope(np.log, x, x + h)
u = h / x
factor = np.log1p(u) / u  # ln(1 + u)/u, which tends to 1 as u → 0

rows = [[step, q, x * q, f, q - 1 / x] for step, q, f in zip(h, quotient, factor)]
headers = ["h", "quotient of ln at 2", "x · quotient", "ln(1 + u)/u", "quotient − 1/x"]
show(Table(rows, headers, digits=7))
