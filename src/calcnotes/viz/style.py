"""The kit's colours and Matplotlib settings, shared by every visualizer and example.

Colours
-------
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

Sizes: a figure is drawn for a phone
------------------------------------
A page shows a figure at its natural size (a point of the figure is a point
of the page: 4.8 in is about 460 px) and never wider than that, so on a
desktop its text is about as large as the prose around it; in a narrower
column it shrinks to fit. On a phone (a 390 px screen, a text column of
about 358 px) a 4.8 in figure is shown at 0.78 of its size, so:

- **4.8 in wide** (`STYLE` makes it the default size, 4.8 × 3.6 in); wider
  figures shrink further on a phone, narrower ones waste its width.
- **Text at 11 pt** (`STYLE` sets every size to it: tick labels, axis
  labels, titles, legends): about 11.4 px on a phone, 14.7 px on a desktop.
  Text placed by hand beside the data may go down to 10 pt, never below.
- **Panels stack**: several panels go one above the other
  (``plt.subplots(2, 1, figsize=(4.8, 5.6))``, 2.5–3 in of height each), so
  each keeps the full width. Two panels side by side only when each has
  little text (small multiples in a 2 × k grid, a few ticks per axis), never
  three; a 3-D panel always gets the full width.
- **Legends off the data**: in an empty corner, or above the axes with
  ``fig.legend(loc="outside upper center", ncols=2)``.

An example starts its drawing with ``plt.style.use(STYLE)`` (plain
Matplotlib: the settings hold for the rest of the script); a visualizer of the
kit draws inside ``@style()``. `tests/test_browser.py` measures every
figure of the site in a browser at 390 px: text at least 11 px for the median
and 10 px for 95 % of it, on every page.
"""

from __future__ import annotations

from contextlib import contextmanager

from cycler import cycler
from matplotlib import rc_context

__all__ = ["ACCENT", "CURVE", "EXTRA", "INK", "POINT", "SECANT", "STYLE", "SURFACE", "TANGENT", "style"]

#: Line art: black, shown in the page's text colour.
INK = "#000000"
CURVE = INK
POINT = "#e5484d"
TANGENT = "#1c9a4a"
SECANT = "#e8590c"
ACCENT = "#4a7fd6"
EXTRA = "#9c6ade"
SURFACE = "#6c8ebf"

#: The kit's Matplotlib settings: ``plt.style.use(STYLE)`` in an example, ``@style()`` in the kit.
STYLE = {
    "figure.figsize": (4.8, 3.6),  # inches: the width of a phone's text column at 0.78 scale
    "font.size": 11,  # points, every text of the figure (sizes below are relative to it)
    "axes.titlesize": "medium",
    "axes.labelsize": "medium",
    "xtick.labelsize": "medium",
    "ytick.labelsize": "medium",
    "legend.fontsize": "medium",
    "legend.title_fontsize": "medium",
    "figure.titlesize": "medium",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=[ACCENT, SECANT, TANGENT, EXTRA, POINT]),
    "grid.alpha": 0.15,
    "grid.linewidth": 0.6,
    "grid.color": INK,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "lines.solid_capstyle": "round",
    "axes.unicode_minus": True,
}


@contextmanager
def style():
    """The kit's Matplotlib settings (`STYLE`), active only inside the block.

    Colours and sizes are read when an artist is made, so draw inside it (or
    decorate a drawing function with ``@style()``). Nothing leaks into the
    global ``rcParams``; an example that wants the settings for the whole
    script writes ``plt.style.use(STYLE)`` instead.

    Examples
    --------
    >>> import matplotlib
    >>> with matplotlib.rc_context({"legend.frameon": True}):  # whatever the session had
    ...     with style():
    ...         inside = matplotlib.rcParams["legend.frameon"]
    ...     after = matplotlib.rcParams["legend.frameon"]
    >>> inside, after
    (False, True)
    >>> with style():
    ...     matplotlib.rcParams["figure.figsize"], matplotlib.rcParams["font.size"]
    ([4.8, 3.6], 11.0)
    """
    with rc_context(STYLE):
        yield
