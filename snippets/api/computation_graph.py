"""viz.computation_graph: the graph of a squared error, with what the backward pass sent."""

from calcnotes import show
from calcnotes.autodiff import Node
from calcnotes.viz import computation_graph

w, x, y = Node(0.5), Node(2.0), Node(1.0)  # traced inputs
L = (w * x - y) ** 2

show(computation_graph(L, {"w": w, "x": x, "y": y, "L": L}))
