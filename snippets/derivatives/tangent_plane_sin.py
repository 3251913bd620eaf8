"""The tangent plane of g(w₁, w₂) = sin(w₁) at (−1.5, 1), in 3-D."""

import numpy as np

from calcnotes import gradient, show
from calcnotes.text import number
from calcnotes.viz import surface_with_plane

g = lambda w: np.sin(w[0])  # w[0] is w₁, w[1] is w₂
w0 = np.array([-1.5, 1.0])

slopes = gradient(g, w0)
print(f"Slope {number(slopes[0])} along w₁ and {number(slopes[1])} along w₂.")
show(surface_with_plane(g, w0, span1=(-3, 3)))
