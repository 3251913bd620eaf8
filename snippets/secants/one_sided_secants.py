"""The left and right secants at 0 of sin and of relu, with steps of 1."""

import numpy as np

from calcnotes.figures import one_sided_figure
from calcnotes.legacy import number, to_html

functions = {
    "sin(w)": lambda w: np.sin(w),
    "relu(w)": lambda w: np.maximum(0, w),
}

fig = one_sided_figure(functions, w0=0.0, h=1.0, span=(-2, 2))

alt = (
    "Two panels. Left: sin(w) with points at −1, 0 and 1; the blue left "
    "secant and the dashed orange right secant are one and the same line, "
    f"of slope sin(1) = {number(np.sin(1.0), 2)}. Right: relu(w) with points at −1, 0 and 1; the blue "
    "left secant is the flat line y = 0 and the dashed orange right secant "
    "is the diagonal y = w, two lines crossing at the corner."
)
caption = (
    "Secants from the left (blue) and from the right (orange): for sin they "
    "agree, for relu they cross at an angle."
)
print(to_html(fig, alt=alt, caption=caption))
