"""Give every included example a title and a download link.

A page shows an example by including its file in a markdown-exec block::

    ```python exec="1" source="tabbed-right" tabs="Code|Output"
    --8<-- "snippets/derivatives/tangent_line.py"
    ```

This hook adds ``title="tangent_line.py"`` to such a block (markdown-exec then
names the file in the build error if the example raises) and puts a link to
the published script right under it. The page's Markdown stays one line per
example, and the link is checked like any other link by ``--strict``.
"""

from __future__ import annotations

import posixpath
import re

EXAMPLE_BLOCK = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>python|py)(?P<options>[^\n]*)\n'
    r'(?P=indent)--8<--\s+"(?P<path>snippets/[^"]+\.py)"[ \t]*\n'
    r"(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE,
)


def _expand(match: re.Match, page_dir: str) -> str:
    indent, fence, options, path = match["indent"], match["fence"], match["options"], match["path"]
    if 'exec="' not in options:
        return match[0]
    name = posixpath.basename(path)
    if "title=" not in options:
        options = f'{options} title="{name}"'
    link = posixpath.relpath(path, page_dir or ".")
    return (
        f"{indent}{fence}{match['lang']}{options}\n"
        f'{indent}--8<-- "{path}"\n'
        f"{indent}{fence}\n\n"
        f'{indent}[Download `{name}`]({link}){{ .cn-download download="{name}" }}\n'
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    page_dir = posixpath.dirname(page.file.src_uri)
    return EXAMPLE_BLOCK.sub(lambda m: _expand(m, page_dir), markdown)
