"""The call-center table: each result code the flow can reach, and what that result says.

Read off the engine for every path of the flow on one day of each period the rules tell
apart, plus the build day, so the table holds every code a caller can read out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kenpo_wizard.leaflet import (
    ABOLITION_DAY,
    DOCUMENTS,
    FORMS,
    REASONS,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
    Form,
    Reason,
)
from kenpo_wizard.rules import SAMPLE_DAYS, assess
from kenpo_wizard.wareki import wareki

from ..i18n import E_, N_, _
from ..paths import paths_on
from ..render import render


def phases() -> dict[str, str]:
    """The periods the first letter of a code names, worded in the current language."""
    return {
        "before_abolition": _("{date}まで").format(
            date=wareki(ABOLITION_DAY - dt.timedelta(days=1))
        ),
        "transition": _("経過措置期間（{start}〜{end}）").format(
            start=wareki(ABOLITION_DAY), end=wareki(TRANSITION_LAST_DAY)
        ),
        "after_transition": _("{date}以降").format(date=wareki(TRANSITION_OVER)),
    }


ISSUE = {"none": N_("交付なし"), "ex_officio": N_("職権交付"), "application": N_("申請による交付")}
NOT_COVERED = N_("対象外（加入前・資格喪失・75歳以上）")


@dataclass(frozen=True)
class CodeRow:
    code: str
    phase: str
    show: str
    submit: str
    returns: str
    issue: str
    register: str
    contact: str


def code_answers(days: Sequence[dt.date] = SAMPLE_DAYS) -> dict[str, dict[str, object]]:
    """Each result code the flow reaches on ``days``, with one answer that carries it."""
    return dict(_code_answers(tuple(days)))


@cache  # every path on five days takes seconds; `mkdocs serve` rebuilds reuse it
def _code_answers(days: tuple[dt.date, ...]) -> dict[str, dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    for day in days:
        for state in paths_on(day):
            answer = assess(state.facts, day).to_dict()
            rows.setdefault(str(answer["result_code"]), answer)
    return dict(sorted(rows.items()))


def _docs(alts: object) -> str:
    assert isinstance(alts, list)
    if not alts:
        return _("なし")
    # i18n: ／ between alternatives, ＋ between documents shown together
    return _("／").join(_("＋").join(E_(DOCUMENTS[Document(d)].label) for d in alt) for alt in alts)


def code_row(code: str, a: dict[str, object]) -> CodeRow:
    submit, ret, ec = a["submit"], a["return"], a["eligibility_certificate"]
    assert isinstance(submit, list) and isinstance(ret, list) and isinstance(ec, dict)
    return CodeRow(
        code=code,
        phase=phases()[str(a["phase"])],
        show=_docs(a["show_at_clinic"]) if a["covered"] else _(NOT_COVERED),
        submit=_("、").join(E_(FORMS[Form(s)].label) for s in submit) or _("なし"),
        returns=_("、").join(E_(DOCUMENTS[Document(r["document"])].label) for r in ret)
        or _("なし"),
        issue=_certificate(ec),
        register=_("あり") if a["register"] else _("なし"),
        contact=_("必要") if a["contact_association"] else _("不要"),
    )


def _certificate(ec: dict[str, object]) -> str:
    """The 資格確認書 as the code tells it apart: how it is issued, under which 交付事由, the
    70–74 負担割合 on the card, a validity that may be shorter."""
    parts = [_(ISSUE[str(ec["issue"])])]
    reasons = ec["reasons"]
    assert isinstance(reasons, list)
    parts += [REASONS[Reason(r)].name for r in reasons]
    if ec["copay_ratio_printed"]:
        parts.append(_("70〜74歳：負担割合を記載"))
    if ec["shorter_validity_possible"]:
        parts.append(_("有効期限が短い場合あり"))
    return _("・").join(parts)


# i18n: the columns of the call center's table of result codes
COLUMNS = (
    ("phase", N_("時期")),
    ("show", N_("受診時に見せるもの")),
    ("submit", N_("提出するもの")),
    ("returns", N_("返却するもの")),
    ("issue", N_("資格確認書")),
    ("register", N_("利用登録の案内")),
    ("contact", N_("組合への問い合わせ")),
)


def columns() -> tuple[tuple[str, str], ...]:
    """The columns with their headings in the current language."""
    return tuple((key, _(label)) for key, label in COLUMNS)


def code_rows(day: dt.date, answers: dict[str, dict[str, object]] | None = None) -> list[CodeRow]:
    """Every row of the table: the codes reached on the sample days and on the build day."""
    if answers is None:
        answers = code_answers((*SAMPLE_DAYS, day))
    return [code_row(c, a) for c, a in answers.items()]


def result_codes_html(day: dt.date, answers: dict[str, dict[str, object]] | None = None) -> str:
    """The table, in the page itself so that the site's search finds each code; each row is
    its own anchor (``call-center/#code-A-K7QA``), which the search lands on."""
    return render(
        "result_codes.html.j2", rows=code_rows(day, answers), phases=phases(), columns=columns()
    )
