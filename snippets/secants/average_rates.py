"""Average rates of change of f(x) = x² + 3 over [1, 1 + Δx], as the interval shrinks."""

import numpy as np

from calcnotes import Table, secant_slope, show

f = lambda x: x**2 + 3

print(f"From (1, {f(1)}) to (3, {f(3)}): rise {f(3) - f(1)} over run 2, "
      f"slope {secant_slope(f, 1, 3):g}.")

dx = np.array([2, 1, 0.5, 0.1, 0.01, 0.001])
rates = secant_slope(f, 1.0, 1.0 + dx)  # change in f ÷ change in x, one per interval

rows = [[f"[1, {1 + step:g}]", f(1 + step) - f(1), step, rate]
        for step, rate in zip(dx, rates)]
show(Table(rows, ["interval", "change in f", "change in x", "average rate"], digits=6))
