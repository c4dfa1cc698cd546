"""Checks of the built files: Nu Html Checker, internal links and anchors, print styles."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sitekit import PAGES, ROOT

from kenpo_wizard.contact import ASSOCIATION_CONTACT, FORMS_PAGE
from kenpo_wizard.registry import OUTSIDE_SOURCES

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages of the Nu checker that are known false positives, with why (none needed so far:
# Material's autocomplete="off" on checkboxes is removed by the kenpo plugin).
KNOWN_FALSE_POSITIVES: tuple[str, ...] = ()


def test_html_validates(site_dir: Path) -> None:
    if not VNU.exists():
        pytest.skip("node_modules/vnu-jar is missing (make setup)")
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed")
    files = sorted(str(p) for p in site_dir.rglob("*.html"))
    css = str(site_dir / "assets" / "stylesheets" / "kenpo.css")
    # The site's folder, not its ~22,000 file names (too long a command line), then our CSS.
    messages = [
        *_nu(java, "--skip-non-html", str(site_dir)),
        *_nu(java, "--also-check-css", css),
    ]
    errors = [
        f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if not any(known in m.get("message", "") for known in KNOWN_FALSE_POSITIVES)
    ]
    assert len(files) >= len(PAGES)
    assert errors == []


def _nu(java: str, *args: str) -> list[dict[str, str]]:
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    messages: list[dict[str, str]] = json.loads(result.stderr or result.stdout)["messages"]
    return messages


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag in ("a", "link") and a.get("href"):
            self.hrefs.append(str(a["href"]))
        if tag in ("script", "img", "source") and a.get("src"):
            self.hrefs.append(str(a["src"]))


def _parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


# Links a reader may follow out of the site (no automatic request goes there).
# Links out go only to the sources the registry cites and the contact route (one place each).
EXTERNAL_ALLOWED = tuple(
    sorted(
        {"https://www.mhlw.go.jp/", FORMS_PAGE, ASSOCIATION_CONTACT.website or ""}
        | {s.url for s in OUTSIDE_SOURCES.values() if s.url}
    )
)


def test_internal_links_and_anchors_resolve(site_dir: Path) -> None:
    parsed = {p: _parse(p) for p in site_dir.rglob("*.html")}
    problems: list[str] = []
    for page, links in parsed.items():
        if page.name == "404.html":
            continue  # 404 uses absolute links to the site root
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                if not href.startswith(EXTERNAL_ALLOWED):
                    problems.append(f"{page}: external {href}")
                continue
            if parts.scheme in ("mailto", "tel", "data", "javascript"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{page}: {href} → missing {target}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page}: {href} → no #{unquote(parts.fragment)}")
    assert problems == []


def test_every_page_is_linked_from_the_navigation(site_dir: Path) -> None:
    hrefs = _parse(site_dir / "index.html").hrefs
    for page in PAGES[1:]:
        assert any(h.rstrip("/").endswith(page.rstrip("/")) for h in hrefs), page


def test_top_page_leads_into_the_wizard(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="wizard/"' in html


def test_print_stylesheet_applies_to_every_page(site_dir: Path) -> None:
    css = (site_dir / "assets" / "stylesheets" / "kenpo.css").read_text(encoding="utf-8")
    assert "@media print" in css
    for page in PAGES:
        html = (site_dir / page / "index.html").read_text(encoding="utf-8")
        assert "assets/stylesheets/kenpo.css" in html, page
