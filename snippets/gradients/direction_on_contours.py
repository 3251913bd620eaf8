"""Walking from (1, 1) in the direction v = (2, −1): the slope along it."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import directional_derivative, gradient, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE, TANGENT, contour_map

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2  # w[0] is x, w[1] is y
p, v = np.array([1.0, 1.0]), np.array([2.0, -1.0])
u = v / np.linalg.norm(v)  # the unit vector along v
slope = directional_derivative(f, p, v)
grad = gradient(f, p)
print(f"Along u = v/‖v‖ the slope of f is ∇f·u = {number(slope)}.")

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (left, right) = plt.subplots(2, 1, figsize=(4.8, 8.4), layout="constrained", height_ratios=[1.4, 1])
contour_map(f, (-2, 2), ax=left, levels=[-3, -1, 1, 3, 6, 10, 15], names=("x", "y"))
t = np.linspace(-1.5, 1.5, 100)  # distance walked from p
line = p[:, None] + np.outer(u, t)  # the points p + t·u
left.plot(*line, color=SECANT, linestyle="--", linewidth=1.2)
arrow = dict(angles="xy", scale_units="xy", scale=1, width=0.012, zorder=4)
left.quiver(*p, *u, color=SECANT, label="direction u", **arrow)
left.quiver(*p, *grad / np.linalg.norm(grad), color=ACCENT, label="direction of ∇f", **arrow)
left.plot(*p, "o", color=POINT, zorder=5)
left.set_title("the line through (1, 1) along u")

right.plot(t, f(line), color="black", label="f(p + t·u)")
right.plot(t, f(p) + slope * t, color=TANGENT, label=f"tangent, slope {number(slope)}")
right.plot(0, f(p), "o", color=POINT)
right.set(xlabel="t, the distance walked along u", title="the slice of f along that line")
handles = [h for ax in (left, right) for h in ax.get_legend_handles_labels()[0]]
fig.legend(handles=handles, loc="outside lower center", ncols=2)  # clear of the level curves
show(fig)
