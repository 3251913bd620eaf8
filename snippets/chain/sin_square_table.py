"""The derivative of sin(x²): chain rule vs finite differences vs autodiff."""

import numpy as np

from calcnotes import Table, derivative, grad, show

h = lambda x: np.sin(x**2)
by_hand = lambda x: np.cos(x**2) * 2 * x  # the chain rule
by_autodiff = grad(h)  # calcnotes.grad traces h and runs it backwards

rows = []
for x in [-2.0, -0.5, 0.0, 1.0, 1.5, 2.5]:
    exact = by_hand(x)
    numerical = derivative(h, x)  # central difference
    automatic = by_autodiff(x)
    rows.append([x, exact, numerical, automatic,
                 abs(numerical - exact), abs(automatic - exact)])

headers = ["x", "2x·cos(x²)", "derivative (numerical)", "grad (autodiff)",
           "numerical error", "autodiff error"]
show(Table(rows, headers))
