"""Tampered or stale links: a clear Japanese message and a way to start over, never a blank page."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page
from wizkit import open_in_page, wait_ready

from kenpo_wizard.web import screen

DAY = dt.date(2025, 6, 15)
SCREEN = "#kenpo-wizard [data-kw-screen]"
CASES = {
    "unknown value": ("since=maybe", "選択肢にありません"),
    "impossible date": ("since=later&joined_on=2025-02-30", "存在しない日付"),
    "wrong era": ("since=later&joined_on=H40.1.1", "その元号の期間にない日付"),
    "bad age": ("since=before&member_type=employee&age=300", "0から130までの数字"),
    "contradiction": (
        "since=later&joined_on=2025-04-01&member_type=employee&age=40&leaving=yes"
        "&eligibility_lost_on=2025-03-01",
        "資格喪失日は加入日",
    ),
    "bad day": ("on=2025-13-40&since=before", "存在しない日付"),
    "very long": ("since=" + "x" * 3000, "長すぎ"),
    "too many fields": ("&".join(f"k{i}=1" for i in range(60)), "多すぎ"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bridge_messages(name: str) -> None:
    query, message = CASES[name]
    s = screen(query, DAY)
    assert message in s.html, s.html
    assert "最初から" in s.html


@pytest.mark.parametrize("name", list(CASES))
def test_tampered_link_in_the_browser(page: Page, base_url: str, name: str) -> None:
    query, message = CASES[name]
    page.goto(f"{base_url}/wizard/?{query}")
    wait_ready(page)
    page.wait_for_function(
        "Number(document.getElementById('kenpo-wizard').dataset.renders || 0) > 0"
    )
    text = page.inner_text(SCREEN)
    assert message in text
    assert page.locator(f"{SCREEN} a:has-text('最初から')").count() >= 1
    # the member can start again from the message
    page.click(f"{SCREEN} a:has-text('最初から') >> nth=0")
    page.wait_for_function(
        "document.querySelector('#kenpo-wizard [data-kw-screen]').dataset.node === 'since'"
    )


def test_unknown_keys_are_dropped_and_keys_sorted(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    shown = open_in_page(page, "utm_source=x&member_type=employee&since=before&since=later&age=040")
    assert shown["node"] == "leaving"
    assert shown["search"] == "?age=40&member_type=employee&since=before"
    assert "読み飛ばしました" in page.inner_text(SCREEN)


def test_dates_in_links_are_canonical() -> None:
    s = screen("since=later&joined_on=R7.4.1", DAY)
    assert s.query == "joined_on=2025-04-01&since=later"
