"""is_differentiable on sin, w², relu and |w|, at their kinks and elsewhere."""

import numpy as np

from calcnotes import Table, is_differentiable, one_sided_slopes, show
from calcnotes.text import number

cases = [
    ("sin(w)", lambda w: np.sin(w), 0.0),
    ("w²", lambda w: w**2, 0.0),
    ("relu(w)", lambda w: np.maximum(0, w), 0.0),
    ("relu(w)", lambda w: np.maximum(0, w), 1.0),
    ("|w|", lambda w: np.abs(w), 0.0),
    ("|w|", lambda w: np.abs(w), -1.0),
]

h = 1e-6
rows = []
for name, g, w0 in cases:
    left, right = one_sided_slopes(g, w0, h)
    verdict = "yes" if is_differentiable(g, w0) else "no"
    rows.append([name, w0, left, right, verdict])

headers = ["g(w)", "w⁰", f"left slope, h = {number(h)}",
           f"right slope, h = {number(h)}", "differentiable?"]
show(Table(rows, headers))
