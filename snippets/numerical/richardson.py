"""Richardson extrapolation by hand: central differences at h, h/2, h/4."""

import numpy as np

from calcnotes import Table, derivative, show

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)
w0, h = 1.0, 0.1

D = [derivative(g, w0, h=h / 2**k, method="central") for k in range(3)]
R1 = [(4 * D[k + 1] - D[k]) / 3 for k in range(2)]  # cancels the h² term
R2 = (16 * R1[1] - R1[0]) / 15  # cancels the h⁴ term
library = derivative(g, w0, h=h, method="richardson")

rows = [
    ["D(h)", "central, h = 0.1", D[0]],
    ["D(h/2)", "central, h = 0.05", D[1]],
    ["D(h/4)", "central, h = 0.025", D[2]],
    ["R₁(h)", "(4 D(h/2) − D(h)) / 3", R1[0]],
    ["R₁(h/2)", "(4 D(h/4) − D(h/2)) / 3", R1[1]],
    ["R₂(h)", "(16 R₁(h/2) − R₁(h)) / 15", R2],
    ["calcnotes", "method=\"richardson\", h = 0.1", library],
]
rows = [row + [float(f"{abs(row[2] - dg(w0)):.3g}")] for row in rows]
show(Table(rows, ["estimate", "how", "value", "error vs cos(1)"], digits=12))
