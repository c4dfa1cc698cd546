"""The catalog build (CPython only: Babel is a build tool, not in the wheel's dependencies)."""

from __future__ import annotations

import gettext
import io

import pytest

catalogs = pytest.importorskip("kenpo_site.catalogs", exc_type=ImportError)


def test_catalog_build_is_deterministic_and_compiles() -> None:
    first, second = catalogs.outputs(), catalogs.outputs()
    assert first == second
    for path, data in first.items():
        if path.suffix != ".mo":
            assert b"POT-Creation-Date" not in data, path
    mo = gettext.GNUTranslations(io.BytesIO(first[catalogs.mo_path("ja")]))
    assert mo.charset() == "utf-8"
    assert mo.info()["language"] == "ja"
