"""The partial difference quotients of x² + 3xy + y² at (1, 2): 8 + h along x, 7 + h along y."""

import numpy as np

from calcnotes import Table, show

f = lambda x, y: x**2 + 3 * x * y + y**2
x, y = 1.0, 2.0

rows = []
for h in [1, 0.1, 0.01, 0.001, 1e-4]:
    along_x = (f(x + h, y) - f(x, y)) / h  # y stays put
    along_y = (f(x, y + h) - f(x, y)) / h  # x stays put
    rows.append([h, along_x, along_x - 8, along_y, along_y - 7])

print("By the steps on the page: ∂f/∂x = 2x + 3y = 8 and ∂f/∂y = 3x + 2y = 7 at (1, 2).")
headers = ["h", "quotient along x", "minus 8", "quotient along y", "minus 7"]
show(Table(rows, headers, digits=6))
