"""Where it fails: the secants of relu at w⁰ = 0 never settle on one line."""

import numpy as np

from calcnotes import show
from calcnotes.viz import secant_slider

g = lambda w: np.maximum(0, w)

# No tangent is drawn: is_differentiable(g, 0.0) is False
show(secant_slider(g, 0.0, span=(-2, 2), reach=1.8, frames=300, label="g(w) = max(0, w)"))
