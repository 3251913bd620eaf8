"""A tangent line rides along g(w) = sin(w): drag the slider or play."""

import numpy as np

from calcnotes import show
from calcnotes.viz import tangent_slider

g = lambda w: np.sin(w)

show(tangent_slider(g, span=(-3, 3), frames=200, fps=24, label="g(w) = sin(w)"))
