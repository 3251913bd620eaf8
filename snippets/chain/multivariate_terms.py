"""∂u/∂a and ∂u/∂b for u = f(x, y, z) with x, y, z functions of (a, b)."""

import numpy as np

from calcnotes import Table, grad, gradient, show
from calcnotes.text import number

x = lambda w: w[0] * w[1]            # w = (a, b)
y = lambda w: w[0] ** 2 + w[1]
z = lambda w: np.sin(w[0] - w[1])
f = lambda x, y, z: x * y + np.exp(z)
u = lambda w: f(x(w), y(w), z(w))    # the composition, a function of (a, b)

w0 = np.array([1.0, 0.5])
xyz = np.array([x(w0), y(w0), z(w0)])
outer = grad(lambda v: f(*v))(xyz)           # ∂u/∂x, ∂u/∂y, ∂u/∂z
inner = np.array([grad(g)(w0) for g in (x, y, z)])  # rows: ∂xᵢ/∂a, ∂xᵢ/∂b

rows = [[name, outer[i], inner[i, 0], outer[i] * inner[i, 0],
         inner[i, 1], outer[i] * inner[i, 1]]
        for i, name in enumerate(["x", "y", "z"])]
total = inner.T @ outer                      # Σᵢ ∂u/∂xᵢ · ∂xᵢ/∂(a, b)

direct, numerical = grad(u)(w0), gradient(u, w0)
pair = lambda v: f"({number(v[0], 10)}, {number(v[1], 10)})"
print(f"Sums of the terms (∂u/∂a, ∂u/∂b): {pair(total)}. Directly on "
      f"u(a, b): grad gives {pair(direct)}, finite differences "
      f"{pair(numerical)}.")
show(Table(rows, ["xᵢ", "∂u/∂xᵢ", "∂xᵢ/∂a", "term for a",
                  "∂xᵢ/∂b", "term for b"]))
