"""The secant of sin through w⁰ = 0 turns into the tangent as w¹ slides in."""

import numpy as np

from calcnotes import show
from calcnotes.viz import secant_slider

g = lambda w: np.sin(w)

# w¹ comes in from −2.6 (the worked example), passes w⁰ and goes out to 2.6
show(secant_slider(g, 0.0, span=(-3, 3), reach=2.6, frames=300, label="g(w) = sin(w)"))
