"""The 2-layer network x → W₁ → σ → W₂ → mean squared error, with one example's numbers."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.autodiff import Node, sigmoid
from calcnotes.text import number
from calcnotes.viz import ACCENT, EXTRA, SECANT, STYLE

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
columns = [np.linspace(-1.55, 1.55, len(layer)) if len(layer) > 1 else [0] for layer in layers]

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 6.6), layout="constrained")  # layers run down the page
boxes, below = [], []  # per layer: the boxes of values, the gradients under them
for k, layer in enumerate(layers):  # layer k at height −k, its units side by side
    boxes.append([ax.text(column, -k, values, ha="center", va="bottom", linespacing=1.5,
                          bbox=dict(boxstyle="round,pad=0.3", facecolor="none")).get_bbox_patch()
                  for (values, _), column in zip(layer, columns[k])])
    below.append([ax.text(column, -k - 0.07, gradient, ha="center", va="top", color=SECANT)
                  for (_, gradient), column in zip(layer, columns[k])])
for k, W in enumerate([W1, W2, np.ones((1, 2))]):  # arrows into layer k + 1
    for j, i in np.ndindex(W.shape):       # W[j, i]: from unit i to unit j
        colour, dashes = (ACCENT, "-") if W[j, i] >= 0 else (EXTRA, "--")
        if k == 2:                         # into the loss: no weight
            colour, dashes = "black", "-"
        # from under unit i's gradient to the top of unit j's box
        ax.annotate("", (0.5, 1), xycoords=boxes[k + 1][j], xytext=(0.5, 0), textcoords=below[k][i],
                    arrowprops=dict(arrowstyle="-|>", color=colour, linestyle=dashes,
                                    linewidth=0.4 + 1.6 * abs(W[j, i]) if k < 2 else 1))
ax.set(xlim=(-2.4, 2.4), ylim=(-3.4, 0.5))
ax.set_title("from the top: input x, hidden z = W₁x and h = σ(z),\noutput ŷ = W₂h and target y, loss L\n"
             "weights: blue > 0, purple dashed < 0, width ∝ |weight|\norange: the gradient of L")
ax.axis("off")
show(fig)
