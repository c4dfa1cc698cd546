"""Properties over any facts: one answer, non-empty sources, JSON round trip, no crash."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kenpo_wizard import InputError, assess, parse_facts
from kenpo_wizard.facts import DATE_FACTS, ENUM_FACTS
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.texts import explain

days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31))
fact_values = st.fixed_dictionaries(
    {},
    optional={
        **{name: st.sampled_from(values) for name, values in ENUM_FACTS.items()},
        **{name: days.map(dt.date.isoformat) for name in DATE_FACTS},
        "age": st.integers(0, 130),
    },
)


@settings(max_examples=400, deadline=None)
@given(fact_values, days)
def test_any_valid_facts_give_one_complete_answer(raw: dict[str, object], day: dt.date) -> None:
    try:
        facts = parse_facts(raw)
    except InputError as err:
        assert err.code == "contradiction" and err.message
        return
    answer = assess(facts, day)
    d = answer.to_dict()
    assert d["sources"]
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["on"] == day.isoformat()
    if not d["covered"]:
        assert d["show_at_clinic"] == []
    if d["eligibility_certificate"]["issue"] == "none":
        assert d["eligibility_certificate"]["reasons"] == []
        assert d["eligibility_certificate"]["valid_until"] is None
    text = explain(answer)
    assert text.headline and text.first_step and text.code == d["result_code"]
    assert text.part("ask"), "every answer ends with whom to ask"


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(max_size=30), st.one_of(st.text(max_size=60), st.integers(), st.none()))
)
def test_arbitrary_input_is_an_answer_or_a_clear_error(raw: dict[str, object]) -> None:
    try:
        answer = assess(raw, dt.date(2026, 1, 1))
    except InputError as err:
        assert err.code and err.message
    else:
        assert answer.sources


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(sorted(FLOW.nodes)),
        st.one_of(
            st.text(max_size=50), st.sampled_from(["held", "none", "yes", "no", "40", "2025-04-01"])
        ),
    ),
    days,
)
def test_tampered_answers_never_crash_the_flow(answers: dict[str, str], day: dt.date) -> None:
    state = walk(FLOW, answers, day)
    assert state.node.id in FLOW.nodes
    if state.error is not None:
        assert state.error.message
    assert set(state.answers()) <= set(answers)
