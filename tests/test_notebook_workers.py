"""Notebooks run in a worker process render the pages the plugin renders, and still fail the build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build
from test_build_caches import _copy_of_the_site
from test_exec_cache import _differences

pytestmark = pytest.mark.site


def test_the_exercise_pages_are_byte_identical_run_in_a_worker_or_by_the_plugin(
    built_site, site_exec_cache, tmp_path
):
    project = _copy_of_the_site(tmp_path / "project", notebooks=False)
    env = {"CALCNOTES_EXEC_CACHE": str(site_exec_cache)}  # filled by built_site: no example runs
    by_plugin = mkdocs_build(project, tmp_path / "plugin", env={**env, "CALCNOTES_EXEC_WORKERS": "0"})
    assert by_plugin.returncode == 0, by_plugin.stderr[-6000:]
    shutil.rmtree(project / ".cache" / "mkdocs-jupyter")
    in_worker = mkdocs_build(project, tmp_path / "worker", env={**env, "CALCNOTES_EXEC_WORKERS": "1"})
    assert in_worker.returncode == 0, in_worker.stderr[-6000:]

    notebooks = sorted(p.name for p in (ROOT / "docs" / "exercises").glob("*.ipynb"))
    assert notebooks
    for name in notebooks:
        assert f"Cache miss, writing: {project}/docs/exercises/{name}" in by_plugin.stderr
        assert f"Cache hit: {project}/docs/exercises/{name}" in in_worker.stderr  # the worker's
    assert "Cache miss" not in in_worker.stderr
    assert _differences(tmp_path / "plugin", tmp_path / "worker") == []


def _notebook(*cells: tuple[str, str]) -> str:
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {}, "source": source,
                   **({"execution_count": None, "outputs": []} if kind == "code" else {})}
                  for kind, source in cells],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5,
    })


def test_a_notebook_that_raises_in_the_worker_still_fails_the_build_naming_it(tmp_path):
    project = tmp_path / "project"
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    for name in ("javascripts", "stylesheets"):
        shutil.copytree(ROOT / "docs" / name, project / "docs" / name)
    (project / "docs" / "index.md").write_text("# Demo\n")
    (project / "docs" / "exercises").mkdir()
    (project / "docs" / "exercises" / "broken.ipynb").write_text(_notebook(
        ("markdown", "# Broken\n\n## 1. A heading, with punctuation"),
        ("code", 'raise RuntimeError("deliberately broken notebook")'),
    ))
    site = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    jupyter = [p for p in site["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p]
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nnav:\n  - index.md\n  - exercises/broken.ipynb\n"
        f"watch: []\nplugins: {json.dumps(['search', *jupyter])}\n"
    )
    result = mkdocs_build(project, tmp_path / "out", "--verbose", env={"CALCNOTES_EXEC_WORKERS": "1"})
    assert result.returncode != 0
    assert "notebook_workers: exercises/broken.ipynb failed in the worker" in result.stderr
    assert "broken.ipynb" in result.stderr
    assert "deliberately broken notebook" in result.stderr
