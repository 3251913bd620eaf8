"""2 + sin(w) with its tangent line, 2 + sin(w₁ + w₂) with its plane."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show, tangent_line
from calcnotes.viz import POINT, STYLE, TANGENT, surface_with_plane

g1 = lambda w: 2 + np.sin(w)
g2 = lambda w: 2 + np.sin(w[0] + w[1])

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig = plt.figure(figsize=(4.8, 7.0), layout="constrained")
grid = fig.add_gridspec(2, 1, height_ratios=[1, 1.5])  # the line above the plane
left = fig.add_subplot(grid[0])
right = fig.add_subplot(grid[1], projection="3d")

w = np.linspace(-2, 2, 200)
left.plot(w, g1(w), color="black", label="g(w) = 2 + sin(w)")
left.plot(w, tangent_line(g1, 0.0)(w), color=TANGENT, label="tangent at 0")
left.plot(0, g1(0), "o", color=POINT)
left.set(title="one input: a tangent line", xlabel="w")
left.legend(loc="upper left")

surface_with_plane(g2, (0.0, 0.0), span1=(-2, 2), ax=right, view=(28, -75))
right.set_title("two inputs: a tangent plane")
show(fig)
