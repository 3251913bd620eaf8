"""f(x, y) = x² + 3xy + y² as a surface and as a contour map."""

from calcnotes.figures import surface_contour_figure
from calcnotes.legacy import to_html

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2

fig = surface_contour_figure(f, (-2, 2), (-2, 2), point=(1, 1),
                             levels=[-3, -1, 1, 3, 6, 10, 15])

alt = (
    "Left: the surface f(x, y) = x² + 3xy + y² over the square from −2 to 2, "
    "shaped like a saddle: it rises towards the corners (2, 2) and (−2, −2) "
    "and falls towards (2, −2) and (−2, 2). A red point sits on it above "
    "(1, 1). Right: the same function seen from above as labelled level "
    "curves, hyperbolas that bend away from the origin, with the red point "
    "at (1, 1)."
)
caption = (
    "One function, two pictures: the surface, and its contour map with a "
    "curve for each of the heights −3, −1, 1, 3, 6, 10 and 15 (dashed for "
    "negative heights)."
)
print(to_html(fig, alt=alt, caption=caption))
