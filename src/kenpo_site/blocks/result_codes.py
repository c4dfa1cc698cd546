"""The call-center table: each result code the wizard can give, and what that result says.

Every code from the build day to 2030-06-30 and on the sample days (kenpo_site.codes), each
with the result's plain first line and a link that opens that result in the wizard.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass

from kenpo_wizard.flow import FLOW, walk
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
from kenpo_wizard.rules import assess
from kenpo_wizard.texts import explain
from kenpo_wizard.wareki import wareki

from ..codes import Codes
from ..i18n import E_, N_, _
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
    headline: str  # the result's plain first line, its days worded in general terms
    link: str  # the wizard's address for one set of answers with this result
    phase: str
    show: str
    submit: str
    returns: str
    issue: str
    register: str
    contact: str


def code_answers(codes: Codes, day: dt.date) -> dict[str, tuple[dict[str, object], str, str]]:
    """code → (the engine's answer, its plain first line, the wizard's query) for ``codes``;
    a code of a later period opens on that period's first day (``on=``), the build day's on
    the member's today."""
    out: dict[str, tuple[dict[str, object], str, str]] = {}
    for code, (on, query) in codes.items():
        answers = dict(urllib.parse.parse_qsl(query))
        state = walk(FLOW, answers, on)
        a = assess(state.facts, on)
        typed = {q for q in answers if FLOW.question(q).kind != "choice"}
        when = "" if on == day else f"&on={on.isoformat()}"
        out[code] = (a.to_dict(), explain(a, typed).headline, query + when)
    return out


def _docs(alts: object) -> str:
    assert isinstance(alts, list)
    if not alts:
        return _("なし")
    # i18n: ／ between alternatives, ＋ between documents shown together
    return _("／").join(_("＋").join(E_(DOCUMENTS[Document(d)].label) for d in alt) for alt in alts)


def code_row(code: str, a: dict[str, object], headline: str = "", query: str = "") -> CodeRow:
    submit, ret, ec = a["submit"], a["return"], a["eligibility_certificate"]
    assert isinstance(submit, list) and isinstance(ret, list) and isinstance(ec, dict)
    return CodeRow(
        code=code,
        headline=headline,
        link=f"../wizard/?{query}" if query else "",
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


def code_rows(codes: Codes, day: dt.date) -> list[CodeRow]:
    """Every row of the table, in code order."""
    return [code_row(c, a, h, q) for c, (a, h, q) in code_answers(codes, day).items()]


def result_codes_html(codes: Codes, day: dt.date) -> str:
    """The table, in the page itself so that the site's search finds each code; each row is
    its own anchor (``call-center/#code-A-K7QA``), which the search lands on."""
    return render(
        "result_codes.html.j2", rows=code_rows(codes, day), phases=phases(), columns=columns()
    )
