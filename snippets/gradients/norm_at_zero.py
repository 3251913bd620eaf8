"""At x = 0, ‖x‖₂ climbs at slope 1 in every direction: no gradient fits."""

import numpy as np

from calcnotes import gradient, is_differentiable, one_sided_slopes
from calcnotes.legacy import number, table

norm = lambda x: np.sqrt(np.sum(x**2, axis=0))
zero = np.zeros(2)

rows = []
for degrees in range(0, 360, 60):
    u = np.array([np.cos(np.radians(degrees)), np.sin(np.radians(degrees))])
    slice_ = lambda t, u=u: norm(np.multiply.outer(u, t))  # t ↦ ‖t u‖₂
    left, right = one_sided_slopes(slice_, 0.0, 1e-6)
    rows.append([f"{degrees}°", left, right, is_differentiable(slice_, 0.0)])
print(table(rows, ["direction u", "slope from the left", "slope to the right",
                   "one tangent line?"]))

grad = gradient(norm, zero)
print(f"\nCentral differences at 0 report ({number(grad[0])}, "
      f"{number(grad[1])}): the average of −1 and +1, not a slope.")
