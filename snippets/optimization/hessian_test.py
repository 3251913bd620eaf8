"""The Hessian test at (0, 0) for a bowl, a dome and a saddle."""

import numpy as np

from calcnotes import Table, classify_critical_point, hessian, show
from calcnotes.text import number

functions = {  # w[0] is w₁, w[1] is w₂
    "w₁² + w₂²": lambda w: w[0] ** 2 + w[1] ** 2,
    "−w₁² − w₂²": lambda w: -w[0] ** 2 - w[1] ** 2,
    "w₁² − w₂²": lambda w: w[0] ** 2 - w[1] ** 2,
}
origin = np.array([0.0, 0.0])

rows = []
for name, g in functions.items():
    eigenvalues = np.linalg.eigvalsh(hessian(g, origin))
    shown = ", ".join(number(v) for v in eigenvalues)
    rows.append([name, shown, classify_critical_point(g, origin)])

show(Table(rows, ["g(w₁, w₂)", "Hessian eigenvalues at (0, 0)", "kind"]))
