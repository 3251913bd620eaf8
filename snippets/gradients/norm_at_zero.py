"""At x = 0, ‖x‖₂ climbs at slope 1 in every direction: no gradient fits."""

import numpy as np

from calcnotes import Table, gradient, is_differentiable, one_sided_slopes, show
from calcnotes.text import number

norm = lambda x: np.sqrt(np.sum(x**2, axis=0))

rows = []
for degrees in range(0, 360, 60):
    u = np.array([np.cos(np.radians(degrees)), np.sin(np.radians(degrees))])
    slice_ = lambda t, u=u: norm(np.multiply.outer(u, t))  # t ↦ ‖t u‖₂
    left, right = one_sided_slopes(slice_, 0.0, 1e-6)
    rows.append([f"{degrees}°", left, right, is_differentiable(slice_, 0.0)])

grad = gradient(norm, np.zeros(2))
print(f"Central differences at 0 report ({number(grad[0])}, {number(grad[1])}): "
      "the average of −1 and +1, not a slope.")
show(Table(rows, ["direction u", "slope from the left", "slope to the right",
                  "one tangent line?"]))
