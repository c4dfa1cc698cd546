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
DECISIONS = {f"P{n}" for n in range(1, 10)}


def _facts(raw: dict[str, Any]) -> dict[str, object]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in raw.items()}


@pytest.mark.parametrize("case", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(case: dict[str, Any]) -> None:
    answer = assess(_facts(case["facts"]), case["day"]).to_dict()
    for key, expected in case["expect"].items():
        assert answer[key] == expected, key
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
