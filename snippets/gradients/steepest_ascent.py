"""The slope of x² + 3xy + y² at (1, 0) in 360 directions: the best is ∇f."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import directional_derivative, gradient, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, STYLE, TANGENT

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
p = np.array([1.0, 0.0])

angles = np.arange(360)  # whole degrees
slopes = np.array([directional_derivative(f, p, [np.cos(a), np.sin(a)])
                   for a in np.radians(angles)])
best = int(np.argmax(slopes))
grad = gradient(f, p)
length, grad_angle = np.linalg.norm(grad), np.degrees(np.arctan2(grad[1], grad[0]))
print(f"Best of 360 directions: θ = {angles[best]}°, slope {number(slopes[best], 6)}. "
      f"The gradient points at θ = {number(grad_angle, 6)}° "
      f"and has length ‖∇f‖ = {number(length, 6)}.")

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 4.2), layout="constrained")
ax.plot(angles, slopes, color="black", label="slope ∇f·u in the direction θ")
ax.axvline(grad_angle, color=ACCENT, label="the direction of ∇f")
for level in (length, -length):
    ax.axhline(level, color=TANGENT, linestyle="--", linewidth=1,
               label="±‖∇f‖" if level > 0 else None)
ax.plot(angles[best], slopes[best], "o", color=POINT, label="the largest slope found")
ax.set(xlabel="angle θ of the direction u (degrees)", ylabel="slope along u",
       xlim=(0, 360), xticks=range(0, 361, 90), ylim=(-5, 6))
fig.legend(loc="outside upper center", ncols=2)  # above the axes, off the curve
show(fig)
