"""Forward, backward and central secants of sin around w⁰ = 1, with h = 0.8."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import derivative, secant_line, show, tangent_line
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE, TANGENT

g = lambda w: np.sin(w)
w0, h = 1.0, 0.8
stencils = {  # the two points each formula evaluates g at, and its colour and dashes
    "forward": (w0, w0 + h, SECANT, "-"),
    "backward": (w0 - h, w0, POINT, "--"),
    "central": (w0 - h, w0 + h, ACCENT, "-."),
}

w = np.linspace(-0.5, 2.5, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 4.6), layout="constrained")
ax.plot(w, g(w), color="black", label="g(w) = sin(w)")
tangent = tangent_line(g, w0)
ax.plot(w, tangent(w), color=TANGENT, linewidth=2.5, label=f"tangent: slope {number(tangent.slope)}")
for method, (a, b, colour, dashes) in stencils.items():
    slope = derivative(g, w0, h=h, method=method)  # the slope of the secant through a and b
    ax.plot(w, secant_line(g, a, b)(w), color=colour, linestyle=dashes, linewidth=1.6,
            label=f"{method}: slope {number(slope)}")
    ax.plot([a, b], g(np.array([a, b])), "o", color=colour, markersize=5)
ax.plot(w0, g(w0), "o", color=POINT, markersize=8)
ax.set(xlabel="w", ylim=(-0.9, 1.6), title=f"secants with h = {h} around w⁰ = {w0:g}")
ax.grid(True)
fig.legend(loc="outside lower center", ncols=2)
show(fig)
