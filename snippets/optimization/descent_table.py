"""Twenty steps of gradient descent on g(w) = w² from w⁰ = 5 with lr = 0.1."""

from calcnotes import Table, gradient_descent, show

g = lambda w: w**2
dg = lambda w: 2 * w  # the exact derivative, handed to gradient_descent

run = gradient_descent(g, 5.0, lr=0.1, steps=20, grad=dg)

rows = []
for k, (w, value) in enumerate(zip(run.path, run.values)):
    ratio = w / run.path[k - 1] if k else None  # how much of wᵏ⁻¹ each step keeps
    rows.append([k, w, value, dg(w), ratio])

show(Table(rows, ["step k", "wᵏ", "g(wᵏ)", "g′(wᵏ)", "wᵏ ÷ wᵏ⁻¹"]))
