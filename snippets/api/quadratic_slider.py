"""viz.quadratic_slider: the tangent and the second-order parabola riding along log(1 + w²)."""

import numpy as np

from calcnotes import show
from calcnotes.viz import quadratic_slider

g = lambda w: np.log(1 + w**2)

show(quadratic_slider(g, span=(-3, 3), frames=120, label="g(w) = log(1 + w²)"))
