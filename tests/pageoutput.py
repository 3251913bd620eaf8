"""Helpers the chapter tests share: read what an example prints, check a chapter's page.

Plain functions, no fixtures: each chapter test module keeps its own ``output``
fixture, a one-liner over :func:`snippet_reader`.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from conftest import run_snippet

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


# ------------------------------------------------------------ printed output --


def snippet_reader(folder: str) -> Callable[[str], str]:
    """``read(name)``: what ``snippets/<folder>/<name>`` prints (run once per session by conftest)."""

    def read(name: str) -> str:
        return run_snippet(f"{folder}/{name}")

    return read


def read_number(text: str, *, infinity: bool = False) -> float:
    """Parse a number as calcnotes prints it: '−3', '4.2 × 10⁻⁷', 'NaN'.

    With *infinity*, '∞' and '−∞' parse too (otherwise they are refused, as
    any text that is not a number).
    """
    text = text.strip().replace("−", "-")
    if infinity and text in ("∞", "-∞"):
        return math.copysign(math.inf, -1.0 if text.startswith("-") else 1.0)
    if "×" in text:
        mantissa, power = text.split("× 10")
        return float(mantissa) * 10.0 ** int(power.translate(_SUPERSCRIPT_DIGITS))
    return float(text)


def table_rows(text: str) -> list[list[str]]:
    """The stripped cells of the Markdown table lines in *text*, header and rule dropped.

    An escaped bar ``\\|`` (how calcnotes writes a bar inside a cell) stays in
    its cell, as a plain ``|``.
    """
    lines = [line for line in text.splitlines() if line.startswith("|")]
    cells = [re.split(r"(?<!\\)\|", line)[1:-1] for line in lines[2:]]
    return [[cell.strip().replace("\\|", "|") for cell in row] for row in cells]


# ------------------------------------------------------ figures, animations --

ALT, CAPTION = "@@calcnotes-alt@@", "@@calcnotes-caption@@"  # what calcnotes.show leaves for the page


def figure_texts(text: str) -> list[str]:
    """The text of every <text> element of the SVG in *text*, in drawing order."""
    inner = re.findall(r"<text\b[^>]*>(.*?)</text>", text, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in inner]


def figure_kind(text: str) -> str | None:
    """``"figure"``, ``"animation"`` or None: what ``calcnotes.show`` put into *text*."""
    if ALT not in text:
        return None
    return "animation" if '<figure class="cn-figure cn-anim"' in text else "figure"


def assert_figure(text: str, budget: int) -> None:
    """*text* shows one still figure: one SVG in currentColor, with the page's alt
    text and caption still to come, in at most *budget* bytes."""
    assert figure_kind(text) == "figure"
    assert text.count("<svg") == 1 and text.count("</svg>") == 1
    assert re.search(rf'<svg\b[^>]*role="img"[^>]*aria-label="{ALT}"', text)
    assert f"<figcaption>{CAPTION}</figcaption>" in text and "currentColor" in text
    assert len(text.encode()) <= budget, len(text.encode())


def player_data(text: str) -> dict:
    """The JSON data (frames, labels, …) of the animation player printed in *text*."""
    return json.loads(re.search(r'class="cn-anim-data">(.*?)</script>', text, re.DOTALL)[1])


def assert_animation(text: str, budget: int, *, min_frames: int = 20) -> dict:
    """*text* is an animation player with at least *min_frames* frames, a slider
    over all of them and at most *budget* bytes; returns its :func:`player_data`."""
    assert figure_kind(text) == "animation"
    data = player_data(text)
    frames = len(data["frames"])
    assert frames >= min_frames
    assert f'max="{frames - 1}"' in text
    assert len(text.encode()) <= budget, len(text.encode())
    return data


def figure_counts(printed: Iterable[str]) -> tuple[int, int]:
    """How many of the *printed* outputs hold a still figure, and how many an animation."""
    printed = list(printed)
    still = sum('<figure class="cn-figure">' in text for text in printed)
    animated = sum('<figure class="cn-figure cn-anim"' in text for text in printed)
    return still, animated


# ------------------------------------------------------------------ the page --

_BLOCK = re.compile(r'^```python(?P<options>[^\n]*)\n--8<-- "snippets/(?P<rel>[^"]+\.py)"\n```', re.M)
_OPTION = re.compile(r'([-\w]+)="([^"]*)"')


def example_blocks(page: str) -> list[tuple[str, dict]]:
    """(``folder/name.py``, block options) of each example block of the Markdown *page*."""
    return [(m["rel"], dict(_OPTION.findall(m["options"]))) for m in _BLOCK.finditer(page)]


def assert_chapter_blocks(page_path: Path, folder: str, chapter: list[str]) -> None:
    """The page includes every example of *chapter* (sorted names), and no other Python block."""
    page = page_path.read_text(encoding="utf-8")
    names = sorted(rel.split("/", 1)[1] for rel, _ in example_blocks(page) if rel.startswith(folder + "/"))
    assert names == chapter
    quotes = len(re.findall(r'^```python\n--8<-- "src/[^"]+"\n```', page, re.M))  # library code, quoted
    assert page.count("```python") == len(example_blocks(page)) + quotes
