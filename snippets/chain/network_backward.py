"""The backward pass of the 2-layer network by hand, checked by autodiff."""

import numpy as np

from calcnotes import Table, grad, gradient, show
from calcnotes.autodiff import sigmoid
from calcnotes.text import number

rng = np.random.default_rng(0)
W1 = rng.normal(size=(3, 2))   # the same network and example as above
W2 = rng.normal(size=(2, 3))
x, y = np.array([0.5, -1.0]), np.array([1.0, 0.0])

z = W1 @ x                     # forward pass, keeping what backward needs
h = sigmoid(z)
y_hat = W2 @ h

dL_dyhat = 2 * (y_hat - y) / y.size  # L = mean((ŷ − y)²)
dL_dW2 = np.outer(dL_dyhat, h)       # ŷ = W₂h: ∂ŷₖ/∂W₂ₖⱼ = hⱼ
dL_dh = W2.T @ dL_dyhat              # ∂ŷₖ/∂hⱼ = W₂ₖⱼ, summed over k
dh_dz = h * (1 - h)                  # σ′(z) = σ(z)(1 − σ(z))
dL_dz = dL_dh * dh_dz                # elementwise (⊙)
dL_dW1 = np.outer(dL_dz, x)          # z = W₁x: ∂zⱼ/∂W₁ⱼᵢ = xᵢ


def loss(theta):               # all 12 weights packed in one vector
    W1, W2 = theta[:6].reshape(3, 2), theta[6:].reshape(2, 3)
    return np.mean((W2 @ sigmoid(W1 @ x) - y) ** 2)


theta = np.concatenate([W1.ravel(), W2.ravel()])
by_hand = np.concatenate([dL_dW1.ravel(), dL_dW2.ravel()])
gap = lambda g: number(np.max(np.abs(g - by_hand)))
print(f"Largest difference from the table below over the 12 weights: "
      f"calcnotes.grad {gap(grad(loss)(theta))}, "
      f"finite differences (calcnotes.gradient) {gap(gradient(loss, theta))}.")

values = lambda a: "; ".join(", ".join(number(v) for v in row)
                             for row in np.atleast_2d(a))  # rows split by ;
show(Table([[name, rule, values(value)] for name, rule, value in [
    ("∂L/∂ŷ", "2(ŷ − y)/m, m = 2 outputs", dL_dyhat),
    ("∂L/∂W₂", "∂L/∂ŷ · hᵀ", dL_dW2),
    ("∂L/∂h", "W₂ᵀ · ∂L/∂ŷ", dL_dh),
    ("σ′(z)", "h ⊙ (1 − h)", dh_dz),
    ("∂L/∂z", "∂L/∂h ⊙ σ′(z)", dL_dz),
    ("∂L/∂W₁", "∂L/∂z · xᵀ", dL_dW1),
]], ["factor", "computed as", "value (matrix rows split by ;)"]))
