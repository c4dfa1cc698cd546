"""The roster page's face for the browser's worker: JSON in, JSON out, never an exception.

``start`` reads the file and keeps it; ``next_rows`` checks the next rows (the page shows
them while the rest are checked); ``finish`` gives the report; ``csv``, ``ics`` and
``template`` give the downloads. Errors come back as ``{"kind": "error", "message": …}``.
Wording and deciding are :mod:`kenpo_wizard.roster`'s; this module only passes them on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import roster
from ..dates import check_day
from ..errors import InputError
from ..i18n import SOURCE_LANGUAGE, _, language, languages


@dataclass
class _Session:
    """The file being checked (one at a time: the worker serves one page)."""

    roster: roster.Roster
    start: dt.date
    end: dt.date
    today: dt.date
    lang: str
    results: list[dict[str, Any]] = field(default_factory=list)


_session: _Session | None = None


def _lang(lang: str) -> str:
    return lang if lang in languages() else SOURCE_LANGUAGE


def _safe(lang: str, work: Callable[[], Any]) -> str:
    with language(_lang(lang)):
        try:
            return json.dumps(work(), ensure_ascii=False)
        except InputError as err:
            return json.dumps({"kind": "error", "message": err.message}, ensure_ascii=False)
        except Exception as exc:  # a bug must still leave the clerk a message and the file
            message = _("内部エラーが発生しました。")
            return json.dumps(
                {"kind": "error", "message": message, "why": type(exc).__name__},
                ensure_ascii=False,
            )


def _day(iso: str, name: str) -> dt.date:
    try:
        return check_day(dt.date.fromisoformat(iso), name)
    except (TypeError, ValueError) as err:
        if isinstance(err, InputError):
            raise
        raise InputError(
            "bad_day", _("日付として読み取れません：{text}").format(text=str(iso)[:40]), name
        ) from None


def start(data: str | bytes, start_iso: str, end_iso: str, today_iso: str, lang: str) -> str:
    """Read the file and keep it; the period, recognised columns and file-level problems."""

    def work() -> dict[str, Any]:
        global _session
        today = _day(today_iso, "today")
        first, last = roster.default_period(today)
        begin = _day(start_iso, "from") if start_iso else first
        end = _day(end_iso, "to") if end_iso else last
        if begin > end:
            raise InputError(
                "period_reversed", _("期間の始まりが終わりより後になっています。"), "from"
            )
        raw: str | bytes
        if isinstance(data, str | bytes):
            raw = data
        elif hasattr(data, "to_bytes"):
            raw = data.to_bytes()  # a JavaScript Uint8Array, as Pyodide passes it
        else:
            raw = bytes(data)
        listed = roster.read_roster(raw, _lang(lang))
        _session = _Session(listed, begin, end, today, _lang(lang))
        return {
            "rows": len(listed.rows),
            "columns": listed.columns,
            "headers": listed.headers,
            "problems": listed.problems,
            "readable": listed.readable,
            "from": begin.isoformat(),
            "to": end.isoformat(),
        }

    return _safe(lang, work)


def next_rows(count: int) -> str:
    """Check the next ``count`` rows: ``{"results": [RowResult, …], "done": bool}``."""
    s = _session

    def work() -> dict[str, Any]:
        if s is None:
            return {"kind": "error", "message": _("先に名簿のファイルを開いてください。")}
        done = len(s.results)
        batch = [
            roster.check_row(row, s.start, s.end, s.today, s.lang)
            for row in s.roster.rows[done : done + max(1, int(count))]
        ]
        s.results += batch
        return {"results": batch, "done": len(s.results) >= len(s.roster.rows)}

    return _safe(s.lang if s else SOURCE_LANGUAGE, work)


def finish() -> str:
    """The Report of every row checked so far (all of them once ``next_rows`` said done)."""
    s = _session

    def work() -> dict[str, Any]:
        if s is None:
            return {"kind": "error", "message": _("先に名簿のファイルを開いてください。")}
        return roster.report(s.roster, s.results, s.start, s.end)

    return _safe(s.lang if s else SOURCE_LANGUAGE, work)


def csv(report_json: str, lang: str) -> str:
    """The report as CSV text (the page saves it as UTF-8 with a BOM)."""
    return _text(lang, lambda: roster.to_csv(json.loads(report_json), _lang(lang)))


def ics(report_json: str, today_iso: str, lang: str) -> str:
    """The report as a calendar ("" when there is no task)."""
    return _text(
        lang,
        lambda: roster.to_ics(json.loads(report_json), _day(today_iso, "today"), _lang(lang)),
    )


def template(lang: str) -> str:
    """The template to download: every recognised column and three example rows."""
    return _text(lang, lambda: roster.template_csv(_lang(lang)))


def _text(lang: str, work: Callable[[], str]) -> str:
    """A download's text; an error as the JSON error object (it starts with ``{``)."""
    with language(_lang(lang)):
        try:
            return work()
        except InputError as err:
            return json.dumps({"kind": "error", "message": err.message}, ensure_ascii=False)
        except Exception as exc:
            message = _("内部エラーが発生しました。")
            return json.dumps(
                {"kind": "error", "message": message, "why": type(exc).__name__},
                ensure_ascii=False,
            )
