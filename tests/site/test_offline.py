"""After one visit the guide and the wizard work offline (the service worker, site/sw.js);
a repeat visit takes nothing of Pyodide from the network."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import Browser

from kenpo_wizard.flow import FLOW


CACHED = """async () => {
    const keys = await caches.keys();
    if (keys.length !== 1) return false;
    const cached = await (await caches.open(keys[0])).keys();
    return cached.some((r) => r.url.endsWith("pyodide.asm.wasm"))
        && cached.some((r) => r.url.endsWith(".whl"));
}"""


@pytest.fixture
def visited(browser: Browser, base_url: str) -> Any:
    """A browser context that has visited the top page once, its service worker installed."""
    ctx = browser.new_context(locale="ja-JP", service_workers="allow", bypass_csp=True)
    page = ctx.new_page()
    page.goto(f"{base_url}/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    deadline = time.monotonic() + 120
    while not page.evaluate(CACHED):  # evaluate awaits the promise (wait_for_function does not)
        assert time.monotonic() < deadline, "the service worker did not cache the engine"
        time.sleep(0.5)
    yield ctx, page
    ctx.close()


def test_the_guide_and_the_wizard_work_offline_after_one_visit(visited: Any, base_url: str) -> None:
    ctx, page = visited
    ctx.set_offline(True)
    page.goto(f"{base_url}/comparison/")
    assert "比較表" in page.inner_text("h1")
    page.goto(f"{base_url}/wizard/?since=before")
    page.wait_for_function(
        "document.getElementById('kenpo-wizard').dataset.mode === 'ready'", timeout=120_000
    )
    # The link's answers are shown once the engine has stepped through them (just after ready).
    page.wait_for_function(
        "(n) => { const s = document.querySelector('#kenpo-wizard [data-kw-screen]');"
        " return s.dataset.enhanced === '1' && s.dataset.node && s.dataset.node !== n; }",
        arg=FLOW.start,
        timeout=30_000,
    )
    page.locator("#kenpo-wizard .kw-choice").first.click()
    page.wait_for_function(
        "Number(document.getElementById('kenpo-wizard').dataset.renders || 0) >= 2"
    )


def test_a_repeat_visit_takes_no_pyodide_from_the_network(visited: Any, base_url: str) -> None:
    ctx, page = visited
    from_network: list[str] = []

    def seen(response: Any) -> None:
        if "/pyodide/" in response.url and not response.from_service_worker:
            from_network.append(response.url)

    ctx.on("response", seen)
    page.goto(f"{base_url}/wizard/")
    page.wait_for_function(
        "document.getElementById('kenpo-wizard').dataset.mode === 'ready'", timeout=120_000
    )
    assert from_network == []
