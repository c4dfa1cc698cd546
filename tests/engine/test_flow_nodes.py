"""Each question's next node, in the manner of smart-answers' flow tests.

Read as a rulebook: "a member who answered this, on this day, is asked that next". The
document questions are asked only when the rules say their answer changes the result
(spec/domain.md P14), so those cases name the rule that makes the answer matter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kenpo_wizard.flow import FLOW, walk

TODAY = dt.date(2026, 11, 28)  # after the 経過措置: what members live in now (P13)
TRANSITION = dt.date(2025, 6, 15)
MEMBER = {"since": "before", "member_type": "employee", "age": "40", "leaving": "no"}
REGISTERED = {**MEMBER, "mynumber_card": "held", "insurance_use": "registered"}


def joining(day: str) -> dict[str, str]:
    """A member who joins (joined) on ``day``, without a マイナンバーカード."""
    return {**MEMBER, "since": "later", "joined_on": day, "mynumber_card": "none"}


def next_node(answers: dict[str, str], day: dt.date = TODAY) -> str:
    state = walk(FLOW, answers, day)
    assert state.error is None, state.error
    assert len(state.path) == len(answers), "every answer given was on the path"
    return state.node.id


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, "since"),
        ({"since": "before"}, "member_type"),
        ({"since": "later"}, "joined_on"),
        ({"since": "later", "joined_on": "2026-04-01"}, "member_type"),
        ({"since": "before", "member_type": "voluntary"}, "voluntary"),  # no 事業所 (P4)
        ({"since": "before", "member_type": "employee"}, "age"),
        ({"since": "before", "member_type": "employee", "age": "75"}, "over_75"),  # P5
        ({"since": "before", "member_type": "employee", "age": "74"}, "leaving"),
        ({**MEMBER, "leaving": "yes"}, "eligibility_lost_on"),
        (MEMBER, "mynumber_card"),
        ({**MEMBER, "mynumber_card": "held"}, "insurance_use"),
        (REGISTERED, "certificate"),
        ({**REGISTERED, "certificate": "valid"}, "assisted_visit"),
        ({**REGISTERED, "certificate": "unknown"}, "assisted_visit"),
    ],
)
def test_the_questions_before_the_documents(answers: dict[str, str], expected: str) -> None:
    assert next_node(answers) == expected


def test_today_no_card_is_asked_for_the_資格確認書_not_the_old_card() -> None:
    """R3: the 保険証 no longer counts; R25/R23: whether the card came decides what to show."""
    assert next_node({**MEMBER, "mynumber_card": "none"}) == "eligibility_certificate"


def test_during_the_transition_the_old_card_is_asked_first() -> None:
    """R2: a 保険証 in hand still works until 2025-12-01."""
    assert next_node({**MEMBER, "mynumber_card": "none"}, TRANSITION) == "health_insurance_card"


def test_a_registered_member_is_asked_for_the_お知らせ() -> None:
    """R28/R31: the お知らせ is the backup when the reader fails; a lost one means a form."""
    answers = {**REGISTERED, "certificate": "valid", "assisted_visit": "no"}
    assert next_node(answers) == "eligibility_notice"
    assert next_node({**answers, "eligibility_notice": "held"}) == "result"
    assert next_node({**answers, "eligibility_notice": "lost"}) == "mynaportal"


def test_a_registered_member_is_not_asked_for_a_資格確認書() -> None:
    """R17: no reason, no card: the question could not change the answer."""
    answers = {**REGISTERED, "certificate": "valid", "assisted_visit": "no"}
    state = walk(FLOW, {**answers, "eligibility_notice": "held"}, TODAY)
    assert "eligibility_certificate" not in {s.question.id for s in state.path}


def test_someone_who_left_is_asked_what_decides_a_return() -> None:
    """P1, R4, R21: the 資格確認書 held on the last day is returned; the 保険証 only if the
    loss came by 2025-12-01."""
    left = {**MEMBER, "leaving": "yes"}
    later = {**left, "eligibility_lost_on": "2026-04-01"}
    assert next_node(later) == "mynumber_card"  # whether a 資格確認書 was issued (R13, R15)
    assert next_node({**later, "mynumber_card": "none"}) == "eligibility_certificate"
    # Lost by 2025-12-01: no card can change what is returned, so none is asked (P14).
    assert next_node({**left, "eligibility_lost_on": "2025-06-01"}) == "health_insurance_card"


@pytest.mark.slow
def test_a_question_is_skipped_when_no_answer_to_it_changes_the_result() -> None:
    """P14: the flow asks the card questions only when an answer to them can change the
    result; each question on every golden path was one whose answers differ somewhere."""
    from golden import paths_on

    from kenpo_wizard.flow import CARD_QUESTIONS, _card_answers
    from kenpo_wizard.rules import answers_can_change

    for day in (TRANSITION, TODAY):
        for state in paths_on(day):
            asked = [step.question.id for step in state.path]
            for i, qid in enumerate(asked):
                if qid in CARD_QUESTIONS:
                    before = walk(FLOW, {s.question.id: s.answer for s in state.path[:i]}, day)
                    assert answers_can_change(before.facts, day, _card_answers(qid)), asked


def test_a_new_member_is_never_asked_for_an_old_card() -> None:
    """R1: nobody joining from 2024-12-02 was given a 保険証; they asked for the 資格確認書 at
    joining, so the wizard asks whether it has arrived (v3 A1)."""
    assert next_node(joining("2025-04-01"), TRANSITION) == "certificate_arrived"


def test_before_joining_the_card_is_not_asked() -> None:
    """Nothing is in hand before joining: the forms are the answer (R16)."""
    assert next_node(joining("2027-01-04")) == "result"


def test_a_member_who_does_not_know_when_they_joined_is_told_what_to_check() -> None:
    """「わからない」 on the join date: the flow goes on as for an existing member (P12: the
    presumed value), and the answer says so and how to find out (勤務先の事務担当者)."""
    from kenpo_wizard.rules import assess
    from kenpo_wizard.texts import explain

    unsure = {**MEMBER, "since": "unknown"}
    assert next_node(unsure) == "mynumber_card"
    state = walk(FLOW, {**unsure, "mynumber_card": "none"}, TODAY)
    answer = explain(assess(state.facts, TODAY))
    [check] = answer.part("unknowns")
    assert "令和6年10月5日以前から加入している方の答え" in check
    assert "勤務先の事務担当者" in check
