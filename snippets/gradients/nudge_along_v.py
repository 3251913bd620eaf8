"""Nudge (1, 2, 0) along v = (2, 3, −1): the change is ε ∇f·v, nearly."""

import numpy as np

from calcnotes import directional_derivative, gradient
from calcnotes.legacy import number, table

f = lambda w: w[0] ** 2 * w[1] + w[1] * w[2] + np.exp(w[2])
p = np.array([1.0, 2.0, 0.0])
v = np.array([2.0, 3.0, -1.0])

grad = gradient(f, p)
print(f"∇f(1, 2, 0) = ({', '.join(number(g) for g in grad)}), "
      f"∇f·v = {number(grad @ v)}, "
      f"D_v f = ∇f·v/‖v‖ = {number(directional_derivative(f, p, v))}\n")

rows = []
for eps in [0.1, 0.01, 0.001, 0.0001]:
    change = f(p + eps * v) - f(p)
    predicted = eps * (grad @ v)
    rows.append([eps, change, predicted, change / predicted])
print(table(rows, ["ε", "f(p + εv) − f(p)", "ε ∇f·v", "ratio"]))
