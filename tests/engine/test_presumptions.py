"""P12: an absent fact and the value the rules would presume for it give the same answer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from golden import GOLDEN_DAYS

from kenpo_wizard import rules
from kenpo_wizard.assessment import Assessment, Status
from kenpo_wizard.errors import InputError
from kenpo_wizard.facts import Facts, parse_facts
from kenpo_wizard.leaflet import Document

PRESUMED = {Status.USABLE: "held", Status.ARRIVING: "none", Status.TO_APPLY: "none"}


def _same(a: Assessment, b: Assessment) -> None:
    left, right = a.to_dict(), b.to_dict()
    for d in (left, right):
        d.pop("rules")  # which rule read the fact may differ; what the member reads may not
        # A given fact holds on later days too; a presumption moves with the day (R25, R16).
        d.pop("next_change")
    assert left == right


def people() -> list[Facts]:
    out = []
    for card, use, cert, assisted, joined in itertools.product(
        ("none", "held", "lost", "renewing", "returned"),
        (None, "registered", "not_registered", "cancelled"),
        (None, "valid", "expired"),
        (None, "yes", "child"),
        (None, "2024-11-01", "2025-04-01"),
    ):
        raw = {"mynumber_card": card, "insurance_use": use, "certificate": cert}
        raw |= {"assisted_visit": assisted, "joined_on": joined}
        try:
            out.append(parse_facts({k: v for k, v in raw.items() if v is not None}))
        except InputError:
            continue  # a contradiction (no card, yet registered)
    return out


@pytest.mark.parametrize("day", (*GOLDEN_DAYS, dt.date(2026, 11, 28)))
def test_absent_certificate_is_what_the_rules_presume(day: dt.date) -> None:
    checked = 0
    for f in people():
        absent = rules.assess(f, day)
        holding = absent.holding(Document.ELIGIBILITY_CERTIFICATE)
        if holding is None or holding.status not in PRESUMED:
            continue
        given = dataclasses.replace(f, eligibility_certificate=PRESUMED[holding.status])
        _same(absent, rules.assess(given, day))
        checked += 1
    assert checked > 50


def test_lost_card_gives_one_answer_with_or_without_the_certificate_fact() -> None:
    day = dt.date(2026, 11, 28)
    _same(
        rules.assess({"mynumber_card": "lost"}, day),
        rules.assess({"mynumber_card": "lost", "eligibility_certificate": "none"}, day),
    )
