"""jacobian(f, w) has the shape f(w).shape + w.shape, whatever the shapes."""

import numpy as np

from calcnotes import Table, jacobian, show

x = np.array([0.5, -1.0, 2.0])
examples = [  # name, f, w
    ("sin w, w a number", lambda w: np.sin(w), 0.3),
    ("∑ w², w in R³", lambda w: np.sum(w**2), np.array([1.0, 2.0, 3.0])),
    ("(∑ w, ∑ w²) by np.stack", lambda w: np.stack([np.sum(w), np.sum(w**2)]),
     np.array([1.0, 2.0, 3.0])),
    ("softmax of w in R⁴", lambda w: np.exp(w) / np.sum(np.exp(w)), np.array([1.0, 0.0, -1.0, 2.0])),
    ("layer tanh(W x), W a 2 × 3 matrix", lambda W: np.tanh(W @ x), np.ones((2, 3)) / 4),
]



def counting(f):  # f, and the list of the points it was called at
    calls = []

    def counted(w):
        calls.append(w)
        return f(w)

    return counted, calls


rows = []
for name, f, w in examples:
    counted, calls = counting(f)
    J = jacobian(counted, w)
    rows.append([name, str(np.shape(w)), str(np.shape(f(w))), str(np.shape(J)), len(calls)])

show(Table(rows, ["f", "w.shape", "f(w).shape", "jacobian(f, w).shape", "calls of f"]))
