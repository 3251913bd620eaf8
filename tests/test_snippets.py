"""Every example is a standalone script, shown on exactly one page, and runs cleanly."""

from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT, SNIPPETS, run_snippet

ALL_SNIPPETS = sorted(p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py"))
INCLUDE = re.compile(r'--8<--\s+"snippets/([^"]+\.py)"')


def _includes() -> dict[str, list[str]]:
    """Map each included snippet to the pages that include it."""
    found: dict[str, list[str]] = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for rel in INCLUDE.findall(page.read_text(encoding="utf-8")):
            found.setdefault(rel, []).append(page.relative_to(ROOT).as_posix())
    return found


def test_there_are_examples():
    assert len(ALL_SNIPPETS) >= 5


def test_every_included_example_exists():
    missing = sorted(rel for rel in _includes() if not (SNIPPETS / rel).is_file())
    assert not missing


def test_every_example_is_shown_on_exactly_one_page():
    includes = _includes()
    not_shown = [rel for rel in ALL_SNIPPETS if rel not in includes]
    shown_twice = {rel: pages for rel, pages in includes.items() if len(pages) > 1}
    assert not not_shown
    assert not shown_twice


@pytest.mark.parametrize("rel", ALL_SNIPPETS)
def test_example_opens_with_a_one_line_docstring(rel):
    docstring = ast.get_docstring(ast.parse((SNIPPETS / rel).read_text(encoding="utf-8")))
    assert docstring, f"{rel} has no docstring saying what it shows"
    assert "\n" not in docstring.strip()


@pytest.mark.parametrize("rel", ALL_SNIPPETS)
def test_example_runs_alone_and_prints_clean_page_output(rel):
    out = run_snippet(rel)
    assert out.strip(), f"{rel} printed nothing"
    assert "Traceback" not in out
    # Page output must not make the reader's browser fetch anything from elsewhere.
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", out))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, urls
    if "<svg" in out:
        assert out.count("<svg") == out.count("</svg>")
        assert "<?xml" not in out and "<!DOCTYPE" not in out
        assert "aria-label=" in out, f"{rel} draws a figure without alt text"
