"""The employers' page as a clerk meets it on a phone (issue 20): a short task list at the
top, each task reached within two screens (its long lists folded), the printable checklists
one tap away, and nothing of the leaflet lost by folding."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from sitekit import page_text

pytestmark = pytest.mark.skip_without_chromium

WIDTH, HEIGHT = 375, 812
SCREENS = 2


def _tasks(page: Any) -> list[dict[str, str]]:
    return list(
        page.eval_on_selector_all(
            ".kenpo-tasks ol > li > a",
            "els => els.map(a => ({text: a.textContent, href: a.getAttribute('href')}))",
        )
    )


def _top(page: Any, anchor: str) -> float:
    """Where the element starts, in CSS px from the page's top."""
    return float(
        page.evaluate(
            "id => document.getElementById(id).getBoundingClientRect().top + window.scrollY",
            anchor,
        )
    )


def test_each_task_starts_within_two_screens(page_factory: Any, base_url: str) -> None:
    page = page_factory(WIDTH, HEIGHT)
    page.goto(f"{base_url}/employers/", wait_until="load")
    tasks = _tasks(page)
    assert len(tasks) >= 5, tasks
    far = {
        t["text"]: top
        for t in tasks
        if (top := _top(page, unquote(t["href"]).lstrip("#"))) > SCREENS * HEIGHT
    }
    assert far == {}, far
    total = page.evaluate("document.documentElement.scrollHeight")
    assert total < 4 * HEIGHT, total  # was about 13,500 px before folding


@pytest.mark.parametrize("n", range(5))
def test_following_a_task_puts_its_heading_on_screen(
    page_factory: Any, base_url: str, n: int
) -> None:
    page = page_factory(WIDTH, HEIGHT)
    page.goto(f"{base_url}/employers/", wait_until="load")
    task = _tasks(page)[n]
    page.locator(".kenpo-tasks ol > li > a").nth(n).click()
    anchor = unquote(task["href"]).lstrip("#")
    page.wait_for_function(
        "id => location.hash && decodeURIComponent(location.hash) === '#' + id", arg=anchor
    )
    page.wait_for_timeout(300)
    box = page.locator(f"[id='{anchor}']").bounding_box()
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert box is not None
    assert header - 1 <= box["y"] and box["y"] + box["height"] <= HEIGHT, (task, box, header)


def test_the_checklists_are_one_tap_from_the_top(page_factory: Any, base_url: str) -> None:
    page = page_factory(WIDTH, HEIGHT)
    page.goto(f"{base_url}/employers/", wait_until="load")
    links = page.locator(".kenpo-tasks a[href*='checklist']")
    hrefs = {
        urlsplit(h).path.strip("./")
        for h in links.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    }
    assert hrefs == {"employers-checklist", "employers-leaver-checklist"}
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["y"] + box["height"] <= SCREENS * HEIGHT


def test_a_link_into_a_folded_list_opens_it(page_factory: Any, base_url: str) -> None:
    """The checklist's 「理由と根拠」 and the search lead into a folded list: it opens, with
    its summary on screen under the header."""
    page = page_factory(WIDTH, HEIGHT)
    page.goto(f"{base_url}/employers/#新しく加入する方ごとの記入と提出", wait_until="load")
    page.wait_for_timeout(400)
    details = page.locator("details:has(#新しく加入する方ごとの記入と提出)")
    assert details.get_attribute("open") is not None
    box = details.locator("summary").bounding_box()
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert box and header - 1 <= box["y"] and box["y"] + box["height"] <= HEIGHT, (box, header)
    assert page.locator(".kenpo-hires__item").first.is_visible()


def test_a_folded_list_opens_with_a_tap(page_factory: Any, base_url: str) -> None:
    page = page_factory(WIDTH, HEIGHT)
    page.goto(f"{base_url}/employers/", wait_until="load")
    assert not page.locator(".kenpo-hires__item").first.is_visible()
    page.locator("summary", has_text="1人ごとの記入と提出").click()
    assert page.locator(".kenpo-hires__item").first.is_visible()


def test_folding_keeps_every_block_of_the_page(site_dir: Path) -> None:
    """Folded, not deleted: the leaflet's reasons, the forms, the returns and the deliveries
    are all in the page."""
    text = page_text(site_dir, "employers/")
    for words in (
        "ベビーシッターや介助者等の第三者が要配慮者",  # the reasons for issue
        "マイナンバーカードの返納者",
        "資格情報のお知らせ 再交付申請書",  # the forms
        "有効期限後の返却の必要はありません",  # the returns
        "令和6年10月28日",  # the deliveries
        "リーフレットには記載がありません。当組合へお問い合わせください。",  # 任意継続
    ):
        assert words in text, words
