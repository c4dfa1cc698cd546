"""What the search index reads of a page (kenpo_site.search_text): drawings left out, table
cells and line breaks kept apart, and nothing a browser shows changed."""

from __future__ import annotations

import re

from kenpo_site.search_text import for_search


def _shown(html: str) -> str:
    """The text a browser shows of simple HTML: whitespace between cells and after a line
    break is not drawn."""
    html = re.sub(r"(</t[hd]>)\s+", r"\1", html)
    html = re.sub(r"(<br\s*/?>)\s+", r"\1", html)
    return html


def test_drawings_are_left_out_of_the_index() -> None:
    html = '<p>x</p><svg class="kenpo-chart" viewBox="0 0 9 9"><text>R6.10</text><text>2024/10</text></svg>'
    out = for_search(html)
    assert '<svg data-search-exclude class="kenpo-chart"' in out
    assert for_search(out) == out  # marked once


def test_cells_and_line_breaks_end_with_a_newline() -> None:
    html = (
        "<tr><th>形状</th><td>マイナンバーカード</td><td>プラスチックカード</td></tr>"
        "<li><strong>a</strong><br>b</li>"
    )
    out = for_search(html)
    assert "<th>形状</th>\n<td>マイナンバーカード</td>\n<td>" in out
    assert "<br>\nb" in out
    assert _shown(out) == html


def test_text_without_cells_is_unchanged() -> None:
    html = "<p>保険証は<strong>令和7年12月2日</strong>から使えません。</p>"
    assert for_search(html) == html
