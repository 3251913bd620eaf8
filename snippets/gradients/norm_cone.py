"""The cone ‖w‖₂ and its slice through the tip: a kink in every direction."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE, SURFACE, TANGENT

norm = lambda w: np.sqrt(w[0] ** 2 + w[1] ** 2)

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig = plt.figure(figsize=(4.8, 7.6), layout="constrained")
cone = fig.add_subplot(2, 1, 1, projection="3d")  # the cone above its slice
side = fig.add_subplot(2, 1, 2)

# A polar grid, so that the rim is a circle and the tip a grid point.
r, a = np.meshgrid(np.linspace(0, 1.5, 7), np.linspace(0, 2 * np.pi, 25))
w = np.array([r * np.cos(a), r * np.sin(a)])
cone.computed_zorder = False  # draw in order: cone, rays, tip
cone.plot_surface(*w, norm(w), color=SURFACE, shade=False, alpha=0.6,
                  edgecolor="black", linewidth=0.15)
for angle in np.radians(np.arange(30, 360, 60)):  # six straight lines up from the tip
    cone.plot([0, 1.5 * np.cos(angle)], [0, 1.5 * np.sin(angle)], [0, 1.5], color=TANGENT)
cone.plot([0], [0], [0], "o", color=POINT)
cone.set(title="the cone z = ‖w‖₂", xlabel="w₁", ylabel="w₂")
cone.locator_params(nbins=4)
cone.view_init(elev=22, azim=-60)

t = np.linspace(-1.5, 1.5, 201)  # the distance walked along any unit vector u
side.plot(t, np.abs(t), color="black", label="‖t·u‖₂ = |t|, for every u")
side.plot(t[t >= 0], t[t >= 0], color=TANGENT, linewidth=5, alpha=0.5, label="slope +1")
side.plot(t[t <= 0], -t[t <= 0], color=SECANT, linewidth=5, alpha=0.5, label="slope −1")
for slope in (0, 0.5):
    side.plot(t, slope * t, color=ACCENT, linestyle="--", linewidth=1.2,
              label="lines of slope 0 and 0.5" if slope == 0 else None)
side.plot(0, 0, "o", color=POINT)
side.set(title="the slice t ↦ ‖t·u‖₂ through the tip", xlabel="t", ylim=(-0.9, 2.7))
side.legend(loc="upper center")
show(fig)
