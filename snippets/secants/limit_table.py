"""(f(1 + h) − f(1)) / h for f(x) = 3x² − 4x as h shrinks tenfold at a time."""

import numpy as np

from calcnotes import Table, secant_slope, show

f = lambda x: 3 * x**2 - 4 * x

h = np.array([0.1, 0.01, 0.001, 0.0001, 0.00001])
quotients = secant_slope(f, 1.0, 1.0 + h)  # one slope per step

rows = [[np.format_float_positional(step), q, q - 2]
        for step, q in zip(h, quotients)]
headers = ["h", "(f(1 + h) − f(1)) / h", "distance from 2"]
show(Table(rows, headers, digits=6))
