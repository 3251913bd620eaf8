"""The same sliding tangent on a wigglier function, sin(4w) + 0.1w²."""

import numpy as np

from calcnotes.animation import tangent_slider
from calcnotes.output import to_html

g = lambda w: np.sin(4 * w) + 0.1 * w**2

movie = tangent_slider(
    g, span=(-3, 3), frames=120, fps=15, label="g(w) = sin(4w) + 0.1w²"
)

alt = (
    "The curve g(w) = sin(4w) + 0.1w² for w from −3 to 3: fast waves on "
    "a shallow bowl. A red point travels along it with a green tangent "
    "line that swings from steeply rising to steeply falling as the point "
    "crosses each wave."
)
caption = "However fast the curve turns, near the point it looks straight."
print(to_html(movie, alt=alt, caption=caption))
