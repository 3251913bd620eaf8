"""Each partial of a function of N = 4 inputs, from its definition with the step along one axis."""

import numpy as np

from calcnotes import Table, partial, show
from calcnotes.text import number

g = lambda w: w[0] * w[1] + np.exp(w[2]) * w[3] ** 2  # w[0] is w₁, ..., w[3] is w₄
w0 = np.array([1.0, -2.0, 0.5, 3.0])
by_hand = [w0[1], w0[0], np.exp(w0[2]) * w0[3] ** 2, 2 * np.exp(w0[2]) * w0[3]]
formulas = ["w₂", "w₁", "e^(w₃) w₄²", "2 e^(w₃) w₄"]

h = 1e-6
rows = []
for i in range(4):
    e = np.zeros(4)
    e[i] = 1.0  # the unit vector along the axis of wᵢ₊₁: only that input moves
    quotient = (g(w0 + h * e) - g(w0)) / h
    rows.append([f"∂g/∂w{'₁₂₃₄'[i]}", formulas[i], by_hand[i], quotient, partial(g, w0, i)])

headers = ["partial", "by hand", "value at w⁰", f"quotient, h = {number(h)}", "calcnotes.partial"]
show(Table(rows, headers, digits=7))
