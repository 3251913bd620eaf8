"""The difference quotient at 0 against h: sin fills its hole, relu cannot."""

import numpy as np

from calcnotes.figures import quotient_figure
from calcnotes.legacy import to_html

functions = {
    "sin(w)": lambda w: np.sin(w),
    "relu(w)": lambda w: np.maximum(0, w),
}

fig = quotient_figure(functions, w0=0.0, reach=2.0)

alt = (
    "Two panels plotting (g(h) − g(0)) / h against h from −2 to 2, with a "
    "gap at h = 0. Left, for sin: a smooth hump, blue for negative h and "
    "orange for positive h, both rising to one open circle at height 1. "
    "Right, for relu: a flat blue line at 0 for negative h and a flat "
    "orange line at 1 for positive h, ending in two open circles, one at 0 "
    "and one at 1."
)
caption = (
    "The quotient is undefined at h = 0. For sin both sides head to the same "
    "height, 1: the derivative. For relu they head to 0 and to 1."
)
print(to_html(fig, alt=alt, caption=caption))
