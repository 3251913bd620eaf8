"""Forward, backward and central secants around w = 1 on sin, with h = 0.8."""

import numpy as np

from calcnotes.figures import stencil_figure
from calcnotes.legacy import to_html

g = lambda w: np.sin(w)

fig = stencil_figure(g, 1.0, 0.8, span=(-0.5, 2.5))

alt = (
    "The curve g(w) = sin(w) for w from −0.5 to 2.5 with a red point at "
    "w = 1 and its green tangent line. An orange forward secant joins the "
    "point to the curve at w = 1.8 and is much too flat; a red dashed "
    "backward secant joins w = 0.2 to the point and is too steep; a blue "
    "dash-dotted central secant joins w = 0.2 to w = 1.8 and runs almost "
    "parallel to the tangent."
)
caption = (
    "Three finite differences with a deliberately large step: the "
    "one-sided secants miss the tangent's slope badly, the symmetric one "
    "only slightly."
)
print(to_html(fig, alt=alt, caption=caption))
