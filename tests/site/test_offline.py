"""The service worker (site/sw.js): a guide page costs the page and the shell, never the engine;
the engine is kept only where it ran; every visited page, and the wizard once it has run, work
offline; a repeat visit takes nothing of Pyodide from the network. Bytes are counted by the
server, so the service worker's own downloads are in them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from kenpo_wizard.flow import FLOW

ENGINE_KEPT = """async () => {
    const cache = await caches.open("kenpo-engine");
    const kept = (await cache.keys()).map((r) => r.url);
    return kept.some((u) => u.endsWith("pyodide.asm.wasm")) && kept.some((u) => u.endsWith(".whl"));
}"""
READY = "document.getElementById('kenpo-wizard').dataset.mode === 'ready'"
GUIDE_PAGE_BUDGET = 500_000  # bytes on the wire for a first visit to a guide page, all told
WIZARD_BUDGET = 4_500_000


def _settle(page: Page, seconds: float = 2.0) -> None:
    """The service worker installed and its caching done (no request for ``seconds``)."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    page.wait_for_timeout(seconds * 1000)


@pytest.fixture
def fresh(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="ja-JP", service_workers="allow", bypass_csp=True)
    yield ctx
    ctx.close()


def test_a_guide_page_costs_the_page_and_the_shell_never_the_engine(
    fresh: BrowserContext, base_url: str, sent_bytes: Any
) -> None:
    sent_bytes.clear()
    page = fresh.new_page()
    page.goto(f"{base_url}/schedule/")
    _settle(page)
    total = sum(sent_bytes.values())
    assert not any("/pyodide/" in path for path in sent_bytes), sorted(sent_bytes)
    assert total <= GUIDE_PAGE_BUDGET, (total, sent_bytes.most_common(5))
    assert not page.evaluate(ENGINE_KEPT)


def test_the_wizard_keeps_the_engine_once_it_ran_and_works_offline(
    fresh: BrowserContext, base_url: str, sent_bytes: Any
) -> None:
    sent_bytes.clear()
    page = fresh.new_page()
    page.goto(f"{base_url}/comparison/")
    _settle(page, 0.5)  # a member reads a page for more than the worker's install
    page.goto(f"{base_url}/wizard/")
    page.wait_for_function(READY, timeout=120_000)
    deadline = time.monotonic() + 60
    while not page.evaluate(ENGINE_KEPT):  # evaluate awaits the promise (wait_for_function not)
        assert time.monotonic() < deadline, "the service worker did not keep the engine"
        page.wait_for_timeout(500)
    _settle(page)
    wizard = sum(n for path, n in sent_bytes.items() if not path.startswith("/comparison/"))
    assert wizard <= WIZARD_BUDGET, (wizard, sent_bytes.most_common(5))
    # the engine is kept from the page's own download: each engine file came once
    assert sent_bytes.most_common(1)[0][1] < 3_500_000
    fresh.set_offline(True)
    page.goto(f"{base_url}/comparison/")  # visited: from the cache
    assert "比較表" in page.inner_text("h1")
    page.goto(f"{base_url}/schedule/")  # never visited: the site's own 404 page, not an error
    assert "404" in page.inner_text("body")
    page.goto(f"{base_url}/wizard/?since=before")
    page.wait_for_function(READY, timeout=120_000)
    page.wait_for_function(
        "(n) => { const s = document.querySelector('#kenpo-wizard [data-kw-screen]');"
        " return s.dataset.node && s.dataset.node !== n; }",
        arg=FLOW.start,
        timeout=30_000,
    )
    page.locator("#kenpo-wizard [data-kw-screen] .kw-choice").first.click()
    page.wait_for_function(
        "Number(document.getElementById('kenpo-wizard').dataset.renders || 0) >= 2"
    )


def test_a_repeat_visit_takes_no_pyodide_from_the_network(
    fresh: BrowserContext, base_url: str
) -> None:
    page = fresh.new_page()
    page.goto(f"{base_url}/wizard/")
    page.wait_for_function(READY, timeout=120_000)
    deadline = time.monotonic() + 60
    while not page.evaluate(ENGINE_KEPT):
        assert time.monotonic() < deadline, "the service worker did not keep the engine"
        page.wait_for_timeout(500)
    from_network: list[str] = []

    def seen(response: Any) -> None:
        if "/pyodide/" in response.url and not response.from_service_worker:
            from_network.append(response.url)

    fresh.on("response", seen)
    page.goto(f"{base_url}/wizard/")
    page.wait_for_function(READY, timeout=120_000)
    assert from_network == []
