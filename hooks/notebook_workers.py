"""Run the exercise notebooks in a worker process while the pages render.

mkdocs-jupyter (``execute: true``) runs a notebook when it renders its page,
in the build process, one notebook after the other. The notebooks' pages are
rendered last, so a cold build ran them (about 3.5 s) after every example was
done, with the other core idle. The plugin keeps what it rendered in its
cache (``.cache/mkdocs-jupyter/``) and serves it from there on the next build.

This hook sends each notebook missing from that cache to a worker process as
soon as the pages are known (``on_nav``): the worker calls the plugin's own
``nb2html`` with the arguments the plugin would pass, with the plugin's
module imported as in the build process (it patches nbconvert's heading
ids). When the build reaches the notebook's page, the hook writes the result
into the plugin's cache as the plugin writes it, and the plugin serves the
page from there, as on the next build. A notebook no worker has started, or
one that failed in the worker, is left to the plugin, which runs it and
reports any error as usual.

It relies on mkdocs-jupyter's cache helpers (``_compute_cache_key``,
``_get_cache_path``, ``_get_nb_toc_tokens``) and entry format, as of the
version in ``requirements/lock.txt``; ``tests/test_notebook_workers.py``
checks that the pages come out the same.

``CALCNOTES_EXEC_CACHE=0`` (a build as shipped) or ``CALCNOTES_EXEC_WORKERS=0``
turns it off.
"""

from __future__ import annotations

import importlib
import json
import logging
import multiprocessing
import pathlib
from concurrent.futures import Future, ProcessPoolExecutor

from build_switches import caches_on, workers

log = logging.getLogger("mkdocs.hooks.notebook_workers")

# What the plugin passes on to nb2html, besides `execute` (mkdocs_jupyter/plugin.py, on_pre_page).
NB2HTML_OPTIONS = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                   "remove_tag_config", "highlight_extra_classes", "include_requirejs", "custom_mathjax_url")

_pool: ProcessPoolExecutor | None = None
_pending: dict[str, tuple[Future, pathlib.Path]] = {}  # notebook -> its HTML to come, its cache entry


def _enabled() -> bool:
    return caches_on() and workers() > 0


def _plugin(config):
    """The mkdocs-jupyter plugin, if it executes notebooks and keeps its cache."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["execute"] or not plugin.config["cache"]:
        return None
    return plugin


def conversion(plugin, path: str) -> tuple[dict, pathlib.Path] | None:
    """The arguments the plugin passes to ``nb2html`` for notebook *path* and its cache entry,
    if the plugin executes it."""
    from mkdocs_jupyter import plugin as jupyter

    options = plugin.config
    if any(pathlib.PurePath(path).match(pattern) for pattern in options["execute_ignore"]):
        return None
    arguments = {"execute": True, **{name: options[name] for name in NB2HTML_OPTIONS}}
    entry = jupyter._get_cache_path(options["cache_dir"], jupyter._compute_cache_key(path, options, True))
    return arguments, entry


def on_nav(nav, config, files):
    global _pool
    plugin = _plugin(config)
    if plugin is None or not _enabled():
        return nav
    from mkdocs_jupyter.convert import nb2html

    for file in files.documentation_pages():
        found = conversion(plugin, file.abs_src_path) if plugin.should_include(file) else None
        if found is None or found[1].exists():
            continue
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=importlib.import_module, initargs=("mkdocs_jupyter.plugin",),
            )
        _pending[file.abs_src_path] = (_pool.submit(nb2html, file.abs_src_path, **found[0]), found[1])
    return nav


def on_page_markdown(markdown, page, config, files):
    """Just before the plugin renders a notebook's page: the worker's result into its cache."""
    future, entry = _pending.pop(page.file.abs_src_path or "", (None, None))
    if future is None or future.cancel():  # not sent, or not started: the plugin runs it
        return markdown
    try:
        content = future.result()
    except Exception as error:  # the plugin runs it again, and reports what went wrong
        log.debug(f"notebook_workers: {page.file.src_uri} failed in the worker: {error}")
        return markdown
    from mkdocs_jupyter import plugin as jupyter

    toc_depth = _plugin(config).config["toc_depth"]
    toc_tokens, title = jupyter._get_nb_toc_tokens(page.file.abs_src_path, toc_depth)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(json.dumps({"content": content, "toc_tokens": toc_tokens, "title": title}),
                     encoding="utf-8")
    return markdown


def _close() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
    _pending.clear()


def on_post_build(config):
    _close()


def on_build_error(error):
    _close()
