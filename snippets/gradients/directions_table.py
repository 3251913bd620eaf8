"""Slopes of x² + 3xy + y² at (1, 0) in eight directions and along ∇f."""

import numpy as np

from calcnotes import Table, directional_derivative, gradient, show
from calcnotes.text import number

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
p = np.array([1.0, 0.0])


def row(label, u):
    shown = np.round(u, 3) + 0.0  # cos 90° is 6e-17 in floating point: show 0
    return [label, f"({number(shown[0])}, {number(shown[1])})",
            directional_derivative(f, p, u)]


rows = [row(f"{d}°", np.array([np.cos(np.radians(d)), np.sin(np.radians(d))]))
        for d in range(0, 360, 45)]

grad = gradient(f, p)
angle = np.degrees(np.arctan2(grad[1], grad[0]))
rows.append(row(f"{number(angle)}° (along ∇f)", grad / np.linalg.norm(grad)))
print(f"‖∇f(1, 0)‖ = {number(np.linalg.norm(grad))}")
show(Table(rows, ["direction θ", "unit vector u", "slope ∇f·u"]))
