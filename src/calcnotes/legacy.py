"""The page output of the figures that the chapters are moving off (to be removed).

This module turns a Matplotlib figure into a small, self-contained
``<figure>`` with inline SVG that follows the page's light or dark palette,
wraps an animation's frames in an offline HTML player, and writes rows of
numbers as a Markdown table whose numbers are formatted for reading. It
returns strings; the snippet prints them (markdown-exec captures only the
snippet's own ``print`` calls, so nothing in a library may print page output).

Palette handling: figures are drawn inside `style`, where text, axes and
ticks use the sentinel colour `INK`. The SVG writer replaces that colour
with ``currentColor``, so the line art takes the page's text colour in both
palettes; data colours (see `calcnotes.figures`) are mid-tones readable
on white and on the dark slate background, and the background is transparent.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from numbers import Integral, Real
from typing import Any

from matplotlib import rc_context
from matplotlib.figure import (
    Figure,  # figures are made without pyplot: no backend, no display
)

__all__ = [
    "INK",
    "figure_html",
    "line_equation",
    "number",
    "player_html",
    "style",
    "svg_markup",
    "table",
    "to_html",
]

#: Sentinel colour for axes, ticks and text. No data colour uses it; the SVG
#: writer turns it into ``currentColor`` (the page's text colour).
INK = "#010203"

_RC = {
    # Line art in the sentinel colour, on a transparent background.
    "text.color": INK,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "grid.color": INK,
    "grid.alpha": 0.15,
    "grid.linewidth": 0.6,
    "axes.facecolor": "none",
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.edgecolor": "none",
    "savefig.transparent": True,
    "legend.frameon": False,
    "legend.labelcolor": INK,
    "axes3d.xaxis.panecolor": (0, 0, 0, 0),
    "axes3d.yaxis.panecolor": (0, 0, 0, 0),
    "axes3d.zaxis.panecolor": (0, 0, 0, 0),
    # Sizes chosen for a figure shown about as wide as the text column.
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 2.0,
    "lines.solid_capstyle": "round",
    "figure.figsize": (6.0, 3.6),
    "figure.dpi": 100,
    "axes.unicode_minus": True,
    # Deterministic, compact SVG: text as text, fixed id salt, no extra metadata.
    "svg.fonttype": "none",
    "svg.hashsalt": "calcnotes",
    "svg.image_inline": True,
    "path.simplify": True,
}


@contextmanager
def style():
    """Matplotlib settings for page figures, active only inside the block.

    Use it around everything that creates a figure's artists (colours are read
    when an artist is made) — or as a decorator, ``@style()``. Nothing leaks
    into the global ``rcParams``.

    Examples
    --------
    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["text.color"] == INK
    True
    >>> matplotlib.rcParams["text.color"] == INK
    False
    """
    with rc_context(_RC):
        yield


# --------------------------------------------------------------------- SVG --

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_GLOBAL_STYLE = re.compile(r"\s*<style\b[^>]*>.*?</style>", re.S)
_EMPTY_DEFS = re.compile(r"\s*<defs>\s*</defs>")
_FONT_FAMILY = re.compile(r"font-family: [^;\"]*(?:; |;)?")
_NO_ROTATION = re.compile(r' transform="rotate\(-?0 [^")]*\)"')
_GEOMETRY = re.compile(r'(\s(?:d|x|y|x1|x2|y1|y2|width|height|points|transform)=")([^"]*)(")')
_LONG_NUMBER = re.compile(r"-?\d+\.\d{2,}")
_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")
_INVISIBLE = re.compile(r'<path d="[^"]*" style="(?:fill: none|fill: none; opacity: 0)"/>')
_ID = re.compile(r'\sid="([^"]+)"')
_STYLE = re.compile(r'\sstyle="([^"]+)"')
_REF = re.compile(r'url\(#([^)]+)\)|href="#([^"]+)"')


def _round(match: re.Match) -> str:
    # A tenth of a point: about 0.15 px at the size figures are shown.
    text = f"{float(match[0]):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _compact_geometry(match: re.Match) -> str:
    value = _LONG_NUMBER.sub(_round, match[2])
    if match[1].strip() == 'd="':  # path data: one line, no space after commands
        value = re.sub(r"\s+", " ", value).strip()
        value = re.sub(r"([MLQCZz]) ", r"\1", value)
        value = re.sub(r" (?=[MLQCZz])", "", value)
    return match[1] + value + match[3]


def _clean_svg(svg: str) -> str:
    """Shrink Matplotlib's SVG and make it palette-aware (ids untouched)."""
    svg = _PROLOG.sub("", svg, count=1)
    svg = _METADATA.sub("", svg)
    svg = _GLOBAL_STYLE.sub("", svg)  # a global `*{...}` rule would style the whole page
    svg = _EMPTY_DEFS.sub("", svg)
    svg = _FONT_FAMILY.sub("", svg)  # text inherits the page's font
    svg = _NO_ROTATION.sub("", svg)
    svg = _INVISIBLE.sub("", svg)  # background and pane rectangles with nothing to draw
    svg = _GEOMETRY.sub(_compact_geometry, svg)
    svg = _BETWEEN_TAGS.sub("><", svg)
    svg = svg.replace("xlink:href=", "href=")
    svg = re.sub(r'\s+xmlns:xlink="[^"]*"', "", svg)
    svg = re.sub(r'\s+version="1\.1"', "", svg)
    svg = svg.replace(INK, "currentColor")
    return svg.strip()


def _scope_ids(parts: Sequence[str]) -> list[str]:
    """Drop ids nothing refers to; give the rest one prefix unique to *parts*.

    Several figures share a page, and Matplotlib numbers its ids the same way
    in each (``axes_1``, clip paths hashed from their rectangle), so the ids
    that must stay get a prefix derived from the content. Inline styles used
    several times across *parts* become classes of one ``<style>`` placed in
    ``parts[0]`` (the root SVG): a 3-D surface or an animation repeats a
    handful of styles hundreds of times.
    """
    referenced = {a or b for part in parts for a, b in _REF.findall(part)}
    digest = hashlib.sha1("".join(parts).encode()).hexdigest()[:8]
    prefix = f"cn{digest}-"

    def fix_id(m: re.Match) -> str:
        return f' id="{prefix}{m[1]}"' if m[1] in referenced else ""

    def fix_ref(m: re.Match) -> str:
        if m[1] is not None:
            return f"url(#{prefix}{m[1]})"
        return f'href="#{prefix}{m[2]}"'

    parts = _classify_styles(parts, f"c{digest[:6]}-")
    return [_REF.sub(fix_ref, _ID.sub(fix_id, part)) for part in parts]


def _classify_styles(parts: Sequence[str], prefix: str, *, min_uses: int = 3) -> list[str]:
    """Replace inline styles repeated at least *min_uses* times by scoped classes."""
    counts: dict[str, int] = {}
    for part in parts:
        for value in _STYLE.findall(part):
            counts[value] = counts.get(value, 0) + 1
    repeated = [v for v, c in counts.items() if c >= min_uses and len(v) > 12]
    if not repeated:
        return list(parts)
    names = {value: f"{prefix}{i}" for i, value in enumerate(repeated)}
    parts = [_STYLE.sub(lambda m: f' class="{names[m[1]]}"' if m[1] in names else m[0], part)
             for part in parts]
    rules = "".join(f".{name}{{{value.replace(': ', ':').replace('; ', ';')}}}"
                    for value, name in names.items())
    first = re.sub(r"(<svg\b[^>]*>)", lambda m: f"{m[1]}<style>{rules}</style>", parts[0], count=1)
    return [first, *parts[1:]]


def _render_svg(fig: Figure) -> str:
    """Matplotlib's raw SVG for *fig* (prolog and all)."""
    buffer = io.StringIO()
    with style():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def _release(fig: Figure) -> None:
    """Close *fig* if pyplot knows it (figures made by calcnotes are not registered)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(fig)


def svg_markup(fig: Figure) -> str:
    """Inline SVG for *fig*: no prolog, ``currentColor`` line art, page-unique ids.

    The same figure gives the same bytes (ids derive from a fixed salt and the
    content). Draw the figure inside `style` so its text and axes use
    `INK`, which becomes ``currentColor`` here.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> with style():
    ...     fig = Figure(figsize=(2, 1))
    ...     _ = fig.add_subplot().plot([0, 1], [0, 1])
    >>> svg = svg_markup(fig)
    >>> svg.startswith("<svg"), "currentColor" in svg, svg == svg_markup(fig)
    (True, True, True)
    """
    return _scope_ids([_clean_svg(_render_svg(fig))])[0]


def _label_svg(svg: str, alt: str, *, extra_class: str = "") -> str:
    """Give the root ``<svg>`` an accessible name (role, aria-label, <title>).

    ``data-search-exclude`` keeps its tick labels out of the site's search
    index (Material's search drops the attribute from the page); the caption
    stays searchable.
    """
    text = html.escape(alt, quote=True)
    classes = f"cn-svg {extra_class}".strip()
    return re.sub(
        r"<svg\b([^>]*)>",
        lambda m: (
            f'<svg{m[1]} class="{classes}" role="img" aria-label="{text}"'
            f' data-search-exclude="figure"><title>{text}</title>'
        ),
        svg,
        count=1,
    )


def _require_text(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string describing the figure")
    return value.strip()


def figure_html(fig: Figure, *, alt: str, caption: str) -> str:
    """A ``<figure>`` holding *fig* as inline SVG, its alt text and a caption.

    *alt* describes what the picture shows (for readers who cannot see it);
    *caption* is the visible line under it. The figure is closed afterwards.
    Raises ``ValueError`` if *alt* or *caption* is empty.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> with style():
    ...     fig = Figure(figsize=(2, 1))
    ...     _ = fig.add_subplot().plot([0, 1], [1, 0])
    >>> page = figure_html(fig, alt="A falling line.", caption="A line.")
    >>> page.startswith('<figure class="cn-figure">'), 'aria-label="A falling line."' in page
    (True, True)
    """
    alt = _require_text(alt, "alt")
    caption = _require_text(caption, "caption")
    svg = svg_markup(fig)
    _release(fig)
    return (
        '<figure class="cn-figure">'
        + _label_svg(svg, alt)
        + f"<figcaption>{html.escape(caption, quote=False)}</figcaption></figure>"
    )


def player_html(
    static_svg: str,
    frames: Sequence[str],
    *,
    alt: str,
    caption: str,
    labels: Sequence[str] | None = None,
    fps: float = 12.0,
) -> str:
    """An offline animation player: a picture, a slider and a play/pause button.

    *static_svg* is the inline SVG of everything that does not move, holding
    one empty ``<g class="cn-anim-layer"></g>``; each entry of *frames* is the
    SVG markup of what moves in that frame. The first frame is written into
    the layer, so readers without JavaScript still see a picture; the frames
    travel as JSON and ``calcnotes.js`` swaps them in. *labels* (one per frame)
    are read out by screen readers as the slider's value. Nothing is fetched
    from the network.

    Examples
    --------
    >>> svg = '<svg viewBox="0 0 10 10"><g class="cn-anim-layer"></g></svg>'
    >>> page = player_html(svg, ["<circle r='1'/>", "<circle r='2'/>"], alt="A dot grows.", caption="Dot.")
    >>> 'max="1"' in page, "<circle r='1'/></g>" in page
    (True, True)
    """
    alt = _require_text(alt, "alt")
    caption = _require_text(caption, "caption")
    frames = [str(frame) for frame in frames]
    if not frames:
        raise ValueError("frames must hold at least one frame")
    layer = '<g class="cn-anim-layer"></g>'
    if static_svg.count(layer) != 1:
        raise ValueError(f"static_svg must contain exactly one {layer!r}")
    labels = [str(label) for label in (labels or [f"frame {i + 1}" for i in range(len(frames))])]
    if len(labels) != len(frames):
        raise ValueError(f"labels has {len(labels)} entries but there are {len(frames)} frames")
    if not (isinstance(fps, Real) and 0 < fps <= 60):
        raise ValueError(f"fps must be in (0, 60], got {fps!r}")

    n = len(frames)
    svg = _label_svg(static_svg.replace(layer, f'<g class="cn-anim-layer">{frames[0]}</g>'), alt)
    data = json.dumps({"frames": frames, "labels": labels}, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")  # a JSON string may not close the <script> element
    first = html.escape(labels[0], quote=True)
    name = html.escape(f"Animation frame: {alt}", quote=True)
    return (
        f'<figure class="cn-figure cn-anim" data-fps="{fps:g}">'
        f'<div class="cn-anim-stage">{svg}</div>'
        '<div class="cn-anim-controls" hidden>'
        '<button type="button" class="cn-anim-play">'
        '<span class="cn-anim-icon" aria-hidden="true"></span>'
        '<span class="cn-anim-action">Play</span></button>'
        f'<input type="range" class="cn-anim-slider" min="0" max="{n - 1}" step="1" value="0" '
        f'aria-label="{name}" aria-valuetext="{first}">'
        f'<output class="cn-anim-counter">1 / {n}</output>'
        "</div>"
        f'<script type="application/json" class="cn-anim-data">{data}</script>'
        f"<figcaption>{html.escape(caption, quote=False)}</figcaption></figure>"
    )


def to_html(item: Any, *, alt: str, caption: str) -> str:
    """Page output for *item* — a figure or an animation — as an HTML string.

    A Matplotlib ``Figure`` becomes `figure_html`; anything with a
    ``to_html(alt=..., caption=...)`` method (such as
    `calcnotes.animation.Animation`) gives what that returns. A snippet
    prints the result itself, ``print(to_html(fig, alt=..., caption=...))``:
    markdown-exec captures the snippet's own ``print`` calls, not output
    written from inside a library. Raises ``TypeError`` for anything else.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> with style():
    ...     fig = Figure(figsize=(2, 1))
    ...     _ = fig.add_subplot().plot([0, 1], [1, 0])
    >>> print(to_html(fig, alt="A falling line.", caption="A line."))  # doctest: +ELLIPSIS
    <figure class="cn-figure"><svg ...</svg><figcaption>A line.</figcaption></figure>
    """
    if isinstance(item, Figure):
        return figure_html(item, alt=alt, caption=caption)
    if callable(getattr(item, "to_html", None)):
        return item.to_html(alt=alt, caption=caption)
    raise TypeError(f"to_html() takes a matplotlib Figure or an animation, not {type(item).__name__}")


# ----------------------------------------------------------------- numbers --

MINUS = "\N{MINUS SIGN}"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def number(x: Any, digits: int = 4) -> str:
    """Format *x* for reading: *digits* significant digits, a real minus sign.

    Integers print in full; very small or very large magnitudes use
    scientific notation with a superscript exponent (``3.2 × 10⁻⁸``);
    ``nan`` prints as ``NaN``, infinities as ``∞``; strings pass through.

    Examples
    --------
    >>> number(2.0000000000575113), number(-3.0000000000575)
    ('2', '−3')
    >>> number(0.00001234567), number(1234567.0), number(0.125), number(-7)
    ('1.235 × 10⁻⁵', '1.235 × 10⁶', '0.125', '−7')
    """
    if isinstance(x, str):
        return x
    if x is None:
        return "—"
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, Integral):
        return str(int(x)).replace("-", MINUS)
    if not isinstance(x, Real):
        x = complex(x)
        if x.imag == 0:
            return number(x.real, digits)
        raise TypeError(f"number() formats real numbers, not {x!r}")
    if digits < 1:
        raise ValueError(f"digits must be at least 1, got {digits}")
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    exponent = int(exponent)
    if exponent < -3 or exponent >= 6:
        mantissa = _trim(mantissa)
        text = f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPT)}"
    else:
        text = _trim(f"{x:.{max(digits - 1 - exponent, 0)}f}")
    return text.replace("-", MINUS)


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def line_equation(line: Any, *, var: str = "x", lhs: str = "y", digits: int = 4) -> str:
    """The equation of a straight line, written as a reader would: ``y = 2x − 3``.

    *line* has ``.slope`` and ``.intercept`` (as returned by
    `calcnotes.tangent_line`) or is a ``(slope, intercept)`` pair. A
    coefficient of round-off size (below ``1e-10`` times the larger one, or
    1) is written as 0, so a flat tangent reads ``y = 0.6922``.

    Examples
    --------
    >>> line_equation((2.0000000000575, -3.0000000000575))
    'y = 2x − 3'
    >>> line_equation((-1, 0.5), var="w", lhs="h(w)"), line_equation((0, 0))
    ('h(w) = −w + 0.5', 'y = 0')
    >>> line_equation((1.2e-11, 0.6922))
    'y = 0.6922'
    """
    if hasattr(line, "slope") and hasattr(line, "intercept"):
        slope, intercept = line.slope, line.intercept
    else:
        slope, intercept = line
    size = max(1.0, abs(float(slope)), abs(float(intercept)))
    slope, intercept = (0.0 if abs(float(v)) < 1e-10 * size else v for v in (slope, intercept))
    m, b = number(float(slope), digits), number(float(intercept), digits)
    terms = []
    if m != "0":
        coefficient = {"1": "", MINUS + "1": MINUS}.get(m, m)
        terms.append(f"{coefficient}{var}")
    if b != "0" or not terms:
        if terms:
            terms.append(f"{MINUS} {b[1:]}" if b.startswith(MINUS) else f"+ {b}")
        else:
            terms.append(b)
    return f"{lhs} = {' '.join(terms)}"


def table(
    rows: Iterable[Sequence[Any]],
    headers: Sequence[str],
    *,
    digits: int = 4,
) -> str:
    """A Markdown table of *rows* under *headers*, numbers formatted by `number`.

    Columns whose cells are all numbers are right-aligned. Raises
    ``ValueError`` if a row's length differs from the number of headers.

    Examples
    --------
    >>> print(table([[0.1, -0.00001234], [1, 2.5]], headers=["h", "error"]))
    | h | error |
    | ---: | ---: |
    | 0.1 | −1.234 × 10⁻⁵ |
    | 1 | 2.5 |
    """
    headers = [str(h).replace("|", "\\|") for h in headers]  # a bare | would end the cell
    rows = [list(row) for row in rows]
    for i, row in enumerate(rows):
        if len(row) != len(headers):
            raise ValueError(f"row {i} has {len(row)} cells but there are {len(headers)} headers")

    def is_number(cell: Any) -> bool:
        return isinstance(cell, Real) and not isinstance(cell, bool)

    align = [
        "---:" if rows and all(is_number(row[j]) for row in rows) else ":---"
        for j in range(len(headers))
    ]

    def cell(value: Any) -> str:
        return number(value, digits).replace("|", "\\|")

    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
