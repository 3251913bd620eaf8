"""The search and template caches give the build what it would compute itself, and are used."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from material.plugins.search import plugin as search

from conftest import ROOT, mkdocs_build
from test_exec_cache import _differences


def _hook(name: str):
    """Load a hook as mkdocs does, with its folder on ``sys.path``."""
    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    return module


# ----- the search cache --------------------------------------------------------------

PAGE = """<h1 id="title">A page</h1>
<p>Prose with <code>code</code> and <em>emphasis</em>.</p>
<figure><svg viewBox="0 0 10 10" role="img" data-search-exclude="figure"><title>Figure</title>
<style>*{stroke: red}</style><g><text x="1">a label drawn in the figure</text><path d="M0 0L1 1"/></g></svg>
<figcaption>The caption stays searchable.</figcaption></figure>
<div class="admonition"><h2 id="inside">A heading in a block</h2><p>Its text.</p></div>
<p>After the block.</p>
<pre><code>x = 1
y = [2,   3]</code></pre>
<h3 id="last">Last <a class="headerlink" href="#last">&para;</a></h3><ul><li>one</li><li></li></ul>
"""


def _index(pages: list[str]) -> str:
    """The search index Material writes for *pages* (HTML), each its own page."""
    index = search.SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    for n, html in enumerate(pages):
        page = SimpleNamespace(content=html, toc=[], url=f"page-{n}/", meta={}, title=f"Page {n}")
        index.add_entry_from_context(page)
    return index.generate_search_index(None)


@pytest.fixture
def search_cache(tmp_path, monkeypatch):
    """The hook, as a build with a project in *tmp_path* sets it up (ended at teardown)."""
    monkeypatch.delenv("CALCNOTES_EXEC_CACHE", raising=False)
    hook = _hook("search_cache")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    hook.on_config(config)
    yield hook
    hook.on_build_error(None)
    assert search.Parser is hook.PARSER


def test_pages_from_the_search_cache_index_exactly_as_pages_parsed_by_material(
    search_cache, tmp_path, monkeypatch
):
    other = PAGE.replace("Prose", "Other prose").replace("one", "two")
    with monkeypatch.context() as material_alone:
        material_alone.setattr(search, "Parser", search_cache.PARSER)
        expected = _index([PAGE, other])
    assert "a label drawn" not in expected and "The caption stays searchable." in expected

    assert _index([PAGE, other]) == expected  # parsed, and stored
    assert dict(search_cache._store.counts) == {"parsed": 2}
    assert len(list((tmp_path / ".cache" / "search").glob("*.pickle"))) == 2
    assert _index([PAGE, other]) == expected  # from the store
    assert dict(search_cache._store.counts) == {"parsed": 2, "from the cache": 2}


def test_a_page_whose_html_changed_is_parsed_again(search_cache):
    _index([PAGE])
    edited = PAGE.replace("Its text.", "Its edited text.")
    assert "Its edited text." in _index([edited])
    assert search_cache._store.counts["parsed"] == 2


def test_an_unreadable_entry_is_parsed_again(search_cache, tmp_path):
    expected = _index([PAGE])
    for entry in (tmp_path / ".cache" / "search").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _index([PAGE]) == expected
    assert search_cache._store.counts["parsed"] == 2


def test_turned_off_with_the_execution_cache_material_parses_as_shipped(tmp_path, monkeypatch):
    monkeypatch.setenv("CALCNOTES_EXEC_CACHE", "0")
    hook = _hook("search_cache")
    hook.on_config(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))
    assert search.Parser is hook.PARSER and hook._store is None


# ----- the template cache ------------------------------------------------------------

TEMPLATES = {"page.html": "{% for x in items %}\n  <li>{{ x | upper }}</li>\n{% endfor %}\n"}


def _environment(templates: dict[str, str], **settings) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates), **settings)


def _render(directory: Path, templates: dict[str, str] = TEMPLATES, **settings) -> tuple[str, int]:
    """page.html rendered by a new environment with a template cache in *directory*,
    and how many templates that environment compiled."""
    env = _environment(templates, **settings)
    env.bytecode_cache = _hook("template_cache").TemplateCache(directory)
    compiled = []
    compile_template = env.compile
    env.compile = lambda *args, **kwargs: compiled.append(args) or compile_template(*args, **kwargs)
    return env.get_template("page.html").render(items=["a", "b"]), len(compiled)


def _expected(templates: dict[str, str] = TEMPLATES, **settings) -> str:
    return _environment(templates, **settings).get_template("page.html").render(items=["a", "b"])


def test_a_template_compiled_once_renders_the_same_from_the_cache(tmp_path):
    assert _render(tmp_path) == (_expected(), 1)
    assert _render(tmp_path) == (_expected(), 0)
    assert list(tmp_path.iterdir())


def test_a_template_is_compiled_again_when_the_environment_or_its_source_changes(tmp_path):
    trimmed = {"trim_blocks": True, "lstrip_blocks": True}  # the same source, other code
    assert _expected(**trimmed) != _expected()
    assert _render(tmp_path) == (_expected(), 1)
    assert _render(tmp_path, **trimmed) == (_expected(**trimmed), 1)
    assert _render(tmp_path) == (_expected(), 0)
    edited = {"page.html": TEMPLATES["page.html"].replace("upper", "lower")}
    assert _render(tmp_path, edited) == (_expected(edited), 1)
    assert "<li>a</li>" in _expected(edited)


# ----- the real site -----------------------------------------------------------------


def _copy_of_the_site(destination: Path, *, notebooks: bool = True) -> Path:
    """The project as a build reads it, with the notebooks' cache (unless not *notebooks*)
    but none of ours."""
    for name in ("docs", "hooks", "overrides", "snippets", "src"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    rendered = ROOT / ".cache" / "mkdocs-jupyter"  # filled by built_site: the notebooks do not run again
    if notebooks and rendered.is_dir():
        shutil.copytree(rendered, destination / ".cache" / "mkdocs-jupyter")
    return destination


def _stamps(directory: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in directory.iterdir()}


@pytest.mark.site
def test_the_real_site_rebuilt_from_both_caches_is_byte_identical_to_its_first_build(
    built_site, site_exec_cache, tmp_path
):
    # The first build parses every page and compiles every template, as a build without them does.
    project = _copy_of_the_site(tmp_path / "project")
    env = {"CALCNOTES_EXEC_CACHE": str(site_exec_cache)}  # filled by built_site: no example runs
    cold = mkdocs_build(project, tmp_path / "cold", env=env)
    assert cold.returncode == 0, cold.stderr[-6000:]
    templates = _stamps(project / ".cache" / "templates")
    warm = mkdocs_build(project, tmp_path / "warm", env=env)
    assert warm.returncode == 0, warm.stderr[-6000:]

    parsed = re.search(r"search_cache: 0 pages from the cache, (\d+) parsed", cold.stderr)
    assert parsed and int(parsed[1]) >= 10, cold.stderr[-3000:]
    assert f"search_cache: {parsed[1]} pages from the cache, 0 parsed" in warm.stderr
    assert len(templates) >= 50  # the theme's and mkdocstrings' templates ...
    assert _stamps(project / ".cache" / "templates") == templates  # ... none compiled again
    assert _differences(tmp_path / "cold", tmp_path / "warm") == []
