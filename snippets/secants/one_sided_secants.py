"""The left and right secants at 0 of sin and of relu, with steps of 1."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import one_sided_slopes, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE

functions = {
    "sin(w)": lambda w: np.sin(w),
    "relu(w)": lambda w: np.maximum(0, w),
}
w0, h = 0.0, 1.0

w = np.linspace(-2, 2, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(2, 1, figsize=(4.8, 6.4), sharex=True, layout="constrained")
for ax, (name, g) in zip(axes, functions.items()):
    left, right = one_sided_slopes(g, w0, h)  # through w⁰ − h and w⁰, through w⁰ and w⁰ + h
    ax.plot(w, g(w), color="black", linewidth=3, alpha=0.4, label=name)
    ax.plot(w, g(w0) + left * (w - w0), color=ACCENT, label=f"left secant: slope {number(left)}")
    ax.plot(w, g(w0) + right * (w - w0), color=SECANT, linestyle=(0, (5, 3)),
            label=f"right secant: slope {number(right)}")
    for at, colour in [(w0 - h, ACCENT), (w0 + h, SECANT), (w0, POINT)]:
        ax.plot(at, g(at), "o", color=colour, markersize=7)
    ax.set(title=f"{name}: steps of {number(h)} either side of 0", ylim=(-2.2, 2.8))
    ax.legend(loc="upper left")
axes[-1].set_xlabel("w")
show(fig)
