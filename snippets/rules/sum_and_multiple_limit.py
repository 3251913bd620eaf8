"""Difference quotients of a sum and of a constant multiple, built from the parts' quotients."""

import numpy as np

from calcnotes import Table, secant_slope, show

f = lambda x: x**3
g = lambda x: np.sin(x)
x, c = 1.0, 5.0


def q(func, h):
    """The difference quotient of func at x with step h."""
    return secant_slope(func, x, x + h)


rows = []
for h in [0.1, 0.01, 0.001, 1e-4]:
    rows.append([h, q(lambda t: f(t) + g(t), h), q(f, h) + q(g, h),
                 q(lambda t: c * f(t), h), c * q(f, h)])

print(f"The rules at x = 1: f′ + g′ = 3 + cos 1 = {3 + np.cos(1):.6f}, and c f′ = 5 · 3 = 15.")
headers = ["h", "quotient of f + g", "$q_f + q_g$", "quotient of 5f", "$5 q_f$"]
show(Table(rows, headers, digits=10))
