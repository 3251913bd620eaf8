"""How far the tangent line and the Taylor parabola of sin stray from it, at shrinking distances from w⁰ = 1."""

import numpy as np

from calcnotes import Table, grad, show

g = lambda w: np.sin(w)
w0 = 1.0
slope, bend = grad(g)(w0), grad(grad(g))(w0)  # g′(w⁰) and g″(w⁰), exact

rows = []
for d in [0.5, 0.25, 0.1, 0.05, 0.01]:
    line = g(w0) + slope * d  # first order: the tangent line at w⁰ + d
    parabola = line + 0.5 * bend * d**2  # second order
    first, second = abs(g(w0 + d) - line), abs(g(w0 + d) - parabola)
    rows.append([d, first, first / d**2, second, second / d**3])

show(Table(rows, ["distance d", "tangent's error", "÷ d²", "parabola's error", "÷ d³"]))
