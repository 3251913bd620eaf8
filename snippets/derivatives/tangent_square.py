"""The tangent to f(x) = x² at x = 1.5: its slope and its equation."""

from calcnotes import tangent_line
from calcnotes.figures import tangent_figure
from calcnotes.output import line_equation, number, to_html

f = lambda x: x**2

line = tangent_line(f, 1.5)
equation = line_equation(line)
fig = tangent_figure(f, 1.5, span=(-3, 3), var="x", name="f",
                     label="f(x) = x²")

alt = (
    "The parabola f(x) = x² for x from −3 to 3, with a red point at "
    f"(1.5, 2.25) and the green tangent line {equation} touching it there."
)
caption = f"At x = 1.5 the slope is {number(line.slope)}: {equation}."
print(to_html(fig, alt=alt, caption=caption))
