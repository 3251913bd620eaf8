"""The tangent plane of g(w₀, w₁) = sin(w₀) at (−1.5, 1), in 3-D."""

import numpy as np

from calcnotes import gradient
from calcnotes.figures import tangent_plane_figure
from calcnotes.output import number, to_html

g = lambda w: np.sin(w[0])
w0 = np.array([-1.5, 1.0])

slopes = gradient(g, w0)
fig = tangent_plane_figure(g, w0, span0=(-3, 3), span1=(-3, 3))

alt = (
    "A surface in 3-D like corrugated metal: g(w₀, w₁) = sin(w₀) waves "
    "along w₀ and stays the same along w₁. A red point sits near the "
    "bottom of a trough at (−1.5, 1), and a small green plane rests on "
    "the surface there, almost level."
)
caption = (
    f"The tangent plane of sin(w₀) at (−1.5, 1): slope "
    f"{number(slopes[0])} along w₀ and {number(slopes[1])} along w₁."
)
print(to_html(fig, alt=alt, caption=caption))
