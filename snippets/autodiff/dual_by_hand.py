"""Dual numbers by hand: every step of g(w) = w·sin(w) + w² carries its derivative."""

import math

from calcnotes import Table, show


class Dual:
    """a + b·ε with ε² = 0: a is the value, b rides along as the derivative."""

    def __init__(self, a, b):
        self.a, self.b = a, b

    def __add__(self, other):  # (a + bε) + (c + dε) = (a + c) + (b + d)ε
        return Dual(self.a + other.a, self.b + other.b)

    def __mul__(self, other):  # (a + bε)(c + dε) = ac + (ad + bc)ε + bd·ε², and ε² = 0
        return Dual(self.a * other.a, self.a * other.b + self.b * other.a)


def sin(x):  # sin(a + bε) = sin(a) + cos(a)·b·ε: the tangent line, exactly
    return Dual(math.sin(x.a), math.cos(x.a) * x.b)


w = Dual(2.0, 1.0)  # the point w⁰ = 2, moving at rate 1
s = sin(w)
p = w * s
q = w * w
g = p + q

steps = [("w", w), ("s = sin w", s), ("p = w · s", p), ("q = w · w", q), ("g = p + q", g)]
rows = [[name, x.a, x.b] for name, x in steps]
show(Table(rows, ["step", "value a", "ε-part b, its derivative"], digits=10))
