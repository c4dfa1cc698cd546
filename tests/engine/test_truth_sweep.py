"""The truth sweep as a test (spec v3, issue 17): every result code on each sample day reads
true to a worried member, and the committed summaries are current (so wording shows in diffs).
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from truth_sweep import RESULTS, SWEEP_DAYS, TODAY, Case, cases, problems, report

from kenpo_wizard.rules import assess

pytestmark = [
    pytest.mark.skipif(sys.platform == "emscripten", reason="CPython sweep"),
    pytest.mark.slow,  # every path on every sweep day: make test, not test-fast
]


@pytest.mark.parametrize("day", SWEEP_DAYS, ids=str)
def test_every_result_code_reads_true(day: dt.date) -> None:
    found = {case.code: problems(case) for case in cases(day)}
    assert {code: p for code, p in found.items() if p} == {}


@pytest.mark.parametrize("day", SWEEP_DAYS, ids=str)
def test_committed_summaries_are_current(day: dt.date) -> None:
    """``python tests/engine/truth_sweep.py`` rewrites them after a wording change."""
    committed = (RESULTS / f"{day.isoformat()}.txt").read_text(encoding="utf-8")
    assert committed == report(day)


def _case(facts: dict[str, str], day: dt.date) -> Case:
    return Case(day, facts, assess(facts, day, TODAY))


def test_the_sweep_catches_what_it_looks_for() -> None:
    """Each check fails on the symptom it guards against (a check that cannot fail is none)."""
    # dates the member never gave
    leaver = _case({"eligibility_lost_on": "2026-12-16", "mynumber_card": "none"}, TODAY)
    assert problems(leaver) == []
    other = Case(TODAY, {"eligibility_lost_on": "2026-12-05"}, leaver.answer)
    assert any("date not in the facts" in p for p in problems(other))
    # the future tense for a past event (asked in 2024, made today: "was sent")
    past = _case({"mynumber_card": "none"}, dt.date(2024, 6, 1))
    assert problems(past) == []
    made_then = Case(past.day, past.answers, assess(past.answers, past.day))
    assert any("future tense" in p for p in problems(made_then))
