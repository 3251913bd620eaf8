"""Which steps h make the forward difference good enough, for sin and for the spiky function."""

import numpy as np

from calcnotes import Table, derivative, show
from calcnotes.text import number

functions = {  # name: (g, its exact derivative, the span of the sweeps above)
    "sin(w)": (lambda w: np.sin(w), lambda w: np.cos(w), (-3, 3, 400)),
    "spiky": (lambda w: np.cos(40 * w) ** 100 / (w**2 + 1),
              lambda w: (-4000 * np.cos(40 * w) ** 99 * np.sin(40 * w) / (w**2 + 1)
                         - 2 * w * np.cos(40 * w) ** 100 / (w**2 + 1) ** 2), (0.9, 1.13, 700)),
}
steps = 10.0 ** -np.arange(17)  # h = 1, 10⁻¹, ..., 10⁻¹⁶
good = 1e-3  # "good enough": off by less than 0.1 % of the derivative's largest size

columns = {}
for name, (g, dg, span) in functions.items():
    w = np.linspace(*span)
    size = np.max(np.abs(dg(w)))
    # largest error over the span, relative to the size of g′ (NaN if a point has no estimate)
    columns[name] = [np.max(np.abs(derivative(g, w, h=h, method="forward") - dg(w))) / size
                     for h in steps]
    ok = [h for h, error in zip(steps, columns[name]) if error < good]
    print(f"{name}: error below {number(good)} for h from {number(max(ok))} down to {number(min(ok))}")

rows = [[h, *(columns[name][k] for name in functions)] for k, h in enumerate(steps)]
show(Table(rows, ["h", *(f"error ÷ max g′, {name}" for name in functions)], digits=2))
