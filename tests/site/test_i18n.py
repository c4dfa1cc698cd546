"""The English edition (/en/, built by mkdocs-static-i18n): each translated page and its
Japanese counterpart name each other (hreflang both ways), a Japanese-only page names no
English page, every page has the language selector, the English pages and no-JS wizard pages
are English (<html lang="en">, no Japanese outside the kept names), and the service worker,
the search index and the site's headers know the English pages too.

Checks of the built files first; then in Chromium: the selector on the wizard keeps the
answers, axe-core on the English pages, English searches, the English wizard's screens.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from sitekit import PAGES, ROOT, html_text

from kenpo_wizard.flow import FLOW, Question
from kenpo_wizard.i18n import KEPT_NAMES

# The translated pages (docs/en/), as directory URLs from the language's root.
TRANSLATED = (
    "",
    "abolition/",
    "registration/",
    "certificate/",
    "notice/",
    "comparison/",
    "schedule/",
    "wizard/",
)
JAPANESE_ONLY = tuple(p for p in PAGES if p not in TRANSLATED)
EN = "en/"
# Names kept in Japanese on English pages: the kept names, and Japanese in the language
# selector (日本語, the language's own name; marked lang="ja").
ALLOWED_JAPANESE = tuple(sorted((*KEPT_NAMES, "日本語"), key=len, reverse=True))
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")

_HREFLANG = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
_SELECT = re.compile(
    r'<a href="([^"]*)" hreflang="([^"]*)" lang="([^"]*)" class="md-select__link">'
)


def _html(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def _resolve(page: str, href: str) -> str:
    """A link of the page at ``page`` (directory URL) as a path from the site's root."""
    return urlsplit(urljoin(f"http://site/{page}", href)).path.lstrip("/")


def _alternates(site_dir: Path, page: str) -> dict[str, str]:
    return {lang: _resolve(page, href) for href, lang in _HREFLANG.findall(_html(site_dir, page))}


def _visible_japanese(text: str) -> list[str]:
    for name in ALLOWED_JAPANESE:
        text = text.replace(name, " ")
    return [text[max(0, m.start() - 20) : m.end() + 20] for m in JAPANESE.finditer(text)]


# ----------------------------------------------------------------------- built files


def test_the_english_pages_are_the_translated_ones() -> None:
    docs = ROOT / "docs" / "en"
    found = {
        str(p.relative_to(docs).with_suffix("")).removesuffix("index").replace("\\", "/")
        for p in docs.rglob("*.md")
    }
    assert {f if not f or f.endswith("/") else f + "/" for f in found} == set(TRANSLATED)


@pytest.mark.parametrize("page", TRANSLATED)
def test_translated_pages_name_each_other(site_dir: Path, page: str) -> None:
    both = {"ja": page, "en": EN + page}
    assert _alternates(site_dir, page) == both  # the Japanese page
    assert _alternates(site_dir, EN + page) == both  # the English page


@pytest.mark.parametrize("page", JAPANESE_ONLY)
def test_japanese_only_pages_name_no_english_page(site_dir: Path, page: str) -> None:
    assert _alternates(site_dir, page) == {"ja": page}
    assert not (site_dir / EN / page / "index.html").exists()  # not copied under /en/
    # the selector still offers English: its home page
    links = {lang: _resolve(page, href) for href, lang, _ in _SELECT.findall(_html(site_dir, page))}
    assert links == {"ja": page, "en": EN}


@pytest.mark.parametrize("page", [*PAGES, *(EN + p for p in TRANSLATED)])
def test_every_page_has_the_language_selector(site_dir: Path, page: str) -> None:
    html = _html(site_dir, page)
    lang = "en" if page.startswith(EN) else "ja"
    assert f'<html lang="{lang}"' in html
    names = {hreflang: (lang_attr, href) for href, hreflang, lang_attr in _SELECT.findall(html)}
    assert set(names) == {"ja", "en"}
    assert all(hreflang == lang_attr for hreflang, (lang_attr, _) in names.items())
    assert re.search(r'lang="ja" class="md-select__link">\s*日本語\s*</a>', html)
    assert re.search(r'lang="en" class="md-select__link">\s*English\s*</a>', html)


def test_each_language_has_its_404_page(site_dir: Path) -> None:
    for path, lang in (("404.html", "ja"), ("en/404.html", "en")):
        html = (site_dir / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        assert not _HREFLANG.search(html)  # a missing page has no translation


def test_english_wizard_page_loads_the_sites_engine(site_dir: Path) -> None:
    """The wizard block names app/ and ../pyodide/ from wizard/: from en/wizard/ they lead
    to the site's one copy (nothing is installed twice)."""
    html = _html(site_dir, EN + "wizard/")
    block = re.search(r'<div id="kenpo-wizard"[^>]*>', html)
    assert block
    attrs = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', block.group(0)))
    assert attrs["data-static"] == "s/"  # the English no-JS pages: en/wizard/s/
    for key in ("data-runtime", "data-engine"):
        assert (site_dir / _resolve(EN + "wizard/", attrs[key])).is_dir(), attrs[key]
    ja = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', _html(site_dir, "wizard/")))
    assert _resolve("wizard/", ja["data-runtime"]) == _resolve(
        EN + "wizard/", attrs["data-runtime"]
    )
    for ref in re.findall(r'(?:href|src)="([^"]*wizard/app/[^"]*)"', html):
        assert (site_dir / _resolve(EN + "wizard/", ref)).is_file(), ref


def test_english_no_js_pages(site_dir: Path) -> None:
    info = json.loads((site_dir / "wizard" / "app" / "build.json").read_text("utf-8"))
    by_language = info["static_languages"]
    assert set(by_language) == {"ja", "en"}
    assert by_language["ja"]["pages"] == info["static_pages"]  # wizard/s/: as before
    pages = list((site_dir / EN / "wizard" / "s").glob("*.html"))
    assert len(pages) == by_language["en"]["pages"] == by_language["ja"]["pages"]
    calendars = list((site_dir / EN / "wizard" / "s" / "ics").glob("*.ics"))
    assert len(calendars) + len(pages) == by_language["en"]["files"]
    first = (site_dir / EN / "wizard" / "s" / "index.html").read_text("utf-8")
    assert '<html lang="en">' in first
    assert 'href="../../../wizard/app/wizard.css"' in first  # the site's one stylesheet
    assert re.search(r'<header class="kw-header"><a href="\.\./\.\./">', first)  # /en/
    assert 'href="../../wizard/"' in first  # the English wizard with JavaScript
    assert f'data-node="{FLOW.start}"' in first


def test_search_index_holds_every_language(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["kenpo_languages"] == {"ja": "", "en": EN}
    pages = {d["location"].split("#")[0] for d in index["docs"]}
    assert {EN + p for p in TRANSLATED} <= pages
    assert set(TRANSLATED) <= pages
    worker = '"assets/javascripts/search-ja-worker.js?lang=en"'
    assert worker.replace('"assets', '"../../assets') in _html(site_dir, EN + "abolition/")


def test_service_worker_shell_has_each_languages_404_page_and_no_pages(site_dir: Path) -> None:
    """The install caches what every page loads and the 404 pages (an unvisited page offline
    gets its language's); pages themselves are cached as they are visited."""
    sw = (site_dir / "sw.js").read_text(encoding="utf-8")
    shell = json.loads(re.search(r"const SHELL = (\[.*?\]);", sw, re.S).group(1))  # type: ignore[union-attr]
    assert {"404.html", f"{EN}404.html"} <= set(shell)
    assert not [s for s in shell if s.endswith("/") or "wizard/s/" in s or s == "./"]


def test_policy_allows_the_english_pages_scripts(site_dir: Path) -> None:
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    inline = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
    for page in (EN + p for p in TRANSLATED):
        for attrs, body in inline.findall(_html(site_dir, page)):
            if "application/json" in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in headers, (page, body[:80])


def test_sitemap_names_no_missing_address(site_dir: Path) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in sitemap  # without site_url, no <url> at all (as MkDocs' own)


@pytest.mark.parametrize("page", TRANSLATED)
def test_english_pages_have_no_japanese_outside_the_kept_names(site_dir: Path, page: str) -> None:
    found = _visible_japanese(html_text(_html(site_dir, EN + page)))
    assert found == [], found[:8]


def test_english_no_js_pages_have_no_japanese_outside_the_kept_names(site_dir: Path) -> None:
    pages = sorted((site_dir / EN / "wizard" / "s").glob("*.html"))
    sample = pages[:: max(1, len(pages) // 300)]  # ~300 pages across the whole tree
    found = {
        str(p.relative_to(site_dir)): bad[:3]
        for p in sample
        if (bad := _visible_japanese(html_text(p.read_text(encoding="utf-8"))))
    }
    assert found == {}, list(found.items())[:5]


# ----------------------------------------------------------------------- in the browser

browser_tests = pytest.mark.skip_without_chromium
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _open_selector(page: Any) -> None:
    """Material's language selector opens on focus (and hover)."""
    page.locator(".md-select > button").first.focus()
    page.locator(".md-select__inner").first.wait_for(state="visible")


def _first_answer() -> str:
    start = next(q for q in FLOW.questions if q.id == FLOW.start)
    assert isinstance(start, Question) and start.choices
    return f"{start.id}={start.choices[0].value}"


@browser_tests
def test_the_selector_on_the_wizard_keeps_the_answers(page_factory: Any, base_url: str) -> None:
    page = page_factory(1280)
    query = _first_answer()
    page.goto(f"{base_url}/wizard/?{query}#kw")
    _open_selector(page)
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(r"/en/wizard/"))
    assert urlsplit(page.url).path == "/en/wizard/"
    assert urlsplit(page.url).query == query
    assert urlsplit(page.url).fragment == "kw"
    # back to Japanese, with the address as it is now
    _open_selector(page)
    page.locator('a.md-select__link[hreflang="ja"]').click()
    page.wait_for_url(re.compile(r"/wizard/\?"))
    assert urlsplit(page.url).path == "/wizard/" and urlsplit(page.url).query == query


@browser_tests
@pytest.mark.parametrize("path", ["", "abolition/", "employers/", EN, EN + "wizard/"])
def test_no_sitemap_guessing(page_factory: Any, base_url: str, path: str) -> None:
    """Material's own alternate script would fetch <link>/sitemap.xml for each hreflang link
    (404s): kenpo.js hides the links from it while it looks, and puts them back."""
    page = page_factory(375)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(f"{base_url}/{path}")
    page.wait_for_load_state("networkidle")
    assert not [u for u in asked if u.endswith("sitemap.xml")]
    links = page.eval_on_selector_all(
        "link[rel=alternate][hreflang]", "els => els.map(e => e.hreflang)"
    )
    assert links == (["ja"] if path == "employers/" else ["ja", "en"])


@browser_tests
@pytest.mark.parametrize("path", TRANSLATED)
def test_english_pages_run_under_the_policy(strict_page: Any, base_url: str, path: str) -> None:
    """As tests/site/test_csp.py for the Japanese pages: Material's inline scripts on the
    English pages are allowed by hash (they name a deeper path to the root)."""
    strict_page.goto(f"{base_url}/{EN}{path}")
    strict_page.wait_for_load_state("load")
    assert strict_page.locator("html.js, body[data-md-color-scheme]").count() >= 1


@browser_tests
def test_the_selector_elsewhere_leads_to_the_counterpart(page_factory: Any, base_url: str) -> None:
    page = page_factory(375)
    page.goto(f"{base_url}/certificate/?today=2026-01-01")
    _open_selector(page)
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(r"/en/certificate/"))
    assert urlsplit(page.url).query == ""  # only the wizard's answers travel


@browser_tests
@pytest.mark.parametrize("width", (375, 1280))
@pytest.mark.parametrize("path", TRANSLATED)
def test_axe_on_english_pages(page_factory: Any, base_url: str, path: str, width: int) -> None:
    if not AXE.exists():
        pytest.skip("node_modules/axe-core is missing (make setup)")
    page = page_factory(width)
    page.goto(f"{base_url}/{EN}{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => v.id + ": " + v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(", "))"""
    )
    assert result == []


@browser_tests
def test_the_english_edition_works_offline_after_one_visit(browser: Any, base_url: str) -> None:
    """The service worker (one for the whole site) keeps the English pages visited and the
    engine once the English wizard has run: offline, it answers in English."""
    ctx = browser.new_context(locale="en-GB", service_workers="allow", bypass_csp=True)
    try:
        page = ctx.new_page()
        page.goto(f"{base_url}/{EN}certificate/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
        page.goto(f"{base_url}/{EN}wizard/")
        page.locator("#kenpo-wizard[data-mode='ready']").wait_for(timeout=180_000)
        page.wait_for_function(
            """async () => (await (await caches.open("kenpo-engine")).keys()).length >= 5""",
            timeout=60_000,
        )
        ctx.set_offline(True)
        page.goto(f"{base_url}/{EN}certificate/")  # visited: from the cache
        assert page.locator("html").get_attribute("lang") == "en"
        page.goto(f"{base_url}/{EN}comparison/")  # not visited: the English 404 page
        assert page.locator("html").get_attribute("lang") == "en"
        page.goto(f"{base_url}/{EN}wizard/")
        page.locator("#kenpo-wizard[data-mode='ready']").wait_for(timeout=180_000)
        page.locator(f"[data-kw-screen][data-node='{FLOW.start}'] .kw-choice").first.click()
        question = page.locator("[data-kw-screen][data-enhanced] .kw-question").first
        question.wait_for(timeout=60_000)
        assert not _visible_japanese(question.inner_text())
    finally:
        ctx.close()


@browser_tests
@pytest.mark.parametrize("width", (320, 375))
def test_english_pages_do_not_scroll_sideways(page_factory: Any, base_url: str, width: int) -> None:
    """English words are longer than Japanese ones: nothing (a table, a heading, the header
    with the language selector) pushes a phone's page sideways."""
    for path in TRANSLATED:
        page = page_factory(width)
        page.goto(f"{base_url}/{EN}{path}", wait_until="load")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, width, overflow)


# English member questions (tests/site/search_queries_en.toml) → the page that comes first.
EN_QUERIES = tomllib.loads(
    (Path(__file__).with_name("search_queries_en.toml")).read_text(encoding="utf-8")
)["query"]


def _search(page: Any, query: str) -> list[str]:
    toggle = page.locator("label.md-header__button[for='__search']")
    box = page.locator("input.md-search__input")
    if not page.is_checked("#__search"):
        if toggle.is_visible():
            toggle.click()
        else:
            box.click()
    box.wait_for(state="visible")
    # Empty the box first and wait for the results to go: the previous query's results
    # must not pass for this one's (as tests/site/test_browser.py's _search)
    box.fill("")
    box.press("End")
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return !m || !/matching|件/i.test(m.textContent); }"""
    )
    box.fill(query)
    box.press("End")  # Material searches on keyup
    page.wait_for_function(
        """q => { const m = document.querySelector('.md-search-result__meta');
                  return document.querySelector('input.md-search__input').value === q
                    && m && /matching|件|見つかりません|no matching/i.test(m.textContent); }""",
        arg=query,
    )
    page.wait_for_timeout(100)
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__item > a:first-child", "els => els.map(e => e.href)"
    )
    return [unquote(urlsplit(h).path).lstrip("/") for h in hrefs]


@pytest.fixture(scope="module")
def english_search_page(browser: Any, base_url: str) -> Any:
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, locale="en-GB")
    page = ctx.new_page()
    page.goto(f"{base_url}/{EN}")
    yield page
    ctx.close()


@browser_tests
def test_a_search_on_an_english_page_shows_english_pages(english_search_page: Any) -> None:
    found = _search(english_search_page, "資格確認書")  # a kept name: on pages of both
    assert found and all(p.startswith(EN) for p in found), found


@browser_tests
def test_a_search_on_a_japanese_page_shows_japanese_pages(page_factory: Any, base_url: str) -> None:
    page = page_factory(1280)
    page.goto(f"{base_url}/")
    found = _search(page, "資格確認書")
    assert found and not any(p.startswith(EN) for p in found), found
    assert found[0] == "certificate/"


@browser_tests
@pytest.mark.parametrize("row", EN_QUERIES, ids=[r["q"] for r in EN_QUERIES])
def test_english_member_query_finds_its_page(english_search_page: Any, row: dict[str, str]) -> None:
    found = _search(english_search_page, row["q"])
    assert found, f"{row['q']}: nothing found"
    assert found[0].split("#")[0] == row["expect"].split("#")[0], (row["q"], row["why"], found[:3])
    if "#" in row["expect"]:  # and the section the first link lands on
        href = english_search_page.locator(".md-search-result__item > a:first-child").first
        parts = urlsplit(str(href.get_attribute("href")))
        landed = unquote(parts.path).lstrip("/") + "#" + unquote(parts.fragment)
        assert landed == row["expect"], (row["q"], row["why"])


@pytest.fixture(scope="module")
def english_wizard_answer(browser: Any, base_url: str) -> Any:
    """/en/wizard/ once the engine is ready, its first question answered by the engine."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = ctx.new_page()
    page.goto(f"{base_url}/{EN}wizard/")
    page.locator("#kenpo-wizard[data-mode='ready']").wait_for(timeout=180_000)
    page.locator(f"[data-kw-screen][data-node='{FLOW.start}'] .kw-choice").first.click()
    screen = page.locator(f"[data-kw-screen][data-enhanced]:not([data-node='{FLOW.start}'])")
    screen.wait_for(timeout=60_000)
    yield screen
    ctx.close()


@browser_tests
def test_the_english_wizard_asks_in_english(english_wizard_answer: Any) -> None:
    """The engine answers in the page's language (worker.js passes it to web.step)."""
    question = english_wizard_answer.locator(".kw-question").first.inner_text()
    assert re.search(r"[A-Za-z]{3}", question) and not _visible_japanese(question), question


@browser_tests
def test_the_english_wizard_screen_has_no_japanese_outside_the_kept_names(
    english_wizard_answer: Any,
) -> None:
    found = _visible_japanese(english_wizard_answer.inner_text())
    assert found == [], found[:5]
