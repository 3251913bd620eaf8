"""A probability as an area: P(−1 < X < 1) for a standard normal X, from sums of thin strips."""

import math

import numpy as np

from calcnotes import Table, show

density = lambda x: np.exp(-x**2 / 2) / np.sqrt(2 * np.pi)  # the standard normal density
a, b = -1.0, 1.0
exact = math.erf(1 / math.sqrt(2))  # the same area, by the error function

rows = []
for n in [2, 4, 8, 16, 64, 256, 1024]:
    width = (b - a) / n
    middles = a + width * (np.arange(n) + 0.5)  # the middle of each of n strips
    area = np.sum(density(middles) * width)  # strip heights times widths
    rows.append([n, area, area - exact])

print(f"The exact area is erf(1/√2) = {exact:.8f}.")
show(Table(rows, ["strips n", "sum of strip areas", "minus the exact area"], digits=8))
