"""The backward loop on f(a, b) = (a·b + sin a)², one node per step."""

import numpy as np

from calcnotes.animation import backward_animation
from calcnotes.autodiff import Node
from calcnotes.legacy import to_html

a, b = Node(1.5), Node(0.5)
p = a * b
s = np.sin(a)
q = p + s
f = q**2
f.backward()

names = {"a": a, "b": b, "p = a·b": p, "s = sin a": s, "q = p + s": q,
         "f = q²": f}
movie = backward_animation(f, names, frames_per_step=6)

alt = (
    "The computation graph of (a·b + sin a)² with all gradients unknown "
    "except ∂f/∂f = 1. Step by step, starting at f, an orange ring marks "
    "the node being visited and orange dots travel back along its arrows "
    "to its inputs, whose gradients appear; a receives two shares, first "
    "from s and then from p, and its total grows to 1.995."
)
caption = (
    "Node.backward in slow motion: every node is visited once, in reverse "
    "topological order, and hands gradient × local derivative to each input."
)
print(to_html(movie, alt=alt, caption=caption))
