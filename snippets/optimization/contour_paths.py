"""Two learning rates on the same elongated bowl, as paths over its contours."""

import matplotlib.pyplot as plt

from calcnotes import gradient_descent, show
from calcnotes.viz import STYLE, contour_map

g = lambda w: w[0] ** 2 + 8 * w[1] ** 2  # w[0] is w₁ (shallow), w[1] is w₂ (steep)
start = [-4.0, 1.5]

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
runs = {f"lr = {lr}": gradient_descent(g, start, lr=lr, steps=40) for lr in (0.02, 0.1)}
fig = contour_map(g, (-4.5, 4.5), (-1.8, 1.8), paths=runs)
ax = fig.axes[0]
ax.get_legend().remove()  # the legend goes above the map, off the level curves
fig.legend(*ax.get_legend_handles_labels(), loc="outside upper center", ncols=2)
show(fig)
