"""The quotient f/g's difference quotient is (g q_f − f q_g) / (g(x) g(x + h)), which tends to the rule."""

import numpy as np

from calcnotes import Table, secant_slope, show
from calcnotes.text import number

f = lambda x: np.sin(x)
g = lambda x: x**2 + 1
df, dg = lambda x: np.cos(x), lambda x: 2 * x
x = 1.0
rule = (df(x) * g(x) - f(x) * dg(x)) / g(x) ** 2  # what the quotient rule says

rows = []
for h in [0.1, 0.01, 0.001, 1e-4, 1e-5]:
    q_ratio = secant_slope(lambda t: f(t) / g(t), x, x + h)
    q_f, q_g = secant_slope(f, x, x + h), secant_slope(g, x, x + h)
    split = (g(x) * q_f - f(x) * q_g) / (g(x) * g(x + h))  # the same number, rearranged
    rows.append([h, q_ratio, split, q_ratio - rule])

print(f"The quotient rule at x = 1: (cos 1 · 2 − sin 1 · 2) / 2² = {number(rule, 9)}")
show(Table(rows, ["h", "quotient of f/g", "split form", "quotient − rule"], digits=9))
