"""Glossary terms in a page's text get ``<abbr title>`` on their first occurrence.

The terms and their definitions are the glossary's (:mod:`kenpo_site.blocks.glossary`).
"""

from __future__ import annotations

import re

from .blocks.glossary import GlossaryEntry, entries
from .render import render

_SKIP_TAGS = frozenset(
    {
        "a",
        "abbr",
        "code",
        "pre",
        "script",
        "style",
        "svg",
        "title",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "button",
        "summary",
        "time",
        "th",
        "dt",
        "label",
    }
)
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def _abbr_map() -> dict[str, GlossaryEntry]:
    terms: dict[str, GlossaryEntry] = {}
    for entry in entries():
        for term in (entry.term, *entry.aliases):
            terms[term] = entry
    return terms


def abbreviate(page_html: str) -> str:
    """Wrap each glossary term's first occurrence in a page's text in ``<abbr title>``.

    Headings, links, code, SVG, table headers and existing ``abbr`` are left alone. Longer
    terms win (マイナ保険証 before 保険証). ``tabindex`` lets a tap or Tab show the tooltip.
    """
    terms = _abbr_map()
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    done: set[str] = set()
    stack: list[str] = []
    out: list[str] = []
    for part in _TAG.split(page_html):
        if part.startswith("<"):
            m = _TAG_NAME.match(part)
            if m and not part.startswith("<!"):
                name = m.group(1).lower()
                if part.startswith("</"):
                    if name in stack:
                        while stack and stack.pop() != name:
                            pass
                elif not part.endswith("/>") and (name in _SKIP_TAGS or "data-noabbr" in part):
                    stack.append(name)
            out.append(part)
            continue
        if stack or not part.strip():
            out.append(part)
            continue

        def wrap(match: re.Match[str]) -> str:
            term = match.group(0)
            entry = terms[term]
            if entry.term in done:
                return term
            done.add(entry.term)
            return render("abbr.html.j2", term=term, definition=entry.definition)

        out.append(pattern.sub(wrap, part))
    return "".join(out)
