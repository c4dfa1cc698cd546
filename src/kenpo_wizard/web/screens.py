"""Which screen a URL shows: a question, the 基準日 form, a result, or a clear error page.

``step(query, today)`` is the browser's one entry point (the Web Worker calls it through
Pyodide): it replays the answers through :func:`kenpo_wizard.flow.walk` and returns JSON with
the canonical query, the title, the result (the contract's ``to_dict()``) when the flow is
finished, and the screen's HTML from :mod:`.views`. The build's static pages call
:func:`screen` with a static :class:`~.url_state.Context`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import reminders
from ..dates import MAX_INPUT_LENGTH, parse_date
from ..errors import InputError
from ..flow import FLOW, Outcome, Question, State, walk
from ..i18n import SOURCE_LANGUAGE, _, current_language, language, languages
from ..rules import assess
from ..texts import explain
from . import views
from .html import Html, join, mark_kept_names
from .url_state import (
    DAY_KEY,
    EDIT_KEY,
    MAX_QUERY_LENGTH,
    Context,
    Path,
    canonical_query,
    canonical_value,
    parse_query,
)


@dataclass
class Screen:
    kind: str  # question, result, error
    title: str
    html: str
    query: str
    node: str | None = None
    answer: dict[str, Any] | None = None
    error: dict[str, str | None] | None = None
    dropped: list[str] = field(default_factory=list)
    ics: str = ""  # the result's calendar reminders (iCalendar text), "" when none

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "html": self.html,
            "query": self.query,
            "node": self.node,
            "answer": self.answer,
            "result_code": self.answer["result_code"] if self.answer else None,
            "error": self.error,
            "dropped": self.dropped,
            "ics": self.ics or None,
            "ics_name": reminders.FILE_NAME if self.ics else None,
        }


def step(query: str, today: str, base: str = "", lang: str = SOURCE_LANGUAGE) -> str:
    """The browser's one entry point: JSON of :func:`screen` (never raises).

    ``base`` is the wizard page's absolute URL (the calendar's events link back to it);
    ``lang`` the page's language (one without a catalog shows the source language)."""
    with language(lang if lang in languages() else SOURCE_LANGUAGE):
        return _step(query, today, base)


def _step(query: str, today: str, base: str) -> str:
    try:
        ctx = Context("js", dt.date.fromisoformat(today), base_url=base)
        return json.dumps(screen(query, ctx.on, ctx).to_dict(), ensure_ascii=False)
    except InputError as err:  # bad input the screens did not name (a device's day past 2099)
        return json.dumps(_error_screen(err.message, err.code).to_dict(), ensure_ascii=False)
    except Exception as exc:  # a bug must still give the member a way out, not a blank page
        page = _error_screen(_("内部エラーが発生しました。"), f"{type(exc).__name__}")
        return json.dumps(page.to_dict(), ensure_ascii=False)


def screen(query: str, today: dt.date, ctx: Context | None = None) -> Screen:
    """The screen for a query string on ``today`` (the day in Japan when no ``on`` is given),
    in the current language."""
    shown = _screen(query, today, ctx)
    if current_language() != SOURCE_LANGUAGE:
        shown.html = mark_kept_names(shown.html)
    return shown


def _screen(query: str, today: dt.date, ctx: Context | None) -> Screen:
    if ctx is None:
        ctx = Context("js", today)
    if ctx.today is None:
        ctx.today = ctx.on  # before a linked ``on`` replaces the day asked
    if len(query) > MAX_QUERY_LENGTH:
        return _error_screen(_("リンク（URL）が長すぎるため、読み取れませんでした。"), "too_long")
    try:
        raw, dropped = parse_query(query)
    except ValueError:
        return _error_screen(
            _("リンク（URL）の項目が多すぎるため、読み取れませんでした。"), "too_many"
        )
    if any(len(v) > MAX_INPUT_LENGTH * 2 for v in raw.values()):
        return _error_screen(
            _("リンク（URL）の回答が長すぎるため、読み取れませんでした。"), "too_long"
        )
    day_text = raw.pop(DAY_KEY, None)
    edit = raw.pop(EDIT_KEY, None)
    day_error: InputError | None = None
    if day_text:
        try:
            ctx.on = parse_date(day_text, field=DAY_KEY)
            ctx.day_given = True
        except InputError as err:
            day_error = err
    state = walk(FLOW, raw, ctx.on)
    path = [(s.question.id, canonical_value(s.question, s.answer)) for s in state.path]
    if state.error is None:
        dropped += [k for k in raw if k not in dict(path)]
    if day_error is not None or edit == DAY_KEY:
        return _day_screen(ctx, path, day_text or "", day_error)
    if edit and edit in dict(path) and state.error is None:
        keys = [k for k, _v in path]
        earlier = walk(FLOW, dict(path[: keys.index(edit)]), ctx.on)
        return _question_screen(ctx, earlier, path, current=dict(path)[edit], edit=edit)
    if state.error is not None:
        return _question_screen(
            ctx, state, path, current=raw.get(state.node.id, ""), error=state.error, dropped=dropped
        )
    if isinstance(state.node, Outcome):
        return _result_screen(ctx, state, path, dropped)
    return _question_screen(ctx, state, path, dropped=dropped)


def first_screen_html(ctx: Context) -> str:
    """The first question, as the build puts it into the wizard page."""
    return screen("", ctx.on, ctx).html


# ----------------------------------------------------------------------------- questions
def _question_screen(
    ctx: Context,
    state: State,
    path: list[tuple[str, str]],
    *,
    current: str = "",
    edit: str | None = None,
    error: InputError | None = None,
    dropped: Sequence[str] = (),
) -> Screen:
    q = state.node
    assert isinstance(q, Question)
    keys = [k for k, _v in path]
    before = keys[keys.index(q.id) - 1] if q.id in keys and keys.index(q.id) > 0 else None
    if q.id not in keys and path:
        before = keys[-1]
    # The form carries every answer (so a changed answer keeps the later ones that still apply).
    base_answers = dict(path)
    if edit is None and error is not None:
        base_answers.pop(q.id, None)
    prefix = path[: keys.index(q.id)] if q.id in keys else path
    static = ctx.mode == "static"  # one page for many paths: nothing that names the path
    if not before:
        back: Html | str = ""
    else:
        back = views.back_hint() if static else views.back_link(ctx.state_url(path, edit=before))
    body = join(
        [
            back,
            views.error_summary(f"kw-{q.id}", error.message) if error else "",
            views.dropped_notice() if dropped and error is None else "",
            views.day_line(ctx, path),
            views.question_form(
                ctx,
                q,
                len(state.path) + 1,
                "" if static else ctx.query(base_answers),
                prefix,
                current,
                error,
                q.offered(state.facts),  # what can be true of this person (A9)
            ),
            views.links(views.restart(ctx)),
        ],
        "\n",
    )
    title = _(q.text)
    if error is not None:
        title = _("エラー：") + title
    query = ctx.query(dict(path) | ({q.id: current} if error is not None and current else {}), edit)
    return Screen(
        "question",
        title,
        body,
        query,
        node=q.id,
        error=error.to_dict() if error else None,
        dropped=list(dropped),
    )


def _day_screen(ctx: Context, path: Path, raw: str, error: InputError | None) -> Screen:
    """The 受診日・基準日 form (defaults to today in Japan)."""
    base = canonical_query(dict(path))
    back = ctx.state_url(path) if error is None else "./"
    today = ctx.today or ctx.on  # the day the page is made (the worker's), never a clock
    body = join(
        [
            views.back_link(back),
            views.error_summary("kw-on", _("基準日：") + error.message) if error else "",
            views.day_form(
                base,
                raw if error is not None else ctx.on.isoformat(),
                error,
                views.quick_days(today, dict(path)),
            ),
            views.links(views.restart(ctx)),
        ]
    )
    title = _("受診日・基準日")
    if error is not None:
        title = _("エラー：") + title
    query = canonical_query(dict(path) | {DAY_KEY: raw or ctx.on.isoformat(), EDIT_KEY: DAY_KEY})
    return Screen(
        "question", title, body, query, node=DAY_KEY, error=error.to_dict() if error else None
    )


def _error_screen(message: str, code: str) -> Screen:
    return Screen(
        "error",
        _("エラー：このリンクは使えません"),
        views.error_page(message),
        "",
        error={"code": code},
    )


# ----------------------------------------------------------------------------- result
def _result_screen(
    ctx: Context, state: State, path: list[tuple[str, str]], dropped: Sequence[str]
) -> Screen:
    node = state.node
    assert isinstance(node, Outcome)
    a = assess(state.facts, ctx.on, ctx.today)
    answer = a.to_dict()
    keys = [k for k, _v in path]
    inexact = {q.fact for q in FLOW.questions if q.id in ctx.inexact and q.fact}
    x = explain(a, inexact)
    found = reminders.reminders(a, state.facts, inexact)
    static = ctx.mode == "static"  # one page for many paths: nothing that names the path
    calendar = reminders.to_ics(
        found,
        a.on,
        # a shared page's events are the page's own (its dates), not one person's
        repr(found) if static else reminders.state_key(state.facts, inexact),
        (ctx.base_url or None) if static else ctx.result_url(path),
    )
    if not keys:
        back: Html | str = ""
    else:
        back = views.back_hint() if static else views.back_link(ctx.state_url(path, edit=keys[-1]))
    body = join(
        [
            back,
            views.dropped_notice() if dropped else "",
            views.result_head(x, str(answer["result_code"])),
            views.day_line(ctx, path, result=static, until=_holds_until(ctx, answer)),
            views.explanation_sections(x),
            views.calendar_section(ctx, found, calendar),
            "" if static else views.answers_summary(ctx, path),
            views.more(
                ctx, join([views.explanation_sections(x, background=True), views.sources(ctx, a)])
            ),
            views.result_actions(ctx),
        ],
        "\n",
    )
    return Screen(
        "result",
        _(node.title),
        body,
        ctx.query(dict(path)),
        node.id,
        answer,
        None,
        list(dropped),
        calendar,
    )


def _holds_until(ctx: Context, answer: dict[str, Any]) -> dt.date | None:
    """The last visit day from the build day that a static result answers, when later than
    the build day: the day before the answer's next change (the engine's ``next_change``),
    within the build's horizon."""
    last = ctx.horizon or ctx.on
    change = answer.get("next_change")
    if isinstance(change, dict):
        last = min(last, dt.date.fromisoformat(str(change["on"])) - dt.timedelta(days=1))
    return None if max(last, ctx.on) == ctx.on else last
