"""Japanese texts that word an answer: short, plain, phone-sized, the first step first.

Only the answer is read here (:func:`explain` takes an :class:`Assessment`, never the facts):
every decision is the rules' (spec/domain.md P14). Each code an answer can carry has its
sentence in :mod:`kenpo_wizard.phrases`; 「参考」 carries its public source (P8, P10); where the leaflet
is silent the text says so. The result reads in one order (:data:`READING_ORDER`), the same
on the command line and in the browser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .assessment import Assessment, Change, Delivery, Status
from .contact import FORMS_PAGE
from .i18n import _, quoted, sep_alternatives, sep_list
from .leaflet import (
    CERTIFICATE_VALID_UNTIL,
    DOCUMENTS,
    FORMS,
    REASON_KIND_LABELS,
    REASONS,
    ROUTES,
    SECTION_TITLES,
    Document,
    Form,
)
from .phrases import (
    ASK_TEXTS,
    CONTACT_REASONS,
    NOTE_TEXTS,
    REFERENCE_TEXTS,
    UNKNOWN_TEXTS,
    Reference,
    contact_text,
)
from .wareki import days_phrase, wareki, wareki_month


@dataclass(frozen=True)
class Part:
    """One section of a result: a key (for styles and tests), a heading and its lines."""

    key: str
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    code: str
    headline: str
    first_step: str
    parts: tuple[Part, ...]
    references: tuple[Reference, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()

    def part(self, key: str) -> tuple[str, ...]:
        return next((p.items for p in self.parts if p.key == key), ())


# The one reading order of a result (CLI and browser): what to do, then why, then whom to ask.
READING_ORDER = (
    "show",
    "submit",
    "receive",
    "return",
    "register",
    "contact",
    "unknowns",
    "dates",
    "next",
    "reasons",
    "notes",
    "refs",
    "ask",
)


def doc_label(d: Document) -> str:
    return _(DOCUMENTS[d].label)


def alternative_label(alt: tuple[Document, ...]) -> str:
    return _("と").join(quoted(doc_label(d)) for d in alt)


def form_label(x: Form) -> str:
    return quoted(_(FORMS[x].label))


def explain(a: Assessment) -> Explanation:
    headline, first = _head(a)
    lists: dict[str, list[str]] = {
        "show": [alternative_label(alt) for alt in a.show_at_clinic],
        "submit": [
            _("{form}（{detail}）").format(form=form_label(x), detail=_(FORMS[x].detail))
            for x in a.submit
        ],
        "receive": [_delivery_text(d) for d in a.receive],
        "return": [_return_text(r.document) for r in a.returns],
        "register": [
            _("{number} {route}").format(number=ROUTES[r].detail, route=_(ROUTES[r].label))
            for r in a.register
        ],
        "contact": [contact_text(c) for c in a.contact_reasons],
        "unknowns": [UNKNOWN_TEXTS[u]() for u in a.unknowns],
        "dates": _dates(a),
        "next": [
            change_text(a, a.next_change)
            if a.next_change
            else _("リーフレットに書かれた日付で、この結果が変わる予定はありません。")
        ],
        "reasons": [
            _("{kind}{number} {label}").format(
                kind=_(REASON_KIND_LABELS[REASONS[r].kind]),
                number=REASONS[r].number,
                label=_(REASONS[r].label),
            )
            for r in a.eligibility_certificate.reasons
        ],
        "notes": [text() for text in (NOTE_TEXTS[n] for n in a.notes) if text is not None],
        "ask": [ASK_TEXTS[w]() for w in a.ask],
    }
    references = tuple(REFERENCE_TEXTS[r]() for r in a.references)
    lists["refs"] = [r.plain() for r in references]
    if a.eligibility_certificate.copay_ratio_printed:
        lists["receive"].append(
            _(
                "70〜74歳の方（高齢受給者）の資格確認書には負担割合が表示されます（高齢受給者証は発行されません）"
            )
        )
    if a.submit:
        lists["ask"].append(
            _("申請書の様式：当組合ウェブサイト「各種申請・手続き」（参考） {url}").format(
                url=FORMS_PAGE
            )
        )
    if a.register:
        lists["register"].insert(
            0,
            _(
                "マイナンバーカードを保険証として使うには「保険証利用登録」が必要です。次のどれかで登録できます。"
            ),
        )
    parts = tuple(
        Part(key, _part_title(key, len(lists[key])), tuple(lists[key]))
        for key in READING_ORDER
        if lists[key]
    )
    return Explanation(
        code=str(a.to_dict()["result_code"]),
        headline=headline,
        first_step=first,
        parts=parts,
        references=references,
        sources=tuple((str(s), _(SECTION_TITLES[s])) for s in a.sources),
    )


def _part_title(key: str, count: int) -> str:
    if key == "show":
        return (
            _("受診のときに見せるもの（どれか1つ）") if count > 1 else _("受診のときに見せるもの")
        )
    return {
        "submit": _("提出するもの"),
        "receive": _("届くもの（届いたもの）"),
        "return": _("返却するもの"),
        "register": _("マイナ保険証の利用登録"),
        "contact": _("当組合へのお問い合わせが必要なこと"),
        "unknowns": _("確かめてほしいこと"),
        "dates": _("日付"),
        "next": _("次に変わること"),
        "reasons": _("資格確認書の交付事由"),
        "notes": _("ご注意"),
        "refs": _("参考（リーフレット以外の情報）"),
        "ask": _("お問い合わせ先"),
    }[key]


# ----------------------------------------------------------------------------- head
def _head(a: Assessment) -> tuple[str, str]:
    step = a.first_step
    best = alternative_label(a.show_at_clinic[0]) if a.show_at_clinic else ""
    if step == "later_elderly":
        return (
            _("75歳以上の方は当組合の加入者ではありません"),
            _(
                "後期高齢者医療制度の書類について、お住まいの市区町村にお問い合わせください（参考）。"
            ),
        )
    if step == "after_loss":
        first = _(
            "受診には、新しく加入した医療保険の資格を使い、医療機関には保険者が変わったことを伝えてください（参考）。"
        )
        if a.returns:
            first = _("まず、下の「返却するもの」を返してください。") + first
        return _("この日は資格喪失後のため、当組合の書類では受診できません"), first
    if step == "before_joining":
        first = _("加入日から、当組合の書類で受診できます（下の「次に変わること」）。")
        if a.submit:
            first = (
                _("加入の手続きで、下の「提出するもの」を勤務先の事務担当者に出してください。")
                + first
            )
        return _("この日はまだ加入前です"), first
    if step in ("show", "submit_then_show"):
        first = _("医療機関の窓口で{doc}を提示してください。").format(doc=best)
        if step == "submit_then_show":
            first = _("まず、下の「提出するもの」を出してください。") + first
        return _("受診のときは{doc}を提示します").format(doc=best), first
    if step == "check":
        return (
            _("お答えいただいた内容だけでは決まりません"),
            _("下の「確かめてほしいこと」を確認して、もう一度お試しください。"),
        )
    if step == "submit":
        then = (
            _("資格確認書が届いたら、受診のときに提示します。")
            if Form.CERTIFICATE_APPLICATION in a.submit
            else _("再交付された「資格情報のお知らせ」を、マイナ保険証と一緒に提示します。")
        )
        return (
            _("受診の前に手続きが必要です"),
            _(
                "まず、下の「提出するもの」を出してください（提出先は勤務先の事務担当者にご確認ください）。"
            )
            + then,
        )
    if step == "wait":
        return (
            _("資格確認書が職権で交付されます（申請は不要です）"),
            _(
                "資格確認書が届いたら、受診のときに提示してください。届くまでに受診するときは、"
                "勤務先の事務担当者を通じて当組合へお問い合わせください。"
            ),
        )
    return (
        _("当組合へのお問い合わせが必要です"),
        _(
            "このケースはリーフレットだけでは決まりません。勤務先の事務担当者を通じて当組合へお問い合わせください"
            "（下の「当組合へのお問い合わせが必要なこと」をお伝えください）。"
        ),
    )


# ----------------------------------------------------------------------------- lists
def _delivery_text(d: Delivery) -> str:
    label = doc_label(d.document)
    if d.document == Document.ELIGIBILITY_CERTIFICATE:
        if d.how == "application":
            return _(
                "「{label}」：申請による交付（上の「提出するもの」を出したあとに届きます）"
            ).format(label=label)
        if d.when:
            month = wareki_month(_month_start(d.when))
            when = (
                _("リーフレットでは{month}に勤務先（事業所）経由で配付の予定でした")
                if d.past
                else _("{month}に勤務先（事業所）経由で配付の予定です")
            ).format(month=month)
        else:
            when = _("交付の時期はリーフレットに記載がありません")
        return _("「{label}」：職権交付（申請は不要です）。{when}").format(label=label, when=when)
    if d.how == "sent" and d.when and len(d.when) == 10:
        sentence = (
            _("「{label}」：{day}に勤務先（事業所）経由で送付されました")
            if d.past
            else _("「{label}」：{day}に勤務先（事業所）経由で送付されます")
        )
        return sentence.format(label=label, day=wareki(_day(d.when)))
    if d.how == "sent" and d.when:
        sentence = (
            _("「{label}」：リーフレットでは{month}に勤務先（事業所）経由で配付の予定でした")
            if d.past
            else _("「{label}」：{month}に勤務先（事業所）経由で配付の予定です")
        )
        return sentence.format(label=label, month=wareki_month(_month_start(d.when)))
    if d.how == "on_joining":
        return _("「{label}」：加入時に交付されます").format(label=label)
    return _("「{label}」：70歳以上で負担割合が変わるときにも交付されます").format(label=label)


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _month_start(iso_month: str) -> dt.date:
    return dt.date.fromisoformat(iso_month[:7] + "-01")


def _return_text(d: Document) -> str:
    if d == Document.HEALTH_INSURANCE_CARD:
        return _("「{doc}」を勤務先へ返却").format(doc=doc_label(d))
    # The leaflet names the 勤務先 for the 保険証 only (R4); the 参考 below names the 事業所担当者.
    return _(
        "「{doc}」を返却（返却先はリーフレットに明記がないため、勤務先の事務担当者にお尋ねください）"
    ).format(doc=doc_label(d))


def _dates(a: Assessment) -> list[str]:
    out: list[str] = []
    for h in a.documents:
        if h.document == Document.HEALTH_INSURANCE_CARD and h.status == Status.USABLE:
            assert h.until is not None
            out.append(
                _("保険証は{day}まで使えます（{left}）").format(
                    day=wareki(h.until), left=days_phrase(a.on, h.until)
                )
            )
        if h.document == Document.ELIGIBILITY_CERTIFICATE and h.status == Status.USABLE:
            assert h.until is not None
            out.append(
                _(
                    "資格確認書の有効期限は最長で{day}です（{left}）。お手元のカードに印字された有効期限をご確認ください"
                ).format(day=wareki(h.until), left=days_phrase(a.on, h.until))
            )
        if h.document == Document.ELIGIBILITY_CERTIFICATE and h.status in (
            Status.ARRIVING,
            Status.TO_APPLY,
        ):
            out.append(
                _("交付される資格確認書の有効期限は最長で{day}です").format(
                    day=wareki(CERTIFICATE_VALID_UNTIL)
                )
            )
    return out


def change_text(a: Assessment, c: Change, left: str | None = None) -> str:
    """What changes on ``c.day``. ``left`` goes in the brackets after the day: how far it is
    from the assessed day (あと3日) unless given (a calendar gives the 西暦 there)."""
    day = wareki(c.day)
    left = days_phrase(a.on, c.day) if left is None else left
    before = sep_alternatives().join(alternative_label(x) for x in a.show_at_clinic)
    after = sep_alternatives().join(alternative_label(x) for x in c.show_at_clinic)
    if c.kind == "coverage_starts":
        return _("{day}（{left}）の加入日から、当組合の書類で受診できます。").format(
            day=day, left=left
        )
    if c.kind == "coverage_ends":
        return _("{day}（{left}）からは資格喪失のため、当組合の書類では受診できません。").format(
            day=day, left=left
        )
    if c.kind == "certificate_validity_ends":
        return _(
            "資格確認書の有効期限は最長で{valid}です。その後の更新などはリーフレットに記載がありません。"
            "マイナ保険証の利用登録をおすすめします（マイナンバーカードをお持ちでない方は取得のうえ登録）。"
            "{day}（{left}）からの受診については、勤務先の事務担当者を通じて当組合へお問い合わせください。"
        ).format(valid=wareki(CERTIFICATE_VALID_UNTIL), day=day, left=left)
    if c.kind == "show_changes" and after:
        return _(
            "{day}（{left}）から、受診のときに使う書類が変わります：{before} → {after}"
        ).format(day=day, left=left, before=before or _("なし"), after=after)
    if c.kind == "show_changes":
        then = (
            _("それまでに、上の「提出するもの」を出してください。")
            if a.submit
            else _(
                "その後の受診については、勤務先の事務担当者を通じて当組合へお問い合わせください。"
            )
        )
        return (
            _("{day}（{left}）から、{before}は使えなくなります。").format(
                day=day, left=left, before=before
            )
            + then
        )
    if c.kind == "contact_needed":
        why = sep_list().join(CONTACT_REASONS[x]() for x in c.contact_reasons)
        return _("{day}（{left}）からは、当組合へのお問い合わせが必要になります（{why}）。").format(
            day=day, left=left, why=why
        )
    if c.kind == "submit_changes":
        forms = sep_list().join(form_label(x) for x in c.submit) or _("なし")
        return _("{day}（{left}）から、提出するものが変わります：{forms}").format(
            day=day, left=left, forms=forms
        )
    return _("{day}（{left}）から、返却するものや登録の案内が変わります。").format(
        day=day, left=left
    )


__all__ = [
    "READING_ORDER",
    "Explanation",
    "Part",
    "Reference",
    "alternative_label",
    "change_text",
    "doc_label",
    "explain",
]
