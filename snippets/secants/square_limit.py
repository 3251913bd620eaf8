"""((x + h)² − x²) / h at a few x: it heads for 2x as h shrinks."""

from calcnotes import Table, secant_slope, show

f = lambda x: x**2

steps = [0.1, 0.01, 0.0001]
rows = []
for x in [-1.5, 0.5, 3.0]:
    quotients = [secant_slope(f, x, x + h) for h in steps]
    rows.append([x, *quotients, 2 * x])

headers = ["x", *(f"h = {h:g}" for h in steps), "2x"]
show(Table(rows, headers, digits=7))
