"""For the employer's clerk: what to tick and hand in for each kind of new hire (issue 10).

Each kind of new hire is a sample person for :func:`kenpo_wizard.assess`, joining a month
after the build day. Whether the clerk ticks 「発行が必要」, whether a 資格確認書交付申請書 goes
with the form, which 交付事由 is written as the 申請理由, and what else the member gets or is
told are read off the engine's answer (spec/domain.md P14); nothing here decides a rule. The
same list makes the guide's table of kinds and the one-page checklist for printing.

The leaflet sorts the reasons into 申請交付事由 and 職権交付事由 (R14, R15), yet asks every new
member with a reason to mark the form and submit the 交付申請書 (R16, R18; the comparison
table's 取得方法). P2 reads them together; the block says so and checks it against the engine
for every 職権 reason, so the guide cannot tell the clerk one thing while the wizard says another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from kenpo_wizard import assess
from kenpo_wizard.assessment import Assessment
from kenpo_wizard.contact import ASSOCIATION_CONTACT, FORMS_PAGE
from kenpo_wizard.leaflet import (
    ABOLITION_DAY,
    COMPARISON,
    FORMS,
    REASON_KIND_LABELS,
    REASONS,
    ROUTES,
    SECTION_TITLES,
    Document,
    Form,
    Reason,
    Section,
)
from kenpo_wizard.phrases import CONTACT_REASONS, REFERENCE_TEXTS, Reference
from kenpo_wizard.registry import OUTSIDE_SOURCES
from kenpo_wizard.wareki import wareki

from ..i18n import E_, N_, _
from ..render import render
from .answers import ClaimError, _check

FORMS_SOURCE = "association_website"  # registry.OUTSIDE_SOURCES: its URL is FORMS_PAGE


@dataclass(frozen=True)
class Hire:
    """A kind of new hire, as the leaflet and spec/domain.md tell them apart."""

    key: str
    group: str  # "card" (マイナンバーカード), "family" (被扶養者), "age"
    label: str
    facts: Mapping[str, object]
    source: str  # where the kind comes from, in the leaflet's words (see the report)
    example: str = ""  # the sample person when the kind is not about the card
    note: str = ""  # a line the kind adds before the engine's
    also: tuple[Mapping[str, object], ...] = ()  # more samples: their other lines are added


_REGISTERED = {"mynumber_card": "held", "insurance_use": "registered"}

HIRES: tuple[Hire, ...] = (
    Hire(
        "registered",
        "card",
        N_("マイナ保険証がある（マイナンバーカードの保険証利用登録が済んでいる）"),
        _REGISTERED,
        N_("リーフレット ２．(1)（交付事由以外の理由による交付は行わない）、２．(2)"),
    ),
    Hire(
        "not_registered",
        "card",
        N_("マイナンバーカードはあるが、保険証利用登録をしていない"),
        {"mynumber_card": "held", "insurance_use": "not_registered"},
        N_("リーフレット ２．(1) 職権交付事由②、１．(2)、比較表「取得方法」"),
    ),
    Hire(
        "no_card",
        "card",
        N_("マイナンバーカードを取得していない"),
        {"mynumber_card": "none"},
        N_("リーフレット ２．(1) 職権交付事由①"),
    ),
    Hire(
        "registration_cancelled",
        "card",
        N_("マイナ保険証の利用登録の解除を申請した（登録解除者）"),
        {"mynumber_card": "held", "insurance_use": "cancelled"},
        N_("リーフレット ２．(1) 職権交付事由③"),
    ),
    Hire(
        "certificate_expired",
        "card",
        N_("マイナンバーカードの電子証明書の有効期限が切れている"),
        {"mynumber_card": "held", "insurance_use": "registered", "certificate": "expired"},
        N_("リーフレット ２．(1) 職権交付事由④"),
    ),
    Hire(
        "card_returned",
        "card",
        N_("マイナンバーカードを返納した"),
        {"mynumber_card": "returned"},
        N_("リーフレット ２．(1) 職権交付事由⑤"),
    ),
    Hire(
        "card_lost_or_renewing",
        "card",
        N_("マイナンバーカードを紛失した・更新中"),
        {"mynumber_card": "lost"},
        N_("リーフレット ２．(1) 申請交付事由①"),
    ),
    Hire(
        "assisted_visit",
        "card",
        N_(
            "要配慮者（マイナ保険証での受診が難しい高齢者や障害者）で、介助者などの第三者が同行して資格確認を補助する必要がある"
        ),
        {**_REGISTERED, "assisted_visit": "yes"},
        N_("２．(1) 申請交付事由②"),
    ),
    Hire(
        "assisted_child",
        "card",
        N_("子どもで、ベビーシッターなどが同行して資格確認を補助する必要がある"),
        {**_REGISTERED, "assisted_visit": "child", "member_type": "dependant", "age": 3},
        N_("リーフレット ２．(1) 申請交付事由②（子どもに同行する場合は記載がありません）"),
    ),
    Hire(
        "dependant",
        "family",
        N_("被扶養者として加わる家族"),
        {"mynumber_card": "none", "member_type": "dependant"},
        N_("リーフレット ２．(1)（資格取得届・被扶養者異動届）"),
        example=N_("例：マイナンバーカードを取得していない家族"),
        note=N_(
            "被扶養者異動届で、加わる家族の一人ひとりについて、上のどれにあてはまるかを確かめます。"
        ),
    ),
    Hire(
        "elderly",
        "age",
        N_("70〜74歳の方（高齢受給者）"),
        {"mynumber_card": "none", "age": 72},
        N_("リーフレット ２．(1) ※、２．(2)"),
        example=N_("例：マイナンバーカードを取得していない方"),
        also=({**_REGISTERED, "age": 72},),
    ),
    Hire(
        "over_75",
        "age",
        N_("75歳以上の方"),
        {"age": 75},
        N_("リーフレットには記載がありません（参考：後期高齢者医療制度）"),
    ),
)
HIRE_BY_KEY = {h.key: h for h in HIRES}
GROUP_LEGENDS = {
    "card": N_("マイナンバーカードと保険証利用登録（本人・家族それぞれ、あてはまるものすべて）"),
    "family": N_("家族を加えるとき"),
    "age": N_("年齢"),
}

COPAY_PRINTED = N_("資格確認書には負担割合が表示されます（高齢受給者証は発行しません）")  # R19
TICK = FORMS[Form.ISSUE_NEEDED_ON_ENROLMENT]
APPLICATION = FORMS[Form.CERTIFICATE_APPLICATION]


@dataclass(frozen=True)
class HireView:
    hire: Hire
    label: str  # the hire's words, in the current language
    example: str
    source: str
    tick: bool  # 「発行が必要」 on the 資格取得届・被扶養者異動届
    application: bool  # 資格確認書交付申請書 with the form
    reasons: tuple[str, ...]  # 申請理由 to write: 「職権交付事由② …」
    short: str  # one line for the checklist
    lines: tuple[str, ...]  # what else holds, for the guide's table
    references: tuple[Reference, ...]
    asks: tuple[str, ...]  # where the leaflet does not settle it: the contact sentence


def _reason_text(r: Reason) -> str:
    term = REASONS[r]
    return f"{term.name} {E_(term.label)}"


def _joining(on: dt.date) -> str:
    return (on + dt.timedelta(days=30)).isoformat()


def _answer(facts: Mapping[str, object], on: dt.date) -> Assessment:
    return assess({**facts, "joined_on": _joining(on)}, on)


def view(hire: Hire, on: dt.date) -> HireView:
    a = _answer(hire.facts, on)
    cert = a.eligibility_certificate
    tick = Form.ISSUE_NEEDED_ON_ENROLMENT in a.submit
    application = Form.CERTIFICATE_APPLICATION in a.submit
    # A new member always asks on the form (P2): never 「職権で届く」 for a new hire.
    _check(f"{hire.label}：申請で交付", cert.issue in ("none", "application"))
    _check(f"{hire.label}：届出と交付申請書は一緒", tick == application)
    reasons = tuple(_reason_text(r) for r in cert.reasons)
    note = _(hire.note) if hire.note else ""
    copay = _(COPAY_PRINTED)
    lines: list[str] = [note] if note else []
    if "over_75" in a.notes:
        short = _("当組合の加入者にはなりません（後期高齢者医療制度）")
        lines.append(_("当組合の資格取得届・被扶養者異動届の対象ではありません。"))
    elif tick:
        # i18n: between the names of reasons (職権交付事由①・②)
        marks = _("・").join(_mark(r) for r in cert.reasons)
        short = _("「発行が必要」にチェック＋交付申請書（申請理由：{marks}）").format(marks=marks)
        lines.append(_("資格確認書発行要否欄：「発行が必要」にチェックします。"))
        lines.append(
            _("「{form}」も提出します。申請理由：{reasons}").format(
                form=E_(APPLICATION.label), reasons=_("、").join(reasons)
            )
        )
    else:
        short = _("「発行が必要」にはチェックしません")
        lines.append(
            _(
                "資格確認書発行要否欄：「発行が必要」にはチェックしません"
                "（交付事由にあたらず、それ以外の理由による交付は行われません）。"
            )
        )
    if cert.copay_ratio_printed:
        # i18n: {sentence} is a sentence without its full stop
        lines.append(_("{sentence}。").format(sentence=copay))
        short = _("{first}。{second}").format(first=short, second=copay)
    if hire.example:  # the checklist names what this kind adds, not its example's reason
        short = note or (copay if cert.copay_ratio_printed else "")
    answers = [a, *(_answer(more, on) for more in hire.also)]
    for x in answers:
        lines += [line for line in _other_lines(x) if line not in lines]
    asks = tuple(
        dict.fromkeys(
            _("{reason}。当組合へお問い合わせください。").format(reason=CONTACT_REASONS[c]())
            for x in answers
            for c in x.contact_reasons
        )
    )
    refs = tuple(
        REFERENCE_TEXTS[code]()
        for code in dict.fromkeys(c for x in answers for c in x.references)
        if code in _HIRE_REFERENCES
    )
    return HireView(
        hire,
        _(hire.label),
        _(hire.example) if hire.example else "",
        _(hire.source),
        tick,
        application,
        reasons,
        short,
        tuple(lines),
        refs,
        asks,
    )


def _other_lines(a: Assessment) -> list[str]:
    lines = []
    notices = {d.how for d in a.receive if d.document == Document.ELIGIBILITY_NOTICE}
    if "on_joining" in notices:
        lines.append(
            _("マイナ保険証をお持ちの方には、新規加入時に「資格情報のお知らせ」が交付されます。")
        )
    if "on_copay_change" in notices:
        lines.append(
            _(
                "マイナ保険証をお持ちの70歳以上の方には、負担割合の変更時にも"
                "「資格情報のお知らせ」が交付されます。"
            )
        )
    if a.register:
        # i18n: between the names of registration routes
        routes = _("・").join(E_(ROUTES[r].label) for r in a.register)
        lines.append(
            _("マイナ保険証の利用登録の方法も案内できます（{routes}）。").format(routes=routes)
        )
    return lines


_HIRE_REFERENCES = ("shorter_validity", "later_elderly")


def _mark(r: Reason) -> str:
    return REASONS[r].name


def views(on: dt.date) -> list[HireView]:
    day = on
    return [view(h, day) for h in HIRES]


# ----------------------------------------------------------------------------- 申請 and 職権
def check_application_and_ex_officio(on: dt.date) -> None:
    """P2 for every 職権 reason: a new member applies on the form; a member already enrolled
    gets the card without applying. The sentence of :func:`new_hires_html` says exactly this."""
    for r, term in REASONS.items():
        if term.kind != "ex_officio":
            continue
        hire = next(
            h
            for h in HIRES
            if h.group == "card" and r in _answer(h.facts, on).eligibility_certificate.reasons
        )
        new = _answer(hire.facts, on)
        enrolled = assess(dict(hire.facts), on)
        _check(
            f"新しく加入する方は{_mark(r)}でも届出と交付申請書",
            new.eligibility_certificate.issue == "application"
            and Form.ISSUE_NEEDED_ON_ENROLMENT in new.submit
            and Form.CERTIFICATE_APPLICATION in new.submit,
        )
        _check(
            f"すでに加入している方は{_mark(r)}なら申請なしで職権交付",
            enrolled.eligibility_certificate.issue == "ex_officio" and not enrolled.submit,
        )


# ----------------------------------------------------------------------------- blocks
def forms_reference() -> Reference:
    source = OUTSIDE_SOURCES[FORMS_SOURCE]
    if source.url != FORMS_PAGE:
        raise ClaimError("the forms page and the association's recorded source differ")
    return Reference(
        _(
            "申請書・届出の様式は、当組合ウェブサイトの「各種申請・手続き」のページでご確認ください。"
        ),
        ((E_(source.title), source.url),),
    )


def forms_link_html() -> str:
    return render("reference.html.j2", ref=forms_reference())


def open_questions() -> tuple[str, ...]:
    """What a clerk needs and the leaflet does not say (each: ask the association)."""
    return (
        _("様式のどの欄に何を書くか（欄の名前や、交付申請書の申請理由の選択肢の並び）"),
        _(
            "資格確認書交付申請書のほかに添付する書類"
            "（本人確認書類やマイナンバーカードの状態を示す書類など）があるか"
        ),
        _(
            "{abolition}以降に新しく加入した方の資格確認書と「資格情報のお知らせ」が、"
            "事業所経由で届くのか、本人に直接届くのか"
        ).format(abolition=wareki(ABOLITION_DAY)),
        _("資格確認書が届くまでの間に受診するとき、何を提示するか"),
    )


def _obtained() -> tuple[str, ...]:
    row = next(r for r in COMPARISON if r.document == Document.ELIGIBILITY_CERTIFICATE)
    return tuple(E_(x) for x in row.how_obtained)


def new_hires_html(on: dt.date) -> str:
    """The kinds of new hire, what to tick and hand in, and why (employers.md)."""
    check_application_and_ex_officio(on)
    kinds = {
        kind: [t for t in REASONS.values() if t.kind == kind]
        for kind in ("application", "ex_officio")
    }
    ranges = {
        kind: E_(REASON_KIND_LABELS[kind])
        + (
            f"{ts[0].number}{ts[-1].number}"
            if len(ts) == 2
            else _("{start}〜{end}").format(start=ts[0].number, end=ts[-1].number)
        )
        for kind, ts in kinds.items()
    }
    new_members, enrolled = _obtained()
    return render(
        "hires.html.j2",
        views=views(on),
        application=E_(APPLICATION.label),
        ranges=ranges,
        example=_("{name}「{label}」").format(
            name=_mark(Reason.NO_CARD), label=E_(REASONS[Reason.NO_CARD].label)
        ),
        certificate=E_(SECTION_TITLES[Section.CERTIFICATE]),
        new_members=new_members,
        enrolled=enrolled,
    )


def open_questions_html() -> str:
    """What the leaflet leaves open for the clerk, and whom to ask."""
    return render(
        "hire_questions.html.j2",
        questions=open_questions(),
        association=ASSOCIATION_CONTACT,
        association_name=E_(ASSOCIATION_CONTACT.name),
    )


def checklist_html(on: dt.date) -> str:
    check_application_and_ex_officio(on)
    all_views = views(on)
    groups = [
        (key, _(legend), [v for v in all_views if v.hire.group == key])
        for key, legend in GROUP_LEGENDS.items()
    ]
    return render(
        "checklist.html.j2",
        groups=groups,
        tick=E_(TICK.label),
        application=E_(APPLICATION.label),
        routes=_("・").join(E_(r.label) for r in ROUTES.values()),
        open_questions=open_questions(),
        association_name=E_(ASSOCIATION_CONTACT.name),
        forms=forms_reference(),
    )
