"""Japanese texts that word an answer: short, plain, phone-sized, the first step first.

Only the answer is read here (:func:`explain` takes an :class:`Assessment`, never the facts):
every decision is the rules' (spec/domain.md P14). Each code an answer can carry has its
sentence in :mod:`kenpo_wizard.phrases`; 「参考」 carries its public source (P8, P10); where the leaflet
is silent the text says so. The result reads in one order (:data:`READING_ORDER`), the same
on the command line and in the browser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass

from .assessment import Assessment, Change, Delivery, Return, Status
from .contact import FORMS_PAGE
from .i18n import KEPT_NAMES, _, quoted, sep_alternatives, sep_list
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
    Reason,
)
from .phrases import (
    ASK_NAMES,
    ASK_TEXTS,
    CONTACT_REASONS,
    NOTE_TEXTS,
    REFERENCE_TEXTS,
    ROUTED_NOTES,
    UNKNOWN_TEXTS,
    Reference,
    ask_association,
    contact_text,
)
from .wareki import days_phrase, wareki, wareki_month

# The decisions this module carries out, not the rules: only the dates the member gave (P15),
# plain first (P16). Held against spec/domain.md by tests/engine/test_registry.py.
DECISIONS = ("P15", "P16")


@dataclass(frozen=True)
class Part:
    """One section of a result: a key (for styles and tests), a heading and its lines."""

    key: str
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    code: str
    headline: str  # one plain sentence for the day asked (P16, v3 A7)
    first_step: str  # what to do first (the 「すること」 of 「次にすること」)
    parts: tuple[Part, ...]
    todo: tuple[
        tuple[str, str], ...
    ] = ()  # 「次にすること」 as (label, text): what, who, when, ask
    references: tuple[Reference, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()

    def part(self, key: str) -> tuple[str, ...]:
        return next((p.items for p in self.parts if p.key == key), ())


# The one reading order of a result (CLI and browser): plain sentence (the headline), then
# 「次にすること」, then what to show, hand in and receive, then why, then whom to ask (P16).
READING_ORDER = (
    "todo",
    "show",
    "submit",
    "return",
    "receive",
    "register",
    "contact",
    "unknowns",
    "dates",
    "next",
    "notes",
    "reasons",
    "refs",
    "ask",
)


# A translation keeps the Japanese name beside a term, 'Eligibility Certificate (資格確認書)':
# the word on the card and at the counter (spec/translation.md). Once an answer has given it,
# later lines drop it, or an English answer runs past a phone's first screen; what to show
# keeps it on each document. Japanese text has no such brackets, so it is left as it is.
_GLOSS = re.compile(
    r" \((?:" + "|".join(re.escape(n) for n in sorted(KEPT_NAMES, key=len, reverse=True)) + r")\)"
)
GLOSSED_ALWAYS = ("show",)


def _gloss_once(text: str, seen: set[str]) -> str:
    """``text`` without the bracketed Japanese terms already in ``seen`` (which it extends)."""

    def once(m: re.Match[str]) -> str:
        if m.group(0) in seen:
            return ""
        seen.add(m.group(0))
        return m.group(0)

    return _GLOSS.sub(once, text)


def doc_label(d: Document) -> str:
    return _(DOCUMENTS[d].label)


def alternative_label(alt: tuple[Document, ...]) -> str:
    return _("と").join(quoted(doc_label(d)) for d in alt)


def form_label(x: Form) -> str:
    return quoted(_(FORMS[x].label))


def direct(a: Assessment) -> bool:
    """No 事業所 between the member and the association (任意継続, P4, v3 A4)."""
    return "employer" not in a.ask and "association" in a.ask


def explain(a: Assessment, inexact: Collection[str] = ()) -> Explanation:
    """Word the answer. ``inexact`` names the facts given only as a range (a pre-built page's
    band): a day taken from them is not the member's, so it is worded in general terms (P15)."""
    vague = _vague_days(a, inexact)
    headline, todo = _head(a, vague)
    lists: dict[str, list[str]] = {
        "todo": [],  # below, once the Japanese terms are glossed once
        # a list item names its document without quotes; two shown together keep theirs
        "show": [
            doc_label(alt[0]) if len(alt) == 1 else alternative_label(alt)
            for alt in a.show_at_clinic
        ],
        "submit": [_submit_text(a, x) for x in a.submit],
        "receive": [_delivery_text(d) for d in a.receive],
        "return": [_return_text(a, r, vague) for r in a.returns],
        "register": [
            _("{number} {route}").format(number=ROUTES[r].detail, route=_(ROUTES[r].label))
            for r in a.register
        ],
        "contact": [contact_text(c, direct(a)) for c in a.contact_reasons],
        "unknowns": [_unknown_text(a, u) for u in a.unknowns],
        "dates": _dates(a),
        "next": [
            change_text(a, a.next_change, vague=vague)
            if a.next_change
            else _("リーフレットに書かれた日付で、この結果が変わる予定はありません。")
        ],
        "reasons": [
            # plain words first, the leaflet's term in brackets (P16)
            _("{label}（{kind}{number}）").format(
                kind=_(REASON_KIND_LABELS[REASONS[r].kind]),
                number=REASONS[r].number,
                label=_(REASONS[r].label),
            )
            for r in a.eligibility_certificate.reasons
        ],
        "notes": [_note_text(a, n) for n in a.notes if NOTE_TEXTS[n] is not None],
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
    first_step = todo[0][1]
    glossed: set[str] = set()
    headline = _gloss_once(headline, glossed)
    todo = [(label, _gloss_once(text, glossed)) for label, text in todo]
    # i18n: a line of 「次にすること」: what, who, when or whom to ask, then its text
    lists["todo"] = [_("{label}：{text}").format(label=label, text=text) for label, text in todo]
    for key in READING_ORDER:
        if key not in GLOSSED_ALWAYS and key != "todo":
            lists[key] = [_gloss_once(t, glossed) for t in lists[key]]
    parts = tuple(
        Part(key, _part_title(key, len(lists[key])), tuple(lists[key]))
        for key in READING_ORDER
        if lists[key]
    )
    return Explanation(
        code=str(a.to_dict()["result_code"]),
        headline=headline,
        first_step=first_step,
        parts=parts,
        todo=tuple(todo),
        references=references,
        sources=tuple((str(s), _(SECTION_TITLES[s])) for s in a.sources),
    )


def _unknown_text(a: Assessment, code: str) -> str:
    if code == "joined_on" and direct(a):  # 任意継続: nobody at a 勤務先 to ask (A4)
        return UNKNOWN_TEXTS["joined_on_direct"]()
    return UNKNOWN_TEXTS[code]()


def _note_text(a: Assessment, code: str) -> str:
    text = NOTE_TEXTS[code]
    assert text is not None
    if code in ROUTED_NOTES:
        return text() + ask_association(direct(a))
    return text()


def _part_title(key: str, count: int) -> str:
    if key == "show":
        return (
            _("受診のときに見せるもの（どれか1つ）") if count > 1 else _("受診のときに見せるもの")
        )
    return {
        "todo": _("次にすること"),
        "submit": _("提出するもの"),
        "receive": _("届くもの（届いたもの）"),
        "return": _("返却するもの"),
        "register": _("マイナ保険証の利用登録"),
        "contact": _("当組合へのお問い合わせが必要なこと"),
        "unknowns": _("確かめてほしいこと"),
        "dates": _("日付"),
        "next": _("次に変わること"),
        "reasons": _("資格確認書が交付される理由"),
        "notes": _("ご注意"),
        "refs": _("参考（リーフレット以外の情報）"),
        "ask": _("お問い合わせ先"),
    }[key]


def _vague_days(a: Assessment, inexact: Collection[str]) -> frozenset[dt.date]:
    """The member's own days that stand for a range here: never shown as dates (P15)."""
    days: set[dt.date] = set()
    for r in a.returns:
        if r.from_day is not None and "eligibility_lost_on" in inexact:
            days.add(r.from_day)
    c = a.next_change
    if c is not None and (
        (c.kind == "coverage_ends" and "eligibility_lost_on" in inexact)
        or (c.kind == "coverage_starts" and "joined_on" in inexact)
    ):
        days.add(c.day)
    return frozenset(days)


# ----------------------------------------------------------------------------- head
Todo = list[tuple[str, str]]


def _todo(what: str, who: str, when: str, ask: str) -> Todo:
    return [(_("すること"), what), (_("する人"), who), (_("いつ"), when), (_("相談先"), ask)]


def _ask_name(a: Assessment) -> str:
    first = ASK_NAMES[a.ask[0]]() if a.ask else ""
    return _("{who}（下の「お問い合わせ先」）").format(who=first)


def _joiner_forms(a: Assessment) -> bool:
    return Form.ISSUE_NEEDED_ON_ENROLMENT in a.submit


def _hand_in_to(a: Assessment) -> str:
    if direct(a):
        return _("ご本人（当組合へ提出）")
    if _joiner_forms(a):
        return _("ご本人が勤務先の事務担当者に申し出て、事業所が当組合へ届け出ます")
    return _("ご本人（勤務先の事務担当者へ提出）")


def _returns_when(a: Assessment, vague: frozenset[dt.date]) -> str:
    """The 「いつ」 of a return: from the 資格喪失日 (A5); the website's 5 days are for the
    事業所担当者 (P10), so not for 任意継続 (A4)."""
    day = next((r.from_day for r in a.returns if r.from_day is not None), None)
    five = not direct(a)
    if day is None:
        return (
            _("後期高齢者医療制度に加入した日（資格喪失日）から5日以内（5日は参考）")
            if five
            else _("後期高齢者医療制度に加入した日（資格喪失日）から")
        )
    if day in vague:
        return _("資格喪失日から5日以内（5日は参考）") if five else _("資格喪失日から")
    text = (
        _("{day}（資格喪失日）から5日以内（5日は参考）") if five else _("{day}（資格喪失日）から")
    )
    return text.format(day=wareki(day))


def _head(a: Assessment, vague: frozenset[dt.date]) -> tuple[str, Todo]:
    """The plain sentence and 「次にすること」 (what, who, by when, whom to ask) (P16)."""
    step = a.first_step
    best = alternative_label(a.show_at_clinic[0]) if a.show_at_clinic else ""
    ask = _ask_name(a)
    if step == "later_elderly":
        return _no_longer_covered(
            a,
            vague,
            _("75歳以上の方は当組合の加入者ではありません"),
            _("後期高齢者医療制度の資格で受診します。"),
            _("当組合の{docs}を返却します（お持ちの場合）。"),
            _("後期高齢者医療制度に加入した日から"),
        )
    if step == "after_loss":
        return _no_longer_covered(
            a,
            vague,
            _("この日は資格喪失後のため、当組合の書類では受診できません"),
            _("新しく加入した医療保険の資格で受診し、医療機関には保険者が変わったことを伝えます。"),
            _("当組合の{docs}を返却します。"),
            _("資格喪失日から"),
        )
    if step == "before_joining":
        starts = a.next_change.day if a.next_change else None
        when = (
            _("加入日（{day}）から受診できます").format(day=wareki(starts))
            if starts is not None and starts not in vague
            else _("加入日から受診できます")
        )
        if a.submit:
            return (
                _("この日はまだ加入前です。加入の手続きで資格確認書を申し出てください"),
                _todo(
                    _("加入の手続きで、下の「提出するもの」を出します。"),
                    _hand_in_to(a),
                    _("加入の手続きのとき。") + when,
                    ask,
                ),
            )
        return (
            _("この日はまだ加入前です"),
            _todo(_("加入日をお待ちください。"), _("ご本人"), when, ask),
        )
    if step in ("show", "submit_then_show"):
        if step == "show":
            return (
                _("受診のときは{doc}を提示します").format(doc=best),
                _todo(
                    _("医療機関の窓口で{doc}を提示します。").format(doc=best),
                    _("受診する方"),
                    _("受診のたびに"),
                    ask,
                ),
            )
        # a helper's card beside the マイナ保険証 (申請②) is the member's choice to apply for
        optional = a.eligibility_certificate.reasons == (Reason.ASSISTED_VISIT,)
        to = _("当組合") if direct(a) else _("勤務先の事務担当者")
        if optional:
            headline = _("受診のときは{doc}を提示します。資格確認書の申請もできます")
            what = _(
                "医療機関の窓口で{doc}を提示します。資格確認書を申請する場合は、"
                "下の「提出するもの」を{to}に出します。"
            )
        else:
            headline = _("受診のときは{doc}を提示します。資格確認書の申請も必要です")
            what = _(
                "医療機関の窓口で{doc}を提示します。あわせて、下の「提出するもの」を{to}に出します。"
            )
        return (
            headline.format(doc=best),
            _todo(what.format(doc=best, to=to), _("受診する方"), _("受診のたびに"), ask),
        )
    if step == "check":
        return (
            _("お答えいただいた内容だけでは決まりません"),
            _todo(
                _("下の「確かめてほしいこと」を確かめて、もう一度お答えください。"),
                _("ご本人"),
                _("受診の前に"),
                ask,
            ),
        )
    if step == "submit":
        if _joiner_forms(a):
            headline = _("資格確認書が届くまでに、まず加入の手続きで申し出が必要です")
            what = _(
                "加入の届出で資格確認書を「発行が必要」とし、交付申請書も出します（まだの場合）。"
                "資格確認書が届いたら、受診のときに提示します。"
            )
            when = _("加入の手続きのとき（まだなら、すぐに）")
        elif Form.CERTIFICATE_APPLICATION in a.submit:
            headline = _("受診の前に、資格確認書の交付申請が必要です")
            what = _("「資格確認書交付申請書」を出します。届いたら、受診のときに提示します。")
            when = _("受診の前に（リーフレットに期限はありません）")
        else:
            headline = _("受診の前に、「資格情報のお知らせ」の再交付申請が必要です")
            what = _(
                "「資格情報のお知らせ 再交付申請書」を出します。"
                "再交付されたお知らせを、マイナ保険証と一緒に提示します。"
            )
            when = _("受診の前に（リーフレットに期限はありません）")
        return headline, _todo(what, _hand_in_to(a), when, ask)
    if step == "wait":
        return (
            _("資格確認書は申請しなくても交付されます。届いたら受診のときに提示します"),
            _todo(
                _("資格確認書が届くのを待ちます（申請は不要です）。"),
                _("当組合が交付します"),
                _certificate_when(a),
                ask,
            ),
        )
    if step == "wait_notice":
        return (
            _("「資格情報のお知らせ」が届くと、マイナ保険証で受診できます"),
            _todo(
                _(
                    "「資格情報のお知らせ」が届くのを待ちます。届く前でも、マイナポータルで"
                    "当組合の資格情報が確認できれば、マイナ保険証で受診できます。"
                ),
                _("当組合が交付します"),
                _("届く時期はリーフレットに記載がありません"),
                ask,
            ),
        )
    return (
        _("このケースは当組合へのお問い合わせが必要です"),
        _todo(
            _("下の「当組合へのお問い合わせが必要なこと」を伝えて、当組合に問い合わせます。"),
            _("ご本人"),
            _("受診の前に"),
            ask,
        ),
    )


def _no_longer_covered(
    a: Assessment,
    vague: frozenset[dt.date],
    headline: str,
    then: str,
    give_back: str,
    since: str,
) -> tuple[str, Todo]:
    """75 and over, or after 資格喪失: return what is due (A2, A5), then see a doctor elsewhere."""
    returns = sep_list().join(quoted(doc_label(r.document)) for r in a.returns)
    what = give_back.format(docs=returns) + then if returns else then
    when = _returns_when(a, vague) if returns else since
    return headline, _todo(what, _("ご本人"), when, _ask_name(a))


def _certificate_when(a: Assessment) -> str:
    d = next((d for d in a.receive if d.document == Document.ELIGIBILITY_CERTIFICATE), None)
    if d is not None and d.when:
        month = wareki_month(_month_start(d.when))
        if d.past:
            return _("リーフレットでは{month}に配付の予定でした").format(month=month)
        return _("{month}に配付の予定です").format(month=month)
    return _("届く時期はリーフレットに記載がありません")


# ----------------------------------------------------------------------------- lists
def _submit_text(a: Assessment, x: Form) -> str:
    if x == Form.ISSUE_NEEDED_ON_ENROLMENT:
        # plain words first, the form's own name in brackets (P16)
        text = _(
            "加入の届出で資格確認書を「発行が必要」とし、発行の理由を伝えます（{form}）"
        ).format(form=_(FORMS[x].label))
    else:
        text = _("{form}（{detail}）").format(form=form_label(x), detail=_(FORMS[x].detail))
    if _joiner_forms(a) and x != Form.NOTICE_REISSUE:
        text += _("：加入の手続きでまだの場合")
    return text


def _delivery_text(d: Delivery) -> str:
    label = doc_label(d.document)
    if d.document == Document.ELIGIBILITY_CERTIFICATE:
        if d.how == "application":
            return _(
                "「{label}」：申請による交付（上の「提出するもの」を出したあとに届きます）"
            ).format(label=label)
        if d.when:
            month = wareki_month(_month_start(d.when))
            if d.via_employer:
                when = (
                    _("リーフレットでは{month}に勤務先（事業所）経由で配付の予定でした")
                    if d.past
                    else _("{month}に勤務先（事業所）経由で配付の予定です")
                )
            else:
                when = (
                    _("リーフレットでは{month}に配付の予定でした")
                    if d.past
                    else _("{month}に配付の予定です")
                )
            when = when.format(month=month)
        else:
            when = _("交付の時期はリーフレットに記載がありません")
        return _("「{label}」：申請しなくても交付されます（職権交付）。{when}").format(
            label=label, when=when
        )
    if d.how == "sent" and d.when and len(d.when) == 10:
        if d.via_employer:
            sentence = (
                _("「{label}」：{day}に勤務先（事業所）経由で送付されました")
                if d.past
                else _("「{label}」：{day}に勤務先（事業所）経由で送付されます")
            )
        else:
            sentence = (
                _("「{label}」：{day}に送付されました")
                if d.past
                else _("「{label}」：{day}に送付されます")
            )
        return sentence.format(label=label, day=wareki(_day(d.when)))
    if d.how == "sent" and d.when:
        if d.via_employer:
            sentence = (
                _("「{label}」：リーフレットでは{month}に勤務先（事業所）経由で配付の予定でした")
                if d.past
                else _("「{label}」：{month}に勤務先（事業所）経由で配付の予定です")
            )
        else:
            sentence = (
                _("「{label}」：リーフレットでは{month}に配付の予定でした")
                if d.past
                else _("「{label}」：{month}に配付の予定です")
            )
        return sentence.format(label=label, month=wareki_month(_month_start(d.when)))
    if d.how == "on_joining":
        return _("「{label}」：加入時に交付されます").format(label=label)
    return _("「{label}」：70歳以上で負担割合が変わるときにも交付されます").format(label=label)


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _month_start(iso_month: str) -> dt.date:
    return dt.date.fromisoformat(iso_month[:7] + "-01")


def _return_text(a: Assessment, r: Return, vague: frozenset[dt.date]) -> str:
    """What, from when (the 資格喪失日, v3 A5), to whom (A4); the 5 days are the association's
    website's (参考, P10), the day before it the card still works."""
    doc = doc_label(r.document)
    to = _("当組合") if r.to == "association" else _("勤務先の事務担当者")
    if r.from_day is None:
        when = _("後期高齢者医療制度に加入した日（資格喪失日）以降")
    elif r.from_day in vague:
        when = _("資格喪失日以降（資格喪失日の前日までは使えます）")
    else:
        when = _("{day}（資格喪失日）以降（{before}までは使えます）").format(
            day=wareki(r.from_day), before=wareki(r.from_day - dt.timedelta(days=1))
        )
    within = "" if r.to == "association" else _("、5日以内に")
    text = _("「{doc}」を{when}{within}{to}へ返却").format(doc=doc, when=when, within=within, to=to)
    if r.if_held:
        text = _("お持ちの場合：") + text
    return text


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


def change_text(
    a: Assessment, c: Change, left: str | None = None, vague: Collection[dt.date] = ()
) -> str:
    """What changes on ``c.day``. ``left`` goes in the brackets after the day: how far it is
    from the assessed day (あと3日) unless given (a calendar gives the 西暦 there). A day in
    ``vague`` stands for a range of the member's answers: it is named, not dated (P15)."""
    if c.day in vague:
        if c.kind == "coverage_starts":
            return _("加入日から、当組合の書類で受診できます。")
        return _("資格喪失日からは、当組合の書類では受診できません。")
    day = wareki(c.day)
    left = days_phrase(a.on, c.day) if left is None else left
    before = sep_alternatives().join(alternative_label(x) for x in a.show_at_clinic)
    after = sep_alternatives().join(alternative_label(x) for x in c.show_at_clinic)
    if c.kind == "coverage_starts":
        return _("{day}（{left}）の加入日から、当組合の書類で受診できます。").format(
            day=day, left=left
        )
    if c.kind == "coverage_ends":
        return _("{day}（{left}）の資格喪失日からは、当組合の書類では受診できません。").format(
            day=day, left=left
        )
    if c.kind == "certificate_validity_ends":
        return _(
            "資格確認書の有効期限は最長で{valid}です。その後の更新などはリーフレットに記載がありません。"
            "マイナ保険証の利用登録をおすすめします（マイナンバーカードをお持ちでない方は取得のうえ登録）。"
            "{day}（{left}）からの受診については、当組合へお問い合わせください。"
        ).format(valid=wareki(CERTIFICATE_VALID_UNTIL), day=day, left=left)
    if c.kind == "show_changes" and after:
        return _(
            "{day}（{left}）から、受診のときに使う書類が変わります：{before} → {after}"
        ).format(day=day, left=left, before=before or _("なし"), after=after)
    if c.kind == "show_changes":
        then = (
            _("それまでに、上の「提出するもの」を出してください。")
            if a.submit
            else _("その後の受診については、当組合へお問い合わせください。")
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
