"""Shared constants and helpers of the site tests (pages, paths, page text)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from kenpo_wizard.web.pages import PAGE_TITLES

ROOT = Path(__file__).resolve().parents[2]

# Every page of the site (directory URLs), as served: the engine's one map of pages.
PAGES = tuple(PAGE_TITLES)


class _TextParser(HTMLParser):
    """Text of a page's <body> without scripts and styles (the words a reader gets)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


def page_text(site_dir: Path, page: str) -> str:
    return html_text((site_dir / page / "index.html").read_text(encoding="utf-8"))
