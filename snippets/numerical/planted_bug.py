"""A bug planted in one component of the gradient, caught by the check."""

import numpy as np

from calcnotes import Table, gradient, show
from calcnotes.autodiff import sigmoid
from calcnotes.text import number

X = np.array([[1.0, 0.3, -1.2], [1.0, -0.7, 0.4], [1.0, 1.5, 0.9],
              [1.0, -1.1, -0.3], [1.0, 0.8, 1.7], [1.0, -0.2, -1.6]])
y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
w = np.array([0.1, -0.4, 0.25])
loss = lambda w: -np.mean(y * np.log(sigmoid(X @ w))
                          + (1 - y) * np.log(1 - sigmoid(X @ w)))


def buggy_gradient(w):  # written component by component, one factor wrong
    r = sigmoid(X @ w) - y
    return np.array([r.mean(), (r * X[:, 1]).mean(), 2 * (r * X[:, 2]).mean()])


numeric, claimed = gradient(loss, w), buggy_gradient(w)
error = np.linalg.norm(numeric - claimed) / (np.linalg.norm(numeric)
                                             + np.linalg.norm(claimed))
verdict = "bug" if error > 1e-3 else "fine" if error < 1e-7 else "look closer"
print(f"Whole gradient: relative error {number(error, 3)}, verdict: "
      f"**{verdict}**. Component by component:")

rows = [[f"∂/∂w{'₁₂₃'[i]}", numeric[i], claimed[i],  # w[i] is w with subscript i + 1
         abs(numeric[i] - claimed[i]) / (abs(numeric[i]) + abs(claimed[i]))]
        for i in range(3)]
show(Table(rows, ["component", "finite differences", "buggy analytic",
                  "relative error"], digits=6))
