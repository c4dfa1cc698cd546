"""The clerk's month (issue 21): staff lists checked person by person, every task dated.

The rulebook is ``rosters/cases.toml``: lists written from the leaflet, with the tasks each
person must and must not get. The tests below hold the rest: every task rests on the engine's
answer for that day (its result code is the wizard's for its query), bad rows are named by row
and column and the others still checked, files that are not tables are refused in words, and
the command line's exit codes, CSV and calendar.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from kenpo_wizard import roster
from kenpo_wizard.cli import main
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.i18n import KEPT_NAMES, language
from kenpo_wizard.ics import unfold
from kenpo_wizard.phrases import REFERENCE_TEXTS
from kenpo_wizard.web import agent
from kenpo_wizard.web import roster as web_roster
from kenpo_wizard.web.url_state import parse_query

ROSTERS = Path(__file__).resolve().parent / "rosters"
CASES = tomllib.loads((ROSTERS / "cases.toml").read_text(encoding="utf-8"))["case"]
TODAY = dt.date(2026, 11, 28)
DECEMBER = (dt.date(2026, 12, 1), dt.date(2027, 1, 31))


def checked(
    data: bytes | str,
    start: dt.date = DECEMBER[0],
    end: dt.date = DECEMBER[1],
    today: dt.date = TODAY,
    lang: str = "ja",
) -> tuple[roster.Roster, list[dict[str, Any]], dict[str, Any]]:
    listed = roster.read_roster(data, lang)
    results = [roster.check_row(row, start, end, today, lang) for row in listed.rows]
    return listed, results, roster.report(listed, results, start, end)


def task_keys(report: dict[str, Any]) -> set[str]:
    return {f"{t['label']} {t['kind']} {t['day']} {t['subject']}" for t in report["tasks"]}


def case_inputs() -> list[tuple[str, dict[str, Any], str | None]]:
    out = []
    for case in CASES:
        for name in case.get("files", [None]):
            out.append((f"{case['name'][:40]} [{name or 'inline'}]", case, name))
    return out


@pytest.mark.parametrize(("title", "case", "file"), case_inputs(), ids=lambda x: str(x)[:60])
def test_rulebook(title: str, case: dict[str, Any], file: str | None) -> None:
    data: bytes | str = (ROSTERS / file).read_bytes() if file else case["text"].lstrip("\n")
    listed, _results, report = checked(
        data, case["from"], case["to"], case["today"], case.get("lang", "ja")
    )
    assert not [p for p in report["problems"] if p["level"] == "error"], title
    keys = task_keys(report)
    assert set(case["tasks"]) <= keys, sorted(keys)
    kinds = {f"{t['label']} {t['kind']}" for t in report["tasks"]}
    assert not set(case.get("absent", [])) & kinds
    missing = {f"{m['label']} {m['fact']}" for m in report["missing"]}
    assert set(case.get("missing", [])) <= missing
    noted = {n["label"] for n in report["notes"]}
    assert set(case.get("notes", [])) <= noted
    for label in case.get("notes", []):  # a note, never a task
        assert not [t for t in report["tasks"] if t["label"] == label]
    if "rows" in case:
        assert [r.number for r in listed.rows] == case["rows"]
    # every task lies in the period, in (day, row, kind) order, with the API's keys
    days = [t["day"] for t in report["tasks"]]
    assert days == sorted(days)
    assert all(case["from"].isoformat() <= d <= case["to"].isoformat() for d in days)
    for t in report["tasks"]:
        assert t["kind"] in roster.KINDS
        assert set(t) >= {
            "day",
            "row",
            "label",
            "kind",
            "text",
            "who",
            "sections",
            "reference",
            "result_code",
            "wizard_query",
        }
        assert t["text"] and t["who"]


def test_encodings_are_read_alike() -> None:
    reports = {}
    for name in ("clinic.csv", "clinic_sjis.csv", "clinic_bom.csv"):
        listed, _results, report = checked((ROSTERS / name).read_bytes())
        reports[name] = report
        assert listed.columns[0] == "label" and len(listed.rows) == 15
    assert roster.read_roster((ROSTERS / "clinic_sjis.csv").read_bytes()).encoding == "cp932"
    assert roster.read_roster((ROSTERS / "clinic_bom.csv").read_bytes()).encoding == "utf-8-sig"
    assert reports["clinic.csv"] == reports["clinic_sjis.csv"] == reports["clinic_bom.csv"]
    # the same list as text (pasted) reads alike too
    text = (ROSTERS / "clinic.csv").read_text(encoding="utf-8")
    assert checked(text)[2] == reports["clinic.csv"]


def test_each_task_is_the_wizards_answer_for_its_day() -> None:
    """The result code of a task is the one the wizard shows for its query (agent mode walks
    the same flow), and the query's day is the task's answer day."""
    _listed, results, report = checked((ROSTERS / "clinic.csv").read_bytes())
    seen = 0
    for t in report["tasks"]:
        if not t["result_code"]:
            assert t["kind"] == "ask"
            continue
        answer = json.loads(agent(t["wizard_query"], TODAY.isoformat()))
        assert answer["kind"] == "result" and answer["code"] == t["result_code"], t
        seen += 1
    assert seen > 10
    for r in results:  # the row's code and query are those of its first day
        if r["result_code"]:
            answer = json.loads(agent(r["wizard_query"], TODAY.isoformat()))
            assert answer["code"] == r["result_code"]


def by(report: dict[str, Any], label: str, kind: str) -> dict[str, Any]:
    return next(t for t in report["tasks"] if t["label"] == label and t["kind"] == kind)


def test_a_leavers_return_from_the_loss_day_within_5_days_as_a_reference() -> None:
    _listed, _results, report = checked((ROSTERS / "clinic.csv").read_bytes())
    collect, due = by(report, "L1", "collect"), by(report, "L1", "return_due")
    assert collect["day"] == "2026-12-16" and not collect["reference"]
    assert collect["sections"] == ["2-1"]  # R21
    assert due["reference"] and due["day"] == "2026-12-20"
    # the engine's own 参考 and its source, not a new one (P10)
    with language("ja"):
        assert REFERENCE_TEXTS["return_within_5_days"]().plain() in due["reference_text"]
    assert "https://igyou-kenpo.jp/application" in due["reference_text"]


def test_the_70th_and_75th_birthdays_say_what_the_answer_on_that_day_says() -> None:
    _listed, _results, report = checked((ROSTERS / "clinic.csv").read_bytes())
    certificate = by(report, "S70", "turns_70")  # no card: 負担割合 on the 資格確認書 (R19)
    assert "負担割合" in certificate["text"] and "資格確認書" in certificate["text"]
    assert "リーフレットに記載がありません" in certificate["text"]
    assert certificate["sections"] == ["2-1"]
    notice = by(report, "S70b", "turns_70")  # マイナ保険証: a new お知らせ (R26)
    assert "資格情報のお知らせ" in notice["text"] and notice["sections"] == ["2-2"]
    later = by(report, "E75", "turns_75")  # P5, A2
    assert "後期高齢者医療制度" in later["text"] and "資格確認書" in later["text"]
    assert later["reference"] and "後期高齢者医療制度" in later["reference_text"]
    assert "令和8年12月" not in later["text"]  # the day of joining is worded, not dated (A2)


def test_voluntary_continuation_gets_nothing_through_an_employer() -> None:
    _listed, results, _report = checked((ROSTERS / "clinic.csv").read_bytes())
    v1 = next(r for r in results if r["label"] == "V1")
    assert v1["tasks"] == [] and v1["result_code"]
    assert all("勤務先" not in n and "事業所" not in n for n in v1["notes"])
    assert "member_type=voluntary" in v1["wizard_query"]


def test_a_missing_fact_is_named_with_the_question_to_ask() -> None:
    _listed, results, _report = checked((ROSTERS / "clinic.csv").read_bytes())
    m1 = next(r for r in results if r["label"] == "M1")
    assert m1["result_code"] is None  # the wizard would still be asking
    [entry] = [m for m in m1["missing"] if m["fact"] == "mynumber_card"]
    question = FLOW.question("mynumber_card")
    assert question.text in entry["message"] and "「マイナンバーカード」の列" in entry["message"]
    assert "紛失した" in entry["message"]  # the question's own choices
    raw, _dropped = parse_query(entry["wizard_query"])
    on = dt.date.fromisoformat(raw.pop("on"))
    assert walk(FLOW, raw, on).node.id == "mynumber_card"  # opens the wizard at that question
    ask = next(t for t in m1["tasks"] if t["kind"] == "ask")
    assert question.text in ask["text"] and ask["day"] == "2026-12-01"


def test_a_join_day_written_unknown_is_the_wizards_dont_know() -> None:
    text = "番号,本人・家族,生年月日,資格取得日,マイナンバーカード,利用登録\nU1,本人,1980-01-01,不明,あり,済\n"
    _listed, results, _report = checked(text)
    [u1] = results
    assert "since=unknown" in u1["wizard_query"]
    assert [m["fact"] for m in u1["missing"]] == ["joined_on"]


BROKEN = {  # row → (column as written in the file, code)
    3: [("加入日", "date_impossible")],
    4: [("マイナンバーカード", "bad_value")],
    5: [("年齢", "age_birth_mismatch")],
    6: [("資格喪失日", "contradiction")],
    7: [("加入日", "date_out_of_range")],
    8: [("区分", "bad_value"), ("資格喪失日", "date_out_of_range")],
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_broken_rows_are_named_by_row_and_column_and_the_others_checked(lang: str) -> None:
    _listed, results, report = checked((ROSTERS / "broken.csv").read_bytes(), lang=lang)
    found: dict[int, list[tuple[str, str]]] = {}
    for p in report["problems"]:
        if p["row"] is not None and p["level"] == "error":
            found.setdefault(p["row"], []).append((p["column"], p["code"]))
            where = (
                f"{p['row']}行目「{p['column']}」"
                if lang == "ja"
                else f'Row {p["row"]}, "{p["column"]}"'
            )
            assert p["message"].startswith(where)
    assert {row: sorted(v) for row, v in found.items()} == {r: sorted(v) for r, v in BROKEN.items()}
    by_row = {r["row"]: r for r in results}
    assert by_row[2]["tasks"] and by_row[9]["tasks"]  # B1 (a joiner) and B8 (turns 70)
    assert all(not by_row[n]["tasks"] for n in BROKEN)  # nothing is guessed for a broken row
    if lang == "en":
        messages = " ".join(p["message"] for p in report["problems"])
        assert "does not match" in messages and "not a real date" in messages


@pytest.mark.parametrize(
    ("name", "code"),
    [("not_a_table.png", "not_text"), ("one_column.txt", "not_a_table")],
)
def test_a_file_that_is_not_a_table_is_refused_in_words(name: str, code: str) -> None:
    listed = roster.read_roster((ROSTERS / name).read_bytes())
    assert not listed.readable and listed.rows == []
    [problem] = listed.problems
    assert problem["code"] == code and problem["row"] is None and "表" in problem["message"]


def test_other_files_that_are_not_tables() -> None:
    assert roster.read_roster(b"PK\x03\x04" + bytes(60)).problems[0]["code"] == "spreadsheet_file"
    assert roster.read_roster(b"").problems[0]["code"] == "empty"
    no_header = roster.read_roster("a,b,c\n1,2,3\n")
    assert no_header.problems[0]["code"] == "no_header" and not no_header.readable


def test_a_missing_required_column_is_named_and_every_row_asks_for_it() -> None:
    listed, results, _report = checked((ROSTERS / "no_age.csv").read_bytes())
    assert listed.readable
    [problem] = [p for p in listed.problems if p["code"] == "missing_column"]
    assert "生年月日" in problem["message"] and "年齢" in problem["message"]
    assert all("age" in [m["fact"] for m in r["missing"]] for r in results)


def test_no_relation_column_is_a_note_and_a_label_falls_back_to_the_row() -> None:
    listed, results, _report = checked(
        "生年月日,資格取得日,マイナンバーカード\n1990-01-01,2026-12-07,なし\n"
    )
    assert [p["code"] for p in listed.problems] == ["relation_absent"]
    assert results[0]["label"] == "2行目" and results[0]["tasks"]


def test_headers_and_words_as_hr_lists_write_them() -> None:
    text = (
        "No.,氏名,続柄,生年月日（西暦）,加入日,マイナンバーカード（有無）,マイナンバーカードの利用登録,備考\n"
        "1,A,妻,1990-01-01,2026-12-07,取得済,〇,\n"
        "2,B,子,2010-01-01,2026-12-07,無し,,\n"
    )
    listed, results, report = checked(text)
    assert listed.columns == [
        "label",
        "relation",
        "birth_date",
        "joined_on",
        "mynumber_card",
        "insurance_use",
    ]
    assert [p["code"] for p in listed.problems] == ["duplicate_column", "extra_columns"]
    assert all(not r["problems"] for r in results)
    assert "2 submit 2026-12-07 issue_needed_on_enrollment_form" in task_keys(report)
    assert "1 receive 2026-12-07 eligibility_notice" in task_keys(report)


def test_an_age_of_69_without_a_birth_date_asks_for_it() -> None:
    _listed, results, _report = checked((ROSTERS / "clinic.csv").read_bytes())
    m2 = next(r for r in results if r["label"] == "M2")
    assert [m["fact"] for m in m2["missing"]] == ["birth_date"]
    assert not [t for t in m2["tasks"] if t["kind"] == "turns_70"]


@pytest.mark.parametrize(
    ("today", "period"),
    [
        (dt.date(2026, 12, 15), (dt.date(2026, 12, 1), dt.date(2027, 1, 31))),
        (dt.date(2026, 11, 30), (dt.date(2026, 11, 1), dt.date(2026, 12, 31))),
        (dt.date(2028, 1, 1), (dt.date(2028, 1, 1), dt.date(2028, 2, 29))),
    ],
)
def test_the_default_period_is_this_month_and_the_next(
    today: dt.date, period: tuple[dt.date, dt.date]
) -> None:
    assert roster.default_period(today) == period


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_template_reads_back_with_every_column(lang: str) -> None:
    listed = roster.read_roster(roster.template_csv(lang), lang)
    assert listed.columns == [c.key for c in roster.COLUMNS]
    assert len(listed.rows) == 3 and listed.problems == []
    results = [roster.check_row(r, *DECEMBER, TODAY, lang) for r in listed.rows]
    assert all(not r["problems"] for r in results)


# ----------------------------------------------------------------------------- the command line
def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


PERIOD = ("--from", "2026-12-01", "--to", "R9.1.31")


def test_cli_summary_by_week_with_problems_listed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "roster", str(ROSTERS / "broken.csv"), *PERIOD)
    assert code == 0 and err == ""
    weeks = re.findall(r"^■ (.+)〜(.+)の週$", out, flags=re.M)
    assert weeks and all("（月）" not in w[0] for w in weeks)
    assert "令和8年12月7日（2026年12月7日） | B1 | 提出" in out
    assert "3行目「加入日」" in out and "■ 直してほしいこと" in out
    # each week runs Monday to Sunday
    assert "令和8年12月7日（2026年12月7日）〜令和8年12月13日（2026年12月13日）の週" in out


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["roster", "no/such/file.csv"], "roster_file"),
        (["roster", str(ROSTERS / "not_a_table.png")], "not_text"),
        (["roster", str(ROSTERS / "one_column.txt")], "not_a_table"),
        (["roster", str(ROSTERS / "clinic.csv"), "--from", "2026-02-30"], "date_impossible"),
        (["roster", str(ROSTERS / "clinic.csv"), "--to", "2100-01-01"], "date_out_of_range"),
        (
            ["roster", str(ROSTERS / "clinic.csv"), "--from", "2027-02-01", "--to", "2027-01-01"],
            "period_reversed",
        ),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], code: str
) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.endswith(f"[{code}]\n")


def test_cli_csv_opens_in_excel(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "tasks.csv"
    code, _out, _err = run(
        capsys, "roster", str(ROSTERS / "clinic_sjis.csv"), *PERIOD, "--csv", str(target)
    )
    assert code == 0
    data = target.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in data
        and b"\n" not in data.replace(b"\r\n", b"")
    )
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "日付",
        "和暦",
        "番号",
        "行",
        "種類",
        "すること",
        "する人",
        "リーフレット",
        "結果コード",
        "参考",
    ]
    report = checked((ROSTERS / "clinic_sjis.csv").read_bytes())[2]
    assert len(rows) - 1 == len(report["tasks"])
    assert rows[[r[2] for r in rows].index("L1")][:5] == [
        "2026-12-16",
        "令和8年12月16日",
        "L1",
        "5",
        "回収",
    ]
    code, out, _err = run(capsys, "roster", str(ROSTERS / "clinic.csv"), *PERIOD, "--csv", "-")
    assert out.startswith("\ufeff日付,") and "\r\n" in out


def test_cli_csv_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys, "--lang", "en", "roster", str(ROSTERS / "english.csv"), *PERIOD, "--csv", "-"
    )
    header = next(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert code == 0 and header[:3] == ["Date", "Japanese calendar", "Label"]


def test_cli_calendar_has_one_event_per_task(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "roster", str(ROSTERS / "clinic.csv"), *PERIOD, "--ics", "-")
    assert code == 0
    lines = unfold(out)
    report = checked((ROSTERS / "clinic.csv").read_bytes())[2]
    assert lines.count("BEGIN:VEVENT") == len(report["tasks"]) == lines.count("END:VEVENT")
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)
    starts = sorted(line.split(":")[1] for line in lines if line.startswith("DTSTART;VALUE=DATE:"))
    assert starts == sorted(t["day"].replace("-", "") for t in report["tasks"])
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    _code, again, _err = run(capsys, "roster", str(ROSTERS / "clinic.csv"), *PERIOD, "--ics", "-")
    assert [x for x in unfold(again) if x.startswith("UID:")] == uids  # stable


def test_cli_json_and_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (ROSTERS / "pasted.tsv").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _err = run(capsys, "roster", "-", *PERIOD, "--json")
    report = json.loads(out)
    assert code == 0 and report["from"] == "2026-12-01" and report["to"] == "2027-01-31"
    assert report["rows"] == 3 and "P3 collect 2026-12-16 eligibility_certificate" in task_keys(
        report
    )


def test_cli_summary_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--lang", "en", "roster", str(ROSTERS / "english.csv"), *PERIOD)
    assert code == 0 and "Week of" in out and "Collect" in out
    names = re.compile("|".join(re.escape(n) for n in sorted(KEPT_NAMES, key=len, reverse=True)))
    japanese = re.findall(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+", names.sub(" ", out))
    assert japanese == []


# ----------------------------------------------------------------------------- the page's worker
def test_the_worker_face_checks_rows_in_batches_and_never_raises() -> None:
    started = json.loads(
        web_roster.start(
            (ROSTERS / "clinic_sjis.csv").read_bytes(),
            "2026-12-01",
            "2027-01-31",
            TODAY.isoformat(),
            "ja",
        )
    )
    assert started["rows"] == 15 and started["columns"][0] == "label" and started["problems"] == []
    batches = []
    while True:
        batch = json.loads(web_roster.next_rows(4))
        batches.append(batch)
        if batch["done"]:
            break
    assert [len(b["results"]) for b in batches] == [4, 4, 4, 3]
    report = json.loads(web_roster.finish())
    assert report == checked((ROSTERS / "clinic.csv").read_bytes())[2]
    assert web_roster.csv(json.dumps(report), "ja") == roster.to_csv(report, "ja")
    assert web_roster.ics(json.dumps(report), TODAY.isoformat(), "ja").startswith("BEGIN:VCALENDAR")
    assert web_roster.template("en").startswith("Label,")
    for bad in (
        web_roster.start("a,b", "2026-13-01", "", TODAY.isoformat(), "ja"),
        web_roster.start("a,b", "2027-01-01", "2026-01-01", TODAY.isoformat(), "en"),
        web_roster.csv("not json", "ja"),
        web_roster.ics("{}", "2026-11-28", "ja"),
    ):
        assert json.loads(bad)["kind"] == "error" and json.loads(bad)["message"]
    default = json.loads(web_roster.start("番号,年齢\nA,40\n", "", "", "2026-12-15", "ja"))
    assert (default["from"], default["to"]) == ("2026-12-01", "2027-01-31")


def test_the_table_reader_reads_what_excel_and_the_csv_module_write() -> None:
    """The roster reads and writes CSV without the ``csv`` module (the browser's trimmed
    standard library): both directions agree with it on random tables."""
    from random import Random

    from kenpo_wizard.roster.table import read_table, write_table

    rng = Random(21)
    pieces = ["a", "本人", ",", '"', "\n", "\r\n", "\r", " ", "\t", ""]
    for _ in range(2000):
        rows = [
            ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(3)]
            for _ in range(rng.randint(1, 4))
        ]
        ours = write_table(rows)
        assert read_table(ours, ",") == rows
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        assert read_table(buffer.getvalue(), ",") == rows
        assert list(csv.reader(io.StringIO(ours, newline=""))) == rows
