"""Math is typeset at build time (hooks/math_render.py): every formula of every page
is KaTeX's HTML beside its MathML, no TeX is left for a reader to see, the
browser gets no KaTeX script, and a formula KaTeX cannot typeset fails the build.

Browser checks (line breaks, page width, scrolling formulas) are in test_browser.py.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
import math_render  # noqa: E402

NOTEBOOKS = sorted((ROOT / "docs" / "exercises").glob("*.ipynb"))
# What TeX looks like when it was not typeset: its delimiters, or a command.
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$]*\$|\\[a-zA-Z]{2,}")


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    r = math_render.Renderer()
    r.load(tmp_path_factory.mktemp("math-cache"))
    yield r
    r.close()


def _page(body: str, renderer, notebook: bool = False) -> str:
    """*body* typeset as the build does it: placeholders while search reads, then the formulas."""
    done = math_render.typeset(body, renderer, "demo.md", notebook)
    assert "katex" not in done.html  # what the search plugin parses holds no KaTeX markup
    return done.fill(done.html)


# ------------------------------------------------------------ the hook --


def test_an_inline_and_a_display_formula_become_katex_html_beside_mathml(renderer):
    page = _page('<p>Let <span class="arithmatex">\\(a &lt; b\\)</span> hold</p>\n'
                 '<div class="arithmatex">\\[\\frac{a}{b}\\]</div>', renderer)
    assert page.count('class="katex"') == 2 and page.count("<math") == 2
    assert '<annotation encoding="application/x-tex">a &lt; b</annotation>' in page  # unescaped, then escaped once
    assert re.search(r'<div class="arithmatex cn-math-display" tabindex="0"><span class="katex-display">', page)
    assert "\\(" not in page and "\\[" not in page and "data-cn-math" not in page


def test_punctuation_after_a_formula_and_a_bracket_before_it_stay_with_it(renderer):
    page = _page('<p>so (<span class="arithmatex">\\(x = 1 + y\\)</span>), and '
                 '<span class="arithmatex">\\(z\\)</span> is free</p>', renderer)
    assert page.count('class="cn-math-nobreak"') == 1
    start = page.index('<p>so <span class="cn-math-nobreak">(<span class="arithmatex">')
    end = page.index("</span>),</span> and ")
    # kept whole with its punctuation, the formula may still break where KaTeX breaks it
    assert page[start:end].count("<wbr>") == 2  # after "x =" and after "1 +"
    assert "<wbr>" not in page[end:] and page.endswith("</span> is free</p>")


def test_a_notebook_cell_s_formulas_are_typeset_but_never_its_code(renderer):
    cell = ('<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput" data-mime-type="text/markdown">'
            '<p>Costs $5 and $6 in <code>$x$</code>, but $w^0$ and</p><p>$$\n\\sum_k w_k\n$$</p>'
            '<div class="highlight"><pre>print("$y$")</pre></div><p>\\(h\\), \\[h^2\\]</p></div>'
            '<pre>"$z$" outside the cells</pre>')
    page = _page(cell, renderer, notebook=True)
    annotations = re.findall(r'<annotation encoding="application/x-tex">(.*?)</annotation>', page, re.S)
    assert annotations == ["w^0", "\\sum_k w_k", "h", "h^2"]  # "$5 and $6" is no formula
    assert "<code>$x$</code>" in page and 'print("$y$")' in page and '"$z$" outside' in page


def test_search_sees_each_formula_as_the_text_of_its_mathml_never_its_tex(renderer):
    done = math_render.typeset('<p><span class="arithmatex">\\(\\nabla g(\\mathbf{w}^0) \\cdot v\\)</span></p>',
                               renderer, "demo.md", False)
    text = re.sub(r"<[^>]+>", "", done.html)
    assert "∇" in text and "⋅" in text and "w" in text
    assert not RAW_TEX.search(text) and "\\" not in text


def test_a_formula_katex_cannot_typeset_raises_naming_the_page_and_the_formula(renderer):
    with pytest.raises(math_render.MathError) as error:
        math_render.typeset('<p><span class="arithmatex">\\(\\frac{1}{\\)</span> and '
                            '<span class="arithmatex">\\(\\undefinedcommand x\\)</span></p>', renderer, "bad.md", False)
    message = str(error.value)
    assert "bad.md" in message and "2 formula" in message
    assert "$\\frac{1}{$" in message and "\\undefinedcommand" in message


def test_a_formula_latex_would_refuse_is_a_warning_each_build_even_from_the_cache(tmp_path, caplog):
    for _ in range(2):  # typeset, then from the cache
        r = math_render.Renderer()
        r.load(tmp_path)
        caplog.clear()
        r.render([("café", False), ("x", False)], "accents.md")
        r.store(everything_built=True)
        r.close()
        warnings = [rec.getMessage() for rec in caplog.records if rec.levelname == "WARNING"]
        assert len(warnings) == 1 and "accents.md" in warnings[0] and "'café'" in warnings[0], warnings


def test_typeset_formulas_are_kept_by_tex_display_and_katex_version_so_a_warm_build_starts_no_node(tmp_path):
    first = math_render.Renderer()
    first.load(tmp_path)
    first.render([("x^2", False), ("x^2", True)], "a.md")
    assert first.process is not None
    first.store(everything_built=True)
    first.close()
    stored = list(tmp_path.glob("katex-*.json"))
    assert [p.name.split("-")[1] for p in stored] == [math_render.katex_version()]

    second = math_render.Renderer()
    second.load(tmp_path)
    inline, display = second.render([("x^2", False), ("x^2", True)], "a.md").values()
    assert second.process is None  # nothing to typeset: Node is never started
    assert "katex-display" in display[0] and "katex-display" not in inline[0]


def test_after_a_full_build_only_the_formulas_still_in_use_are_kept(tmp_path):
    r = math_render.Renderer()
    r.load(tmp_path)
    r.render([("a", False), ("b", False)], "a.md")
    r.store(everything_built=True)
    r.load(tmp_path)
    r.render([("a", False)], "a.md")
    r.store(everything_built=True)
    r.close()
    again = math_render.Renderer()
    again.load(tmp_path)
    assert set(again.known) == {math_render.Renderer.key("a", False)}


# ------------------------------------------------------------ the site --


class _VisibleText(HTMLParser):
    """The text a reader sees on a page, less code (which may hold "$" or "\\n" as code does)."""

    HIDDEN = {"script", "style", "template", "annotation", "head", "title"}
    CODE = {"pre", "code", "kbd", "samp"}
    VOID = {"br", "img", "input", "link", "meta", "hr", "wbr", "source", "col", "path", "use"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, whether its text is hidden or code)
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, tag in self.HIDDEN | self.CODE))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if any(t == tag for t, _ in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not any(hidden for _, hidden in self.stack):
            self.text.append(data)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def _visible(page: Path) -> str:
    parser = _VisibleText()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(parser.text)


@pytest.mark.site
def test_no_page_shows_tex_to_a_reader(built_site):
    shown = {page.relative_to(built_site).as_posix(): RAW_TEX.findall(_visible(page))[:5]
             for page in _pages(built_site)}
    assert not {page: tex for page, tex in shown.items() if tex}


@pytest.mark.site
def test_every_formula_on_every_page_is_katex_with_mathml(built_site):
    total = 0
    for page in _pages(built_site):
        text = page.read_text(encoding="utf-8")
        wrappers = re.findall(r'<(?:span|div) class="arithmatex[^"]*"[^>]*>(<span class="katex[^"]*">)?', text)
        assert all(wrappers), (page, "a math wrapper without KaTeX in it")
        assert text.count('<span class="katex">') == len(wrappers) == text.count("<math ")
        assert text.count('<annotation encoding="application/x-tex">') == len(wrappers)
        assert "katex-error" not in text and "data-cn-math" not in text, page
        total += len(wrappers)
    assert total > 500


def _notebook_formulas(path: Path) -> int:
    """How many formulas the notebook's Markdown cells hold, counted from its source."""
    count = 0
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            prose = re.sub(r"```.*?```|`[^`\n]*`", "", cell.source, flags=re.S)
            count += len(re.findall(r"\$\$.+?\$\$|\$[^$]+?\$", prose, flags=re.S))  # $…$ may span lines
    return count


@pytest.mark.site
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_formula_of_a_notebook_s_markdown_is_typeset_on_its_page(built_site, path):
    page = (built_site / "exercises" / path.stem / "index.html").read_text(encoding="utf-8")
    wrapper = page[page.index('<div class="jupyter-wrapper">'):]
    expected = _notebook_formulas(path)
    assert expected > 10
    assert wrapper.count('<span class="katex">') == expected


@pytest.mark.site
def test_the_browser_gets_no_katex_script_but_the_site_serves_its_stylesheet_and_fonts(built_site):
    assert not list(built_site.rglob("katex*.js")) and not list(built_site.rglob("auto-render*"))
    assert not (built_site / "javascripts" / "katex-init.js").exists()
    assert (built_site / "assets/katex/katex.min.css").is_file()
    fonts = {p.name for p in (built_site / "assets/katex/fonts").glob("*.woff2")}
    assert {"KaTeX_Main-Regular.woff2", "KaTeX_Math-Italic.woff2"} <= fonts
    for page in _pages(built_site):
        text = page.read_text(encoding="utf-8")
        scripts = re.findall(r'<script[^>]*\ssrc="([^"]*)"', text)
        assert not [s for s in scripts if "katex" in s.lower()], page
        assert "katex.min.css" in text, page
        assert "renderMathInElement" not in text, page


# ------------------------------------------------- a small site of its own --

NOTEBOOK = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_markdown_cell("# A notebook\n\nInline $a^2 + b^2$, then\n\n$$\n\\int_0^1 x\\,dx\n$$\n\n"
                                  "and `$in code$`."),
    nbformat.v4.new_code_cell('print("$5 and $6")'),
])
MODULE = '''"""A tiny module."""


def square(x):
    r"""The square $x^2$ of `x`; its derivative is \\(2x\\).

    $$
    \\frac{d}{dx} x^2 = 2x
    $$
    """
    return x * x
'''


def _project(tmp_path: Path, page: str, notebook=NOTEBOOK) -> Path:
    """A site with a page, a notebook and an API page, typeset by the site's own hook."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "hooks", project / "hooks")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "docs").mkdir(parents=True)
    (project / "src").mkdir()
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    (project / "docs" / "api.md").write_text("# API\n\n::: tinymod.square\n", encoding="utf-8")
    (project / "docs" / "exercises").mkdir()
    nbformat.write(notebook, project / "docs" / "exercises" / "notebook.ipynb")
    (project / "src" / "tinymod.py").write_text(MODULE, encoding="utf-8")
    (project / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: demo
        theme: {name: material, font: false}
        nav: [index.md, exercises/notebook.ipynb, api.md]
        hooks: [hooks/notebooks.py, hooks/math_render.py, hooks/search_exclude.py]
        plugins:
          - search
          - mkdocstrings: {handlers: {python: {paths: [src]}}}
        markdown_extensions:
          - pymdownx.arithmatex: {generic: true}
        """), encoding="utf-8")
    return project


@pytest.mark.site
def test_a_small_site_has_its_page_notebook_and_docstring_math_typeset(tmp_path):
    project = _project(tmp_path, "# Page\n\nWe have $w^0$, and\n\n$$\ng'(w) = \\cos w.\n$$\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    out = tmp_path / "out"
    counts = {}
    for name in ("index.html", "exercises/notebook/index.html", "api/index.html"):
        page = out / name
        assert not RAW_TEX.findall(_visible(page)), name
        counts[name] = page.read_text(encoding="utf-8").count("<math ")
    assert counts == {"index.html": 2, "exercises/notebook/index.html": 2, "api/index.html": 3}
    notebook = (out / "exercises" / "notebook" / "index.html").read_text(encoding="utf-8")
    assert "<code>$in code$</code>" in notebook and "$5 and $6" in notebook


BROKEN = {"page": ("# Page\n\nBroken: $\\frac{1}{$.\n", NOTEBOOK, "index.md"),
          "notebook": ("# Page\n", nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
              "Broken: $\\frac{1}{$.")]), "notebook.ipynb")}
MODES = {"--strict": ([], True), "-q --strict": (["-q"], True), "plain": ([], False), "-q": (["-q"], False)}


@pytest.mark.site
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("where", BROKEN)
def test_a_formula_katex_cannot_typeset_fails_the_build_in_every_mode_naming_page_and_formula(tmp_path, where, mode):
    page, notebook, source = BROKEN[where]
    args, strict = MODES[mode]
    result = mkdocs_build(_project(tmp_path, page, notebook), tmp_path / "out", *args, strict=strict)
    assert result.returncode != 0
    assert source in result.stderr and "\\frac{1}{" in result.stderr, result.stderr[-3000:]
    assert not (tmp_path / "out" / "index.html").exists()
