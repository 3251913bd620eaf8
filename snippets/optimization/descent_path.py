"""The same twenty steps drawn on the curve g(w) = w²."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import gradient_descent, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, STYLE

g = lambda w: w**2

run = gradient_descent(g, 5.0, lr=0.1, steps=20)
print(f"Twenty steps with lr = 0.1 take w from 5 to {number(run.w)}.")

w = np.linspace(-2, 6, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.8), layout="constrained")
ax.plot(w, g(w), color="black", label="g(w) = w²")
ax.vlines(run.path, 0, run.values, color=ACCENT, linewidth=0.8, alpha=0.5)
ax.plot(run.path, run.values, "o", color=ACCENT, markersize=5, label="iterates (wᵏ, g(wᵏ))")
ax.plot(run.path[0], run.values[0], "o", color=POINT, markersize=8, label="start w⁰ = 5")
for k in range(4):  # the first steps: a curved arrow from wᵏ to wᵏ⁺¹, labelled k
    here, there = (run.path[k], run.values[k]), (run.path[k + 1], run.values[k + 1])
    ax.annotate("", there, xytext=here, arrowprops=dict(
        arrowstyle="-|>", color=ACCENT, shrinkA=4, shrinkB=4, connectionstyle="arc3,rad=0.35"))
    ax.annotate(f"k = {k}", here, xytext=(8, -4), textcoords="offset points", va="top")
ax.set(xlabel="w", ylim=(-1, 30))
ax.legend(loc="upper center")
show(fig)
