"""The site's generated blocks, without a build or a browser (part of `make test-fast`)."""

from __future__ import annotations

import datetime as dt

import pytest

from kenpo_site import abbreviations, blocks
from kenpo_site.blocks import chart, timeline
from kenpo_site.render import BASE_MARK
from kenpo_wizard import leaflet as lf
from kenpo_wizard.flow import FLOW


def test_every_milestone_has_a_lane() -> None:
    assert set(timeline.MILESTONE_LANES) == {m.key for m in lf.MILESTONES}


def test_milestone_dates() -> None:
    by = lf.MILESTONE_BY_KEY
    assert timeline.milestone_date(by["abolition"]).wareki == "令和6年12月2日（月）"
    assert timeline.milestone_date(by["abolition"]).seireki == "2024年12月2日"
    rate = timeline.milestone_date(by["registration_rate"])
    assert (rate.wareki, rate.seireki) == ("令和6年9月末", "2024年9月末")
    ex = timeline.milestone_date(by["ex_officio_delivery"])
    assert ex.wareki == "令和7年11月（予定でした）"
    assert (ex.start, ex.end) == (dt.date(2025, 11, 1), dt.date(2025, 11, 30))
    window = timeline.milestone_date(by["second_notice_window"])
    assert window.wareki == "令和6年10月6日〜令和6年12月1日"


def test_timeline_is_chronological() -> None:
    starts = [i.date.start for i in timeline.timeline_items()]
    assert starts == sorted(starts)
    assert [i.number for i in timeline.timeline_items()] == list(range(1, len(lf.MILESTONES) + 1))


def test_chart_scale_is_monotonic() -> None:
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=d) for d in range(0, 7 * 366, 5)]
    xs = [chart.x_of(d) for d in days]
    assert xs == sorted(xs)
    assert min(xs) >= chart.CHART_LEFT and max(xs) <= chart.CHART_RIGHT


def test_abbreviate_wraps_first_occurrence_only() -> None:
    html = (
        "<h2>資格確認書</h2><p>資格確認書と資格確認書、マイナ保険証。</p><p><a>電子証明書</a></p>"
    )
    out = abbreviations.abbreviate(html)
    assert out.startswith("<h2>資格確認書</h2>")
    assert out.count("<abbr") == 2  # 資格確認書 once, マイナ保険証 once; not inside <a>
    assert 'tabindex="0"' in out
    # the longer term wins: マイナ保険証 is not cut into マイナ + 保険証
    assert ">マイナ保険証</abbr>" in out


def test_abbreviate_keeps_text() -> None:
    html = "<p>高齢受給者証の発行は行いません</p><span data-noabbr>保険証</span>"
    out = abbreviations.abbreviate(html)
    assert abbreviations._TAG.sub("", out) == abbreviations._TAG.sub("", html)
    assert "<span data-noabbr>保険証</span>" in out


def test_fill_placeholders_leaves_unknown() -> None:
    html = "<p>x</p><!-- kenpo:not-a-block --><!-- kenpo:routes -->"
    out = blocks.fill(html, "../")
    assert "<!-- kenpo:not-a-block -->" in out  # left for others (and for the build test)
    assert "セブン銀行のＡＴＭ" in out


@pytest.mark.slow
def test_the_wizard_block_holds_the_first_question() -> None:
    out = blocks.fill("<!-- kenpo:wizard -->", "../")
    assert 'id="kenpo-wizard"' in out and f'data-node="{FLOW.start}"' in out
    assert 'class="kw-choice"' in out and 'src="app/wizard.js"' in out
    assert BASE_MARK not in blocks.fill("<!-- kenpo:comparison -->", "../")
