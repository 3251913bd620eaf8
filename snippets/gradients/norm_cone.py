"""The cone ‖w‖₂ and its slice through the tip: a kink in every direction."""

from calcnotes.figures import norm_cone_figure
from calcnotes.legacy import to_html

fig = norm_cone_figure(radius=1.5, rays=6)

alt = (
    "Left: the cone z = ‖w‖₂ over a disc of radius 1.5, standing on its "
    "red tip at the origin, with six green straight lines running from the "
    "tip up its side. Right: the slice of the cone along any direction, "
    "the V-shaped graph of |t|, with slope −1 on the left of the tip and "
    "+1 on its right, and two dashed lines through the tip, of slopes 0 "
    "and 0.5, that cross the V instead of touching it."
)
caption = (
    "Every way out of the tip climbs at slope 1, so the slope along u and "
    "along −u are equal, not opposite: no plane through the tip fits."
)
print(to_html(fig, alt=alt, caption=caption))
