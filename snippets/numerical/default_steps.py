"""The step calcnotes picks when h=None, rebuilt from its rule and checked."""

import numpy as np

from calcnotes import Table, derivative, show

eps_mach = np.finfo(float).eps  # machine epsilon ε_mach
# relative step per method: eps_mach^(1/(p+1)) for order p, a little less for
# the high orders; the complex step has no round-off to balance
relative = {"forward": eps_mach ** (1 / 2), "backward": eps_mach ** (1 / 2),
            "central": eps_mach ** (1 / 3), "five-point": eps_mach ** (1 / 5) / 2,
            "richardson": eps_mach ** (1 / 7) / 4, "complex": 1e-20}

g = lambda w: np.sin(w)
points = [0.5, 1000.0]

rows = []
for method, r in relative.items():
    steps = [r * max(1.0, abs(w)) for w in points]  # scaled by max(1, |w|)
    same = all(derivative(g, w, method=method)
               == derivative(g, w, h=h, method=method)
               for w, h in zip(points, steps))
    rows.append([method, r, *steps, "yes" if same else "NO"])

headers = ["method", "relative step", "h at w⁰ = 0.5", "h at w⁰ = 1000",
           "same result as h=None?"]
show(Table(rows, headers, digits=3))
