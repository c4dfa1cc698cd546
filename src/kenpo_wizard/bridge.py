"""The wizard's face for the browser (Pyodide) and for the build: one call, one screen.

``step(query, today)`` takes the page's query string (``?since=before&age=40``) and the day in
Japan, replays the answers through :func:`kenpo_wizard.flow.walk` and returns JSON: the
canonical query (known keys only, sorted, GOV.UK style), the page title, the result (the
contract's ``to_dict()``) when the flow is finished, and the HTML of the screen. The same
renderers build the static no-JavaScript pages (``build/wizard_site.py``), so both versions
show the same questions and the same outcome text. Standard library only: it runs in Pyodide.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .assessment import Assessment
from .dates import MAX_INPUT_LENGTH, parse_date
from .errors import InputError
from .facts import read_whole_number
from .flow import FLOW, Outcome, Question, State, walk
from .i18n import N_, _
from .leaflet import SECTION_TITLES, Section
from .rules import assess
from .texts import Reference, explain
from .wareki import ERAS, wareki

MAX_QUERY_LENGTH = 1500  # a real query is < 300 characters; longer is a tampered link
MAX_FIELDS = 40
DAY_KEY = "on"  # 受診日・基準日 (absent: today in Asia/Tokyo)
EDIT_KEY = "edit"  # show this answered question again, answer kept (back / 回答を変更)
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in FLOW.questions)
KNOWN_KEYS = frozenset((*QUESTION_IDS, DAY_KEY, EDIT_KEY))

# Guide pages behind each leaflet section (the MkDocs site's directory URLs).
SECTION_PAGES: dict[str, str] = {
    "intro": "",
    "1-1": "abolition/",
    "1-2": "registration/",
    "2-1": "certificate/",
    "2-2": "notice/",
    "table": "comparison/",
    "schedule": "schedule/",
    "back": "registration/",
}
DROPPED_NOTE = N_("リンクの一部（使われない回答や不明な項目）は読み飛ばしました。")
CODE_HINT = N_("お問い合わせの際にお伝えください（下の「お問い合わせ先」）")
PRINT_NOTE = N_("ブラウザの印刷機能で、このページを1枚のチェックリストとして印刷・保存できます。")
ERA_CHOICES: tuple[tuple[str, str], ...] = (
    ("", "西暦"),
    *tuple((e.letter, e.name) for e in ERAS[:3]),
)


# ----------------------------------------------------------------------------- links
@dataclass(frozen=True)
class Band:
    """A choice standing in for typed input on the static pages (a range of dates or ages)."""

    value: str  # the representative answer sent to the engine
    label: str


@dataclass
class Context:
    """How one screen links to others: ``js`` (query strings) or ``static`` (built pages)."""

    mode: str  # "js" or "static"
    on: dt.date
    day_given: bool = False  # the day came from the URL, not "today"
    root: str = "../"  # from this page to the site root (guide pages)
    # static mode: link to the page for a list of answers (in path order); band labels
    static_url: Callable[[Sequence[tuple[str, str]]], str] | None = None
    bands: Mapping[str, Sequence[Band]] = field(default_factory=dict)
    band_labels: Mapping[tuple[str, str], str] = field(default_factory=dict)
    build_note: str = ""

    def query(self, answers: Mapping[str, str], edit: str | None = None) -> str:
        items = dict(answers)
        if self.day_given:
            items[DAY_KEY] = self.on.isoformat()
        if edit:
            items[EDIT_KEY] = edit
        return canonical_query(items)

    def state_url(self, path: Sequence[tuple[str, str]], edit: str | None = None) -> str:
        if self.mode == "static":
            assert self.static_url is not None
            if edit is not None:  # static pages cannot preselect: go to that question's page
                keys = [k for k, _v in path]
                path = path[: keys.index(edit)] if edit in keys else path
            return self.static_url(path)
        return "?" + self.query(dict(path), edit) if path or edit or self.day_given else "./"

    def start_url(self) -> str:
        return self.state_url([])


def canonical_query(items: Mapping[str, str]) -> str:
    """Known keys only, sorted: one URL per state."""
    return urllib.parse.urlencode(sorted((k, v) for k, v in items.items() if k in KNOWN_KEYS))


def canonical_value(q: Question, value: str) -> str:
    """One spelling per answer: typed dates as ISO (R7.4.1 → 2025-04-01), ages as digits."""
    try:
        if q.kind == "date":
            return parse_date(value, field=q.id).isoformat()
        if q.kind == "number":
            number = read_whole_number(value)
            return value if number is None else str(number)
    except InputError:
        pass
    return value


# ----------------------------------------------------------------------------- step
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
        }


def step(query: str, today: str) -> str:
    """The browser's one entry point: JSON of :func:`screen` (never raises)."""
    try:
        return json.dumps(screen(query, dt.date.fromisoformat(today)).to_dict(), ensure_ascii=False)
    except Exception as exc:  # a bug must still give the member a way out, not a blank page
        ctx = Context("js", dt.date.today())
        page = _error_screen(ctx, _("内部エラーが発生しました。"), f"{type(exc).__name__}")
        return json.dumps(page.to_dict(), ensure_ascii=False)


def parse_query(query: str) -> tuple[dict[str, str], list[str]]:
    """Known keys (first value wins) and the names of what was dropped."""
    pairs = urllib.parse.parse_qsl(
        query.lstrip("?"), keep_blank_values=True, max_num_fields=MAX_FIELDS
    )
    out: dict[str, str] = {}
    dropped: list[str] = []
    for key, value in pairs:
        if key not in KNOWN_KEYS:
            dropped.append(key[:40])
        elif key not in out:
            out[key] = value
    return out, dropped


def screen(query: str, today: dt.date, ctx: Context | None = None) -> Screen:
    """The screen for a query string on ``today`` (the day in Japan when no ``on`` is given)."""
    if ctx is None:
        ctx = Context("js", today)
    if len(query) > MAX_QUERY_LENGTH:
        return _error_screen(
            ctx, _("リンク（URL）が長すぎるため、読み取れませんでした。"), "too_long"
        )
    try:
        raw, dropped = parse_query(query)
    except ValueError:
        return _error_screen(
            ctx, _("リンク（URL）の項目が多すぎるため、読み取れませんでした。"), "too_many"
        )
    if any(len(v) > MAX_INPUT_LENGTH * 2 for v in raw.values()):
        return _error_screen(
            ctx, _("リンク（URL）の回答が長すぎるため、読み取れませんでした。"), "too_long"
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
        return _day_screen(ctx, path, state, day_text or "", day_error)
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


# ----------------------------------------------------------------------------- html bits
def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def seireki(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def both(day: dt.date) -> str:
    return f"{wareki(day)}（{seireki(day)}）"


def _day_line(ctx: Context, path: Sequence[tuple[str, str]]) -> str:
    if ctx.mode == "static":
        return f'<p class="kw-day">{e(ctx.build_note)}</p>'
    which = _("指定した日") if ctx.day_given else _("今日")
    change = ctx.state_url(path, edit=DAY_KEY)
    return (
        f'<p class="kw-day">{e(_("基準日（受診日）"))}：<strong>{e(both(ctx.on))}</strong>'
        f'（{e(which)}） <a href="{e(change)}" data-kw>{e(_("基準日を変更"))}</a></p>'
    )


def _back_link(ctx: Context, path: Sequence[tuple[str, str]], before: str | None) -> str:
    """Back to the previous question with its answer kept (or to the guide at the start)."""
    if before is None:
        return ""
    return (
        f'<p class="kw-back"><a href="{e(ctx.state_url(path, edit=before))}" data-kw>'
        f"{e(_('戻る'))}</a></p>"
    )


def _restart(ctx: Context) -> str:
    return f'<a class="kw-restart" href="{e(ctx.start_url())}" data-kw>{e(_("最初から"))}</a>'


def answer_text(ctx: Context, q: Question, value: str) -> str:
    """How an answer reads back on the summary (a band on the static pages)."""
    band = ctx.band_labels.get((q.id, value))
    if band:
        return band
    if q.kind == "choice":
        c = q.choice(value)
        return _(c.label) if c else value
    if q.kind == "date":
        try:
            return both(parse_date(value))
        except InputError:
            return value
    return f"{value}歳"


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
    base = ctx.query(base_answers)
    number = len(state.path) + 1
    parts = [_back_link(ctx, path, before)]
    if error is not None:
        parts.append(_error_summary(q, error))
    if dropped and error is None:
        parts.append(f'<p class="kw-notice" role="status">{e(_(DROPPED_NOTE))}</p>')
    parts.append(_day_line(ctx, path))
    parts.append(
        _question_form(
            ctx, q, number, base, path[: keys.index(q.id)] if q.id in keys else path, current, error
        )
    )
    parts.append(f'<p class="kw-links">{_restart(ctx)}</p>')
    title = _(q.text)
    if error is not None:
        title = _("エラー：") + title
    query = ctx.query(dict(path) | ({q.id: current} if error is not None and current else {}), edit)
    return Screen(
        "question",
        title,
        "\n".join(p for p in parts if p),
        query,
        node=q.id,
        error=error.to_dict() if error else None,
        dropped=list(dropped),
    )


def _error_summary(q: Question, error: InputError) -> str:
    return (
        '<div class="kw-error-summary" role="alert" tabindex="-1">'
        f'<h2 class="kw-h">{e(_("入力内容を確認してください"))}</h2>'
        f'<p><a href="#kw-{e(q.id)}">{e(error.message)}</a></p></div>'
    )


def _legend(q: Question, number: int) -> str:
    hint = f'<p class="kw-hint" id="kw-{e(q.id)}-hint">{e(_(q.hint))}</p>' if q.hint else ""
    return (
        f'<legend class="kw-legend"><span class="kw-step">{e(_("質問"))} {number}</span>'
        f'<h2 class="kw-question" tabindex="-1">{e(_(q.text))}</h2></legend>{hint}'
    )


def _question_form(
    ctx: Context,
    q: Question,
    number: int,
    base: str,
    prefix: list[tuple[str, str]],
    current: str,
    error: InputError | None,
) -> str:
    static = ctx.mode == "static"
    bands = ctx.bands.get(q.id)
    attrs = f'method="get" action="./" novalidate class="kw-form" data-kw-form data-key="{e(q.id)}"'
    attrs += f' data-kind="{e(q.kind)}" data-base="{e(base)}"'
    described = f' aria-describedby="kw-{e(q.id)}-hint"' if q.hint else ""
    out = [f"<form {attrs}>", f'<fieldset class="kw-fieldset"{described}>', _legend(q, number)]
    if q.kind == "choice" or (static and bands):
        options: list[tuple[str, str, str]] = []
        if q.kind == "choice":
            options = [(c.value, _(c.label), _(c.hint)) for c in q.choices]
        else:
            options = [(b.value, b.label, "") for b in bands or ()]
        out.append('<div class="kw-choices">')
        for value, label, hint in options:
            target = ""
            if static:
                target = f' formaction="{e(ctx.state_url([*prefix, (q.id, value)]))}"'
            selected = value == current
            pressed = ' aria-current="true"' if selected else ""
            mark = f'<span class="kw-current">{e(_("（現在の回答）"))}</span>' if selected else ""
            hint_html = f'<span class="kw-choice-hint">{e(hint)}</span>' if hint else ""
            out.append(
                f'<button type="submit" class="kw-choice" name="{e(q.id)}" value="{e(value)}"'
                f"{target}{pressed}>"
                f'<span class="kw-choice-label">{e(label)}</span>{mark}{hint_html}</button>'
            )
        out.append("</div>")
    elif q.kind == "date":
        out.append(date_fields(q.id, current, error))
        out.append(_next_button())
    else:
        out.append(_number_field(q, current, error))
        out.append(_next_button())
    out.append("</fieldset></form>")
    return "\n".join(out)


def _next_button() -> str:
    return f'<button type="submit" class="kw-next">{e(_("次へ"))}</button>'


def _error_line(key: str, error: InputError | None) -> tuple[str, str]:
    if error is None:
        return "", ""
    return (
        f'<p class="kw-field-error" id="kw-{e(key)}-error"><span class="kw-vh">{e(_("エラー："))}</span>'
        f"{e(error.message)}</p>",
        f" kw-{e(key)}-error",
    )


def _number_field(q: Question, current: str, error: InputError | None) -> str:
    err, err_id = _error_line(q.id, error)
    invalid = ' aria-invalid="true"' if error else ""
    hint = f"kw-{e(q.id)}-hint" if q.hint else ""
    return (
        f'<div class="kw-field">{err}<label class="kw-label" for="kw-{e(q.id)}">'
        f'{e(_("年齢"))} <span class="kw-required">{e(_("※必須"))}</span></label>'
        f'<span class="kw-inline"><input id="kw-{e(q.id)}" name="{e(q.id)}" class="kw-input kw-w3"'
        f' type="text" inputmode="numeric" autocomplete="off" maxlength="3" required'
        f' value="{e(current)}"{invalid} aria-describedby="{(hint + err_id).strip()}"> 歳</span></div>'
    )


_DATE_PARTS = re.compile(r"^(?:([A-Z]))?(\d{1,4})[-./](\d{1,2})[-./](\d{1,2})$")


def date_fields(key: str, current: str, error: InputError | None, label: str = "") -> str:
    """DADS-style date input: era (西暦 or 和暦), then year, month, day as numbers."""
    era, year, month, day = "", "", "", ""
    m = _DATE_PARTS.match(current.strip())
    if m:
        era, year, month, day = m[1] or "", m[2], m[3].lstrip("0"), m[4].lstrip("0")
    err, err_id = _error_line(key, error)
    invalid = ' aria-invalid="true"' if error else ""
    options = "".join(
        f'<option value="{e(v)}"{" selected" if v == era else ""}>{e(name)}</option>'
        for v, name in ERA_CHOICES
    )
    described = f' aria-describedby="kw-{e(key)}-preview{err_id}"'

    def part(name: str, text: str, value: str, width: str, size: int) -> str:
        return (
            f'<span class="kw-date-part"><input id="kw-{e(key)}-{name}" name="{e(key)}__{name}"'
            f' class="kw-input {width}" type="text" inputmode="numeric" autocomplete="off"'
            f' maxlength="{size}" required value="{e(value)}"{invalid}{described}'
            f' aria-label="{e(text)}"><span aria-hidden="true">{e(text)}</span></span>'
        )

    label_html = (
        f'<p class="kw-label" id="kw-{e(key)}-label">{e(label or _("日付"))} '
        f'<span class="kw-required">{e(_("※必須"))}</span></p>'
    )
    return (
        f'<div class="kw-field kw-date" id="kw-{e(key)}" role="group"'
        f' aria-labelledby="kw-{e(key)}-label">{label_html}{err}'
        f'<span class="kw-date-row"><label class="kw-vh" for="kw-{e(key)}-era">{e(_("暦"))}</label>'
        f'<select id="kw-{e(key)}-era" name="{e(key)}__era" class="kw-select">{options}</select>'
        f"{part('y', '年', year, 'kw-w4', 4)}{part('m', '月', month, 'kw-w2', 2)}"
        f"{part('d', '日', day, 'kw-w2', 2)}</span>"
        f'<p class="kw-preview" id="kw-{e(key)}-preview" aria-live="polite"></p></div>'
    )


def _day_screen(
    ctx: Context,
    path: list[tuple[str, str]],
    state: State,
    raw: str,
    error: InputError | None,
) -> Screen:
    """The 受診日・基準日 form (defaults to today in Japan)."""
    base = canonical_query(dict(path))
    back = ctx.state_url(path) if error is None else "./"
    current = raw if error is not None else ctx.on.isoformat()
    summary = ""
    if error is not None:
        summary = (
            '<div class="kw-error-summary" role="alert" tabindex="-1">'
            f'<h2 class="kw-h">{e(_("入力内容を確認してください"))}</h2>'
            f'<p><a href="#kw-on">{e(_("基準日："))}{e(error.message)}</a></p></div>'
        )
    today_query = "?" + base if base else "./"
    body = (
        f'<p class="kw-back"><a href="{e(back)}" data-kw>{e(_("戻る"))}</a></p>{summary}'
        f'<form method="get" action="./" novalidate class="kw-form" data-kw-form data-key="{DAY_KEY}"'
        f' data-kind="date" data-base="{e(base)}"><fieldset class="kw-fieldset"'
        f' aria-describedby="kw-on-hint"><legend class="kw-legend">'
        f'<h2 class="kw-question" tabindex="-1">{e(_("受診日・基準日を入力してください"))}</h2>'
        f'</legend><p class="kw-hint" id="kw-on-hint">'
        f"{e(_('結果はこの日の時点のものになります。西暦か和暦（令和など）を選んで、年・月・日を数字で入力してください。'))}</p>"
        f"{date_fields(DAY_KEY, current, error, _('受診日・基準日'))}{_next_button()}</fieldset></form>"
        f'<p class="kw-links"><a href="{e(today_query)}" data-kw>{e(_("今日の日付で確認する"))}</a>'
        f"{_restart(ctx)}</p>"
    )
    title = _("受診日・基準日")
    if error is not None:
        title = _("エラー：") + title
    query = canonical_query(dict(path) | {DAY_KEY: raw or ctx.on.isoformat(), EDIT_KEY: DAY_KEY})
    return Screen(
        "question",
        title,
        body,
        query,
        node=DAY_KEY,
        error=error.to_dict() if error else None,
    )


def _error_screen(ctx: Context, message: str, code: str) -> Screen:
    body = (
        '<div class="kw-error-summary" role="alert" tabindex="-1">'
        f'<h2 class="kw-h kw-question" tabindex="-1">{e(_("このリンクは使えません"))}</h2>'
        f"<p>{e(message)}</p><p>{e(_('お手数ですが、最初から質問に答えてください。'))}</p></div>"
        f'<p class="kw-links"><a class="kw-button" href="./" data-kw>{e(_("最初から始める"))}</a></p>'
    )
    return Screen("error", _("エラー：このリンクは使えません"), body, "", error={"code": code})


# ----------------------------------------------------------------------------- result
def _result_screen(
    ctx: Context, state: State, path: list[tuple[str, str]], dropped: Sequence[str]
) -> Screen:
    node = state.node
    assert isinstance(node, Outcome)
    a = assess(state.facts, ctx.on)
    answer = a.to_dict()
    body = render_result(ctx, state, path, a, answer, dropped)
    return Screen(
        "result", _(node.title), body, ctx.query(dict(path)), node.id, answer, None, list(dropped)
    )


def _list(items: Sequence[str], cls: str = "") -> str:
    if not items:
        return ""
    c = f' class="{cls}"' if cls else ""
    return f"<ul{c}>" + "".join(f"<li>{_linked(i)}</li>" for i in items) + "</ul>"


def _section(title: str, inner: str, cls: str = "") -> str:
    if not inner:
        return ""
    return f'<section class="kw-section {cls}"><h3 class="kw-h">{e(title)}</h3>{inner}</section>'


def render_result(
    ctx: Context,
    state: State,
    path: list[tuple[str, str]],
    a: Assessment,
    answer: Mapping[str, Any],
    dropped: Sequence[str] = (),
) -> str:
    x = explain(a)
    code = str(answer["result_code"])
    node = state.node
    assert isinstance(node, Outcome)
    parts: list[str] = []
    keys = [k for k, _v in path]
    parts.append(_back_link(ctx, path, keys[-1] if keys else None))
    if dropped:
        parts.append(f'<p class="kw-notice" role="status">{e(_(DROPPED_NOTE))}</p>')
    parts.append(
        '<div class="kw-result-head">'
        f'<h2 class="kw-question kw-headline" tabindex="-1">{e(x.headline)}</h2>'
        f'<p class="kw-first">{e(x.first_step)}</p>'
        f'<p class="kw-code">{e(_("結果コード"))}：<strong class="kw-code-value" data-code="{e(code)}">'
        f"{e(code)}</strong>"
        f'<span class="kw-code-hint">{e(_(CODE_HINT))}</span></p></div>'
    )
    parts.append(_day_line(ctx, path))
    for part in x.parts:  # the one reading order (texts.READING_ORDER), as on the CLI
        if part.key == "refs":
            inner = "<ul>" + "".join(_reference_item(r) for r in x.references) + "</ul>"
        elif part.key == "register":
            inner = f"<p>{e(part.items[0])}</p>{_list(part.items[1:])}"
        else:
            inner = _list(part.items, "kw-show" if part.key == "show" else "")
        parts.append(_section(part.title, inner, f"kw-s-{part.key}"))
    parts.append(_summary(ctx, path))
    parts.append(_sources(ctx, a))
    parts.append(
        '<p class="kw-links kw-noprint">'
        + (
            f'<button type="button" class="kw-button" data-kw-print>{e(_("印刷・PDFで保存"))}</button> '
            if ctx.mode == "js"
            else f"<span>{e(_(PRINT_NOTE))}</span> "
        )
        + f"{_restart(ctx)}</p>"
    )
    return "\n".join(p for p in parts if p)


_URL = re.compile(r"(https://[^\s）]+)")


def _linked(text: str) -> str:
    """Escaped text with its https URLs as links (the contact line, the forms page)."""
    return _URL.sub(r'<a href="\1">\1</a>', e(text))


def _reference_item(r: Reference) -> str:
    cited = "／".join(
        e(title) + (f' <a href="{e(url)}">{e(url)}</a>' if url else "") for title, url in r.sources
    )
    return f"<li>{e(r.text)}（{e(_('出典'))}：{cited}）</li>"


def _summary(ctx: Context, path: Sequence[tuple[str, str]]) -> str:
    """Check your answers: what this result rests on, each with 「回答を変更」."""
    rows = []
    for qid, value in path:
        q = FLOW.question(qid)
        rows.append(
            f'<div class="kw-row"><dt>{e(_(q.text))}</dt><dd>{e(answer_text(ctx, q, value))}</dd>'
            f'<dd class="kw-change kw-noprint"><a href="{e(ctx.state_url(path, edit=qid))}" data-kw>'
            f'{e(_("回答を変更"))}<span class="kw-vh">：{e(_(q.text))}</span></a></dd></div>'
        )
    if ctx.mode == "js":
        rows.append(
            f'<div class="kw-row"><dt>{e(_("基準日（受診日）"))}</dt><dd>{e(both(ctx.on))}</dd>'
            f'<dd class="kw-change kw-noprint"><a href="{e(ctx.state_url(path, edit=DAY_KEY))}" data-kw>'
            f'{e(_("回答を変更"))}<span class="kw-vh">：{e(_("基準日"))}</span></a></dd></div>'
        )
    return _section(
        _("この結果のもとになった回答"),
        '<dl class="kw-summary">' + "".join(rows) + "</dl>",
        "kw-s-answers",
    )


def _sources(ctx: Context, a: Assessment) -> str:
    items = []
    for s in a.sources:
        title = _(SECTION_TITLES[Section(s)])
        href = ctx.root + SECTION_PAGES.get(str(s), "")
        items.append(f'<li><a href="{e(href)}">{e(title)}</a></li>')
    if not items:
        return ""
    return _section(
        _("根拠（リーフレットの該当箇所）"), "<ul>" + "".join(items) + "</ul>", "kw-s-sources"
    )


# ----------------------------------------------------------------------------- helpers
def first_screen_html(ctx: Context) -> str:
    """The first question, as the build puts it into the wizard page."""
    return screen("", ctx.on, ctx).html


__all__ = [
    "Band",
    "Context",
    "Screen",
    "answer_text",
    "canonical_query",
    "first_screen_html",
    "parse_query",
    "render_result",
    "screen",
    "step",
]
