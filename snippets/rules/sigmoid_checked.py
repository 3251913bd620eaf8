"""The sigmoid's derivative σ(1 − σ) against the numerical derivative."""

import numpy as np

from calcnotes import Table, derivative, show

sigma = lambda x: 1 / (1 + np.exp(-x))
by_rules = lambda x: sigma(x) * (1 - sigma(x))

x = np.array([-6.0, -2.0, -1.0, 0.0, 1.0, 2.0, 6.0])
measured = derivative(sigma, x)

rows = [[xi, sigma(xi), by_rules(xi), mi, abs(by_rules(xi) - mi)]
        for xi, mi in zip(x, measured)]
headers = ["x", "σ(x)", "σ(x)(1 − σ(x))", "`derivative(σ, x)`", "difference"]
show(Table(rows, headers))
