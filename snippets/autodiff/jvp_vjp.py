"""The same f of 2 inputs and 3 outputs: J·v by one forward pass, uᵀJ by one backward pass."""

import numpy as np

from calcnotes import Table, grad, jacobian, jvp, show

calls = []  # one entry per call of f


def f(w):  # f: R² → R³; w[0] is w₁, w[1] is w₂
    calls.append(w)
    return np.array([w[0] * w[1], np.sin(w[0]) + w[1] ** 2, np.exp(w[1])])


w0 = np.array([1.0, 0.5])
v = np.array([3.0, -1.0])  # a direction in the input space, R²
u = np.array([1.0, -2.0, 0.5])  # weights on the outputs, R³


def counted(compute):  # what compute() returns, and how often it called f
    calls.clear()
    return compute(), len(calls)


rows = []
for label, how, (result, n) in [
    ("J·v", "jvp: forward", counted(lambda: jvp(f, w0, v)[1])),
    ("J·v", "jacobian, then J @ v", counted(lambda: jacobian(f, w0) @ v)),
    ("uᵀJ", "grad of uᵀf: reverse", counted(lambda: grad(lambda w: u @ f(w))(w0))),
    ("uᵀJ", "jacobian, then u @ J", counted(lambda: u @ jacobian(f, w0))),
]:
    rows.append([label, how, n, *result, *[None] * (3 - len(result))])

show(Table(rows, ["product", "computed by", "calls of f", "entry 1", "entry 2", "entry 3"],
           digits=10))
