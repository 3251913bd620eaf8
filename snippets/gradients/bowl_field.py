"""Gradient arrows of the bowl, true to length: they vanish at the bottom."""

from calcnotes import show
from calcnotes.viz import contour_map

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2

# A 9 × 9 grid over (−2, 1)²: its centre cell sits on the lowest point (−0.5, −0.5).
show(contour_map(g, (-2, 1), arrows=9, normalize=False))
