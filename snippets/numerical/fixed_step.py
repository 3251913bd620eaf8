"""The forward difference of sin with one fixed step, h = 10⁻², over a grid of points."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import derivative, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, SECANT, STYLE

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)  # the exact derivative, to compare with
h = 1e-2

w = np.linspace(-3, 3, 100)
estimate = derivative(g, w, h=h, method="forward")  # all 100 points in one call
error = np.abs(estimate - dg(w))
print(f"With h = {number(h)} the largest error on the grid is {number(error.max(), 3)}, "
      f"at w = {number(w[error.argmax()], 3)}.")

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.6), layout="constrained")
ax.plot(w, g(w), color="black", label="g(w) = sin(w)")
ax.plot(w, dg(w), color=ACCENT, linestyle="--", linewidth=3, label="exact g′(w) = cos(w)")
ax.plot(w, estimate, "o", color=SECANT, markersize=2.5, label=f"forward difference, h = {number(h)}")
ax.set(xlabel="w", ylim=(-1.3, 1.9))
ax.legend(loc="upper left")
show(fig)
