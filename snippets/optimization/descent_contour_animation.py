"""Gradient descent step by step on an elongated bowl, over its contours."""

from calcnotes import gradient_descent
from calcnotes.animation import descent_animation
from calcnotes.legacy import to_html

g = lambda w: w[0] ** 2 + 8 * w[1] ** 2  # steep along w₁, shallow along w₀

result = gradient_descent(g, [-4.0, 1.5], lr=0.1, steps=40)
movie = descent_animation(g, result, span0=(-4.5, 4.5), span1=(-1.8, 1.8))

alt = (
    "Level curves of g(w₀, w₁) = w₀² + 8w₁²: long flat ellipses around the "
    "minimum at the origin. A red point starts at (−4, 1.5) and moves one "
    "gradient step per frame, leaving a blue trail that zigzags across the "
    "narrow direction of the valley while it creeps along the long one "
    "towards the centre; a dashed green segment shows the next step."
)
caption = (
    "Each step goes straight downhill, across the level curves, so in a "
    "narrow valley the path zigzags; the zigzag dies out as it converges."
)
print(to_html(movie, alt=alt, caption=caption))
