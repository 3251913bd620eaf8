"""viz.tangent_slider on a function of your own: a cubic and its tangents."""

from calcnotes import show
from calcnotes.viz import tangent_slider

g = lambda w: w**3 - 3 * w

show(tangent_slider(g, span=(-2.2, 2.2), frames=40, label="g(w) = w³ − 3w"))
