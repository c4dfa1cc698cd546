"""The engine's wheel is reproducible: the same sources give the same bytes, so a rebuild keeps
the engine's content-versioned path (and the browser's cached engine and snapshot)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from kenpo_site.wheel import engine_wheel


@pytest.mark.slow
def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path) -> None:
    first = engine_wheel(tmp_path / "a")
    second = engine_wheel(tmp_path / "b")
    assert first.name == second.name
    digest = [hashlib.sha256(w.read_bytes()).hexdigest() for w in (first, second)]
    assert digest[0] == digest[1]
    with zipfile.ZipFile(first) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
