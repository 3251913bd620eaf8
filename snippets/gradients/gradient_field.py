"""Gradient arrows of x² + 3xy + y² on its contour map."""

from calcnotes.figures import gradient_field_figure
from calcnotes.legacy import to_html

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2

fig = gradient_field_figure(f, (-2, 2), (-2, 2), arrows=8,
                            levels=[-3, -1, 1, 3, 6, 10, 15])

alt = (
    "The contour map of f(x, y) = x² + 3xy + y² on the square from −2 to 2, "
    "hyperbola-shaped level curves, covered by an 8 by 8 grid of red arrows "
    "of equal length. Every arrow crosses the level curve near it at a "
    "right angle and points towards higher values: up and to the right in "
    "the upper right, down and to the left in the lower left, and away from "
    "the origin's X-shaped valley elsewhere."
)
caption = (
    "The gradient at 64 points, drawn with equal lengths to show only its "
    "direction: always across the level curves, at right angles, uphill."
)
print(to_html(fig, alt=alt, caption=caption))
