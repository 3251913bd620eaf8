"""Where each learning rate ends on g(w) = w², with a tolerance and a cap."""

from calcnotes import Table, gradient_descent, show

g = lambda w: w**2

rows = []
for lr in [0.01, 0.1, 0.5, 0.95, 1.0, 1.1, 1.5]:
    run = gradient_descent(g, 5.0, lr=lr, steps=2000, tol=1e-6)
    rows.append([lr, run.steps, run.w, run.values[-1], run.converged, run.diverged])

headers = ["lr", "steps taken", "final w", "final g(w)", "converged", "diverged"]
show(Table(rows, headers))
