"""The saddle of g(w₁, w₂) = w₁² − w₂² in 3-D and as a contour map."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import classify_critical_point, hessian, show
from calcnotes.text import number
from calcnotes.viz import EXTRA, POINT, SECANT, STYLE, contour_map, surface_with_plane

g = lambda w: w[0] ** 2 - w[1] ** 2  # w[0] is w₁, w[1] is w₂
p = np.array([0.0, 0.0])

eigenvalues, eigenvectors = np.linalg.eigh(hessian(g, p))
print(f"At (0, 0) the Hessian has eigenvalues {number(eigenvalues[0])} and "
      f"{number(eigenvalues[1])}: a {classify_critical_point(g, p)}.")

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig = plt.figure(figsize=(4.8, 8.2), layout="constrained")
panels = fig.add_gridspec(2, 1, height_ratios=[1, 1])  # the surface above its contour map
left = fig.add_subplot(panels[0], projection="3d")
right = fig.add_subplot(panels[1])
surface_with_plane(g, p, span1=(-2, 2), ax=left, n=14, plane_size=0.5, view=(24, -58))
contour_map(g, (-2, 2), ax=right, levels=[-3, -2, -1, 0, 1, 2, 3])
t = np.linspace(-2, 2, 41)
for value, v in zip(eigenvalues, eigenvectors.T):  # the section of g along each eigenvector
    line = p[:, None] + v[:, None] * t
    colour, bends = (EXTRA, "up") if value > 0 else (SECANT, "down")
    left.plot(line[0], line[1], g(line), color=colour, linewidth=2.5, zorder=4)
    right.plot(line[0], line[1], color=colour, linewidth=2.5,
               label=f"eigenvalue {number(value)}: bends {bends}")
right.plot(*p, "o", color=POINT, markersize=7)
fig.legend(*right.get_legend_handles_labels(), loc="outside lower center", ncols=1)
show(fig)
