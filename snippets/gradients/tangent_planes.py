"""Tangent along w₁, tangent along w₂, and the tangent plane that has both."""

import numpy as np

from calcnotes import tangent_plane
from calcnotes.figures import axis_tangent_planes_figure
from calcnotes.legacy import number, to_html

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2
w0 = np.array([0.0, 0.0])

h = tangent_plane(g, w0)
s1, s2 = h.gradient
equation = f"h(w) = {number(h.value)} + {number(s1)}·w₁ + {number(s2)}·w₂"
fig = axis_tangent_planes_figure(g, w0, (-2, 1), (-2, 1))

alt = (
    "Three views of the bowl g(w₁, w₂) = 5 + (w₁ + 0.5)² + (w₂ + 0.5)² "
    "with a red point at the origin. Top left: an orange plane that tilts "
    "along w₁ only, holding the green tangent of the bowl's slice along w₁. "
    "Top right: an orange plane that tilts along w₂ only. Below: a green "
    "plane that tilts along both and rests on the bowl, holding the "
    "tangent lines along both axes."
)
caption = (
    "Each single-axis plane is tangent along one direction only; adding "
    f"both slopes gives the tangent plane {equation}."
)
print(to_html(fig, alt=alt, caption=caption))
