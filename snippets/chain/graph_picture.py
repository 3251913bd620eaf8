"""The computation graph of f(a, b) = (a·b + sin a)², drawn from its own backward pass."""

import numpy as np

from calcnotes import show
from calcnotes.autodiff import Node
from calcnotes.viz import computation_graph

a, b = Node(1.5), Node(0.5)    # traced inputs
p = a * b                      # one node per operation
s = np.sin(a)
q = p + s
f = q**2

names = {"a": a, "b": b, "p = a·b": p, "s = sin a": s, "q = p + s": q,
         "f = q²": f}
show(computation_graph(f, names))  # runs f.backward() and draws what it did
