"""Errors of Newton's method and of gradient descent on g(w) = eʷ − 2w, step by step."""

import numpy as np

from calcnotes import Table, grad, gradient_descent, newton, show

g = lambda w: np.exp(w) - 2 * w
best = np.log(2)  # the minimum w*: g′(w) = eʷ − 2 = 0

newton_errors = np.abs(newton(g, 2.0, steps=6).path - best)  # eₖ = |wᵏ − w*|
descent_errors = np.abs(gradient_descent(g, 2.0, lr=0.1, steps=60, grad=grad(g)).path - best)


def order(e, k):
    """The observed order p from three errors in a row: eₖ₊₁ ≈ C eₖᵖ."""
    return np.log(e[k + 1] / e[k]) / np.log(e[k] / e[k - 1])


rows = []
for k in range(7):
    squared = newton_errors[k + 1] / newton_errors[k] ** 2 if k < 5 else None  # e₆ = 0: w* reached
    rows.append([k, newton_errors[k], squared, descent_errors[k], descent_errors[k + 1] / descent_errors[k]])
print(f"Observed order of Newton's method, from e₃, e₄, e₅: p = {order(newton_errors, 4):.3f}. "
      f"Of gradient descent, from e₅₈, e₅₉, e₆₀: p = {order(descent_errors, 59):.3f}, "
      f"with e₆₀ ÷ e₅₉ = {descent_errors[60] / descent_errors[59]:.4f}.")
print()
show(Table(rows, ["k", "Newton eₖ", "eₖ₊₁ ÷ eₖ²", "descent eₖ", "eₖ₊₁ ÷ eₖ"]))
