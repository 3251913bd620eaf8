"""The kit's colours and Matplotlib settings, shared by every visualizer.

Line art (axes, ticks, text) is drawn in black, which the page turns into the
text colour of the light or the dark palette (see `calcnotes.viz.svg`). The
data colours are mid-tones with at least 3:1 contrast on white and on the
dark slate background:

| name | colour | used for |
| --- | --- | --- |
| `CURVE` | page ink | the function |
| `POINT` | red | the point of interest |
| `TANGENT` | green | tangent lines and planes |
| `SECANT` | orange | secants, other candidate lines |
| `ACCENT` | blue | a second curve, a path |
| `EXTRA` | purple | a third series |
| `SURFACE` | grey-blue | surfaces in 3-D |
"""

from __future__ import annotations

from contextlib import contextmanager

from cycler import cycler
from matplotlib import rc_context

__all__ = ["ACCENT", "CURVE", "EXTRA", "INK", "POINT", "SECANT", "SURFACE", "TANGENT", "style"]

#: Line art: black, shown in the page's text colour.
INK = "#000000"
CURVE = INK
POINT = "#e5484d"
TANGENT = "#1c9a4a"
SECANT = "#e8590c"
ACCENT = "#4a7fd6"
EXTRA = "#9c6ade"
SURFACE = "#6c8ebf"

#: Settings for figures shown about as wide as the text column.
RC = {
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=[ACCENT, SECANT, TANGENT, EXTRA, POINT]),
    "grid.alpha": 0.15,
    "grid.linewidth": 0.6,
    "grid.color": INK,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "lines.solid_capstyle": "round",
    "figure.figsize": (6.0, 3.6),
    "axes.unicode_minus": True,
}


@contextmanager
def style():
    """The kit's Matplotlib settings, active only inside the block.

    Colours and sizes are read when an artist is made, so draw inside it (or
    decorate a drawing function with ``@style()``). Nothing leaks into the
    global ``rcParams``.

    Examples
    --------
    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["legend.frameon"]
    False
    >>> matplotlib.rcParams["legend.frameon"]
    True
    """
    with rc_context(RC):
        yield
