"""Gradient descent step by step on an elongated bowl, over its contours."""

import matplotlib.pyplot as plt

from calcnotes import gradient_descent, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, STYLE, TANGENT, animate, contour_map

g = lambda w: w[0] ** 2 + 8 * w[1] ** 2  # w[0] is w₁ (shallow), w[1] is w₂ (steep)

run = gradient_descent(g, [-4.0, 1.5], lr=0.1, steps=40)
path = run.path  # row k is the iterate wᵏ = (w₁, w₂)

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.6), layout="constrained")  # room for title and legend
contour_map(g, (-4.5, 4.5), (-1.8, 1.8), ax=ax)
trail, = ax.plot([], [], "-o", color=ACCENT, markersize=3, linewidth=1.4, label="path so far")
step, = ax.plot([], [], "--", color=TANGENT, linewidth=2.2, label="next step −lr ∇g(wᵏ)")
point, = ax.plot([], [], "o", color=POINT, markersize=7, label="current wᵏ")
fig.legend(loc="outside lower center", ncols=2)


def update(k):
    trail.set_data(path[: k + 1, 0], path[: k + 1, 1])
    step.set_data(path[k : k + 2, 0], path[k : k + 2, 1])  # empty after the last step
    point.set_data(path[k : k + 1, 0], path[k : k + 1, 1])
    where = f"({number(path[k, 0])}, {number(path[k, 1])})"
    ax.set_title(f"k = {k}: wᵏ = {where}, g(wᵏ) = {number(run.values[k], 3)}", y=1.0, pad=8)
    return f"k = {k}: wᵏ = {where}"


show(animate(fig, [trail, step, point, ax.title], update, frames=len(path), fps=5))
