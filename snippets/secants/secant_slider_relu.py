"""Where it fails: the secants of relu at 0 never settle on one line."""

import numpy as np

from calcnotes.animation import secant_slider
from calcnotes.legacy import to_html

g = lambda w: np.maximum(0, w)

movie = secant_slider(g, 0.0, span=(-2, 2), reach=1.8, frames=48,
                      label="g(w) = max(0, w)")

alt = (
    "The relu curve, flat at 0 for negative w and rising along the line "
    "w for positive w, from −2 to 2, with a red point at the corner (0, 0). "
    "A blue point slides in from the left: the orange secant lies flat, "
    "slope 0. As soon as the point crosses to the right the secant jumps "
    "to the diagonal, slope 1. No green tangent is drawn."
)
caption = (
    "relu at 0: from the left every secant has slope 0, from the right "
    "slope 1, however close the points get. There is no tangent."
)
print(to_html(movie, alt=alt, caption=caption))
