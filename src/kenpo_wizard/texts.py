"""Japanese texts that explain an answer: short, plain, phone-sized, what to do first.

Only this layer turns codes into sentences. Every sentence about a rule comes from the
leaflet (its section is named); facts from elsewhere are 「参考」 with a public source
(domain.md P8); where the leaflet is silent the text says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .assessment import Assessment, Phase
from .facts import Facts
from .i18n import _
from .leaflet import (
    CERTIFICATE_VALID_UNTIL,
    DOCUMENTS,
    FORMS,
    MHLW_REGISTRATION_TITLE,
    MHLW_REGISTRATION_URL,
    REASON_KIND_LABELS,
    REASONS,
    ROUTES,
    SECOND_NOTICE_MONTH,
    SECTION_TITLES,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
    Form,
)
from .rules import NextChange, next_change
from .wareki import wareki, wareki_month

# P8: the national temporary measure (MHLW notices of 2025-06-27 and 2025-11-12), 参考 only.
TEMPORARY_MEASURE = (dt.date(2025, 12, 2), dt.date(2026, 3, 31))


@dataclass(frozen=True)
class Reference:
    """A fact from outside the leaflet (P8), always shown as 「参考」 with its source."""

    text: str
    source: str
    url: str | None = None


@dataclass(frozen=True)
class Explanation:
    code: str
    headline: str
    first_step: str
    show: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    receive: list[str] = field(default_factory=list)
    submit: list[str] = field(default_factory=list)
    returns: list[str] = field(default_factory=list)
    register: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    contact: list[str] = field(default_factory=list)
    unknowns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    next_change: str | None = None
    sources: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        out = dict(self.__dict__)
        out["references"] = [r.__dict__ for r in self.references]
        out["sources"] = [{"key": k, "title": t} for k, t in self.sources]
        return out


def doc_label(d: Document) -> str:
    return _(DOCUMENTS[d].label)


def alternative_label(alt: tuple[Document, ...]) -> str:
    return _("と").join(f"「{doc_label(d)}」" for d in alt)


def days_phrase(on: dt.date, day: dt.date) -> str:
    n = (day - on).days
    if n > 0:
        return _("あと{n}日").format(n=n)
    if n == 0:
        return _("今日")
    return _("{n}日前").format(n=-n)


def explain(a: Assessment, f: Facts) -> Explanation:
    ec = a.eligibility_certificate
    show = [alternative_label(alt) for alt in a.show_at_clinic]
    headline, first = _headline(a, f)

    receive: list[str] = []
    for d in a.receive:
        label = doc_label(d.document)
        if d.document == Document.ELIGIBILITY_CERTIFICATE:
            how = _("職権交付（申請は不要です）") if d.how == "ex_officio" else _("申請による交付")
            when = ""
            if d.when:
                year, month = (int(x) for x in d.when.split("-")[:2])
                month_start = dt.date(year, month, 1)
                when = (
                    _("{month}に勤務先（事業所）経由で配付予定")
                    if a.on < month_start
                    else _("リーフレットでは{month}に勤務先（事業所）経由で配付の予定でした")
                ).format(month=wareki_month(month_start))
            receive.append(f"「{label}」：{how}" + (f"。{when}" if when else ""))
        elif d.how == "sent" and d.when and len(d.when) == 10:
            sent = dt.date.fromisoformat(d.when)
            sentence = (
                _("「{label}」：{day}に勤務先（事業所）経由で送付済みです")
                if a.on >= sent
                else _("「{label}」：{day}に勤務先（事業所）経由で送付されます")
            )
            receive.append(sentence.format(label=label, day=wareki(sent)))
        elif d.how == "sent":
            receive.append(
                _("「{label}」：{month}に勤務先（事業所）経由で配付の予定です").format(
                    label=label, month=wareki_month(SECOND_NOTICE_MONTH)
                )
            )
        elif d.how == "on_joining":
            receive.append(_("「{label}」：加入時に交付されます").format(label=label))
        elif d.how == "on_copay_change":
            receive.append(
                _("「{label}」：70歳以上で負担割合が変わるときにも交付されます").format(label=label)
            )

    submit = [f"「{_(FORMS[x].label)}」（{_(FORMS[x].detail)}）" for x in a.submit]
    lost = f.eligibility_lost_on
    after_loss = (
        _("（資格喪失日 {day} の後）").format(day=wareki(lost))
        if lost is not None and a.on < lost
        else ""
    )
    returns = [
        # The leaflet names the 勤務先 for the 保険証 only (R4); for the 資格確認書 it names none.
        (
            _("「{doc}」を勤務先へ返却")
            if r.document == Document.HEALTH_INSURANCE_CARD
            else _(
                "「{doc}」を返却（返却先はリーフレットに明記がないため、勤務先の事務担当者にお尋ねください）"
            )
        ).format(doc=doc_label(r.document))
        + after_loss
        for r in a.returns
    ]
    register = [f"{_(ROUTES[r].detail)} {_(ROUTES[r].label)}" for r in a.register]

    dates: list[str] = []
    keeps_card = f.health_insurance_card != "none" and not f.joined_after_abolition
    if a.phase != Phase.AFTER_TRANSITION and keeps_card:
        dates.append(
            _("保険証は{day}まで使えます（{left}）").format(
                day=wareki(TRANSITION_LAST_DAY), left=days_phrase(a.on, TRANSITION_LAST_DAY)
            )
        )
    if ec.issue != "none":
        dates.append(
            _(
                "資格確認書の有効期限は{day}です（{left}）。お手元のカードに印字された日付もご確認ください"
            ).format(
                day=wareki(CERTIFICATE_VALID_UNTIL),
                left=days_phrase(a.on, CERTIFICATE_VALID_UNTIL),
            )
        )
    reasons = [
        f"{_(REASON_KIND_LABELS[REASONS[r].kind])}{REASONS[r].number} {_(REASONS[r].label)}"
        for r in ec.reasons
    ]
    if ec.copay_ratio_printed:
        receive.append(
            _(
                "70〜74歳の方（高齢受給者）の資格確認書には負担割合が表示されます（高齢受給者証は発行されません）"
            )
        )

    contact = [_contact_text(c) for c in a.contact_reasons]
    unknowns = [_unknown_text(u) for u in a.unknowns]
    notes = [t for t in (_note_text(n) for n in a.notes) if t]
    refs = _references(a, f)
    change = next_change(f, a.on)
    return Explanation(
        code=str(a.to_dict()["result_code"]),
        headline=headline,
        first_step=first,
        show=show,
        reasons=reasons,
        receive=receive,
        submit=submit,
        returns=returns,
        register=register,
        dates=dates,
        contact=contact,
        unknowns=unknowns,
        notes=notes,
        references=refs,
        next_change=_change_text(change, a) if change else None,
        sources=[(str(s), _(SECTION_TITLES[s])) for s in a.sources],
    )


def _headline(a: Assessment, f: Facts) -> tuple[str, str]:
    if "over_75" in a.notes:
        return (
            _("75歳以上の方は当組合の加入者ではありません"),
            _(
                "後期高齢者医療制度の被保険者証などについて、お住まいの市区町村にお問い合わせください（参考）"
            ),
        )
    if "not_yet_joined" in a.notes:
        first = _("加入前のため、この日に当組合の書類では受診できません。")
        if a.submit:
            first += _("加入の手続きで次の書類を提出してください。")
        return _("この日はまだ加入前です"), first
    if "eligibility_lost" in a.notes:
        return (
            _("この日は資格喪失後のため、当組合の書類では受診できません"),
            _("下の「返却するもの」をご確認ください。")
            if a.returns
            else _("返却するものはありません。"),
        )
    if a.show_at_clinic:
        best = alternative_label(a.show_at_clinic[0])
        headline = _("受診のときは{doc}を提示します").format(doc=best)
        first = _("医療機関の窓口で{doc}を提示してください。").format(doc=best)
        if any(x != Form.NOTICE_REISSUE for x in a.submit):
            first = _("まず、次の書類を提出してください。") + first
        return headline, first
    if a.unknowns:
        return (
            _("お答えいただいた内容だけでは決まりません"),
            _("下の「確かめてほしいこと」を確認して、もう一度お試しください。"),
        )
    if a.submit:
        return (
            _("受診の前に手続きが必要です"),
            _("次の書類を提出してください。"),
        )
    return (
        _("リーフレットだけでは決まらないケースです"),
        _("勤務先の事務担当者を通じて、当組合へお問い合わせください。"),
    )


def _contact_text(code: str) -> str:
    silent = _(
        "リーフレットには記載がありません。勤務先の事務担当者を通じて当組合へお問い合わせください。"
    )
    reason = _contact_reason(code)
    if code == "assisted_child":
        return reason + "。" + _("勤務先の事務担当者を通じて当組合へお問い合わせください。")
    return f"{reason}：{silent}"


def _contact_reason(code: str) -> str:
    return {
        "no_employer": _("任意継続の方など勤務先（事業所）を通さない方の受け取り方"),
        "assisted_child": _(
            "子どもに同行するベビーシッター等の場合：申請交付事由②で申請できますが、交付するかは当組合が判断します"
        ),
        "health_card_lost": _("経過措置期間中に保険証を紛失し、マイナ保険証も資格確認書もない場合"),
        "certificate_lost": _("資格確認書の紛失・破損"),
        "certificate_and_registered": _("資格確認書をお持ちの方がマイナ保険証を登録した後の扱い"),
        "certificate_renewal": _("{day}の有効期限が過ぎた後の資格確認書の更新").format(
            day=wareki(CERTIFICATE_VALID_UNTIL)
        ),
        "certificate_not_received": _("資格確認書が届いていない場合"),
        "notice_not_received": _("資格情報のお知らせが届いていない場合"),
        "nothing_to_show": _("提示できる書類がない場合"),
    }.get(code, code)


def _unknown_text(code: str) -> str:
    return {
        "insurance_use": _(
            "保険証利用登録が済んでいるか：マイナポータルで確認するか、医療機関のカードリーダーで確認できます。"
            "登録していなければ、資格確認書が職権で交付されます（職権交付事由②）。"
        ),
        "mynumber_card": _(
            "マイナンバーカードをお持ちか（取得・紛失・更新中・返納）を確かめてください。"
        ),
    }.get(code, code)


def _note_text(code: str) -> str:
    return {
        "health_card_expired": _(
            "保険証は{last}で使えなくなりました（{over}以降は使用不可）。"
        ).format(last=wareki(TRANSITION_LAST_DAY), over=wareki(TRANSITION_OVER)),
        "certificate_expired_validity": _("資格確認書の有効期限（{day}）が過ぎています。").format(
            day=wareki(CERTIFICATE_VALID_UNTIL)
        ),
        "certificate_return_destination": "",  # said in the return line itself
        "notice_reissue_not_needed": _(
            "マイナポータルの「医療保険の資格情報画面」を見られるので、お知らせの再交付申請は不要です。"
        ),
        "notice_needed_for_reader_trouble": _(
            "カードリーダーが使えない医療機関では、マイナ保険証と一緒に「資格情報のお知らせ」"
            "（またはマイナポータルの資格情報画面）が必要です。お知らせだけでは受診できません。"
        ),
        "reader_backup": _(
            "カードリーダーが使えない医療機関（機器やICチップの不具合を含む）では、マイナ保険証と"
            "「資格情報のお知らせ」（またはマイナポータルの「医療保険の資格情報画面」）の両方を提示します。"
            "お知らせだけでは受診できません。"
        ),
        "notice_on_copay_change": "",
        "reference_certificate_grace": "",
        "over_75": "",
        "not_yet_joined": "",
        "eligibility_lost": _("資格喪失後は、この組合の書類では受診できません。"),
    }.get(code, "")


def _references(a: Assessment, f: Facts) -> list[Reference]:
    refs: list[Reference] = []
    mhlw = _("厚生労働省")
    if "reference_certificate_grace" in a.notes:
        refs.append(
            Reference(
                _(
                    "電子証明書の有効期限が切れても、3か月間はマイナ保険証として使えます。"
                    "電子証明書の更新は市区町村の窓口で行います。"
                ),
                mhlw,
                "https://www.mhlw.go.jp/stf/newpage_50657.html",
            )
        )
    if TEMPORARY_MEASURE[0] <= a.on <= TEMPORARY_MEASURE[1] and a.covered:
        refs.append(
            Reference(
                _(
                    "国の暫定的な取扱いとして、{end}まで、医療機関がオンラインで資格を確認できれば、"
                    "有効期限切れの保険証や「資格情報のお知らせ」のみでも受診できる場合があります。"
                ).format(end=wareki(TEMPORARY_MEASURE[1])),
                _("厚生労働省 事務連絡（令和7年6月27日・令和7年11月12日）"),
            )
        )
    if "over_75" in a.notes:
        refs.append(Reference(_("75歳以上の方は後期高齢者医療制度に加入します。"), mhlw))
    if a.register:
        refs.append(Reference(_(MHLW_REGISTRATION_TITLE), mhlw, MHLW_REGISTRATION_URL))
    return refs


def _change_text(change: NextChange, a: Assessment) -> str:
    day = wareki(change.day)
    if a.covered and not change.assessment.covered:
        return _("{day}（{left}）からは、当組合の書類では受診できません（資格喪失）。").format(
            day=day, left=days_phrase(a.on, change.day)
        )
    before = "／".join(alternative_label(x) for x in a.show_at_clinic) or _("なし")
    after = "／".join(alternative_label(x) for x in change.assessment.show_at_clinic) or _("なし")
    if before != after:
        return _(
            "{day}（{left}）から、受診のときに使える書類が変わります：{before} → {after}"
        ).format(day=day, left=days_phrase(a.on, change.day), before=before, after=after)
    later = change.assessment
    left = days_phrase(a.on, change.day)
    if later.contact_association and not a.contact_association:
        why = "、".join(_contact_reason(c) for c in later.contact_reasons)
        return _("{day}（{left}）からは、当組合へのお問い合わせが必要になります（{why}）。").format(
            day=day, left=left, why=why
        )
    if later.submit != a.submit:
        forms = "、".join(f"「{_(FORMS[x].label)}」" for x in later.submit) or _("なし")
        return _("{day}（{left}）から、提出するものが変わります：{forms}").format(
            day=day, left=left, forms=forms
        )
    return _("{day}（{left}）から、必要な手続きが変わります。").format(day=day, left=left)


__all__ = ["Explanation", "Reference", "alternative_label", "days_phrase", "doc_label", "explain"]
