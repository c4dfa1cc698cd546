"""Agent mode (call center): every question on one screen, answered in any order.

``agent(query, today)`` replays whatever answers are given so far through the same flow as the
wizard. When they finish it, the JSON holds the result code and the result's body (the same
views as the wizard's result screen, without its navigation); otherwise it names the question
the flow needs next. Answers the flow does not use for these facts are listed, so the agent
sees that they do not count. The canonical query is the wizard's own: a link the agent sends
by SMS opens the same result for the member.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..dates import parse_date
from ..errors import InputError
from ..flow import FLOW, Outcome, Question, walk
from ..i18n import SOURCE_LANGUAGE, _, language, languages
from ..rules import assess
from ..texts import explain
from . import views
from .html import join
from .url_state import (
    DAY_KEY,
    EDIT_KEY,
    MAX_QUERY_LENGTH,
    canonical_query,
    canonical_value,
    parse_query,
)


def agent(query: str, today: str, lang: str = SOURCE_LANGUAGE) -> str:
    """JSON for the agent screen (never raises: a bad answer is named, not thrown)."""
    with language(lang if lang in languages() else SOURCE_LANGUAGE):
        return _agent_json(query, today)


def _agent_json(query: str, today: str) -> str:
    try:
        return json.dumps(_agent(query, dt.date.fromisoformat(today)), ensure_ascii=False)
    except InputError as err:  # bad input not named above (a device's day past 2099): A9
        error = {"kind": "error", "node": err.field, "message": err.message}
        return json.dumps(error, ensure_ascii=False)
    except Exception as exc:  # a bug must still leave the agent a message, not a blank panel
        return json.dumps(
            {"kind": "error", "message": _("内部エラーが発生しました。"), "why": type(exc).__name__}
        )


def _agent(query: str, today: dt.date) -> dict[str, Any]:
    if len(query) > MAX_QUERY_LENGTH:
        return {"kind": "error", "message": _("回答が長すぎるため、読み取れませんでした。")}
    try:
        raw, _dropped = parse_query(query)
    except ValueError:
        return {"kind": "error", "message": _("回答の項目が多すぎるため、読み取れませんでした。")}
    on = today
    day_text = raw.pop(DAY_KEY, "")
    if day_text:
        try:
            on = parse_date(day_text, field=DAY_KEY)
        except InputError as err:
            return {"kind": "error", "node": DAY_KEY, "message": err.message}
    raw.pop(EDIT_KEY, None)  # the wizard's 回答を変更 means nothing on one screen
    state = walk(FLOW, raw, on)
    path = {s.question.id: canonical_value(s.question, s.answer) for s in state.path}
    shared = {**path, **({DAY_KEY: on.isoformat()} if day_text else {})}
    out: dict[str, Any] = {
        "query": canonical_query(shared),
        "on": on.isoformat(),
        "unused": [k for k in raw if k not in path and k != state.node.id and raw[k].strip()],
    }
    node = state.node
    if state.error is not None:
        return {**out, "kind": "error", "node": node.id, "message": state.error.message}
    if isinstance(node, Outcome):
        a = assess(state.facts, on, today)
        x = explain(a)
        code = str(a.to_dict()["result_code"])
        body = join([views.result_head(x, code), views.explanation_sections(x)])
        return {**out, "kind": "result", "code": code, "html": str(body), "node": node.id}
    assert isinstance(node, Question)
    return {**out, "kind": "question", "node": node.id, "question": _(node.text)}
