"""Damped Newton on log cosh w from w⁰ = 1.5: halve the step until g goes down enough, then take it."""

import numpy as np

from calcnotes import Table, grad, newton, show
from calcnotes.text import number

g = lambda w: np.log(np.cosh(w))
slope, bend = grad(g), grad(grad(g))

w, rows = 1.5, []
for k in range(6):
    step = -slope(w) / bend(w)  # the full Newton step
    t = 1.0
    while g(w + t * step) > g(w) + 1e-4 * t * slope(w) * step:  # too little decrease: halve t
        t /= 2
    rows.append([k, w, g(w), step, t])
    w = w + t * step

plain = newton(g, 1.5, steps=2).path
print(f"After 6 damped steps w = {number(w)}; the plain method went from 1.5 to "
      f"{number(plain[1], 3)}, then {number(plain[2], 4)}.")
print()
show(Table(rows, ["k", "wᵏ", "g(wᵏ)", "Newton step", "fraction t taken"]))
