"""Animations: a static picture plus a small moving layer per frame.

How it works. Most of an animated figure never changes: the axes, the tick
labels, the curve. `animate` renders those once, as inline SVG. Then, for
every frame, it hides them, lets an ``update`` function move the *moving*
artists (a point, a tangent line, a title), renders again and keeps only the
moving artists' SVG — a few hundred bytes a frame instead of a whole picture.
The page's player (``docs/javascripts/calcnotes.js``) swaps that layer as the
reader drags the slider or presses play; the first frame is part of the
markup, so the figure still shows a picture without JavaScript. Nothing is
fetched from the network (no icon fonts, no CDN).

To add an animation, build a figure with the blocks of
`calcnotes.figures`, create the moving artists, and pass them with an
``update(i)`` function to `animate` — see `tangent_slider`.

The mechanism lives in `calcnotes.animation.player`; each chapter's
animations in a module of their own. Everything is importable from here.
"""

from calcnotes.animation import (
    chain,
    gradients,
    optimization,
    player,
    rules,
    secants,
    tangents,
)
from calcnotes.animation.chain import *  # noqa: F403
from calcnotes.animation.gradients import *  # noqa: F403
from calcnotes.animation.optimization import *  # noqa: F403
from calcnotes.animation.player import *  # noqa: F403
from calcnotes.animation.rules import *  # noqa: F403
from calcnotes.animation.secants import *  # noqa: F403
from calcnotes.animation.tangents import *  # noqa: F403

__all__ = [name for module in (player, tangents, secants, rules, gradients, chain, optimization) for name in module.__all__]
