"""Keep Material's search index to prose, headings and captions.

Material's search plugin indexes a page's HTML, all of it but what carries
``data-search-exclude`` (its documented switch; it strips the attribute from
the page afterwards). This hook sets that attribute (``on_page_content``, so
after the page's HTML is complete and before the index is made) on what is no
prose:

- tab labels (``Output`` / ``Code`` of every example), and the example's code
  and any other code block, with its file name (``div.highlight``, ``pre``);
- what an example printed: its tables of numbers (a figure's caption stays);
- pictures (``svg``, where not marked already, as calcnotes' figures mark
  themselves): tick labels, icons, and the alt text that shows as a tooltip;
- permalinks (Material's ``¶``, nbconvert's in notebooks) and footnote back
  links.

The formulas come to the index as the text of their MathML, never as TeX
(hooks/math_render.py).

Material's parser tells elements apart by their tag only, so an element
marked here must not hold another element of its own tag (it would end the
exclusion early): each kind marked is one that does not.
"""

from __future__ import annotations

import hashlib
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

MARK = ' data-search-exclude="true"'

# Start tags to mark, the mark right after the tag's name ...
TAGS = re.compile(r"<pre\b|<svg\b(?![^>]*\sdata-search-exclude)")
# ... and blocks known by their class (the tools write it first), the same way;
BLOCKS = re.compile(r'<div class="(?:[^"]*\s)?(?:tabbed-labels|highlight)[\s"]')
# ... and links known by their class, wherever it stands: the mark right before it.
LINKS = (' class="headerlink"', ' class="anchor-link"', ' class="footnote-backref"')
# An example: markdown-exec's tabs (ids "exec-N"), which hold its code and what it printed.
EXAMPLE = re.compile(r'<div class="tabbed-set[^"]*"[^>]*><input checked="checked" id="exec-')
TABLE = re.compile(r"<table\b")


def _after_name(match: re.Match) -> str:
    return match.group(0) + MARK


def _after_div(match: re.Match) -> str:
    return "<div" + MARK + match.group(0)[4:]


def _examples(page_html: str):
    """(start, end) of each example's tabs in the page."""
    for example in EXAMPLE.finditer(page_html):
        depth, at = 0, example.start()
        while True:  # to the div that closes the tabs (str.find: the outputs are long)
            opening, closing = page_html.find("<div", at), page_html.find("</div>", at)
            if closing < 0:
                break
            if 0 <= opening < closing:
                depth, at = depth + 1, opening + 4
                continue
            depth, at = depth - 1, closing + 6
            if depth == 0:
                yield example.start(), closing
                break


def exclude(page_html: str) -> str:
    """*page_html* with ``data-search-exclude`` on all that is no prose (see the module)."""
    pieces, pos = [], 0
    for start, end in _examples(page_html):
        if page_html.find("<table", start, end) >= 0:
            pieces += [page_html[pos:start], TABLE.sub(_after_name, page_html[start:end])]
            pos = end
    pieces.append(page_html[pos:])
    marked = BLOCKS.sub(_after_div, TAGS.sub(_after_name, "".join(pieces)))
    for link in LINKS:
        marked = marked.replace(link, MARK + link)
    return marked


# What the index skips, its parser need not read: the insides of code blocks
# (every highlighted token is a <span>) and of pictures (every path and frame)
# are most of a page's tags. They wait, keyed by their digest, until the page
# is finished (on_post_page), and go back byte for byte.
ASIDE = re.compile(r"(<(pre|svg)\b[^>]*>)(.*?)(</\2>)", re.S)
MARKER = re.compile(r"<!--calcnotes-aside ([0-9a-f]{24})-->")
_set_aside: dict[str, dict[str, str]] = {}  # page -> digest -> what was there


def set_aside(page_html: str, kept: dict[str, str]) -> str:
    """*page_html* with the inside of each ``pre`` and ``svg`` in *kept*, a marker in its place.

    >>> kept = {}
    >>> short = set_aside('<p>x</p><pre><span>1</span></pre>', kept)
    >>> short
    '<p>x</p><pre><!--calcnotes-aside ...--></pre>'
    >>> put_back(short, kept)
    '<p>x</p><pre><span>1</span></pre>'
    """
    def aside(match: re.Match) -> str:
        key = hashlib.sha256(match[3].encode()).hexdigest()[:24]
        kept[key] = match[3]
        return f"{match[1]}<!--calcnotes-aside {key}-->{match[4]}"

    return ASIDE.sub(aside, page_html)


def put_back(page_html: str, kept: dict[str, str]) -> str:
    """*page_html* with what `set_aside` kept back in place."""
    def inside(match: re.Match) -> str:
        if match[1] not in kept:
            raise PluginError(f"a code block or picture went missing from the page (marker {match[1]})")
        return kept[match[1]]

    return MARKER.sub(inside, page_html)


@event_priority(-100)  # last: after the math and everything else that writes the page's HTML
def on_page_content(page_html, page, config, files):
    kept = _set_aside[page.file.src_uri] = {}
    return set_aside(exclude(page_html), kept)


@event_priority(110)  # first: before the math is filled in (a table's formulas may be inside) and all else
def on_post_page(output, page, config):
    kept = _set_aside.pop(page.file.src_uri, None)
    return put_back(output, kept) if kept is not None else output
