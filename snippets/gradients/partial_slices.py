"""Each partial derivative of x² + 3xy + y² is the slope of a slice."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import partial, show
from calcnotes.text import number
from calcnotes.viz import POINT, STYLE, TANGENT

f = lambda w: w[0] ** 2 + 3 * w[0] * w[1] + w[1] ** 2  # w[0] is x, w[1] is y
p = np.array([1.0, 1.0])

t = np.linspace(-1, 3, 200)
held = np.ones_like(t)  # the other input, frozen at 1
slices = [("x", "y", "f(x, 1)", f(np.array([t, held])), partial(f, p, 0)),
          ("y", "x", "f(1, y)", f(np.array([held, t])), partial(f, p, 1))]

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(2, 1, figsize=(4.8, 6.2), layout="constrained", sharey=True)
for ax, (free, frozen, name, values, slope) in zip(axes, slices):
    ax.plot(t, values, color="black", label=name)
    ax.plot(t, f(p) + slope * (t - 1), color=TANGENT, label=f"tangent, slope {number(slope)}")
    ax.plot(1, f(p), "o", color=POINT)
    ax.set(xlabel=free, ylim=(-3, 21), title=f"{frozen} held at 1: the slope is ∂f/∂{free}")
    ax.legend(loc="upper left")
show(fig)
