"""Agent mode (call center): answers in any order, the result or the next question needed."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from golden import paths_on

from kenpo_wizard.rules import assess
from kenpo_wizard.web import agent

DAY = "2026-11-28"


def run(query: str, today: str = DAY) -> dict[str, object]:
    out: dict[str, object] = json.loads(agent(query, today))
    return out


def test_answers_in_any_order_give_the_wizards_result_and_code() -> None:
    import datetime as dt

    day = dt.date.fromisoformat(DAY)
    for state in paths_on(day)[::97]:
        answers = list(state.answers().items())
        shuffled = "&".join(f"{k}={v}" for k, v in reversed(answers))
        got = run(shuffled)
        assert got["kind"] == "result"
        assert got["code"] == assess(state.facts, day).to_dict()["result_code"]
        assert dict(parse_qsl(str(got["query"]))) == state.answers()  # the link to send


def test_what_is_missing_is_named_and_extra_answers_are_listed_unused() -> None:
    got = run("age=72&member_type=employee&since=before&mynaportal=yes")
    assert got["kind"] == "question" and got["node"] == "leaving"
    assert "資格を失う" in str(got["question"])
    assert got["unused"] == ["mynaportal"]  # not used (yet) for these facts


def test_a_bad_answer_is_named_in_japanese_not_thrown() -> None:
    got = run("since=before&member_type=employee&age=abc")
    assert got["kind"] == "error" and got["node"] == "age"
    assert "数字" in str(got["message"])
    impossible = run("on=2026-02-30")
    assert impossible["kind"] == "error" and "存在しない日付" in str(impossible["message"])


def test_a_day_given_is_kept_in_the_link() -> None:
    got = run("on=R7.6.15&since=before&member_type=employee&age=40&leaving=no")
    assert got["on"] == "2025-06-15"
    assert "on=2025-06-15" in str(got["query"])
