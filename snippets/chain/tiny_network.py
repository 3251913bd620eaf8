"""A 2-layer network with one weight per layer: forward, backward by hand, then grad."""

import numpy as np

from calcnotes import Table, grad, show
from calcnotes.autodiff import sigmoid
from calcnotes.text import number as n

x, y = 2.0, 1.0                     # one input and its target
W1, W2 = 0.5, 0.8                   # the two weights

z1 = W1 * x                         # forward, left to right
a1 = sigmoid(z1)
y_hat = W2 * a1
L = 0.5 * (y_hat - y) ** 2

dL_dyhat = y_hat - y                # backward, right to left:
dL_dW2 = dL_dyhat * a1              # each line reuses the one above
dL_da1 = dL_dyhat * W2
da1_dz1 = a1 * (1 - a1)             # σ′(z) = σ(z)(1 − σ(z))
dL_dz1 = dL_da1 * da1_dz1
dL_dW1 = dL_dz1 * x

rows = [
    ["forward", "z₁ = W₁·x", f"{n(W1)} × {n(x)}", z1],
    ["forward", "a₁ = σ(z₁)", f"σ({n(z1)})", a1],
    ["forward", "ŷ = W₂·a₁", f"{n(W2)} × {n(a1)}", y_hat],
    ["forward", "L = ½(ŷ − y)²", f"½ × ({n(y_hat)} − {n(y)})²", L],
    ["backward", "∂L/∂ŷ = ŷ − y", f"{n(y_hat)} − {n(y)}", dL_dyhat],
    ["backward", "∂L/∂W₂ = ∂L/∂ŷ · a₁", f"{n(dL_dyhat)} × {n(a1)}", dL_dW2],
    ["backward", "∂L/∂a₁ = ∂L/∂ŷ · W₂", f"{n(dL_dyhat)} × {n(W2)}", dL_da1],
    ["backward", "∂L/∂z₁ = ∂L/∂a₁ · σ′(z₁)", f"{n(dL_da1)} × {n(da1_dz1)}", dL_dz1],
    ["backward", "∂L/∂W₁ = ∂L/∂z₁ · x", f"{n(dL_dz1)} × {n(x)}", dL_dW1],
]

loss = lambda w: 0.5 * (w[1] * sigmoid(w[0] * x) - y) ** 2  # w = (W₁, W₂)
by_grad = grad(loss)(np.array([W1, W2]))
print(f"calcnotes.grad of the loss at (W₁, W₂) = ({n(W1)}, {n(W2)}): "
      f"({n(by_grad[0], 10)}, {n(by_grad[1], 10)}); by hand: "
      f"({n(dL_dW1, 10)}, {n(dL_dW2, 10)}).")
show(Table(rows, ["pass", "quantity", "with the numbers", "value"]))
