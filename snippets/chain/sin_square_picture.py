"""sin(x²), its inner function x², and the chain-rule derivative 2x·cos(x²)."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import derivative, show
from calcnotes.viz import ACCENT, POINT, STYLE, TANGENT

h = lambda x: np.sin(x**2)              # the outer sin of the inner x²
dh = lambda x: np.cos(x**2) * 2 * x     # chain rule: f′(g(x)) · g′(x)

x = np.linspace(-3, 3, 600)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.8, 6.0), sharex=True,
                                  layout="constrained")
top.plot(x, h(x), color="black", label="h(x) = sin(x²)")
top.plot(x, x**2, "--", color=ACCENT, label="inner g(x) = x²")
top.set(ylabel="y", ylim=(-1.3, 3.2))
top.legend(loc="upper center", ncols=2)

bottom.plot(x, dh(x), color=TANGENT, label="h′(x) = 2x·cos(x²)")
for sign in (1, -1):                    # |cos| ≤ 1 keeps h′ between ±2x
    bottom.plot(x, sign * 2 * x, ":", color=ACCENT, linewidth=1.5,
                label="±2x, the inner slope" if sign == 1 else None)
checks = np.linspace(-2.7, 2.7, 9)      # finite differences, no formula
bottom.plot(checks, derivative(h, checks), "o", color=POINT, markersize=5,
            label="derivative(h, x), numerical")
bottom.set(xlabel="x", ylabel="h′(x)", ylim=(-7, 7))
fig.legend(*bottom.get_legend_handles_labels(), loc="outside lower center", ncols=2)  # under h′
for ax in (top, bottom):
    ax.grid(True, alpha=0.3)
show(fig)
