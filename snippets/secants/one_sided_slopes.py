"""Left and right secant slopes at 0 with h = 0.0001: sin against relu."""

import numpy as np

from calcnotes import Table, one_sided_slopes, show
from calcnotes.text import number

h = 1e-4
functions = {
    "sin(w)": lambda w: np.sin(w),
    "relu(w) = max(0, w)": lambda w: np.maximum(0, w),
}

rows = []
for name, g in functions.items():
    # left: (g(0) − g(−h)) / h,  right: (g(h) − g(0)) / h
    left, right = one_sided_slopes(g, 0.0, h)
    rows.append([name, left, right])

print(f"With h = {h:g}: sin(h) / h = {number(np.sin(h) / h, 10)}.\n")
show(Table(rows, ["g(w)", "left slope", "right slope"], digits=10))
