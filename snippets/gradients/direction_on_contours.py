"""Walking from (1, 1) in the direction v = (2, −1): the slope along it."""

import numpy as np

from calcnotes import directional_derivative
from calcnotes.figures import directional_figure
from calcnotes.legacy import number, to_html

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
p, v = np.array([1.0, 1.0]), np.array([2.0, -1.0])

slope = directional_derivative(f, p, v)
fig = directional_figure(f, p, v, (-2, 2), (-2, 2), reach=1.5,
                         levels=[-3, -1, 1, 3, 6, 10, 15])

alt = (
    "Left: the contour map of x² + 3xy + y² with a red point at (1, 1), an "
    "orange arrow pointing along (2, −1), down and to the right, a dashed "
    "orange line through the point in that direction, and a blue arrow "
    "along the gradient, up and to the right. Right: the values of f along "
    "the dashed line against the distance t walked, a gently bending curve "
    f"through (0, 5) with its green tangent of slope {number(slope)}."
)
caption = (
    f"Along u = v/‖v‖ the function climbs at rate ∇f·u = {number(slope)} "
    "per unit of distance: the directional derivative is the slope of "
    "this slice."
)
print(to_html(fig, alt=alt, caption=caption))
