"""xˣ above its derivative: the slope is zero, and xˣ smallest, at 1/e."""

import numpy as np

from calcnotes import derivative
from calcnotes.figures import function_and_derivative_figure
from calcnotes.legacy import number, to_html

f = lambda x: x**x
df = lambda x: x**x * (np.log(x) + 1)

lowest = 1 / np.e  # where ln x + 1 = 0
fig = function_and_derivative_figure(
    f, (0.02, 1.5), df=df, at=lowest,
    label="f(x) = xˣ", dlabel="f′(x) = xˣ (ln x + 1)",
)

alt = (
    "Two panels sharing the x-axis from 0 to 1.5. Top: xˣ starts just below 1, "
    "dips to a shallow minimum near x = 0.37, then climbs steeply; a red "
    "point marks the minimum and a flat green tangent touches it. Bottom: "
    "the dashed derivative rises from far below zero and crosses zero "
    "right below the minimum."
)
caption = (
    f"xˣ is smallest at x = 1/e ≈ {number(lowest)}, where it is "
    f"{number(f(lowest))}; the measured slope there is "
    f"{number(derivative(f, lowest), 2)}, zero up to round-off."
)
print(to_html(fig, alt=alt, caption=caption))
