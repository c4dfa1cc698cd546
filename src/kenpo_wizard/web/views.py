"""What each wizard screen looks like: question forms, the date form, results, error pages.

Markup lives in ``templates/`` (see :mod:`.html`); this module chooses the fragments and
fills them with the wording of :mod:`kenpo_wizard.texts` and the catalogs. The browser and
the build's static pages use the same views, so both show the same questions and results.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Mapping, Sequence

from ..assessment import Assessment
from ..dates import LAST_DAY, parse_date
from ..errors import InputError
from ..flow import FLOW, Choice, Question
from ..i18n import N_, _, sep_alternatives
from ..leaflet import SECTION_TITLES, Section
from ..reminders import FILE_NAME, Reminder
from ..texts import Explanation, Reference
from ..wareki import ERAS, both, month_day
from .html import Html, fmt, join, render
from .pages import SECTION_PAGES
from .url_state import DAY_KEY, Band, Context, Path, canonical_query

DROPPED_NOTE = N_("リンクの一部（使われない回答や不明な項目）は読み飛ばしました。")
CODE_HINT = N_("お問い合わせの際にお伝えください")
CALENDAR_HINT = N_(
    "スマートフォンやパソコンのカレンダーに、この日付を1週間前の通知つきで登録できます。"
)
# A static page is shared by every path that leads to the same questions and results, so it
# cannot link the page before it: the browser's own Back keeps the answers (they are the URL).
BACK_HINT = N_("前の質問に戻るときは、ブラウザの「戻る」を使ってください（回答は残ります）。")
PRINT_NOTE = N_("ブラウザの印刷機能で、このページを1枚のチェックリストとして印刷・保存できます。")
ERA_CHOICES: tuple[tuple[str, str], ...] = (
    ("", N_("西暦")),
    *((e.letter, e.name) for e in ERAS[:3]),
)


# ----------------------------------------------------------------------------- shared
OTHER_DAYS = N_(
    "ほかの日の答えは、通常版の質問ページ（JavaScriptが必要です）の「基準日を変更」か、"
    "コマンドライン（kenpo-wizard assess --on 日付）で確かめられます。"
)


def day_line(
    ctx: Context, path: Path, *, result: bool = False, until: dt.date | None = None
) -> Html:
    """The day asked. A page without JavaScript cannot change it: a ``result`` says for
    which visit days from the build day it holds (to ``until``, a later day, or that day
    alone: None) and where other days are answered (spec v3 A6: only the page's own days)."""
    if ctx.mode == "static":
        if not result:
            return render("common.html", "day_static", note=ctx.build_note)
        if until is not None:
            # i18n: {start} is the build day, {end} the last day this result holds (和暦, 西暦)
            holds = _("受診日が{start}から{end}までなら、この答えのままです。").format(
                start=both(ctx.on), end=both(until)
            )
        else:
            holds = _("この答えは{day}の受診のものです。").format(day=both(ctx.on))
        return render(
            "common.html",
            "day_static_result",
            note=ctx.build_note,
            holds=holds,
            other=_(OTHER_DAYS),
        )
    return render(
        "common.html",
        "day_js",
        line=fmt(
            _("{label}：{day}（{which}）"),
            label=_("基準日（受診日）"),
            day=render("result.html", "strong", text=both(ctx.on)),
            which=_("指定した日") if ctx.day_given else _("今日"),
        ),
        change=ctx.state_url(path, edit=DAY_KEY),
        change_label=_("基準日を変更"),
    )


def back_link(href: str) -> Html:
    return render("common.html", "back", href=href, label=_("戻る"))


def back_hint() -> Html:
    """The static pages' way back (one page stands for many paths)."""
    return render("common.html", "back_hint", text=_(BACK_HINT))


def link(href: str, label: str) -> Html:
    """A link to another state of the wizard (the page script takes it over)."""
    return render("common.html", "link", href=href, label=label)


def restart(ctx: Context) -> Html:
    return render("common.html", "restart", href=ctx.start_url(), label=_("最初から"))


def links(*parts: Html) -> Html:
    return render("common.html", "links", content=join(parts))


def dropped_notice() -> Html:
    return render("common.html", "notice", text=_(DROPPED_NOTE))


def error_summary(target: str, message: str) -> Html:
    return render(
        "common.html",
        "error_summary",
        title=_("入力内容を確認してください"),
        target=target,
        message=message,
    )


def error_page(message: str) -> Html:
    return render(
        "common.html",
        "error_page",
        title=_("このリンクは使えません"),
        message=message,
        advice=_("お手数ですが、最初から質問に答えてください。"),
        restart=_("最初から始める"),
    )


def answer_text(ctx: Context, q: Question, value: str) -> str:
    """How an answer reads back on the summary (a band on the static pages)."""
    band = ctx.band_labels.get((q.id, value))
    if band:
        return band
    if q.kind == "choice":
        c = q.choice(value)
        return c.text() if c else value
    if q.kind == "date":
        try:
            return both(parse_date(value))
        except InputError:
            return value
    return _("{n}歳").format(n=value)


# ----------------------------------------------------------------------------- questions
def question_form(
    ctx: Context,
    q: Question,
    number: int,
    base: str,
    prefix: Path,
    current: str,
    error: InputError | None,
    offered: Sequence[Choice] | None = None,
) -> Html:
    """The question's form; a choice question shows ``offered`` (default: all its choices)."""
    bands = ctx.bands.get(q.id)
    as_ranges = q.kind != "choice" and ctx.mode == "static" and bool(bands)
    # an age as buttons (every age is in one), not a field to type in; a date keeps its field
    text = q.band_hint if as_ranges and q.band_hint and q.kind != "date" else q.hint
    hint = render("question.html", "hint", key=q.id, text=_(text)) if text else ""
    legend = render(
        "question.html",
        "legend",
        step=_("質問 {number}").format(number=number),
        text=_(q.text),
        hint=hint,
    )
    if q.kind == "date" and ctx.mode == "static":
        field = _static_date(ctx, q, prefix, current, error, bands or ())
    elif q.kind == "choice" or as_ranges:
        if q.kind == "choice":
            options = [(c.value, c.text(), _(c.hint)) for c in offered or q.choices]
        else:
            options = [(b.value, b.label, "") for b in bands or ()]
        field = render(
            "question.html",
            "choices",
            content=join(_choice(ctx, q, prefix, current, *o) for o in options),
        )
    elif q.kind == "date":
        field = join([date_fields(q.id, current, error), _next_button()])
    else:
        field = join([_number_field(q, current, error), _next_button()])
    described = Html(f' aria-describedby="kw-{q.id}-hint"') if q.hint else ""
    return render(
        "question.html",
        "form",
        key=q.id,
        kind=q.kind,
        base=base,
        described=described,
        content=join([legend, field]),
    )


NO_TYPING = N_(
    "この簡易版（JavaScriptを使わないページ）では、日付を入力できません。"
    "下の期間に当てはまらないときは、通常版の質問ページ（JavaScriptが必要です）か、"
    "コマンドライン（kenpo-wizard）で確かめてください。"
)

NO_TYPING_AT_ALL = N_(
    "この簡易版（JavaScriptを使わないページ）では、日付を入力できません。"
    "通常版の質問ページ（JavaScriptが必要です）か、コマンドライン（kenpo-wizard）で"
    "確かめてください。"
)
RANGES_LABEL = N_("当てはまる期間があれば、選ぶだけで進みます。")


def _static_date(
    ctx: Context,
    q: Question,
    prefix: Path,
    current: str,
    error: InputError | None,
    bands: Sequence[Band],
) -> Html:
    """A date on a pre-built page: the exact day typed (the page script shows the field and
    its engine answers it; the page alone cannot, and says so, a line the script removes),
    and the ranges whose every day gives the same answer (bands.py) as one tap each."""
    typed = render(
        "question.html",
        "typed",
        content=join([date_fields(q.id, current, error), _next_button()]),
        none=_(NO_TYPING if bands else NO_TYPING_AT_ALL),
    )
    if not bands:
        return typed
    choices = render(
        "question.html",
        "ranges",
        key=q.id,
        label=_(q.band_hint or RANGES_LABEL),
        content=join(_choice(ctx, q, prefix, current, b.value, b.label, "") for b in bands),
    )
    return join([typed, choices])


def _choice(
    ctx: Context, q: Question, prefix: Path, current: str, value: str, label: str, hint: str
) -> Html:
    target = ""
    if ctx.mode == "static":
        url = ctx.state_url([*prefix, (q.id, value)])
        target = join([Html(' formaction="'), url, Html('"')])
    selected = value == current
    return render(
        "question.html",
        "choice",
        key=q.id,
        value=value,
        target=Html(target),
        pressed=Html(' aria-current="true"' if selected else ""),
        # a range standing for a typed answer (static pages): the page script keeps to them
        band=Html(" data-kw-band" if q.kind != "choice" else ""),
        label=label,
        mark=render("question.html", "choice_current", text=_("（現在の回答）"))
        if selected
        else "",
        hint=render("question.html", "choice_hint", text=hint) if hint else "",
    )


def _next_button() -> Html:
    return render("question.html", "next", label=_("次へ"))


def _error_line(key: str, error: InputError | None) -> tuple[Html | str, str]:
    if error is None:
        return "", ""
    line = render(
        "question.html", "field_error", key=key, prefix=_("エラー："), message=error.message
    )
    return line, f" kw-{key}-error"


def _number_field(q: Question, current: str, error: InputError | None) -> Html:
    err, err_id = _error_line(q.id, error)
    hint = f"kw-{q.id}-hint" if q.hint else ""
    return render(
        "question.html",
        "number",
        key=q.id,
        error=err,
        label=_("年齢"),
        required=_("※必須"),
        value=current,
        invalid=Html(' aria-invalid="true"' if error else ""),
        described=(hint + err_id).strip(),
        unit=_("歳"),
    )


_DATE_PARTS = re.compile(r"^(?:([A-Z]))?(\d{1,4})[-./](\d{1,2})[-./](\d{1,2})$")


def date_fields(key: str, current: str, error: InputError | None, label: str = "") -> Html:
    """DADS-style date input: era (西暦 or 和暦), then year, month, day as numbers."""
    era, year, month, day = "", "", "", ""
    m = _DATE_PARTS.match(current.strip())
    if m:
        era, year, month, day = m[1] or "", m[2], m[3].lstrip("0"), m[4].lstrip("0")
    err, err_id = _error_line(key, error)
    invalid = Html(' aria-invalid="true"' if error else "")
    options = join(
        render(
            "question.html",
            "era_option",
            value=v,
            selected=Html(" selected" if v == era else ""),
            name=_(name),
        )
        for v, name in ERA_CHOICES
    )
    parts = join(
        render(
            "question.html",
            "date_part",
            key=key,
            name=name,
            width=width,
            size=size,
            value=value,
            invalid=invalid,
            error_id=err_id,
            text=text,
        )
        for name, text, value, width, size in (
            ("y", _("年"), year, "kw-w4", 4),
            ("m", _("月"), month, "kw-w2", 2),
            ("d", _("日"), day, "kw-w2", 2),
        )
    )
    return render(
        "question.html",
        "date",
        key=key,
        label=label or _("日付"),
        required=_("※必須"),
        error=err,
        era_label=_("暦"),
        options=options,
        parts=parts,
    )


def quick_days(today: dt.date, base: Mapping[str, str]) -> list[tuple[str, str]]:
    """「今日（12月3日）」「明日（12月4日）」: the visit day in one tap, as (label, link).

    Today is the day the page is made (the worker's, never a clock here); its link carries no
    day, so the answer follows the day it is opened, as without one. Tomorrow is a day given."""
    today_query = canonical_query(dict(base))
    out = [
        (
            _("今日（{date}）").format(date=month_day(today)),
            "?" + today_query if today_query else "./",
        )
    ]
    tomorrow = today + dt.timedelta(days=1)
    if tomorrow <= LAST_DAY:
        query = canonical_query({**base, DAY_KEY: tomorrow.isoformat()})
        out.append((_("明日（{date}）").format(date=month_day(tomorrow)), "?" + query))
    return out


def day_form(
    base: str,
    current: str,
    error: InputError | None,
    quick: Sequence[tuple[str, str]] = (),
) -> Html:
    """The 受診日・基準日 question: today or tomorrow in one tap (links, so that Enter in the
    date field sends the field), then any other day typed."""
    hint = render(
        "question.html",
        "day_hint",
        text=_(
            "結果はこの日の時点のものになります。西暦か和暦（令和など）を選んで、"
            "年・月・日を数字で入力してください。"
        ),
    )
    legend = render(
        "question.html", "legend_plain", text=_("受診日・基準日を入力してください"), hint=hint
    )
    days = (
        render(
            "question.html",
            "quick_days",
            key=DAY_KEY,
            label=_("今日か明日なら、選ぶだけで進みます"),
            items=join(
                render("question.html", "quick_day", href=href, label=label)
                for label, href in quick
            ),
            other=_("ほかの日は、日付を入力してください"),
        )
        if quick
        else ""
    )
    return render(
        "question.html",
        "form",
        key=DAY_KEY,
        kind="date",
        base=base,
        described=Html(' aria-describedby="kw-on-hint"'),
        content=join(
            [
                legend,
                days,
                date_fields(DAY_KEY, current, error, _("受診日・基準日")),
                _next_button(),
            ]
        ),
    )


# ----------------------------------------------------------------------------- result
def result_head(x: Explanation, code: str) -> Html:
    return render(
        "result.html",
        "head",
        headline=x.headline,
        code_line=fmt(
            _("{label}：{code}"),
            label=_("結果コード"),
            code=render("result.html", "code", code=code),
        ),
        code_hint=_(CODE_HINT),
    )


def section(title: str, content: Html | str, cls: str = "") -> Html:
    if not content:
        return Html("")
    return render("result.html", "section", title=title, content=content, cls=cls)


# ASCII only: the address ends where Japanese text (or a bracket) begins.
_URL = re.compile(r"(https://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+)")


def _linked(text: str) -> Html:
    """Escaped text with its https URLs as links (the contact line, the forms page)."""
    out: list[Html | str] = []
    for i, piece in enumerate(_URL.split(text)):
        out.append(render("result.html", "link", href=piece, text=piece) if i % 2 else piece)
    return join(out)


def bullet_list(items: Sequence[str], cls: str = "") -> Html:
    if not items:
        return Html("")
    return render(
        "result.html",
        "list",
        cls=Html(f' class="{cls}"' if cls else ""),
        items=join(render("result.html", "item", content=_linked(i)) for i in items),
    )


# Why and where from: behind a disclosure on screen, so that what to do fits a phone's first
# screen; it opens for printing (wizard.js) and stays open without JavaScript.
BACKGROUND = ("reasons", "refs")


def explanation_sections(x: Explanation, background: bool = False) -> Html:
    """The parts of the answer in the one reading order (texts.READING_ORDER), as on the CLI:
    what to do (``background`` False) or the background parts (True)."""
    out = []
    for part in x.parts:
        if (part.key in BACKGROUND) != background:
            continue
        if part.key == "todo":
            inner = render(
                "result.html",
                "todo",
                rows=join(
                    render("result.html", "todo_row", label=label, text=text)
                    for label, text in x.todo
                ),
            )
        elif part.key == "refs":
            inner = render(
                "result.html", "list", cls="", items=join(_reference(r) for r in x.references)
            )
        elif part.key == "register":
            inner = join(
                [
                    render("result.html", "paragraph", text=part.items[0]),
                    bullet_list(part.items[1:]),
                ]
            )
        else:
            inner = bullet_list(part.items, "kw-show" if part.key == "show" else "")
        out.append(section(part.title, inner, f"kw-s-{part.key}"))
    return join(out, "\n")


def more(ctx: Context, content: Html) -> Html:
    """The background (reasons, 参考, the leaflet's sections) in one disclosure."""
    if not content.strip():
        return Html("")
    return render(
        "result.html",
        "more",
        summary=_("根拠（リーフレットの該当箇所）と背景"),
        content=content,
        open=" open" if ctx.mode != "js" else "",
    )


def _reference(r: Reference) -> Html:
    cited = join(
        (
            join([title, " ", render("result.html", "link", href=url, text=url)]) if url else title
            for title, url in r.sources
        ),
        sep_alternatives(),
    )
    return render(
        "result.html",
        "reference",
        content=fmt(_("{text}（出典：{cited}）"), text=r.text, cited=cited),
    )


def answers_summary(ctx: Context, path: Path) -> Html:
    """Check your answers: what this result rests on, each with 「回答を変更」."""
    rows = []
    for qid, value in path:
        q = FLOW.question(qid)
        rows.append(_summary_row(_(q.text), answer_text(ctx, q, value), ctx.state_url(path, qid)))
    if ctx.mode == "js":
        rows.append(
            _summary_row(
                _("基準日（受診日）"),
                both(ctx.on),
                ctx.state_url(path, edit=DAY_KEY),
                _("基準日"),
            )
        )
    return section(
        _("この結果のもとになった回答"),
        render("result.html", "summary", rows=join(rows)),
        "kw-s-answers",
    )


def _summary_row(question: str, answer: str, href: str, what: str = "") -> Html:
    return render(
        "result.html",
        "summary_row",
        question=question,
        answer=answer,
        href=href,
        change=_("回答を変更"),
        what=_("：{what}").format(what=what or question),
    )


def sources(ctx: Context, a: Assessment) -> Html:
    items = [
        render(
            "result.html",
            "item",
            content=render(
                "result.html",
                "link",
                href=ctx.root + SECTION_PAGES.get(str(s), ""),
                text=_(SECTION_TITLES[Section(s)]),
            ),
        )
        for s in a.sources
    ]
    if not items:
        return Html("")
    return section(
        _("根拠（リーフレットの該当箇所）"),
        render("result.html", "list", cls="", items=join(items)),
        "kw-s-sources",
    )


def calendar_section(ctx: Context, found: Sequence[Reminder], calendar: str = "") -> Html:
    """The member's coming dates, and the calendar file with them (only when there are some).

    The browser makes the file from this very answer (a download the page script offers);
    a page without JavaScript links the file the build wrote (``ctx.calendar_url``; without
    one, the calendar is in the link itself, a data: URL)."""
    if not found:
        return Html("")
    label = _("カレンダーに追加（.ics）")
    if ctx.mode == "js":
        action = render("result.html", "ics_button", label=label)
    else:
        if ctx.calendar_url is not None:
            href = ctx.calendar_url(calendar)
        else:  # no file beside the page: the calendar in the link itself
            href = "data:text/calendar;charset=utf-8," + urllib.parse.quote(calendar)
        action = render("result.html", "ics_link", href=href, name=FILE_NAME, label=label)
    items = join(
        render(
            "result.html",
            "item",
            content=_("{day}：{summary}").format(day=both(r.day), summary=r.summary),
        )
        for r in found
    )
    return section(
        _("カレンダーに登録できる日付"),
        join(
            [
                render("result.html", "list", cls="", items=items),
                render("result.html", "ics_actions", content=action, hint=_(CALENDAR_HINT)),
            ]
        ),
        "kw-s-calendar",
    )


def result_actions(ctx: Context) -> Html:
    if ctx.mode == "js":
        first = render("result.html", "print_button", label=_("印刷・PDFで保存"))
    else:
        first = render("result.html", "print_note", text=_(PRINT_NOTE))
    return render("result.html", "actions", content=join([first, restart(ctx)], " "))
