"""The sentence for every code an answer may carry: contact reasons, unknowns, notes, whom to
ask, and the 「参考」 texts with their public sources (P8, P10). Wording only, as data: a
code without its sentence fails the tests, so nothing shows raw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .contact import ASSOCIATION_CONTACT, EMPLOYER_CLERK
from .i18n import _, sep_alternatives
from .leaflet import (
    ABOLITION_DAY,
    CERTIFICATE_VALID_UNTIL,
    FIRST_NOTICE_ROSTER_DAY,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
)
from .registry import CERTIFICATE_GRACE_MONTHS, OUTSIDE_SOURCES, TEMPORARY_MEASURE
from .wareki import wareki


@dataclass(frozen=True)
class Reference:
    """A fact from outside the leaflet (P8, P10), always shown as 「参考」 with its sources."""

    text: str
    sources: tuple[tuple[str, str | None], ...]  # (title, url)

    @property
    def source(self) -> str:
        return sep_alternatives().join(title for title, _url in self.sources)

    def plain(self) -> str:
        """The text with its sources, for a terminal or print (the browser links the URLs)."""
        cited = sep_alternatives().join(
            title + (f" {url}" if url else "") for title, url in self.sources
        )
        return _("{text}（出典：{cited}）").format(text=self.text, cited=cited)


def ask_association(direct: bool) -> str:
    """Whom a member asks: through the employer's clerk, or the association directly when
    there is no 事業所 (任意継続, P4, v3 A4)."""
    if direct:
        return _("当組合へ直接お問い合わせください。")
    return _("勤務先の事務担当者を通じて当組合へお問い合わせください。")


CONTACT_REASONS = {
    "no_employer": lambda: _("任意継続の方の書類の受け取り方や手続き"),
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
    "notice_not_received": lambda: _("送付された「資格情報のお知らせ」が届いていない場合"),
    "nothing_to_show": lambda: _("受診のときに提示できる書類がない場合"),
}


# Cases the leaflet does speak of: the member asks because it is the association's to decide
# or to put right, not because the leaflet is silent.
_NOT_SILENT = ("assisted_child", "notice_not_received", "certificate_not_received")


def contact_text(code: str, direct: bool = False) -> str:
    reason = CONTACT_REASONS[code]()
    if code in _NOT_SILENT:
        return _("{reason}。{ask}").format(reason=reason, ask=ask_association(direct))
    silent = _("リーフレットには記載がありません。")
    return _("{reason}：{silent}").format(reason=reason, silent=silent + ask_association(direct))


UNKNOWN_TEXTS = {
    "insurance_use": lambda: _(
        "保険証利用登録が済んでいるか：マイナポータルで確認するか、医療機関のカードリーダーで確認できます。"
        "登録していなければ、申請しなくても資格確認書が交付されます（職権交付事由②）。"
    ),
    "mynumber_card": lambda: _(
        "マイナンバーカードをお持ちか（取得・紛失・更新中・返納）を確かめてください。"
    ),
    "joined_on": lambda: _(
        "加入した日（資格取得日）：この結果は、{roster}以前から加入している方の答えです。"
        "それより後に加入した方は、資格情報のお知らせが届いた時期が違い、{abolition}以降に加入した方は"
        "加入の届出のときに資格確認書が必要かどうかを申し出ます。加入した日を勤務先の事務担当者に"
        "確かめて、もう一度お答えください。"
    ).format(roster=wareki(FIRST_NOTICE_ROSTER_DAY), abolition=wareki(ABOLITION_DAY)),
    "joined_on_direct": lambda: _(
        "加入した日（資格取得日）：この結果は、{roster}以前から加入している方の答えです。"
        "それより後に加入した方は、資格情報のお知らせが届いた時期が違います。加入した日を当組合に"
        "確かめて、もう一度お答えください。"
    ).format(roster=wareki(FIRST_NOTICE_ROSTER_DAY)),
}

# None: the headline already says it.
NOTE_TEXTS: dict[str, Callable[[], str] | None] = {
    "over_75": None,
    "not_yet_joined": None,
    "eligibility_lost": None,
    "health_card_expired": lambda: _(
        "保険証が使えるのは{last}までです（{over}以降は使えません）。"
    ).format(last=wareki(TRANSITION_LAST_DAY), over=wareki(TRANSITION_OVER)),
    "certificate_expired_validity": lambda: _(
        "資格確認書の有効期限は最長で{day}までのため、この日（基準日）には使えません。"
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
    ),
    "new_member_applies": lambda: _(
        "新しく加入する方は、申請しなくても交付される理由（職権交付事由）にあたる場合も、"
        "加入の届出（資格取得届・被扶養者異動届）で資格確認書を「発行が必要」とし、"
        "交付申請書に理由を書いて申し出ます。"
    ),
    "notice_pending": lambda: _(
        "マイナ保険証で受診できる（オンライン資格確認ができる）のは、「資格情報のお知らせ」が"
        "届いてからです。届く前でも、マイナポータルにログインして当組合の資格情報が確認できれば"
        "受診できます。"
    ),
    "waiting_for_notice": lambda: _(
        "「資格情報のお知らせ」が届くまでの間（マイナポータルでも確認できない間）の受診について、"
        "リーフレットには記載がありません。"
    ),
    "register_after_validity": lambda: _(
        "資格確認書の有効期限（最長で{day}）の後の更新などは、リーフレットに記載がありません。"
        "マイナ保険証で受診できるよう、マイナンバーカードの保険証利用登録をおすすめします"
        "（カードをお持ちでない方は、取得したうえで登録します）。"
    ).format(day=wareki(CERTIFICATE_VALID_UNTIL)),
}
# Notes that end by sending the member to ask: the route follows them (v3 A4).
ROUTED_NOTES = ("waiting_for_certificate", "waiting_for_notice")

ASK_TEXTS = {
    "employer": lambda: _(
        "{clerk}：資格取得届・資格確認書の申請・返却の窓口です。当組合へのお問い合わせも取り次ぎます。"
    ).format(clerk=_(EMPLOYER_CLERK)),
    "association": lambda: _association_line(),
    "new_insurer": lambda: _(
        "新しく加入した医療保険の保険者（勤務先の健康保険組合など）：これからの受診に使う書類について"
    ),
    "municipality": lambda: _("お住まいの市区町村：後期高齢者医療制度について"),
}
# Who each is, in a few words (the 「次にすること」 line names the first of them).
ASK_NAMES = {
    "employer": lambda: _(EMPLOYER_CLERK),
    "association": lambda: _(ASSOCIATION_CONTACT.name),
    "new_insurer": lambda: _("新しく加入した医療保険の保険者"),
    "municipality": lambda: _("お住まいの市区町村"),
}


def _association_line() -> str:
    c = ASSOCIATION_CONTACT
    line = _(c.name)
    # The address stands alone, with a space after it: a link's text is the address only.
    if c.phone:
        line += _("：電話 {phone}").format(phone=c.phone)
        if c.hours:
            line += _("（{hours}）").format(hours=_(c.hours))
    else:
        line += _("：電話番号と受付時間はウェブサイトでご確認ください。")
    if c.website:
        line += _("ウェブサイト：{url} ").format(url=c.website).rstrip()
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
        _(
            "資格喪失日は、退職日の翌日、ほかの医療保険に加入した日、または後期高齢者医療制度に加入した日です。"
            "後期高齢者医療制度については、お住まいの市区町村にお問い合わせください。"
        ),
        _sources("association_website"),
    ),
    "registration_routes": lambda: Reference(
        _("利用登録の方法は厚生労働省のページでも案内されています（リーフレットに記載のページ）。"),
        _sources("mhlw_registration"),
    ),
}
