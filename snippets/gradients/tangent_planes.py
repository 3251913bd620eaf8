"""Tangent along w₁, tangent along w₂, and the tangent plane that has both."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show, tangent_plane
from calcnotes.text import number
from calcnotes.viz import SECANT, STYLE, TANGENT, surface_with_plane

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2
w0 = np.array([0.0, 0.0])

h = tangent_plane(g, w0)  # h(w) = g(w⁰) + ∇g(w⁰)ᵀ(w − w⁰)
s1, s2 = h.gradient
print(f"The tangent plane at w⁰ = (0, 0) is "
      f"h(w) = {number(h.value)} + {number(s1)}·w₁ + {number(s2)}·w₂.")
h1 = lambda w: h.value + s1 * (w[0] - w0[0])  # leans along w₁ only
h2 = lambda w: h.value + s2 * (w[1] - w0[1])  # leans along w₂ only

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig = plt.figure(figsize=(4.8, 6.4), layout="constrained")
panels = [(fig.add_subplot(2, 2, 1, projection="3d"), h1, SECANT, [0], "tangent along w₁ only"),
          (fig.add_subplot(2, 2, 2, projection="3d"), h2, SECANT, [1], "tangent along w₂ only"),
          (fig.add_subplot(2, 1, 2, projection="3d"), h, TANGENT, [0, 1], "tangent plane: both slopes")]
t = np.linspace(-2, 1, 50)
for ax, plane, colour, axes, title in panels:
    surface_with_plane(g, w0, span1=(-2, 1), ax=ax, plane=plane, color=colour, plane_size=0.5,
                       n=12, view=(25, -135), labels=("w₁", "w₂", ""))
    for i in axes:  # the slice of g along each axis the plane follows
        trace = w0[:, None] + np.outer(np.eye(2)[i], t)
        ax.plot(*trace, g(trace), color="black", linewidth=1.2, zorder=2)
    ax.set_title(title)
for ax, *_ in panels[:2]:  # the two small panels: the same bowl, its ticks are below
    ax.set(xticklabels=[], yticklabels=[], zticklabels=[], xlabel="", ylabel="")
show(fig)
