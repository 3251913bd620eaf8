"""Any Matplotlib figure as small inline SVG that follows the page's palette.

`figure_svg` is what `calcnotes.show` puts on a page: the figure saved as
SVG with a transparent background, black line art (Matplotlib's default for
text, axes and ticks) turned into ``currentColor`` so it takes the text colour
of the light or the dark palette, text left as text in the page's font, and
ids made unique to the figure, so several figures share a page. Legends lose
their white box and 3-D panes their grey, which would glare in the dark
palette. The same figure gives the same bytes.

The helpers below are shared by the kit's player (`calcnotes.viz.player`).
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from collections.abc import Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure

__all__ = ["clean_svg", "figure_svg", "label_svg", "render_svg", "scope_ids"]

# Deterministic, compact SVG: text as text, fixed id salt, no extra metadata.
_SAVE_RC = {"svg.fonttype": "none", "svg.hashsalt": "calcnotes", "svg.image_inline": True,
            "path.simplify": True}
_INK_COLOURS = re.compile(r"#000000\b|#010203\b", re.IGNORECASE)
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
_TEXT = re.compile(r"<text\b([^>]*)>")


def _ink_text(match: re.Match) -> str:
    """Matplotlib writes black text without a fill (SVG's default is black): name the page ink."""
    attributes = match[1]
    if "fill" in attributes:
        return match[0]
    if 'style="' in attributes:
        return "<text" + attributes.replace('style="', 'style="fill: currentColor; ', 1) + ">"
    return f'<text fill="currentColor"{attributes}>'


def _for_the_page(fig: Figure) -> None:
    """No opaque boxes: legends without a fill, 3-D panes clear."""
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes]
    for legend in filter(None, legends):
        legend.get_frame().set_facecolor("none")
        legend.get_frame().set_edgecolor("none")
    for ax in fig.axes:
        if ax.name == "3d":
            for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
                axis.set_pane_color((0, 0, 0, 0))


def render_svg(fig: Figure) -> str:
    """Matplotlib's own SVG of *fig*, transparent, prolog and all."""
    _for_the_page(fig)
    buffer = io.StringIO()
    with rc_context(_SAVE_RC):
        fig.savefig(buffer, format="svg", transparent=True, metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


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


def clean_svg(svg: str) -> str:
    """Shrink Matplotlib's SVG and make its black line art ``currentColor`` (ids untouched)."""
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
    svg = _INK_COLOURS.sub("currentColor", svg)
    svg = _TEXT.sub(_ink_text, svg)
    # Matplotlib leaves out a black fill (SVG's default): whatever has no fill of its own takes the ink.
    svg = re.sub(r"<svg\b(?![^>]*\bfill=)", '<svg fill="currentColor"', svg, count=1)
    return svg.strip()


def scope_ids(parts: Sequence[str]) -> list[str]:
    """Drop ids nothing refers to; give the rest one prefix unique to *parts*.

    Several figures share a page, and Matplotlib numbers its ids the same way
    in each, so the ids that must stay get a prefix derived from the content.
    Inline styles used several times across *parts* become classes of one
    ``<style>`` placed in ``parts[0]`` (the root SVG): a 3-D surface or an
    animation repeats a handful of styles hundreds of times.
    """
    referenced = {a or b for part in parts for a, b in _REF.findall(part)}
    digest = hashlib.sha1("".join(parts).encode()).hexdigest()[:8]
    prefix = f"cn{digest}-"

    def fix_id(m: re.Match) -> str:
        return f' id="{prefix}{m[1]}"' if m[1] in referenced else ""

    def fix_ref(m: re.Match) -> str:
        return f"url(#{prefix}{m[1]})" if m[1] is not None else f'href="#{prefix}{m[2]}"'

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


def figure_svg(fig: Figure) -> str:
    """*fig* as inline SVG for a page: ``currentColor`` line art, no prolog, page-unique ids.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1))
    >>> _ = fig.add_subplot().plot([0, 1], [0, 1], color="black")
    >>> svg = figure_svg(fig)
    >>> svg.startswith("<svg"), "currentColor" in svg, "#000000" in svg, svg == figure_svg(fig)
    (True, True, False, True)
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    return scope_ids([clean_svg(render_svg(fig))])[0]


def label_svg(svg: str, alt: str, *, extra_class: str = "") -> str:
    """Give the root ``<svg>`` of *svg* an accessible name: role, aria-label and <title>.

    ``data-search-exclude`` keeps the figure's drawn labels out of the site's
    search index (the caption stays searchable).

    Examples
    --------
    >>> label_svg('<svg viewBox="0 0 1 1"></svg>', "A dot.")
    '<svg viewBox="0 0 1 1" class="cn-svg" role="img" aria-label="A dot." data-search-exclude="figure"><title>A dot.</title></svg>'
    """
    text = html.escape(alt, quote=True)
    classes = f"cn-svg {extra_class}".strip()
    return re.sub(
        r"<svg\b([^>]*)>",
        lambda m: (f'<svg{m[1]} class="{classes}" role="img" aria-label="{text}"'
                   f' data-search-exclude="figure"><title>{text}</title>'),
        svg,
        count=1,
    )
