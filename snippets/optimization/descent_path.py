"""The same ten steps drawn on the curve f(w) = w²."""

from calcnotes import gradient_descent
from calcnotes.figures import descent_path_figure
from calcnotes.legacy import number, to_html

f = lambda w: w**2

result = gradient_descent(f, 5.0, lr=0.1, steps=10)
fig = descent_path_figure(f, result, span=(-2, 6))

alt = (
    "The parabola f(w) = w² for w from −2 to 6. Starting from a red point "
    "at (5, 25), blue dots step down the right-hand side of the curve "
    "towards the bottom at w = 0; curved arrows join the first steps, and "
    "the dots bunch up as the curve flattens."
)
caption = (
    f"Ten steps with lr = 0.1 take w from 5 to {number(result.w)}: "
    "each step is shorter than the last, because the slope shrinks."
)
print(to_html(fig, alt=alt, caption=caption))
