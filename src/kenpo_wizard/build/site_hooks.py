"""MkDocs hooks for the member guide (``hooks:`` in mkdocs.yml).

* ``<!-- kenpo:NAME -->`` placeholders in a page are replaced by blocks generated from the
  leaflet's data (:mod:`kenpo_wizard.build.site_content`); unknown names stay for others.
* Glossary terms get ``<abbr title>`` on their first occurrence in each page.
* Every page ends with the contact route (:mod:`kenpo_wizard.contact`, configured once).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

_SRC = Path(__file__).resolve().parents[2]
if str(_SRC) not in sys.path:  # a fresh clone before `pip install -e .`
    sys.path.insert(0, str(_SRC))

from kenpo_wizard.build import answer_blocks, site_content  # noqa: E402


def _base(page: Any) -> str:
    """Relative path from a page to the site root (directory URLs)."""
    url: str = page.url or ""
    depth = url.count("/")
    return "../" * depth


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    html = site_content.fill_placeholders(html, _base(page))
    if page.meta.get("abbreviations", True):
        html = site_content.abbreviate(html)
    return html + answer_blocks.contact_html()  # every page ends with whom to ask


# Material puts autocomplete="off" on its two hidden toggle checkboxes (so Firefox does not
# restore them on back navigation); HTML allows that attribute on text-like inputs only, so the
# Nu checker rejects it. It is dropped here and kenpo.js resets the toggles on page show.
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">'
)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1>", output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The same for pages rendered from a template alone (404.html)."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1>", output_content)
