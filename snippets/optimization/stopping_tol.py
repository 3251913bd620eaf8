"""Stopping as soon as the slope is below a tolerance."""

from calcnotes import derivative, gradient_descent
from calcnotes.legacy import number

f = lambda w: w**2

result = gradient_descent(f, 5.0, lr=0.1, steps=1000, tol=1e-6)
slope = derivative(f, result.w)

print(f"converged = {result.converged}, diverged = {result.diverged}, "
      f"after {result.steps} of at most 1000 steps.")
print()
print(f"Final w = {number(result.w)}, where |f′(w)| = "
      f"{number(abs(slope))} < tol = {number(1e-6)}.")
