"""Every page works under the site's Content-Security-Policy as served (no bypass): the
wizard loads Pyodide from the site itself and answers; no script, style or request is
refused (the page fixture fails on a policy report in the console or a page error)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from sitekit import PAGES

from kenpo_wizard.flow import FLOW


@pytest.mark.parametrize("path", PAGES)
def test_the_page_runs_under_the_policy(strict_page: Page, base_url: str, path: str) -> None:
    strict_page.goto(f"{base_url}/{path}")
    strict_page.wait_for_load_state("load")
    strict_page.locator("body").wait_for()
    # Material's own script ran (the inline config and bundle are allowed by hash and origin)
    assert strict_page.locator("html.js, body[data-md-color-scheme]").count() >= 1


def test_the_wizard_starts_and_answers_under_the_policy(strict_page: Page, base_url: str) -> None:
    strict_page.goto(f"{base_url}/wizard/")
    strict_page.locator("#kenpo-wizard[data-mode='ready']").wait_for(timeout=120_000)
    strict_page.locator(f"[data-kw-screen][data-node='{FLOW.start}'] .kw-choice").first.click()
    strict_page.locator(f"[data-kw-screen]:not([data-node='{FLOW.start}'])").wait_for()
    assert strict_page.locator("#kenpo-wizard").get_attribute("data-mode") == "ready"
