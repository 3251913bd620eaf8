"""Error against step size for four methods on sin at w = 1, log–log."""

import numpy as np

from calcnotes.figures import error_vs_step_figure
from calcnotes.legacy import to_html

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)  # exact, to measure the error

fig = error_vs_step_figure(
    g, dg, 1.0, methods=["forward", "central", "five-point", "complex"],
    steps=np.logspace(0, -20, 121),
)

alt = (
    "Log–log plot of the error in g′(1) against the step h, which shrinks "
    "from 1 on the left to 10⁻²⁰ on the right. The forward, central and "
    "five-point curves each fall along a straight line of slope 1, 2 and 4, "
    "reach a minimum near h = 10⁻⁸, 10⁻⁵ and 10⁻³, then climb together "
    "along the dashed round-off line ε/h and stop near h = 10⁻¹⁶. The "
    "complex-step curve falls along the h² line down to zero error and "
    "stays there. Diamonds mark the default step of each method."
)
caption = (
    "Truncation error falls like hᵖ, round-off error grows like ε/h; each "
    "method does best where the two meet, and calcnotes' default step "
    "(diamonds) sits there. The complex step has no round-off branch."
)
print(to_html(fig, alt=alt, caption=caption))
