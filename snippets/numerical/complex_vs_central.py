"""Complex step against central difference as h shrinks far below 10⁻¹⁶."""

import numpy as np

from calcnotes import Table, derivative, show

g = lambda w: 1 / (1 + np.exp(-w))  # the logistic sigmoid
dg = lambda w: g(w) * (1 - g(w))  # its derivative, by hand
w0 = 1.0

rows = []
for h in [1e-2, 1e-4, 1e-6, 1e-8, 1e-12, 1e-16, 1e-20, 1e-100]:
    central = derivative(g, w0, h=h, method="central")
    complex_step = derivative(g, w0, h=h, method="complex")
    rows.append([h, abs(central - dg(w0)), abs(complex_step - dg(w0))])

headers = ["h", "central: error", "complex step: error"]
show(Table(rows, headers, digits=3))
