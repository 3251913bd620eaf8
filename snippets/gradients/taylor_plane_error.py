"""How far the tangent plane and a single-axis plane stray from g, near w⁰."""

import numpy as np

from calcnotes import Table, partial, show, tangent_plane

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2
w0 = np.array([0.0, 0.0])

h = tangent_plane(g, w0)
along_w1 = lambda w: g(w0) + partial(g, w0, 0) * (w[0] - w0[0])

angles = np.linspace(0, 2 * np.pi, 64, endpoint=False)
rows = []
for r in [0.5, 0.05, 0.005, 0.0005]:
    # points at distance r from w⁰, in 64 directions
    w = w0[:, None] + r * np.array([np.cos(angles), np.sin(angles)])
    err_h = np.max(np.abs(g(w) - h(w)))
    err_1 = np.max(np.abs(g(w) - along_w1(w)))
    rows.append([r, err_h, err_h / r, err_1, err_1 / r])

show(Table(rows, ["distance r", "tangent plane: largest error", "error ÷ r",
                  "tilted along w₁ only: largest error", "error ÷ r"]))
