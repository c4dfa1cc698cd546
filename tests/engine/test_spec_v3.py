"""Spec version 3 (A1–A8) as rulebook cases, and each symptom of issue 17 that led to it.

Each case names its amendment. The answers are asked on 2026-12-02 (the day the issue was
found) unless the case is about another day; ``TODAY`` is the day the answer is made (A8).
A9 (input refused) is in ``test_refused_input.py``; A6 on the pre-built pages is in
``tests/kenpo_site/test_prebuilt_dates.py``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from contextlib import redirect_stdout
from typing import Any

import pytest

from kenpo_wizard.cli import main
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.rules import assess
from kenpo_wizard.texts import explain
from kenpo_wizard.web import screen

TODAY = dt.date(2026, 12, 2)
EMPLOYER_WORDS = ("勤務先", "事業所", "事務担当者")


def summary(*facts: str, on: str = "2026-12-02") -> str:
    """The CLI's summary, as a member reads it (the CLI passes today; here it is ``on``)."""
    args = ["assess", "--on", on]
    for f in facts:
        args += ["--fact", f]
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(args) == 0
    return out.getvalue()


def answer(
    facts: Mapping[str, object], on: dt.date = TODAY, today: dt.date = TODAY
) -> dict[str, Any]:
    return assess(facts, on, today).to_dict()


# ----------------------------------------------------------------------------- A1 joiners
def test_a1_a_new_hire_without_a_card_is_told_to_apply_not_to_show_a_card() -> None:
    a = answer({"joined_on": "2026-12-01", "mynumber_card": "none"})
    assert a["show_at_clinic"] == []
    assert a["submit"] == ["issue_needed_on_enrollment_form", "eligibility_certificate_application"]
    assert a["first_step"] == "submit"
    assert "waiting_for_certificate" in a["notes"]  # P12: care before it arrives
    assert a["contact_association"] is False  # the leaflet settles the case (R16, R18)
    text = summary("joined_on=2026-12-01", "mynumber_card=none")
    assert "「資格確認書」を提示してください" not in text
    assert "お手元のカードに印字" not in text
    head = text.split("■ 提出するもの")[0]
    assert "発行が必要" in head and "まだの場合" in head  # the forms lead, "if not yet done"


def test_a1_a_newborn_dependant_gets_the_same() -> None:
    facts = {"joined_on": "2026-11-20", "member_type": "dependant", "age": 0}
    a = answer({**facts, "mynumber_card": "none"})
    assert a["show_at_clinic"] == [] and a["first_step"] == "submit"


def test_a1_once_it_has_arrived_it_is_what_to_show() -> None:
    facts = {"joined_on": "2026-12-01", "mynumber_card": "none", "eligibility_certificate": "held"}
    a = answer(facts)
    assert a["show_at_clinic"] == [["eligibility_certificate"]] and a["submit"] == []


def test_a1_existing_members_keep_the_r25_presumption() -> None:
    assert answer({"mynumber_card": "none"})["show_at_clinic"] == [["eligibility_certificate"]]


def test_a1_the_wizard_asks_a_joiner_whether_it_has_arrived() -> None:
    path = {
        "since": "later",
        "joined_on": "2026-12-01",
        "member_type": "employee",
        "age": "40",
        "leaving": "no",
        "mynumber_card": "none",
    }
    state = walk(FLOW, path, TODAY)
    assert state.node.id == "certificate_arrived"
    values = [c.value for c in FLOW.question("certificate_arrived").choices]
    assert values == ["held", "none", "unknown"]  # 届いた／まだ／わからない
    unsure = walk(FLOW, {**path, "certificate_arrived": "unknown"}, TODAY).facts
    assert unsure.eligibility_certificate == "none"  # わからない is answered as まだ


# ----------------------------------------------------------------------------- A2 turning 75
def test_a2_turning_75_returns_the_certificate_held() -> None:
    a = answer({"age": 75, "eligibility_certificate": "held"})
    assert a["first_step"] == "later_elderly" and a["covered"] is False
    assert a["return"] == [
        {"document": "eligibility_certificate", "to": "employer", "from": None, "if_held": False}
    ]
    assert "return_within_5_days" in a["references"]  # 5 days: the association's website
    text = summary("age=75", "eligibility_certificate=held")
    assert "「資格確認書」を後期高齢者医療制度に加入した日（資格喪失日）以降" in text


def test_a2_not_known_whether_held_returns_it_if_held() -> None:
    (r,) = answer({"age": 75})["return"]
    assert r["document"] == "eligibility_certificate" and r["if_held"] is True
    assert "お持ちの場合" in summary("age=75")


def test_a2_who_turned_75_before_the_certificate_existed_returns_nothing() -> None:
    assert answer({"age": 80})["return"] == []  # 75 before 2024-12-02: never had one


def test_a2_every_reference_names_a_linked_source() -> None:
    x = explain(assess({"age": 75}, TODAY, TODAY))
    assert x.references
    assert all(any(url for _t, url in r.sources) for r in x.references)


# ----------------------------------------------------------------------------- A3 お知らせ
NOTICE_PENDING = {
    "joined_on": "2026-12-01",
    "mynumber_card": "held",
    "insurance_use": "registered",
    "eligibility_notice": "none",
    "mynaportal": "no",
}


def test_a3_the_notice_not_yet_arrived_is_r30_not_silence() -> None:
    a = answer(NOTICE_PENDING)
    assert a["show_at_clinic"] == [] and a["first_step"] == "wait_notice"
    assert "notice_pending" in a["notes"] and "waiting_for_notice" in a["notes"]
    assert "R30" in a["rules"] and "notice_not_received" not in a["contact_reasons"]
    text = summary(*(f"{k}={v}" for k, v in NOTICE_PENDING.items()))
    assert "届いてから" in text and "マイナポータル" in text


def test_a3_mynaportal_showing_the_association_works_before_it() -> None:
    a = answer({**NOTICE_PENDING, "mynaportal": "yes"})
    assert a["show_at_clinic"] == [["my_number_insurance_card"]]


# ----------------------------------------------------------------------------- A4 任意継続
@pytest.mark.parametrize(
    "facts",
    [
        ("member_type=voluntary", "mynumber_card=lost"),
        ("member_type=voluntary", "mynumber_card=none", "eligibility_lost_on=2026-12-16"),
        ("member_type=voluntary", "mynumber_card=none", "eligibility_certificate=none"),
        ("member_type=voluntary", "join_date=unknown", "mynumber_card=none"),
        ("member_type=voluntary", "age=75", "eligibility_certificate=held"),
    ],
)
def test_a4_voluntary_members_are_never_sent_to_an_employer(facts: tuple[str, ...]) -> None:
    text = summary(*facts)
    assert [w for w in EMPLOYER_WORDS if w in text] == []
    a = answer(dict(f.split("=") for f in facts))
    assert "employer" not in a["ask"] and all(r["to"] == "association" for r in a["return"])
    assert all(not d["via_employer"] for d in a["receive"])


# ----------------------------------------------------------------------------- A5 returns
def test_a5_a_member_still_covered_is_told_the_day_of_the_return() -> None:
    facts = ("eligibility_lost_on=2026-12-16", "mynumber_card=none", "eligibility_certificate=held")
    (r,) = answer(dict(f.split("=") for f in facts))["return"]
    assert r == {
        "document": "eligibility_certificate",
        "to": "employer",
        "from": "2026-12-16",
        "if_held": False,
    }
    text = summary(*facts)
    assert "令和8年12月16日（資格喪失日）以降" in text
    assert "令和8年12月15日までは使えます" in text  # not handed back early


# ----------------------------------------------------------------------------- A6 dates
def test_a6_a_leaver_sees_the_day_they_gave() -> None:
    text = summary("eligibility_lost_on=2026-12-16", "mynumber_card=none")
    assert "令和8年12月16日" in text and "令和8年12月5日" not in text


# ----------------------------------------------------------------------------- A7 plain first
def test_a7_plain_sentence_then_what_to_do_then_the_rest() -> None:
    lines = summary("mynumber_card=none").splitlines()
    assert lines[0] == "【受診のときは「資格確認書」を提示します】"
    assert lines[3] == "■ 次にすること"
    assert [x.split("：")[0] for x in lines[4:8]] == [
        "・すること",
        "・する人",
        "・いつ",
        "・相談先",
    ]


def test_a7_leaflet_terms_follow_plain_words() -> None:
    text = summary("mynumber_card=none")
    assert "職権交付事由①" in text
    assert "（職権交付事由①）" in text and "・職権交付事由①" not in text
    assert (
        "発行要否欄" not in summary("joined_on=2026-12-01", "mynumber_card=none").split("■ 提出")[0]
    )


def test_a7_history_is_not_an_answer() -> None:
    assert answer({"mynumber_card": "none"})["references"] == []  # the measure ended 2026-07-31
    assert "暫定" not in summary("mynumber_card=none")
    inside = answer({"mynumber_card": "none"}, dt.date(2026, 7, 31))
    assert "temporary_measure" in inside["references"]


def test_a7_one_contact_block_and_links_that_are_their_address() -> None:
    html = screen(
        "since=before&member_type=employee&age=40&leaving=no&mynumber_card=none"
        "&eligibility_certificate=held",
        TODAY,
    ).html
    assert html.count("お問い合わせ先</h2>") == 1
    assert 'href="https://igyou-kenpo.jp/">https://igyou-kenpo.jp/</a>' in html
    assert "https://igyou-kenpo.jp/（" not in html


# ----------------------------------------------------------------------------- A8 tense
def test_a8_tense_is_relative_to_the_day_the_answer_is_made() -> None:
    asked_then = assess({"mynumber_card": "none"}, dt.date(2024, 6, 1), TODAY)
    notice = next(d for d in asked_then.receive if d.document == "eligibility_notice")
    assert notice.past  # 2024-10-28 is before today, whatever day is asked
    text = "\n".join(i for p in explain(asked_then).parts for i in p.items)
    assert "送付されました" in text and "送付されます" not in text
    ahead = explain(assess({"mynumber_card": "none"}, dt.date(2030, 4, 1), TODAY))
    notes = " ".join(ahead.part("notes"))
    assert "過ぎています" not in notes  # 2029-12-01 is still ahead of today


def test_a8_the_command_line_passes_today() -> None:
    assert "送付されました" in summary("mynumber_card=none", on="2024-06-01")


# ----------------------------------------------------------------------------- P13
def test_after_the_validity_a_card_and_registration_are_recommended() -> None:
    a = answer({"mynumber_card": "none", "eligibility_certificate": "held"}, dt.date(2030, 4, 1))
    assert "register_after_validity" in a["notes"] and a["register"]
    assert "取得したうえで登録" in summary(
        "mynumber_card=none", "eligibility_certificate=held", on="2030-04-01"
    )
