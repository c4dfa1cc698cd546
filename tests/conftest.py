"""Browser fixtures shared by tests/site and tests/wizard: the built site on 127.0.0.1, Chromium.

``make site`` builds the site first (``KENPO_SITE`` points elsewhere); ``KENPO_CHROMIUM``
names the browser (default: ``chromium`` on the PATH, else /usr/bin/chromium). Every page
opened through ``page``, ``nojs_page`` or ``page_factory`` records its requests, and its
test fails if any request leaves 127.0.0.1 (no CDN, no analytics, nothing off-origin) or
if the page throws an uncaught error. Without Playwright or Chromium a test that needs the
browser fails, unless it is marked ``skip_without_chromium`` (the site's browser tests).

tests/engine also runs under Pyodide in Node (tests/pyodide/run.mjs runs ``pytest
tests/engine`` from a copy of the project, so pytest loads this file there too), where
Playwright does not exist: it is imported only when a browser is asked for.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("KENPO_SITE", ROOT / "site"))
CHROMIUM = os.environ.get("KENPO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "skip_without_chromium: skip, not fail, when Playwright or Chromium is missing"
    )


def _chromium_missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (make setup)"
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (install it or set KENPO_CHROMIUM)"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("skip_without_chromium") and "browser" in getattr(
        item, "fixturenames", ()
    ):
        reason = _chromium_missing()
        if reason:
            pytest.skip(reason)


class Requests:
    """Every URL a context asked for (pages, workers, fetches)."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def off_origin(self) -> list[str]:
        bad = []
        for url in self.urls:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname != "127.0.0.1":
                bad.append(url)
        return bad


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE} has no built site: run `make site` first", pytrace=False)
    return SITE


@pytest.fixture(scope="session")
def _server(site_dir: Path) -> Iterator[Any]:
    from kenpo_site.serve import make_server

    server = make_server(site_dir, port=0)  # a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(_server: Any) -> str:
    """The site's root, without a trailing slash: ``f"{base_url}/wizard/"``. Served as
    ``make serve`` serves it (kenpo_site.serve): precompressed files and the site's headers,
    its Content-Security-Policy included, so a page that breaks the policy fails here."""
    return f"http://127.0.0.1:{_server.server_address[1]}"


@pytest.fixture
def sent_bytes(_server: Any) -> Any:
    """The body bytes the server has sent, per path (a ``Counter``; ``clear()`` it first):
    what a visit costs as the host counts it, the service worker's downloads included."""
    return _server.RequestHandlerClass.func.sent_bytes


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    reason = _chromium_missing()
    if reason:
        pytest.fail(reason, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def requests_seen() -> Requests:
    return Requests()


class _Pages:
    """Contexts opened for one test; ``check`` is the privacy and error check at teardown."""

    def __init__(self, browser: Browser, requests: Requests) -> None:
        self.browser = browser
        self.requests = requests
        self.contexts: list[BrowserContext] = []
        self.errors: list[str] = []

    def open(self, width: int, height: int, **options: Any) -> Page:
        # Playwright's string predicates (wait_for_function) need eval, which the site's policy
        # refuses; tests/site/test_csp.py checks the pages under the policy as served.
        options.setdefault("bypass_csp", True)
        # Each test is a first visit: the service worker is tested on its own (test_offline).
        options.setdefault("service_workers", "block")
        ctx = self.browser.new_context(
            locale="ja-JP", viewport={"width": width, "height": height}, **options
        )
        ctx.on("request", lambda r: self.requests.urls.append(r.url))
        self.contexts.append(ctx)
        page = ctx.new_page()
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", self._console)
        return page

    def _console(self, message: Any) -> None:
        # a script, style or connection the site's Content-Security-Policy refused
        if "Content Security Policy" in message.text:
            self.errors.append(message.text)

    def strict(self, width: int, height: int) -> Page:
        """A page under the site's real policy (no bypass): only locators, no eval."""
        return self.open(width, height, bypass_csp=False)

    def close_and_check(self) -> None:
        for ctx in self.contexts:
            ctx.close()
        assert self.requests.off_origin() == []
        assert self.errors == []


@pytest.fixture
def page(browser: Browser, requests_seen: Requests) -> Iterator[Page]:
    """A phone-sized page (390 × 844) with JavaScript."""
    pages = _Pages(browser, requests_seen)
    yield pages.open(390, 844)
    pages.close_and_check()


@pytest.fixture
def nojs_page(browser: Browser, requests_seen: Requests) -> Iterator[Page]:
    """A phone-sized page (390 × 844) with JavaScript off."""
    pages = _Pages(browser, requests_seen)
    yield pages.open(390, 844, java_script_enabled=False)
    pages.close_and_check()


@pytest.fixture
def strict_page(browser: Browser, requests_seen: Requests) -> Iterator[Page]:
    """A phone-sized page under the site's Content-Security-Policy, as a member gets it."""
    pages = _Pages(browser, requests_seen)
    yield pages.strict(390, 844)
    pages.close_and_check()


@pytest.fixture
def page_factory(browser: Browser, requests_seen: Requests) -> Iterator[Callable[..., Page]]:
    """Open pages at a given width: ``page_factory(375)`` → a fresh page in Tokyo time."""
    pages = _Pages(browser, requests_seen)

    def make(width: int = 375, height: int = 800) -> Page:
        return pages.open(width, height, timezone_id="Asia/Tokyo", service_workers="block")

    yield make
    pages.close_and_check()
