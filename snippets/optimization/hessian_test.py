"""The Hessian test at (0, 0) for a bowl, a dome and a saddle."""

import numpy as np

from calcnotes import classify_critical_point, hessian
from calcnotes.legacy import number, table

functions = {
    "w₀² + w₁²": lambda w: w[0] ** 2 + w[1] ** 2,
    "−w₀² − w₁²": lambda w: -w[0] ** 2 - w[1] ** 2,
    "w₀² − w₁²": lambda w: w[0] ** 2 - w[1] ** 2,
}
origin = np.array([0.0, 0.0])

rows = []
for name, g in functions.items():
    eigenvalues = np.linalg.eigvalsh(hessian(g, origin))
    shown = ", ".join(number(v) for v in eigenvalues)
    rows.append([name, shown, classify_critical_point(g, origin)])

print(table(rows, ["g(w₀, w₁)", "Hessian eigenvalues at (0, 0)", "kind"]))
