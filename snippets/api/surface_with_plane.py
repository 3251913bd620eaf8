"""viz.surface_with_plane: a bowl and its tangent plane at (1, −0.5)."""

from calcnotes import show
from calcnotes.viz import surface_with_plane

g = lambda w: w[0] ** 2 + 2 * w[1] ** 2  # w[0] is w₁, w[1] is w₂

show(surface_with_plane(g, (1.0, -0.5), span1=(-2, 2)))
