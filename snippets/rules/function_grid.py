"""Six functions from the table, each drawn with its derivative."""

import numpy as np

from calcnotes.figures import function_and_derivative_grid
from calcnotes.legacy import to_html

sigma = lambda x: 1 / (1 + np.exp(-x))

panels = [
    dict(title="power", f=lambda x: x**3, df=lambda x: 3 * x**2,
         span=(-1.6, 1.6), label="x³", dlabel="3x²"),
    dict(title="exponential", f=np.exp, df=np.exp,
         span=(-2, 2), label="eˣ", dlabel="eˣ (the same)"),
    dict(title="logarithm", f=np.log, df=lambda x: 1 / x,
         span=(0.2, 4), label="ln x", dlabel="1/x"),
    dict(title="sine", f=np.sin, df=np.cos,
         span=(-np.pi, np.pi), label="sin x", dlabel="cos x"),
    dict(title="ReLU", f=lambda x: np.maximum(x, 0),
         df=lambda x: np.where(x > 0, 1.0, 0.0), undefined_at=[0],
         span=(-2, 2), label="max(x, 0)", dlabel="0 or 1"),
    dict(title="sigmoid", f=sigma, df=lambda x: sigma(x) * (1 - sigma(x)),
         span=(-6, 6), label="σ(x)", dlabel="σ(x)(1 − σ(x))"),
]
fig = function_and_derivative_grid(panels, ncols=3)

alt = (
    "Six panels, each with a function as a solid line and its derivative "
    "dashed in blue. x³ with the parabola 3x²; eˣ with an identical dashed "
    "copy on top of it; ln x with the falling hyperbola 1/x; sin x with "
    "cos x; ReLU, flat then rising, with a step from 0 to 1 broken at 0 by "
    "two open circles; the S-shaped sigmoid with a low bump peaking at 0."
)
caption = (
    "Each function with its derivative from the rules. ReLU has none at 0: "
    "the slope jumps from 0 to 1 there."
)
print(to_html(fig, alt=alt, caption=caption))
