"""STAND-IN for feat/roster: the roster's JSON face for the browser worker (never raises)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .. import roster as r

_state: dict[str, Any] = {}


def start(data: str | bytes, start_iso: str, end_iso: str, today_iso: str, lang: str) -> str:
    try:
        today = dt.date.fromisoformat(today_iso)
        first, last = r.default_period(today)
        s = dt.date.fromisoformat(start_iso) if start_iso else first
        e = dt.date.fromisoformat(end_iso) if end_iso else last
        roster = r.read_roster(data, lang)
    except Exception as error:  # noqa: BLE001 - the face never raises
        return json.dumps({"kind": "error", "message": str(error)})
    _state.update(roster=roster, start=s, end=e, today=today, lang=lang, at=0, results=[])
    return json.dumps({"rows": len(roster.rows), "columns": roster.columns, "problems": roster.problems,
                       "from": s.isoformat(), "to": e.isoformat()})


def next_rows(count: int) -> str:
    roster = _state["roster"]
    at = _state["at"]
    out = [r.check_row(row, _state["start"], _state["end"], _state["today"], _state["lang"])
           for row in roster.rows[at : at + count]]
    _state["at"] = at + len(out)
    _state["results"].extend(out)
    return json.dumps({"results": out, "done": _state["at"] >= len(roster.rows)})


def finish() -> str:
    return json.dumps(r.report(_state["roster"], _state["results"], _state["start"], _state["end"]))


def csv(report_json: str, lang: str) -> str:
    return r.to_csv(json.loads(report_json), lang)


def ics(report_json: str, today_iso: str, lang: str) -> str:
    return r.to_ics(json.loads(report_json), dt.date.fromisoformat(today_iso), lang)


def template(lang: str) -> str:
    return r.template_csv(lang)
