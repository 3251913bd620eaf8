"""Regular polygons with 4, 8 and 16 sides inscribed in a circle of radius 1."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.text import number
from calcnotes.viz import ACCENT, SECANT

r = 1.0
turn = np.linspace(0, 2 * np.pi, 361)

fig, axes = plt.subplots(1, 3, figsize=(7.2, 3.0), layout="constrained")
for ax, n in zip(axes, [4, 8, 16]):
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
fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=3)
show(fig)
