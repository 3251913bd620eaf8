"""Page output: inline SVG that follows the palette, accessible figures, readable tables."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from calcnotes import tangent_line
from calcnotes.legacy import (
    INK,
    figure_html,
    line_equation,
    number,
    player_html,
    style,
    svg_markup,
    table,
    to_html,
)


def _figure(y=(0.0, 1.0), title="a line") -> Figure:
    with style():
        fig = Figure(figsize=(3, 2))
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
    assert INK not in svg
    assert not re.search(r"#000000|#000\b|\bblack\b", svg, re.IGNORECASE)
    # Matplotlib omits `fill` on black text; every text must name its colour.
    for text in re.findall(r"<text\b[^>]*>", svg):
        assert "fill" in text or "class=" in text, text


def test_the_background_is_transparent():
    svg = svg_markup(_figure())
    assert "#ffffff" not in svg.lower()


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


def test_the_style_context_leaves_global_settings_untouched():
    before = dict(matplotlib.rcParams)
    with style():
        assert matplotlib.rcParams["text.color"] == INK
    svg_markup(_figure())
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


# -------------------------------------------------------------------- figures --


def test_a_figure_has_role_img_an_aria_label_a_title_and_a_visible_caption():
    page = figure_html(_figure(), alt="A rising line.", caption="Figure 1: a line.")
    assert page.startswith("<figure") and page.endswith("</figure>")
    svg_tag = re.search(r"<svg\b[^>]*>", page)[0]
    assert 'role="img"' in svg_tag
    assert 'aria-label="A rising line."' in svg_tag
    assert page[page.index(svg_tag) + len(svg_tag):].startswith("<title>A rising line.</title>")
    assert "<figcaption>Figure 1: a line.</figcaption>" in page


def test_alt_text_and_caption_are_escaped():
    page = figure_html(_figure(), alt='a "quoted" <alt>', caption="x < y & z")
    assert 'aria-label="a &quot;quoted&quot; &lt;alt&gt;"' in page
    assert "<figcaption>x &lt; y &amp; z</figcaption>" in page


@pytest.mark.parametrize("alt, caption", [("", "caption"), ("alt", "  "), (None, "caption")])
def test_a_figure_without_alt_text_or_caption_is_refused(alt, caption):
    with pytest.raises(ValueError):
        figure_html(_figure(), alt=alt, caption=caption)


def test_to_html_takes_figures_and_animations_and_refuses_anything_else():
    assert to_html(_figure(), alt="a", caption="b").startswith('<figure class="cn-figure">')

    class Movie:
        def to_html(self, *, alt, caption):
            return f"<movie {alt} {caption}>"

    assert to_html(Movie(), alt="a", caption="b") == "<movie a b>"
    with pytest.raises(TypeError):
        to_html("<svg></svg>", alt="a", caption="b")


def test_the_player_refuses_labels_that_do_not_match_the_frames():
    svg = '<svg><g class="cn-anim-layer"></g></svg>'
    with pytest.raises(ValueError, match="labels"):
        player_html(svg, ["<a/>", "<b/>"], alt="a", caption="c", labels=["one"])
    with pytest.raises(ValueError, match="cn-anim-layer"):
        player_html("<svg></svg>", ["<a/>"], alt="a", caption="c")


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


def test_a_bar_in_a_header_or_cell_does_not_split_the_column():
    text = table([["|a|", 1.0]], headers=["|x − y|", "v"])
    header, _, row = text.splitlines()
    assert header.count(" | ") == row.count(" | ") == 1
    assert "\\|x − y\\|" in header and "\\|a\\|" in row
