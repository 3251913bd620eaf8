"""The backward loop of calcnotes.autodiff, replayed by hand on w·sin w + w."""

import numpy as np

from calcnotes.autodiff import Node
from calcnotes.legacy import number, table

w = Node(2.0)
s = np.sin(w)                  # each operation makes a node that keeps
m = w * s                      # its inputs and its local derivatives
y = m + w
name = {id(w): "w", id(s): "s = sin w", id(m): "m = w·s", id(y): "y = m + w"}

order, seen = [], set()        # topological order: inputs before users
def visit(node):
    if id(node) not in seen:
        seen.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)
visit(y)

grads, rows = {id(y): 1.0}, []
for node in reversed(order):   # the one backward loop
    for parent, local in node.parents:
        share = float(local(grads[id(node)]))
        grads[id(parent)] = grads.get(id(parent), 0.0) + share
        rows.append([name[id(node)], grads[id(node)], name[id(parent)],
                     float(local(1.0)), share, grads[id(parent)]])
print(table(rows, ["node", "its gradient ∂y/∂node", "sends to",
                   "local derivative", "share", "running total there"]))

y.backward()                   # what calcnotes.grad calls
exact = np.sin(2.0) + 2.0 * np.cos(2.0) + 1.0
print(f"\n∂y/∂w: by hand {number(grads[id(w)], 12)}, y.backward() "
      f"{number(float(w.grad), 12)}, sin w + w cos w + 1 = {number(exact, 12)}.")
