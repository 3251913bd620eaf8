"""The forward difference of sin at w⁰ = 1 with a step h of our choosing."""

import numpy as np

from calcnotes import Table, derivative, show

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)  # the exact derivative, by hand
w0 = 1.0

rows = []
for h in [1e-1, 1e-3, 1e-5, 1e-8, 1e-11, 1e-14, 1e-15, 1e-16, 1e-17]:
    slope = derivative(g, w0, h=h, method="forward")
    textbook = (g(w0 + h) - g(w0)) / h  # divides by h itself
    error = abs(slope - dg(w0))
    rows.append([h, slope, error, error / h, textbook])

headers = ["h", "derivative(g, 1, h=h)", "error", "error ÷ h", "(g(1 + h) − g(1)) / h"]
show(Table(rows, headers, digits=6))
