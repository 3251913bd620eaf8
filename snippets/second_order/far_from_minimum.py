"""Newton's method on g(w) = log cosh w from five starts: near 0 it converges, farther out it flies off."""

import numpy as np

from calcnotes import Table, newton, show
from calcnotes.text import number

g = lambda w: np.log(np.cosh(w))  # minimum at 0; g″ = 1/cosh² w fades away from it

rows = []
for w0 in [0.5, 1.0, 1.08, 1.09, 1.5]:
    run = newton(g, w0, steps=100, tol=1e-10)
    first = list(run.path[1:4]) + [None] * (4 - len(run.path))  # None: the run stopped before
    rows.append([w0, *first, run.steps, run.converged, run.diverged])

# The edge: the start that one step sends to exactly −w⁰. There w − tanh w cosh² w = −w,
# i.e. sinh 2w = 4w: a critical point of cosh(2w)/2 − 2w², found by Newton's method too.
edge = newton(lambda w: np.cosh(2 * w) / 2 - 2 * w**2, 1.0, steps=50, tol=1e-12).w
print(f"Starts beyond ±{number(edge, 6)} are sent farther out at every step.")
print()
show(Table(rows, ["w⁰", "w¹", "w²", "w³", "steps", "converged", "diverged"]))
