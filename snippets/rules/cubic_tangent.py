"""f(x) = x³ − 1/x and its tangent line at x = 1."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show, tangent_line
from calcnotes.text import line_equation
from calcnotes.viz import POINT, STYLE, TANGENT

f = lambda x: x**3 - 1 / x

line = tangent_line(f, 1.0)  # slope measured from values of f; f(1) = 0
print(f"The tangent at x = 1 is {line_equation(line)}.")

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.8), layout="constrained")
for piece in (np.linspace(-2, -0.1, 200), np.linspace(0.1, 2, 200)):  # f has a pole at 0
    ax.plot(piece, f(piece), color="black", label="f(x) = x³ − 1/x" if piece[0] > 0 else None)
x = np.linspace(-2, 2, 2)
ax.plot(x, line(x), color=TANGENT, label=f"tangent: {line_equation(line)}")
ax.plot(1, f(1), "o", color=POINT, label="(1, 0)")
ax.axhline(0, color="black", linewidth=0.6)
ax.axvline(0, color="black", linewidth=0.6, linestyle=":")
ax.set(xlabel="x", ylim=(-10, 10), xticks=[-2, -1, 0, 1, 2])
ax.legend(loc="upper left")
show(fig)
