"""Gradient-check error against the finite-difference step, right and buggy."""

import numpy as np

from calcnotes.autodiff import sigmoid
from calcnotes.figures import gradient_check_figure
from calcnotes.legacy import to_html

X = np.array([[1.0, 0.3, -1.2], [1.0, -0.7, 0.4], [1.0, 1.5, 0.9],
              [1.0, -1.1, -0.3], [1.0, 0.8, 1.7], [1.0, -0.2, -1.6]])
y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
w = np.array([0.1, -0.4, 0.25])
loss = lambda w: -np.mean(y * np.log(sigmoid(X @ w))
                          + (1 - y) * np.log(1 - sigmoid(X @ w)))

right = lambda w: X.T @ (sigmoid(X @ w) - y) / len(y)
buggy = lambda w: right(w) * np.array([1.0, 1.0, 2.0])  # the planted bug

fig = gradient_check_figure(loss, w, {"correct gradient": right,
                                      "planted bug": buggy})

alt = (
    "Log–log plot of the gradient check's relative error against the "
    "finite-difference step h, from 10⁻¹ on the left to 10⁻¹² on the "
    "right. The correct gradient's curve falls like h², bottoms out near "
    "10⁻¹¹ around h = 10⁻⁵ inside the green band below 10⁻⁷, and rises "
    "again for tiny h. The planted bug's curve stays flat near 0.2, inside "
    "the red band above 10⁻³, for every h."
)
caption = (
    "A correct gradient passes the check for a wide range of steps; a "
    "wrong one fails it for every step — no choice of h can hide a bug."
)
print(to_html(fig, alt=alt, caption=caption))
