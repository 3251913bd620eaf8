"""The partial derivatives of x² + 3xy + y² at (1, 1), measured and by rule."""

import numpy as np

from calcnotes import gradient, partial
from calcnotes.legacy import number, table

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
p = np.array([1.0, 1.0])
x, y = p

rows = [
    ["∂f/∂x", partial(f, p, 0), "2x + 3y", 2 * x + 3 * y],
    ["∂f/∂y", partial(f, p, 1), "3x + 2y", 3 * x + 2 * y],
]
headers = ["at (1, 1)", "measured by calcnotes", "rule", "rule's value"]
print(table(rows, headers))

grad = gradient(f, p)
print(f"\nf(1, 1) = {number(f(p))}, and the gradient stacks both slopes: "
      f"∇f(1, 1) = ({number(grad[0])}, {number(grad[1])})")
