"""The forward difference of sin while the step h shrinks from 1 to 10⁻¹⁷."""

import numpy as np

from calcnotes import show
from calcnotes.viz import step_sweep

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)  # the exact derivative, to measure the error against

# five steps a decade: h = 1, 10^-0.2, 10^-0.4, ..., 10^-17
show(step_sweep(g, dg, span=(-3, 3), method="forward", steps=(1, 1e-17), frames=86, fps=8,
                n=400, label="g(w) = sin(w)"))
