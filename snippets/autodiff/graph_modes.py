"""One graph, two directions: tangents flow forward with the values, gradients flow back."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import show
from calcnotes.autodiff import Dual, Node
from calcnotes.text import number
from calcnotes.viz import ACCENT, SECANT, STYLE


def f(w1, w2):  # f(w₁, w₂) = w₁·w₂ + sin w₁, one operation per line; every node, by name
    p = w1 * w2
    s = np.sin(w1)
    return {"w₁": w1, "w₂": w2, "p": p, "s": s, "f": p + s}


forward = f(Dual(2.0, 1.0), Dual(3.0, 0.0))  # w⁰ = (2, 3), tangent v = e₁: w₁ moves, w₂ stays
reverse = f(Node(2.0), Node(3.0))
steps = []
reverse["f"].backward(on_step=steps.append)  # one BackwardStep per arrow, as the loop runs

name_of = {id(node): name for name, node in reverse.items()}
shares = {(name_of[id(s.parent)], name_of[id(s.node)]): float(s.share) for s in steps}
where = {"w₁": (0, 2), "w₂": (1.7, 2), "s": (0, 1), "p": (1.7, 1), "f": (0.85, 0)}  # inputs on top
made_by = {"w₁": "w₁", "w₂": "w₂", "p": "p = w₁·w₂", "s": "s = sin w₁", "f": "f = p + s"}
arrows = [("w₁", "p"), ("w₂", "p"), ("w₁", "s"), ("p", "f"), ("s", "f")]

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, axes = plt.subplots(2, 1, figsize=(4.8, 8.4), layout="constrained")
panels = [(axes[0], forward, "forward, v = e₁: each node carries ∂(node)/∂w₁", ACCENT),
          (axes[1], reverse, "reverse, from f: each node receives ∂f/∂(node)", SECANT)]
for ax, nodes, title, colour in panels:
    backwards = nodes is reverse
    boxes = {}
    for name, (x, y) in where.items():
        node = nodes[name]
        carried = (f"∂f/∂{name} = {number(float(node.grad), 4)}" if backwards
                   else f"∂{name}/∂w₁ = {number(float(node.tangent), 4)}")
        boxes[name] = ax.text(x, y, f"{made_by[name]}\n= {number(float(node.value), 4)}\n{carried}",
                              ha="center", va="center",
                              bbox=dict(boxstyle="round", facecolor="none", edgecolor=colour))
    for start, end in arrows:
        tail, head = (boxes[end], boxes[start]) if backwards else (boxes[start], boxes[end])
        ax.annotate("", (0.5, 0.5), (0.5, 0.5), xycoords=head, textcoords=tail,
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.5, shrinkA=2, shrinkB=2,
                                    patchA=tail.get_bbox_patch(), patchB=head.get_bbox_patch()))
        if backwards:  # what the backward pass handed over along this arrow
            (x0, y0), (x1, y1) = where[start], where[end]
            side = np.array([y0 - y1, x1 - x0]) / np.hypot(y0 - y1, x1 - x0)  # across the arrow
            ax.annotate(number(shares[start, end], 4), ((x0 + x1) / 2, (y0 + y1) / 2),
                        xytext=6 * side, textcoords="offset points", color=colour, ha="left",
                        va="bottom" if side[1] > 0.3 else "top" if side[1] < -0.3 else "center")
    ax.set(xlim=(-0.75, 2.45), ylim=(-0.35, 2.35))
    ax.set_title(title)
    ax.axis("off")
show(fig)
