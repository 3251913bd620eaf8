"""The Hessian of the Rosenbrock function at its minimum: the most and the least curved directions."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import grad, jacobian, show
from calcnotes.text import number
from calcnotes.viz import EXTRA, POINT, SECANT, STYLE, contour_map, log_label

g = lambda w: 100 * (w[1] - w[0] ** 2) ** 2 + (1 - w[0]) ** 2  # w[0] is w₁, w[1] is w₂
w0 = np.array([1.0, 1.0])

H = jacobian(grad(g), w0)  # the exact Hessian ∇²g(w⁰)
eigenvalues, eigenvectors = np.linalg.eigh(H)  # ascending: the least curved first
looks = (EXTRA, SECANT)


def bend_along(degrees):
    """g″ of the slice t ↦ g(w⁰ + t v), v the unit vector at this angle from the w₁ axis."""
    v = np.array([np.cos(np.radians(degrees)), np.sin(np.radians(degrees))])
    return grad(grad(lambda t: g(w0 + t * v)))(0.0)


plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.8, 6.3), layout="constrained",
                                  height_ratios=[1.2, 1])
contour_map(g, (0.7, 1.3), (0.6, 1.4), ax=top, levels=[0.1, 0.5, 2, 6], labels=False)
for value, v, colour in zip(eigenvalues, eigenvectors.T, looks):
    ends = w0 + np.outer([-0.25, 0.25], v)  # a direction: both ways from w⁰
    top.plot(ends[:, 0], ends[:, 1], color=colour, linewidth=2.2, alpha=0.85, zorder=0.5,
             label=f"eigenvalue {number(value, 4)}")  # under the level curves
top.plot(*w0, "o", color=POINT, markersize=7)
fig.legend(*top.get_legend_handles_labels(), loc="outside upper center", ncols=2)

angles = np.linspace(0, 180, 181)
bottom.plot(angles, [bend_along(a) for a in angles], color="black")
for value, v, colour in zip(eigenvalues, eigenvectors.T, looks):
    bottom.plot(np.degrees(np.arctan2(v[1], v[0])) % 180, value, "o", color=colour, markersize=8)
bottom.set(yscale="log", xlabel="direction: degrees from the w₁ axis", ylabel="g″ along it",
           xticks=range(0, 181, 30))
bottom.yaxis.set_major_formatter(log_label)  # 10³ in text, not small typeset exponents
print(f"At (1, 1) the curvature ranges from {number(eigenvalues[0], 4)} to "
      f"{number(eigenvalues[1], 4)}, a ratio of {number(eigenvalues[1] / eigenvalues[0], 4)}.")
show(fig)
