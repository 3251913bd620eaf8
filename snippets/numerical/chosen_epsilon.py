"""The forward difference of sin at w = 1 with a step ε of our choosing."""

import numpy as np

from calcnotes import derivative
from calcnotes.legacy import table

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)  # the exact derivative, by hand
w0 = 1.0

rows = []
for eps in [1e-1, 1e-3, 1e-5, 1e-8, 1e-11, 1e-14, 1e-15, 1e-16, 1e-17]:
    slope = derivative(g, w0, h=eps, method="forward")
    textbook = (g(w0 + eps) - g(w0)) / eps  # divides by ε itself
    error = abs(slope - dg(w0))
    rows.append([eps, slope, error, error / eps, textbook])

headers = ["ε", "derivative(…, h=ε)", "error", "error ÷ ε",
           "(g(1+ε) − g(1)) / ε"]
print(table(rows, headers, digits=6))
