"""tests/engine/fixtures.py: YAML on CPython, the same data from its JSON twin under Pyodide."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from fixtures import load_json_twin, load_yaml, write_json_twin

SELFTEST = Path(__file__).with_name("fixtures_selftest.yaml")
JST = dt.timezone(dt.timedelta(hours=9))
EXPECTED = {
    "name": "令和7年12月1日まで",
    "day": dt.date(2025, 12, 1),
    "stamp": dt.datetime(2025, 12, 1, 9, 30, tzinfo=JST),
    "flags": [True, False, None],
    "numbers": {"int": 7, "float": 0.658},
    "nested": [
        {"label": "保険証", "until": dt.date(2025, 12, 1)},
        {"label": "資格確認書", "until": dt.date(2029, 12, 1)},
    ],
}


def test_load_yaml_gives_the_same_data_everywhere() -> None:
    data = load_yaml(SELFTEST)
    assert data == EXPECTED
    assert type(data["day"]) is dt.date  # not a datetime, not a string


@pytest.mark.skipif(sys.platform == "emscripten", reason="writing twins needs PyYAML")
def test_json_twin_round_trips(tmp_path: Path) -> None:
    write_json_twin(SELFTEST, tmp_path)
    assert load_json_twin(SELFTEST, tmp_path) == EXPECTED


@pytest.mark.skipif(sys.platform == "emscripten", reason="writing twins needs PyYAML")
@pytest.mark.parametrize("text", ["1: one", "s: !!set {a}", "b: !!binary aGk="])
def test_values_without_exact_json_form_are_refused(tmp_path: Path, text: str) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit, match="no exact JSON form"):
        write_json_twin(source, tmp_path / "twins")


@pytest.mark.skipif(sys.platform == "emscripten", reason="writing twins needs PyYAML")
def test_stale_twin_fails_loudly(tmp_path: Path) -> None:
    source = tmp_path / "x.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    write_json_twin(source, tmp_path / "twins")
    source.write_text("a: 2\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="stale"):
        load_json_twin(source, tmp_path / "twins")
