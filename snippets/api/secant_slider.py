"""viz.secant_slider: secants of e^w through 0 closing in from the right."""

import numpy as np

from calcnotes import show
from calcnotes.viz import secant_slider

g = lambda w: np.exp(w)

show(secant_slider(g, 0.0, span=(-1.5, 2), side="right", frames=120, label="g(w) = eʷ"))
