"""sin and its first three derivatives, each by nesting grad once more."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import grad, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, EXTRA, POINT, SECANT, STYLE

g = lambda w: np.sin(w)
orders = [g, grad(g), grad(grad(g)), grad(grad(grad(g)))]  # g, g′, g″, g‴
names = ["g(w) = sin w", "g′ = grad(g)", "g″ = grad(grad(g))", "g‴ = grad(grad(grad(g)))"]
styles = [("black", "-"), (ACCENT, "--"), (SECANT, "-."), (EXTRA, ":")]

w = np.linspace(-np.pi, np.pi, 121)
w0 = 1.0
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 4.6), layout="constrained")
for derivative, name, (colour, line) in zip(orders, names, styles):
    values = [derivative(point) for point in w]  # grad takes one point at a time here
    ax.plot(w, values, color=colour, linestyle=line, label=name)
    at_w0 = derivative(w0)
    ax.plot(w0, at_w0, "o", color=POINT, markersize=5)
    ax.annotate(number(at_w0, 6), (w0, at_w0), xytext=(6, 0), textcoords="offset points",
                va="center")
ax.axvline(w0, color="black", linewidth=0.6, alpha=0.5)
ax.set(xlabel="w", title="the values at w⁰ = 1, by nested grad")
fig.legend(loc="outside lower center", ncols=2)
show(fig)
