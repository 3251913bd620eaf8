"""Nudge (1, 2, 0) along v = (2, 3, −1): the change is h ∇f·v, nearly."""

import numpy as np

from calcnotes import Table, directional_derivative, gradient, show
from calcnotes.text import number

f = lambda w: w[0] ** 2 * w[1] + w[1] * w[2] + np.exp(w[2])  # w[0], w[1], w[2] are x, y, z
p = np.array([1.0, 2.0, 0.0])
v = np.array([2.0, 3.0, -1.0])

grad = gradient(f, p)
print(f"∇f(1, 2, 0) = ({', '.join(number(c) for c in grad)}), "
      f"∇f·v = {number(grad @ v)}, "
      f"D_v f = ∇f·v/‖v‖ = {number(directional_derivative(f, p, v))}")

rows = []
for h in [0.1, 0.01, 0.001, 0.0001]:
    change = f(p + h * v) - f(p)
    predicted = h * (grad @ v)
    rows.append([h, change, predicted, change / predicted])
show(Table(rows, ["h", "f(p + hv) − f(p)", "h ∇f·v", "ratio"]))
