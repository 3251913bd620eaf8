"""Three functions with f″(0) = 0: the test cannot tell what 0 is."""

from calcnotes import Table, classify_critical_point, hessian, show

functions = {
    "x⁴": lambda x: x**4,
    "−x⁴": lambda x: -(x**4),
    "x³": lambda x: x**3,
}

rows = []
for name, f in functions.items():
    bend = hessian(f, 0.0)[0, 0]  # f″(0): zero, up to rounding
    verdict = classify_critical_point(f, 0.0)
    left, right = f(-0.1) - f(0.0), f(0.1) - f(0.0)  # look on both sides
    truth = {(True, True): "minimum", (False, False): "maximum"}.get(
        (left > 0, right > 0), "neither")
    rows.append([name, bend, verdict, left, right, truth])

headers = ["f(x)", "f″(0)", "test says", "f(−0.1) − f(0)",
           "f(0.1) − f(0)", "0 really is"]
show(Table(rows, headers))
