"""Steps to reach ‖∇g‖ < 10⁻⁶: Newton's method against gradient descent on five functions."""

import numpy as np

from calcnotes import Table, grad, gradient_descent, newton, show
from calcnotes.text import number

x = np.array([-2.0, -1.0, -0.5, 0.3, 0.8, 1.5, 2.2, 3.0])  # a small data set: inputs,
s = np.array([-1, -1, 1, -1, 1, -1, 1, 1])  # and labels ±1 (no line separates them)

problems = [  # name, g, w⁰, a learning rate that works for descent; w[0] is w₁, w[1] is w₂
    ("bowl w₁² + 8w₂²", lambda w: w[0] ** 2 + 8 * w[1] ** 2, [-4.0, 1.5], 0.1),
    ("eʷ − 2w", lambda w: np.exp(w) - 2 * w, 2.0, 0.1),
    ("logistic loss", lambda w: np.mean(np.log(1 + np.exp(-s * (w[0] * x + w[1])))), [0.0, 0.0], 2.0),
    ("Rosenbrock", lambda w: 100 * (w[1] - w[0] ** 2) ** 2 + (1 - w[0]) ** 2, [-1.2, 1.0], 0.001),
    ("w⁴ (g″ = 0 at its minimum)", lambda w: w**4, 1.0, 0.1),
]

rows = []
for name, g, w0, lr in problems:
    descent = gradient_descent(g, w0, lr=lr, steps=200_000, grad=grad(g), tol=1e-6)
    jumps = newton(g, w0, steps=1000, tol=1e-6)
    start = number(w0) if np.ndim(w0) == 0 else "(" + ", ".join(number(v) for v in w0) + ")"
    rows.append([name, start, lr, descent.steps, descent.converged, jumps.steps, jumps.converged])

show(Table(rows, ["g", "w⁰", "lr", "descent steps", "converged", "Newton steps", "converged"]))
