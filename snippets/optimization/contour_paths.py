"""Two learning rates on the same elongated bowl, as paths over its contours."""

from calcnotes import gradient_descent
from calcnotes.figures import contour_paths_figure
from calcnotes.legacy import to_html

g = lambda w: w[0] ** 2 + 8 * w[1] ** 2  # steep along w₁, shallow along w₀
start = [-4.0, 1.5]

results = {f"lr = {lr}": gradient_descent(g, start, lr=lr, steps=40)
           for lr in (0.02, 0.1)}
fig = contour_paths_figure(g, results, span0=(-4.5, 4.5), span1=(-1.8, 1.8))

alt = (
    "Level curves of w₀² + 8w₁², long flat ellipses around the origin, and "
    "two 40-step descent paths from a red point at (−4, 1.5). The path for "
    "lr = 0.02 drops smoothly into the valley floor and then crawls along "
    "it, ending well short of the centre. The path for lr = 0.1 zigzags "
    "across the valley but reaches the centre."
)
caption = (
    "The steep direction caps the step size: a larger lr overshoots across "
    "the valley, a smaller one crawls along it."
)
print(to_html(fig, alt=alt, caption=caption))
