"""The same sliding tangent on a wigglier function, sin(4w) + 0.1w²."""

import numpy as np

from calcnotes import show
from calcnotes.viz import tangent_slider

g = lambda w: np.sin(4 * w) + 0.1 * w**2

show(tangent_slider(g, span=(-3, 3), frames=400, fps=30, label="g(w) = sin(4w) + 0.1w²"))
