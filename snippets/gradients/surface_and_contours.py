"""f(x, y) = x² + 3xy + y² as a surface and as a contour map."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.viz import POINT, STYLE, SURFACE, contour_map

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2  # w[0] is x, w[1] is y

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig = plt.figure(figsize=(4.8, 8.0), layout="constrained")
left = fig.add_subplot(2, 1, 1, projection="3d")  # the surface above its map
right = fig.add_subplot(2, 1, 2)

x, y = np.meshgrid(np.linspace(-2, 2, 15), np.linspace(-2, 2, 15))
left.computed_zorder = False  # draw the point over the surface
left.plot_surface(x, y, f(np.array([x, y])), color=SURFACE, shade=False, alpha=0.85,
                  edgecolor="black", linewidth=0.2)
left.plot([1], [1], [f([1, 1])], "o", color=POINT, zorder=3)
left.set(title="the surface z = f(x, y)", xlabel="x", ylabel="y")
left.locator_params(nbins=4)
left.view_init(elev=30, azim=-125)

contour_map(f, (-2, 2), ax=right, levels=[-3, -1, 1, 3, 6, 10, 15], names=("x", "y"))
right.plot(1, 1, "o", color=POINT)
right.set_title("the contour map: one curve per height")
show(fig)
