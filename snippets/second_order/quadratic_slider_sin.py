"""The tangent line and the Taylor parabola ride along g(w) = sin(w) together."""

import numpy as np

from calcnotes import show
from calcnotes.viz import quadratic_slider

g = lambda w: np.sin(w)

show(quadratic_slider(g, span=(-3, 3), frames=120, label="g(w) = sin(w)"))
