"""Areas of regular n-gons inscribed in the unit circle, and the gap to π."""

import numpy as np

from calcnotes import Table, show

r = 1.0
circle = np.pi * r**2

rows = []
previous_gap = None
for n in [4, 8, 16, 32, 64, 128, 256, 512, 1024]:
    area = n / 2 * r**2 * np.sin(2 * np.pi / n)  # n triangles, apex angle 2π/n
    gap = circle - area
    shrink = "—" if previous_gap is None else previous_gap / gap
    rows.append([n, area, gap, shrink])
    previous_gap = gap

headers = ["sides n", "polygon area", "gap πr² − area", "gap shrank by"]
show(Table(rows, headers, digits=7))
