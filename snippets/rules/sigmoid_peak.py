"""Where the sigmoid's slope peaks, and what stacking layers does to it."""

import numpy as np

from calcnotes import derivative, show
from calcnotes.text import number

sigma = lambda x: 1 / (1 + np.exp(-x))

x = np.linspace(-8, 8, 1601)  # steps of 0.01
slopes = derivative(sigma, x)
top = np.argmax(slopes)
print(f"The largest slope of σ is {number(slopes[top])}, at x = {number(x[top])}.")
print()

layers = 10
power = str(layers).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
show(f"Through {layers} sigmoid layers the chain rule multiplies {layers} such slopes: "
     f"at most {number(slopes[top])}{power} = {number(slopes[top] ** layers)}.")
