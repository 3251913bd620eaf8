"""One input: the sign of the slope says which way is uphill."""

import numpy as np

from calcnotes import Table, derivative, show

g = lambda w: np.sin(w) + 0.3 * w
step = 0.1  # a small move to the right (+) or to the left (−)

rows = []
for w0 in [-2.0, 0.0, 1.0, 2.5]:
    slope = derivative(g, w0)
    right, left = g(w0 + step) - g(w0), g(w0 - step) - g(w0)
    uphill = "right (+)" if right > left else "left (−)"
    rows.append([w0, slope, right, left, uphill])

headers = ["w⁰", "slope g′(w⁰)", "change moving right", "change moving left", "uphill is"]
show(Table(rows, headers))
