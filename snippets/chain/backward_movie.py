"""The backward pass on f(a, b) = (a·b + sin a)², one recorded step per arrow."""

import numpy as np

from calcnotes import show
from calcnotes.autodiff import Node
from calcnotes.viz import backward_animation

a, b = Node(1.5), Node(0.5)
p = a * b
s = np.sin(a)
q = p + s
f = q**2

names = {"a": a, "b": b, "p = a·b": p, "s = sin a": s, "q = p + s": q,
         "f = q²": f}
show(backward_animation(f, names, frames_per_step=15, fps=15))  # one second a step
