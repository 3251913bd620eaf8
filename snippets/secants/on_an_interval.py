"""is_differentiable at every point of a grid: differentiable on an interval, or not."""

import numpy as np

from calcnotes import Table, is_differentiable, show
from calcnotes.text import number

functions = {
    "sin(w)": lambda w: np.sin(w),
    "|w|": lambda w: np.abs(w),
    "|w² − 1|": lambda w: np.abs(w**2 - 1),
}
intervals = [(-2.0, 2.0), (0.2, 0.8)]

rows = []
for name, g in functions.items():
    for a, b in intervals:
        grid = np.round(np.linspace(a, b, 41), 10)  # steps of 0.1 or 0.015, ends included
        fails = [w0 for w0 in grid if not is_differentiable(g, w0)]
        where = ", ".join(number(w0) for w0 in fails) or "nowhere"
        verdict = "differentiable" if not fails else "not differentiable"
        rows.append([name, f"[{number(a)}, {number(b)}]", len(grid), where, verdict])

show(Table(rows, ["g(w)", "interval", "points checked", "fails at", "on the interval"]))
