"""What a checked staff list gives back: the report, and the report as CSV, .ics and text.

The CSV opens in Excel in Japan without garbled text when written as UTF-8 with a BOM and
CRLF line ends (the callers write it so); a cell a spreadsheet would read as a formula is
prefixed with an apostrophe. The calendar follows the CLI's ``--ics`` (kenpo_wizard.ics: one
all-day event per task, escaped, folded, a reminder a week before), with a UID that stays the
same for the same (label, kind, day, what it is about), so a re-import updates the event.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from ..i18n import _, language, sep_alternatives
from ..ics import Event, calendar, uid
from ..leaflet import SECTION_TITLES, Section
from ..wareki import both, wareki
from .check import task_order
from .columns import COLUMNS
from .reading import Roster


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """This month and the next: the first day of this month … the last day of next month."""
    first = today.replace(day=1)
    after_next = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    after_next = (after_next.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, after_next - dt.timedelta(days=1)


def report(
    roster: Roster, results: Iterable[dict[str, Any]], start: dt.date, end: dt.date
) -> dict[str, Any]:
    """The Report of all rows checked (spec/roster.md)."""
    results = list(results)
    tasks = sorted((t for r in results for t in r["tasks"]), key=task_order)
    problems = [*roster.problems, *(p for r in results for p in r["problems"])]
    notes = [
        {"row": r["row"], "label": r["label"], "message": m} for r in results for m in r["notes"]
    ]
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "rows": len(roster.rows),
        "tasks": tasks,
        "problems": problems,
        "missing": [m for r in results for m in r["missing"]],
        "notes": notes,  # an extension: what a row's answer says with no task (任意継続, 75+)
        "checked": len(results),  # an extension: rows checked (the page shows progress)
    }


def kind_label(kind: str) -> str:
    return {
        "submit": _("提出"),
        "collect": _("回収"),
        "return_due": _("返却の目安（参考）"),
        "turns_70": _("70歳"),
        "turns_75": _("75歳"),
        "certificate_expires": _("資格確認書の有効期限"),
        "receive": _("届くもの"),
        "contact": _("当組合へ問い合わせ"),
        "ask": _("ご本人に確認"),
    }.get(kind, kind)


def sections_text(keys: Iterable[str]) -> str:
    titles = {str(s): _(SECTION_TITLES[s]) for s in Section}
    return sep_alternatives().join(titles.get(k, k) for k in keys)


def _cell(text: str) -> str:
    """Text a spreadsheet must not run as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_headers() -> list[str]:
    return [
        _("日付"),
        _("和暦"),
        _("番号"),
        _("行"),
        _("種類"),
        _("すること"),
        _("する人"),
        _("リーフレット"),
        _("結果コード"),
        _("参考"),
    ]


def to_csv(report: dict[str, Any], lang: str = "ja") -> str:
    """One line per task, CRLF (write it as UTF-8 with a BOM for Excel)."""
    with language(lang):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(csv_headers())
        for t in report["tasks"]:
            day = dt.date.fromisoformat(t["day"])
            writer.writerow(
                [
                    t["day"],
                    wareki(day),
                    _cell(t["label"]),
                    t["row"],
                    kind_label(t["kind"]),
                    _cell(t["text"]),
                    _cell(t["who"]),
                    sections_text(t["sections"]),
                    t["result_code"],
                    _cell(t.get("reference_text", "")),
                ]
            )
        return buffer.getvalue()


def _uid_state(t: dict[str, Any], labels: dict[str, int]) -> str:
    label = t["label"]
    if labels.get(label, 0) > 1:  # two rows with one label: the row tells them apart
        label = f"{label}\0{t['row']}"
    return "\0".join((label, t["day"], t.get("subject", "")))


def to_ics(
    report: dict[str, Any], today: dt.date, lang: str = "ja", wizard_url: str | None = None
) -> str:
    """One all-day event per task (kenpo_wizard.ics); ``wizard_url`` links each to the wizard."""
    with language(lang):
        rows_of: dict[str, set[int]] = {}
        for t in report["tasks"]:
            rows_of.setdefault(t["label"], set()).add(t["row"])
        labels = {label: len(rows) for label, rows in rows_of.items()}
        events = []
        for t in report["tasks"]:
            day = dt.date.fromisoformat(t["day"])
            url = f"{wizard_url}?{t['wizard_query']}" if wizard_url else None
            lines = [
                both(day),
                t["text"],
                _("する人：{who}").format(who=t["who"]),
            ]
            if t["sections"]:
                lines.append(
                    _("根拠（リーフレット）：{titles}").format(titles=sections_text(t["sections"]))
                )
            if t.get("reference_text"):
                lines.append(t["reference_text"])
            if t["result_code"]:
                lines.append(_("結果コード：{code}").format(code=t["result_code"]))
            events.append(
                Event(
                    uid=uid(_uid_state(t, labels), t["kind"]),
                    day=day,
                    summary=_("{label}：{kind}").format(
                        label=t["label"], kind=kind_label(t["kind"])
                    ),
                    description="\n".join(lines),
                    url=url,
                )
            )
        return calendar(events, today) if events else ""


def template_csv(lang: str = "ja") -> str:
    """The header row with every recognised column, and three example rows (CRLF)."""
    english = lang != "ja"
    header = [c.template_en if english else c.template_ja for c in COLUMNS]
    if english:
        rows = [
            ["A01", "employee", "1990-04-01", "", "2026-12-01", "", "none", "", ""],
            ["B02", "employee", "1961-05-20", "", "2015-04-01", "2026-12-16", "none", "", "held"],
            ["C03", "dependant", "1957-01-10", "", "", "", "held", "registered", ""],
        ]
    else:
        rows = [
            ["A01", "本人", "1990-04-01", "", "2026-12-01", "", "なし", "", ""],
            ["B02", "本人", "S36.5.20", "", "2015-04-01", "R8.12.16", "なし", "", "あり"],
            ["C03", "家族", "昭和32年1月10日", "", "", "", "あり", "済", ""],
        ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def summary(report: dict[str, Any], lang: str = "ja") -> str:
    """The readable list for a terminal or print: tasks by week (Mon–Sun), then what to fix."""
    with language(lang):
        start = dt.date.fromisoformat(report["from"])
        end = dt.date.fromisoformat(report["to"])
        lines = [
            _("期間：{start}〜{end}　{rows}人・すること{tasks}件").format(
                start=both(start), end=both(end), rows=report["rows"], tasks=len(report["tasks"])
            )
        ]
        week: dt.date | None = None
        for t in report["tasks"]:
            day = dt.date.fromisoformat(t["day"])
            monday = day - dt.timedelta(days=day.weekday())
            if monday != week:
                week = monday
                sunday = monday + dt.timedelta(days=6)
                lines += [
                    "",
                    _("■ {start}〜{end}の週").format(start=both(monday), end=both(sunday)),
                ]
            parts = [
                both(day),
                t["label"],
                kind_label(t["kind"]),
                t["text"],
                _("する人：{who}").format(who=t["who"]),
            ]
            if t["sections"]:
                parts.append(
                    _("リーフレット：{titles}").format(titles=sections_text(t["sections"]))
                )
            if t["result_code"]:
                parts.append(_("結果コード：{code}").format(code=t["result_code"]))
            if t.get("reference_text"):
                parts.append(t["reference_text"])
            lines.append(_("・{item}").format(item=" | ".join(parts)))
        if not report["tasks"]:
            lines += ["", _("この期間にすることはありません。")]
        if report["problems"]:
            lines += ["", _("■ 直してほしいこと")]
            lines += [_("・{item}").format(item=p["message"]) for p in report["problems"]]
        if report["missing"]:
            lines += ["", _("■ 確かめてほしいこと")]
            lines += [_("・{item}").format(item=_row_line(m)) for m in report["missing"]]
        if report.get("notes"):
            lines += ["", _("■ することがない方")]
            lines += [_("・{item}").format(item=_row_line(n)) for n in report["notes"]]
        return "\n".join(lines) + "\n"


def _row_line(entry: dict[str, Any]) -> str:
    return _("{label}（{n}行目）：{message}").format(
        label=entry["label"], n=entry["row"], message=entry["message"]
    )
