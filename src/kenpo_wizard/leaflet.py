"""The leaflet's facts as data, each once, each with the section it comes from.

Source: 千葉県医業健康保険組合「健康保険証は令和6年12月2日以降、新規発行・再発行ともに
終了となります」. Section keys follow ``spec/domain.md``. Everything else in the
package (rules, texts, site tables, the timeline) reads these values; no other module
writes a date or a document name of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .i18n import N_

ASSOCIATION = N_("千葉県医業健康保険組合")
LEAFLET_TITLE = N_("健康保険証は令和6年12月2日以降、新規発行・再発行ともに終了となります")


class Section(StrEnum):
    INTRO = "intro"
    ABOLITION = "1-1"
    SWITCH = "1-2"
    CERTIFICATE = "2-1"
    NOTICE = "2-2"
    TABLE = "table"
    SCHEDULE = "schedule"
    BACK = "back"


SECTION_TITLES: dict[Section, str] = {
    Section.INTRO: N_("はじめに（保険証の新規発行・再発行の終了）"),
    Section.ABOLITION: N_("１．(1) 保険証廃止に伴う経過措置期間について"),
    Section.SWITCH: N_("１．(2) マイナ保険証への切り替えについて"),
    Section.CERTIFICATE: N_("２．(1)「資格確認書」の交付について"),
    Section.NOTICE: N_("２．(2)「資格情報のお知らせ」の交付について"),
    Section.TABLE: N_("マイナ保険証・資格確認書・資格情報のお知らせとの比較"),
    Section.SCHEDULE: N_("保険証廃止に向けたスケジュール"),
    Section.BACK: N_("誤登録再発防止策と利用登録状況"),
}


@dataclass(frozen=True)
class Milestone:
    """A dated fact from the leaflet. ``until`` marks a range; ``month_only`` a plan for a month."""

    key: str
    day: dt.date
    label: str
    sections: tuple[Section, ...]
    as_written: str
    until: dt.date | None = None
    month_only: bool = False
    planned: bool = False


# --- dates that change the rules (named, never literals in logic) -----------------------
ABOLITION_DAY = dt.date(2024, 12, 2)  # 令和6年12月2日（月）: no 保険証 issued from this day (R1)
TRANSITION_LAST_DAY = dt.date(2025, 12, 1)  # 令和7年12月1日: last day a 保険証 works (R2)
TRANSITION_OVER = TRANSITION_LAST_DAY + dt.timedelta(days=1)  # 令和7年12月2日以降 使用不可 (R3)
CERTIFICATE_VALID_UNTIL = dt.date(2029, 12, 1)  # 令和11年12月1日: 資格確認書の有効期限 (R20)
CERTIFICATE_EXPIRED_FROM = CERTIFICATE_VALID_UNTIL + dt.timedelta(days=1)

# The days on which some answer can change, for sweeps and "what changes next".
RULE_BOUNDARIES: tuple[dt.date, ...] = (ABOLITION_DAY, TRANSITION_OVER, CERTIFICATE_EXPIRED_FROM)

# --- dates that describe deliveries (they do not change who shows what) -----------------
FIRST_NOTICE_ROSTER_DAY = dt.date(2024, 10, 5)  # 令和6年10月5日現在の加入者 (R34)
FIRST_NOTICE_SENT = dt.date(2024, 10, 28)  # 10月28日 事業所経由で送付済み (R34)
SECOND_NOTICE_FIRST_DAY = dt.date(2024, 10, 6)  # 令和6年10月6日〜12月1日 新規登録分 (R33)
SECOND_NOTICE_LAST_DAY = dt.date(2024, 12, 1)
SECOND_NOTICE_MONTH = dt.date(2024, 12, 1)  # 令和6年12月 事業所経由で配付予定 (R33)
# The month after that batch: an お知らせ of R33 not in hand by then is overdue (v3 A3).
SECOND_NOTICE_DUE = dt.date(2025, 1, 1)
EX_OFFICIO_MONTH = dt.date(2025, 11, 1)  # 令和7年11月予定 職権交付 (R25)
REGISTRATION_RATE_DAY = dt.date(2024, 9, 30)  # 令和6年9月末現在 (R12)
REGISTRATION_RATE_PERCENT = "65.8"

MY_NUMBER_CARD_YEARS = 10  # マイナンバーカードの有効期限（１０年） (R10)
CERTIFICATE_OF_CARD_YEARS = 5  # 電子証明書の有効期限（５年） (R10)

MILESTONES: tuple[Milestone, ...] = (
    Milestone(
        "registration_rate",
        REGISTRATION_RATE_DAY,
        N_("当組合加入者の保険証利用登録の割合 65.8％（令和6年9月末現在）"),
        (Section.BACK,),
        N_("令和6年9月末現在"),
        month_only=True,
    ),
    Milestone(
        "first_notice_roster",
        FIRST_NOTICE_ROSTER_DAY,
        N_(
            "この日現在の加入者が「資格情報のお知らせ」の送付対象（10月28日に事業所経由で送付済み）"
        ),
        (Section.SCHEDULE,),
        N_("令和6年10月5日現在の加入者"),
    ),
    Milestone(
        "first_notice_sent",
        FIRST_NOTICE_SENT,
        N_("「資格情報のお知らせ」を事業所経由で送付（令和6年10月5日現在の加入者分）"),
        (Section.SCHEDULE, Section.TABLE),
        N_("10月28日事業所経由で送付済み"),
    ),
    Milestone(
        "second_notice_window",
        SECOND_NOTICE_FIRST_DAY,
        N_(
            "この期間の新規登録加入者には、令和6年12月に事業所経由で「資格情報のお知らせ」を配付する予定でした"
        ),
        (Section.NOTICE, Section.SCHEDULE),
        N_("令和6年10月6日以降12月1日まで"),
        until=SECOND_NOTICE_LAST_DAY,
    ),
    Milestone(
        "abolition",
        ABOLITION_DAY,
        N_("保険証の新規発行・再発行の終了。経過措置が始まり、資格確認書の交付が始まる"),
        (Section.INTRO, Section.ABOLITION, Section.CERTIFICATE, Section.SCHEDULE),
        N_("令和６年１２月２日（月）"),
    ),
    Milestone(
        "second_notice_delivery",
        SECOND_NOTICE_MONTH,
        N_(
            "令和6年10月6日〜12月1日の新規登録加入者分の「資格情報のお知らせ」を事業所経由で配付する予定でした"
        ),
        (Section.NOTICE, Section.SCHEDULE),
        N_("令和6年12月"),
        month_only=True,
        planned=True,
    ),
    Milestone(
        "ex_officio_delivery",
        EX_OFFICIO_MONTH,
        N_(
            "保険証をお持ちで①マイナンバーカードを保有していない方、②保有しているが"
            "保険証利用登録をしていない方に、資格確認書を職権交付で事業所経由で配付する予定でした"
        ),
        (Section.SCHEDULE,),
        N_("令和7年11月予定"),
        month_only=True,
        planned=True,
    ),
    Milestone(
        "transition_last_day",
        TRANSITION_LAST_DAY,
        N_("経過措置の終了日：お手元の保険証が使えるのはこの日まで"),
        (Section.ABOLITION,),
        N_("令和７年１２月１日"),
    ),
    Milestone(
        "transition_over",
        TRANSITION_OVER,
        N_("保険証は使用不可"),
        (Section.SCHEDULE,),
        N_("Ｒ7.12.2 以降"),
    ),
    Milestone(
        "certificate_valid_until",
        CERTIFICATE_VALID_UNTIL,
        N_("資格確認書の有効期限（一部、短期有効期限の発行者あり）"),
        (Section.CERTIFICATE, Section.TABLE),
        N_("令和11年12月1日"),
    ),
)
MILESTONE_BY_KEY: dict[str, Milestone] = {m.key: m for m in MILESTONES}


# --- documents, reasons, forms, routes --------------------------------------------------
@dataclass(frozen=True)
class Term:
    key: str
    label: str
    sections: tuple[Section, ...]
    detail: str = ""


class Document(StrEnum):
    MY_NUMBER_INSURANCE_CARD = "my_number_insurance_card"
    ELIGIBILITY_CERTIFICATE = "eligibility_certificate"
    ELIGIBILITY_NOTICE = "eligibility_notice"
    MYNAPORTAL_SCREEN = "mynaportal_eligibility_screen"
    HEALTH_INSURANCE_CARD = "health_insurance_card"


DOCUMENTS: dict[Document, Term] = {
    Document.MY_NUMBER_INSURANCE_CARD: Term(
        "my_number_insurance_card",
        N_("マイナ保険証"),
        (Section.INTRO, Section.TABLE),
        N_("健康保険証の利用登録をしたマイナンバーカード"),
    ),
    Document.ELIGIBILITY_CERTIFICATE: Term(
        "eligibility_certificate",
        N_("資格確認書"),
        (Section.CERTIFICATE, Section.TABLE),
        N_("保険証に代えて交付されるプラスチックカード"),
    ),
    Document.ELIGIBILITY_NOTICE: Term(
        "eligibility_notice",
        N_("資格情報のお知らせ"),
        (Section.NOTICE, Section.TABLE),
        N_("A4の用紙（カードサイズに切り離して使う）"),
    ),
    Document.MYNAPORTAL_SCREEN: Term(
        "mynaportal_eligibility_screen",
        N_("マイナポータルの「医療保険の資格情報画面」"),
        (Section.NOTICE, Section.TABLE),
        N_("資格情報のお知らせの代わりに使える画面"),
    ),
    Document.HEALTH_INSURANCE_CARD: Term(
        "health_insurance_card",
        N_("保険証"),
        (Section.INTRO, Section.ABOLITION),
        N_("これまでの健康保険証（令和7年12月1日まで使用可）"),
    ),
}


class Reason(StrEnum):
    CARD_LOST_OR_RENEWING = "card_lost_or_renewing"
    ASSISTED_VISIT = "assisted_visit"
    NO_CARD = "no_card"
    NOT_REGISTERED = "not_registered"
    REGISTRATION_CANCELLED = "registration_cancelled"
    CERTIFICATE_EXPIRED = "certificate_expired"
    CARD_RETURNED = "card_returned"


@dataclass(frozen=True)
class ReasonTerm:
    reason: Reason
    kind: str  # "application" (申請交付事由) or "ex_officio" (職権交付事由)
    number: str  # ① … as the leaflet numbers it
    label: str

    @property
    def name(self) -> str:
        """The leaflet's name for it, as printed on the form: 職権交付事由② (Japanese)."""
        return f"{REASON_KIND_LABELS[self.kind]}{self.number}"


REASONS: dict[Reason, ReasonTerm] = {
    r.reason: r
    for r in (
        ReasonTerm(
            Reason.CARD_LOST_OR_RENEWING,
            "application",
            "①",
            N_("マイナンバーカードを紛失した・更新中の者"),
        ),
        ReasonTerm(
            Reason.ASSISTED_VISIT,
            "application",
            "②",
            N_(
                "ベビーシッターや介助者等の第三者が要配慮者（マイナ保険証での受診が困難な高齢者や"
                "障害者をいう）等に同行して資格確認を補助する必要がある者"
            ),
        ),
        ReasonTerm(Reason.NO_CARD, "ex_officio", "①", N_("マイナンバーカードを取得していない者")),
        ReasonTerm(
            Reason.NOT_REGISTERED,
            "ex_officio",
            "②",
            N_("マイナンバーカードを保有しているが保険証利用登録をしていない者"),
        ),
        ReasonTerm(
            Reason.REGISTRATION_CANCELLED,
            "ex_officio",
            "③",
            N_("マイナ保険証の利用登録解除を申請した者（登録解除者）"),
        ),
        ReasonTerm(
            Reason.CERTIFICATE_EXPIRED,
            "ex_officio",
            "④",
            N_("マイナンバーカードの電子証明書の有効期限が切れた者"),
        ),
        ReasonTerm(Reason.CARD_RETURNED, "ex_officio", "⑤", N_("マイナンバーカードの返納者")),
    )
}
REASON_KIND_LABELS = {"application": N_("申請交付事由"), "ex_officio": N_("職権交付事由")}


class Form(StrEnum):
    CERTIFICATE_APPLICATION = "eligibility_certificate_application"
    ISSUE_NEEDED_ON_ENROLMENT = "issue_needed_on_enrollment_form"
    NOTICE_REISSUE = "notice_reissue_application"


FORMS: dict[Form, Term] = {
    Form.CERTIFICATE_APPLICATION: Term(
        "eligibility_certificate_application",
        N_("資格確認書交付申請書"),
        (Section.CERTIFICATE,),
        N_("申請理由を必ず選択記入して提出します"),
    ),
    Form.ISSUE_NEEDED_ON_ENROLMENT: Term(
        "issue_needed_on_enrollment_form",
        N_("資格取得届・被扶養者異動届の資格確認書発行要否欄『発行が必要』"),
        (Section.CERTIFICATE,),
        N_("勤務先の事務担当者へ発行理由を伝えます"),
    ),
    Form.NOTICE_REISSUE: Term(
        "notice_reissue_application",
        N_("資格情報のお知らせ 再交付申請書"),
        (Section.NOTICE,),
        N_("マイナポータルの「医療保険の資格情報画面」を参照できる場合は申請不要"),
    ),
}


class Route(StrEnum):
    MYNAPORTAL = "mynaportal"
    CLINIC_CARD_READER = "clinic_card_reader"
    SEVEN_BANK_ATM = "seven_bank_atm"
    MUNICIPAL_OFFICE = "municipal_office"


ROUTES: dict[Route, Term] = {
    Route.MYNAPORTAL: Term("mynaportal", N_("マイナポータル"), (Section.SWITCH,), "①"),
    Route.CLINIC_CARD_READER: Term(
        "clinic_card_reader", N_("医療機関窓口のカードリーダー"), (Section.SWITCH,), "②"
    ),
    Route.SEVEN_BANK_ATM: Term("seven_bank_atm", N_("セブン銀行のＡＴＭ"), (Section.SWITCH,), "③"),
    Route.MUNICIPAL_OFFICE: Term("municipal_office", N_("市区町村の窓口"), (Section.SWITCH,), "④"),
}
MHLW_REGISTRATION_URL = "https://www.mhlw.go.jp/stf/newpage_08277.html"
MHLW_REGISTRATION_TITLE = N_("マイナンバーカードの保険証利用について")


# --- the comparison table (table), one row per document -----------------------------------
@dataclass(frozen=True)
class ComparisonRow:
    document: Document
    shape: str  # 形状
    how_obtained: tuple[str, ...]  # 取得方法
    purpose: str  # 使用目的
    how_used: tuple[str, ...]  # 使用方法
    validity_and_return: tuple[str, ...]  # 有効期限・返却等


COMPARISON: tuple[ComparisonRow, ...] = (
    ComparisonRow(
        Document.MY_NUMBER_INSURANCE_CARD,
        N_("マイナンバーカード"),
        (N_("マイナンバーカード取得後、保険証の利用登録を行う"),),
        N_("カードリーダーが設置されている医療機関等を受診するとき"),
        (N_("医療機関等に設置されているカードリーダーで読み取り"),),
        (
            N_("① マイナンバーカードの有効期限（１０年）"),
            N_("② 電子証明書の有効期限（５年）"),
        ),
    ),
    ComparisonRow(
        Document.ELIGIBILITY_CERTIFICATE,
        N_("プラスチックカード"),
        (
            N_("新規加入者は資格取得届等提出時に発行の要否を申し出る"),
            N_("既加入者でマイナ保険証をお持ちでない方やマイナ保険証未登録の方に職権交付"),
        ),
        N_("マイナ保険証をお持ちでない方が医療機関等を受診するとき"),
        (N_("医療機関等に提示"),),
        (
            N_("資格喪失日が有効期限内のものは回収、返却必要"),
            N_("有効期限：Ｒ11.12.1（一部短期有効期限あり）"),
        ),
    ),
    ComparisonRow(
        Document.ELIGIBILITY_NOTICE,
        N_("Ａ４（カードサイズに切り離す）"),
        (
            N_("新規加入時に交付（R6.12.2 以降）"),
            N_("既加入者には R6.10月に交付済み（一部は令和6年12月以降に交付予定）"),
            N_("マイナポータルの「医療保険の資格情報画面」でも代用可能"),
        ),
        N_(
            "カードリーダーが使用できない医療機関等を受診するとき（機器やICチップの不具合等を含む）"
        ),
        (
            N_("マイナ保険証と資格情報のお知らせの両方を医療機関等に提示"),
            N_("資格情報のお知らせのみでは受診不可"),
        ),
        (N_("回収、返却不要"),),
    ),
)
