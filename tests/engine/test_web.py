"""The web face without a browser: URL state, screens, and markup that escapes what it is given.

Runs on CPython and under Pyodide (the wheel ships ``web/templates``), so the screens the
browser shows are checked where they are made.
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kenpo_wizard.flow import FLOW
from kenpo_wizard.ics import unfold
from kenpo_wizard.web import Context, canonical_query, parse_query, screen, step
from kenpo_wizard.web import html as web_html
from kenpo_wizard.web.pages import PAGE_TITLES, SECTION_PAGES

DAY = dt.date(2025, 6, 15)
TAMPERED = json.loads(Path(__file__).with_name("tampered_links.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("name", list(TAMPERED))
def test_a_tampered_link_gets_a_japanese_message_and_a_way_back(name: str) -> None:
    query, message = TAMPERED[name]
    s = screen(query, DAY)
    assert message in s.html, s.html
    assert "最初から" in s.html
    assert "Traceback" not in s.html


def test_dates_in_links_are_canonical() -> None:
    assert screen("since=later&joined_on=R7.4.1", DAY).query == "joined_on=2025-04-01&since=later"


def test_unknown_keys_are_dropped_and_reported() -> None:
    answers, dropped = parse_query("utm_source=x&since=before&since=later")
    assert answers == {"since": "before"} and dropped == ["utm_source"]
    assert canonical_query({"since": "before", "zzz": "1", "age": "40"}) == "age=40&since=before"


def test_step_is_json_and_never_raises() -> None:
    out = json.loads(step("since=before", "2026-11-27"))
    assert out["kind"] == "question" and out["node"] != FLOW.start
    broken = json.loads(step("since=before", "not-a-date"))
    assert broken["kind"] == "error" and "最初から" in broken["html"]


def test_the_first_screen_is_well_formed_markup() -> None:
    for query in ("", "since=before", "since=later&joined_on=2025-02-30", "on=x&since=before"):
        html = screen(query, DAY).html
        assert _unbalanced(html) == [], query
    assert f'data-key="{FLOW.start}"' in screen("", DAY).html


def test_values_are_escaped_and_fragments_pass_as_markup() -> None:
    out = web_html.render("common.html", "notice", text='<script>alert("x")</script>')
    assert "<script>" not in out and "&lt;script&gt;" in out
    inner = web_html.render("common.html", "notice", text="a")
    wrapped = web_html.render("common.html", "links", content=inner)
    assert '<p class="kw-notice" role="status">a</p>' in wrapped


def test_escaping_matches_the_standard_library() -> None:
    import html

    for text in ("<a href=\"x\">'&'</a>", "&amp;", "資格確認書 & <b>", "plain"):
        assert web_html.esc(text) == html.escape(text, quote=True)
    assert web_html.esc(web_html.Html("<b>")) == "<b>"


def test_a_typed_answer_is_escaped_on_the_error_screen() -> None:
    s = screen('since=later&joined_on="><img src=x>', DAY)
    assert ("<img" not in s.html and "&lt;img" in s.html) or "&quot;&gt;&lt;img" in s.html


def test_static_links_go_to_built_pages() -> None:
    ctx = Context("static", DAY, static_url=lambda path: "s/" + "".join(v + "/" for _k, v in path))
    html = screen("", DAY, ctx).html
    assert 'formaction="s/before/"' in html


def test_every_section_links_to_a_page_of_the_site() -> None:
    assert set(SECTION_PAGES.values()) <= set(PAGE_TITLES)


VOID = {"input", "br", "img", "meta", "link", "hr"}


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"</{tag}> closes nothing open")


def _unbalanced(html: str) -> list[str]:
    """Tags that do not close in order (fragments glued by hand would show here)."""
    parser = _Balance()
    parser.feed(html)
    parser.close()
    return parser.errors + [f"<{t}> left open" for t in parser.stack]


CERTIFICATE_HOLDER = (
    "age=40&eligibility_certificate=held&leaving=no&member_type=employee"
    "&mynumber_card=none&since=before"
)


def test_a_result_with_coming_dates_offers_its_calendar() -> None:
    out = json.loads(step(CERTIFICATE_HOLDER, "2026-11-27", "https://example.jp/wizard/"))
    assert out["kind"] == "result" and out["ics_name"].endswith(".ics")
    assert "カレンダーに追加（.ics）" in out["html"] and "data-kw-ics" in out["html"]
    assert "令和11年12月1日（2029年12月1日）：資格確認書の有効期限（最長）" in out["html"]
    assert _unbalanced(out["html"]) == []
    # the events link back to this result, without the day (opened later, it shows that day)
    assert "URL:https://example.jp/wizard/?" + CERTIFICATE_HOLDER in unfold(out["ics"])
    plain = json.loads(step(CERTIFICATE_HOLDER, "2026-11-27"))
    assert plain["ics"] and "URL:" not in plain["ics"]


def test_no_calendar_when_nothing_is_coming() -> None:
    after = json.loads(step(CERTIFICATE_HOLDER, "2029-12-02"))
    assert after["kind"] == "result" and after["ics"] is None
    assert "data-kw-ics" not in after["html"]


def test_a_static_result_links_its_file_and_leaves_out_a_ranged_answer() -> None:
    """A static result page is shared by every path to it: it links the calendar file the
    build keeps for its text, its events link the wizard itself (no one person's answers),
    and it has no back link or answer list of its own (the browser's Back keeps answers)."""
    kept: list[str] = []
    ctx = Context(
        "static", dt.date(2026, 11, 27), static_url=lambda p: "x/", inexact=frozenset({"age"})
    )
    ctx.base_url = "https://example.jp/wizard/"

    def keep(text: str) -> str:
        kept.append(text)
        return "ics/one.ics"

    ctx.calendar_url = keep
    s = screen(CERTIFICATE_HOLDER, ctx.on, ctx)
    assert 'href="ics/one.ics"' in s.html and "data-kw-ics-file" in s.html
    assert kept == [s.ics]
    urls = [line for line in unfold(s.ics) if line.startswith("URL:")]
    assert urls and all(u == "URL:https://example.jp/wizard/" for u in urls)
    assert "kw-s-answers" not in s.html and "回答を変更" not in s.html
    assert "data-kw-back" in s.html and 'class="kw-back"><a' not in s.html
    ctx.calendar_url = None  # no file: the calendar travels in the link
    inline = screen(CERTIFICATE_HOLDER, ctx.on, ctx)
    assert 'href="data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR' in inline.html
    assert "age=" not in "".join(unfold(s.ics))  # a band's first value is not the member's age


# ----------------------------------------------------------------------------- dates (issue 20)
def _quick_links(html: str) -> list[tuple[str, str]]:
    import re

    return re.findall(
        r'<a class="kw-choice kw-quick__day" href="([^"]*)" data-kw>([^<]*)</a>', html
    )


def test_the_visit_day_is_today_or_tomorrow_in_one_tap() -> None:
    """The day form offers today and tomorrow as one link each, dated from the day the page
    is made (the worker's ``today``), keeping the answers given; tomorrow's link shows the
    state on that day."""
    s = json.loads(step("since=before&edit=on", "2026-12-03"))
    assert s["node"] == "on"
    links = _quick_links(s["html"])
    assert links == [
        ("?since=before", "今日（12月3日）"),
        ("?on=2026-12-04&amp;since=before", "明日（12月4日）"),
    ]
    assert 'role="group" aria-labelledby="kw-on-quick"' in s["html"]
    # the typed field follows the links: Enter in it sends the field, not a link
    assert s["html"].index("kw-quick__day") < s["html"].index('name="on__y"')
    assert _unbalanced(s["html"]) == []
    later = json.loads(step("since=before&edit=on", "2027-01-31"))
    assert [label for _h, label in _quick_links(later["html"])] == [
        "今日（1月31日）",
        "明日（2月1日）",
    ]
    tomorrow = json.loads(step("on=2026-12-04&since=before", "2026-12-03"))
    assert tomorrow["kind"] == "question" and tomorrow["node"] == "member_type"
    assert (
        "令和8年12月4日（2026年12月4日）" in tomorrow["html"] and "指定した日" in tomorrow["html"]
    )
    today = json.loads(step("since=before", "2026-12-03"))
    assert "令和8年12月3日（2026年12月3日）" in today["html"] and "（今日）" in today["html"]


def test_the_one_tap_days_keep_a_result_and_stop_at_the_last_day() -> None:
    s = json.loads(step(CERTIFICATE_HOLDER + "&edit=on&on=2027-03-01", "2026-12-03"))
    hrefs = [h.replace("&amp;", "&") for h, _l in _quick_links(s["html"])]
    assert hrefs == [
        "?" + CERTIFICATE_HOLDER,
        "?" + CERTIFICATE_HOLDER.replace("none&", "none&on=2026-12-04&"),
    ]
    end = json.loads(step("since=before&edit=on", "2099-12-31"))
    assert [label for _h, label in _quick_links(end["html"])] == ["今日（12月31日）"]


def test_the_one_tap_days_in_english() -> None:
    s = json.loads(step("since=before&edit=on", "2026-12-03", lang="en"))
    assert [label for _h, label in _quick_links(s["html"])] == [
        "Today (3 December)",
        "Tomorrow (4 December)",
    ]


def _static(on: dt.date, **kw: object) -> Context:
    from kenpo_wizard.web import Band

    ctx = Context("static", on, static_url=lambda p: "x.html", build_note="note", **kw)  # type: ignore[arg-type]
    ctx.bands = {"joined_on": [Band("2024-10-07", "R6.10.7〜R6.11.30")]}
    return ctx


def test_a_prebuilt_date_question_keeps_its_field_for_the_script_and_says_so_without() -> None:
    """A pre-built page's date: the exact-day field is there for the page script (hidden
    until it shows it), a line says the page alone cannot take a typed date (the script
    removes it), and the ranges follow, each a button to its page."""
    ctx = _static(dt.date(2026, 12, 3))
    html = screen("since=later", ctx.on, ctx).html
    assert '<div class="kw-typed" data-kw-typed hidden>' in html and 'name="joined_on__y"' in html
    assert "data-kw-nojs" in html and "日付を入力できません" in html
    assert 'name="joined_on" value="2024-10-07" formaction="x.html" data-kw-band' in html
    # 次へ comes before the ranges: Enter in the field sends the field
    assert html.index('class="kw-next"') < html.index("data-kw-band")
    assert _unbalanced(html) == []
    ctx.bands = {"joined_on": []}  # no range holds one answer: the day is typed, said so
    alone = screen("since=later", ctx.on, ctx).html
    assert (
        "data-kw-band" not in alone and "下の期間" not in alone and "日付を入力できません" in alone
    )


def test_a_prebuilt_result_says_which_visit_days_it_answers() -> None:
    """Without JavaScript the day cannot be changed: a pre-built result says for which visit
    days from the build day its answer holds (until the engine's next change, within the
    build's horizon) and where another day is answered."""
    on = dt.date(2026, 12, 3)
    ctx = _static(on, horizon=dt.date(2027, 1, 2))
    s = screen(CERTIFICATE_HOLDER, on, ctx)
    assert s.kind == "result"
    assert (
        "受診日が令和8年12月3日（2026年12月3日）から令和9年1月2日（2027年1月2日）までなら" in s.html
    )
    assert "kenpo-wizard assess --on" in s.html and "基準日を変更" in s.html
    # the next change comes first: the answer holds to the day before it
    near = _static(dt.date(2029, 11, 25), horizon=dt.date(2029, 12, 25))
    s = screen(CERTIFICATE_HOLDER, near.on, near)
    assert "令和11年12月1日（2029年12月1日）までなら" in s.html, s.html[:800]
    # with JavaScript the day line changes the day instead
    js = json.loads(step(CERTIFICATE_HOLDER, "2026-12-03"))
    assert "この答えのままです" not in js["html"] and "基準日を変更" in js["html"]
