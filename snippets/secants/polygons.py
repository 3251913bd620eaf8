"""Regular polygons with 4, 8 and 16 sides inscribed in a circle of radius 1."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.text import number
from calcnotes.viz import ACCENT, SECANT, STYLE

r = 1.0
turn = np.linspace(0, 2 * np.pi, 361)

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(2, 2, figsize=(4.8, 4.9), layout="constrained")  # a 2 × 2 grid
for ax, n in zip(axes.flat, [4, 8, 16]):
    # The n corners, from half a step left of the top: every top edge is level.
    angles = np.pi / 2 - np.pi / n + 2 * np.pi * np.arange(n + 1) / n
    x, y = r * np.cos(angles), r * np.sin(angles)
    ax.plot(r * np.cos(turn), r * np.sin(turn), color="black", linewidth=1.2,
            label=f"circle, area πr² = {number(np.pi * r**2)}")
    ax.fill(x, y, color=ACCENT, alpha=0.25, linewidth=0)
    ax.plot(x, y, color=ACCENT, linewidth=1.6, label="inscribed polygon")
    ax.fill([0, x[0], x[1]], [0, y[0], y[1]], color=SECANT, alpha=0.8, linewidth=0,
            label="one of its n triangles")
    area = n / 2 * r**2 * np.sin(2 * np.pi / n)  # n triangles of area r² sin(2π/n) / 2
    ax.set_title(f"{n} sides: area {number(area)}")
    ax.set_aspect("equal")
    ax.axis("off")
axes[1, 1].axis("off")  # the fourth cell holds the legend
axes[1, 1].legend(*axes[0, 0].get_legend_handles_labels(), loc="center")
show(fig)
