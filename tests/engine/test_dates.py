"""Typed dates: 西暦 and 和暦 in the forms people use; impossible dates are errors, not guesses."""

from __future__ import annotations

import datetime as dt

import pytest

from kenpo_wizard.dates import JST, parse_date, today_in_japan
from kenpo_wizard.errors import InputError
from kenpo_wizard.wareki import both, wareki, wareki_short, with_weekday

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-12-01", D(2025, 12, 1)),
        ("2025/12/1", D(2025, 12, 1)),
        ("2025.12.1", D(2025, 12, 1)),
        ("2025年12月1日", D(2025, 12, 1)),
        ("20251201", D(2025, 12, 1)),
        ("R7.12.1", D(2025, 12, 1)),
        ("r7/12/1", D(2025, 12, 1)),
        ("令和7年12月1日", D(2025, 12, 1)),
        ("令和７年１２月１日", D(2025, 12, 1)),
        ("２０２５－１２－０１", D(2025, 12, 1)),
        ("Ｒ７．１２．１", D(2025, 12, 1)),
        (" 令和 7 年 12 月 1 日 ", D(2025, 12, 1)),
        ("令和６年１２月２日（月）", D(2024, 12, 2)),
        ("令和元年5月1日", D(2019, 5, 1)),
        ("R1.5.1", D(2019, 5, 1)),
        ("平成31年4月30日", D(2019, 4, 30)),
        ("H31.4.30", D(2019, 4, 30)),
        ("平成元年1月8日", D(1989, 1, 8)),
        ("R11.12.1", D(2029, 12, 1)),
    ],
)
def test_accepted_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2025-02-30", "date_impossible"),
        ("2025-13-01", "date_impossible"),
        ("令和7年2月29日", "date_impossible"),
        ("R0.1.1", "date_impossible"),
        ("平成32年1月1日", "date_wrong_era"),
        ("平成31年5月1日", "date_wrong_era"),
        ("令和1年4月30日", "date_wrong_era"),
        ("昭和64年1月8日", "date_wrong_era"),
        ("tomorrow", "date_unreadable"),
        ("12/1", "date_unreadable"),
        ("", "date_missing"),
        ("2" * 200, "date_too_long"),
        # A9: only days from the first of 平成 to the end of 2099
        ("昭和64年1月7日", "date_out_of_range"),
        ("S50.4.1", "date_out_of_range"),
        ("1989-01-07", "date_out_of_range"),
        ("0001-01-01", "date_out_of_range"),
        ("1868-01-01", "date_out_of_range"),
        ("2100-01-01", "date_out_of_range"),
        ("9999-12-31", "date_out_of_range"),
        ("令和82年1月1日", "date_out_of_range"),
    ],
)
def test_rejected_with_japanese_message(text: str, code: str) -> None:
    with pytest.raises(InputError) as err:
        parse_date(text)
    assert err.value.code == code
    assert any("\u3040" <= ch <= "\u9fff" for ch in err.value.message)


def test_leap_day_exists_in_2028() -> None:
    assert parse_date("R10.2.29") == D(2028, 2, 29)


def test_wareki_forms() -> None:
    assert wareki(D(2025, 12, 1)) == "令和7年12月1日"
    assert wareki(D(2019, 5, 1)) == "令和元年5月1日"
    assert wareki(D(2019, 4, 30)) == "平成31年4月30日"
    assert wareki_short(D(2029, 12, 1)) == "R11.12.1"
    assert with_weekday(D(2024, 12, 2)) == "令和6年12月2日（月）"
    assert both(D(2025, 12, 1)) == "令和7年12月1日（2025年12月1日）"


def test_today_in_japan_uses_a_fixed_offset() -> None:
    late_utc = dt.datetime(2025, 11, 30, 15, 0, tzinfo=dt.UTC)
    assert today_in_japan(late_utc) == D(2025, 12, 1)  # 00:00 JST
    assert today_in_japan(late_utc - dt.timedelta(seconds=1)) == D(2025, 11, 30)
    assert JST.utcoffset(None) == dt.timedelta(hours=9)
    with pytest.raises(ValueError):
        today_in_japan(dt.datetime(2025, 1, 1))
