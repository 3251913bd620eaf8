"""The simplest check: a finite difference of x² at x = 2 against 2x."""

from calcnotes import derivative, show
from calcnotes.text import number

f = lambda x: x**2
df = lambda x: 2 * x  # the analytic derivative we want to check
x, h = 2.0, 1e-5

analytic = df(x)
forward = derivative(f, x, h=h, method="forward")
central = derivative(f, x, h=h, method="central")

show(f"analytic {number(analytic)}, forward {number(forward, 10)} "
     f"(off by {number(abs(forward - analytic), 3)}), central "
     f"{number(central, 10)} (off by {number(abs(central - analytic), 3)})")
