"""The secant of sin through 0 turns into the tangent as w¹ slides in."""

import numpy as np

from calcnotes.animation import secant_slider
from calcnotes.legacy import to_html

g = lambda w: np.sin(w)

movie = secant_slider(g, 0.0, span=(-3, 3), reach=2.6, frames=48,
                      label="g(w) = sin(w)")

alt = (
    "The curve sin(w) for w from −3 to 3 with a fixed red point at (0, 0) "
    "and a blue second point that starts at w = −2.6, slides in towards 0, "
    "passes it and moves out to 2.6. The orange secant through the two "
    "points steepens as they close in and lies on the green tangent line "
    "of slope 1 when they almost meet, from either side."
)
caption = (
    "Secant → tangent for sin at w⁰ = 0: the title gives the secant's slope, "
    "which closes in on 1 from the left and from the right."
)
print(to_html(movie, alt=alt, caption=caption))
