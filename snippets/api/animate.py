"""viz.animate: any Matplotlib figure as a player, here a point running round a circle."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.viz import POINT, STYLE, animate

t = np.linspace(0, 2 * np.pi, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4, 4), layout="constrained")
ax.plot(np.cos(t), np.sin(t), color="black")
ax.set(aspect="equal", xlim=(-1.2, 1.2), ylim=(-1.2, 1.2))
dot, = ax.plot([], [], "o", color=POINT, markersize=9)


def update(i):
    angle = 2 * np.pi * i / 48
    dot.set_data([np.cos(angle)], [np.sin(angle)])
    return f"angle {i * 7.5:g}°"


show(animate(fig, [dot], update, frames=48))
