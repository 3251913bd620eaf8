"""Four matrix-gradient identities, checked on random A, x and X."""

import numpy as np

from calcnotes import Table, gradient, show

rng = np.random.default_rng(0)
A = rng.normal(size=(3, 4))  # a 3 × 4 matrix
B = rng.normal(size=(4, 3))  # a 4 × 3 matrix
S = rng.normal(size=(4, 4))  # a square matrix
x = rng.normal(size=4)
X = rng.normal(size=(3, 2))


def stacked_gradients(F, x, outputs):
    """The gradients of F's outputs, side by side as columns."""
    return np.column_stack([gradient(lambda x, i=i: F(x)[i], x)
                            for i in range(outputs)])


checks = [
    ("∇ₓ(Ax) = Aᵀ", stacked_gradients(lambda x: A @ x, x, 3), A.T),
    ("∇ₓ(xᵀB) = B", stacked_gradients(lambda x: x @ B, x, 3), B),
    ("∇ₓ(xᵀSx) = (S + Sᵀ)x", gradient(lambda x: x @ S @ x, x), (S + S.T) @ x),
    ("∇ₓ‖x‖² = 2x", gradient(lambda x: np.sum(x**2), x), 2 * x),
    ("∇_X ‖X‖²_F = 2X", gradient(lambda X: np.sum(X**2), X), 2 * X),
]
rows = [[name, " × ".join(map(str, formula.shape)),
         np.max(np.abs(measured - formula))]
        for name, measured, formula in checks]
show(Table(rows, ["identity", "shape", "largest gap, measured vs formula"]))
