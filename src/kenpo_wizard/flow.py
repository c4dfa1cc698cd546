"""The question flow, read top to bottom as a member meets it (GOV.UK smart-answers style).

The questions are data: their text, choices, the facts each answer sets, and the next node.
Routing only: where a next node depends on what is known, the rule that picks it lives in
:mod:`kenpo_wizard.rules`. The node types and ``walk`` are in :mod:`kenpo_wizard.nodes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache

from .facts import Facts
from .i18n import N_
from .leaflet import FIRST_NOTICE_ROSTER_DAY, SECOND_NOTICE_FIRST_DAY
from .nodes import (
    UNKNOWN,
    Branch,
    Choice,
    Flow,
    FlowError,
    Node,
    Outcome,
    Question,
    State,
    Step,
    enumerate_paths,
    walk,
)
from .rules import LATER_ELDERLY_AGE, answer_depends_on, answers_can_change, joiner_with_reason

__all__ = [
    "FLOW",
    "UNKNOWN",
    "Branch",
    "Choice",
    "Flow",
    "FlowError",
    "Node",
    "Outcome",
    "Question",
    "State",
    "Step",
    "enumerate_paths",
    "walk",
]


def _documents_after(current: str) -> Branch:
    """The document questions, each asked only when the rules say its answer can change the
    result (:func:`kenpo_wizard.rules.answer_depends_on`): the flow holds no rule of its own.
    A joiner with a 交付事由 is asked whether the 資格確認書 has arrived (v3 A1)."""
    order = ("health_insurance_card", "eligibility_certificate", "eligibility_notice", "result")
    later = order[order.index(current) + 1 :] if current in order else order
    options = tuple(
        x
        for q in later
        for x in ((q, CERTIFICATE_ARRIVED) if q == "eligibility_certificate" else (q,))
    )

    def rule(f: Facts, on: dt.date) -> str:
        for qid in later[:-1]:
            values = tuple(str(c.facts[qid]) for c in _DOCUMENT_CHOICES[qid])
            if answer_depends_on(f, on, qid, values):
                if qid == "eligibility_certificate" and joiner_with_reason(f):
                    return CERTIFICATE_ARRIVED
                return qid
        return later[-1]

    return Branch(f"documents after {current}", options, rule)


def _after_age(f: Facts, on: dt.date) -> str:
    return "over_75" if f.age is not None and f.age >= LATER_ELDERLY_AGE else "leaving"


CERTIFICATE_ARRIVED = "certificate_arrived"
DOCS_START = _documents_after("start")
AFTER_HEALTH_CARD = _documents_after("health_insurance_card")
AFTER_CERTIFICATE = _documents_after("eligibility_certificate")

# The card questions: each is asked only when some answer to it (and to the card questions it
# leads to) changes the result; otherwise the flow goes on to the documents. Someone whose
# answer is fixed already (資格喪失, say) is not asked about cards that cannot change it.
CARD_QUESTIONS = ("mynumber_card", "insurance_use", "certificate", "assisted_visit")


def _ask_if_it_can_change(qid: str) -> Branch:
    def rule(f: Facts, on: dt.date) -> str:
        if answers_can_change(f, on, _card_answers(qid)):
            return qid
        return DOCS_START.rule(f, on)

    return Branch(f"{qid} if it can change the answer", (qid, *DOCS_START.options), rule)


@cache
def _card_answers(qid: str) -> tuple[Mapping[str, object], ...]:
    """Every set of facts the card questions from ``qid`` on can give."""
    question = _BY_ID[qid]
    assert isinstance(question, Question)
    out: list[Mapping[str, object]] = []
    for choice in question.choices:
        nxt = choice.next
        follow = nxt.options[0] if isinstance(nxt, Branch) else nxt
        later = _card_answers(follow) if follow in CARD_QUESTIONS else ({},)
        out.extend({**choice.facts, **more} for more in later)
    return tuple(out)


YES_NO_UNKNOWN_HINT = N_(
    "わからない場合は「わからない」を選んでください。確かめ方を結果に表示します。"
)

QUESTIONS: list[Node] = [
    Question(
        "since",
        "choice",
        N_("この健康保険組合に加入したのはいつですか"),
        hint=N_(
            "勤務先で健康保険に加入した日です。ご家族（被扶養者）の方は、扶養に入った日です。"
            "わからない場合は「わからない」を選んでください。確かめ方を結果に表示します。"
        ),
        choices=(
            Choice(
                "before",
                N_("{day}以前"),
                "member_type",
                day=FIRST_NOTICE_ROSTER_DAY,
            ),
            Choice(
                "later",
                N_("{day}以降（これから加入する場合も）"),
                "joined_on",
                day=SECOND_NOTICE_FIRST_DAY,
            ),
            Choice(UNKNOWN, N_("わからない"), "member_type", facts={"join_date": "unknown"}),
        ),
    ),
    Question(
        "joined_on",
        "date",
        N_("加入日（資格取得日）はいつですか"),
        hint=N_("例：2025-04-01、令和7年4月1日、R7.4.1"),
        band_hint=N_("加入日が当てはまる期間があれば、選ぶだけで進みます。"),
        fact="joined_on",
        next="member_type",
        examples=("2024-11-01", "2025-04-01"),
    ),
    Question(
        "member_type",
        "choice",
        N_("どのように加入していますか"),
        choices=(
            Choice(
                "employee",
                N_("勤務先（事業所）を通じて加入している（ご本人・ご家族）"),
                "age",
                facts={"member_type": "employee"},
            ),
            Choice(
                "voluntary",
                N_("任意継続被保険者として加入している（退職後に継続）"),
                "voluntary",
                hint=N_("勤務先を通さない手続きは、リーフレットに記載がありません。"),
                facts={"member_type": "voluntary"},
            ),
        ),
    ),
    Question(
        "age",
        "number",
        N_("受診する方の年齢を教えてください"),
        hint=N_("受診日・基準日時点の満年齢を数字で入力してください。"),
        band_hint=N_("受診日・基準日時点の満年齢が当てはまるものを選んでください。"),
        fact="age",
        next=Branch("age band", ("over_75", "leaving"), _after_age),
        examples=("10", "40", "72", "80"),
        minimum=0,
        maximum=130,
    ),
    Question(
        "leaving",
        "choice",
        N_("退職や扶養から外れることで、資格を失う（失った）予定はありますか"),
        choices=(
            Choice("no", N_("いいえ"), _ask_if_it_can_change("mynumber_card")),
            Choice("yes", N_("はい"), "eligibility_lost_on"),
        ),
    ),
    Question(
        "eligibility_lost_on",
        "date",
        N_("資格喪失日はいつですか"),
        hint=N_(
            "資格喪失日は退職日の翌日です。被扶養者の方は扶養から外れた日です。"
            "例：退職日が3月31日なら資格喪失日は4月1日。"
        ),
        fact="eligibility_lost_on",
        next=_ask_if_it_can_change("mynumber_card"),
        examples=("2025-06-01", "2026-04-01"),
    ),
    Question(
        "mynumber_card",
        "choice",
        N_("マイナンバーカードをお持ちですか"),
        choices=(
            Choice(
                "held",
                N_("持っている"),
                _ask_if_it_can_change("insurance_use"),
                facts={"mynumber_card": "held"},
            ),
            Choice(
                "none",
                N_("持っていない（取得していない）"),
                DOCS_START,
                facts={"mynumber_card": "none"},
            ),
            Choice("lost", N_("紛失した"), DOCS_START, facts={"mynumber_card": "lost"}),
            Choice(
                "renewing",
                N_("更新中"),
                DOCS_START,
                facts={"mynumber_card": "renewing"},
            ),
            Choice(
                "returned",
                N_("返納した"),
                DOCS_START,
                facts={"mynumber_card": "returned"},
            ),
        ),
    ),
    Question(
        "insurance_use",
        "choice",
        N_("マイナンバーカードの健康保険証としての利用登録はお済みですか"),
        hint=N_(
            "マイナポータルで確認できます。医療機関のカードリーダーにカードを置いても確認できます。"
        ),
        choices=(
            Choice(
                "registered",
                N_("登録済み"),
                _ask_if_it_can_change("certificate"),
                facts={"insurance_use": "registered"},
            ),
            Choice(
                "not_registered",
                N_("登録していない"),
                DOCS_START,
                facts={"insurance_use": "not_registered"},
            ),
            Choice(
                "cancelled",
                N_("登録の解除を申請した"),
                DOCS_START,
                facts={"insurance_use": "cancelled"},
            ),
            Choice(UNKNOWN, N_("わからない"), DOCS_START, hint=YES_NO_UNKNOWN_HINT),
        ),
    ),
    Question(
        "certificate",
        "choice",
        N_("マイナンバーカードの電子証明書の有効期限は切れていませんか"),
        hint=N_(
            "電子証明書の有効期限（５年）は、カードの有効期限（１０年）とは別です。"
            "有効期限が近づくと、市区町村から通知が届きます（参考）。"
        ),
        choices=(
            Choice(
                "valid",
                N_("有効期限内"),
                _ask_if_it_can_change("assisted_visit"),
                facts={"certificate": "valid"},
            ),
            Choice(
                "expired",
                N_("有効期限が切れている"),
                DOCS_START,
                facts={"certificate": "expired"},
            ),
            Choice(
                UNKNOWN,
                N_("わからない"),
                _ask_if_it_can_change("assisted_visit"),
                hint=YES_NO_UNKNOWN_HINT,
            ),
        ),
    ),
    Question(
        "assisted_visit",
        "choice",
        N_("受診のとき、第三者が同行して資格確認を手伝う必要がありますか"),
        hint=N_(
            "介助者やベビーシッターなどの第三者が、マイナ保険証での受診が難しい方"
            "（高齢者や障害者）に同行する場合です。"
        ),
        choices=(
            Choice("no", N_("いいえ"), DOCS_START, facts={"assisted_visit": "no"}),
            Choice(
                "yes",
                N_("はい（高齢者や障害者に介助者などが同行する）"),
                DOCS_START,
                facts={"assisted_visit": "yes"},
            ),
            Choice(
                "child",
                N_("はい（子どもにベビーシッターなどが同行する）"),
                DOCS_START,
                facts={"assisted_visit": "child"},
            ),
        ),
    ),
    Question(
        "health_insurance_card",
        "choice",
        N_("これまでの保険証はお手元にありますか"),
        choices=(
            Choice(
                "held",
                N_("ある"),
                AFTER_HEALTH_CARD,
                facts={"health_insurance_card": "held"},
            ),
            Choice(
                "lost",
                N_("紛失した"),
                AFTER_HEALTH_CARD,
                facts={"health_insurance_card": "lost"},
            ),
            Choice(
                "none",
                N_("ない（返却した）"),
                AFTER_HEALTH_CARD,
                facts={"health_insurance_card": "none"},
            ),
        ),
    ),
    Question(
        "eligibility_certificate",
        "choice",
        N_("「資格確認書」（プラスチックカード）はお手元にありますか"),
        choices=(
            Choice(
                "held",
                N_("ある"),
                AFTER_CERTIFICATE,
                facts={"eligibility_certificate": "held"},
            ),
            Choice(
                "none",
                N_("まだ届いていない・持っていない"),
                AFTER_CERTIFICATE,
                facts={"eligibility_certificate": "none"},
            ),
            Choice(
                "lost",
                N_("紛失した・壊れた"),
                AFTER_CERTIFICATE,
                facts={"eligibility_certificate": "lost"},
            ),
        ),
    ),
    Question(
        CERTIFICATE_ARRIVED,
        "choice",
        N_("申し出た「資格確認書」（プラスチックカード）は届きましたか"),
        hint=N_(
            "加入の手続きで資格確認書を申し出た方に届きます。"
            "わからない場合は「わからない」を選んでください（まだ届いていないものとしてお答えします）。"
        ),
        choices=(
            Choice(
                "held", N_("届いた"), AFTER_CERTIFICATE, facts={"eligibility_certificate": "held"}
            ),
            Choice(
                "none",
                N_("まだ届いていない"),
                AFTER_CERTIFICATE,
                facts={"eligibility_certificate": "none"},
            ),
            Choice(
                UNKNOWN,
                N_("わからない"),
                AFTER_CERTIFICATE,
                facts={"eligibility_certificate": "none"},
            ),
        ),
    ),
    Question(
        "eligibility_notice",
        "choice",
        N_("「資格情報のお知らせ」（A4の用紙）はお手元にありますか"),
        hint=N_("マイナ保険証が読み取れないときに、マイナ保険証と一緒に見せる書類です。"),
        choices=(
            Choice("held", N_("ある"), "result", facts={"eligibility_notice": "held"}),
            Choice(
                "lost",
                N_("紛失した・破損した"),
                "mynaportal",
                facts={"eligibility_notice": "lost"},
            ),
            Choice(
                "none",
                N_("届いていない"),
                "mynaportal",
                facts={"eligibility_notice": "none"},
            ),
        ),
    ),
    Question(
        "mynaportal",
        "choice",
        N_("マイナポータルの「医療保険の資格情報画面」を見ることができますか"),
        hint=N_("スマートフォンなどでマイナポータルにログインして確認できます。"),
        choices=(
            Choice("yes", N_("見られる"), "result", facts={"mynaportal": "yes"}),
            Choice("no", N_("見られない・わからない"), "result", facts={"mynaportal": "no"}),
        ),
    ),
    Outcome("result", N_("あなたの結果")),
    Outcome("over_75", N_("75歳以上の方")),
    Outcome("voluntary", N_("任意継続被保険者の方")),
]


_DOCUMENT_CHOICES: dict[str, tuple[Choice, ...]] = {
    q.id: q.choices
    for q in QUESTIONS
    if isinstance(q, Question)
    and q.id in ("health_insurance_card", "eligibility_certificate", "eligibility_notice")
}


_BY_ID: dict[str, Node] = {q.id: q for q in QUESTIONS}


def build_flow() -> Flow:
    return Flow("since", QUESTIONS)


FLOW = build_flow()
