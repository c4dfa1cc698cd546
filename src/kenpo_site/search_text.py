"""What the site search reads of a page: clean sentences, never the drawing's labels.

Material's search plugin keeps a page's text and drops its tags, with nothing between
elements that touch: the schedule chart's axis labels ran together into one snippet
(「R6.102024/10R7.1…」), a table row into one word (「形状マイナンバーカードプラスチックカード」).
Each drawing here says the same in words beside it (the timeline's list, the flow's list),
so drawings are left out of the index (Material's ``data-search-exclude``); table cells,
a definition list's terms and definitions, and line breaks end with a newline, which the
browser does not show and the index reads as a space. Applied to every page's HTML in
``on_page_content``, before the search plugin reads it.
"""

from __future__ import annotations

import re

_SVG = re.compile(r"<svg\b(?![^>]*\bdata-search-exclude)")
# ends of cells, terms and their definitions, and line breaks: block boxes or breaks, where
# a newline shows nothing
_TOUCHING = re.compile(r"(</(?:t[hd]|d[dt]|caption|summary)>|<br\s*/?>)(?=<|[^\s<])")


def for_search(html: str) -> str:
    """The page's HTML as the browser shows it, with what the search index must not run
    together kept apart."""
    html = _SVG.sub("<svg data-search-exclude", html)
    return _TOUCHING.sub("\\1\n", html)
