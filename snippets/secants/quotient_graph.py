"""The difference quotient at 0 against h: sin fills its hole, relu cannot."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import one_sided_slopes, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE

functions = {
    "sin(w)": lambda w: np.sin(w),
    "relu(w)": lambda w: np.maximum(0, w),
}
w0 = 0.0
h = np.geomspace(2.0, 2e-4, 200)  # h = 0 itself is left out: the quotient has a hole there

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(2, 1, figsize=(4.8, 5.8), sharex=True, layout="constrained")
for ax, (name, g) in zip(axes, functions.items()):
    quotient = lambda step: (g(w0 + step) - g(w0)) / step
    ax.plot(-h, quotient(-h), color=ACCENT, label="h < 0")
    ax.plot(h, quotient(h), color=SECANT, label="h > 0")
    left, right = one_sided_slopes(g, w0, 1e-9)  # where each branch heads
    if np.isclose(left, right):
        marks = [(left, POINT, f"both sides → {number(left)}", (8, 8), "left")]
    else:
        marks = [(left, ACCENT, f"from the left → {number(left)}", (-8, 9), "right"),
                 (right, SECANT, f"from the right → {number(right)}", (8, -15), "left")]
    for value, colour, text, offset, align in marks:
        ax.plot(0, value, "o", markersize=8, markerfacecolor="none", markeredgecolor=colour,
                markeredgewidth=2)
        ax.annotate(text, (0, value), xytext=offset, textcoords="offset points", ha=align)
    ax.axvline(0, color="black", linewidth=0.8, linestyle=":", zorder=1)
    ax.set(title=f"{name} at w⁰ = 0", ylabel="(g(h) − g(0)) / h", xlim=(-2, 2), ylim=(-0.4, 1.45))
axes[-1].set_xlabel("h")
axes[0].legend(loc="lower left")
show(fig)
