"""Error against the step h for four methods on sin at w⁰ = 1, on log–log axes."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import default_step, derivative, show
from calcnotes.viz import ACCENT, EXTRA, SECANT, STYLE, TANGENT, log_label

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)  # exact, to measure the error
w0, eps_mach = 1.0, np.finfo(float).eps
hs = np.logspace(0, -20, 121)
zero = 1e-17  # where an error of exactly 0 is drawn

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 5.0), layout="constrained")
methods = {"forward": SECANT, "central": ACCENT, "five-point": TANGENT, "complex": EXTRA}
for method, colour in methods.items():
    errors = np.array([abs(derivative(g, w0, h=h, method=method) - dg(w0)) for h in hs])
    ax.plot(hs, np.where(errors == 0, zero, errors), color=colour, label=method,
            zorder=2 if method == "complex" else 3)  # central's curve lies on top
    default = abs(derivative(g, w0, method=method) - dg(w0))  # at calcnotes' own step
    ax.plot(default_step(w0, method), max(default, zero), "D", color=colour, markeredgecolor="black")

# Taylor's truncation terms |g''|/2 h, |g'''|/6 h², |g⁽⁵⁾|/30 h⁴, and round-off
for c, p, text in [(np.sin(w0) / 2, 1, "h"), (np.cos(w0) / 6, 2, "h²"), (np.cos(w0) / 30, 4, "h⁴")]:
    h = np.logspace(0, np.log10((1e-13 / c) ** (1 / p)), 50)  # down to an error of 10⁻¹³
    ax.plot(h, c * h**p, color="black", linewidth=0.8, linestyle=":")
    ax.annotate(f"∝ {text}", (h[-1], c * h[-1] ** p), xytext=(-4, 0), textcoords="offset points",
                ha="right", va="center", fontsize=10)
small = hs[hs < 1e-3]
ax.plot(small, eps_mach * abs(g(w0)) / small, color="black", linewidth=0.8, linestyle="--",
        label="round-off: ε_mach |g| / h")
ax.plot([], [], "D", color="none", markeredgecolor="black", label="calcnotes' default h")
ax.annotate("error exactly 0", (1e-17, zero), xytext=(0, 3), textcoords="offset points",
            ha="center", va="bottom", fontsize=10)
ax.set(xscale="log", yscale="log", xlim=(3, 3e-21), ylim=(zero / 3, 10),
       xlabel="step h (shrinking →)", ylabel="|error in g′(1)|")
ax.xaxis.set_major_formatter(log_label)  # 10⁻⁵ in text, not small typeset exponents
ax.yaxis.set_major_formatter(log_label)
fig.legend(loc="outside lower center", ncols=2)
show(fig)
