"""Page output: inline SVG that follows the palette, accessible figures, readable tables."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from calcnotes import Table, show, tangent_line
from calcnotes.output import ALT, CAPTION, table
from calcnotes.text import line_equation, number
from calcnotes.viz import Animation, animate
from calcnotes.viz.style import style
from calcnotes.viz.svg import figure_svg as svg_markup
from calcnotes.viz.svg import label_svg


def _figure(y=(0.0, 1.0), title="a line") -> Figure:
    fig = Figure(figsize=(3, 2))  # Matplotlib's own defaults: black text, white background
    ax = fig.add_subplot()
    ax.plot([0.0, 1.0], list(y), label="data")
    ax.set_title(title)
    ax.set_xlabel("w")
    ax.legend()
    return fig


def _ids(svg: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', svg)


def _references(svg: str) -> set[str]:
    return {a or b for a, b in re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', svg)}


# ------------------------------------------------------------------------- SVG --


def test_svg_markup_starts_at_the_svg_element_without_prolog_or_doctype():
    svg = svg_markup(_figure())
    assert svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg


def test_line_art_is_drawn_in_current_color_and_never_in_hard_coded_black():
    svg = svg_markup(_figure())
    assert "currentColor" in svg
    assert not re.search(r"#000000|#000\b|\bblack\b", svg, re.IGNORECASE)
    # Matplotlib omits `fill` on black text; every text must name its colour.
    for text in re.findall(r"<text\b[^>]*>", svg):
        assert "fill" in text or "class=" in text, text


def test_the_background_and_the_legend_box_are_transparent():
    svg = svg_markup(_figure())
    assert "#ffffff" not in svg.lower() and "fill: #fff" not in svg.lower()


def test_the_svg_is_well_formed_xml():
    ET.fromstring(svg_markup(_figure()))


def test_the_svg_carries_no_page_wide_style_rule_and_no_metadata():
    svg = svg_markup(_figure())
    assert "*{" not in svg and "<metadata" not in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_the_same_figure_gives_the_same_bytes():
    assert svg_markup(_figure()) == svg_markup(_figure())


def test_every_reference_points_to_an_id_inside_the_same_svg():
    svg = svg_markup(_figure())
    assert _references(svg) <= set(_ids(svg))


def test_two_different_figures_on_one_page_share_no_id():
    first, second = svg_markup(_figure()), svg_markup(_figure(y=(1.0, 0.0), title="other"))
    assert not set(_ids(first)) & set(_ids(second))
    assert len(_ids(first)) == len(set(_ids(first)))


def test_the_kits_style_context_and_rendering_leave_global_settings_untouched():
    before = dict(matplotlib.rcParams)
    with style():
        assert matplotlib.rcParams["legend.frameon"] is False
    svg_markup(_figure())
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


# ------------------------------------------------------------------- show --


def test_a_labelled_svg_has_role_img_an_aria_label_and_a_title():
    svg = label_svg(svg_markup(_figure()), 'a "quoted" <alt>')
    tag = re.search(r"<svg\b[^>]*>", svg)[0]
    assert 'role="img"' in tag and 'aria-label="a &quot;quoted&quot; &lt;alt&gt;"' in tag
    assert svg[svg.index(tag) + len(tag):].startswith("<title>a &quot;quoted&quot; &lt;alt&gt;</title>")


def _shown(obj, monkeypatch, capsys, mode: str) -> str:
    monkeypatch.setenv("CALCNOTES_SHOW", mode)
    show(obj)
    return capsys.readouterr().out


def test_on_a_page_a_figure_is_inline_svg_waiting_for_the_pages_alt_text_and_caption(monkeypatch, capsys):
    out = _shown(_figure(), monkeypatch, capsys, "page")
    assert out.strip().startswith('<figure class="cn-figure">') and out.strip().endswith("</figure>")
    assert f'aria-label="{ALT}"' in out and f"<figcaption>{CAPTION}</figcaption>" in out
    ET.fromstring(re.search(r"<svg\b.*</svg>", out, re.S)[0].replace(ALT, "a"))


def _movie() -> Animation:
    fig = Figure()
    ax = fig.add_subplot()
    ax.set_xlim(0, 3)
    dot, = ax.plot([], [], "o")
    return animate(fig, [dot], lambda i: dot.set_data([i], [i]) or f"at {i}", 3)


def test_on_a_page_an_animation_is_a_player_and_a_table_is_markdown(monkeypatch, capsys):
    out = _shown(_movie(), monkeypatch, capsys, "page")
    assert '<figure class="cn-figure cn-anim"' in out and ALT in out and CAPTION in out
    out = _shown(Table([[1, 0.5]], ["k", "v"]), monkeypatch, capsys, "page")
    assert out.strip() == "| k | v |\n| ---: | ---: |\n| 1 | 0.5 |"


def test_in_a_terminal_a_figure_is_saved_next_to_the_script_and_the_path_printed(monkeypatch, capsys, tmp_path):
    script = tmp_path / "my_example.py"
    monkeypatch.setattr(__import__("sys").modules["__main__"], "__file__", str(script), raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("calcnotes.output._saved", {})
    out = _shown(_figure(), monkeypatch, capsys, "terminal")
    assert out == "Saved the figure to my_example.png\n"
    assert (tmp_path / "my_example.png").read_bytes().startswith(b"\x89PNG")
    out = _shown(_figure(), monkeypatch, capsys, "terminal")
    assert out == "Saved the figure to my_example-2.png\n"
    out = _shown(_movie(), monkeypatch, capsys, "terminal")
    page = (tmp_path / "my_example.html").read_text(encoding="utf-8")
    assert "my_example.html" in out and "<!doctype html>" in page and "cn-anim-data" in page
    assert "<script>" in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "<" not in out


def test_in_a_terminal_a_table_prints_as_aligned_text(monkeypatch, capsys):
    out = _shown(Table([["sin", 0.5], ["cos", -2.25]], ["name", "value"]), monkeypatch, capsys, "terminal")
    assert out.splitlines() == ["name  value", "----  -----", "sin     0.5", "cos   −2.25"]


def test_show_refuses_anything_else_and_a_mode_it_does_not_know(monkeypatch):
    with pytest.raises(TypeError, match="Figure, an Animation, a Table or a str"):
        show(42)
    monkeypatch.setenv("CALCNOTES_SHOW", "paper")
    with pytest.raises(ValueError, match="CALCNOTES_SHOW"):
        show("text")


def test_in_jupyter_an_animation_carries_its_own_player_script_and_stylesheet():
    html = _movie()._repr_html_()
    assert "<script>" in html and "<style>" in html and "cn-anim-data" in html


# -------------------------------------------------------------------- numbers --


@pytest.mark.parametrize(
    "value, text",
    [
        (2.0000000000575113, "2"),
        (-3.0000000000575113, "−3"),
        (0.1, "0.1"),
        (0.001, "0.001"),
        (0.00099, "9.9 × 10⁻⁴"),
        (1.234567e-5, "1.235 × 10⁻⁵"),
        (-4.2e-17, "−4.2 × 10⁻¹⁷"),
        (123456789.0, "1.235 × 10⁸"),
        (12345.678, "12346"),
        (0.0, "0"),
        (np.float64(0.5), "0.5"),
        (np.int64(-7), "−7"),
        (10**12, "1000000000000"),
        (math.nan, "NaN"),
        (math.inf, "∞"),
        (-math.inf, "−∞"),
        (True, "True"),
        (np.True_, "True"),
        (np.bool_(False), "False"),
        (None, "—"),
        ("text", "text"),
    ],
)
def test_numbers_are_written_for_reading(value, text):
    assert number(value) == text


def test_the_number_of_significant_digits_can_be_chosen():
    assert number(math.pi, 2) == "3.1"
    assert number(math.pi, 8) == "3.1415927"
    with pytest.raises(ValueError):
        number(1.0, 0)


@pytest.mark.parametrize(
    "line, kwargs, text",
    [
        ((2.0, -3.0), {}, "y = 2x − 3"),
        ((1.0, 0.0), {}, "y = x"),
        ((-1.0, 2.0), {}, "y = −x + 2"),
        ((0.0, 5.0), {}, "y = 5"),
        ((0.0, 0.0), {}, "y = 0"),
        ((0.5, -0.25), {"var": "w", "lhs": "h(w)"}, "h(w) = 0.5w − 0.25"),
        ((3.0000000001, -2.2499999999), {}, "y = 3x − 2.25"),
    ],
)
def test_a_line_is_written_as_an_equation(line, kwargs, text):
    assert line_equation(line, **kwargs) == text


def test_a_computed_tangent_line_is_written_as_its_equation():
    assert line_equation(tangent_line(lambda x: 3 * x**2 - 4 * x, 1.0)) == "y = 2x − 3"


# --------------------------------------------------------------------- tables --


def test_a_table_is_markdown_with_numbers_right_aligned_and_text_left_aligned():
    text = table([["sin", 0.5, 1e-9], ["cos", -2, 3]], ["name", "value", "error"])
    lines = text.splitlines()
    assert lines[0] == "| name | value | error |"
    assert lines[1] == "| :--- | ---: | ---: |"
    assert lines[2] == "| sin | 0.5 | 1 × 10⁻⁹ |"
    assert lines[3] == "| cos | −2 | 3 |"


def test_a_table_escapes_pipes_inside_cells():
    assert "| a \\| b |" in table([["a | b"]], ["text"])


def test_a_table_refuses_rows_of_the_wrong_length():
    with pytest.raises(ValueError, match="row 1"):
        table([[1, 2], [3]], ["a", "b"])


def test_a_table_can_be_empty():
    assert table([], ["a", "b"]).splitlines() == ["| a | b |", "| :--- | :--- |"]


def test_a_newline_in_a_cell_does_not_break_the_table():
    text = table([["two\nlines", 1]], headers=["a\nb", "n"])
    assert len(text.splitlines()) == 3 and "two lines" in text and "| a b | n |" in text
    assert len(str(Table([["two\nlines"]], ["t"])).splitlines()) == 3


def test_a_bar_in_a_header_or_cell_does_not_split_the_column():
    text = table([["|a|", 1.0]], headers=["|x − y|", "v"])
    header, _, row = text.splitlines()
    assert header.count(" | ") == row.count(" | ") == 1
    assert "\\|x − y\\|" in header and "\\|a\\|" in row
