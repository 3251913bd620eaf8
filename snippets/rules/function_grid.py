"""Six functions from the table, each drawn with its derivative."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.viz import ACCENT, STYLE

sigma = lambda x: 1 / (1 + np.exp(-x))
relu_slope = lambda x: np.select([x < 0, x > 0], [0.0, 1.0], np.nan)  # none at 0

# title, span drawn, f and its name, f′ by the rules and its name
panels = [
    ("power", (-1.6, 1.6), lambda x: x**3, "x³", lambda x: 3 * x**2, "3x²"),
    ("exponential", (-2, 2), np.exp, "eˣ", np.exp, "eˣ (the same)"),
    ("logarithm", (0.2, 4), np.log, "ln x", lambda x: 1 / x, "1/x"),
    ("sine", (-np.pi, np.pi), np.sin, "sin x", np.cos, "cos x"),
    ("ReLU", (-2, 2), lambda x: np.maximum(x, 0), "max(x, 0)", relu_slope, "0 or 1"),
    ("sigmoid", (-6, 6), sigma, "σ(x)", lambda x: sigma(x) * (1 - sigma(x)), "σ(x)(1 − σ(x))"),
]

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(3, 2, figsize=(4.8, 7.2), layout="constrained")  # small panels: few ticks
for ax, (title, span, f, name, df, dname) in zip(axes.flat, panels):
    x = np.linspace(*span, 161)  # an odd count: x = 0 is a grid point when it is the centre
    ax.plot(x, f(x), color="black", label=name)
    ax.plot(x, df(x), color=ACCENT, linestyle="--", label=dname)  # NaN lifts the pen
    ax.axhline(0, color="black", linewidth=0.6, alpha=0.5)
    ax.set_title(title)
    ax.locator_params(nbins=4)
    corner = {"power": "lower right", "logarithm": "upper right"}.get(title, "upper left")  # off the curves
    ax.legend(loc=corner, fontsize=10, handlelength=1.5, borderaxespad=0.2)

# ReLU at 0: its slope is 0 just left and 1 just right, and neither at 0 itself.
axes.flat[4].plot([0, 0], [0, 1], "o", color=ACCENT, markerfacecolor="none")
show(fig)
