"""Where the complex step breaks: calcnotes raises, or the answer is wrong."""

import numpy as np

from calcnotes import Table, derivative, show

spiky = lambda w: np.cos(40 * w) ** 100 / (w**2 + 1)
d_spiky = lambda w: (-4000 * np.cos(40 * w) ** 99 * np.sin(40 * w)
                     / (w**2 + 1) - 2 * w * spiky(w) / (w**2 + 1))

cases = [  # (g as written, g, point, exact derivative by hand)
    ("`np.abs(w)**3`", lambda w: np.abs(w) ** 3, -2.0, 3 * -2.0 * 2.0),
    ("`np.maximum(w, 0)`", lambda w: np.maximum(w, 0), 0.0, "none: a kink"),
    ("`w**100`", lambda w: w**100, -1.0, 100 * (-1.0) ** 99),
    ("`np.cos(40*w)**100/(w**2+1)`", spiky, 0.08, d_spiky(0.08)),
]

rows, messages = [], []
for text, g, w0, exact in cases:
    try:
        complex_step = derivative(g, w0, method="complex")
    except ValueError as error:
        complex_step = "raises ValueError"
        messages.append(f"> {text}: {error}")
    rows.append([text, w0, exact, derivative(g, w0), complex_step])

print("\n\n".join(messages))  # what calcnotes says when it refuses
headers = ["g(w)", "w⁰", "exact g′(w⁰)", "central", "complex step"]
show(Table(rows, headers, digits=6))
