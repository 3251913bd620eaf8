"""Keep the theme's and mkdocstrings' compiled Jinja templates between builds.

Every build compiles the ~70 Jinja templates it renders (Material's page and
partials, mkdocstrings' API templates) from their source again: about a tenth
of a build with nothing changed. Jinja can keep the compiled code instead (its
bytecode cache); this hook gives both environments one in ``.cache/templates/``.
Jinja reuses an entry only for the same template file with the same source,
under the same Python minor version; the keys here also hold the full Python
version, the versions of the packages whose code and settings shape the
compiled templates, and the environment's settings at the time it compiles.
The pages rendered are the same.

``CALCNOTES_EXEC_CACHE=0``, the switch for a build as shipped (see
``exec_cache.py``), turns this cache off too.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import jinja2

from build_switches import caches_on

VERSIONS_OF = ("jinja2", "markupsafe", "mkdocs", "mkdocs-material", "mkdocstrings", "mkdocstrings-python")


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def compile_settings(env: jinja2.Environment) -> str:
    """What besides a template's source shapes the code *env* compiles it to."""
    return repr([
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
        env.newline_sequence, env.keep_trailing_newline, env.autoescape, env.finalize,
        env.optimized, env.is_async, sorted(env.extensions),
    ])


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache in a folder, keyed also on versions and the environment's settings."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory))
        self.versions = repr([sys.version, *map(_version, VERSIONS_OF)])

    def get_bucket(self, environment, name, filename, source):
        # Jinja keys a bucket on (name, filename) and checks the source's checksum in it.
        return super().get_bucket(
            environment, f"{name}\0{self.versions}\0{compile_settings(environment)}", filename, source
        )


def _directory(config) -> Path | None:
    if not caches_on():
        return None
    return Path(config.config_file_path).parent / ".cache" / "templates"


def on_pre_build(config):
    """mkdocstrings' handlers exist from its ``on_config`` on, and render pages after this."""
    directory = _directory(config)
    plugin = config.plugins.get("mkdocstrings")
    if directory is not None and plugin is not None:
        for handler in plugin.handlers.seen_handlers:
            handler.env.bytecode_cache = TemplateCache(directory)


def on_env(env, config, files):
    """The theme's environment, before any page is rendered with it."""
    directory = _directory(config)
    if directory is not None:
        env.bytecode_cache = TemplateCache(directory)
    return env
