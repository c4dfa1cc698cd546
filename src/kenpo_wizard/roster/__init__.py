"""STAND-IN for feat/roster (issue 21): the agreed shape of kenpo_wizard.roster, no real rules.

Only so the roster page can be built and tested before the engine helper's module lands;
dropped at merge. Every text here is a placeholder marked （仮）.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..dates import parse_date
from ..errors import InputError
from ..web.url_state import canonical_query

HEADERS: dict[str, tuple[str, ...]] = {
    "label": ("番号", "社員番号", "職員番号", "イニシャル", "識別", "label", "id", "staffno"),
    "relation": ("続柄", "区分", "本人・家族", "relation", "type"),
    "birth_date": ("生年月日", "birthdate", "dateofbirth"),
    "age": ("年齢", "age"),
    "joined_on": ("資格取得日", "加入日", "joined", "joinedon"),
    "eligibility_lost_on": ("資格喪失日", "喪失日", "loston", "leaveson"),
    "mynumber_card": ("マイナンバーカード",),
    "insurance_use": ("利用登録",),
    "eligibility_certificate": ("資格確認書",),
}
CARD = {"あり": "held", "なし": "none", "紛失": "lost", "更新中": "renewing"}
USE = {"済": "registered", "登録済": "registered", "あり": "registered", "未": "not_registered",
       "なし": "not_registered", "解除": "cancelled"}
CERT = {"あり": "held", "なし": "none", "紛失": "lost"}
VALUES = {"mynumber_card": CARD, "insurance_use": USE, "eligibility_certificate": CERT}


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("_", "").lower()


@dataclass
class Row:
    number: int
    cells: dict[str, str]
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Roster:
    columns: list[str]
    rows: list[Row]
    problems: list[dict[str, Any]]


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp932", errors="replace")


def read_roster(data: bytes | str, lang: str = "ja") -> Roster:
    text = _decode(data)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return Roster([], [], [{"row": None, "column": None, "code": "empty", "message": "表が空です（仮）"}])
    delimiter = "\t" if "\t" in lines[0] else ","
    table = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = table[0]
    keys: dict[int, str] = {}
    written: dict[str, str] = {}
    for i, name in enumerate(header):
        for key, names in HEADERS.items():
            if _key(name) in {_key(n) for n in names} and key not in written:
                keys[i], written[key] = key, name
    problems: list[dict[str, Any]] = []
    if not keys:
        problems.append({"row": 1, "column": None, "code": "not_a_table",
                         "message": "見出しの行に知っている列がありません（仮）"})
    rows = [
        Row(n, {keys[i]: v.strip() for i, v in enumerate(cells) if i in keys}, written)
        for n, cells in enumerate(table[1:], start=2)
    ]
    return Roster(list(written), rows, problems)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _read_day(text: str, key: str) -> dt.date:
    try:
        return parse_date(text, field=key)
    except InputError:
        if key != "birth_date":
            raise
        y, m, d = (int(x) for x in unicodedata.normalize("NFKC", text).replace("/", "-").split("-"))
        return dt.date(y, m, d)


def check_row(row: Row, start: dt.date, end: dt.date, today: dt.date, lang: str = "ja") -> dict[str, Any]:
    c = row.cells
    label = c.get("label", "") or f"{row.number}行目"
    problems: list[dict[str, Any]] = []
    missing: list[dict[str, Any]] = []
    days: dict[str, dt.date] = {}
    for key in ("birth_date", "joined_on", "eligibility_lost_on"):
        if c.get(key):
            try:
                days[key] = _read_day(c[key], key)
            except (InputError, ValueError):
                problems.append({"row": row.number, "column": row.headers.get(key), "code": "bad_date",
                                 "message": f"「{c[key]}」は日付として読めません（仮）"})
    facts: dict[str, str] = {}
    for key, table in VALUES.items():
        if c.get(key):
            if c[key] in table:
                facts[key] = table[c[key]]
            else:
                problems.append({"row": row.number, "column": row.headers.get(key), "code": "bad_value",
                                 "message": f"「{c[key]}」は使えない値です（仮）"})
    query = canonical_query({k: v for k, v in facts.items() if k in ("mynumber_card", "insurance_use")})
    code = "A-STND"
    tasks: list[dict[str, Any]] = []

    def task(day: dt.date, kind: str, text: str, who: str, sections: list[str], ref: bool = False) -> None:
        if start <= day <= end:
            tasks.append({"day": day.isoformat(), "row": row.number, "label": label, "kind": kind,
                          "text": text, "who": who, "sections": sections, "reference": ref,
                          "result_code": code, "wizard_query": "?" + query + f"&on={day.isoformat()}"})

    if "joined_on" in days and facts.get("mynumber_card") in ("none", "lost", None):
        task(days["joined_on"], "submit", "資格取得届（発行が必要）と資格確認書交付申請書を出す（仮）", "事業所担当者", ["2-1"])
    if "eligibility_lost_on" in days:
        lost = days["eligibility_lost_on"]
        if facts.get("eligibility_certificate") in ("held", None):
            task(lost, "collect", "資格確認書を回収する（仮）", "事業所担当者", ["2-1"])
            task(lost + dt.timedelta(days=4), "return_due", "返却の目安の最終日（参考・仮）", "事業所担当者", ["2-1"], True)
    if "birth_date" in days:
        task(_years_later(days["birth_date"], 75), "turns_75", "75歳：後期高齢者医療へ（仮）", "本人", ["table"])
        task(_years_later(days["birth_date"], 70), "turns_70", "70歳：お知らせが届く（仮）", "本人", ["2-2"])
    elif not problems:
        missing.append({"row": row.number, "label": label, "fact": "birth_date",
                        "message": "生年月日が分かれば70歳・75歳の日が分かります。本人に生年月日を聞いてください（仮）"})
    return {"row": row.number, "label": label, "result_code": code, "wizard_query": "?" + query,
            "tasks": tasks, "problems": problems, "missing": missing}


def report(roster: Roster, results: Iterable[dict[str, Any]], start: dt.date, end: dt.date) -> dict[str, Any]:
    results = list(results)
    tasks = sorted((t for r in results for t in r["tasks"]), key=lambda t: (t["day"], t["row"], t["kind"]))
    return {"from": start.isoformat(), "to": end.isoformat(), "rows": len(results), "tasks": tasks,
            "problems": roster.problems + [p for r in results for p in r["problems"]],
            "missing": [m for r in results for m in r["missing"]]}


def to_csv(report_: dict[str, Any], lang: str = "ja") -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["日付", "番号", "行", "すること", "する人", "参考", "結果コード"])
    for t in report_["tasks"]:
        w.writerow([t["day"], t["label"], t["row"], t["text"], t["who"], "参考" if t["reference"] else "", t["result_code"]])
    return out.getvalue()


def to_ics(report_: dict[str, Any], today: dt.date, lang: str = "ja") -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kenpo-wizard//roster stand-in//JA"]
    for i, t in enumerate(report_["tasks"]):
        d = t["day"].replace("-", "")
        lines += ["BEGIN:VEVENT", f"UID:stand-in-{i}@kenpo", f"DTSTAMP:{today:%Y%m%d}T000000Z",
                  f"DTSTART;VALUE=DATE:{d}", f"SUMMARY:{t['label']} {t['text']}", "END:VEVENT"]
    return "\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n"


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    y, m = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return today.replace(day=1), dt.date(y, m, calendar.monthrange(y, m)[1])


def template_csv(lang: str = "ja") -> str:
    return ("番号,本人・家族,生年月日,年齢,資格取得日,資格喪失日,マイナンバーカード,利用登録,資格確認書\r\n"
            "A-01,本人,1990-04-01,,R8.12.1,,なし,,\r\n"
            "A-02,本人,1960-05-10,,,2026-12-16,あり,済,あり\r\n"
            "A-03,家族,1951-12-20,,,,あり,未,\r\n")
