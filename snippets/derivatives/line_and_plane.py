"""2 + sin(w) with its tangent line, 2 + sin(w₁ + w₂) with its plane."""

import numpy as np

from calcnotes.figures import line_and_plane_figure
from calcnotes.output import to_html

g1 = lambda w: 2 + np.sin(w)
g2 = lambda w: 2 + np.sin(w[0] + w[1])

fig = line_and_plane_figure(g1, g2, point1=0.0, point2=(0.0, 0.0))

alt = (
    "Left: the curve 2 + sin(w) for w from −2 to 2, a red point at (0, 2) "
    "and its green tangent line of slope 1. Right: the surface "
    "2 + sin(w₁ + w₂) in 3-D, a wave running diagonally, with a red point "
    "at (0, 0, 2) and a green tangent plane resting on it."
)
caption = (
    "One input gives a tangent line; two inputs give a tangent plane, "
    "with one slope per input."
)
print(to_html(fig, alt=alt, caption=caption))
