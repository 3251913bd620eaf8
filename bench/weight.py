"""Bytes per page, per animation and for the whole site.

Run: python bench/weight.py [--site DIR]   (without --site: builds the site into a temporary folder)

What is counted (bytes on disk, before any compression; 1 KB = 1000 bytes):

- a page: its HTML (inline SVG figures and animations included), plus the
  images it loads (``<img src>``, not ``data:`` URIs), plus the scripts and
  stylesheets it links that not every page links. Those that every page links
  (Material's bundle, KaTeX, calcnotes.js and .css, ...) are site-wide: a
  browser fetches them once for the whole site, so they are counted once, in
  the "site-wide assets" line, with the fonts; they are not part of any page.
- an animation: the bytes of one ``.cn-anim`` element in the page's HTML
  (its static drawing, every frame and its controls travel inside it).
- math: the bytes of the typeset formulas (``.katex`` elements: KaTeX's HTML
  and its MathML) in the page's HTML, part of "html". The math is typeset at
  build time, so no KaTeX script is needed; the report says how many bytes of
  KaTeX scripts pages link (none, unless that changes back).
- the site: every file in the built folder.

"gzip" is the page's HTML compressed (level 6), about what a static host
sends. Flags: a page over 1 MB, an animation over 400 KB (the budgets the
tests enforce), and the median page.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PAGE_BUDGET = 1_000_000
ANIMATION_BUDGET = 400_000


class PageParser(HTMLParser):
    """Images, scripts and stylesheets a page loads, and where its animations and formulas are."""

    KINDS = {"cn-anim": "animations", "katex": "formulas"}  # class -> where its elements go

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[str] = []
        self.assets: list[str] = []
        self.animations: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self.formulas: list[tuple[tuple[int, int], tuple[int, int]]] = []
        # (tag, start, depth, kind) of each open .cn-anim or outermost .katex
        self._open: list[tuple[str, tuple[int, int], int, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.assets.append(attrs["href"])
        for i, (open_tag, start, depth, kind) in enumerate(self._open):
            if open_tag == tag:
                self._open[i] = (open_tag, start, depth + 1, kind)
        classes = (attrs.get("class") or "").split()
        for name, kind in self.KINDS.items():
            if name in classes and not any(k == kind for *_, k in self._open):
                self._open.append((tag, self.getpos(), 1, kind))

    def handle_endtag(self, tag):
        for i, (open_tag, start, depth, kind) in enumerate(self._open):
            if open_tag == tag:
                self._open[i] = (open_tag, start, depth - 1, kind)
        while self._open and self._open[-1][2] == 0:
            _, start, _, kind = self._open.pop()
            getattr(self, kind).append((start, self.getpos()))


def _offsets(text: str) -> list[int]:
    """Character offset of the start of each line (1-based lines, as HTMLParser counts)."""
    starts, total = [0, 0], 0
    for line in text.split("\n"):  # HTMLParser counts lines by "\n" only
        total += len(line) + 1
        starts.append(total)
    return starts


def _local(page: Path, site: Path, url: str) -> Path | None:
    """The file a relative URL of *page* points to, or None for data: and other hosts."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = (page.parent / parts.path).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() and path.is_relative_to(site.resolve()) else None


def measure(site: Path) -> tuple[list[dict], dict]:
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    parsed = {}
    for page in pages:
        parser = PageParser()
        text = page.read_text(encoding="utf-8")
        parser.feed(text)
        parsed[page] = (parser, text)
    linked = [{_local(p, site, u) for u in parser.assets} - {None} for p, (parser, _) in parsed.items()]
    site_wide = set.intersection(*linked) if linked else set()

    rows = []
    for page, (parser, text) in parsed.items():
        html = page.stat().st_size
        images = sum(f.stat().st_size for f in {_local(page, site, u) for u in parser.images} - {None})
        own = {_local(page, site, u) for u in parser.assets} - {None} - site_wide
        own_bytes = sum(f.stat().st_size for f in own)
        lines = _offsets(text)

        def sizes(spans):
            found = []
            for (l0, c0), (l1, c1) in spans:
                start, end = lines[l0] + c0, lines[l1] + c1
                end = text.index(">", end) + 1  # to the end of the closing tag
                found.append(len(text[start:end].encode("utf-8")))
            return found

        rows.append({
            "page": page.relative_to(site).as_posix(),
            "html": html,
            "gzip": len(gzip.compress(page.read_bytes(), 6)),
            "math": sum(sizes(parser.formulas)),
            "formulas": len(parser.formulas),
            "images": images,
            "own": own_bytes,
            "total": html + images + own_bytes,
            "animations": sizes(parser.animations),
            "katex_js": sum(f.stat().st_size for f in {_local(page, site, u) for u in parser.assets} - {None}
                            if f.suffix == ".js" and "katex" in f.name.lower()),
        })
    fonts = [f for f in site.rglob("*") if f.suffix in (".woff2", ".woff", ".ttf")]
    totals = {
        "files": sum(1 for f in site.rglob("*") if f.is_file()),
        "bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
        "site_wide": sum(f.stat().st_size for f in site_wide),
        "site_wide_count": len(site_wide),
        "fonts": sum(f.stat().st_size for f in fonts),
        "search": sum(f.stat().st_size for f in site.glob("search/*")),
    }
    return rows, totals


def kb(n: int) -> str:
    return f"{n / 1000:,.0f} KB"


def report(rows: list[dict], totals: dict) -> None:
    width = max([len(r["page"]) for r in rows] + [4]) + 2
    print(f"{'page':<{width}}{'html':>10}{'gzip':>10}{'math':>10}{'images':>10}{'own js/css':>12}{'total':>11}"
          f"{'anims':>7}{'largest':>10}  flags")
    for r in sorted(rows, key=lambda r: -r["total"]):
        largest = max(r["animations"], default=0)
        flags = []
        if r["total"] > PAGE_BUDGET:
            flags.append("PAGE > 1 MB")
        if largest > ANIMATION_BUDGET:
            flags.append("ANIMATION > 400 KB")
        print(f"{r['page']:<{width}}{kb(r['html']):>10}{kb(r['gzip']):>10}{kb(r['math']):>10}{kb(r['images']):>10}"
              f"{kb(r['own']):>12}{kb(r['total']):>11}{len(r['animations']):>7}"
              f"{kb(largest) if largest else '-':>10}  {' '.join(flags)}")
    print()
    median = statistics.median(r["total"] for r in rows)
    print(f"median page: {kb(median)}   heaviest: {max(rows, key=lambda r: r['total'])['page']}   "
          f"pages over 1 MB: {sum(r['total'] > PAGE_BUDGET for r in rows)} of {len(rows)}")
    animations = sorted(((a, r["page"], i + 1) for r in rows for i, a in enumerate(r["animations"])),
                        reverse=True)
    if animations:
        sizes = [a for a, _, _ in animations]
        over = [(a, p, i) for a, p, i in animations if a > ANIMATION_BUDGET]
        print(f"animations: {len(sizes)}, median {kb(statistics.median(sizes))}, "
              f"largest {kb(sizes[0])} ({animations[0][1]} #{animations[0][2]}), over 400 KB: {len(over)}")
        for a, page, i in over:
            print(f"   ANIMATION > 400 KB: {page} #{i}: {kb(a)}")
    formulas, math = sum(r["formulas"] for r in rows), sum(r["math"] for r in rows)
    katex_js = max((r["katex_js"] for r in rows), default=0)
    print(f"math: {formulas} formulas typeset in the HTML, {kb(math)} of it "
          f"({kb(math / formulas) if formulas else '-'} a formula); KaTeX scripts a page links: "
          + (kb(katex_js) if katex_js else "none (typeset at build time)"))
    print(f"site-wide assets: {kb(totals['site_wide'])} in {totals['site_wide_count']} scripts/stylesheets"
          f" + {kb(totals['fonts'])} of fonts (fetched once, as needed)")
    print(f"whole site: {kb(totals['bytes'])} in {totals['files']} files "
          f"(search index {kb(totals['search'])})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args()
    if args.site:
        report(*measure(args.site))
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = Path(sys.executable).with_name("mkdocs")
        subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "--site-dir", tmp],
                       cwd=ROOT, env=env, check=True)
        report(*measure(Path(tmp)))


if __name__ == "__main__":
    main()
