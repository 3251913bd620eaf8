"""The secant of sin through w⁰ = 0 and w¹ = −2.6: its slope and equation."""

import numpy as np

from calcnotes import secant_line, show
from calcnotes.text import line_equation, number

g = lambda w: np.sin(w)
w0, w1 = 0.0, -2.6

line = secant_line(g, w0, w1)  # slope (g(w1) − g(w0)) / (w1 − w0)
rise, run = g(w1) - g(w0), w1 - w0

print(f"- g(w⁰) = sin({number(w0)}) = {number(g(w0))}")
print(f"- g(w¹) = sin({number(w1)}) = {number(g(w1))}")
print(f"- slope = rise ÷ run = ({number(rise)}) ÷ ({number(run)}) = {number(line.slope)}")
show(f"- secant line: {line_equation(line, var='w', lhs='h(w)')}")
