"""The slope of sin at a few points, measured numerically and compared with cos."""

import numpy as np

from calcnotes import derivative

g = lambda w: np.sin(w)
points = np.array([-2.6, 0.0, 1.0, 2.5])

slopes = derivative(g, points)

print("| $w$ | measured slope | $\\cos w$ |")
print("|---:|---:|---:|")
for w, slope in zip(points, slopes):
    print(f"| {w:g} | {slope:.10f} | {np.cos(w):.10f} |")
