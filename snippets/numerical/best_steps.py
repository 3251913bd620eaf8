"""Where each method's error is smallest, measured and predicted."""

import numpy as np

from calcnotes import Table, derivative, show

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)
ws = np.linspace(0.5, 1.5, 201)  # many points: a typical error, not a lucky one
eps_mach = np.finfo(float).eps  # machine epsilon ε_mach, 2.2 × 10⁻¹⁶
steps = np.logspace(-1, -15, 141)  # 10 steps per decade


def typical_error(h, method):  # root-mean-square error over the points
    return np.sqrt(np.mean((derivative(g, ws, h=h, method=method) - dg(ws))**2))


rows = []
for method, p in [("forward", 1), ("central", 2), ("five-point", 4)]:
    errors = [typical_error(h, method) for h in steps]
    best = int(np.argmin(errors))
    rows.append([method, p, eps_mach ** (1 / (p + 1)), steps[best], errors[best]])

headers = ["method", "order p", "predicted best h: ε_mach^(1/(p+1))",
           "measured best h", "error there"]
show(Table(rows, headers, digits=3))
