"""Ten steps of gradient descent on f(w) = w² from w = 5 with lr = 0.1."""

from calcnotes import gradient_descent
from calcnotes.legacy import table

f = lambda w: w**2

result = gradient_descent(f, 5.0, lr=0.1, steps=10)

rows = []
for k, (w, value) in enumerate(zip(result.path, result.values)):
    ratio = w / result.path[k - 1] if k else None  # how much each step keeps
    rows.append([k, w, value, ratio])

print(table(rows, ["step k", "wₖ", "f(wₖ)", "wₖ ÷ wₖ₋₁"]))
