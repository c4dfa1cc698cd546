"""The hand-written scenarios of scenarios.yaml, and that they cover every rule the engine decides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fixtures import load_yaml

from kenpo_wizard import assess

SCENARIOS: list[dict[str, Any]] = load_yaml(Path(__file__).with_name("scenarios.yaml"))

# Rules the engine decides (R11, R12, R27 and R29 are facts the site shows, not decisions).
DECIDED = {f"R{n}" for n in range(1, 35)} - {"R11", "R12", "R27", "R29"}
DECISIONS = {f"P{n}" for n in range(1, 15)} - {"P14"}  # P14 is the code's shape, tested apart
UNORDERED = ("notes", "references", "contact_reasons")


def matches(actual: Any, expected: Any) -> bool:
    """Exact, except that an expected mapping names only the keys it is about."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and matches(actual[k], v) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(matches(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected)


def _facts(raw: dict[str, Any]) -> dict[str, object]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in raw.items()}


@pytest.mark.parametrize("case", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(case: dict[str, Any]) -> None:
    answer = assess(_facts(case["facts"]), case["day"]).to_dict()
    for key, expected in case["expect"].items():
        actual = sorted(answer[key]) if key in UNORDERED else answer[key]
        wanted = sorted(expected) if key in UNORDERED else expected
        assert matches(actual, wanted), f"{key}: {actual!r} != {wanted!r}"
    for key in case.get("absent", []):  # codes that must not appear (a symptom fixed)
        kind, _sep, code = key.partition(":")
        assert code not in answer[kind], f"{kind} must not contain {code}"
    missing = [r for r in case.get("rules", []) if r not in answer["rules"]]
    assert not missing, f"rules not applied: {missing} (applied: {answer['rules']})"
    assert answer["sources"], "every answer names its leaflet sections"


def test_at_least_forty_scenarios_with_unique_ids() -> None:
    ids = [s["id"] for s in SCENARIOS]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)


def test_scenarios_cover_every_decided_rule_and_decision() -> None:
    covered = {r for s in SCENARIOS for r in s.get("rules", [])}
    assert DECIDED - covered == set()
    assert DECISIONS - covered == set()
