"""The call center's codes: every code the wizard can give from the build day to 2030-06-30,
each with answers that really give it, its plain first line and a link to it."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from pathlib import Path

import pytest

from kenpo_site.blocks.result_codes import code_rows
from kenpo_site.codes import LAST_DAY, all_codes, code_days, codes_on
from kenpo_site.paths import paths_on
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.rules import assess

DAY = dt.date(2026, 12, 3)


def test_the_days_are_the_build_day_and_each_later_periods_first() -> None:
    days = code_days(DAY)
    assert days[0] == DAY and days == sorted(days) and days[-1] <= LAST_DAY
    assert dt.date(2029, 12, 2) in days  # the 資格確認書's longest validity has ended


@pytest.mark.slow
def test_each_code_is_given_by_its_answers_and_none_is_missing(tmp_path: Path) -> None:
    codes = all_codes(DAY, cache=tmp_path)
    for code, (on, query) in codes.items():
        state = walk(FLOW, dict(urllib.parse.parse_qsl(query)), on)
        assert assess(state.facts, on).to_dict()["result_code"] == code, (code, query)
    for on in (DAY, dt.date(2029, 12, 2)):  # the golden answers reach no code the table lacks
        for state in paths_on(on):
            assert assess(state.facts, on).to_dict()["result_code"] in codes
    assert codes_on(DAY, tmp_path) == codes_on(DAY, tmp_path)  # the second from the disk
    assert len(list(tmp_path.glob("*.json"))) == len(code_days(DAY))


@pytest.mark.slow
def test_rows_say_the_plain_first_line_and_open_the_wizard() -> None:
    codes = all_codes(DAY)
    rows = code_rows(codes, DAY)
    assert [r.code for r in rows] == sorted(codes)
    for row in rows:
        assert row.headline and "\n" not in row.headline
        assert row.link.startswith("../wizard/?")
    later = [r for r in rows if codes[r.code][0] > DAY]
    assert later and all(r.link.endswith(f"&on={codes[r.code][0]}") for r in later)
