"""The tangent line of f(x) = 3x² − 4x at x = 1, computed and drawn."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show, tangent_line
from calcnotes.text import line_equation
from calcnotes.viz import POINT, STYLE, TANGENT

f = lambda x: 3 * x**2 - 4 * x

line = tangent_line(f, 1.0)  # its slope is measured from values of f alone
print(f"The tangent at x = 1 is {line_equation(line)}")

x = np.linspace(0, 3, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 3.6), layout="constrained")
ax.plot(x, f(x), color="black", label="f(x) = 3x² − 4x")
ax.plot(x, line(x), color=TANGENT, label=f"tangent: {line_equation(line)}")
ax.plot(1, f(1), "o", color=POINT, label="(1, −1)")
ax.set(xlabel="x", ylim=(-3, 16))
ax.legend()
show(fig)
