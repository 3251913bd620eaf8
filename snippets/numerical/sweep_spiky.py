"""The same sweep of h on a spiky function, cos(40w)¹⁰⁰ / (w² + 1)."""

import numpy as np

from calcnotes import show
from calcnotes.viz import step_sweep

g = lambda w: np.cos(40 * w) ** 100 / (w**2 + 1)
dg = lambda w: (  # quotient and chain rules, by hand
    -4000 * np.cos(40 * w) ** 99 * np.sin(40 * w) / (w**2 + 1)
    - 2 * w * np.cos(40 * w) ** 100 / (w**2 + 1) ** 2
)

# 700 points: the spikes are a few thousandths wide
show(step_sweep(g, dg, span=(0.9, 1.13), method="forward", steps=(1, 1e-17), frames=86, fps=8,
                n=700, label="g(w) = cos(40w)¹⁰⁰/(w²+1)"))
