"""Gradient arrows of the bowl, true to length: they vanish at the bottom."""

from calcnotes.figures import gradient_field_figure
from calcnotes.legacy import to_html

g = lambda w: 5 + (w[0] + 0.5) ** 2 + (w[1] + 0.5) ** 2

fig = gradient_field_figure(g, (-2, 1), (-2, 1), arrows=9, normalize=False,
                            point=(-0.5, -0.5), names=("w₁", "w₂"))

alt = (
    "Circular level curves of the bowl g(w₁, w₂) = 5 + (w₁ + 0.5)² + "
    "(w₂ + 0.5)² around its lowest point (−0.5, −0.5), marked in red, and a "
    "9 by 9 grid of blue arrows pointing straight away from that point. "
    "The arrows are long near the edges and shrink steadily towards the "
    "centre, where the arrow has no length at all."
)
caption = (
    "Drawn true to length, the gradient fades as the ground levels off, "
    "and is zero at the bottom of the bowl."
)
print(to_html(fig, alt=alt, caption=caption))
