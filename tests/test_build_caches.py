"""The build's caches (examples' outputs, compiled templates) give the build what it would compute itself."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import jinja2
import pytest

from conftest import ROOT, mkdocs_build, site_differences


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
    run = ROOT / ".cache" / "notebooks"  # filled by built_site: the notebooks do not run again
    if notebooks and run.is_dir():
        shutil.copytree(run, destination / ".cache" / "notebooks")
    return destination


def _stamps(directory: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in directory.iterdir()}


@pytest.mark.site
def test_the_real_site_rebuilt_from_its_caches_is_byte_identical_and_runs_no_example(
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

    assert re.search(r"examples: \d+ stored, 0 run ahead, 0 run when reached", cold.stderr), cold.stderr[-3000:]
    assert re.search(r"examples: \d+ stored, 0 run ahead, 0 run when reached", warm.stderr)
    # Every Markdown page but the API reference (mkdocstrings) comes from the page cache the second time.
    pages = [p for p in (project / "docs").rglob("*.md") if not re.search(r"^::: ", p.read_text(), re.M)]
    assert re.search(r"pages: 0 kept, \d+ converted", cold.stderr)
    assert re.search(rf"pages: {len(pages)} kept, \d+ converted", warm.stderr), warm.stderr[-3000:]
    assert len(templates) >= 50  # the theme's and mkdocstrings' templates ...
    assert _stamps(project / ".cache" / "templates") == templates  # ... none compiled again
    assert site_differences(tmp_path / "cold", tmp_path / "warm") == []
