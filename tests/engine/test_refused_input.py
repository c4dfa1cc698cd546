"""Input the engine refuses (contract A9): exit 2 and one line, never a traceback, in any
language, with or without ``--ics``; with ``--json`` also ``{"errors": [...]}`` on stdout.

The Python API raises :class:`InputError` for the same input, and the wizard's walk (and so
its URL and the agent screen) refuses it as an ordinary answer, not an internal error.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kenpo_wizard import web
from kenpo_wizard.cli import main, run_questionnaire
from kenpo_wizard.errors import InputError
from kenpo_wizard.facts import Facts, parse_facts
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.i18n import language
from kenpo_wizard.rules import assess

ON = ("--on", "2026-01-05")
RANGE = {
    "ja": "平成元年1月8日（1989年1月8日）から令和81年12月31日（2099年12月31日）まで",
    "en": "from 8 January 1989 (Heisei 1) to 31 December 2099 (Reiwa 81)",
}
PREFIX = {"ja": "エラー：", "en": "Error: "}

# (id, arguments after `assess`, code, field, words in ja, words in en); a file is FACTS_FILE.
CASES = [
    (
        "fact-twice",
        [*ON, "--fact", "age=70", "--fact", "age=72"],
        "conflicting_fact",
        "age",
        "「age」に異なる値が指定されています：「70」と「72」",
        '"age" is given two different values, "70" and "72"',
    ),
    (
        "file-and-fact",
        [*ON, "--facts", "FACTS_FILE", "--fact", "age=72"],
        "conflicting_fact",
        "age",
        "「70」と「72」",
        '"70" and "72"',
    ),
    (
        "date-fact-twice",
        [*ON, "--fact", "joined_on=2025-04-01", "--fact", "joined_on=R7.5.1"],
        "conflicting_fact",
        "joined_on",
        "「2025-04-01」と「R7.5.1」",
        '"2025-04-01" and "R7.5.1"',
    ),
    (
        "child-aged-18",
        [*ON, "--fact", "age=18", "--fact", "assisted_visit=child"],
        "contradiction",
        "assisted_visit",
        "18歳未満の方の受診についてのみ選べます（年齢：18歳）",
        "can only be chosen for someone under 18 (the age given is 18)",
    ),
    (
        "child-aged-70-from-file",
        [*ON, "--facts", "FACTS_FILE", "--fact", "assisted_visit=child"],
        "contradiction",
        "assisted_visit",
        "（年齢：70歳）",
        "(the age given is 70)",
    ),
    (
        "join-date-unknown-and-joined-on",
        [*ON, "--fact", "join_date=unknown", "--fact", "joined_on=2025-04-01"],
        "contradiction",
        "join_date",
        "加入した時期を「わからない」にはできません",
        'cannot also be "I don\'t know"',
    ),
    (
        "on-year-1",
        ["--on", "0001-01-01"],
        "date_out_of_range",
        "on",
        "0001-01-01 は扱えない日付です",
        "0001-01-01 is outside the dates",
    ),
    (
        "on-meiji",
        ["--on", "1868-01-01"],
        "date_out_of_range",
        "on",
        "1868-01-01 は扱えない日付です",
        "1868-01-01 is outside the dates",
    ),
    (
        "on-last-showa-day",
        ["--on", "S64.1.7"],
        "date_out_of_range",
        "on",
        "S64.1.7 は扱えない日付です",
        "S64.1.7 is outside the dates",
    ),
    (
        "on-2100",
        ["--on", "2100-01-01"],
        "date_out_of_range",
        "on",
        "2100-01-01 は扱えない日付です",
        "2100-01-01 is outside the dates",
    ),
    (
        "lost-on-9999",
        [*ON, "--fact", "eligibility_lost_on=9999-12-31"],
        "date_out_of_range",
        "eligibility_lost_on",
        "9999-12-31 は扱えない日付です",
        "9999-12-31 is outside the dates",
    ),
    (
        "joined-on-year-1",
        [*ON, "--fact", "joined_on=0001-01-01", "--fact", "eligibility_lost_on=0001-01-02"],
        "date_out_of_range",
        "joined_on",
        "0001-01-01 は扱えない日付です",
        "0001-01-01 is outside the dates",
    ),
    (
        "ics-url-with-a-newline",
        [*ON, "--fact", "mynumber_card=none", "--ics-url", "https://example.jp/\nX-EVIL:1"],
        "bad_url",
        "ics_url",
        "制御文字は使えません",
        "cannot contain line breaks",
    ),
]
MODES = {
    "summary": [],
    "ics": ["--ics", "-"],
    "json": ["--json"],
    "ics-json": ["--ics", "-", "--json"],
}


@pytest.fixture
def facts_file(tmp_path: Path) -> str:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"age": 70}), encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    ("args", "code_word", "field", "ja", "en"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refused_with_exit_2_and_one_line(
    capsys: pytest.CaptureFixture[str],
    facts_file: str,
    mode: str,
    lang: str,
    args: list[str],
    code_word: str,
    field: str,
    ja: str,
    en: str,
) -> None:
    argv = ["--lang", lang, "assess", *(facts_file if a == "FACTS_FILE" else a for a in args)]
    code, out, err = run(capsys, *argv, *MODES[mode])
    assert code == 2
    assert "Traceback" not in err and err.count("\n") == 1 and err.endswith("\n")
    assert err.startswith(PREFIX[lang]) and err.rstrip().endswith(f"[{code_word}]")
    assert {"ja": ja, "en": en}[lang] in err
    if code_word == "date_out_of_range":
        assert RANGE[lang] in err  # the allowed range, in 和暦 and 西暦
        assert "令和7981年" not in err
    if "json" not in mode:
        assert out == ""
        return
    assert out.count("\n") == 1
    errors = json.loads(out)
    assert errors == {
        "errors": [{"code": code_word, "message": errors["errors"][0]["message"], "field": field}]
    }
    assert errors["errors"][0]["message"] in err


@pytest.mark.parametrize(
    ("answered", "refused"),
    [
        (["--fact", "age=70", "--fact", "age=70"], ["--fact", "age=70", "--fact", "age=72"]),
        (["--fact", "age=70", "--fact", "age=７０歳"], ["--fact", "age=70", "--fact", "age=71歳"]),
        (
            ["--facts", "FACTS_FILE", "--fact", "age=70"],
            ["--facts", "FACTS_FILE", "--fact", "age=7"],
        ),
        (
            ["--fact", "joined_on=2025-04-01", "--fact", "joined_on=R7.4.1"],
            ["--fact", "joined_on=2025-04-01", "--fact", "joined_on=R7.4.2"],
        ),
        (
            ["--fact", "age=17", "--fact", "assisted_visit=child"],
            ["--fact", "age=18", "--fact", "assisted_visit=child"],
        ),
        (
            ["--fact", "join_date=unknown"],
            ["--fact", "join_date=unknown", "--fact", "joined_on=R7.4.1"],
        ),
        (["--on", "1989-01-08"], ["--on", "1989-01-07"]),
        (["--on", "H1.1.8"], ["--on", "S64.1.7"]),
        (["--on", "2099-12-31"], ["--on", "2100-01-01"]),
        (
            ["--fact", "eligibility_lost_on=2099-12-31", "--ics", "-"],
            ["--fact", "eligibility_lost_on=2100-01-01", "--ics", "-"],
        ),
        (
            ["--on", "2099-12-30", "--fact", "eligibility_lost_on=2099-12-31", "--ics", "-"],
            ["--on", "2099-12-30", "--fact", "eligibility_lost_on=9999-12-31", "--ics", "-"],
        ),
    ],
)
def test_where_the_refusal_starts(
    capsys: pytest.CaptureFixture[str], facts_file: str, answered: list[str], refused: list[str]
) -> None:
    """The same value twice and the range's own ends are answered; one step further is not."""
    for args, expected in ((answered, 0), (refused, 2)):
        argv = ["assess", *(facts_file if a == "FACTS_FILE" else a for a in args)]
        code, out, err = run(capsys, *(argv if "--on" in argv else [*argv, *ON]))
        assert code == expected, (args, err)
        assert "Traceback" not in err
        if expected == 2:
            assert out == "" and err.count("\n") == 1 and err.startswith("エラー：")
        elif "--ics" in args:
            assert out == "" or out.startswith("BEGIN:VCALENDAR\r\n")
        else:
            assert out.startswith("【") and err == ""


def test_a_name_twice_in_the_facts_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "twice.json"
    path.write_text('{"age": 70, "mynumber_card": "none", "age": 72}', encoding="utf-8")
    code, out, err = run(capsys, "assess", *ON, "--facts", str(path), "--json")
    assert code == 2 and err.count("\n") == 1 and "[conflicting_fact]" in err
    assert json.loads(out)["errors"][0]["field"] == "age"


# ----------------------------------------------------------------------------- Python API
@pytest.mark.parametrize(
    ("facts", "on"),
    [
        ({}, dt.date(1, 1, 1)),
        ({}, dt.date(9999, 12, 31)),
        ({}, dt.date(1989, 1, 7)),
        ({}, dt.date(2100, 1, 1)),
        ({"eligibility_lost_on": dt.date(9999, 12, 31)}, dt.date(2026, 1, 5)),
        ({"joined_on": dt.datetime(1868, 1, 1, 9, 0)}, dt.date(2026, 1, 5)),
        ({"joined_on": "0001-01-01"}, dt.date(2026, 1, 5)),
        ({"age": 18, "assisted_visit": "child"}, dt.date(2026, 1, 5)),
        ({"join_date": "unknown", "joined_on": "2025-04-01"}, dt.date(2026, 1, 5)),
        (Facts(eligibility_lost_on=dt.date(9999, 12, 31)), dt.date(2026, 1, 5)),
        (Facts(age=40, assisted_visit="child"), dt.date(2026, 1, 5)),
    ],
)
def test_assess_raises_input_error(facts: dict[str, object] | Facts, on: dt.date) -> None:
    with pytest.raises(InputError) as err:
        assess(facts, on)
    assert type(err.value) is InputError
    assert err.value.code in ("date_out_of_range", "contradiction")


def test_parse_facts_range_ends_and_the_child_age() -> None:
    assert parse_facts({"joined_on": dt.date(1989, 1, 8)}).joined_on == dt.date(1989, 1, 8)
    assert parse_facts({"eligibility_lost_on": "2099-12-31"}).eligibility_lost_on is not None
    assert parse_facts({"age": 17, "assisted_visit": "child"}).assisted_visit == "child"
    with pytest.raises(InputError) as err:
        parse_facts({"assisted_visit": "child", "age": 18})
    assert (err.value.code, err.value.field) == ("contradiction", "assisted_visit")
    with pytest.raises(InputError) as err:
        parse_facts({"join_date": "unknown", "joined_on": "R7.4.1"})
    assert (err.value.code, err.value.field) == ("contradiction", "join_date")


# ----------------------------------------------------------------------------- the wizard
ADULT_CARD = (
    "since=before&member_type=employee&age={age}&leaving=no"
    "&mynumber_card=held&insurance_use=registered&certificate=valid"
)
TO_RESULT = (
    "since=before&member_type=employee&age=40&leaving=no&mynumber_card=none"
    "&health_insurance_card=held&eligibility_certificate=held&eligibility_notice=held"
)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("day", ["1868-01-01", "0001-01-01", "2100-01-01"])
@pytest.mark.parametrize("rest", ["", "&" + TO_RESULT])
def test_the_wizards_day_out_of_range_is_an_ordinary_message(
    lang: str, day: str, rest: str
) -> None:
    shown = json.loads(web.agent(f"on={day}{rest}", "2026-01-05", lang=lang))
    assert shown["kind"] == "error" and shown.get("node") == "on"
    assert RANGE[lang] in shown["message"] and "why" not in shown
    screen = json.loads(web.step(f"on={day}{rest}", "2026-01-05", lang=lang))
    assert screen["node"] == "on" and screen["error"]["code"] == "date_out_of_range"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_wizard_refuses_a_child_companion_for_an_adult(lang: str) -> None:
    day = dt.date(2026, 1, 5)
    state = walk(
        FLOW,
        dict(p.split("=") for p in ADULT_CARD.format(age=40).split("&"))
        | {"assisted_visit": "child"},
        day,
    )
    assert state.error is not None and state.error.code == "contradiction"
    shown = json.loads(
        web.agent(ADULT_CARD.format(age=40) + "&assisted_visit=child", "2026-01-05", lang=lang)
    )
    assert shown["kind"] == "error" and shown["node"] == "assisted_visit" and "why" not in shown
    with language(lang):
        child = FLOW.question("assisted_visit").choice("child")
        assert child is not None
        label = child.text()
    # the question is not offered with a choice that cannot be true; a child gets it
    adult = json.loads(web.step(ADULT_CARD.format(age=40), "2026-01-05", lang=lang))
    young = json.loads(web.step(ADULT_CARD.format(age=10), "2026-01-05", lang=lang))
    assert adult["node"] == young["node"] == "assisted_visit"
    assert 'value="child"' not in adult["html"] and 'value="yes"' in adult["html"]
    assert 'value="child"' in young["html"] and label in young["html"]


def _replies(*answers: str) -> Iterator[str]:
    yield from answers


def test_questionnaire_refuses_a_day_out_of_range_and_offers_no_child_to_an_adult() -> None:
    replies = _replies("1868-01-01", "2026-01-10", "1", "1", "40", "1", "1", "1", "1")
    out = io.StringIO()
    with pytest.raises(StopIteration):
        run_questionnaire(None, lambda _p: next(replies), out)
    text = out.getvalue()
    assert "1868-01-01 は扱えない日付です" in text and RANGE["ja"] in text
    assert "基準日：令和8年1月10日" in text
    assert "受診のとき、第三者が同行して資格確認を手伝う必要がありますか" in text
    assert "子どもにベビーシッターなどが同行する" not in text
