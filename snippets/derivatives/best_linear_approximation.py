"""Errors of two lines through (1, sin 1) on shrinking windows around 1."""

import numpy as np

from calcnotes import Table, show, tangent_line

g = lambda w: np.sin(w)
w0 = 1.0

tangent = tangent_line(g, w0)
other = lambda w: tangent(w) + 0.5 * (w - w0)  # same point, slope + 0.5

rows = []
for r in [1.0, 0.1, 0.01, 0.001]:
    w = np.linspace(w0 - r, w0 + r, 201)  # the window |w - w0| <= r
    err_tangent = np.max(np.abs(g(w) - tangent(w)))
    err_other = np.max(np.abs(g(w) - other(w)))
    rows.append([r, err_tangent, err_tangent / r, err_other, err_other / r])

headers = ["window r", "tangent: largest error", "error ÷ r",
           "slope + 0.5: largest error", "error ÷ r"]
show(Table(rows, headers))
