"""A step too large: the iterates overflow and the run is flagged."""

from calcnotes import Table, gradient_descent, show

g = lambda w: w**2

run = gradient_descent(g, 5.0, lr=1.5, steps=2000)

print(f"converged = {run.converged}, diverged = {run.diverged}, "
      f"stopped after {run.steps} of at most 2000 steps.")
print()
last = range(run.steps - 3, run.steps + 1)  # the final four iterates
show(Table([[k, run.path[k], run.values[k]] for k in last], ["step k", "wᵏ", "g(wᵏ)"]))
