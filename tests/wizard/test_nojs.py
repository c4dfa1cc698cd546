"""The wizard without JavaScript: static pages for the build day, reached by plain GET forms.

Golden paths are computed for the build day (the only day the static pages answer). Typed
answers are offered as bands; the test picks the band holding the golden example value, so
each band's honesty (one result for the whole range) is checked on the way.
"""

from __future__ import annotations

import datetime as dt
import functools
import html.parser
import re
import time
import urllib.parse
from pathlib import Path
from typing import Any

from playwright.sync_api import Page
from wizkit import for_day, one_per_outcome

from kenpo_site.bands import Range, Signatures, bands
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.rules import assess


def band_value(sig: Signatures, answers: dict[str, str], qid: str, value: str) -> str | None:
    """The offered band (its representative value) that holds a typed ``value``; None when
    none does (a range is offered only where all its days give one answer: the day is typed,
    with JavaScript)."""
    q = FLOW.question(qid)
    if q.kind == "choice":
        return value
    typed: object = int(value) if q.kind == "number" else dt.date.fromisoformat(value)

    def holds(r: Range) -> bool:
        lo_ok = r.start is None or r.start <= typed  # type: ignore[operator]
        hi_ok = r.end is None or typed <= r.end  # type: ignore[operator]
        return bool(lo_ok and hi_ok)

    return next((b.value for b, r in bands(q, answers, sig) if holds(r)), None)


BROWSER_SAMPLE = 24  # paths clicked through in the browser


class _Page(html.parser.HTMLParser):
    """The bits of a static page the walk needs: the screen's data and each button's target."""

    def __init__(self) -> None:
        super().__init__()
        self.screen: dict[str, str] = {}
        self.targets: dict[tuple[str, str], str] = {}
        self.nojs = False  # the page asks for a typed day (JavaScript)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "kw-screen" in a.get("class", "").split():
            self.screen = a
        if tag == "button" and "formaction" in a:
            self.targets[(a["name"], a["value"])] = a["formaction"]


@functools.cache
def _parsed(page: Path) -> _Page:
    """A static page parsed once: the paths share their first pages (11,000 reads were 2 min)."""
    parser = _Page()
    text = page.read_text(encoding="utf-8")
    parser.feed(text)
    parser.nojs = "data-kw-nojs" in text
    return parser


def test_every_golden_path_of_the_build_day_in_the_static_files(
    site: Path, build_day: dt.date
) -> None:
    """All golden paths for the build day, followed through the files (no browser: fast)."""
    sig = Signatures(build_day)
    paths = for_day(build_day)
    typed = 0  # paths with a day in no range of one answer: typed, with JavaScript
    for g in paths:
        page = site / "wizard" / "s" / "index.html"
        answers: dict[str, str] = {}
        for qid, value in g.answers:
            parser = _parsed(page)
            assert parser.screen["data-node"] == qid, g.query
            chosen = band_value(sig, answers, qid, value)
            if chosen is None:
                assert parser.nojs, g.query
                break
            page = (page.parent / parser.targets[(qid, chosen)]).resolve()
            answers[qid] = chosen
        if len(answers) < len(g.answers):
            typed += 1
            continue
        parser = _parsed(page)
        state = walk(FLOW, dict(g.answers), build_day)
        want = assess(state.facts, build_day).to_dict()["result_code"]
        assert (parser.screen["data-node"], parser.screen["data-code"]) == (g.outcome, want), (
            g.query
        )
    assert typed < len(paths) / 3, (typed, len(paths))  # most paths have their ranges
    print(f"\n{len(paths) - typed} golden paths of {build_day} followed through the static pages")


def test_golden_outcomes_in_the_browser_without_javascript(
    nojs_page: Page, base_url: str, build_day: dt.date
) -> None:
    """Paths to outcomes across the list, clicked through in Chromium with JavaScript
    disabled: the plain GET forms and links work in a browser. (Every path of the build day
    is followed through the same files above, without a browser: fifty times cheaper.)"""
    sig = Signatures(build_day)
    outcomes = one_per_outcome(for_day(build_day))
    paths = outcomes[:: max(1, len(outcomes) // BROWSER_SAMPLE)]
    started = time.monotonic()
    for g in paths:
        nojs_page.goto(f"{base_url}/wizard/")
        assert "JavaScriptが無効のため" in nojs_page.inner_text("#kenpo-wizard .kw-day")
        answers: dict[str, str] = {}
        for qid, value in g.answers:
            chosen = band_value(sig, answers, qid, value)
            if chosen is None:
                break
            nojs_page.click(f".kw-screen button[name='{qid}'][value='{chosen}']")
            answers[qid] = chosen
        if len(answers) < len(g.answers):
            continue  # a day typed (JavaScript): followed through the files above
        screen = nojs_page.locator(".kw-screen")
        state = walk(FLOW, dict(g.answers), build_day)
        want = assess(state.facts, build_day).to_dict()["result_code"]
        assert screen.get_attribute("data-node") == g.outcome, g.query
        assert screen.get_attribute("data-code") == want, g.query
        assert nojs_page.locator('meta[name="robots"][content="noindex"]').count() == 1
        # one page stands for every path to it: no list of one path's answers, and the way
        # back is the browser's (the previous page's address holds the answers)
        assert nojs_page.locator(".kw-s-answers").count() == 0
        assert nojs_page.locator("[data-kw-back]").count() == 1
    print(f"\n{len(paths)} outcomes without JavaScript in {time.monotonic() - started:.0f} s")


def test_ranges_are_offered_as_choices_not_as_a_field_to_type_in(
    nojs_page: Page, base_url: str
) -> None:
    """Without JavaScript a typed answer is a choice of ranges: the hint says to choose."""
    nojs_page.goto(f"{base_url}/wizard/s/before.html")
    nojs_page.click(".kw-screen button[value='employee']")
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "age"
    hint = nojs_page.locator(".kw-hint").inner_text()
    assert "入力" not in hint and "選んでください" in hint
    assert nojs_page.locator(".kw-screen button[data-kw-band]").count() >= 2
    assert nojs_page.locator(".kw-screen input").count() == 0


def test_static_back_keeps_answers_and_restart_starts_again(nojs_page: Page, base_url: str) -> None:
    """A shared page has no back link of its own: the browser's Back returns to the previous
    page, with its address (and so the answers given) unchanged."""
    nojs_page.goto(f"{base_url}/wizard/s/before.html")
    nojs_page.click(".kw-screen button[value='employee']")
    age_page = nojs_page.url
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "age"
    labels = nojs_page.locator(".kw-choice-label").all_inner_texts()
    assert labels[:3] == ["17歳以下", "18〜69歳", "70〜74歳"]
    # from 75 the bands follow the years in which a 75th birthday could end a 資格確認書's
    # life (v3 A2), so they depend on the build day: 75〜77歳 then 78歳以上 in 2026-12
    assert labels[3].startswith("75") and labels[-1].endswith("歳以上")
    nojs_page.click(".kw-screen button[data-kw-band]")  # the first band
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "leaving"
    assert "ブラウザの「戻る」" in nojs_page.inner_text("[data-kw-back]")
    nojs_page.go_back()
    assert nojs_page.url == age_page
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "age"
    nojs_page.click(".kw-restart")
    assert nojs_page.url.split("?")[0].endswith("/wizard/s/")


def test_static_pages_are_few_and_small(site: Path, build_info: dict[str, Any]) -> None:
    """One file per distinct state (many answer paths share a page), each small."""
    pages = list((site / "wizard" / "s").glob("*.html"))
    assert len(pages) == build_info["static_pages"] < build_info["static_states"]
    biggest = max(p.stat().st_size for p in pages)
    assert biggest < 16_000, biggest


def test_static_results_link_calendars_that_exist(site: Path, build_info: dict[str, Any]) -> None:
    """Results with coming dates link a calendar file, shared by every result with that text."""
    folder = site / "wizard" / "s"
    files = {p.name for p in (folder / "ics").glob("*.ics")}
    linking = 0
    linked: set[str] = set()
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = re.findall(r'href="ics/([0-9a-f]+\.ics)"', text)
        if found:
            assert 'data-kind="result"' in text, page
            linking += 1
            linked.update(found)
    assert linking == build_info["static_calendars"]
    assert linked == files  # every link has its file, and every file is linked
    for name in list(files)[:50]:
        data = (folder / "ics" / name).read_bytes()
        assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")


def test_static_calendar_link_serves_a_calendar(nojs_page: Page, base_url: str) -> None:
    nojs_page.goto(f"{base_url}/wizard/s/before.html")
    for value in ("employee", "0", "no", "none", "held"):
        nojs_page.click(f".kw-screen button[value='{value}']")
    assert nojs_page.get_attribute(".kw-screen", "data-kind") == "result"
    href = nojs_page.get_attribute(".kw-s-calendar a[data-kw-ics-file]", "href")
    assert href and href.startswith("ics/") and href.endswith(".ics")
    response = nojs_page.request.get(urllib.parse.urljoin(nojs_page.url, href))
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20291201" in response.text()


def test_a_static_result_tells_the_visit_days_it_answers(
    nojs_page: Page, base_url: str, build_day: dt.date
) -> None:
    """Issue 20 (6): without JavaScript the visit day cannot be typed; the result says for
    which visit days from the build day it holds (its data-valid-until) and where another
    day is answered, and the page does not scroll sideways at 320 px."""
    from kenpo_wizard.wareki import wareki

    nojs_page.set_viewport_size({"width": 320, "height": 640})
    nojs_page.goto(f"{base_url}/wizard/s/before.html")
    for value in ("employee", "0", "no", "none", "held"):
        nojs_page.click(f".kw-screen button[value='{value}']")
    screen = nojs_page.locator(".kw-screen")
    assert screen.get_attribute("data-kind") == "result"
    until = dt.date.fromisoformat(screen.get_attribute("data-valid-until") or "")
    line = nojs_page.inner_text(".kw-screen .kw-day")
    assert wareki(build_day) in line and wareki(until) in line and until > build_day
    assert "kenpo-wizard assess --on" in line
    width = nojs_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, width


def test_a_static_date_question_offers_ranges_and_says_a_day_is_typed_with_javascript(
    nojs_page: Page, base_url: str
) -> None:
    nojs_page.set_viewport_size({"width": 320, "height": 640})
    nojs_page.goto(f"{base_url}/wizard/s/later.html")
    assert nojs_page.get_attribute(".kw-screen", "data-node") == "joined_on"
    assert nojs_page.locator(".kw-screen input").first.is_hidden()  # the field: with JS
    assert "日付を入力できません" in nojs_page.inner_text(".kw-screen [data-kw-nojs]")
    assert nojs_page.locator(".kw-screen button[data-kw-band]").count() >= 2
    width = nojs_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, width
