"""Guide-page blocks that state an engine decision, worded from the engine's own answers.

Who submits what, who receives what and when, what goes back after 資格喪失, the 「参考」
boxes and the contact route: each is read off :func:`kenpo_wizard.assess` for a sample
person (spec/domain.md P14), so a guide page cannot say one thing while the wizard says
another. A sentence that states a rule in words is checked against the engine at build
time; a disagreement stops the build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kenpo_wizard import assess
from kenpo_wizard.assessment import Assessment, Delivery
from kenpo_wizard.contact import ASSOCIATION_CONTACT, EMPLOYER_CLERK, FORMS_PAGE
from kenpo_wizard.leaflet import (
    CERTIFICATE_EXPIRED_FROM,
    CERTIFICATE_VALID_UNTIL,
    FIRST_NOTICE_ROSTER_DAY,
    SECOND_NOTICE_FIRST_DAY,
    SECOND_NOTICE_LAST_DAY,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
)
from kenpo_wizard.phrases import REFERENCE_TEXTS
from kenpo_wizard.texts import doc_label, form_label
from kenpo_wizard.wareki import wareki, wareki_month

from ..i18n import E_, _, mark_japanese
from ..render import render


class ClaimError(AssertionError):
    """A guide sentence says something the engine does not decide (a build error)."""


@dataclass(frozen=True)
class Row:
    who: str
    what: str


def _check(claim: str, holds: bool) -> None:
    if not holds:
        raise ClaimError(f"the guide says 「{claim}」 but the engine decides otherwise")


# ----------------------------------------------------------------------------- who submits
def _submit_cell(a: Assessment) -> str:
    if a.submit:
        # i18n: between the items of a list in a sentence
        return _("、").join(form_label(x) for x in a.submit)
    _check("職権で交付", a.eligibility_certificate.issue == "ex_officio")
    return _("提出は不要です（職権で交付します）")


def who_submits_html(on: dt.date) -> str:
    """P2: who hands in what for a 資格確認書, for three sample members."""
    joining = (on + dt.timedelta(days=30)).isoformat()
    people: tuple[tuple[str, Mapping[str, object]], ...] = (
        (
            _(
                "これから加入する方（交付事由のどれかに該当。例：マイナンバーカードを取得していない）"
            ),
            {"joined_on": joining, "mynumber_card": "none"},
        ),
        (
            _(
                "すでに加入している方で、職権交付事由に該当（例：マイナンバーカードを取得していない）"
            ),
            {"mynumber_card": "none"},
        ),
        (
            _("すでに加入している方で、申請交付事由だけに該当（例：マイナンバーカードを紛失した）"),
            {"mynumber_card": "lost"},
        ),
    )
    rows = [Row(who, _submit_cell(assess(facts, on))) for who, facts in people]
    head = (_("どなたか"), _("提出するもの"))
    return render("answer_rows.html.j2", rows=rows, head=head, note="")


# ----------------------------------------------------------------------------- returns
def _returns(lost_on: dt.date) -> set[Document]:
    a = assess({"mynumber_card": "none", "eligibility_lost_on": lost_on}, lost_on)
    return {r.document for r in a.returns}


def returns_html() -> str:
    """R4/R5, R21/R22, R32 as the engine applies them on each side of each boundary."""
    card, cert, notice = (
        Document.HEALTH_INSURANCE_CARD,
        Document.ELIGIBILITY_CERTIFICATE,
        Document.ELIGIBILITY_NOTICE,
    )
    card_text = _(
        "資格喪失日が{last_day}までの場合は勤務先へ返却。"
        "{over}以降の資格喪失では返却の必要はありません（経過措置終了後）"
    ).format(last_day=wareki(TRANSITION_LAST_DAY), over=wareki(TRANSITION_OVER))
    _check(
        card_text, card in _returns(TRANSITION_LAST_DAY) and card not in _returns(TRANSITION_OVER)
    )
    cert_text = _(
        "資格喪失日が有効期限（{valid_until}）までの場合は返却。有効期限後の返却の必要はありません"
    ).format(valid_until=wareki(CERTIFICATE_VALID_UNTIL))
    _check(
        cert_text,
        cert in _returns(CERTIFICATE_VALID_UNTIL)
        and cert not in _returns(CERTIFICATE_EXPIRED_FROM),
    )
    notice_text = _("返却の必要はありません")
    _check(
        notice_text, all(notice not in _returns(d) for d in (TRANSITION_LAST_DAY, TRANSITION_OVER))
    )
    rows = [
        Row(doc_label(card), card_text),
        Row(doc_label(cert), cert_text),
        Row(doc_label(notice), notice_text),
    ]
    return render(
        "answer_rows.html.j2",
        rows=rows,
        head=(_("書類"), _("資格喪失した場合")),
        note=_(
            "資格確認書の返却先はリーフレットに明記がありません。勤務先の事務担当者にお尋ねください。"
        ),
    )


# ----------------------------------------------------------------------------- deliveries
def _when(d: Delivery) -> str:
    assert d.when is not None
    if len(d.when) == 10:
        day = wareki(dt.date.fromisoformat(d.when))
        return (_("{date}（送付済み）") if d.past else _("{date}（送付予定）")).format(date=day)
    month = wareki_month(dt.date.fromisoformat(d.when + "-01"))
    planned = _("{month}（リーフレットでの予定でした）") if d.past else _("{month}（予定）")
    return planned.format(month=month)


def deliveries_html(on: dt.date) -> str:
    """R34, R33, R25: what went out through the 事業所, told from today (P13)."""
    people: tuple[tuple[str, Mapping[str, object], Document], ...] = (
        (
            _("{date}現在の加入者").format(date=wareki(FIRST_NOTICE_ROSTER_DAY)),
            {},
            Document.ELIGIBILITY_NOTICE,
        ),
        (
            _("{start}～{end}に新規登録した加入者").format(
                start=wareki(SECOND_NOTICE_FIRST_DAY), end=wareki(SECOND_NOTICE_LAST_DAY)
            ),
            {"joined_on": "2024-11-01"},
            Document.ELIGIBILITY_NOTICE,
        ),
        (
            _(
                "保険証をお持ちで、マイナンバーカードを保有していない方、または保有しているが"
                "保険証利用登録をしていない方（職権交付）"
            ),
            {"mynumber_card": "none", "eligibility_certificate": "none"},
            Document.ELIGIBILITY_CERTIFICATE,
        ),
    )
    rows = []
    for who, facts, document in people:
        a = assess(facts, on)
        d = next(x for x in a.receive if x.document == document and x.via_employer)
        rows.append(
            Row(
                _("{when}：「{document}」").format(when=_when(d), document=doc_label(document)), who
            )
        )
    head = (_("時期と配付したもの"), _("対象"))
    return render("answer_rows.html.j2", rows=rows, head=head, note="")


# ----------------------------------------------------------------------------- 参考, contact
def reference_html(code: str) -> str:
    return render("reference.html.j2", ref=REFERENCE_TEXTS[code]())


def contact_html() -> str:
    """The one contact route, on every page (configured once in kenpo_wizard.contact)."""
    html = render(
        "contact.html.j2",
        clerk=E_(EMPLOYER_CLERK),
        association_name=E_(ASSOCIATION_CONTACT.name),
        association=ASSOCIATION_CONTACT,
        forms=FORMS_PAGE,
    )
    return mark_japanese(html)


# the leaflet's 参考 boxes, each a block (the day-dependent blocks are named in blocks/__init__)
REFERENCE_BLOCKS: dict[str, Callable[[], str]] = {
    "reference-temporary-measure": lambda: reference_html("temporary_measure_ended"),
    "reference-certificate-grace": lambda: reference_html("certificate_grace"),
    "reference-card-suspension": lambda: reference_html("card_suspension"),
    "reference-shorter-validity": lambda: reference_html("shorter_validity"),
    "reference-after-loss": lambda: reference_html("after_loss"),
    "reference-return-within-5-days": lambda: reference_html("return_within_5_days"),
    "reference-later-elderly": lambda: reference_html("later_elderly"),
}
