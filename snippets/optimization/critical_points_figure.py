"""f(x) = x⁴ − 4x³ + 4x² + 1 above its derivative, critical points marked."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import classify_critical_point, derivative, show
from calcnotes.viz import ACCENT, SECANT, STYLE, SURFACE, TANGENT

f = lambda x: x**4 - 4 * x**3 + 4 * x**2 + 1
points = np.sort(np.roots([4, -12, 8, 0]))  # zeros of f′(x) = 4x³ − 12x² + 8x
colours = {"minimum": ACCENT, "maximum": SECANT}

x = np.linspace(-0.5, 2.5, 300)
slope = derivative(f, x)  # f′ measured from values of f alone
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(4.8, 5.6), layout="constrained")
top.plot(x, f(x), color="black", label="f(x)")
bottom.plot(x, slope, color="black", label="f′(x)")
bottom.axhline(0, color="black", linewidth=0.6)
for ax in (top, bottom):  # shade where f′ < 0, that is where f falls
    ax.fill_between(x, 0, 1, where=slope < 0, transform=ax.get_xaxis_transform(),
                    color=SURFACE, alpha=0.2, linewidth=0, label="f′ < 0: f falls")
for p in points:
    kind = classify_critical_point(f, p)
    top.plot([p - 0.2, p + 0.2], [f(p), f(p)], color=TANGENT, linewidth=2.5)
    top.plot(p, f(p), "o", color=colours[kind], markersize=8)
    top.annotate(kind, (p, f(p)), xytext=(0, 9 if kind == "maximum" else -16),
                 textcoords="offset points", ha="center")
    bottom.plot(p, 0, "o", color=colours[kind], markersize=7)
top.plot([], [], color=TANGENT, linewidth=2.5, label="flat tangent")
top.set(ylabel="f(x)", ylim=(0.5, 3.3))
bottom.set(xlabel="x", ylabel="f′(x)")
fig.legend(*top.get_legend_handles_labels(), loc="outside upper center", ncols=3)
show(fig)
