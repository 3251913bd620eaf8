"""Gradient descent on eʷ − 2w near its minimum, just below and just above lr = 2 / g″(w*)."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import grad, gradient_descent, show
from calcnotes.viz import ACCENT, SECANT, STYLE, log_label

g = lambda w: np.exp(w) - 2 * w
best = np.log(2)  # w*, where g″(w*) = 2
limit = 2 / grad(grad(g))(best)  # 2 / λ_max, with one input: 2 / g″(w*) = 1

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.8), layout="constrained")
k = np.arange(201)
for lr, colour in zip((0.98 * limit, 1.02 * limit), (ACCENT, SECANT)):
    run = gradient_descent(g, best + 0.01, lr=lr, steps=200, grad=grad(g))
    ax.plot(k, np.abs(run.path - best), "o", color=colour, markersize=2.5, label=f"lr = {lr:g}")
    factor = abs(1 - lr * 2)  # the quadratic model: each step multiplies |wᵏ − w*| by |1 − lr g″(w*)|
    ax.plot(k, 0.01 * factor**k, "--", color=colour, linewidth=1.4)
ax.plot([], [], "--", color="black", linewidth=1.4, label="0.01 |1 − 2 lr|ᵏ")
ax.set(yscale="log", xlabel="step k", ylabel="|wᵏ − w*|", ylim=(1e-6, 3))
ax.yaxis.set_major_formatter(log_label)  # 10⁻⁵ in text, not small typeset exponents
fig.legend(loc="outside upper center", ncols=3)
show(fig)
