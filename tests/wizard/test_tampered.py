"""Tampered or stale links: a clear Japanese message and a way to start over, never a blank page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page
from wizkit import open_in_page, wait_ready

from kenpo_wizard.flow import FLOW

SCREEN = "#kenpo-wizard [data-kw-screen]"
# The same links the engine's tests check without a browser (tests/engine/test_web.py).
CASES: dict[str, list[str]] = json.loads(
    (Path(__file__).resolve().parents[1] / "engine" / "tampered_links.json").read_text("utf-8")
)["cases"]


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
    page.wait_for_function(f"document.querySelector('{SCREEN}').dataset.node === '{FLOW.start}'")


def test_unknown_keys_are_dropped_and_keys_sorted(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    shown = open_in_page(page, "utm_source=x&member_type=employee&since=before&since=later&age=040")
    assert shown["node"] == "leaving"
    assert shown["search"] == "?age=40&member_type=employee&since=before"
    assert "読み飛ばしました" in page.inner_text(SCREEN)
