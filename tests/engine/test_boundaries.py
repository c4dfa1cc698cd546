"""Date sweeps: each answer changes exactly at the leaflet's boundaries and nowhere else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kenpo_wizard import assess, rules
from kenpo_wizard.leaflet import (
    ABOLITION_DAY,
    CERTIFICATE_EXPIRED_FROM,
    CERTIFICATE_VALID_UNTIL,
    RULE_BOUNDARIES,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
)

D = dt.date
PEOPLE: dict[str, dict[str, object]] = {
    "no card": {"mynumber_card": "none"},
    "not registered": {"mynumber_card": "held", "insurance_use": "not_registered"},
    "registered": {"mynumber_card": "held", "insurance_use": "registered"},
    "card lost": {"mynumber_card": "lost"},
    "elderly no card": {"mynumber_card": "none", "age": 72},
    "new member no card": {"joined_on": "2025-01-15", "mynumber_card": "none"},
}


def outcome(facts: dict[str, object], day: dt.date) -> dict[str, Any]:
    a = assess(facts, day).to_dict()
    # 参考 (P8) has dates of its own, tested below; the rest changes only on boundaries.
    for key in ("on", "rules", "notes", "receive", "result_code", "references"):
        a.pop(key)
    return a


def test_boundaries_are_the_named_days() -> None:
    assert D(2024, 12, 2) == ABOLITION_DAY
    assert D(2025, 12, 1) == TRANSITION_LAST_DAY
    assert D(2025, 12, 2) == TRANSITION_OVER
    assert D(2029, 12, 1) == CERTIFICATE_VALID_UNTIL
    assert (D(2024, 12, 2), D(2025, 12, 2), D(2029, 12, 2)) == RULE_BOUNDARIES


@pytest.mark.parametrize("who", PEOPLE)
def test_answer_changes_only_at_boundaries(who: str) -> None:
    """Walk every day from 2024-09-01 to 2030-03-01: changes happen only on a boundary."""
    facts = PEOPLE[who]
    own_days = {D.fromisoformat(str(v)) for k, v in facts.items() if k.endswith("_on")}
    allowed = set(RULE_BOUNDARIES) | own_days
    day, end = D(2024, 9, 1), D(2030, 3, 1)
    previous = outcome(facts, day)
    changes = []
    while day < end:
        day += dt.timedelta(days=1)
        current = outcome(facts, day)
        if current != previous:
            changes.append(day)
        previous = current
    assert set(changes) <= allowed, f"changed off a boundary: {sorted(set(changes) - allowed)}"
    assert changes, "the answer changes at least once over the period"


@pytest.mark.parametrize(
    ("facts", "before", "after", "day"),
    [
        ({"mynumber_card": "none"}, "before_abolition", "transition", ABOLITION_DAY),
        ({"mynumber_card": "none"}, "transition", "after_transition", TRANSITION_OVER),
    ],
)
def test_phase_flips_on_the_day(
    facts: dict[str, object], before: str, after: str, day: dt.date
) -> None:
    assert assess(facts, day - dt.timedelta(days=1)).phase == before
    assert assess(facts, day).phase == after
    assert assess(facts, day + dt.timedelta(days=1)).phase == after


def test_health_card_usable_through_2025_12_01_only() -> None:
    facts = {"mynumber_card": "none"}
    for day, usable in [
        (D(2024, 12, 1), True),
        (D(2024, 12, 2), True),
        (D(2025, 12, 1), True),
        (D(2025, 12, 2), False),
    ]:
        shown = assess(facts, day).to_dict()["show_at_clinic"]
        assert (["health_insurance_card"] in shown) is usable, day


def test_certificate_usable_through_2029_12_01_only() -> None:
    facts = {"mynumber_card": "none"}
    assert assess(facts, D(2029, 12, 1)).to_dict()["show_at_clinic"] == [
        ["eligibility_certificate"]
    ]
    assert assess(facts, CERTIFICATE_EXPIRED_FROM).to_dict()["show_at_clinic"] == []
    assert assess(facts, D(2029, 12, 3)).contact_association


def test_no_certificate_before_issuing_starts() -> None:
    facts = {"mynumber_card": "none", "eligibility_certificate": "held"}
    assert ["eligibility_certificate"] not in assess(facts, D(2024, 12, 1)).to_dict()[
        "show_at_clinic"
    ]
    assert ["eligibility_certificate"] in assess(facts, D(2024, 12, 2)).to_dict()["show_at_clinic"]


def test_return_rule_boundary_on_loss_day() -> None:
    def returns(lost: str) -> list[dict[str, str]]:
        a = assess(
            {"eligibility_lost_on": lost, "mynumber_card": "held", "insurance_use": "registered"},
            D(2030, 1, 1),
        )
        return list(a.to_dict()["return"])

    def card(day: str) -> dict[str, object]:
        return {
            "document": "health_insurance_card",
            "to": "employer",
            "from": day,
            "if_held": False,
        }

    # v3 A5: the return is due from the 資格喪失日 itself, which the answer carries
    assert returns("2025-11-30") == [card("2025-11-30")]
    assert returns("2025-12-01") == [card("2025-12-01")]
    assert returns("2025-12-02") == []


def test_certificate_return_boundary_on_validity() -> None:
    def returns(lost: str) -> list[str]:
        a = assess({"eligibility_lost_on": lost, "mynumber_card": "none"}, D(2031, 1, 1))
        return [r["document"] for r in a.to_dict()["return"]]

    assert returns("2029-12-01") == ["eligibility_certificate"]
    assert returns("2029-12-02") == []


def test_next_change_names_the_next_boundary() -> None:
    change = assess({"mynumber_card": "none"}, D(2025, 6, 1)).next_change
    assert change is not None and change.day == TRANSITION_OVER
    assert change.kind == "show_changes"
    assert change.show_at_clinic == (("eligibility_certificate",),)
    change = assess({"mynumber_card": "none"}, D(2026, 6, 1)).next_change
    assert change is not None and change.day == CERTIFICATE_EXPIRED_FROM
    assert change.kind == "certificate_validity_ends"
    registered = {"mynumber_card": "held", "insurance_use": "registered", "card_reader": "ok"}
    assert assess(registered, D(2026, 6, 1)).next_change is None


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2025, 12, 1), []),
        (D(2025, 12, 2), ["temporary_measure"]),
        (D(2026, 7, 31), ["temporary_measure"]),
        (D(2026, 8, 1), []),  # v3 A7: history changes nothing a member does today
    ],
)
def test_temporary_measure_runs_to_its_extended_end_then_is_history(
    day: dt.date, expected: list[str]
) -> None:
    """P8: 2025-12-02 to 2026-07-31 as a current 参考; from 2026-08-01 left out of the answer
    (history, on the guide's page only: P13, P16)."""
    refs = assess({"mynumber_card": "none"}, day).to_dict()["references"]
    assert [r for r in refs if r.startswith("temporary_measure")] == expected


@pytest.mark.parametrize(
    ("day", "boundary"),
    [
        ("2024-12-01", "2024-12-02"),  # 保険証 no longer issued from the next day (R1, R2)
        ("2024-12-02", "2025-12-02"),
        ("2025-12-01", "2025-12-02"),  # the transition ends (R3)
        ("2025-12-02", "2026-08-01"),  # the temporary measure's 参考 goes after 2026-07-31 (A7)
        ("2026-07-31", "2026-08-01"),
        ("2026-08-01", "2029-12-02"),  # the 資格確認書 expires after 2029-12-01
        ("2029-12-01", "2029-12-02"),
        ("2029-12-02", None),
    ],
)
def test_next_boundary_is_the_next_day_anything_can_change_for_everyone(
    day: str, boundary: str | None
) -> None:
    """Pre-built pages hold until the day before it (kenpo_site.bands.horizon)."""
    found = rules.next_boundary(dt.date.fromisoformat(day))
    assert found == (dt.date.fromisoformat(boundary) if boundary else None)
