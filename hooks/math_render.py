"""Typeset every formula at build time with KaTeX, so the browser loads no math script.

Where the math is, once a page is HTML (``on_page_content``):

- chapter pages and the API page (docstrings go through the same Markdown):
  pymdownx.arithmatex (``generic: true``) leaves ``<span class="arithmatex">\\(…\\)</span>``
  and ``<div class="arithmatex">\\[…\\]</div>``;
- notebook pages (hooks/notebooks.py): nbconvert leaves ``$…$``, ``$$…$$``, ``\\(…\\)``
  and ``\\[…\\]`` in the text of the Markdown cells (never in code or outputs).

Each formula is rendered by KaTeX on Node (``hooks/katex_render.mjs``: HTML for
the eye beside MathML for assistive technology) and put in the page in its
place:

- inline: ``<span class="arithmatex">KaTeX</span>``; punctuation right after
  it (and an opening bracket right before) goes with it into a
  ``<span class="cn-math-nobreak">``, so a line never breaks between them;
- display: ``<div class="arithmatex cn-math-display" tabindex="0">`` (a
  ``<span>`` in a notebook's paragraph), a box that scrolls sideways when the
  formula is wider than the page (stylesheets/math.css draws the cue), and that
  the keyboard can reach, as Material's code blocks.

Search: Material indexes the page's HTML before the theme lays it out
(``on_page_context``). Until then each formula stands in the page as its
wrapper holding only the text of its MathML (``g′(w0)``), never its TeX; the
KaTeX markup, ten times larger, goes in once the page is complete
(``on_post_page``), so the index holds readable math and the search parser
does not read a megabyte more per build.

Fast: one Node process for a whole build (started only if some formula is not
cached, one request per page), and rendered formulas kept in
``.cache/math/`` keyed on the TeX, display or inline, the KaTeX version and
this renderer; a build whose formulas are all known starts no Node at all.
``CALCNOTES_EXEC_CACHE=0`` keeps nothing between builds.

A formula KaTeX cannot typeset fails the build in every mode (``--strict`` or
not, ``-q``; ``serve`` reports it and keeps the last good site), naming the
page, the formula and KaTeX's message. A formula KaTeX typesets but LaTeX
would refuse (KaTeX's strict checks: Unicode text in math mode, say) is a
warning naming the same, which ``--strict`` turns into a failed build.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import build_switches

log = logging.getLogger("mkdocs.hooks.math_render")

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_name("katex_render.mjs")
KATEX_PACKAGE = ROOT / "node_modules" / "katex" / "package.json"

FORMAT = "2"  # of the stored entries: [KaTeX's HTML, the text of its MathML, *KaTeX's warnings]
ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>',
    re.S,
)
# The rendered Markdown of a notebook cell, as nbconvert writes it.
NOTEBOOK_MARKDOWN = re.compile(r'<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>')
DIV = re.compile(r"<(/?)div\b")
TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*>")
NO_MATH_INSIDE = {"code", "pre", "script", "style", "textarea", "kbd", "samp"}
DOLLARS = re.compile(
    r"\$\$(?P<d1>.+?)\$\$"                          # $$ … $$
    r"|\\\[(?P<d2>.+?)\\\]"                          # \[ … \]
    r"|\\\((?P<i2>.+?)\\\)"                          # \( … \)
    r"|(?<![\\$])\$(?!\$)(?P<i1>.+?)(?<![\\\s])\$",  # $ … $ (not \$, not $$)
    re.S,
)
# Between two of KaTeX's break units (its top-level ``.base`` boxes, split after a
# relation or a binary operator): where a line may still break in a formula
# kept whole with its punctuation (white-space: nowrap; <wbr> stays a break).
BREAKS = re.compile(r'(</span>)(<span class="base">)')
# Punctuation that must stay on the line of the formula it follows, or precedes.
AFTER = re.compile(r"[.,;:!?…)\]}’”»]+")
BEFORE = re.compile(r"[(\[{‘“«]+$")


def katex_version() -> str:
    try:
        return json.loads(KATEX_PACKAGE.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise PluginError(
            f"KaTeX is missing from {KATEX_PACKAGE.parent}: run `npm ci` in {ROOT} "
            "(`make serve` and `make test` do it for you)."
        ) from None


class MathError(PluginError):
    """KaTeX could not typeset a formula of a page."""


class Renderer:
    """KaTeX on Node, one process for as long as it is needed, and the formulas it rendered."""

    def __init__(self) -> None:
        self.version = katex_version()
        renderer = hashlib.sha256(FORMAT.encode() + SCRIPT.read_bytes()).hexdigest()[:12]
        self.name = f"katex-{self.version}-{renderer}.json"
        self.directory: Path | None = None
        self.known: dict[str, list[str]] = {}  # "d\0tex" / "i\0tex" -> [KaTeX's HTML, its text, *warnings]
        self.used: set[str] = set()
        self.added = 0
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()

    @staticmethod
    def key(tex: str, display: bool) -> str:
        return ("d" if display else "i") + "\0" + tex

    def load(self, directory: Path | None) -> None:
        """Use the formulas stored in *directory* (None: store nothing)."""
        if directory != self.directory:
            self.directory, self.known = directory, {}
            if directory is not None:
                try:
                    self.known = json.loads((directory / self.name).read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    self.known = {}
        self.used, self.added = set(), 0

    def store(self, everything_built: bool) -> None:
        """Keep this build's formulas (only them, after a full build) for the next one."""
        if self.directory is None or (not self.added and len(self.used) == len(self.known)):
            return
        kept = {k: v for k, v in self.known.items() if k in self.used} if everything_built else self.known
        self.directory.mkdir(parents=True, exist_ok=True)
        for stale in self.directory.glob("katex-*.json"):
            if stale.name != self.name:
                stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(kept, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, self.directory / self.name)
        self.known = kept

    def _start(self) -> subprocess.Popen:
        node = shutil.which("node")
        if node is None:
            raise PluginError("Node.js (`node`) is needed to typeset the math at build time: install it "
                              "(Debian: apt-get install nodejs), then `npm ci`.")
        process = subprocess.Popen(
            [node, str(SCRIPT)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        hello = process.stdout.readline()
        try:
            version = json.loads(hello)["katex"]
        except (ValueError, KeyError, TypeError):
            process.kill()
            raise PluginError(f"{SCRIPT.name} did not start: {hello}{process.stderr.read()[-2000:]}") from None
        if version != self.version:
            process.kill()
            raise PluginError(f"Node loaded KaTeX {version}, node_modules has {self.version}: run `npm ci`")
        return process

    def _ask(self, batch: list[tuple[str, bool]]) -> list[dict]:
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self.process = self._start()
            process = self.process
            try:
                process.stdin.write(json.dumps(batch, ensure_ascii=False) + "\n")
                process.stdin.flush()
                answer = process.stdout.readline()
                return json.loads(answer)
            except (OSError, ValueError):
                self.close()
                raise PluginError(f"{SCRIPT.name} stopped: {process.stderr.read()[-2000:]}") from None

    def render(self, formulas: list[tuple[str, bool]], where: str) -> dict[str, list[str]]:
        """[KaTeX's HTML, its text] for each (tex, display) of page *where*, by key; MathError if any fails."""
        keys = {self.key(tex, display): (tex, display) for tex, display in formulas}
        self.used.update(keys)
        missing = [k for k in keys if k not in self.known]
        if missing:
            results = self._ask([keys[k] for k in missing])
            errors = []
            for k, result in zip(missing, results):
                if "html" in result:
                    self.known[k] = [result["html"], readable(result["html"]), *result.get("warnings", [])]
                    self.added += 1
                else:
                    tex, display = keys[k]
                    errors.append(f"  {'$$' if display else '$'}{tex}{'$$' if display else '$'}\n"
                                  f"    {result['error']}")
            if errors:
                raise MathError(f"KaTeX cannot typeset {len(errors)} formula(s) on page {where}:\n"
                                + "\n".join(errors))
        found = {k: self.known[k] for k in keys}
        for k, (_, _, *warnings) in found.items():
            for warning in warnings:  # stored with the formula: a warm build warns as a cold one
                log.warning(f"KaTeX on page {where}, in {keys[k][0]!r}: {warning}")
        return found

    def close(self) -> None:
        if self.process is not None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
            self.process = None


# -------------------------------------------------------------- the page --

def _notebook_regions(page_html: str):
    """(start, end) of the text of each rendered Markdown cell of a notebook page."""
    for match in NOTEBOOK_MARKDOWN.finditer(page_html):
        depth = 1
        for div in DIV.finditer(page_html, match.end()):
            depth += -1 if div.group(1) else 1
            if depth == 0:
                yield match.end(), div.start()
                break


def _notebook_math(page_html: str):
    """(start, end, tex, display) of each formula in the notebook cells' text (not in code)."""
    for start, end in _notebook_regions(page_html):
        cell = page_html[start:end]
        shut, pos = 0, 0  # how many code-like elements are open around the text
        for tag in [*TAG.finditer(cell), None]:
            text_end = tag.start() if tag else len(cell)
            if not shut:
                for m in DOLLARS.finditer(cell, pos, text_end):
                    display = m.group("d1") is not None or m.group("d2") is not None
                    tex = next(g for g in m.group("d1", "d2", "i2", "i1") if g is not None)
                    yield start + m.start(), start + m.end(), html.unescape(tex).strip(), display
            if tag is None:
                break
            if tag.group(2).lower() in NO_MATH_INSIDE and not tag.group(0).endswith("/>"):
                shut = max(0, shut - 1) if tag.group(1) else shut + 1
            pos = tag.end()


MATHML = re.compile(r"<math\b.*?</math>", re.S)
ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.S)
# MathML's invisible operators: function application reads as a space, the others as nothing.
INVISIBLE = {0x2061: " ", 0x2062: None, 0x2063: None, 0x2064: None, 0x200B: None}
PLACEHOLDER = re.compile(r' data-cn-math="(\d+)">[^<]*</(span|div)>')


def readable(katex_html: str) -> str:
    """The text of KaTeX's MathML, without the TeX it carries: what search indexes."""
    mathml = MATHML.search(katex_html)
    text = TAG.sub(" ", ANNOTATION.sub("", mathml.group(0))) if mathml else ""
    return " ".join(html.unescape(text).translate(INVISIBLE).split())


class Typeset:
    """A page's HTML as the other hooks and plugins see it, and the formulas it stands for.

    In ``html`` each formula is its wrapper holding only its readable text
    (``<span class="arithmatex" data-cn-math="3">g′(w0)</span>``): that is what
    Material's search indexes, and its parser need not read KaTeX's markup,
    ten times larger. `fill` puts KaTeX's HTML in, once the page is complete.
    """

    def __init__(self, page_html: str, formulas: list[str]) -> None:
        self.html, self.formulas = page_html, formulas

    def fill(self, output: str) -> str:
        return PLACEHOLDER.sub(lambda m: f">{self.formulas[int(m.group(1))]}</{m.group(2)}>", output)


def typeset(page_html: str, renderer: Renderer, where: str, notebook: bool) -> Typeset:
    """*page_html* with every formula typeset by KaTeX (see `Typeset`)."""
    found = []  # (start, end, tex, display, tag)
    for m in ARITHMATEX.finditer(page_html):
        display = m.group("display") is not None
        tex = html.unescape(m.group("display") if display else m.group("inline"))
        found.append((m.start(), m.end(), tex, display, m.group("tag")))
    if notebook:
        found += [(s, e, tex, display, "span") for s, e, tex, display in _notebook_math(page_html)]
        found.sort()
    if not found:
        return Typeset(page_html, [])
    rendered = renderer.render([(tex, display) for _, _, tex, display, _ in found], where)

    out, formulas, pos = [], [], 0
    for start, end, tex, display, tag in found:
        math, text = rendered[Renderer.key(tex, display)][:2]
        n = len(formulas)
        formulas.append(math)
        if display:
            out += [page_html[pos:start],
                    f'<{tag} class="arithmatex cn-math-display" tabindex="0" data-cn-math="{n}">'
                    f"{html.escape(text, quote=False)}</{tag}>"]
            pos = end
            continue
        inline = f'<span class="arithmatex" data-cn-math="{n}">{html.escape(text, quote=False)}</span>'
        after = AFTER.match(page_html, end)
        before = BEFORE.search(page_html, max(pos, start - 8), start)
        if before or after:
            formulas[n] = BREAKS.sub(r"\1<wbr>\2", math)
            opening = before.group(0) if before else ""
            closing = after.group(0) if after else ""
            out += [page_html[pos:before.start() if before else start],
                    f'<span class="cn-math-nobreak">{opening}{inline}{closing}</span>']
            pos = after.end() if after else end
        else:
            out += [page_html[pos:start], inline]
            pos = end
    out.append(page_html[pos:])
    return Typeset("".join(out), formulas)


# ------------------------------------------------------------- the hooks --

_renderer: Renderer | None = None
_pages: dict[str, Typeset] = {}
_dirty = False


def on_startup(command, dirty) -> None:
    global _dirty
    _dirty = dirty


def on_pre_build(config) -> None:
    global _renderer
    if _renderer is None:
        _renderer = Renderer()
    _pages.clear()
    project = Path(config.config_file_path).parent
    _renderer.load(project / ".cache" / "math" if build_switches.caches_on() else None)


@event_priority(-50)  # after every plugin and hook that writes the page's HTML
def on_page_content(page_html, page, config, files):
    notebook = page.file.src_uri.endswith(".ipynb")
    done = typeset(page_html, _renderer, page.file.src_uri, notebook)
    _pages[page.file.src_uri] = done
    return done.html


@event_priority(100)  # before anything else reads the finished page
def on_post_page(output, page, config):
    done = _pages.pop(page.file.src_uri, None)
    return done.fill(output) if done and done.formulas else output


def on_post_build(config) -> None:
    _renderer.store(everything_built=not _dirty)
    log.debug(f"math: {len(_renderer.used)} formulas, {_renderer.added} typeset by KaTeX")


def on_shutdown() -> None:
    if _renderer is not None:
        _renderer.close()
