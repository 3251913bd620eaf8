"""Stopping as soon as the slope is below a tolerance."""

from calcnotes import derivative, gradient_descent, show
from calcnotes.text import number

g = lambda w: w**2

run = gradient_descent(g, 5.0, lr=0.1, steps=1000, tol=1e-6)
slope = derivative(g, run.w)

print(f"converged = {run.converged}, diverged = {run.diverged}, "
      f"after {run.steps} of at most 1000 steps.")
print()
show(f"Final w = {number(run.w)}, where |g′(w)| = {number(abs(slope))} "
     f"< tol = {number(1e-6)}.")
