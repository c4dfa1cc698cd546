"""Unit tests of the site's generated content (no build, no browser)."""

from __future__ import annotations

import datetime as dt

from kenpo_wizard import leaflet as lf
from kenpo_wizard.build import site_content as sc


def test_every_milestone_has_a_lane() -> None:
    assert set(sc.MILESTONE_LANES) == {m.key for m in lf.MILESTONES}


def test_milestone_dates() -> None:
    by = lf.MILESTONE_BY_KEY
    assert sc.milestone_date(by["abolition"]).wareki == "令和6年12月2日（月）"
    assert sc.milestone_date(by["abolition"]).seireki == "2024年12月2日"
    rate = sc.milestone_date(by["registration_rate"])
    assert (rate.wareki, rate.seireki) == ("令和6年9月末", "2024年9月末")
    ex = sc.milestone_date(by["ex_officio_delivery"])
    assert ex.wareki == "令和7年11月（予定でした）"
    assert (ex.start, ex.end) == (dt.date(2025, 11, 1), dt.date(2025, 11, 30))
    window = sc.milestone_date(by["second_notice_window"])
    assert window.wareki == "令和6年10月6日〜令和6年12月1日"


def test_timeline_is_chronological() -> None:
    starts = [i.date.start for i in sc.timeline_items()]
    assert starts == sorted(starts)
    assert [i.number for i in sc.timeline_items()] == list(range(1, len(lf.MILESTONES) + 1))


def test_chart_scale_is_monotonic() -> None:
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=d) for d in range(0, 7 * 366, 5)]
    xs = [sc.x_of(d) for d in days]
    assert xs == sorted(xs)
    assert min(xs) >= sc.CHART_LEFT and max(xs) <= sc.CHART_RIGHT


def test_abbreviate_wraps_first_occurrence_only() -> None:
    html = (
        "<h2>資格確認書</h2><p>資格確認書と資格確認書、マイナ保険証。</p><p><a>電子証明書</a></p>"
    )
    out = sc.abbreviate(html)
    assert out.startswith("<h2>資格確認書</h2>")
    assert out.count("<abbr") == 2  # 資格確認書 once, マイナ保険証 once; not inside <a>
    assert 'tabindex="0"' in out
    # the longer term wins: マイナ保険証 is not cut into マイナ + 保険証
    assert ">マイナ保険証</abbr>" in out


def test_abbreviate_keeps_text() -> None:
    html = "<p>高齢受給者証の発行は行いません</p><span data-noabbr>保険証</span>"
    out = sc.abbreviate(html)
    assert sc._TAG.sub("", out) == sc._TAG.sub("", html)
    assert "<span data-noabbr>保険証</span>" in out


def test_fill_placeholders_leaves_unknown() -> None:
    html = "<p>x</p><!-- kenpo:wizard --><!-- kenpo:routes -->"
    out = sc.fill_placeholders(html, "../")
    assert "<!-- kenpo:wizard -->" in out  # filled later by the wizard build step
    assert "セブン銀行のＡＴＭ" in out
    assert sc.BASE_MARK not in sc.fill_placeholders("<!-- kenpo:comparison -->", "../")
