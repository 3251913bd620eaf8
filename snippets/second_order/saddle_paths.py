"""From the same start, Newton's method settles on a saddle and gradient descent on a minimum."""

import matplotlib.pyplot as plt

from calcnotes import classify_critical_point, grad, gradient_descent, newton, show
from calcnotes.text import number
from calcnotes.viz import STYLE, contour_map

g = lambda w: w[0] ** 2 + w[1] ** 4 / 4 - w[1] ** 2 / 2  # minima (0, ±1), a saddle at (0, 0)
start = [1.0, 0.3]

runs = {"Newton": newton(g, start, steps=50, tol=1e-10),
        "gradient descent, lr = 0.1": gradient_descent(g, start, lr=0.1, steps=500, grad=grad(g), tol=1e-10)}
for name, run in runs.items():
    end = ", ".join(number(round(v, 6) + 0.0) for v in run.w)  # + 0.0: no −0
    print(f"{name}: ends at ({end}) after {run.steps} steps, a {classify_critical_point(g, run.w)}, "
          f"with g = {number(run.values[-1], 3)}.")
    print()

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 5.4), layout="constrained")
contour_map(g, (-1.3, 1.3), (-1.6, 1.6), ax=ax, paths=runs, levels=[-0.2, -0.1, 0, 0.2, 0.5, 1, 1.6],
            labels=False)
ax.get_legend().remove()  # above the map, off the level curves
fig.legend(*ax.get_legend_handles_labels(), loc="outside upper center", ncols=1)
ax.plot([0, 0, 0], [-1, 0, 1], "X", color="black", markersize=8)  # the three critical points
show(fig)
