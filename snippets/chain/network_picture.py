"""The 2-layer network x → W₁ → σ → W₂ → MSE, with the numbers of one pass."""

import numpy as np

from calcnotes.figures import network_figure
from calcnotes.legacy import to_html

rng = np.random.default_rng(0)
W1 = rng.normal(size=(3, 2))   # 2 inputs → 3 hidden units
W2 = rng.normal(size=(2, 3))   # 3 hidden units → 2 outputs
x = np.array([0.5, -1.0])      # one training example
y = np.array([1.0, 0.0])       # and its target

fig = network_figure(x, W1, W2, y)

alt = (
    "A network drawn left to right: two input boxes, three hidden-unit "
    "boxes, two output boxes and a loss box. Arrows join every input to "
    "every hidden unit and every hidden unit to every output, thicker for "
    "larger weights, blue if positive and purple dashed if negative. Each "
    "box lists its forward values and, in orange, the gradient of the loss "
    "with respect to it."
)
caption = (
    "One example through the network: values computed forwards, "
    "gradients of the loss L computed backwards (orange)."
)
print(to_html(fig, alt=alt, caption=caption))
