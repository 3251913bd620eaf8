"""The limit table of f(x) = 3x² − 4x at x = 1, in float64 and in float32."""

import numpy as np

from calcnotes import Table, show
from calcnotes.text import number

f = lambda x: 3 * x**2 - 4 * x

h = np.array([0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001])
rows = []
for step in h:
    q64 = (f(1 + step) - f(1.0)) / step  # Python floats are float64
    one, s = np.float32(1), np.float32(step)  # the same formula, every number in float32
    q32 = (f(one + s) - f(one)) / s
    rows.append([np.format_float_positional(step), q64, q32, 2 + 3 * step])

for name in ("float64", "float32"):
    print(f"ε_mach of {name}: {number(np.finfo(name).eps, 3)}")
show(Table(rows, ["h", "float64", "float32", "exact, 2 + 3h"], digits=7))
