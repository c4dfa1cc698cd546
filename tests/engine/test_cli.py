"""The command line per contract.md: JSON, a Japanese summary, exit 2 on bad input, the questionnaire."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kenpo_wizard.cli import main, run_questionnaire


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_assess_json_matches_contract_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "assess",
        "--on",
        "2025-12-02",
        "--fact",
        "mynumber_card=held",
        "--fact",
        "insurance_use=not_registered",
        "--json",
    )
    assert code == 0 and err == ""
    answer = json.loads(out)
    assert answer["show_at_clinic"] == [["eligibility_certificate"]]
    assert answer["eligibility_certificate"]["issue"] == "ex_officio"
    # contract.md's example leaves out `table`, which domain.md gives R23 (shown at the counter).
    assert set(answer["sources"]) == {"1-1", "1-2", "2-1", "schedule", "table"}


def test_wareki_day_and_facts_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"mynumber_card": "none", "age": 72}), encoding="utf-8")
    code, out, _ = run(capsys, "assess", "--on", "令和7年12月2日", "--facts", str(facts), "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["on"] == "2025-12-02"
    assert answer["eligibility_certificate"]["copay_ratio_printed"] is True


def test_summary_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", "--on", "2025-06-01", "--fact", "mynumber_card=none")
    assert code == 0
    assert "受診のときは「保険証」を提示します" in out
    assert "保険証は令和7年12月1日まで使えます（あと183日）" in out
    assert "結果コード：T-" in out


BAD_INPUT = [
    (["assess", "--on", "2025-02-30"], "date_impossible"),
    (["assess", "--fact", "colour=blue"], "unknown_fact"),
    (["assess", "--fact", "mynumber_card=maybe"], "bad_value"),
    (["assess", "--fact", "age=200"], "bad_value"),
    (["assess", "--fact", "nonsense"], "bad_fact"),
    (
        ["assess", "--fact", "mynumber_card=none", "--fact", "insurance_use=registered"],
        "contradiction",
    ),
    (["assess", "--facts", "/nonexistent.json"], "facts_file"),
    (["assess", "--bogus"], "usage"),
]


@pytest.mark.parametrize(("args", "code_word"), BAD_INPUT)
def test_bad_input_exits_2_with_one_japanese_line(
    capsys: pytest.CaptureFixture[str], args: list[str], code_word: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("エラー：")
    assert f"[{code_word}]" in err


@pytest.mark.parametrize(("args", "code_word"), BAD_INPUT)
def test_bad_input_with_json_also_gives_the_errors_on_stdout(
    capsys: pytest.CaptureFixture[str], args: list[str], code_word: str
) -> None:
    """--json: one ``{"errors": [...]}`` line on stdout besides the line on stderr (A9)."""
    code, out, err = run(capsys, *args, "--json")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("エラー：") and f"[{code_word}]" in err
    assert out.count("\n") == 1
    (error,) = json.loads(out)["errors"]
    assert error["code"] == code_word and error["message"] in err
    assert set(error) == {"code", "message", "field"}


def _replies(*answers: str) -> Iterator[str]:
    yield from answers


def test_questionnaire_with_back(capsys: pytest.CaptureFixture[str]) -> None:
    replies = _replies(
        "2026-01-10",  # day
        "1",
        "1",
        "40",  # since before, employee, age
        "1",  # not leaving
        "2",  # no card ... then go back
        "戻る",
        "1",
        "1",
        "1",
        "1",  # held, registered, certificate valid, no assisted visit
        "1",  # お知らせ held
    )
    out = io.StringIO()
    code = run_questionnaire(None, lambda _p: next(replies), out)
    text = out.getvalue()
    assert code == 0
    assert "受診のときは「マイナ保険証」を提示します" in text
    assert "  5. 返納した" in text


def test_questionnaire_rejects_bad_number_and_date() -> None:
    replies = _replies("2025-02-30", "2026-01-10", "9", "1", "1", "abc", "80")
    out = io.StringIO()
    code = run_questionnaire(None, lambda _p: next(replies), out)
    text = out.getvalue()
    assert code == 0
    assert "存在しない日付です" in text
    assert "1から3の番号で答えてください。" in text
    assert "0から130までの数字で入力してください。" in text
    assert "75歳以上の方は当組合の加入者ではありません" in text


def test_ics_writes_the_members_coming_dates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "reminders.ics"
    code, out, err = run(
        capsys,
        "assess",
        "--on",
        "2026-11-27",
        "--fact",
        "mynumber_card=none",
        "--fact",
        "eligibility_certificate=held",
        "--ics",
        str(target),
        "--ics-url",
        "https://example.jp/wizard/?since=before",
        "--json",
    )
    assert code == 0 and err == ""
    assert json.loads(out)["eligibility_certificate"]["valid_until"] == "2029-12-01"
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\n" in data and b"\n\n" not in data
    text = data.decode("utf-8")
    assert "DTSTART;VALUE=DATE:20291201\r\n" in text
    assert "URL:https://example.jp/wizard/?since=before\r\n" in text


def test_ics_to_stdout_and_nothing_to_add(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "assess", "--on", "2026-11-27", "--fact", "mynumber_card=none", "--ics", "-"
    )
    assert code == 0 and out.startswith("BEGIN:VCALENDAR\r\n") and "【" not in out
    target = tmp_path / "none.ics"
    registered = ("--fact", "mynumber_card=held", "--fact", "insurance_use=registered")
    code, out, err = run(capsys, "assess", "--on", "2026-11-27", *registered, "--ics", str(target))
    assert code == 0 and "【" in out
    assert "カレンダーに登録する今後の日付はありません" in err and not target.exists()


def test_ics_file_that_cannot_be_written_is_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-dir" / "x.ics"
    code, out, err = run(capsys, "assess", "--fact", "mynumber_card=none", "--ics", str(missing))
    assert code == 2 and out == "" and "[ics_file]" in err
