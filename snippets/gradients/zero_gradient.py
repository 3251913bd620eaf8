"""The gradient at the bottom of a bowl, beside it, and at a saddle."""

import numpy as np

from calcnotes import Table, gradient, show
from calcnotes.text import number

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2  # a bowl
f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2  # a saddle

cases = [
    ("bowl g", g, "its lowest point", [-0.5, -0.5]),
    ("bowl g", g, "on its side", [0.0, 0.0]),
    ("bowl g", g, "on its side", [-1.5, 0.5]),
    ("saddle f", f, "the centre", [0.0, 0.0]),
]
rows = []
for name, function, where, point in cases:
    grad = gradient(function, np.array(point))
    rows.append([name, where, f"({number(point[0])}, {number(point[1])})",
                 f"({number(grad[0])}, {number(grad[1])})", np.linalg.norm(grad)])
show(Table(rows, ["function", "where", "point", "gradient", "length"]))
