"""The partial derivatives of x² + 3xy + y² at (1, 1), measured and by rule."""

import numpy as np

from calcnotes import Table, gradient, partial, show
from calcnotes.text import number

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2  # w[0] is x, w[1] is y
p = np.array([1.0, 1.0])
x, y = p

grad = gradient(f, p)
print(f"f(1, 1) = {number(f(p))}, and the gradient stacks both slopes: "
      f"∇f(1, 1) = ({number(grad[0])}, {number(grad[1])})")

rows = [
    ["∂f/∂x", partial(f, p, 0), "2x + 3y", 2 * x + 3 * y],
    ["∂f/∂y", partial(f, p, 1), "3x + 2y", 3 * x + 2 * y],
]
show(Table(rows, ["at (1, 1)", "measured by calcnotes", "rule", "rule's value"]))
