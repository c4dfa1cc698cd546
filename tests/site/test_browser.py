"""The built site in headless Chromium: axe-core, privacy, layout at 320–1280 px, timeline.

Every page is loaded at 375 px and 1280 px; axe-core reports no violations, no request
goes to a host other than 127.0.0.1, no cookie is set, and the page never scrolls sideways.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from sitekit import PAGES, ROOT

from kenpo_site.blocks import hires
from kenpo_wizard.contact import FORMS_PAGE
from kenpo_wizard.registry import OUTSIDE_SOURCES

pytestmark = pytest.mark.skip_without_chromium  # the wizard's browser tests fail instead

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (375, 1280)


def _open(page_factory: Any, base_url: str, path: str, width: int) -> tuple[Any, list[str]]:
    page = page_factory(width)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    _visit(page, base_url, path)
    return page, requests


def _visit(page: Any, base_url: str, path: str) -> None:
    page.goto(f"{base_url}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_axe_no_violations(page_factory: Any, base_url: str, path: str, width: int) -> None:
    if not AXE.exists():
        pytest.skip("node_modules/axe-core is missing (make setup)")
    page, _ = _open(page_factory, base_url, path, width)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary)
            }));
        }"""
    )
    assert result == [], json.dumps(result, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_search_dialog_with_results(page_factory: Any, base_url: str, width: int) -> None:
    if not AXE.exists():
        pytest.skip("node_modules/axe-core is missing (make setup)")
    page, _ = _open(page_factory, base_url, "", width)
    _search(page, "資格確認書")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]}))
            .violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))"""
    )
    assert result == []


def test_no_request_leaves_the_origin(page_factory: Any, base_url: str) -> None:
    """Every page, at both widths, with search opened once: only 127.0.0.1 is asked."""
    seen: list[str] = []
    for width in WIDTHS:
        for path in PAGES:
            page, requests = _open(page_factory, base_url, path, width)
            if path == "":
                _search(page, "マイナ保険証")
            seen += requests
            assert page.context.cookies() == [], path
            assert page.evaluate("document.cookie") == ""
    hosts = {urlsplit(u).hostname for u in seen if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(u for u in seen if "127.0.0.1" not in u)
    assert any(u.endswith("search/search_index.json") for u in seen)


def test_built_html_names_no_third_party_resource(site_dir: Path) -> None:
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for needle in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "cdn.", "unpkg"):
            assert needle not in text, (html, needle)


@pytest.mark.parametrize("width", (320, 375, 1280))
def test_no_sideways_scrolling(page_factory: Any, base_url: str, width: int) -> None:
    # one page walks them all: a context per page fetched the wizard's engine once per page
    page = page_factory(width)
    for path in PAGES:
        _visit(page, base_url, path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, width, overflow)


def test_body_text_size_and_line_height(page_factory: Any, base_url: str) -> None:
    page, _ = _open(page_factory, base_url, "abolition/", 375)
    size, height = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.md-typeset p'));
                   return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }"""
    )
    assert size >= 16
    assert 1.6 <= height / size <= 1.8


def test_comparison_cards_on_phone_table_on_desktop(page_factory: Any, base_url: str) -> None:
    phone, _ = _open(page_factory, base_url, "comparison/", 375)
    assert phone.locator(".kenpo-compare__cards").is_visible()
    assert not phone.locator(".kenpo-compare__table").is_visible()
    assert phone.locator(".kenpo-card").count() == 3
    desk, _ = _open(page_factory, base_url, "comparison/", 1280)
    assert desk.locator(".kenpo-compare__table").is_visible()
    assert not desk.locator(".kenpo-compare__cards").is_visible()
    assert desk.locator(".kenpo-compare__table tbody tr").count() == 5


@pytest.mark.parametrize(
    ("today", "past", "upcoming"),
    [
        ("2024-11-01", ["first_notice_sent"], ["abolition", "transition_last_day"]),
        ("2025-06-01", ["abolition"], ["ex_officio_delivery", "transition_last_day"]),
        ("2025-12-02", ["transition_last_day"], ["certificate_valid_until"]),
        ("2030-01-01", ["certificate_valid_until"], []),
    ],
)
def test_timeline_today_marker(
    page_factory: Any, base_url: str, today: str, past: list[str], upcoming: list[str]
) -> None:
    page, _ = _open(page_factory, base_url, f"schedule/?today={today}", 1280)
    for key in past:
        item = page.locator(f'.kenpo-timeline__list [data-kenpo-milestone="{key}"]')
        assert "is-past" in (item.get_attribute("class") or "")
        assert item.locator("[data-kenpo-status]").inner_text() == "過去"
        marker = page.locator(f'[data-kenpo-marker="{key}"]').first
        assert "is-past" in (marker.get_attribute("class") or "")
    for key in upcoming:
        item = page.locator(f'.kenpo-timeline__list [data-kenpo-milestone="{key}"]')
        assert item.locator("[data-kenpo-status]").inner_text() == "今後"
    y, m, d = (int(x) for x in today.split("-"))
    marker = page.locator(".kenpo-timeline__list [data-kenpo-today-marker]")
    assert f"（{y}年{m}月{d}日）" in marker.inner_text()
    assert "令和" in marker.inner_text()
    # the marker sits before the first upcoming milestone, after all past and current ones
    order = page.eval_on_selector_all(
        ".kenpo-timeline__list > li",
        "els => els.map(e => e.hasAttribute('data-kenpo-today-marker') ? 'TODAY'"
        " : e.className.includes('is-upcoming') ? 'upcoming' : 'reached')",
    )
    i = order.index("TODAY")
    assert "upcoming" not in order[:i] and "reached" not in order[i + 1 :]
    assert page.locator("[data-kenpo-today-line]").get_attribute("visibility") == "visible"


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        ("2024-12-01", "令和6年12月1日まで"),
        ("2024-12-02", "令和6年12月2日〜令和7年12月1日"),
        ("2025-12-01", "令和6年12月2日〜令和7年12月1日"),
        ("2025-12-02", "令和7年12月2日〜令和11年12月1日"),
        ("2029-12-01", "令和7年12月2日〜令和11年12月1日"),
        ("2029-12-02", "令和11年12月2日以降"),
    ],
)
def test_today_status_shows_only_the_current_period(
    page_factory: Any, base_url: str, today: str, shown: str
) -> None:
    for path in ("", "abolition/"):
        page, _ = _open(page_factory, base_url, f"{path}?today={today}", 375)
        visible = page.locator("[data-kenpo-today-status] li:visible")
        assert visible.count() == 1
        assert visible.locator(".kenpo-today__when").inner_text() == shown
        y, m, d = (int(x) for x in today.split("-"))
        assert f"（{y}年{m}月{d}日）" in page.locator("[data-kenpo-today-date]").inner_text()


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_today_and_the_wizard_are_on_the_first_screen(
    page_factory: Any, base_url: str, width: int, height: int
) -> None:
    """A member sees what holds today and the way to the wizard before scrolling; the
    leaflet's own 2024 title and lead come after, as the leaflet."""
    page = page_factory(width, height)
    page.goto(f"{base_url}/", wait_until="load")
    box = page.locator("[data-kenpo-today-status]").bounding_box()
    button = page.get_by_role("link", name="質問に答えて、あなたが受診時に使うものを確認する")
    link = button.bounding_box()
    assert box and link
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    assert link["y"] + link["height"] <= height, "the wizard button is below the first screen"
    assert "保険証は使えません" in page.locator("[data-kenpo-today-status] li:visible").inner_text()
    leaflet = page.get_by_role("heading", name="リーフレットの表題と冒頭（令和6年の文面）")
    lead = leaflet.bounding_box()
    assert lead and lead["y"] > link["y"]


def test_today_defaults_to_tokyo_date(page_factory: Any, base_url: str) -> None:
    page, _ = _open(page_factory, base_url, "schedule/", 375)
    tokyo = page.evaluate(
        "new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Tokyo'}).format(new Date())"
    )
    assert page.evaluate("document.documentElement.dataset.kenpoToday") == tokyo


def test_glossary_abbreviation_shows_on_focus(page_factory: Any, base_url: str) -> None:
    page, _ = _open(page_factory, base_url, "certificate/", 375)
    abbr = page.locator("abbr.kenpo-abbr").first
    assert abbr.count() == 1
    abbr.focus()
    page.wait_for_timeout(400)
    assert page.locator(".md-tooltip2--active, .md-tooltip2").count() >= 1


def _search(page: Any, query: str) -> list[str]:
    """Type a query as a user does; return the result pages' paths, best first."""
    toggle = page.locator("label.md-header__button[for=__search]")
    box = page.locator("input.md-search__input")
    if not page.is_checked("#__search"):
        if toggle.is_visible():  # phones: the magnifier in the header opens the dialog
            toggle.click()
        else:
            box.click()
    box.wait_for(state="visible")
    # Empty the box first and wait for the results to go: otherwise the previous query's
    # results (with their 「N件」) can pass for this one's on a busy machine.
    box.fill("")
    box.press("End")
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return !m || !/件/.test(m.textContent); }"""
    )
    box.fill(query)
    box.press("End")  # Material searches on keyup; fill() alone sends no key events
    page.wait_for_function(
        """q => { const m = document.querySelector('.md-search-result__meta');
                  return document.querySelector('input.md-search__input').value === q
                    && m && /件|見つかりません/.test(m.textContent); }""",
        arg=query,
    )
    page.wait_for_timeout(100)
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__item > a:first-child", "els => els.map(e => e.href)"
    )
    return [urlsplit(h).path for h in hrefs]


# query → the page that must come first
SEARCHES = {
    "マイナ保険証": "registration/",
    "資格確認書": "certificate/",
    "資格情報のお知らせ": "notice/",
    "経過措置": "abolition/",
    "セブン銀行": "registration/",
    "返却": "comparison/",
    "再交付": "notice/",
    "高齢受給者": "certificate/",
    "電子証明書": "registration/",
    "職権交付": "certificate/",
}


@pytest.fixture(scope="module", params=WIDTHS)
def search_page(request: Any, browser: Any, base_url: str) -> Any:
    ctx = browser.new_context(viewport={"width": request.param, "height": 800}, locale="ja-JP")
    page = ctx.new_page()
    page.goto(f"{base_url}/")
    yield page
    ctx.close()


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_finds_official_term_first(search_page: Any, query: str) -> None:
    paths = _search(search_page, query)
    assert paths, f"{query}: 何も見つかりませんでした"
    assert paths[0] == "/" + SEARCHES[query], (query, paths)
    # the hit is shown with the term marked
    first = search_page.locator(".md-search-result__item").first
    assert query in first.inner_text()


@pytest.mark.parametrize("query", ["保険証", "お知らせ", "ＡＴＭ", "atm"])
def test_search_short_and_width_variants(search_page: Any, query: str) -> None:
    assert _search(search_page, query)


# Member questions (tests/site/search_queries.toml) → the section that must come first.
MEMBER_QUERIES = tomllib.loads(
    (Path(__file__).with_name("search_queries.toml")).read_text(encoding="utf-8")
)["query"]


def _first_link(page: Any) -> str:
    """The first result's link as an index location: ``page/#section`` (no ``?h=``)."""
    href = page.locator(".md-search-result__item > a:first-child").first.get_attribute("href")
    parts = urlsplit(str(href))
    location = str(parts.path).lstrip("/")
    return location + ("#" + unquote(str(parts.fragment)) if parts.fragment else "")


@pytest.fixture(scope="module")
def phone_search_page(browser: Any, base_url: str) -> Any:
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, locale="ja-JP")
    page = ctx.new_page()
    page.goto(f"{base_url}/")
    yield page
    ctx.close()


@pytest.fixture(scope="module")
def codes(site_dir: Path) -> list[str]:
    """The result codes of the built call-center table, in its order."""
    html = (site_dir / "call-center" / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<tr id="code-([A-Z0-9-]+)"', html)


@pytest.mark.parametrize("row", MEMBER_QUERIES, ids=[r["q"] for r in MEMBER_QUERIES])
def test_search_member_query_lands_on_the_section(
    phone_search_page: Any, row: dict[str, str], codes: list[str]
) -> None:
    """Typed into the real search box at 375 × 812: the first result's link (the page's
    title, the first thing tapped) leads to the section a worried member needs."""
    code = codes[0]
    row = {k: v.format(code=code, short=code[2:].lower()) for k, v in row.items()}
    assert _search(phone_search_page, row["q"]), f"{row['q']}: 何も見つかりませんでした"
    assert _first_link(phone_search_page) == row["expect"], (row["q"], row["why"])


def _sticky_head_bottom(page: Any) -> float:
    return float(
        page.evaluate(
            "Math.max(...[...document.querySelectorAll('.kw-codes thead th')]"
            ".map(th => th.getBoundingClientRect().bottom))"
        )
    )


def _header_bottom(page: Any) -> float:
    return float(
        page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    )


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_code_anchor_shows_the_row_marked(
    page_factory: Any, base_url: str, width: int, height: int, codes: list[str]
) -> None:
    CODE = codes[0]  # the table's first row: right under the header row
    page = page_factory(width, height)
    page.goto(f"{base_url}/call-center/#code-{CODE}", wait_until="load")
    page.wait_for_timeout(300)
    row = page.locator(f"#code-{CODE}")
    box = row.bounding_box()
    top = _header_bottom(page)
    if width >= 960:  # the sticky header row of the table sits under Material's header
        top = _sticky_head_bottom(page)
    assert top - 1 <= box["y"] and box["y"] + min(box["height"], 100) <= height, (box, top)
    style = page.evaluate(
        """id => { const r = document.getElementById(id), th = r.querySelector('th');
                   return [r.matches(':target'), getComputedStyle(r).outlineStyle,
                           getComputedStyle(th, '::before').content,
                           getComputedStyle(th, '::after').content]; }""",
        f"code-{CODE}",
    )
    assert style == [True, "solid", '"▶ "', '"お探しのコード"']


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_search_for_a_code_opens_its_row(
    page_factory: Any, base_url: str, width: int, height: int, codes: list[str]
) -> None:
    CODE = codes[0]  # the table's first row: right under the header row
    page = page_factory(width, height)
    page.goto(f"{base_url}/", wait_until="load")
    assert _search(page, CODE.lower())
    assert _first_link(page) == f"call-center/#code-{CODE}"
    page.locator(".md-search-result__item > a:first-child").first.click()
    page.wait_for_url(f"**/call-center/**#code-{CODE}")
    page.wait_for_timeout(300)
    # no ?h= highlight: Material would split A-3DHY at "-" and mark every 「A」
    assert page.locator("mark[data-md-highlight]").count() == 0
    assert page.evaluate(f"document.getElementById('code-{CODE}').matches(':target')")
    box = page.locator(f"#code-{CODE}").bounding_box()
    top = _sticky_head_bottom(page) if width >= 960 else _header_bottom(page)
    assert top - 1 <= box["y"] < height


def test_code_table_fits_1280_with_a_sticky_header_row(
    page_factory: Any, base_url: str, codes: list[str]
) -> None:
    page = page_factory(1280, 800)
    page.goto(f"{base_url}/call-center/", wait_until="load")
    fit = page.evaluate(
        """() => { const t = document.querySelector('.kw-codes table');
                   const c = document.querySelector('.md-content__inner').getBoundingClientRect();
                   const last = t.querySelector('thead th:last-child').getBoundingClientRect();
                   let n = t.parentElement;
                   while (n && !n.classList.contains('kw-codes')) {
                     if (n.scrollWidth > n.clientWidth) return 'scrolls';
                     n = n.parentElement;
                   }
                   return last.right <= c.right + 1 && t.scrollWidth <= t.clientWidth; }"""
    )
    assert fit is True
    page.locator(f"#code-{codes[40]}").scroll_into_view_if_needed()
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    head = page.evaluate("document.querySelector('.kw-codes thead th').getBoundingClientRect().top")
    assert abs(head - _header_bottom(page)) <= 2


def test_code_table_is_cards_at_375(page_factory: Any, base_url: str) -> None:
    page = page_factory(375, 812)
    page.goto(f"{base_url}/call-center/", wait_until="load")
    cells = page.evaluate(
        """() => { const r = document.querySelector('.kw-codes tbody tr');
                   const w = document.documentElement.clientWidth;
                   return [r.getBoundingClientRect().right <= w,
                           ...[...r.querySelectorAll('td')].map(
                             td => getComputedStyle(td, '::before').content)]; }"""
    )
    assert cells[0] is True
    assert cells[1:] == [
        '"結果の1行目"',
        '"時期"',
        '"受診時に見せるもの"',
        '"提出するもの"',
        '"返却するもの"',
        '"資格確認書"',
        '"利用登録の案内"',
        '"組合への問い合わせ"',
    ]


def test_print_shows_the_table_and_link_targets(page_factory: Any, base_url: str) -> None:
    page, _ = _open(page_factory, base_url, "comparison/", 375)
    page.emulate_media(media="print")
    assert page.locator(".kenpo-compare__table").is_visible()
    assert not page.locator(".kenpo-compare__cards").is_visible()
    page, _ = _open(page_factory, base_url, "registration/", 375)
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => getComputedStyle(
             document.querySelector('.md-typeset a[href^="https://www.mhlw.go.jp"]'), '::after'
           ).content"""
    )
    assert "attr(href)" in after or "mhlw" in after
    assert not page.locator(".md-header").is_visible()


# ----------------------------------------------------------------------------- employers (HR)
def _pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF Chromium wrote (its page objects are written uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_employers_checklist_prints_on_one_a4_page(page_factory: Any, base_url: str) -> None:
    page, _ = _open(page_factory, base_url, "employers-checklist/", 1280)
    page.check("#kc-no_card")  # ticked on screen, then printed
    # The page's own @page margins apply, as when a clerk prints from the browser.
    pdf = page.pdf(format="A4", print_background=True)
    assert _pdf_pages(pdf) == 1
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-footer").is_visible()
    text = page.locator(".kenpo-checklist").inner_text()
    for hire in hires.HIRES:
        assert hire.label in text, hire.key
    boxes = page.locator(".kenpo-checklist input[type=checkbox]")
    assert boxes.count() >= len(hires.HIRES)
    # ☐ on paper: a plain bordered square, not the platform's widget
    look = boxes.first.evaluate(
        "e => { const s = getComputedStyle(e); return [s.appearance, s.borderTopStyle]; }"
    )
    assert look == ["none", "solid"]


@pytest.mark.parametrize("width", (320, 375))
def test_employers_checklist_on_a_phone(page_factory: Any, base_url: str, width: int) -> None:
    page, _ = _open(page_factory, base_url, "employers-checklist/", width)
    label = page.locator('label[for="kc-no_card"]')
    size = label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 16
    label.click()  # the label ticks its box
    assert page.is_checked("#kc-no_card")
    legends = page.locator(".kenpo-checklist fieldset > legend")
    assert legends.count() == page.locator(".kenpo-checklist fieldset").count() >= 3


def test_employers_page_links_the_recorded_forms_page(page_factory: Any, base_url: str) -> None:
    page, _ = _open(page_factory, base_url, "employers/", 375)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # folded
    link = page.locator(f'article .kenpo-reference a[href="{FORMS_PAGE}"]')
    assert link.count() >= 1
    box = link.first.locator("xpath=ancestor::div[contains(@class, 'kenpo-reference')]")
    assert "参考" in box.inner_text()
    assert OUTSIDE_SOURCES["association_website"].title in box.inner_text()
    for hire in hires.HIRES:
        assert page.locator(f"#hire-{hire.key}").count() == 1
    assert page.locator('a[href$="employers-checklist/"]').count() >= 1


@pytest.mark.parametrize("width", (375, 1280))
def test_leaver_checklist_prints_on_one_a4_page(
    page_factory: Any, base_url: str, width: int
) -> None:
    """The clerk's page for someone leaving: what to collect (the engine's returns table),
    the 5 days (参考, with its source), what the member is told; one A4 sheet, from a phone too."""
    page, _ = _open(page_factory, base_url, "employers-leaver-checklist/", width)
    page.check("#kl-collect")
    text = page.locator(".kenpo-checklist").inner_text()
    assert "資格確認書" in text and "返却" in text and "5日以内" in text
    assert "参考" in text and "新しく加入した医療保険" in text
    assert _pdf_pages(page.pdf(format="A4", print_background=True)) == 1
    page.goto(f"{base_url}/employers/")
    assert page.locator('article a[href$="employers-leaver-checklist/"]').count() >= 1
