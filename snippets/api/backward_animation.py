"""viz.backward_animation: the backward pass of a squared error, one arrow at a time."""

from calcnotes import show
from calcnotes.autodiff import Node
from calcnotes.viz import backward_animation

w, x, y = Node(0.5), Node(2.0), Node(1.0)  # traced inputs
L = (w * x - y) ** 2

show(backward_animation(L, {"w": w, "x": x, "y": y, "L": L}))
