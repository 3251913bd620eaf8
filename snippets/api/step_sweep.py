"""viz.step_sweep: central differences on tanh(w) as the step h shrinks."""

import numpy as np

from calcnotes import show
from calcnotes.viz import step_sweep

g = lambda w: np.tanh(w)
dg = lambda w: 1 - np.tanh(w) ** 2  # the exact derivative, to measure the error

show(step_sweep(g, dg, span=(-3, 3), method="central", label="g(w) = tanh(w)"))
