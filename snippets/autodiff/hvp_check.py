"""H·v of the Rosenbrock function of 4 inputs: by hvp, and from two full Hessians."""

import numpy as np

from calcnotes import Table, grad, hessian, hvp, jacobian, show


def rosenbrock(w):
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2)


w0 = np.array([-1.2, 1.0, 0.5, 0.8])  # w[0] is w₁
v = np.array([1.0, -2.0, 0.5, 3.0])

rows = [
    ["hvp(g, w, v): forward over reverse", *hvp(rosenbrock, w0, v)],
    ["jacobian(grad(g), w) @ v: exact H", *(jacobian(grad(rosenbrock), w0) @ v)],
    ["hessian(g, w) @ v: finite differences", *(hessian(rosenbrock, w0) @ v)],
]
show(Table(rows, ["computed by", "(Hv)₁", "(Hv)₂", "(Hv)₃", "(Hv)₄"], digits=10))
