"""The computation graph of f(a, b) = (a·b + sin a)², forwards and backwards."""

import numpy as np

from calcnotes.autodiff import Node
from calcnotes.figures import graph_figure
from calcnotes.legacy import to_html

a, b = Node(1.5), Node(0.5)    # traced inputs
p = a * b                      # one node per operation
s = np.sin(a)
q = p + s
f = q**2
f.backward()                   # fills in .grad of every node

names = {"a": a, "b": b, "p = a·b": p, "s = sin a": s, "q = p + s": q,
         "f = q²": f}
fig = graph_figure(f, names)

alt = (
    "A computation graph drawn left to right. Inputs a = 1.5 and b = 0.5; "
    "a feeds both p = a·b and s = sin a, b feeds p; p and s feed "
    "q = p + s, which feeds f = q². Each box gives its value and, in "
    "orange, the derivative of f with respect to it; each arrow carries "
    "in purple the local derivative that the backward pass multiplies by."
)
caption = (
    "Forward, each node computes its value from its inputs; backward, each "
    "node's gradient is the sum over its outgoing arrows of (gradient "
    "there) × (local derivative)."
)
print(to_html(fig, alt=alt, caption=caption))
