"""Secant planes along w₁ and along w₂ turn into tangents as ε shrinks."""

from calcnotes.animation import secant_plane_slider
from calcnotes.legacy import to_html

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2

movie = secant_plane_slider(g, w0=(0, 0), span0=(-2, 1), span1=(-2, 1),
                            start=1.0, frames=40)

alt = (
    "Two copies of the bowl g(w₁, w₂) = 5 + (w₁ + 0.5)² + (w₂ + 0.5)² in "
    "3-D, each with a red point at the origin. On the left an orange point "
    "slides along the surface towards it in the w₁ direction, on the right "
    "in the w₂ direction; an orange plane through both points, tilted only "
    "along that direction, flattens as they approach, its slope falling "
    "from 2 towards 1, and turns green when it has become the tangent."
)
caption = (
    "The secant experiment along each input axis: as ε shrinks, the secant "
    "slopes close in on the partial derivatives ∂g/∂w₁ and ∂g/∂w₂."
)
print(to_html(movie, alt=alt, caption=caption))
