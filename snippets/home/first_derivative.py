"""The slope of sin at a few points, measured numerically and compared with cos."""

import numpy as np

from calcnotes import Table, derivative, show
from calcnotes.text import number

g = lambda w: np.sin(w)
points = np.array([-2.6, 0.0, 1.0, 2.5])

slopes = derivative(g, points)

rows = [[w, slope, np.cos(w), number(abs(slope - np.cos(w)), 2)]
        for w, slope in zip(points, slopes)]
show(Table(rows, ["$w$", "measured slope", r"$\cos w$", "difference"], digits=12))
