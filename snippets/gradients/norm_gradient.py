"""The gradient of ‖x‖₂ away from 0 is x/‖x‖₂, a unit vector."""

import numpy as np

from calcnotes import Table, gradient, show
from calcnotes.text import number

norm = lambda x: np.sqrt(np.sum(x**2))
rng = np.random.default_rng(1)

rows = []
for _ in range(4):
    x = rng.normal(size=3)
    grad = gradient(norm, x)
    rows.append([f"({', '.join(number(c, 3) for c in x)})",
                 f"({', '.join(number(c, 3) for c in grad)})",
                 np.max(np.abs(grad - x / norm(x))), np.linalg.norm(grad)])
show(Table(rows, ["x", "∇‖x‖₂ measured", "largest gap to x/‖x‖₂", "length of ∇‖x‖₂"]))
