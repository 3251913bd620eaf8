"""Four learning rates on g(w) = w² from w⁰ = 5, one above the other."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import gradient_descent, show
from calcnotes.viz import ACCENT, EXTRA, SECANT, STYLE, TANGENT, log_label

g = lambda w: w**2
rates = {0.01: "too small", 0.1: "good", 0.95: "too large: oscillates",
         1.1: "too large: diverges"}
looks = [(EXTRA, "-"), (TANGENT, "-"), (SECANT, "--"), (ACCENT, ":")]

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (left, right) = plt.subplots(2, 1, figsize=(4.8, 7.2), layout="constrained")
for (lr, verdict), (colour, dash) in zip(rates.items(), looks):
    run = gradient_descent(g, 5.0, lr=lr, steps=40)
    k = np.arange(len(run.path))
    look = dict(color=colour, linestyle=dash, marker="o", markersize=3, linewidth=1.6)
    left.plot(k[:21], run.path[:21], label=f"lr = {lr} ({verdict})", **look)
    right.plot(k, run.values, **look)
left.axhline(0, color="black", linewidth=0.6)
left.set(title="the iterates wᵏ", xlabel="step k", ylim=(-10, 10))
right.set(title="the loss g(wᵏ), log scale", xlabel="step k", yscale="log")
right.yaxis.set_major_formatter(log_label)  # 10⁻⁵ in text, not small typeset exponents
fig.legend(loc="outside upper center", ncols=1)
show(fig)
