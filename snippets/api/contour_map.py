"""viz.contour_map: a descent path and the gradient field on one map."""

from calcnotes import gradient_descent, show
from calcnotes.viz import contour_map

g = lambda w: (w[0] - 1) ** 2 + 3 * (w[1] + 0.5) ** 2

run = gradient_descent(g, [-2.0, 1.5], lr=0.1, steps=25)
show(contour_map(g, (-3, 3), (-2, 2), paths={"lr = 0.1": run}, arrows=7))
