"""Where the engine runs: from the installed wheel under Pyodide, with its gettext catalog."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kenpo_wizard
from kenpo_wizard import i18n, wareki
from kenpo_wizard.dates import LAST_DAY, parse_date


@pytest.mark.skipif(sys.platform != "emscripten", reason="only Pyodide runs from the wheel")
def test_package_imports_from_the_installed_wheel_under_pyodide() -> None:
    assert "site-packages" in kenpo_wizard.__file__


def test_gettext_catalog_is_compiled_and_loaded() -> None:
    assert i18n.catalog_loaded()
    assert i18n._("資格確認書") == "資格確認書"  # ja is the source language


@given(st.dates(min_value=dt.date(2019, 5, 1), max_value=LAST_DAY))  # A9: none later
def test_reiwa_dates_read_back(day: dt.date) -> None:
    text = wareki.wareki(day)
    year = "元" if day.year == 2019 else str(day.year - 2018)
    assert text == f"令和{year}年{day.month}月{day.day}日"
    assert parse_date(text) == day
    assert parse_date(wareki.wareki_short(day)) == day
