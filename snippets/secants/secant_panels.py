"""Secants of sin through w⁰ = 0 for three shrinking steps h, one panel each."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import secant_line, show, tangent_line
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE, TANGENT

g = lambda w: np.sin(w)
w0 = 0.0
tangent = tangent_line(g, w0)

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, readable on a phone
plt.rcParams["font.size"] = 12  # three small panels in a row, each with few labels
w = np.linspace(-3, 3, 200)
fig, axes = plt.subplots(1, 3, figsize=(4.8, 2.9), sharey=True, layout="constrained")
for ax, h in zip(axes, [-2.6, -1.2, -0.3]):  # w¹ = w⁰ + h, to the left of w⁰
    secant = secant_line(g, w0, w0 + h)
    ax.plot(w, g(w), color="black")
    ax.plot(w, tangent(w), color=TANGENT, linestyle="--", linewidth=1.2)
    ax.plot(w, secant(w), color=SECANT, linewidth=2)
    ax.plot(w0 + h, g(w0 + h), "o", color=ACCENT)
    ax.plot(w0, g(w0), "o", color=POINT)
    ax.set_title(f"h = {number(h)}\nslope {number(secant.slope)}")
    ax.set(xlabel="w", ylim=(-1.8, 1.8), xticks=[-2, 0, 2])
axes[0].set_ylabel("sin(w)")
show(fig)
