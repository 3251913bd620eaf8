"""The factor (eʰ − 1)/h of the exponential's difference quotient tends to 1."""

import numpy as np

from calcnotes import Table, secant_slope, show

h = np.array([1, 0.1, 0.01, 0.001, 1e-4, 1e-5, -1e-5])
factor = np.expm1(h) / h  # (eʰ − 1)/h; expm1(h) is eʰ − 1 without cancellation
at_2 = secant_slope(np.exp, 2.0, 2.0 + h) / np.exp(2)  # the quotient of eˣ at x = 2, ÷ e²
base_2 = (2.0**h - 1) / h  # the same factor for 2ˣ instead of eˣ

rows = [[step, f, f - 1, f2, b] for step, f, f2, b in zip(h, factor, at_2, base_2)]
headers = ["h", "(eʰ − 1)/h", "(eʰ − 1)/h − 1", "quotient at x = 2, ÷ e²", "(2ʰ − 1)/h"]
show(Table(rows, headers, digits=7))
