"""Slide a tangent along sin x and plot its slopes: they trace out cos x."""

import numpy as np

from calcnotes.animation import derivative_tracer
from calcnotes.legacy import to_html

f = lambda x: np.sin(x)

movie = derivative_tracer(f, span=(-np.pi, np.pi), frames=61, label="sin x")

alt = (
    "Two panels sharing the x-axis from −π to π. Top: the curve sin x with "
    "a red point moving left to right and a green tangent line tilting with "
    "it. Bottom: a dashed blue curve grows behind a red point whose height "
    "is the tangent's slope; when the point reaches the right edge the "
    "dashed curve is the cosine wave."
)
caption = (
    "Each slope of sin x, plotted as a height, lands on cos x: the "
    "derivative is a new function, read off the tangents."
)
print(to_html(movie, alt=alt, caption=caption))
