"""The backward loop of calcnotes.autodiff on y = w·sin w + w, one reported step per arrow."""

import numpy as np

from calcnotes import Table, show
from calcnotes.autodiff import Node
from calcnotes.text import number

w = Node(2.0)
s = np.sin(w)                  # each operation makes a node that keeps
m = w * s                      # its inputs and its local derivatives
y = m + w
name = {id(w): "w", id(s): "s = sin w", id(m): "m = w·s", id(y): "y = m + w"}

rows = []


def report(step):              # called by the loop once per arrow, in its order
    gradient = float(step.node.grad)          # complete: the node has received all
    rows.append([len(rows) + 1, name[id(step.node)], gradient, name[id(step.parent)],
                 float(step.share) / gradient, float(step.share),
                 float(step.parent.grad)])    # the total so far, this share included


y.backward(on_step=report)     # the loop grad runs, observed
exact = np.sin(2.0) + 2.0 * np.cos(2.0) + 1.0
print(f"∂y/∂w: after the loop {number(float(w.grad), 12)}, "
      f"sin w + w cos w + 1 = {number(exact, 12)}.")
show(Table(rows, ["step", "node", "its gradient ∂y/∂node", "sends to",
                  "local derivative", "share", "running total there"]))
