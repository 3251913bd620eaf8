"""Slide a tangent along sin x and plot its slopes: they trace out cos x."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import derivative, show, tangent_line
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, STYLE, TANGENT, animate

f = lambda x: np.sin(x)
x0s = np.linspace(-np.pi, np.pi, 200)  # where the tangent touches, one place per frame
slopes = derivative(f, x0s)  # measured from values of f: no rules used

x = np.linspace(-np.pi, np.pi, 300)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(4.8, 5.2), layout="constrained")
top.plot(x, f(x), color="black", label="f(x) = sin x")
tangent, = top.plot([], [], color=TANGENT, linewidth=2.5, label="tangent")
point, = top.plot([], [], "o", color=POINT)
trace, = bottom.plot([], [], color=ACCENT, linestyle="--", label="the tangent's slopes so far")
marker, = bottom.plot([], [], "o", color=POINT)
bottom.axhline(0, color="black", linewidth=0.6)
top.set(ylabel="f(x)", ylim=(-1.7, 1.7))
bottom.set(xlabel="x", ylabel="slope", ylim=(-1.4, 1.4))
top.legend(loc="upper left")
bottom.legend(loc="upper left")

def update(i):
    x0, slope = x0s[i], slopes[i]
    line = tangent_line(f, x0)
    dx = 0.7 / np.hypot(1, slope)  # about the same length whatever the slope
    tangent.set_data([x0 - dx, x0 + dx], [line(x0 - dx), line(x0 + dx)])
    point.set_data([x0], [f(x0)])
    trace.set_data(x0s[: i + 1], slopes[: i + 1])
    marker.set_data([x0], [slope])
    top.set_title(f"at x⁰ = {number(x0, 3)} the tangent's slope is {number(slope, 3)}",
                  y=1.0, pad=8)  # a fixed place: the title changes every frame
    return f"x⁰ = {number(x0, 3)}, slope {number(slope, 2)}"

show(animate(fig, [tangent, point, trace, marker, top.title], update, len(x0s), fps=24))
