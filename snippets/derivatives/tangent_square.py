"""The tangent to f(x) = x² at x = 1.5: its slope and its equation."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show, tangent_line
from calcnotes.text import line_equation, number
from calcnotes.viz import POINT, STYLE, TANGENT

f = lambda x: x**2

line = tangent_line(f, 1.5)
print(f"At x = 1.5 the slope is {number(line.slope)}: {line_equation(line)}")

x = np.linspace(-3, 3, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.6), layout="constrained")
ax.plot(x, f(x), color="black", label="f(x) = x²")
ax.plot(x, line(x), color=TANGENT, label=f"tangent: {line_equation(line)}")
ax.plot(1.5, f(1.5), "o", color=POINT, label="(1.5, 2.25)")
ax.axhline(0, color="black", linewidth=0.6)
ax.set(xlabel="x", ylim=(-1.5, 9.5))
ax.legend(loc="upper center")
show(fig)
