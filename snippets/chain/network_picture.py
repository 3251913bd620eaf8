"""The 2-layer network x → W₁ → σ → W₂ → mean squared error, with one example's numbers."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.autodiff import Node, sigmoid
from calcnotes.text import number
from calcnotes.viz import ACCENT, EXTRA, SECANT

rng = np.random.default_rng(0)
W1, W2 = rng.normal(size=(3, 2)), rng.normal(size=(2, 3))  # as in the tables below
x, y = Node(np.array([0.5, -1.0])), np.array([1.0, 0.0])
z = Node(W1) @ x                 # traced, so that backward() fills in
h = sigmoid(z)                   # the gradient of every quantity
y_hat = Node(W2) @ h
L = ((y_hat - y) ** 2).mean()
L.backward()

n = lambda a, i=0: number(np.ravel(a)[i], 3)
s = "₁₂₃"
layers = [  # per unit: its values, and the gradient of L with respect to it
    [(f"x{s[i]} = {n(x.value, i)}", f"∂L/∂x{s[i]} = {n(x.grad, i)}") for i in range(2)],
    [(f"z{s[i]} = {n(z.value, i)}\nh{s[i]} = σ(z{s[i]}) = {n(h.value, i)}",
      f"∂L/∂z{s[i]} = {n(z.grad, i)}") for i in range(3)],
    [(f"ŷ{s[i]} = {n(y_hat.value, i)}\ny{s[i]} = {n(y, i)}",
      f"∂L/∂ŷ{s[i]} = {n(y_hat.grad, i)}") for i in range(2)],
    [(f"L = {n(L.value)}", "∂L/∂L = 1")],
]
rows = [np.linspace(1.3, -1.3, len(layer)) if len(layer) > 1 else [0] for layer in layers]

fig, ax = plt.subplots(figsize=(7, 3.8), layout="constrained")
for k, layer in enumerate(layers):
    for (values, gradient), row in zip(layer, rows[k]):
        ax.text(k, row, values, ha="center", va="bottom", fontsize=9, linespacing=1.5,
                bbox=dict(boxstyle="round,pad=0.3", facecolor="none"))
        ax.text(k, row - 0.08, gradient, ha="center", va="top", fontsize=9, color=SECANT)
for k, W in enumerate([W1, W2, np.ones((1, 2))]):  # arrows into layer k + 1
    for j, i in np.ndindex(W.shape):       # W[j, i]: from unit i to unit j
        colour, dashes = (ACCENT, "-") if W[j, i] >= 0 else (EXTRA, "--")
        if k == 2:                         # into the loss: no weight
            colour, dashes = "black", "-"
        ax.annotate("", (k + 0.62, rows[k + 1][j]), (k + 0.38, rows[k][i]),
                    arrowprops=dict(arrowstyle="-|>", color=colour, linestyle=dashes,
                                    linewidth=0.4 + 1.6 * abs(W[j, i]) if k < 2 else 1))
for k, title in enumerate(["input x", "hidden z, h = σ(z)", "output ŷ, target y", "loss"]):
    ax.text(k, 2.05, title, ha="center", fontsize=9.5)
ax.set(xlim=(-0.45, 3.4), ylim=(-1.7, 2.2))
ax.set_title("weights: blue > 0, purple dashed < 0, width ∝ |weight|;  orange: gradient of L",
             fontsize=9)
ax.axis("off")
show(fig)
