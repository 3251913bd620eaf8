"""The slope of x² + 3xy + y² at (1, 0) in 360 directions: the best is ∇f."""

import numpy as np

from calcnotes import directional_derivative, gradient
from calcnotes.figures import steepest_ascent_figure
from calcnotes.legacy import number, to_html

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2
p = np.array([1.0, 0.0])

angles = np.arange(360)  # whole degrees
slopes = [directional_derivative(f, p, [np.cos(a), np.sin(a)])
          for a in np.radians(angles)]
best = int(np.argmax(slopes))
grad = gradient(f, p)
grad_angle = np.degrees(np.arctan2(grad[1], grad[0]))

fig = steepest_ascent_figure(f, p, directions=360)

alt = (
    "A wave: the slope of f at (1, 0) in the direction at angle θ, for θ "
    "from 0 to 360 degrees. It peaks near 56 degrees, where a vertical blue "
    "line marks the direction of the gradient and a dashed green line the "
    "gradient's length, and bottoms out at minus that length half a turn "
    "later."
)
caption = (
    f"Best of 360 directions: θ = {angles[best]}°, slope "
    f"{number(slopes[best], 6)}. The gradient points at θ = "
    f"{number(grad_angle, 6)}° and has length ‖∇f‖ = "
    f"{number(np.linalg.norm(grad), 6)}."
)
print(to_html(fig, alt=alt, caption=caption))
