"""The forward difference of sin as ε shrinks from 1 to 10⁻¹⁷."""

import numpy as np

from calcnotes.animation import epsilon_sweep
from calcnotes.legacy import to_html

g = lambda w: np.sin(w)
dg = lambda w: np.cos(w)  # the true derivative, for comparison

eps_values = np.logspace(0, -17, 35)  # 1, 10^-0.5, ..., 10^-17
movie = epsilon_sweep(g, dg, span=(-3, 3), eps_values=eps_values,
                      label="g(w) = sin(w)")

alt = (
    "Top: sin(w) for w from −3 to 3. Bottom: the true derivative cos(w) "
    "dashed, and the orange forward difference with step ε. At ε = 1 the "
    "orange curve is shifted to the left; it lies on the dashed one from "
    "about ε = 10⁻³ to 10⁻¹³, grows ragged near ε = 10⁻¹⁵, and for "
    "ε ≤ 10⁻¹⁶ it is flat at zero except for noisy steps near w = 0."
)
caption = (
    "The forward difference of sin(w) for 35 values of ε from 1 to 10⁻¹⁷: "
    "first truncation error, then a long stretch of agreement, then "
    "round-off noise and finally zero."
)
print(to_html(movie, alt=alt, caption=caption))
