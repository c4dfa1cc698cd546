"""The wizard without JavaScript: static pages for the build day, reached by plain GET forms.

Golden paths are computed for the build day (the only day the static pages answer). Typed
answers are offered as bands; the test picks the band holding the golden example value, so
each band's honesty (one result for the whole range) is checked on the way.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import time
from pathlib import Path

from playwright.sync_api import Page
from wizkit import for_day, one_per_outcome

from kenpo_site.bands import Range, Signatures, bands
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.rules import assess


def band_value(sig: Signatures, answers: dict[str, str], qid: str, value: str) -> str:
    """The offered band (its representative value) that holds a typed ``value``."""
    q = FLOW.question(qid)
    if q.kind == "choice":
        return value
    typed: object = int(value) if q.kind == "number" else dt.date.fromisoformat(value)

    def holds(r: Range) -> bool:
        lo_ok = r.start is None or r.start <= typed  # type: ignore[operator]
        hi_ok = r.end is None or typed <= r.end  # type: ignore[operator]
        return bool(lo_ok and hi_ok)

    return next(b.value for b, r in bands(q, answers, sig) if holds(r))


class _Page(html.parser.HTMLParser):
    """The bits of a static page the walk needs: the screen's data and each button's target."""

    def __init__(self) -> None:
        super().__init__()
        self.screen: dict[str, str] = {}
        self.targets: dict[tuple[str, str], str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "kw-screen" in a.get("class", "").split():
            self.screen = a
        if tag == "button" and "formaction" in a:
            self.targets[(a["name"], a["value"])] = a["formaction"]


def test_every_golden_path_of_the_build_day_in_the_static_files(
    site: Path, build_day: dt.date
) -> None:
    """All golden paths for the build day, followed through the files (no browser: fast)."""
    sig = Signatures(build_day)
    paths = for_day(build_day)
    for g in paths:
        page = site / "wizard" / "s" / "index.html"
        answers: dict[str, str] = {}
        for qid, value in g.answers:
            parser = _Page()
            parser.feed(page.read_text(encoding="utf-8"))
            assert parser.screen["data-node"] == qid, g.query
            chosen = band_value(sig, answers, qid, value)
            page = (page.parent / parser.targets[(qid, chosen)] / "index.html").resolve()
            answers[qid] = chosen
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
        state = walk(FLOW, dict(g.answers), build_day)
        want = assess(state.facts, build_day).to_dict()["result_code"]
        assert (parser.screen["data-node"], parser.screen["data-code"]) == (g.outcome, want), (
            g.query
        )
    print(f"\n{len(paths)} golden paths of {build_day} followed through the static pages")


def test_golden_outcomes_in_the_browser_without_javascript(
    nojs_page: Page, base_url: str, build_day: dt.date
) -> None:
    """One path per outcome, clicked through in Chromium with JavaScript disabled."""
    sig = Signatures(build_day)
    paths = one_per_outcome(for_day(build_day))
    started = time.monotonic()
    for g in paths:
        nojs_page.goto(f"{base_url}/wizard/")
        assert "JavaScriptが無効のため" in nojs_page.inner_text("#kenpo-wizard .kw-day")
        answers: dict[str, str] = {}
        for qid, value in g.answers:
            chosen = band_value(sig, answers, qid, value)
            nojs_page.click(f".kw-screen button[name='{qid}'][value='{chosen}']")
            answers[qid] = chosen
        screen = nojs_page.locator(".kw-screen")
        state = walk(FLOW, dict(g.answers), build_day)
        want = assess(state.facts, build_day).to_dict()["result_code"]
        assert screen.get_attribute("data-node") == g.outcome, g.query
        assert screen.get_attribute("data-code") == want, g.query
        assert nojs_page.locator('meta[name="robots"][content="noindex"]').count() == 1
        rows = nojs_page.locator(".kw-s-answers .kw-row").count()
        assert rows == len(g.answers)
    print(f"\n{len(paths)} outcomes without JavaScript in {time.monotonic() - started:.0f} s")


def test_ranges_are_offered_as_choices_not_as_a_field_to_type_in(
    nojs_page: Page, base_url: str
) -> None:
    """Without JavaScript a typed answer is a choice of ranges: the hint says to choose."""
    nojs_page.goto(f"{base_url}/wizard/s/before/employee/")
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "age"
    hint = nojs_page.locator(".kw-hint").inner_text()
    assert "入力" not in hint and "選んでください" in hint
    assert nojs_page.locator(".kw-screen button[data-kw-band]").count() >= 2
    assert nojs_page.locator(".kw-screen input").count() == 0


def test_static_back_and_change_links(nojs_page: Page, base_url: str) -> None:
    nojs_page.goto(f"{base_url}/wizard/s/before/employee/0/")
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "leaving"
    nojs_page.click(".kw-back a")
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "age"
    assert nojs_page.url.endswith("/wizard/s/before/employee/")
    labels = nojs_page.locator(".kw-choice-label").all_inner_texts()
    assert labels[:3] == ["17歳以下", "18〜69歳", "70〜74歳"]
    # from 75 the bands follow the years in which a 75th birthday could end a 資格確認書's
    # life (v3 A2), so they depend on the build day: 75〜77歳 then 78歳以上 in 2026-12
    assert labels[3].startswith("75") and labels[-1].endswith("歳以上")
    nojs_page.click(".kw-restart")
    assert nojs_page.url.endswith("/wizard/s/")


def test_static_pages_are_small(site: Path, build_info: dict[str, object]) -> None:
    pages = list((site / "wizard" / "s").rglob("index.html"))
    assert len(pages) == build_info["static_pages"]
    biggest = max(p.stat().st_size for p in pages)
    assert biggest < 16_000, biggest


def test_static_results_with_coming_dates_link_the_calendar_beside_them(
    site: Path, build_info: dict[str, object]
) -> None:
    calendars = {p.parent for p in (site / "wizard" / "s").rglob("calendar.ics")}
    assert calendars and len(calendars) == build_info["static_calendars"]
    linking = set()
    for page in (site / "wizard" / "s").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if 'href="calendar.ics"' in text:
            assert 'data-kind="result"' in text, page
            linking.add(page.parent)
    assert linking == calendars  # a link only where the file is, and every file linked
    for folder in list(calendars)[:50]:
        data = (folder / "calendar.ics").read_bytes()
        assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")


def test_static_calendar_link_serves_a_calendar(nojs_page: Page, base_url: str) -> None:
    nojs_page.goto(f"{base_url}/wizard/s/before/employee/0/no/none/held/")
    assert nojs_page.get_attribute(".kw-screen", "data-kind") == "result"
    href = nojs_page.get_attribute(".kw-s-calendar a[href$='calendar.ics']", "href")
    assert href == "calendar.ics"
    response = nojs_page.request.get(f"{base_url}/wizard/s/before/employee/0/no/none/held/{href}")
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20291201" in response.text()
