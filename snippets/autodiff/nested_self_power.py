"""The first three derivatives of x^x, by nested grad."""

import numpy as np

from calcnotes import Table, grad, show

f = lambda x: x**x  # base and exponent both move: the power rule alone is wrong here
df = grad(f)
d2f = grad(df)
d3f = grad(d2f)
by_hand = lambda x: x**x * (np.log(x) + 1)  # f′, from x^x = e^(x ln x)

rows = [[x, f(x), df(x), by_hand(x), d2f(x), d3f(x)] for x in [0.5, 1.0, 2.0, 3.0]]
show(Table(rows, ["x", "f(x) = xˣ", "f′(x)", "f′ by hand: xˣ(ln x + 1)", "f″(x)", "f‴(x)"],
           digits=10))
