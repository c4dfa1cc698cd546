"""Date questions as members meet them (issue 20, items 3 and 6), at a phone's 320 and 375 px
and a desktop's 1280 px: the visit day in one tap, the date field on one line, a pre-built
page's date question before the engine is ready. Screenshots go to /tmp/shots/dates-*.png."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page
from wizkit import Gate, renders, wait_ready, wait_render

from kenpo_wizard.wareki import wareki

SCREEN = "#kenpo-wizard [data-kw-screen]"
SHOTS = Path(os.environ.get("KW_SHOTS", "/tmp/shots"))
# 2026-12-03 09:00 in Tokyo: today's and tomorrow's labels are known
NOW = dt.datetime(2026, 12, 3, 0, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 12, 3)


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"dates-{name}.png"), full_page=True)


def _one_line(page: Page, key: str) -> list[float]:
    """The tops of the era box and the 年・月・日 boxes of a date field."""
    return [
        page.locator(f"#kw-{key}-{part}").bounding_box()["y"]  # type: ignore[index]
        for part in ("era", "y", "m", "d")
    ]


def _no_sideways_scroll(page: Page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, scroll


@pytest.mark.parametrize(
    ("width", "height", "which"),
    [(320, 640, "tomorrow"), (375, 812, "today"), (1280, 800, "tomorrow")],
    ids=["320-tomorrow", "375-today", "1280-tomorrow"],
)
def test_today_or_tomorrow_in_one_tap(
    page: Page, base_url: str, width: int, height: int, which: str
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.clock.set_fixed_time(NOW)
    page.goto(f"{base_url}/wizard/?since=before&on=2027-03-01&edit=on")
    wait_ready(page)
    page.wait_for_selector(f"{SCREEN}[data-node='on']")
    links = page.locator(f"{SCREEN} .kw-quick__day")
    assert links.all_inner_texts() == ["今日（12月3日）", "明日（12月4日）"]
    for i in range(2):  # 44 px targets
        box = links.nth(i).bounding_box()
        assert box and box["height"] >= 44, box
    tops = _one_line(page, "on")
    assert max(tops) - min(tops) < 4, tops  # era, 年, 月, 日 on one line
    _no_sideways_scroll(page, width)
    if width != 320:
        _shot(page, f"day-form-{width}")
    # keyboard: Tab reaches the link, Enter takes it (one key press)
    link = links.nth(0 if which == "today" else 1)
    link.focus()
    before = renders(page)
    page.keyboard.press("Enter")
    wait_render(page, before)
    assert page.get_attribute(SCREEN, "data-node") == "member_type"  # the next question
    day = TODAY if which == "today" else TODAY + dt.timedelta(days=1)
    line = page.inner_text(f"{SCREEN} .kw-day")
    assert wareki(day) in line
    assert ("今日" in line) == (which == "today")
    assert ("on=2026-12-04" in page.url) == (which == "tomorrow")
    assert "since=before" in page.url
    focused = page.evaluate("document.activeElement.className")
    assert "kw-question" in focused  # focus lands on the question


@pytest.mark.parametrize(("width", "height"), [(320, 640), (375, 812), (1280, 800)])
def test_a_prebuilt_date_question_before_the_engine(
    page: Page, base_url: str, build_day: dt.date, width: int, height: int
) -> None:
    """Before the engine is ready a date question comes from the pre-built pages: the exact
    day can be typed (the page script shows the field; the engine answers it), ranges of one
    answer each are one tap, and the no-JS line is gone; all within the width."""
    page.set_viewport_size({"width": width, "height": height})
    Gate(page, "**/pyodide/*/pyodide.asm.wasm")  # the engine does not arrive
    page.goto(f"{base_url}/wizard/")
    page.click(f"{SCREEN} button[value='later']")
    page.wait_for_selector(f"{SCREEN}[data-node='joined_on'][data-source='static']")
    assert page.locator(f"{SCREEN} #kw-joined_on-y").is_visible()
    assert page.locator(f"{SCREEN} [data-kw-nojs]").count() == 0
    assert page.locator(f"{SCREEN} button[data-kw-band]").count() >= 2
    tops = _one_line(page, "joined_on")
    assert max(tops) - min(tops) < 4, tops
    _no_sideways_scroll(page, width)
    if width != 320:
        _shot(page, f"prebuilt-joined-{width}")
    # a typed day waits for the engine (it is not one of the pages)
    page.fill("#kw-joined_on-y", "2025")
    page.fill("#kw-joined_on-m", "4")
    page.fill("#kw-joined_on-d", "1")
    page.press("#kw-joined_on-d", "Enter")
    page.wait_for_selector("#kenpo-wizard [data-kw-status]:not([hidden])")
    assert "回答を受け付けました" in page.inner_text("#kenpo-wizard [data-kw-status]")
    assert page.get_attribute(SCREEN, "data-node") == "joined_on"


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_screenshots_of_a_static_result_without_javascript(
    nojs_page: Page, base_url: str, width: int, height: int
) -> None:
    nojs_page.set_viewport_size({"width": width, "height": height})
    nojs_page.goto(f"{base_url}/wizard/s/before.html")
    for value in ("employee", "0", "no", "none", "held"):
        nojs_page.click(f".kw-screen button[value='{value}']")
    assert "この答えのままです" in nojs_page.inner_text(".kw-screen .kw-day")
    _no_sideways_scroll(nojs_page, width)
    _shot(nojs_page, f"nojs-result-{width}")
    nojs_page.goto(f"{base_url}/wizard/s/later.html")
    _no_sideways_scroll(nojs_page, width)
    _shot(nojs_page, f"nojs-joined-{width}")
