"""The animation mechanism: a static SVG picture plus a small moving layer per frame."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.figure import Figure

from calcnotes.legacy import _clean_svg, _render_svg, _scope_ids, player_html, style

__all__ = ["Animation", "animate"]

_LAYER = '<g class="cn-anim-layer"></g>'
_DEFS = re.compile(r"<defs>(.*?)</defs>", re.S)
_DEF_ITEM = re.compile(r'<(\w+)\b[^>]*?\bid="([^"]+)"[^>]*?(?:/>|>.*?</\1>)', re.S)
_ATTRIBUTE = re.compile(r'="([^"\']*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_REFERENCE = re.compile(r'url\(#([^)]+)\)|href="#([^"]+)"')


@dataclass(frozen=True)
class Animation:
    """A rendered animation: the static SVG, one SVG fragment per frame, labels.

    A snippet prints ``animation.to_html(alt=..., caption=...)`` (or
    `calcnotes.legacy.to_html`). ``len(animation)`` is the number of frames.
    """

    static_svg: str
    frames: tuple[str, ...]
    labels: tuple[str, ...]
    fps: float = 12.0

    def __len__(self) -> int:
        return len(self.frames)

    def to_html(self, *, alt: str, caption: str) -> str:
        """The player's HTML: picture, slider, play/pause button, caption."""
        return player_html(self.static_svg, self.frames, alt=alt, caption=caption,
                           labels=self.labels, fps=self.fps)


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

    ``update(i)`` sets the moving artists for frame ``i`` and returns a short
    text label for it (read out as the slider's value). Everything else is
    drawn once. The figure's layout is fixed after frame 0 so that every
    frame lines up with the static picture.

    Examples
    --------
    >>> from calcnotes.figures import new_figure
    >>> fig, (ax,) = new_figure()
    >>> ax.set_xlim(0, 10)
    (0.0, 10.0)
    >>> dot = ax.plot([], [], "o")[0]
    >>> def update(i):
    ...     dot.set_data([i], [i])
    ...     return f"x = {i}"
    >>> movie = animate(fig, [dot], update, 5)
    >>> len(movie), movie.labels[-1], '<g class="cn-anim-layer"></g>' in movie.static_svg
    (5, 'x = 4', True)
    """
    n = int(frames)
    if n < 1:
        raise ValueError(f"frames must be at least 1, got {frames!r}")
    moving = list(moving)
    if not moving:
        raise ValueError("moving must name at least one artist")
    gids = [f"cnmove{k}" for k in range(len(moving))]
    for artist, gid in zip(moving, gids):
        artist.set_gid(gid)

    update(0)  # let the layout make room for frame 0's text, then freeze it:
    with style():  # hiding artists must not move anything
        fig.draw_without_rendering()
    fig.set_layout_engine("none")

    shown = [a.get_visible() for a in moving]
    for artist in moving:
        artist.set_visible(False)
    static = _render_svg(fig)
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
            raw = _render_svg(fig)
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

    static = _clean_svg(static)
    hoisted = f"<defs>{''.join(definitions[k] for k in sorted(definitions))}</defs>" if definitions else ""
    static = static[: static.rindex("</svg>")] + _clean_svg(hoisted) + _LAYER + "</svg>"
    static, *cleaned = _scope_ids([static, *(_clean_svg(f) for f in frame_markup)])
    # Frames travel inside JSON strings, where every double quote costs a backslash.
    cleaned = [_ATTRIBUTE.sub(r"='\1'", f) for f in cleaned]
    return Animation(static_svg=static, frames=tuple(cleaned), labels=tuple(labels), fps=float(fps))
