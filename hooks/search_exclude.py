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
- permalinks (Material's ``¶``, nbconvert's in notebooks), footnote back
  links, and the notebook's copy button (its ``Copied!``, and the hidden copy
  of the cell's code it copies).

The formulas come to the index as the text of their MathML, never as TeX
(hooks/math_render.py).

Material's parser tells elements apart by their tag only, so an element
marked here must not hold another element of its own tag (it would end the
exclusion early): each kind marked is one that does not.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

MARK = ' data-search-exclude="true"'

# Opening tags to mark, wherever they are (the mark goes right after the tag's name).
EVERYWHERE = re.compile(
    r'<(?:pre|clipboard-copy)\b|<svg\b(?![^>]*\sdata-search-exclude)'
    r'|<div\b(?=[^>]*\sclass="(?:[^"]*\s)?(?:tabbed-labels|highlight|clipboard-copy-txt)[\s"])'
    r'|<a\b(?=[^>]*\sclass="(?:headerlink|anchor-link|footnote-backref)")'
)
# What an example printed: the first block of its tabs (markdown-exec's "exec-N" ids).
EXAMPLE = re.compile(r'<div class="tabbed-set[^"]*"[^>]*><input checked="checked" id="exec-')
BLOCK = re.compile(r'<div class="tabbed-block">')
DIV = re.compile(r"<(/?)div\b")
TABLE = re.compile(r"<table\b")


def _mark(match: re.Match) -> str:
    return match.group(0) + MARK


def _outputs(page_html: str):
    """(start, end) of each example's output in the page."""
    for example in EXAMPLE.finditer(page_html):
        block = BLOCK.search(page_html, example.end())
        if block is None:
            continue
        depth = 1
        for div in DIV.finditer(page_html, block.end()):
            depth += -1 if div.group(1) else 1
            if depth == 0:
                yield block.end(), div.start()
                break


def exclude(page_html: str) -> str:
    """*page_html* with ``data-search-exclude`` on all that is no prose (see the module)."""
    pieces, pos = [], 0
    for start, end in _outputs(page_html):
        pieces += [page_html[pos:start], TABLE.sub(_mark, page_html[start:end])]
        pos = end
    pieces.append(page_html[pos:])
    return EVERYWHERE.sub(_mark, "".join(pieces))


@event_priority(-100)  # last: after the math and everything else that writes the page's HTML
def on_page_content(page_html, page, config, files):
    return exclude(page_html)
