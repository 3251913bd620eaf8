"""Newton's method and gradient descent on the Rosenbrock function from (−1.2, 1)."""

import matplotlib.pyplot as plt

from calcnotes import grad, gradient_descent, newton, show
from calcnotes.text import number
from calcnotes.viz import STYLE, contour_map

g = lambda w: 100 * (w[1] - w[0] ** 2) ** 2 + (1 - w[0]) ** 2  # w[0] is w₁, w[1] is w₂
start = [-1.2, 1.0]

jumps = newton(g, start, steps=100, tol=1e-6)
crawl = gradient_descent(g, start, lr=0.001, steps=100_000, grad=grad(g), tol=1e-6)
print(f"Newton: {jumps.steps} steps to (1, 1), converged = {jumps.converged}; g along the way: "
      + ", ".join(number(v, 3) for v in jumps.values) + ".")
print()
print(f"Gradient descent (lr = 0.001): {crawl.steps} steps, converged = {crawl.converged}.")

paths = {f"Newton, {jumps.steps} steps": jumps.path,
         f"descent, {crawl.steps} steps (every 500th drawn)": crawl.path[::500]}
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 5.2), layout="constrained")
contour_map(g, (-1.6, 1.6), (-3.4, 1.8), ax=ax, paths=paths, levels=[0.5, 4, 30, 200, 1000, 3000],
            labels=False, n=140)
ax.set_aspect("auto")  # w₂ stretched less than w₁: the whole path fits a shorter picture
ax.get_legend().remove()  # above the map, off the level curves
fig.legend(*ax.get_legend_handles_labels(), loc="outside upper center", ncols=1)
ax.plot(1, 1, "*", color="black", markersize=11)  # the minimum
show(fig)
