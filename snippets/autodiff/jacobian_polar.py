"""The Jacobian of polar to Cartesian coordinates, by calcnotes.jacobian and by hand."""

import numpy as np

from calcnotes import Table, jacobian, show

f = lambda w: np.array([w[0] * np.cos(w[1]), w[0] * np.sin(w[1])])  # w = (r, θ) → (x, y)
by_hand = lambda r, t: np.array([[np.cos(t), -r * np.sin(t)],
                                 [np.sin(t), r * np.cos(t)]])  # row i: the partials of output i

rows = []
for r, t in [(1.0, 0.0), (2.0, np.pi / 6), (0.5, 2.0)]:
    J = jacobian(f, np.array([r, t]))
    gap = np.max(np.abs(J - by_hand(r, t)))
    rows.append([r, t, *J.ravel(), np.linalg.det(J), gap])

headers = ["r", "θ", "∂x/∂r", "∂x/∂θ", "∂y/∂r", "∂y/∂θ", "det J", "max |J − by hand|"]
show(Table(rows, headers, digits=6))
