"""The same ε sweep on a spiky function, cos(40w)¹⁰⁰ / (w² + 1)."""

import numpy as np

from calcnotes.animation import epsilon_sweep
from calcnotes.legacy import to_html

g = lambda w: np.cos(40 * w) ** 100 / (w**2 + 1)
dg = lambda w: (  # quotient and chain rules, by hand
    -4000 * np.cos(40 * w) ** 99 * np.sin(40 * w) / (w**2 + 1)
    - 2 * w * np.cos(40 * w) ** 100 / (w**2 + 1) ** 2
)

eps_values = np.logspace(0, -17, 35)
movie = epsilon_sweep(g, dg, span=(0.9, 1.13), eps_values=eps_values,
                      n=700, label="g(w) = cos(40w)¹⁰⁰/(w²+1)")

alt = (
    "Top: three narrow spikes of cos(40w)¹⁰⁰/(w²+1) between w = 0.9 and "
    "1.13. Bottom: its true derivative, a sharp up-down swing of about "
    "±130 at each spike, dashed, and the orange forward difference. For "
    "large ε the orange curve misses the swings; it matches them from "
    "about ε = 10⁻⁶ to 10⁻¹²; then it turns noisy, and for ε ≤ 10⁻¹⁶ it "
    "is zero where w ≥ 1."
)
caption = (
    "A function that changes fast needs a much smaller ε before the "
    "forward difference settles, and round-off still wins in the end."
)
print(to_html(movie, alt=alt, caption=caption))
