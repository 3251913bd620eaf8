"""Where each method's error is smallest, measured and predicted."""

import numpy as np

from calcnotes import derivative
from calcnotes.legacy import table

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)
ws = np.linspace(0.5, 1.5, 201)  # many points: a typical error, not a lucky one
eps = np.finfo(float).eps  # machine epsilon, 2.2 × 10⁻¹⁶
steps = np.logspace(-1, -15, 141)  # 10 steps per decade


def typical_error(h, method):  # root-mean-square error over the points
    return np.sqrt(np.mean((derivative(g, ws, h=h, method=method) - dg(ws))**2))


rows = []
for method, p in [("forward", 1), ("central", 2), ("five-point", 4)]:
    errors = [typical_error(h, method) for h in steps]
    best = int(np.argmin(errors))
    rows.append([method, p, eps ** (1 / (p + 1)), steps[best], errors[best]])

headers = ["method", "order p", "predicted best h: ε^(1/(p+1))",
           "measured best h", "error there"]
print(table(rows, headers, digits=3))
