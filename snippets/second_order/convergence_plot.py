"""The same errors on log scales: Newton's digits double each step, descent's grow by a constant."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import grad, gradient_descent, newton, show
from calcnotes.viz import ACCENT, SECANT, STYLE, log_label

g = lambda w: np.exp(w) - 2 * w
best = np.log(2)  # the minimum w*

runs = {"Newton": newton(g, 2.0, steps=6),
        "gradient descent, lr = 0.1": gradient_descent(g, 2.0, lr=0.1, steps=60, grad=grad(g))}

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.8, 6.1), layout="constrained")
for (name, run), colour in zip(runs.items(), (SECANT, ACCENT)):
    e = np.abs(run.path - best)
    e = e[e > 0]  # Newton lands on w* to the last bit: log 0 is not drawn
    top.plot(np.arange(len(e)), e, "o-", color=colour, markersize=4, label=name)
    bottom.plot(e[:-1], e[1:], "o-", color=colour, markersize=4)
top.set(yscale="log", xlabel="step k", ylabel="error eₖ = |wᵏ − w*|")
top.yaxis.set_major_formatter(log_label)  # 10⁻⁵ in text, not small typeset exponents
top.legend(loc="upper right")

e = np.logspace(-7, 0.3, 50)
bottom.plot(e, 0.8 * e, "--", color="black", linewidth=0.9, label="slope 1: eₖ₊₁ = 0.8 eₖ")
bottom.plot(e, 0.5 * e**2, ":", color="black", linewidth=1.2, label="slope 2: eₖ₊₁ = 0.5 eₖ²")
bottom.set(xscale="log", yscale="log", xlabel="eₖ", ylabel="eₖ₊₁", ylim=(1e-11, 5))
bottom.xaxis.set_major_formatter(log_label)
bottom.yaxis.set_major_formatter(log_label)
bottom.legend(loc="lower right")
show(fig)
