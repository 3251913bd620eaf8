"""Each partial derivative of x² + 3xy + y² is the slope of a slice."""

from calcnotes.figures import partial_slices_figure
from calcnotes.legacy import to_html

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2

fig = partial_slices_figure(f, (1, 1), (-1, 3), (-1, 3))

alt = (
    "Two panels. Left: the curve f(x, 1) = x² + 3x + 1, the surface cut "
    "along the line y = 1, for x from −1 to 3, with a red point at (1, 5) "
    "and its green tangent line of slope 5. Right: the curve f(1, y) for y "
    "from −1 to 3, the cut along x = 1, with the same point and a tangent "
    "of slope 5."
)
caption = (
    "Hold one input fixed and f becomes a function of the other alone; the "
    "slope of its tangent is the partial derivative."
)
print(to_html(fig, alt=alt, caption=caption))
