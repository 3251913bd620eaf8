"""Where each learning rate ends on f(w) = w², with a tolerance and a cap."""

from calcnotes import gradient_descent
from calcnotes.legacy import table

f = lambda w: w**2

rows = []
for lr in [0.01, 0.1, 0.5, 0.95, 1.0, 1.1, 1.5]:
    result = gradient_descent(f, 5.0, lr=lr, steps=2000, tol=1e-6)
    rows.append([lr, result.steps, result.w, result.values[-1],
                 result.converged, result.diverged])

headers = ["lr", "steps taken", "final w", "final f(w)",
           "converged", "diverged"]
print(table(rows, headers))
