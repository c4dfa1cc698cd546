"""Temporary smoke test: the package imports and works on CPython and under Pyodide.

Replace with the engine tests; `make test-pyodide` runs whatever is in tests/engine.
"""

from __future__ import annotations

import datetime as dt
import sys

from hypothesis import given
from hypothesis import strategies as st

import kenpo_wizard
from kenpo_wizard import i18n, leaflet, wareki


def test_package_imports_from_the_installed_wheel_under_pyodide() -> None:
    if sys.platform == "emscripten":
        assert "site-packages" in kenpo_wizard.__file__


def test_wareki_and_leaflet_dates() -> None:
    assert wareki.wareki(dt.date(2025, 12, 1)) == "令和7年12月1日"
    assert leaflet.TRANSITION_OVER.isoformat() == "2025-12-02"


def test_gettext_catalog_is_compiled_and_loaded() -> None:
    assert i18n.catalog_loaded()
    assert i18n._("資格確認書") == "資格確認書"  # ja is the source language


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_reiwa_dates_read_back(day: dt.date) -> None:
    assert wareki.wareki(day) == f"令和{day.year - 2018}年{day.month}月{day.day}日"
