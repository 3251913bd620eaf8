"""exp(sin(x²)) layer by layer: the derivative as a product of local slopes."""

import numpy as np

from calcnotes import Table, derivative, show
from calcnotes.text import number

# Each layer: what it computes, the function, its derivative, and in symbols.
layers = [
    ("u = x²", lambda x: x**2, lambda x: 2 * x, "du/dx = 2x"),
    ("v = sin u", np.sin, np.cos, "dv/du = cos u"),
    ("y = exp v", np.exp, np.exp, "dy/dv = exp v"),
]
x0 = 0.8

rows, value, product = [], x0, 1.0
for name, f, f_slope, formula in layers:
    local = f_slope(value)  # the layer's slope at ITS OWN input
    product *= local
    rows.append([name, value, f(value), formula, local, product])
    value = f(value)

h = lambda x: np.exp(np.sin(x**2))
numerical = derivative(h, x0)
print(f"At x = {number(x0)}: product of the local derivatives "
      f"{number(product, 10)}, numerical derivative {number(numerical, 10)}, "
      f"difference {number(abs(product - numerical))}.")
show(Table(rows, ["layer", "input", "output", "local derivative",
                  "its value", "product so far"]))
