"""f(x) = 3x² − 4x above its derivative 6x − 4, with the point x = 1."""

from calcnotes import derivative
from calcnotes.figures import function_and_derivative_figure
from calcnotes.legacy import number, to_html

f = lambda x: 3 * x**2 - 4 * x
df = lambda x: 6 * x - 4

fig = function_and_derivative_figure(
    f, (-0.5, 2.5), df=df, at=1.0,
    label="f(x) = 3x² − 4x", dlabel="f′(x) = 6x − 4",
)

alt = (
    "Two panels sharing the x-axis from −0.5 to 2.5. Top: the parabola "
    "3x² − 4x with a red point at (1, −1) and its green tangent line "
    "y = 2x − 3. Bottom: the dashed straight line 6x − 4, rising through "
    "zero at x = 2/3, with a red point at height 2 right below the top one."
)
caption = (
    "The slope of the upper curve at x = 1 is the height of the lower one "
    f"there: f′(1) = {number(derivative(f, 1.0))}."
)
print(to_html(fig, alt=alt, caption=caption))
