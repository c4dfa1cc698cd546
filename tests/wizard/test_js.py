"""The real wizard page in Chromium, driven to every outcome of the engine's golden list.

One page session per test: Pyodide loads once, then each path starts again from 「最初から」
and is answered by clicking and typing, as a member would. The rendered result (code,
outcome, headline, how many documents to show / forms to submit / things to return) must
equal what the CPython engine says for the same answers on the same day.
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page
from wizkit import (
    Gate,
    expected_screen,
    load,
    one_per_outcome,
    open_in_page,
    renders,
    snapshot,
    step_in_page,
    wait_ready,
    wait_render,
)

from kenpo_wizard.flow import FLOW
from kenpo_wizard.ics import unfold
from kenpo_wizard.wareki import wareki
from kenpo_wizard.web import screen

SCREEN = "#kenpo-wizard [data-kw-screen]"


def answer(page: Page, qid: str, value: str, *, wareki: bool = False) -> None:
    q = FLOW.question(qid)
    before = renders(page)
    if q.kind == "choice":
        page.click(f"{SCREEN} button[name='{qid}'][value='{value}']")
    elif q.kind == "number":
        page.fill(f"#kw-{qid}", value)
        page.click(f"{SCREEN} .kw-next")
    else:
        day = dt.date.fromisoformat(value)
        if wareki and day >= dt.date(2019, 5, 1):  # 令和: the era path of the date input
            page.select_option(f"#kw-{qid}-era", "R")
            page.fill(f"#kw-{qid}-y", str(day.year - 2018))
        else:
            page.select_option(f"#kw-{qid}-era", "")
            page.fill(f"#kw-{qid}-y", str(day.year))
        page.fill(f"#kw-{qid}-m", str(day.month))
        page.fill(f"#kw-{qid}-d", str(day.day))
        page.click(f"{SCREEN} .kw-next")
    wait_render(page, before)


SHARDS = 2  # the long sweep in halves, so that parallel workers share it (pytest-xdist)
STEP_SAMPLE = 6  # every sixth (day, code) answered question by question


def test_golden_outcomes_step_by_step(page: Page, base_url: str) -> None:
    """Outcomes of the golden list (every sixth (day, code)), answered question by question in
    one page session, typing dates as 西暦 and as 和暦 in turn: each step's next question."""
    paths = one_per_outcome(load())[::STEP_SAMPLE]
    started = time.monotonic()
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    for i, g in enumerate(paths):
        shown = open_in_page(page, f"on={g.day.isoformat()}")  # 最初から, on that day
        for qid, value in g.answers:
            assert shown["node"] == qid, (g.query, shown)
            shown = step_in_page(page, qid, value, wareki=i % 2 == 1)
        want = expected_screen(g)
        got = {k: shown[k] for k in want}
        assert got == want, g.query
        assert (
            shown["search"]
            == f"?{urllib.parse.urlencode(sorted([*g.answers, ('on', g.day.isoformat())]))}"
        )
    print(f"\n{len(paths)} golden outcomes, step by step, in {time.monotonic() - started:.0f} s")


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_golden_day_and_code_by_url(page: Page, base_url: str, shard: int) -> None:
    """One path per (day, result code) of the golden list, opened as a link in one session:
    the page shows what the CPython engine gives (every path is swept once, in the engine
    tier, and under Pyodide in Node)."""
    paths = one_per_outcome(load())[shard::SHARDS]
    started = time.monotonic()
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    for g in paths:
        shown = open_in_page(page, f"{g.query}&on={g.day.isoformat()}")
        want = expected_screen(g)
        assert {k: shown[k] for k in want} == want, g.query
    print(f"\n{len(paths)} (day, code) pairs opened by URL in {time.monotonic() - started:.0f} s")


def test_golden_outcomes_with_real_input(page: Page, base_url: str) -> None:
    """A sample of outcomes with Playwright's mouse and keyboard input (typing 和暦 too)."""
    paths = one_per_outcome(load())[::24]
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    for i, g in enumerate(paths):
        open_in_page(page, f"on={g.day.isoformat()}")
        for qid, value in g.answers:
            answer(page, qid, value, wareki=i % 2 == 0)
        want = expected_screen(g)
        assert {k: v for k, v in snapshot(page).items() if k in want} == want, g.query


def test_answers_before_ready_step_through_static_pages_in_place(page: Page, base_url: str) -> None:
    """Nobody waits for Pyodide: while it loads, answers show the build's static pages in
    place (same page, the address holds the answers); then the engine takes over."""
    wasm = Gate(page, "**/pyodide/*/pyodide.asm.wasm")  # not arrived yet
    page.goto(f"{base_url}/wizard/")
    page.click(f"{SCREEN} button[value='before']")
    page.wait_for_selector(f"{SCREEN}[data-node='member_type'][data-source='static']")
    assert page.get_attribute("#kenpo-wizard", "data-mode") == "loading"
    assert page.url == f"{base_url}/wizard/?since=before"  # no navigation away
    assert "回答を受け付けました" not in page.inner_text("#kenpo-wizard [data-kw-status]")
    assert "今日" in page.inner_text(f"{SCREEN} .kw-day")  # today's line, not the no-JS note
    wasm.open()
    wait_ready(page)
    page.click(f"{SCREEN} button[value='employee']")
    page.wait_for_selector(f"{SCREEN}[data-node='age'][data-enhanced='1']")
    assert page.locator(f"{SCREEN} input[name='age']").count() == 1  # the engine's own field
    assert page.get_attribute(SCREEN, "data-source") is None


def test_answer_before_ready_waits_when_the_build_day_has_passed(page: Page, base_url: str) -> None:
    """Days after the build (its answers may have changed) the static pages are not shown in
    place: the answer is taken, progress is shown, then the engine answers."""
    page.add_init_script("const now = Date.now; Date.now = () => now() + 40 * 86400000;")
    wasm = Gate(page, "**/pyodide/*/pyodide.asm.wasm")  # not arrived yet
    page.goto(f"{base_url}/wizard/")
    page.click(f"{SCREEN} button[value='before']")  # before the engine is ready
    status = page.locator("#kenpo-wizard [data-kw-status]")
    status.locator("progress").wait_for()
    assert "回答を受け付けました" in status.inner_text()
    assert page.get_attribute(SCREEN, "data-node") == "since"  # waits: nothing shown early
    wasm.open()
    page.wait_for_selector(f"{SCREEN}[data-node='member_type']", timeout=120_000)
    assert page.url.endswith("/wizard/?since=before")


def test_engine_failure_falls_back_to_static_pages(page: Page, base_url: str) -> None:
    """A failed load (the wheel's sha256 does not match): the pre-built answers in place,
    the answers in the address."""
    page.route(
        "**/pyodide/*/kenpo_wizard-*.whl",
        lambda route: route.fulfill(status=200, body=b"tampered", content_type="application/zip"),
    )
    page.goto(f"{base_url}/wizard/")
    page.wait_for_function(
        "document.getElementById('kenpo-wizard').dataset.mode === 'failed'", timeout=120_000
    )
    page.click(f"{SCREEN} button[value='before']")
    page.wait_for_selector(f"{SCREEN}[data-node='member_type'][data-source='static']")
    assert page.url == f"{base_url}/wizard/?since=before"


def test_no_webassembly_falls_back(page: Page, base_url: str) -> None:
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(f"{base_url}/wizard/")
    page.click(f"{SCREEN} button[value='later']")
    page.wait_for_selector(f"{SCREEN}[data-node='joined_on'][data-source='static']")
    assert page.locator(f"{SCREEN} .kw-choice").count() >= 2
    assert page.url == f"{base_url}/wizard/?since=later"


def test_back_keeps_answers_and_change_answer(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/wizard/?on=2025-06-15")
    wait_ready(page)
    # the link's own screen (its 基準日), rendered by the engine once ready: answers start there
    page.wait_for_selector(f"{SCREEN}[data-enhanced='1'][data-node='since']")
    for qid, value in (("since", "before"), ("member_type", "employee"), ("age", "72")):
        answer(page, qid, value)
    assert page.get_attribute(SCREEN, "data-node") == "leaving"
    # the page's own 戻る: the previous question, its answer shown and kept
    before = renders(page)
    page.click(f"{SCREEN} .kw-back a")
    wait_render(page, before)
    assert page.get_attribute(SCREEN, "data-node") == "age"
    assert page.input_value("#kw-age") == "72"
    # the browser's back button walks the history of screens
    before = renders(page)
    page.go_back()
    wait_render(page, before)
    assert page.get_attribute(SCREEN, "data-node") == "leaving"
    for qid, value in (
        ("leaving", "no"),
        ("mynumber_card", "none"),
        ("assisted_visit", "no"),
        ("health_insurance_card", "held"),
    ):
        if page.get_attribute(SCREEN, "data-node") == qid:
            answer(page, qid, value)
    while page.get_attribute(SCREEN, "data-node") not in ("result", "over_75", "voluntary"):
        node = page.get_attribute(SCREEN, "data-node") or ""
        answer(page, node, FLOW.question(node).choices[0].value)
    first_code = page.get_attribute(SCREEN, "data-code")
    # 回答を変更 on the summary: the question again, then straight back to a result
    before = renders(page)
    page.click(f"{SCREEN} .kw-s-answers a:has-text('回答を変更') >> nth=2")  # the age
    wait_render(page, before)
    assert page.get_attribute(SCREEN, "data-node") == "age"
    answer(page, "age", "80")
    assert page.get_attribute(SCREEN, "data-node") == "over_75"
    assert page.get_attribute(SCREEN, "data-code") != first_code
    # 最初から
    before = renders(page)
    page.click(f"{SCREEN} a.kw-restart")
    wait_render(page, before)
    assert page.get_attribute(SCREEN, "data-node") == "since"
    assert page.url.endswith("?on=2025-06-15")


def test_day_defaults_to_tokyo_today_and_can_change(page: Page, base_url: str) -> None:
    # 2025-12-01 20:00 UTC is already 2025-12-02 in Tokyo: the 保険証 no longer works.
    page.clock.set_fixed_time(dt.datetime(2025, 12, 1, 20, 0, tzinfo=dt.UTC))
    page.goto(f"{base_url}/wizard/")
    assert "令和7年12月2日" in page.inner_text(f"{SCREEN} .kw-day")
    wait_ready(page)
    before = renders(page)
    page.click(f"{SCREEN} .kw-day a")
    wait_render(page, before)
    assert page.get_attribute(SCREEN, "data-node") == "on"
    page.select_option("#kw-on-era", "R")
    page.fill("#kw-on-y", "7")
    page.fill("#kw-on-m", "11")
    page.fill("#kw-on-d", "30")
    assert "2025年11月30日" in page.inner_text("#kw-on-preview")
    before = renders(page)
    page.click(f"{SCREEN} .kw-next")
    wait_render(page, before)
    assert "on=2025-11-30" in page.url
    assert "令和7年11月30日" in page.inner_text(f"{SCREEN} .kw-day")
    assert "指定した日" in page.inner_text(f"{SCREEN} .kw-day")


def test_result_states_next_change(page: Page, base_url: str) -> None:
    # no マイナンバーカード, 保険証 in hand: on 2025-12-02 the 保険証 stops working
    query = (
        "age=40&assisted_visit=no&health_insurance_card=held&leaving=no&member_type=employee"
        "&mynumber_card=none&eligibility_certificate=none&since=before&on=2025-06-15"
    )
    page.goto(f"{base_url}/wizard/?{query}")
    wait_ready(page)
    page.wait_for_selector(f"{SCREEN}[data-kind='result']")
    text = page.inner_text(f"{SCREEN} .kw-s-next")
    assert "あと" in text and "日" in text
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1


def test_result_offers_its_calendar_as_a_download(page: Page, base_url: str) -> None:
    # no マイナンバーカード, 資格確認書 in hand: its latest validity (令和11年12月1日) is coming
    query = (
        "age=40&eligibility_certificate=held&leaving=no&member_type=employee"
        "&mynumber_card=none&since=before&on=2026-11-27"
    )
    page.goto(f"{base_url}/wizard/?{query}")
    wait_ready(page)
    page.wait_for_selector(f"{SCREEN}[data-kind='result']")
    assert "令和11年12月1日" in page.inner_text(f"{SCREEN} .kw-s-calendar")
    with page.expect_download() as info:
        page.click(f"{SCREEN} [data-kw-ics]")
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    path = download.path()
    text = Path(path).read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20291201\r\n" in text
    body = unfold(text)
    # the event links back to this result on this site, without the day
    (url,) = [line for line in body if line.startswith("URL:")]
    assert url.startswith(f"URL:{base_url}/wizard/?age=40&") and "on=" not in url


# A member who joined before the cards ended, employed, 18〜69, not leaving: the commonest path,
# answered in place from the pre-built pages while the engine has not arrived.
COMMON = {"since": "before", "member_type": "employee", "leaving": "no"}
WAITING = "#kenpo-wizard [data-kw-status] progress"


def _on_day(page: Page, base_url: str, days_on: int) -> None:
    """The wizard page on the build day + ``days_on`` (the page's clock moved), the engine held."""
    page.add_init_script(f"const now = Date.now; Date.now = () => now() + {days_on} * 86400000;")
    Gate(page, "**/pyodide/*/pyodide.asm.wasm")  # never arrives in these tests
    page.goto(f"{base_url}/wizard/")


def _answer_common(page: Page) -> bool:
    """Answer the question on screen along the commonest path: True once it shows the next
    screen in place, False when the answer waits for the engine (progress shown)."""
    node = page.get_attribute(SCREEN, "data-node")
    before = renders(page)
    if node in COMMON:
        page.click(f"{SCREEN} button[value='{COMMON[node]}']")
    elif node == "age":
        page.click(f"{SCREEN} button[data-kw-band]:has-text('18〜69歳')")
    else:
        page.click(f"{SCREEN} button.kw-choice >> nth=0")
    page.wait_for_function(
        f"Number(document.getElementById('kenpo-wizard').dataset.renders || 0) > {before}"
        f" || document.querySelector({WAITING!r}) !== null"
    )
    return renders(page) > before


def _static_walk(page: Page) -> tuple[str, str, str]:
    """The commonest path through the pre-built pages: its code, the last day every page on
    the way holds (each says its own) and the answers in the address."""
    until: list[str] = []
    for _ in range(20):
        if page.get_attribute(SCREEN, "data-kind") == "result":
            break
        assert _answer_common(page), page.get_attribute(SCREEN, "data-node")
        assert page.get_attribute(SCREEN, "data-source") == "static"
        until.append(page.get_attribute(SCREEN, "data-valid-until") or "")
    assert page.get_attribute("#kenpo-wizard", "data-mode") == "loading"
    code = page.get_attribute(SCREEN, "data-code") or ""
    assert all(until), until
    return code, min(until), urllib.parse.urlsplit(page.url).query


def test_prebuilt_answers_hold_on_later_days_until_they_change(
    page_factory: Callable[..., Page], base_url: str, build_day: dt.date
) -> None:
    """A site built on day D answers instantly and truly on D+1, D+7 and the last day its
    answer holds (the day before the engine's next change, at most 30 days): the code the
    engine gives for that day, today's date on the screen and in 「いまの状況」. The day after,
    the page says how long the prepared answer held and waits for the engine."""
    first = page_factory(375, 812)
    _on_day(first, base_url, 1)
    _code, until, _query = _static_walk(first)
    last = (dt.date.fromisoformat(until) - build_day).days
    assert last >= 7, until  # the commonest answer holds at least a week
    for offset in (1, 7, last):
        page = page_factory(375, 812)
        _on_day(page, base_url, offset)
        code, _until, query = _static_walk(page)
        day = build_day + dt.timedelta(days=offset)
        engine = screen(query, day)
        assert engine.answer is not None and code == engine.answer["result_code"], offset
        assert wareki(day) in page.inner_text(f"{SCREEN} .kw-day")
        page.goto(f"{base_url}/")  # the guide's 「いまの状況」: today's period, today's date
        status = page.locator("[data-kenpo-today-status]")
        assert wareki(day) in status.inner_text()
        shown = status.locator("li:visible")
        assert shown.count() == 1
        start, end = shown.get_attribute("data-start"), shown.get_attribute("data-end")
        assert start and end and start <= day.isoformat() <= end
    page = page_factory(375, 812)
    _on_day(page, base_url, last + 1)
    while _answer_common(page):
        assert page.get_attribute(SCREEN, "data-kind") != "result"  # never a stale result
    text = page.inner_text("#kenpo-wizard [data-kw-status]")
    assert "回答を受け付けました" in text and "事前に用意した答えは" in text
