"""Gradient check on a logistic-regression loss: three gradients compared."""

import numpy as np

from calcnotes import Table, grad, gradient, show
from calcnotes.autodiff import sigmoid

X = np.array([[1.0, 0.3, -1.2], [1.0, -0.7, 0.4], [1.0, 1.5, 0.9],
              [1.0, -1.1, -0.3], [1.0, 0.8, 1.7], [1.0, -0.2, -1.6]])
y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])  # labels; the first column of X is the bias
w = np.array([0.1, -0.4, 0.25])  # w[0] is w₁, the bias weight


def loss(w):  # mean cross-entropy of the predictions sigmoid(Xw)
    p = sigmoid(X @ w)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


analytic = lambda w: X.T @ (sigmoid(X @ w) - y) / len(y)  # derived by hand
relative_error = lambda a, b: (np.linalg.norm(a - b)
                               / (np.linalg.norm(a) + np.linalg.norm(b)))

rows = []
for name, g in [("gradient(loss, w)", gradient(loss, w)),  # finite differences
                ("grad(loss)(w)", grad(loss)(w))]:  # autodiff
    error = relative_error(g, analytic(w))
    rows.append([name, *g, error, "fine" if error < 1e-7 else "look closer"])
rows.insert(0, ["analytic, by hand", *analytic(w), "—", "—"])

headers = ["gradient", "∂/∂w₁", "∂/∂w₂", "∂/∂w₃", "relative error vs analytic",
           "verdict"]
show(Table(rows, headers, digits=6))
