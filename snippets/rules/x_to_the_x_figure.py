"""xˣ above its derivative: the slope is zero, and xˣ smallest, at 1/e."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import ConnectionPatch

from calcnotes import derivative, show, tangent_line
from calcnotes.text import line_equation, number
from calcnotes.viz import ACCENT, POINT, STYLE, TANGENT

f = lambda x: x**x
df = lambda x: x**x * (np.log(x) + 1)  # by the chain and product rules
x0 = 1 / np.e  # where ln x + 1 = 0
line = tangent_line(f, x0)
slope = derivative(f, x0)  # measured from values of f, no rules
print(f"xˣ is smallest at x = 1/e ≈ {number(x0)}, where it is {number(f(x0))}; "
      f"the measured slope there is {number(slope, 2)}, zero up to round-off.")

x = np.linspace(0.02, 1.5, 300)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(4.8, 5.4), layout="constrained")
top.plot(x, f(x), color="black", label="f(x) = xˣ")
top.plot(x, line(x), color=TANGENT, label=f"tangent at x = 1/e: {line_equation(line)}")
top.plot(x0, f(x0), "o", color=POINT)
top.set(ylabel="f(x)")
top.legend(loc="upper left")
bottom.plot(x, df(x), color=ACCENT, linestyle="--", label="f′(x) = xˣ (ln x + 1)")
bottom.plot(x0, slope, "o", color=POINT, label="measured slope at 1/e")
bottom.axhline(0, color="black", linewidth=0.6)
bottom.set(xlabel="x", ylabel="f′(x)")
bottom.legend(loc="lower right")
fig.add_artist(ConnectionPatch((x0, f(x0)), (x0, slope), "data", axesA=top, axesB=bottom,
                               color=POINT, linewidth=1, linestyle=":"))  # joins the points
show(fig)
