"""The secant of sin through 0 and −2.6, beside the tangent at 0."""

import numpy as np

from calcnotes.figures import secant_figure
from calcnotes.legacy import number, to_html

g = lambda w: np.sin(w)

fig = secant_figure(g, w0=0.0, w1=-2.6, span=(-3, 3), label="g(w) = sin(w)")

alt = (
    "Two panels of the curve sin(w) for w from −3 to 3. Left: a red point "
    f"at (0, 0), a blue point at (−2.6, {number(g(-2.6), 2)}), dashed run "
    "and rise between "
    "them, and the orange secant line through both, rising gently. Right: "
    "the same red point with the green tangent line, which rises at 45 "
    "degrees and hugs the curve near 0."
)
caption = (
    "A secant needs two points of the curve; the tangent touches it at one. "
    "The legends give both lines' equations."
)
print(to_html(fig, alt=alt, caption=caption))
