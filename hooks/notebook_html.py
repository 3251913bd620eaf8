"""A run notebook as the HTML of a page of the site, with its table of contents.

Not a hook: hooks/notebooks.py renders the exercise pages with it (and the
tests call it). It is nbconvert's ``HTMLExporter`` with JupyterLab's cell
markup (the ``lab`` template's cells, without its page, stylesheets or
scripts), and three changes so that a notebook reads like the site's other
pages:

- code is highlighted as the site's Markdown highlights it (Pygments inside
  ``<div class="highlight"><pre><code>``): Material's colours in both
  palettes, and Material's own copy button;
- no ``In [n]:`` prompts; outputs carry Material's ``highlight`` class;
- headings get the ids Python-Markdown would give them (``setup``, not
  ``Setup``), and the page's table of contents lists them.

nbconvert is imported only when a notebook is rendered: a build that finds
every notebook's page in its cache (hooks/notebooks.py) does not load it.
"""

from __future__ import annotations

import hashlib
import html
from importlib import metadata
from pathlib import Path

import jinja2

TEMPLATE = """\
{%- extends 'lab/base.html.j2' -%}
{%- block body_header -%}<div class="jupyter-wrapper">
<div class="jp-Notebook">
{% endblock body_header -%}
{%- block body_footer -%}
</div>
</div>
{% endblock body_footer -%}
{% block input %}
<div class="jp-InputArea-editor">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
</div>
{%- endblock input %}
"""


def salt() -> str:
    """What the HTML depends on besides the notebook: this renderer and the versions of its tools."""
    versions = [metadata.version(name) for name in ("nbconvert", "pygments", "markdown", "beautifulsoup4")]
    return hashlib.sha256(Path(__file__).read_bytes() + repr(versions).encode()).hexdigest()


def highlight(source: str, language: str = "python", metadata=None) -> str:
    """Code as the site's Markdown highlights it.

    >>> highlight("x = 1")
    '<div class="highlight"><pre><span></span><code><span class="n">x</span> ...</code></pre></div>'
    """
    from pygments import highlight as pygmentize
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name

    return pygmentize(source, get_lexer_by_name(language), HtmlFormatter(wrapcode=True)).rstrip("\n")


def _toc_tokens(headings) -> list[dict]:
    """The nested tokens `mkdocs.structure.toc.get_toc` reads, from (level, id, name) in page order."""
    root: list[dict] = []
    stack: list[tuple[int, list]] = [(0, root)]
    for level, anchor, name in headings:
        while stack[-1][0] >= level:
            stack.pop()
        token = {"level": level, "id": anchor, "name": name, "children": []}
        stack[-1][1].append(token)
        stack.append((level, token["children"]))
    return root


def render(notebook) -> tuple[str, list[dict]]:
    """The page HTML of *notebook* (an nbformat node, already run) and its table-of-contents tokens."""
    from bs4 import BeautifulSoup
    from markdown.extensions.toc import slugify, unique
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_file="calcnotes_notebook.html.j2",
                            extra_loaders=[jinja2.DictLoader({"calcnotes_notebook.html.j2": TEMPLATE})],
                            exclude_input_prompt=True, exclude_output_prompt=True,
                            filters={"highlight_code": highlight})
    body, _ = exporter.from_notebook_node(notebook)
    soup = BeautifulSoup(body, features="html.parser")
    for output in soup.select("div.jp-OutputArea-output"):
        output["class"] = [*output["class"], "highlight"]
    used: set[str] = set()
    headings = []
    for heading in soup.select(".jp-RenderedMarkdown :is(h1, h2, h3, h4, h5, h6)"):
        link = heading.find("a", class_="anchor-link")
        if link is not None:
            link.extract()
        name = heading.get_text().strip()
        anchor = unique(slugify(name, "-"), used)
        heading["id"] = anchor
        if link is not None:
            link["href"] = f"#{anchor}"
            heading.append(link)
        headings.append((int(heading.name[1]), anchor, html.escape(name, quote=False)))
    return str(soup), _toc_tokens(headings)
