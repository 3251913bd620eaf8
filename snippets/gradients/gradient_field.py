"""Gradient arrows of x² + 3xy + y² on its contour map."""

from calcnotes import show
from calcnotes.viz import contour_map

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2  # w[0] is x, w[1] is y

# ∇f at the centres of an 8 × 8 grid, every arrow the same length: direction only.
show(contour_map(f, (-2, 2), levels=[-3, -1, 1, 3, 6, 10, 15], arrows=8, names=("x", "y")))
