"""Fixtures for the wizard's browser tests: the built site on 127.0.0.1, headless Chromium.

``make test-wizard`` builds the site first (``make site``); ``KENPO_SITE`` points elsewhere.
Every page opened through these fixtures records its requests, and a test fails if any
request leaves 127.0.0.1 (no CDN, no analytics, nothing off-origin).
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from wizkit import Requests

REPO = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("KENPO_SITE", REPO / "site"))
CHROMIUM = os.environ.get("KENPO_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "wizard" / "app" / "build.json").exists():
        pytest.fail(f"{SITE} has no built wizard: run `make site` first")
    return SITE


@pytest.fixture(scope="session")
def build_info(site: Path) -> dict[str, Any]:
    info: dict[str, Any] = json.loads((site / "wizard" / "app" / "build.json").read_text())
    return info


@pytest.fixture(scope="session")
def build_day(build_info: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(build_info["build_day"])


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _context(browser: Browser, requests: Requests, *, javascript: bool) -> BrowserContext:
    ctx = browser.new_context(
        java_script_enabled=javascript, locale="ja-JP", viewport={"width": 390, "height": 844}
    )
    ctx.on("request", lambda r: requests.urls.append(r.url))
    return ctx


@pytest.fixture
def requests_seen() -> Requests:
    return Requests()


@pytest.fixture
def page(browser: Browser, requests_seen: Requests) -> Iterator[Page]:
    ctx = _context(browser, requests_seen, javascript=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    ctx.close()
    assert requests_seen.off_origin() == []
    assert errors == []


@pytest.fixture
def nojs_page(browser: Browser, requests_seen: Requests) -> Iterator[Page]:
    ctx = _context(browser, requests_seen, javascript=False)
    pg = ctx.new_page()
    yield pg
    ctx.close()
    assert requests_seen.off_origin() == []
