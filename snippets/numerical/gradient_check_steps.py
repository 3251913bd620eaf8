"""Gradient-check error against the finite-difference step h, right and buggy."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.autodiff import sigmoid
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE, TANGENT, log_label

X = np.array([[1.0, 0.3, -1.2], [1.0, -0.7, 0.4], [1.0, 1.5, 0.9],
              [1.0, -1.1, -0.3], [1.0, 0.8, 1.7], [1.0, -0.2, -1.6]])
y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
w = np.array([0.1, -0.4, 0.25])
loss = lambda w: -np.mean(y * np.log(sigmoid(X @ w)) + (1 - y) * np.log(1 - sigmoid(X @ w)))
right = lambda w: X.T @ (sigmoid(X @ w) - y) / len(y)
buggy = lambda w: right(w) * np.array([1.0, 1.0, 2.0])  # the planted bug, in w₃


def central_gradient(h):  # one central difference along each coordinate, step h
    return np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(len(w))])


relative_error = lambda a, b: np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))
hs = np.logspace(-1, -12, 45)
plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 4.0), layout="constrained")
for name, gradient, colour in [("correct gradient", right, ACCENT), ("planted bug", buggy, SECANT)]:
    errors = np.array([relative_error(central_gradient(h), gradient(w)) for h in hs])
    ax.plot(hs, errors, color=colour, label=name)
    passing = hs[errors < 1e-7]
    print(f"- {name}: relative error {number(errors.min(), 2)} to {number(errors.max(), 2)}; "
          + (f"below 10⁻⁷ for h from {number(passing.max(), 2)} to {number(passing.min(), 2)}."
             if passing.size else "below 10⁻⁷ for no step."))
ax.axhspan(1e-14, 1e-7, color=TANGENT, alpha=0.15, linewidth=0)
ax.axhspan(1e-3, 10, color=POINT, alpha=0.15, linewidth=0)
ax.text(0.05, 2e-3, "above 10⁻³: a bug", fontsize=10)
ax.text(0.05, 2e-14, "below 10⁻⁷: right", fontsize=10)
ax.set(xscale="log", yscale="log", xlim=(0.15, 7e-13), ylim=(1e-14, 10),
       xlabel="finite-difference step h (shrinking →)", ylabel="relative error")
ax.xaxis.set_major_formatter(log_label)  # 10⁻⁵ in text, not small typeset exponents
ax.yaxis.set_major_formatter(log_label)
fig.legend(loc="outside lower center", ncols=2)
show(fig)
