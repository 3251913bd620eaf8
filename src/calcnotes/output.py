"""Page output: `show` a figure, an animation, a table or text wherever the example runs.

An example ends with one call, ``show(obj)``. What it does depends on where
the example runs:

- **in the site build** (the build sets ``CALCNOTES_SHOW=page``): it prints
  the page markup: a figure as inline SVG that follows the page's light or
  dark palette, an animation as a player, a table as Markdown. The page
  supplies the figure's alt text and caption;
- **in Jupyter**: it displays the object inline;
- **in a terminal** (``python example.py``): a figure is saved as a PNG and an
  animation as an HTML page next to the script, and it prints where; a table
  prints as aligned text.

`Table` holds rows of numbers formatted for reading (`calcnotes.text.number`).
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Iterable, Sequence
from numbers import Real
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from calcnotes.text import MINUS, line_equation, number
from calcnotes.viz.player import Animation
from calcnotes.viz.svg import figure_svg, label_svg

__all__ = ["ALT", "CAPTION", "MINUS", "Table", "line_equation", "number", "show", "table"]

#: Where the page's alt text and caption go, in what `show` prints for a page.
ALT = "@@calcnotes-alt@@"
CAPTION = "@@calcnotes-caption@@"
_MODES = ("page", "terminal", "jupyter")


class Table:
    """Rows of values under headers; numbers are written by `calcnotes.text.number`.

    ``str(table)`` is aligned text for a terminal, `markdown` a Markdown table
    for a page; Jupyter shows it as HTML. Columns of numbers are right-aligned.

    Examples
    --------
    >>> t = Table([[0.1, -0.00001234], [1, 2.5]], headers=["h", "error"])
    >>> print(t)
      h          error
    ---  -------------
    0.1  −1.234 × 10⁻⁵
      1            2.5
    >>> print(t.markdown())
    | h | error |
    | ---: | ---: |
    | 0.1 | −1.234 × 10⁻⁵ |
    | 1 | 2.5 |
    """

    def __init__(self, rows: Iterable[Sequence[Any]], headers: Sequence[str], *, digits: int = 4) -> None:
        if isinstance(headers, str) or not isinstance(headers, Sequence) or not headers:
            raise ValueError(f"headers must be a non-empty list of column names, got {headers!r}")
        self.headers = [_one_line(h) for h in headers]
        raw = [list(row) for row in rows]
        for i, row in enumerate(raw):
            if len(row) != len(self.headers):
                raise ValueError(f"row {i} has {len(row)} cells but there are {len(self.headers)} headers")
        self.numeric = [bool(raw) and all(_is_number(row[j]) for row in raw) for j in range(len(self.headers))]
        self.rows = [[_one_line(number(cell, digits)) for cell in row] for row in raw]

    def __str__(self) -> str:
        widths = [max(len(h), *(len(r[j]) for r in self.rows)) if self.rows else len(h)
                  for j, h in enumerate(self.headers)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(c.rjust(w) if num else c.ljust(w)
                             for c, w, num in zip(cells, widths, self.numeric)).rstrip()

        return "\n".join([line(self.headers), line(["-" * w for w in widths]), *map(line, self.rows)])

    def markdown(self) -> str:
        """The table in Markdown (a bar inside a cell is escaped)."""
        align = ["---:" if num else ":---" for num in self.numeric]
        lines = [self.headers, align, *self.rows]
        return "\n".join("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |" for cells in lines)

    def _repr_html_(self) -> str:  # Jupyter
        def row(tag: str, cells: Sequence[str]) -> str:
            return "<tr>" + "".join(
                f'<{tag} style="text-align:{"right" if num else "left"}">{html.escape(c)}</{tag}>'
                for c, num in zip(cells, self.numeric)) + "</tr>"

        body = "".join(row("td", r) for r in self.rows)
        return f"<table><thead>{row('th', self.headers)}</thead><tbody>{body}</tbody></table>"


def _is_number(cell: Any) -> bool:
    return isinstance(cell, Real) and not isinstance(cell, bool)


def _one_line(value: Any) -> str:
    """A cell's text on one line: a newline would end the table's row."""
    return " ".join(str(value).split())


def table(rows: Iterable[Sequence[Any]], headers: Sequence[str], *, digits: int = 4) -> str:
    """The Markdown of ``Table(rows, headers)``.

    Examples
    --------
    >>> print(table([[1, "a|b"]], headers=["n", "text"]))
    | n | text |
    | ---: | :--- |
    | 1 | a\\|b |
    """
    return Table(rows, headers, digits=digits).markdown()


# ------------------------------------------------------------------- show --


def _mode() -> str:
    setting = os.environ.get("CALCNOTES_SHOW", "").strip().lower()
    if setting:
        if setting not in _MODES:
            raise ValueError(f"CALCNOTES_SHOW must be one of {', '.join(_MODES)}, got {setting!r}")
        return setting
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    return "jupyter" if shell is not None and hasattr(shell, "kernel") else "terminal"


def _figure_html(fig: Figure, alt: str, caption: str) -> str:
    caption_html = f"<figcaption>{html.escape(caption, quote=False)}</figcaption>" if caption else ""
    return f'<figure class="cn-figure">{label_svg(figure_svg(fig), alt)}{caption_html}</figure>'


class _Inline:
    """Jupyter's view of a figure: inline SVG in the notebook's text colour."""

    def __init__(self, fig: Figure) -> None:
        self.markup = _figure_html(fig, "A figure.", "")

    def _repr_html_(self) -> str:
        return self.markup


_saved: dict[str, int] = {}


def _next_path(suffix: str) -> Path:
    """Next to the script that is running (or in the current folder): name.png, name-2.png, …"""
    script = getattr(sys.modules.get("__main__"), "__file__", None)
    stem = Path(script).with_suffix("") if script else Path.cwd() / "calcnotes-output"
    _saved[suffix] = count = _saved.get(suffix, 0) + 1
    return stem.with_name(stem.name + ("" if count == 1 else f"-{count}") + suffix)


def _where(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path.resolve())


def _release(fig: Figure) -> None:
    """Close *fig* if pyplot manages it (so Jupyter does not show it a second time)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(fig)


def _standalone_page(movie: Animation, title: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}"
        "@media (prefers-color-scheme: dark){body{background:#1e2129;color:#e2e4e9}}</style>"
        f"</head><body>{movie.standalone_html(alt=title, caption=title)}</body></html>\n"
    )


def show(obj: Any) -> None:
    """Show a figure, an animation, a table or text where the example runs: page, Jupyter or terminal.

    Text is Markdown: printed as it is, rendered on a page and in Jupyter. In a terminal a figure goes to ``<script>.png`` and an animation to
    ``<script>.html`` beside the script (``-2``, ``-3``… for more), and the
    path is printed; a table is printed. See the module notes for the page
    and Jupyter.

    Parameters
    ----------
    obj : matplotlib.figure.Figure, calcnotes.viz.Animation, Table or str
        What the example made.

    Raises
    ------
    TypeError
        For anything else.

    Examples
    --------
    >>> show("The slope is **3**.")
    The slope is **3**.
    >>> show(Table([[1, 2.5]], headers=["k", "value"]))
    k  value
    -  -----
    1    2.5
    """
    if not isinstance(obj, (Figure, Animation, Table, str)):
        raise TypeError("show() takes a matplotlib Figure, an Animation, a Table or a str, "
                        f"not {type(obj).__name__}")
    mode = _mode()
    if isinstance(obj, str):
        if mode == "jupyter":
            from IPython.display import Markdown, display

            display(Markdown(obj))
        else:
            print(obj, flush=True)
    elif mode == "page":
        if isinstance(obj, Table):
            markup = obj.markdown()
        elif isinstance(obj, Animation):
            markup = obj.html(alt=ALT, caption=CAPTION)
        else:
            markup = _figure_html(obj, ALT, CAPTION)
        print(f"\n{markup}\n", flush=True)
    elif mode == "jupyter":
        from IPython.display import display

        display(_Inline(obj) if isinstance(obj, Figure) else obj)
    elif isinstance(obj, Table):
        print(obj)
    elif isinstance(obj, Animation):
        path = _next_path(".html")
        path.write_text(_standalone_page(obj, path.stem), encoding="utf-8")
        print(f"Saved the animation to {_where(path)}: open it in a browser.")
    else:
        path = _next_path(".png")
        obj.savefig(path, dpi=150)
        print(f"Saved the figure to {_where(path)}")
    if isinstance(obj, Figure):
        _release(obj)
