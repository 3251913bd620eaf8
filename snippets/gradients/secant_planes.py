"""Secant planes along w₁ and along w₂ turn into tangents as the step h shrinks."""

import matplotlib.pyplot as plt
import numpy as np
from mpl_toolkits.mplot3d.art3d import Poly3DCollection

from calcnotes import partial, show
from calcnotes.text import number
from calcnotes.viz import POINT, SECANT, STYLE, SURFACE, TANGENT, animate

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2
w0 = np.array([0.0, 0.0])
e = np.eye(2)  # e[0] points along w₁, e[1] along w₂
steps = (1 - np.arange(72) / 72) ** 2  # h falls from 1 towards 0: fast, then slowly
exact = [partial(g, w0, i) for i in range(2)]

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(2, 1, figsize=(4.8, 7.6), layout="constrained",
                         subplot_kw={"projection": "3d"})
w1, w2 = np.meshgrid(np.linspace(-2, 1, 13), np.linspace(-2, 1, 13))
t = np.linspace(-2, 1, 60)
panels = []
for i, ax in enumerate(axes):
    ax.computed_zorder = False  # draw in the order below: surface, slice, plane, points
    ax.plot_surface(w1, w2, g(np.array([w1, w2])), color=SURFACE, shade=False, alpha=0.7,
                    edgecolor="black", linewidth=0.15)
    trace = w0[:, None] + np.outer(e[i], t)  # the slice of g along this axis
    ax.plot(*trace, g(trace), color="black", linewidth=1.2)
    ax.set(xlabel="w₁", ylabel="w₂", zlim=(3, 9.5))
    ax.locator_params(nbins=4)
    ax.view_init(elev=25, azim=-135)
    plane = Poly3DCollection([np.zeros((4, 3))], zorder=3)
    ax.add_collection3d(plane, autolim=False)
    other, = ax.plot([], [], [], "o", zorder=4)
    point, = ax.plot(*w0, g(w0), "o", color=POINT, zorder=5)
    panels.append((ax, plane, other, point))

along, across = np.array([-1, 1, 1, -1]), np.array([-0.4, -0.4, 0.4, 0.4])  # a strip


def update(k):
    h, slopes = steps[k], []
    for i, (ax, plane, other, _) in enumerate(panels):
        second = w0 + h * e[i]  # the second point, h away along wᵢ
        slope = (g(second) - g(w0)) / h  # the secant slope
        close = abs(slope - exact[i]) < 0.02
        colour = TANGENT if close else SECANT
        corners = w0[:, None] + np.outer(e[i], along) + np.outer(e[1 - i], across)
        plane.set_verts([np.column_stack([*corners, g(w0) + slope * along])])
        plane.set(facecolor=colour, edgecolor=colour, alpha=0.5)
        other.set(data_3d=([second[0]], [second[1]], [g(second)]), color=colour)
        name = f"w{'₁₂'[i]}"
        text = f" ≈ ∂g/∂{name} = {number(exact[i], 4)}" if close else ""
        ax.set_title(f"along {name}: h = {number(h, 3)}\nsecant slope {number(slope, 4)}{text}",
                     y=1.0, pad=0)  # a fixed place: Matplotlib would re-place it per frame
        slopes.append(slope)
    return f"h = {number(h)}: slopes {number(slopes[0])} and {number(slopes[1])}"


moving = [artist for ax, *drawn in panels for artist in [*drawn, ax.title]]
show(animate(fig, moving, update, frames=len(steps), fps=12))
