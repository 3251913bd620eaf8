"""Zooming in on (1, sin 1): the curve straightens into its tangent."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show, tangent_line
from calcnotes.viz import POINT, SECANT, STYLE, TANGENT

g = lambda w: np.sin(w)
w0 = 1.0
tangent = tangent_line(g, w0)
steeper = lambda w: tangent(w) + 0.5 * (w - w0)  # the same point, slope + 0.5

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(3, 1, figsize=(4.8, 6.6), layout="constrained")  # one above the other
for ax, r in zip(axes, [1.0, 0.25, 0.05]):
    w = np.linspace(w0 - r, w0 + r, 200)
    ax.plot(w, g(w), color="black", label="g(w) = sin(w)")
    ax.plot(w, tangent(w), color=TANGENT, label="tangent")
    ax.plot(w, steeper(w), color=SECANT, linestyle="--", label="slope + 0.5")
    ax.plot(w0, g(w0), "o", color=POINT, markersize=6)
    ax.set(title=f"|w − 1| ≤ {r}")
    ax.locator_params(nbins=4)
axes[-1].set_xlabel("w")
fig.legend(*axes[0].get_legend_handles_labels(), loc="outside upper center", ncols=3)
show(fig)
