"""Read YAML test fixtures the same way on CPython and under Pyodide.

``load_yaml(path)`` returns ``yaml.safe_load`` of the file when PyYAML is importable
(CPython, ``make test-engine``). Under Pyodide it is not: PyYAML has no pure-Python wheel
and Pyodide's build of it is not in the npm package. There ``load_yaml`` reads the file's
JSON twin instead, which ``make test-pyodide`` writes on CPython before the run::

    python tests/engine/fixtures.py --json-twins .cache/pyodide-fixtures

and the runner points ``KENPO_WIZARD_JSON_FIXTURES`` at that directory (twins mirror the
repository layout: ``tests/engine/scenarios.yaml`` -> ``<dir>/tests/engine/scenarios.json``;
without the variable the twin is looked for beside the YAML file).

A twin is exact or it is not written: dates and datetimes are tagged and restored, and
values JSON cannot carry unchanged (non-string keys, sets, bytes, tuples) are refused. A
twin records the SHA-256 of its YAML file, so a stale twin fails loudly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

JSON_TWINS_ENV = "KENPO_WIZARD_JSON_FIXTURES"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
_DATE, _DATETIME = "$date", "$datetime"


def load_yaml(path: str | os.PathLike[str]) -> Any:
    """The YAML file's data, via PyYAML when importable, else via its JSON twin."""
    source = Path(path)
    try:
        import yaml
    except ModuleNotFoundError:
        return load_json_twin(source)
    with source.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def twin_path(source: Path, twins_dir: Path | None = None) -> Path:
    if twins_dir is None:
        env = os.environ.get(JSON_TWINS_ENV)
        if not env:
            return source.with_suffix(".json")
        twins_dir = Path(env)
    return twins_dir / _relative(source).with_suffix(".json")


def _relative(source: Path) -> Path:
    """The path below the project root (or below ``/`` for files outside it)."""
    path = source.resolve()
    return path.relative_to(PROJECT_ROOT if path.is_relative_to(PROJECT_ROOT) else path.anchor)


def load_json_twin(source: Path, twins_dir: Path | None = None) -> Any:
    twin = twin_path(source, twins_dir)
    if not twin.exists():
        raise FileNotFoundError(f"{twin}: no JSON twin of {source}; run `make test-pyodide`")
    doc = json.loads(twin.read_text(encoding="utf-8"))
    if doc["sha256"] != hashlib.sha256(source.read_bytes()).hexdigest():
        raise RuntimeError(f"{twin} is stale (its YAML changed); run `make test-pyodide`")
    return _decode(doc["data"])


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime):  # before date: a datetime is a date
        return {_DATETIME: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str) or key in (_DATE, _DATETIME):
                raise TypeError(f"mapping key {key!r} has no exact JSON form")
        return {k: _encode(v) for k, v in value.items()}
    raise TypeError(f"{type(value).__name__} value {value!r} has no exact JSON form")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if value.keys() == {_DATE}:
            return dt.date.fromisoformat(value[_DATE])
        if value.keys() == {_DATETIME}:
            return dt.datetime.fromisoformat(value[_DATETIME])
        return {k: _decode(v) for k, v in value.items()}
    return value


def write_json_twin(source: Path, twins_dir: Path) -> Path:
    import yaml

    raw = source.read_bytes()
    try:
        data = _encode(yaml.safe_load(raw))
    except TypeError as e:
        raise SystemExit(f"{source}: {e}") from e
    doc = {"source": _relative(source).as_posix()}
    doc |= {"sha256": hashlib.sha256(raw).hexdigest(), "data": data}
    twin = twin_path(source, twins_dir)
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if not twin.exists() or twin.read_text(encoding="utf-8") != text:
        twin.parent.mkdir(parents=True, exist_ok=True)
        twin.write_text(text, encoding="utf-8")
    return twin


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write JSON twins of YAML fixtures (Pyodide).")
    parser.add_argument("--json-twins", type=Path, required=True, metavar="DIR")
    parser.add_argument("yaml", nargs="*", type=Path, help="default: tests/engine/**/*.y*ml")
    args = parser.parse_args(argv)
    sources = args.yaml or sorted([*HERE.rglob("*.yaml"), *HERE.rglob("*.yml")])
    for source in sources:
        write_json_twin(source, args.json_twins)
    print(f"{len(sources)} YAML fixture(s) -> JSON twins in {args.json_twins}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
