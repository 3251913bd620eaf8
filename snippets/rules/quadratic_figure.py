"""f(x) = 3x² − 4x above its derivative 6x − 4, with the point x = 1."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import ConnectionPatch

from calcnotes import derivative, show, tangent_line
from calcnotes.text import line_equation, number
from calcnotes.viz import ACCENT, POINT, STYLE, TANGENT

f = lambda x: 3 * x**2 - 4 * x
df = lambda x: 6 * x - 4  # by the rules
x0 = 1.0
line = tangent_line(f, x0)
slope = derivative(f, x0)  # measured from values of f, no rules

x = np.linspace(-0.5, 2.5, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(4.8, 5.4), layout="constrained")
top.plot(x, f(x), color="black", label="f(x) = 3x² − 4x")
top.plot(x, line(x), color=TANGENT, label=f"tangent at x = 1: {line_equation(line)}")
top.plot(x0, f(x0), "o", color=POINT)
top.set(ylabel="f(x)")
top.legend(loc="upper left")
bottom.plot(x, df(x), color=ACCENT, linestyle="--", label="f′(x) = 6x − 4")
bottom.plot(x0, slope, "o", color=POINT, label=f"measured slope at 1: {number(slope)}")
bottom.axhline(0, color="black", linewidth=0.6)
bottom.set(xlabel="x", ylabel="f′(x)")
bottom.legend(loc="lower right")
fig.add_artist(ConnectionPatch((x0, f(x0)), (x0, slope), "data", axesA=top, axesB=bottom,
                               color=POINT, linewidth=1, linestyle=":"))  # joins the points
show(fig)
