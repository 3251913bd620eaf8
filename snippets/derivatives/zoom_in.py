"""Zooming in on (1, sin 1): the curve straightens into its tangent."""

import numpy as np

from calcnotes.figures import zoom_figure
from calcnotes.output import to_html

g = lambda w: np.sin(w)

fig = zoom_figure(g, 1.0, half_widths=(1.0, 0.25, 0.05), slope_offset=0.5)

alt = (
    "Three panels of g(w) = sin(w) around w = 1, zoomed in further each "
    "time: windows of half-width 1, 0.25 and 0.05. In the last one the "
    "curve and its green tangent lie on top of each other, while an orange "
    "dashed line through the same point, 0.5 steeper, still cuts across."
)
caption = (
    "Zoom in far enough and a smooth curve cannot be told apart from its "
    "tangent line, and from no other line."
)
print(to_html(fig, alt=alt, caption=caption))
