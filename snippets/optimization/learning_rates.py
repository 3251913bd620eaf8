"""Four learning rates on g(w) = w² from w⁰ = 5, side by side."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import gradient_descent, show
from calcnotes.viz import ACCENT, EXTRA, SECANT, TANGENT

g = lambda w: w**2
rates = {0.01: "too small", 0.1: "good", 0.95: "too large: oscillates",
         1.1: "too large: diverges"}
looks = [(EXTRA, "-"), (TANGENT, "-"), (SECANT, "--"), (ACCENT, ":")]

fig, (left, right) = plt.subplots(1, 2, figsize=(7.2, 3.8), layout="constrained")
for (lr, verdict), (colour, dash) in zip(rates.items(), looks):
    run = gradient_descent(g, 5.0, lr=lr, steps=40)
    k = np.arange(len(run.path))
    look = dict(color=colour, linestyle=dash, marker="o", markersize=3, linewidth=1.6)
    left.plot(k[:21], run.path[:21], label=f"lr = {lr} ({verdict})", **look)
    right.plot(k, run.values, **look)
left.axhline(0, color="black", linewidth=0.6)
left.set(title="the iterates wᵏ", xlabel="step k", ylim=(-10, 10))
right.set(title="the loss g(wᵏ), log scale", xlabel="step k", yscale="log")
fig.legend(loc="outside upper center", ncols=2)
show(fig)
