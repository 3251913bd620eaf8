"""Forward mode on 200 points at once: one pass of g on dual numbers gives g′ everywhere."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import jvp, show
from calcnotes.viz import ACCENT, POINT, STYLE

g = lambda w: w * np.sin(w) + w**2
w = np.linspace(-3, 3, 200)

# Every point moves at rate 1. g acts entry by entry (output i depends on
# input i only), so its Jacobian is diagonal and J·1 is g′ at every point.
values, slopes = jvp(g, w, np.ones_like(w))

w0 = 2.0
value0, slope0 = jvp(g, w0, 1.0)  # one number: w⁰ + 1ε

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.8), layout="constrained")
ax.plot(w, values, color="black", label="g(w) = w sin w + w²: the values")
ax.plot(w, slopes, color=ACCENT, linestyle="--", label="g′(w): the ε-parts")
ax.plot([w0, w0], [value0, slope0], "o", color=POINT,
        label=f"at w⁰ = 2: g = {value0:.4f}, g′ = {slope0:.4f}")
ax.axhline(0, color="black", linewidth=0.6, alpha=0.5)
ax.set(xlabel="w", title="one call of g on 200 dual numbers")
ax.legend(loc="upper center")
show(fig)
