"""f(x) = x⁴ − 4x³ + 4x² + 1 above its derivative, critical points marked."""

import numpy as np

from calcnotes.figures import critical_points_figure
from calcnotes.legacy import to_html

f = lambda x: x**4 - 4 * x**3 + 4 * x**2 + 1
points = np.roots([4, -12, 8, 0])  # f′(x) = 4x³ − 12x² + 8x

fig = critical_points_figure(f, np.sort(points), span=(-0.5, 2.5))

alt = (
    "Top: the curve f(x) = x⁴ − 4x³ + 4x² + 1 for x from −0.5 to 2.5, "
    "shaped like a W: two low points at x = 0 and x = 2 marked as minima, "
    "a bump between them at x = 1 marked as a maximum, each with a short "
    "flat green tangent. Bottom: its derivative f′(x), an S-shaped cubic "
    "that crosses zero at exactly those three x values; the stretches "
    "where f′ is negative are shaded in both panels."
)
caption = (
    "Where f′ crosses zero, f has a flat tangent: the two minima and the "
    "maximum of f line up with the three zeros of f′."
)
print(to_html(fig, alt=alt, caption=caption))
