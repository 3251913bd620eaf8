"""Just below 2/λ_max gradient descent settles; just above it, it does not: four functions near their minima."""

import numpy as np

from calcnotes import Table, grad, gradient_descent, jacobian, newton, show
from calcnotes.text import number

x = np.array([-2.0, -1.0, -0.5, 0.3, 0.8, 1.5, 2.2, 3.0])  # the data set of the logistic loss
s = np.array([-1, -1, 1, -1, 1, -1, 1, 1])

problems = {  # each g, written for a vector w (w[0] is w₁), and its minimum w*
    "bowl w₁² + 8w₂²": (lambda w: w[0] ** 2 + 8 * w[1] ** 2, [0.0, 0.0]),
    "eʷ − 2w": (lambda w: np.exp(w[0]) - 2 * w[0], [np.log(2)]),
    "logistic loss": (lambda w: np.mean(np.log(1 + np.exp(-s * (w[0] * x + w[1])))), None),
    "Rosenbrock": (lambda w: 100 * (w[1] - w[0] ** 2) ** 2 + (1 - w[0]) ** 2, [1.0, 1.0]),
}

rows = []
for name, (g, best) in problems.items():
    if best is None:  # no formula for this minimum: Newton's method finds it
        best = newton(g, [0.0, 0.0], steps=50, tol=1e-12).w
    eigenvalues, eigenvectors = np.linalg.eigh(jacobian(grad(g), np.array(best)))
    limit = 2 / eigenvalues[-1]  # 2 / λ_max
    start = best + 0.01 * eigenvectors[:, -1]  # 0.01 from w*, along the most curved direction
    ends = [gradient_descent(g, start, lr=f * limit, steps=1000, grad=grad(g)).w for f in (0.98, 1.02)]
    rows.append([name, eigenvalues[-1], limit, *(np.linalg.norm(end - best) for end in ends)])

print(f"Each run starts {number(0.01)} from w* along the eigenvector of λ_max and takes 1000 steps.")
print()
show(Table(rows, ["g", "λ_max at w*", "2 / λ_max", "‖w¹⁰⁰⁰ − w*‖, lr = 0.98 × 2/λ_max",
                  "‖w¹⁰⁰⁰ − w*‖, lr = 1.02 × 2/λ_max"]))
