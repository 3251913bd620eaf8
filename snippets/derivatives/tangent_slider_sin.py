"""A tangent line rides along g(w) = sin(w): drag the slider or play."""

import numpy as np

from calcnotes.animation import tangent_slider
from calcnotes.output import to_html

g = lambda w: np.sin(w)

movie = tangent_slider(g, span=(-3, 3), frames=60, label="g(w) = sin(w)")

alt = (
    "The curve g(w) = sin(w) for w from −3 to 3. A red point moves along "
    "it from left to right, and a green line through the point tilts with "
    "it: falling where the curve falls, flat at its trough and peak, "
    "rising where it rises."
)
caption = "The tangent of sin(w), point by point; the title gives its slope."
print(to_html(movie, alt=alt, caption=caption))
