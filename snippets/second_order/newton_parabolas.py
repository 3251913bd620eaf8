"""Newton's method on g(w) = eʷ − 2w: each step jumps to the bottom of the Taylor parabola."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import grad, newton, show
from calcnotes.viz import ACCENT, EXTRA, POINT, SECANT, STYLE

g = lambda w: np.exp(w) - 2 * w
slope, bend = grad(g), grad(grad(g))  # g′ and g″, exact

run = newton(g, 2.0, steps=3)  # wᵏ⁺¹ = wᵏ − g′(wᵏ) / g″(wᵏ)

w = np.linspace(-0.4, 2.4, 300)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.8), layout="constrained")
ax.plot(w, g(w), color="black", label="g(w) = eʷ − 2w")
for k, colour in zip(range(3), (SECANT, EXTRA, ACCENT)):
    here, there = run.path[k], run.path[k + 1]
    d = w - here
    parabola = g(here) + slope(here) * d + 0.5 * bend(here) * d**2
    ax.plot(w, parabola, color=colour, linewidth=1.6, label=f"parabola at w{'⁰¹²'[k]}")
    bottom = g(here) - slope(here) ** 2 / (2 * bend(here))  # its lowest value, at wᵏ⁺¹
    ax.plot([there, there], [bottom, g(there)], ":", color=colour, linewidth=1.6)
    ax.plot(there, bottom, "v", color=colour, markersize=7)
ax.plot(run.path, run.values, "o", color=POINT, markersize=6, zorder=5, label="iterates wᵏ")
ax.set(xlabel="w", ylim=(0, 4.5))
fig.legend(loc="outside upper center", ncols=2)
print("wᵏ: " + ", ".join(f"{v:.6f}" for v in run.path) + f" (the minimum: ln 2 = {np.log(2):.6f})")
show(fig)
