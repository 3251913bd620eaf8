"""The product's difference quotient splits into f(x + h) q_g + g(x) q_f, which tends to fg′ + gf′."""

import numpy as np

from calcnotes import Table, secant_slope, show
from calcnotes.text import number

f = lambda x: x**2
g = lambda x: np.sin(x)
df, dg = lambda x: 2 * x, lambda x: np.cos(x)  # the parts' derivatives, known already
x = 1.0
rule = f(x) * dg(x) + g(x) * df(x)  # what the product rule says

rows = []
for h in [0.1, 0.01, 0.001, 1e-4, 1e-5]:
    q_product = secant_slope(lambda t: f(t) * g(t), x, x + h)
    q_f, q_g = secant_slope(f, x, x + h), secant_slope(g, x, x + h)
    split = f(x + h) * q_g + g(x) * q_f  # the same number, rearranged (see the page)
    rows.append([h, q_product, split, q_product - rule])

print(f"The product rule at x = 1: f(1) g′(1) + g(1) f′(1) = cos 1 + 2 sin 1 = {number(rule, 9)}")
show(Table(rows, ["h", "quotient of f·g", "split form", "quotient − rule"], digits=9))
