"""The forward pass of a 2-layer network, one intermediate quantity a row."""

import numpy as np

from calcnotes import Table, show
from calcnotes.text import number

rng = np.random.default_rng(0)
W1 = rng.normal(size=(3, 2))   # 2 inputs → 3 hidden units
W2 = rng.normal(size=(2, 3))   # 3 hidden units → 2 outputs
x = np.array([0.5, -1.0])      # one training example
y = np.array([1.0, 0.0])       # and its target
sigmoid = lambda z: 1 / (1 + np.exp(-z))

z = W1 @ x                     # hidden pre-activations
h = sigmoid(z)                 # hidden activations
y_hat = W2 @ h                 # the network's output
L = np.mean((y_hat - y) ** 2)  # mean squared error

values = lambda a: "; ".join(", ".join(number(v) for v in row)
                             for row in np.atleast_2d(a))  # rows split by ;
dims = lambda a: " × ".join(str(n) for n in np.shape(a)) or "scalar"
rows = [[name, formula, dims(value), values(value)] for name, formula, value in [
    ("input", "x", x),
    ("weights, layer 1", "W₁", W1),
    ("pre-activation", "z = W₁x", z),
    ("activation", "h = σ(z)", h),
    ("weights, layer 2", "W₂", W2),
    ("output", "ŷ = W₂h", y_hat),
    ("target", "y", y),
    ("loss", "L = mean((ŷ − y)²)", L),
]]
show(Table(rows, ["step", "quantity", "shape", "value"]))
