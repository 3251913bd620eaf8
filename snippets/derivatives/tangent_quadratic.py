"""The tangent line of f(x) = 3x² − 4x at x = 1, computed and drawn."""

from calcnotes import tangent_line
from calcnotes.figures import tangent_figure
from calcnotes.output import line_equation, to_html

f = lambda x: 3 * x**2 - 4 * x

line = tangent_line(f, 1.0)
equation = line_equation(line)
fig = tangent_figure(f, 1.0, span=(0, 3), var="x", name="f",
                     label="f(x) = 3x² − 4x")

alt = (
    "The parabola f(x) = 3x² − 4x for x from 0 to 3, dipping below zero "
    "and then rising steeply. A red point marks (1, −1), and the green "
    f"straight line {equation} touches the parabola there."
)
caption = f"The tangent line of 3x² − 4x at x = 1: {equation}."
print(to_html(fig, alt=alt, caption=caption))
