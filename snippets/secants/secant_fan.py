"""Secants of f(x) = 3x² − 4x from x = 1 to 1 + h close in on the tangent."""

from calcnotes.figures import secant_fan_figure
from calcnotes.legacy import to_html

f = lambda x: 3 * x**2 - 4 * x

fig = secant_fan_figure(f, 1.0, steps=[1.0, 0.5, 0.25, 0.1], span=(-0.2, 2.2),
                        label="f(x) = 3x² − 4x")

alt = (
    "The parabola 3x² − 4x for x from −0.2 to 2.2 with a red point at "
    "(1, −1). Four orange secants run from that point to points of the "
    "curve at x = 2, 1.5, 1.25 and 1.1, the steepest palest; each closer "
    "one is darker and flatter, and they fan in towards the green tangent "
    "line y = 2x − 3."
)
caption = (
    "As h shrinks the secant through x = 1 and x = 1 + h swings onto the "
    "tangent; the legend gives each slope, 2 + 3h."
)
print(to_html(fig, alt=alt, caption=caption))
