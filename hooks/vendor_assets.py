"""Serve third-party assets and the example scripts from the site itself.

- KaTeX's stylesheet and fonts (installed from the npm registry into
  ``node_modules/`` by ``npm ci``), under ``assets/katex/``: the math is typeset
  at build time (hooks/math_render.py), so the browser needs no KaTeX script.
- The animation player's script and stylesheet, which ship with the package
  (``calcnotes/viz/player.js`` and ``figure.css``), as ``javascripts/calcnotes.js``
  and ``stylesheets/figure.css``.
- Every ``snippets/**/*.py`` is published under ``snippets/`` so each example
  on a page can link to the very file that produced its output.

Both work for ``mkdocs build`` and ``mkdocs serve`` alike (files are added to
the build, not copied afterwards).
"""

from __future__ import annotations

from importlib import util
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
KATEX_FILES = ["katex.min.css"]


def _add(files: Files, config, src_uri: str, path: Path) -> None:
    files.append(File.generated(config, src_uri, abs_src_path=str(path)))


def on_files(files: Files, config) -> Files:
    if not (KATEX_DIST / "katex.min.css").is_file():
        raise PluginError(
            f"KaTeX is missing from {KATEX_DIST}: run `npm ci` in {ROOT} "
            "(`make serve` and `make test` do it for you)."
        )
    for name in KATEX_FILES:
        _add(files, config, f"assets/katex/{name}", KATEX_DIST / name)
    # Browsers that run this site all take WOFF2, the first format KaTeX's CSS lists.
    for font in sorted((KATEX_DIST / "fonts").glob("*.woff2")):
        _add(files, config, f"assets/katex/fonts/{font.name}", font)

    # The animation player ships with the package; the site serves the same files.
    spec = util.find_spec("calcnotes")  # where the build imports it from (not imported here)
    if spec is None or not spec.origin:
        raise PluginError("calcnotes is not installed: run `make serve` (or `pip install -e .`)")
    player = Path(spec.origin).parent / "viz"
    _add(files, config, "javascripts/calcnotes.js", player / "player.js")
    _add(files, config, "stylesheets/figure.css", player / "figure.css")

    for script in sorted((ROOT / "snippets").rglob("*.py")):
        _add(files, config, script.relative_to(ROOT).as_posix(), script)
    return files
