"""Four learning rates on f(w) = w² from w = 5, on one figure."""

from calcnotes import gradient_descent
from calcnotes.figures import learning_rate_figure
from calcnotes.legacy import to_html

f = lambda w: w**2
rates = {0.01: "too small", 0.1: "good",
         0.95: "too large: oscillates", 1.1: "too large: diverges"}

results = {
    f"lr = {lr} ({verdict})": gradient_descent(f, 5.0, lr=lr, steps=40)
    for lr, verdict in rates.items()
}
fig = learning_rate_figure(results, first=20)

alt = (
    "Two panels for four learning rates. Left: wₖ against the step k. With "
    "lr = 0.01 it sinks slowly from 5; with 0.1 it glides smoothly to 0; "
    "with 0.95 it flips sign every step while shrinking; with 1.1 it flips "
    "sign and grows until it leaves the panel. Right: f(wₖ) on a log scale, "
    "four straight lines: three falling at different rates, one rising."
)
caption = (
    "On a log scale each run is a straight line: every step multiplies "
    "f(wₖ) by the same factor, below 1 for lr < 1 and above 1 for lr > 1."
)
print(to_html(fig, alt=alt, caption=caption))
