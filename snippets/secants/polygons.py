"""Regular polygons with 4, 8 and 16 sides inscribed in a circle of radius 1."""

from calcnotes.figures import polygon_figure
from calcnotes.legacy import to_html

fig = polygon_figure(sides=(4, 8, 16), r=1.0)

alt = (
    "Three circles of radius 1, each with a regular polygon drawn inside "
    "it: a square, an octagon and a 16-sided polygon. One triangle from the "
    "centre to an edge is shaded in each. The square leaves large gaps "
    "against the circle; the 16-gon almost fills it."
)
caption = (
    "Doubling the number of sides shrinks the gap between the polygon and "
    "the circle; each title gives the polygon's area."
)
print(to_html(fig, alt=alt, caption=caption))
