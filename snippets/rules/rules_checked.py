"""Every rule on one example, against the numerical derivative."""

import numpy as np

from calcnotes import Table, derivative, show

# rule, f(x), f′(x) by the rule, f, f′ by the rule
# (the constant's "+ 0 * x" makes an array the shape of x, as for the others)
examples = [
    ("constant", "7", "0", lambda x: 7 + 0 * x, lambda x: 0 * x),
    ("constant multiple", "5 sin x", "5 cos x",
     lambda x: 5 * np.sin(x), lambda x: 5 * np.cos(x)),
    ("power", "x⁻²", "−2x⁻³", lambda x: x**-2.0, lambda x: -2 * x**-3.0),
    ("exponential", "eˣ", "eˣ", np.exp, np.exp),
    ("logarithm", "ln x", "1/x", np.log, lambda x: 1 / x),
    ("sine", "sin x", "cos x", np.sin, np.cos),
    ("cosine", "cos x", "−sin x", np.cos, lambda x: -np.sin(x)),
    ("sum", "x² + sin x", "2x + cos x",
     lambda x: x**2 + np.sin(x), lambda x: 2 * x + np.cos(x)),
    ("product", "x² eˣ", "2x eˣ + x² eˣ",
     lambda x: x**2 * np.exp(x), lambda x: (2 * x + x**2) * np.exp(x)),
    ("quotient", "sin x / x", "(x cos x − sin x) / x²",
     lambda x: np.sin(x) / x, lambda x: (x * np.cos(x) - np.sin(x)) / x**2),
    ("chain", "ln(1 + x²)", "2x / (1 + x²)",
     lambda x: np.log(1 + x**2), lambda x: 2 * x / (1 + x**2)),
]

x = np.array([0.5, 1.0, 1.5, 2.0, 3.0])  # the points compared
at_1 = 1  # index of x = 1, shown in full

rows = []
for rule, f_text, df_text, f, df in examples:
    by_rule, measured = df(x), derivative(f, x)
    gap = float(f"{np.max(np.abs(by_rule - measured)):.2g}")
    rows.append([rule, f_text, df_text, by_rule[at_1], measured[at_1], gap])

headers = ["rule", "f(x)", "f′(x) by the rule", "rule at x = 1",
           "`derivative` at x = 1", "largest gap, x = 0.5 … 3"]
show(Table(rows, headers, digits=6))
