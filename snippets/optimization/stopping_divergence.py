"""A step too large: the iterates overflow and the run is flagged."""

from calcnotes import gradient_descent
from calcnotes.legacy import table

f = lambda w: w**2

result = gradient_descent(f, 5.0, lr=1.5, steps=2000)

print(f"converged = {result.converged}, diverged = {result.diverged}, "
      f"stopped after {result.steps} of at most 2000 steps.")
print()
last = range(result.steps - 3, result.steps + 1)  # the final four iterates
rows = [[k, result.path[k], result.values[k]] for k in last]
print(table(rows, ["step k", "wₖ", "f(wₖ)"]))
