"""Secant to tangent again, for tanh(w)² at w⁰ = 1."""

import numpy as np

from calcnotes import show
from calcnotes.viz import secant_slider

g = lambda w: np.tanh(w) ** 2

show(secant_slider(g, 1.0, span=(-1.5, 3.5), reach=2.2, frames=300, label="g(w) = tanh(w)²"))
