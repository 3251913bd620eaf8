"""sin(x²), its inner function x², and the chain-rule derivative 2x·cos(x²)."""

import numpy as np

from calcnotes.figures import composition_figure
from calcnotes.legacy import to_html

outer = lambda u: np.sin(u)
inner = lambda x: x**2
slope = lambda x: np.cos(x**2) * 2 * x  # f′(g(x)) · g′(x)

fig = composition_figure(outer, inner, slope, span=(-3, 3),
                         labels=("h(x) = sin(x²)", "g(x) = x²",
                                 "h′(x) = 2x·cos(x²)"))

alt = (
    "Top: the curve sin(x²) for x from −3 to 3, flat near 0 and waving "
    "faster and faster further out, with the dashed parabola x² rising "
    "from 0. Bottom: the derivative 2x·cos(x²), a wave whose swings grow "
    "with |x| and touch the dotted lines ±2x; red dots computed "
    "numerically sit exactly on it."
)
caption = (
    "The inner function sets the pace: where x² climbs fast, sin(x²) "
    "waves fast, and its slope is bounded by ±2x, the inner slope."
)
print(to_html(fig, alt=alt, caption=caption))
