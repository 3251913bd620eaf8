"""The saddle of g(w₀, w₁) = w₀² − w₁² in 3-D and as a contour map."""

from calcnotes.figures import saddle_figure
from calcnotes.legacy import to_html

g = lambda w: w[0] ** 2 - w[1] ** 2

fig = saddle_figure(g, point=(0.0, 0.0), span0=(-2, 2), span1=(-2, 2),
                    levels=[-3, -2, -1, 0, 1, 2, 3])

alt = (
    "Left: the surface w₀² − w₁² in 3-D, shaped like a riding saddle, with "
    "a red point at its centre. A green curve along the w₀ axis bends up "
    "and an orange curve along the w₁ axis bends down. Right: the same "
    "function as level curves: hyperbolas, with the zero level forming an "
    "X through the red point, and the same green and orange lines."
)
caption = (
    "At a saddle the gradient is zero, yet the point is neither a minimum "
    "nor a maximum: the surface rises one way and falls the other."
)
print(to_html(fig, alt=alt, caption=caption))
