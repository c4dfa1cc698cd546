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
