"""Japanese texts that word an answer: short, plain, phone-sized, the first step first.

Only the answer is read here (:func:`explain` takes an :class:`Assessment`, never the facts):
every decision is the rules' (spec/domain.md P14). Each code an answer can carry has its
sentence in the tables below; 「参考」 carries its public source (P8, P10); where the leaflet
is silent the text says so. The result reads in one order (:data:`READING_ORDER`), the same
on the command line and in the browser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .assessment import Assessment, Change, Delivery, Status
from .contact import ASSOCIATION_CONTACT, EMPLOYER_CLERK, FORMS_PAGE
from .i18n import _
from .leaflet import (
    CERTIFICATE_VALID_UNTIL,
    DOCUMENTS,
    FORMS,
    REASON_KIND_LABELS,
    REASONS,
    ROUTES,
    SECTION_TITLES,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
    Form,
)
from .registry import CERTIFICATE_GRACE_MONTHS, OUTSIDE_SOURCES, TEMPORARY_MEASURE
from .wareki import days_phrase, wareki, wareki_month


@dataclass(frozen=True)
class Reference:
    """A fact from outside the leaflet (P8, P10), always shown as 「参考」 with its sources."""

    text: str
    sources: tuple[tuple[str, str | None], ...]  # (title, url)

    @property
    def source(self) -> str:
        return "／".join(title for title, _url in self.sources)

    def plain(self) -> str:
        """The text with its sources, for a terminal or print (the browser links the URLs)."""
        cited = "／".join(title + (f" {url}" if url else "") for title, url in self.sources)
        return _("{text}（出典：{cited}）").format(text=self.text, cited=cited)


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
    return _("と").join(f"「{doc_label(d)}」" for d in alt)


def form_label(x: Form) -> str:
    return f"「{_(FORMS[x].label)}」"


def explain(a: Assessment) -> Explanation:
    headline, first = _head(a)
    lists: dict[str, list[str]] = {
        "show": [alternative_label(alt) for alt in a.show_at_clinic],
        "submit": [f"{form_label(x)}（{_(FORMS[x].detail)}）" for x in a.submit],
        "receive": [_delivery_text(d) for d in a.receive],
        "return": [_return_text(r.document) for r in a.returns],
        "register": [f"{_(ROUTES[r].detail)} {_(ROUTES[r].label)}" for r in a.register],
        "contact": [_contact_text(c) for c in a.contact_reasons],
        "unknowns": [UNKNOWN_TEXTS[u]() for u in a.unknowns],
        "dates": _dates(a),
        "next": [
            _change_text(a, a.next_change)
            if a.next_change
            else _("リーフレットに書かれた日付で、この結果が変わる予定はありません。")
        ],
        "reasons": [
            f"{_(REASON_KIND_LABELS[REASONS[r].kind])}{REASONS[r].number} {_(REASONS[r].label)}"
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


def _change_text(a: Assessment, c: Change) -> str:
    day, left = wareki(c.day), days_phrase(a.on, c.day)
    before = "／".join(alternative_label(x) for x in a.show_at_clinic)
    after = "／".join(alternative_label(x) for x in c.show_at_clinic)
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
        why = "、".join(CONTACT_REASONS[x]() for x in c.contact_reasons)
        return _("{day}（{left}）からは、当組合へのお問い合わせが必要になります（{why}）。").format(
            day=day, left=left, why=why
        )
    if c.kind == "submit_changes":
        forms = "、".join(form_label(x) for x in c.submit) or _("なし")
        return _("{day}（{left}）から、提出するものが変わります：{forms}").format(
            day=day, left=left, forms=forms
        )
    return _("{day}（{left}）から、返却するものや登録の案内が変わります。").format(
        day=day, left=left
    )


# ----------------------------------------------------------------------------- code tables

CONTACT_REASONS = {
    "no_employer": lambda: _("任意継続の方など勤務先（事業所）を通さない方の受け取り方や手続き"),
    "assisted_child": lambda: _(
        "子どもに同行するベビーシッター等の場合：申請交付事由②で申請できますが、交付するかは当組合が判断します"
    ),
    "health_card_lost": lambda: _(
        "経過措置期間中に保険証を紛失し、マイナ保険証も資格確認書もない場合の受診"
    ),
    "certificate_lost": lambda: _("資格確認書の紛失・破損（再交付）"),
    "certificate_and_registered": lambda: _(
        "資格確認書をお持ちの方がマイナ保険証を登録した後の扱い"
    ),
    "certificate_renewal": lambda: _("{day}の有効期限が過ぎた後の資格確認書の扱い").format(
        day=wareki(CERTIFICATE_VALID_UNTIL)
    ),
    "certificate_not_received": lambda: _("職権交付の資格確認書が届いていない場合"),
    "notice_not_received": lambda: _("資格情報のお知らせが届いていない場合"),
    "nothing_to_show": lambda: _("受診のときに提示できる書類がない場合"),
}


def _contact_text(code: str) -> str:
    reason = CONTACT_REASONS[code]()
    if code == "assisted_child":
        return reason + "。" + _("勤務先の事務担当者を通じて当組合へお問い合わせください。")
    silent = _(
        "リーフレットには記載がありません。勤務先の事務担当者を通じて当組合へお問い合わせください。"
    )
    return f"{reason}：{silent}"


UNKNOWN_TEXTS = {
    "insurance_use": lambda: _(
        "保険証利用登録が済んでいるか：マイナポータルで確認するか、医療機関のカードリーダーで確認できます。"
        "登録していなければ、資格確認書が職権で交付されます（職権交付事由②）。"
    ),
    "mynumber_card": lambda: _(
        "マイナンバーカードをお持ちか（取得・紛失・更新中・返納）を確かめてください。"
    ),
}

# None: the headline already says it.
NOTE_TEXTS: dict[str, Callable[[], str] | None] = {
    "over_75": None,
    "not_yet_joined": None,
    "eligibility_lost": None,
    "health_card_expired": lambda: _(
        "保険証は{last}で使えなくなりました（{over}以降は使用不可）。"
    ).format(last=wareki(TRANSITION_LAST_DAY), over=wareki(TRANSITION_OVER)),
    "certificate_expired_validity": lambda: _(
        "資格確認書の有効期限（{day}）が過ぎています。"
    ).format(day=wareki(CERTIFICATE_VALID_UNTIL)),
    "notice_reissue_not_needed": lambda: _(
        "マイナポータルの「医療保険の資格情報画面」を見られるので、お知らせの再交付申請は不要です。"
    ),
    "notice_needed_for_reader_trouble": lambda: _(
        "カードリーダーが使えない医療機関では、マイナ保険証と一緒に「資格情報のお知らせ」"
        "（またはマイナポータルの資格情報画面）が必要です。お知らせだけでは受診できません。"
    ),
    "reader_backup": lambda: _(
        "カードリーダーが使えない医療機関（機器やICチップの不具合を含む）では、マイナ保険証と"
        "「資格情報のお知らせ」（またはマイナポータルの「医療保険の資格情報画面」）の両方を提示します。"
        "お知らせだけでは受診できません。"
    ),
    "waiting_for_certificate": lambda: _(
        "資格確認書が届くまでの間の受診について、リーフレットには記載がありません。"
        "その間に受診するときは、勤務先の事務担当者を通じて当組合へお問い合わせください。"
    ),
    "new_member_applies": lambda: _(
        "新しく加入する方は、交付事由が職権交付事由にあたる場合も、資格取得届・被扶養者異動届の"
        "資格確認書発行要否欄で「発行が必要」とし、交付申請書に理由を書いて申し出ます。"
    ),
}

ASK_TEXTS = {
    "employer": lambda: _(
        "{clerk}：資格取得届・資格確認書の申請・返却の窓口です。当組合へのお問い合わせも取り次ぎます。"
    ).format(clerk=_(EMPLOYER_CLERK)),
    "association": lambda: _association_line(),
    "new_insurer": lambda: _(
        "新しく加入した医療保険の保険者（勤務先の健康保険組合など）：これからの受診に使う書類について（参考）"
    ),
    "municipality": lambda: _("お住まいの市区町村：後期高齢者医療制度について（参考）"),
}


def _association_line() -> str:
    c = ASSOCIATION_CONTACT
    line = _(c.name)
    if c.website:
        line += _("：ウェブサイト {url}").format(url=c.website)
    if c.phone:
        line += _("　電話 {phone}").format(phone=c.phone)
        if c.hours:
            line += f"（{c.hours}）"
    else:
        line += _("（電話番号と受付時間はウェブサイトでご確認ください）")
    return line


def _sources(*keys: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((_(OUTSIDE_SOURCES[k].title), OUTSIDE_SOURCES[k].url) for k in keys)


def _temporary_measure(ended: bool) -> Reference:
    m = TEMPORARY_MEASURE
    text = (
        _(
            "国の暫定的な取扱いとして、{start}から{end}まで（当初は{first_end}までとされ、延長）、"
            "医療機関がオンラインで資格を確認できれば、有効期限切れの保険証や「資格情報のお知らせ」のみでも"
            "受診できる場合がありました。この取扱いは終了しています。"
        )
        if ended
        else _(
            "国の暫定的な取扱いとして、{start}から{end}まで（当初は{first_end}までとされ、延長）、"
            "医療機関がオンラインで資格を確認できれば、有効期限切れの保険証や「資格情報のお知らせ」のみでも"
            "受診できる場合があります。当組合の取扱いではなく、頼りにできるものではありません。"
        )
    )
    return Reference(
        text.format(start=wareki(m.start), end=wareki(m.end), first_end=wareki(m.first_end)),
        _sources(*m.sources),
    )


REFERENCE_TEXTS = {
    "temporary_measure": lambda: _temporary_measure(ended=False),
    "temporary_measure_ended": lambda: _temporary_measure(ended=True),
    "certificate_grace": lambda: Reference(
        _(
            "電子証明書の有効期限が切れても、切れた月の{n}か月後の月末まではマイナ保険証として使えます。"
            "電子証明書の更新は市区町村の窓口で行います。"
        ).format(n=CERTIFICATE_GRACE_MONTHS),
        _sources("mhlw_certificate_grace"),
    ),
    "card_suspension": lambda: Reference(
        _(
            "紛失したマイナンバーカードは、悪用を防ぐため一時利用停止の手続きをしてください"
            "（マイナンバー総合フリーダイヤル 0120-95-0178。紛失・盗難による一時停止は24時間365日受付）。"
            "再交付はお住まいの市区町村の窓口で申請します。"
        ),
        _sources("jlis_card_suspension"),
    ),
    "shorter_validity": lambda: Reference(
        _(
            "マイナンバーカードの紛失・更新中、または電子証明書の有効期限切れを理由に交付される資格確認書は、"
            "有効期限が{day}より短い場合があります。カードに印字された有効期限をご確認ください。"
        ).format(day=wareki(CERTIFICATE_VALID_UNTIL)),
        _sources("association_website"),
    ),
    "after_loss": lambda: Reference(
        _(
            "資格喪失日は、退職日の翌日、ほかの医療保険に加入した日、または後期高齢者医療制度に加入した日です。"
            "資格喪失後は新しく加入した医療保険で受診し、医療機関には保険者が変わったことを伝えてください。"
        ),
        _sources("association_website"),
    ),
    "return_within_5_days": lambda: Reference(
        _("資格確認書などは、資格喪失後5日以内に事業所のご担当者へ返却してください。"),
        _sources("association_website"),
    ),
    "later_elderly": lambda: Reference(
        _("75歳以上の方は後期高齢者医療制度に加入します。"), _sources("later_elderly")
    ),
    "registration_routes": lambda: Reference(
        _("利用登録の方法は厚生労働省のページでも案内されています（リーフレットに記載のページ）。"),
        _sources("mhlw_registration"),
    ),
}

__all__ = [
    "READING_ORDER",
    "Explanation",
    "Part",
    "Reference",
    "alternative_label",
    "doc_label",
    "explain",
]
