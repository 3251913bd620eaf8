"""Secants of f(x) = 3x² − 4x from x = 1 to 1 + h close in on the tangent."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import secant_line, show, tangent_line
from calcnotes.text import line_equation, number
from calcnotes.viz import POINT, SECANT, STYLE, TANGENT

f = lambda x: 3 * x**2 - 4 * x
x0 = 1.0

x = np.linspace(-0.2, 2.2, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 4.2), layout="constrained")
ax.plot(x, f(x), color="black", label="f(x) = 3x² − 4x")
# The smaller the step, the more solid the secant.
for h, style in zip([1.0, 0.5, 0.25, 0.1], [":", "-.", "--", "-"]):
    line = secant_line(f, x0, x0 + h)  # slope (f(1 + h) − f(1)) / h
    ax.plot(x, line(x), color=SECANT, linestyle=style, linewidth=1.6,
            label=f"h = {number(h)}: slope {number(line.slope)}")
    ax.plot(x0 + h, f(x0 + h), "o", color=SECANT, markersize=6)
tangent = tangent_line(f, x0)
ax.plot(x, tangent(x), color=TANGENT, linewidth=2.4, label=f"tangent: {line_equation(tangent)}")
ax.plot(x0, f(x0), "o", color=POINT)
ax.set(xlabel="x", ylim=(-3.2, 8.5))
ax.legend(loc="upper left")
show(fig)
