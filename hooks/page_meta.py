"""A title and a description of its own for every page, notebooks included.

A Markdown page sets both in its front matter (``description:``, and
``title:`` where the navigation's short title would repeat another page's).
An exercise notebook has no front matter: its browser title is its own first
heading (``# Exercises: …``; the navigation keeps the short title from
``mkdocs.yml``) and its description is ``metadata.calcnotes.description`` of
the notebook. Material's template reads both from ``page.meta``. Front
matter MkDocs cannot parse fails the build (MkDocs itself would drop it in
silence); tests/test_page_meta.py checks that every page of the site has a
title and a description of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError


def notebook_title_and_description(path: Path) -> tuple[str, str]:
    """The first heading of a notebook's first cell, and its description.

    >>> import nbformat, tempfile
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Exercises: limits\\n\\nText.")])
    >>> nb.metadata["calcnotes"] = {"description": "Five exercises on limits."}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "nb.ipynb"
    ...     nbformat.write(nb, path)
    ...     notebook_title_and_description(path)
    ('Exercises: limits', 'Five exercises on limits.')
    """
    nb = json.loads(path.read_text(encoding="utf-8"))  # (nbformat's reader would cost its import)
    cells = nb.get("cells", [])
    source = "".join(cells[0].get("source", "")) if cells else ""  # one string, or a list of lines
    first = source.splitlines()[0] if source else ""
    description = nb.get("metadata", {}).get("calcnotes", {}).get("description", "")
    if not first.startswith("# ") or not description:
        raise PluginError(
            f"{path.name}: a notebook starts with a '# ' heading (its page title) and has "
            "metadata.calcnotes.description (its page description)"
        )
    return first[2:].strip(), description


def on_page_context(context, page, config, nav):
    if page.file.src_uri.endswith(".ipynb"):
        title, description = notebook_title_and_description(Path(page.file.abs_src_path))
        page.meta.setdefault("title", title)
        page.meta.setdefault("description", description)
    elif not page.meta and _has_front_matter(Path(page.file.abs_src_path)):
        # MkDocs drops front matter it cannot parse without a word: say so here.
        raise PluginError(
            f"{page.file.src_uri}: its front matter is not valid YAML, so its title and "
            "description would be lost (quote a value that holds ': ')"
        )
    return context


def _has_front_matter(path: Path) -> bool:
    with path.open(encoding="utf-8-sig") as source:
        return source.readline().rstrip() == "---"
