"""The secant of sin through 0 and −2.6, beside the tangent at 0."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import secant_line, show, tangent_line
from calcnotes.text import line_equation, number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE, TANGENT

g = lambda w: np.sin(w)
w0, w1 = 0.0, -2.6
secant, tangent = secant_line(g, w0, w1), tangent_line(g, w0)

w = np.linspace(-3, 3, 200)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (left, right) = plt.subplots(2, 1, figsize=(4.8, 6.4), sharex=True, layout="constrained")
for ax, line, colour, kind in [(left, secant, SECANT, "secant"), (right, tangent, TANGENT, "tangent")]:
    ax.plot(w, g(w), color="black", label="g(w) = sin(w)")
    ax.plot(w, line(w), color=colour, label=f"{kind}: {line_equation(line, var='w', lhs='h(w)')}")
    ax.plot(w0, g(w0), "o", color=POINT, label="w⁰ = 0")
    ax.set(ylim=(-1.7, 2.1))
left.plot(w1, g(w1), "o", color=ACCENT, label="w¹ = −2.6")

# A right triangle under the secant: the run from w⁰ to w¹, the rise from g(w⁰) to g(w¹).
left.plot([w1, w0, w0], [g(w1), g(w1), g(w0)], color="black", linestyle=":", linewidth=1.2)
left.annotate(f"run {number(w1 - w0)}", ((w0 + w1) / 2, g(w1)), xytext=(0, -5),
              textcoords="offset points", ha="center", va="top")
left.annotate(f"rise {number(g(w1) - g(w0))}", (w0, (g(w0) + g(w1)) / 2), xytext=(5, 0),
              textcoords="offset points", va="center")
left.set_title("two points: the secant through w⁰ and w¹")
right.set(title="one point: the tangent at w⁰", xlabel="w")
left.legend(loc="upper left")
right.legend(loc="upper left")
show(fig)
