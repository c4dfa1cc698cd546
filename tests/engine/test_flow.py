"""The question flow: its graph is checked, every path ends in an outcome, and the golden list holds."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from golden import GOLDEN_DAYS, HEADER, assessed_on, golden_paths, paths_on

from kenpo_wizard.facts import FACT_NAMES
from kenpo_wizard.flow import (
    FLOW,
    UNKNOWN,
    Branch,
    Choice,
    Flow,
    FlowError,
    Outcome,
    Question,
    enumerate_paths,
    walk,
)
from kenpo_wizard.rules import assess

GOLDEN = Path(__file__).with_name("golden_paths.tsv")


@pytest.mark.slow
def test_golden_list_is_current() -> None:
    """Any change in a path or its outcome shows up as a diff of the committed list."""
    committed = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert committed[0] == HEADER
    current = sorted(p.line() for p in golden_paths())
    if committed[1:] != current:
        diff = list(
            difflib.unified_diff(committed[1:], current, "committed", "now", lineterm="", n=0)
        )
        shown = "\n".join(diff[:40])
        pytest.fail(
            f"golden paths changed ({len(diff)} diff lines); review, then run "
            f"`python tests/engine/golden.py`:\n{shown}"
        )


@pytest.mark.slow
@pytest.mark.parametrize("day", GOLDEN_DAYS, ids=str)
def test_every_path_ends_in_an_outcome_with_one_answer(day: dt.date) -> None:
    paths = enumerate_paths(FLOW, day)
    assert paths
    for state in paths:
        assert isinstance(state.node, Outcome)
        answer = assess(state.facts, day)
        assert answer.sources
        asked = [s.question.id for s in state.path]
        assert len(asked) == len(set(asked)), "no question twice on one path"


@pytest.mark.slow
def test_every_question_and_outcome_is_used() -> None:
    seen: set[str] = set()
    for day in GOLDEN_DAYS:
        for state in paths_on(day):
            seen.update(s.question.id for s in state.path)
            seen.add(state.node.id)
    assert seen == set(FLOW.nodes)


def test_question_ids_are_the_contract_fact_names_or_routing_questions() -> None:
    """A URL key is a fact of contract.md, or one of the two questions that only route."""
    routing = {"since", "leaving", "certificate_arrived"}  # the last sets eligibility_certificate
    ids = {q.id for q in FLOW.questions}
    assert ids - routing <= set(FACT_NAMES)
    assert routing <= ids
    assert {o.id for o in FLOW.outcomes} == {"result", "over_75", "voluntary"}


def test_unknown_choices_exist_where_members_may_not_know() -> None:
    for qid in ("insurance_use", "certificate"):
        values = [c.value for c in FLOW.question(qid).choices]
        assert UNKNOWN in values
        unknown = FLOW.question(qid).choice(UNKNOWN)
        assert unknown is not None and not unknown.facts and unknown.hint


def test_dangling_node_fails_loudly() -> None:
    with pytest.raises(FlowError, match="missing node"):
        Flow("a", [Question("a", "choice", "q", choices=(Choice("x", "x", "nowhere"),))])


def test_unreachable_node_fails_loudly() -> None:
    nodes: list[Question | Outcome] = [
        Question("a", "choice", "q", choices=(Choice("x", "x", "end"),)),
        Outcome("end", "end"),
        Outcome("orphan", "orphan"),
    ]
    with pytest.raises(FlowError, match="unreachable nodes: orphan"):
        Flow("a", nodes)


def test_branch_options_count_as_edges_and_bad_choice_fails() -> None:
    branch = Branch("b", ("end",), lambda f, d: "elsewhere")
    flow = Flow(
        "a",
        [Question("a", "choice", "q", choices=(Choice("x", "x", branch),)), Outcome("end", "e")],
    )
    with pytest.raises(FlowError, match="not among its options"):
        walk(flow, {"a": "x"}, dt.date(2026, 1, 1))


def test_walk_stops_at_bad_answer_with_japanese_message() -> None:
    state = walk(FLOW, {"since": "before", "member_type": "boss"}, dt.date(2026, 1, 1))
    assert state.node.id == "member_type"
    assert state.error is not None and state.error.code == "bad_answer"
    assert "選択肢にありません" in state.error.message


def test_walk_rejects_impossible_date_and_contradiction() -> None:
    day = dt.date(2026, 1, 1)
    state = walk(FLOW, {"since": "later", "joined_on": "2025-02-30"}, day)
    assert state.error is not None and state.error.code == "date_impossible"
    answers = {
        "since": "later",
        "joined_on": "2025-04-01",
        "member_type": "employee",
        "age": "40",
        "leaving": "yes",
        "eligibility_lost_on": "2025-01-01",
    }
    state = walk(FLOW, answers, day)
    assert state.error is not None and state.error.code == "contradiction"


def test_unknown_keys_are_dropped_from_the_canonical_answers() -> None:
    state = walk(
        FLOW, {"since": "before", "zzz": "1", "insurance_use": "registered"}, dt.date(2026, 1, 1)
    )
    assert state.answers() == {"since": "before"}


def test_only_relevant_questions_are_asked() -> None:
    day_after = dt.date(2026, 6, 1)
    base = {"since": "before", "member_type": "employee", "age": "40", "leaving": "no"}
    state = walk(
        FLOW,
        {
            **base,
            "mynumber_card": "held",
            "insurance_use": "registered",
            "certificate": "valid",
            "assisted_visit": "no",
        },
        day_after,
    )
    # After the transition a registered member is asked about the お知らせ, not the old card.
    assert isinstance(state.node, Question) and state.node.id == "eligibility_notice"
    state = walk(FLOW, {**base, "mynumber_card": "none"}, day_after)
    assert isinstance(state.node, Question) and state.node.id == "eligibility_certificate"
    state = walk(FLOW, {**base, "mynumber_card": "none"}, dt.date(2025, 6, 1))
    assert isinstance(state.node, Question) and state.node.id == "health_insurance_card"


@pytest.mark.parametrize("typed", ["٤٠", "4.0", "-1", "1e2", "０x", "1234"])
def test_odd_digits_in_the_age_are_a_clear_error(typed: str) -> None:
    answers = {"since": "before", "member_type": "employee", "age": typed}
    state = walk(FLOW, answers, dt.date(2026, 1, 1))
    assert state.node.id == "age"
    assert state.error is not None and state.error.code == "bad_number"


def test_full_width_age_with_suffix_is_read() -> None:
    answers = {"since": "before", "member_type": "employee", "age": "７２歳"}
    state = walk(FLOW, answers, dt.date(2026, 1, 1))
    assert state.error is None and state.facts.age == 72


def test_superscript_digit_is_read_as_facts_read_it() -> None:
    """NFKC makes 「²」 a 2, in the flow as in parse_facts (it used to crash the flow)."""
    answers = {"since": "before", "member_type": "employee", "age": "²"}
    state = walk(FLOW, answers, dt.date(2026, 1, 1))
    assert state.error is None and state.facts.age == 2


def test_a_result_code_stands_for_one_answer_and_carries_the_70_to_74_note() -> None:
    """A call-center agent reads a code's row: each code is one outcome (no two outcomes share
    a four-letter code), and a 72-year-old's 資格確認書 (負担割合 printed, R19) is not the
    45-year-old's."""
    outcomes: dict[str, set[str]] = {}
    for day in GOLDEN_DAYS:
        for _state, answer in assessed_on(day):
            d = answer.to_dict()
            c = d["eligibility_certificate"]
            what = [d[k] for k in ("phase", "covered", "show_at_clinic", "submit")]
            # a return's day is the member's own (v3 A5): the code stands for the situation
            what += [[{k: v for k, v in r.items() if k != "from"} for r in d["return"]]]
            what += [d["contact_association"], bool(d["register"])]
            what += [c[k] for k in ("issue", "copay_ratio_printed", "reasons")]
            what += [c["shorter_validity_possible"]]
            outcomes.setdefault(d["result_code"], set()).add(repr(what))
    assert {code: len(v) for code, v in outcomes.items() if len(v) > 1} == {}
    facts = {"member_type": "employee", "mynumber_card": "none", "eligibility_certificate": "held"}
    day = dt.date(2026, 11, 28)
    younger = assess({**facts, "age": 45}, day).to_dict()
    older = assess({**facts, "age": 72}, day).to_dict()
    assert older["eligibility_certificate"]["copay_ratio_printed"]
    assert younger["result_code"] != older["result_code"]
