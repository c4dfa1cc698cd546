"""The service worker (site/sw.js): a guide page costs the page and the shell, never the engine;
the engine is kept only where it ran; every visited page, and the wizard once it has run, work
offline; a repeat visit takes nothing of Pyodide from the network. Bytes are counted by the
server, so the service worker's own downloads are in them."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
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


def _wait_engine_kept(page: Page) -> None:
    """Until the service worker has kept the engine (at most a minute)."""
    deadline = time.monotonic() + 60
    while not page.evaluate(ENGINE_KEPT):  # evaluate awaits the promise (wait_for_function not)
        assert time.monotonic() < deadline, "the service worker did not keep the engine"
        page.wait_for_timeout(500)


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
    _wait_engine_kept(page)
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
    _wait_engine_kept(page)
    from_network: list[str] = []

    def seen(response: Any) -> None:
        if "/pyodide/" in response.url and not response.from_service_worker:
            from_network.append(response.url)

    fresh.on("response", seen)
    page.goto(f"{base_url}/wizard/")
    page.wait_for_function(READY, timeout=120_000)
    assert from_network == []


@pytest.fixture
def deployed(site_dir: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the site on its own server, to deploy a "second build" over."""
    from kenpo_site.serve import make_server

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("s", "*.br", "*.gz"))
    shutil.copytree(site_dir / "wizard" / "s", copy / "wizard" / "s")
    server = make_server(copy, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield copy, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _shift_days(text: str, attribute: str, days: int) -> str:
    def later(m: re.Match[str]) -> str:
        day = dt.date.fromisoformat(m.group(2)) + dt.timedelta(days=days)
        return f"{m.group(1)}{day.isoformat()}"

    return re.sub(rf'({attribute}=")(\d{{4}}-\d\d-\d\d)', later, text)


def test_a_deploy_shows_at_once_and_its_prebuilt_answers_hold(
    fresh: BrowserContext, deployed: tuple[Path, str]
) -> None:
    """A member visited (the service worker holds that build); 40 days later, after the first
    build's answers stopped holding, a new build is deployed. The next visit shows the new
    build's page and steps through its pre-built answers at once: nothing of the old build
    (its build.json in the cache) turns them off."""
    site, base = deployed
    page = fresh.new_page()
    page.goto(f"{base}/wizard/")
    _settle(page, 0.5)
    page.close()
    # the second build, as if built 40 days later: its day, and how long its pages hold
    wizard = site / "wizard" / "index.html"
    html = wizard.read_text(encoding="utf-8")
    for attribute in ("data-build-day", "data-static-until"):
        html = _shift_days(html, attribute, 40)
    wizard.write_text(html, encoding="utf-8")
    for path in (site / "wizard" / "s").glob("*.html"):
        path.write_text(_shift_days(path.read_text("utf-8"), "data-valid-until", 40), "utf-8")
    built = site / "wizard" / "app" / "build.json"
    info = json.loads(built.read_text("utf-8"))
    for key in ("build_day", "static_valid_until"):
        info[key] = (dt.date.fromisoformat(info[key]) + dt.timedelta(days=40)).isoformat()
    built.write_text(json.dumps(info), encoding="utf-8")
    sw = site / "sw.js"
    sw.write_text(sw.read_text("utf-8").replace('const VERSION = "', 'const VERSION = "2'), "utf-8")
    new_day = re.search(r'data-build-day="([\d-]+)"', html)
    assert new_day is not None
    page = fresh.new_page()
    page.add_init_script("const now = Date.now; Date.now = () => now() + 40 * 86400000;")
    page.route("**/pyodide/*/pyodide.asm.wasm", lambda route: None)  # the engine never comes
    page.goto(f"{base}/wizard/")
    assert page.get_attribute("#kenpo-wizard", "data-build-day") == new_day.group(1)
    page.click("#kenpo-wizard [data-kw-screen] button[value='before']")
    page.wait_for_selector(
        "#kenpo-wizard [data-kw-screen][data-node='member_type'][data-source='static']",
        timeout=10_000,
    )
