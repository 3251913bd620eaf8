"""Secant to tangent again, for tanh(w)² at w⁰ = 1."""

import numpy as np

from calcnotes.animation import secant_slider
from calcnotes.legacy import to_html

g = lambda w: np.tanh(w) ** 2

movie = secant_slider(g, 1.0, span=(-1.5, 3.5), reach=2.2, frames=48,
                      label="g(w) = tanh(w)²")

alt = (
    "The S-shaped curve tanh(w)², flat near 0 and levelling off at 1, for w "
    "from −1.5 to 3.5. A red point sits at w = 1 on its rising flank; a "
    "blue point slides from w = −1.2 in to 1 and out to 3.2. The orange "
    "secant through them settles onto the green tangent at w = 1 from "
    "both sides."
)
caption = (
    "tanh(w)² has a derivative at 1: from either side the secant's slope "
    "settles on the tangent's."
)
print(to_html(movie, alt=alt, caption=caption))
