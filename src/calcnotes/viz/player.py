"""Animations: a static picture plus a small moving layer per frame, and the player.

Most of an animated figure never changes: the axes, the tick labels, the
curve. `animate` renders those once, as SVG. Then, for every frame, it lets
an ``update`` function move the *moving* artists (a point, a line, a title),
renders again and keeps only their SVG: a few hundred bytes a frame instead
of a whole picture. The player (``player.js``, shipped beside this module)
swaps that layer as the reader drags the slider or presses play; the first
frame is part of the markup, so the figure still shows a picture without
JavaScript. Nothing is fetched from the network.

Examples
--------
>>> from matplotlib.figure import Figure
>>> fig = Figure()
>>> ax = fig.add_subplot()
>>> ax.set_xlim(0, 4)
(0.0, 4.0)
>>> dot, = ax.plot([], [], "o")
>>> def update(i):
...     dot.set_data([i], [i])
...     return f"x = {i}"
>>> movie = animate(fig, [dot], update, frames=5)
>>> len(movie), movie.labels[-1]
(5, 'x = 4')
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from numbers import Real

from matplotlib.artist import Artist
from matplotlib.figure import Figure

from calcnotes.viz.svg import clean_svg, label_svg, render_svg, scope_ids

__all__ = ["Animation", "animate", "player_assets"]

_LAYER = '<g class="cn-anim-layer"></g>'
_DEFS = re.compile(r"<defs>(.*?)</defs>", re.S)
_DEF_ITEM = re.compile(r'<(\w+)\b[^>]*?\bid="([^"]+)"[^>]*?(?:/>|>.*?</\1>)', re.S)
_ATTRIBUTE = re.compile(r'="([^"\']*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_REFERENCE = re.compile(r'url\(#([^)]+)\)|href="#([^"]+)"')


def player_assets() -> tuple[str, str]:
    """The player's script and stylesheet, as text (the site serves the same files)."""
    folder = resources.files("calcnotes.viz")
    return (folder / "player.js").read_text(encoding="utf-8"), (folder / "figure.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Animation:
    """A rendered animation: the static SVG, one SVG fragment per frame, a label per frame.

    Show it with `calcnotes.show`. ``len(animation)`` is the number of frames.
    """

    static_svg: str
    frames: tuple[str, ...]
    labels: tuple[str, ...]
    fps: float = 12.0

    def __len__(self) -> int:
        return len(self.frames)

    def html(self, *, alt: str, caption: str) -> str:
        """The player's markup: picture, play button, slider, caption (the page supplies the script)."""
        n = len(self.frames)
        svg = label_svg(self.static_svg.replace(_LAYER, f'<g class="cn-anim-layer">{self.frames[0]}</g>'), alt)
        data = json.dumps({"frames": self.frames, "labels": self.labels}, ensure_ascii=False,
                          separators=(",", ":"))
        data = data.replace("</", "<\\/")  # a JSON string may not close the <script> element
        first = html.escape(self.labels[0], quote=True)
        title = html.escape(caption or alt, quote=True)  # names the controls after their figure
        return (
            f'<figure class="cn-figure cn-anim" data-fps="{self.fps:g}">'
            f'<div class="cn-anim-stage">{svg}</div>'
            f'<div class="cn-anim-controls" hidden data-cn-title="{title}">'
            f'<button type="button" class="cn-anim-play" aria-label="Play: {title}">'
            '<span class="cn-anim-icon" aria-hidden="true"></span>'
            '<span class="cn-anim-action" aria-hidden="true">Play</span></button>'
            f'<input type="range" class="cn-anim-slider" min="0" max="{n - 1}" step="1" value="0" '
            f'aria-label="Frame of: {title}" aria-valuetext="{first}">'
            # A plain span, not <output>: a live region would read out every frame while playing.
            f'<span class="cn-anim-counter" aria-hidden="true">1 / {n}</span>'
            "</div>"
            f'<script type="application/json" class="cn-anim-data">{data}</script>'
            f"<figcaption>{html.escape(caption, quote=False)}</figcaption></figure>"
        )

    def standalone_html(self, *, alt: str = "An animated figure.", caption: str = "") -> str:
        """The player with its own script and stylesheet: works in a notebook or a file."""
        script, css = player_assets()
        return f"<style>{css}</style>{self.html(alt=alt, caption=caption)}<script>{script}</script>"

    def _repr_html_(self) -> str:  # Jupyter
        return self.standalone_html()


def _group(svg: str, gid: str) -> tuple[int, str]:
    """Position and inner markup of the ``<g id="gid">`` element of *svg*."""
    opening = f'<g id="{gid}">'
    start = svg.find(opening)
    if start < 0:
        return -1, ""
    depth, pos = 1, start + len(opening)
    tag = re.compile(r"<g\b|</g>")
    while depth:
        match = tag.search(svg, pos)
        if match is None:
            raise ValueError(f"unbalanced SVG group {gid!r}")
        depth += 1 if match[0] == "<g" else -1
        pos = match.end()
    return start, svg[start + len(opening):pos - len("</g>")]


def _definitions(svg: str) -> dict[str, str]:
    """Every ``<defs>`` child of *svg* with an id, keyed by that id."""
    return {m[2]: m[0] for block in _DEFS.findall(svg) for m in _DEF_ITEM.finditer(block)}


def _static_artists(fig: Figure, moving: Sequence[Artist]) -> list[Artist]:
    keep = {id(a) for a in moving}
    artists: list[Artist] = [fig.patch, *fig.texts, *fig.legends, *fig.lines, *fig.patches,
                             *fig.images, *fig.artists]
    for ax in fig.axes:
        artists += ax.get_children()
    return [a for a in artists if id(a) not in keep and a.get_visible()]


def animate(fig: Figure, moving: Sequence[Artist], update: Callable[[int], str],
            frames: int, *, fps: float = 12.0) -> Animation:
    """Render *frames* frames of *fig* in which only the *moving* artists change.

    Everything else is drawn once. The layout is fixed after frame 0, so that
    every frame lines up with the static picture.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The whole picture, any figure (``plt.subplots()`` or ``Figure()``).
    moving : sequence of Artist
        The artists ``update`` changes (lines, points, texts, the title…).
    update : callable
        ``update(i)`` sets the moving artists for frame ``i`` and returns a
        short label for it (read out as the slider's value).
    frames : int
        Number of frames, at least 1.
    fps : float
        Playback speed, frames per second, in (0, 60].

    Raises
    ------
    ValueError
        If *frames* < 1, *moving* is empty or *fps* is out of range.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    n = int(frames)
    if n < 1:
        raise ValueError(f"frames must be at least 1, got {frames!r}")
    if not (isinstance(fps, Real) and 0 < fps <= 60):
        raise ValueError(f"fps must be in (0, 60], got {fps!r}")
    moving = list(moving)
    if not moving:
        raise ValueError("moving must name at least one artist")
    if not callable(update):
        raise TypeError(f"update must be a function of the frame number, got {type(update).__name__}")
    gids = [f"cnmove{k}" for k in range(len(moving))]
    for artist, gid in zip(moving, gids):
        artist.set_gid(gid)

    update(0)  # let the layout make room for frame 0's text, then freeze it:
    fig.draw_without_rendering()  # hiding artists must not move anything
    fig.set_layout_engine("none")

    shown = [a.get_visible() for a in moving]
    for artist in moving:
        artist.set_visible(False)
    static = render_svg(fig)
    for artist, visible in zip(moving, shown):
        artist.set_visible(visible)

    defined = set(_ID.findall(static))  # definitions the static picture already carries
    hidden = _static_artists(fig, moving)
    for artist in hidden:
        artist.set_visible(False)
    labels: list[str] = []
    frame_markup: list[str] = []
    definitions: dict[str, str] = {}
    try:
        for i in range(n):
            labels.append(str(update(i)))
            raw = render_svg(fig)
            pieces = sorted(_group(raw, gid) for gid in gids)
            body = "".join(inner for start, inner in pieces if start >= 0)
            available = _definitions(raw)
            for ref in {a or b for a, b in _REFERENCE.findall(body)}:
                if ref in available and ref not in defined:
                    definitions.setdefault(ref, available[ref])
            frame_markup.append(_DEFS.sub("", body))
    finally:
        for artist in hidden:
            artist.set_visible(True)

    static = clean_svg(static)
    hoisted = f"<defs>{''.join(definitions[k] for k in sorted(definitions))}</defs>" if definitions else ""
    static = static[: static.rindex("</svg>")] + clean_svg(hoisted) + _LAYER + "</svg>"
    static, *cleaned = scope_ids([static, *(clean_svg(f) for f in frame_markup)])
    # Frames travel inside JSON strings, where every double quote costs a backslash.
    cleaned = [_ATTRIBUTE.sub(r"='\1'", f) for f in cleaned]
    return Animation(static_svg=static, frames=tuple(cleaned), labels=tuple(labels), fps=float(fps))
