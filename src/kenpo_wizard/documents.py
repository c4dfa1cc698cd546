"""What a person holds, is issued, receives and returns (R1–R34 read for one person).

:func:`kenpo_wizard.rules.decide` calls these; each records the rules it applies on the
:class:`~kenpo_wizard.trace.Trace`. An absent fact is read as the rules presume (P12).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .assessment import Delivery, Holding, Return, Status
from .facts import Facts
from .leaflet import (
    ABOLITION_DAY,
    CERTIFICATE_VALID_UNTIL,
    EX_OFFICIO_MONTH,
    FIRST_NOTICE_ROSTER_DAY,
    FIRST_NOTICE_SENT,
    REASONS,
    SECOND_NOTICE_LAST_DAY,
    SECOND_NOTICE_MONTH,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
    Reason,
)
from .trace import Trace

LATER_ELDERLY_AGE = 75  # P5: 後期高齢者医療制度, outside this association
_FIRST_LATER_REASONS = {Reason.NO_CARD, Reason.NOT_REGISTERED}  # R25 dates ①② only
_NOT_IN_HAND = {"lost": Status.LOST, "none": Status.NONE}
_SHORTER_VALIDITY = {Reason.CARD_LOST_OR_RENEWING, Reason.CERTIFICATE_EXPIRED}  # P3/P10


@dataclass(frozen=True)
class Person:
    """What the rules derive about a person on a day, before deciding the answer."""

    f: Facts
    on: dt.date
    over_age: bool
    not_yet: bool
    lost: bool
    mnic: bool
    elderly: bool
    today: dt.date  # the day the answer is made: the tense of dated events (v3 A8)

    @property
    def covered(self) -> bool:
        return not (self.over_age or self.not_yet or self.lost)

    @property
    def voluntary(self) -> bool:
        """任意継続: no 事業所, so nothing goes through an employer (P4, v3 A4)."""
        return self.f.member_type == "voluntary"

    @property
    def member(self) -> bool:
        """Still (or about to be) a member: the rules about receiving apply."""
        return not (self.over_age or self.lost)


def reasons_of(f: Facts, t: Trace) -> tuple[Reason, ...]:
    """The 交付事由 that apply (R14 申請, R15 職権), in the leaflet's order."""
    found: set[Reason] = set()
    card = f.mynumber_card
    if card in ("lost", "renewing"):
        found.add(Reason.CARD_LOST_OR_RENEWING)
    if f.assisted_visit in ("yes", "child"):
        found.add(Reason.ASSISTED_VISIT)
        if f.assisted_visit == "child":
            t.ask_association("assisted_child", "P7")
    if card == "none":
        found.add(Reason.NO_CARD)
    if card == "held" and f.insurance_use == "not_registered":
        found.add(Reason.NOT_REGISTERED)
    if f.insurance_use == "cancelled":
        found.add(Reason.REGISTRATION_CANCELLED)
    if card == "held" and f.certificate == "expired":
        found.add(Reason.CERTIFICATE_EXPIRED)
        t.refer("certificate_grace", "P8")  # a labelled 参考, not a rule
    if card == "returned":
        found.add(Reason.CARD_RETURNED)
    kinds = {REASONS[r].kind for r in found}
    if "application" in kinds:
        t.by("R14")
    if "ex_officio" in kinds:
        t.by("R15")
    return tuple(r for r in REASONS if r in found)


def shorter_validity_possible(issue: str, reasons: tuple[Reason, ...]) -> bool:
    """P3/P10: cards issued for a lost or renewing card, or an expired 電子証明書."""
    return issue != "none" and bool(_SHORTER_VALIDITY & set(reasons))


def certificate_issue(f: Facts, reasons: tuple[Reason, ...], t: Trace) -> str:
    """申請 or 職権 (P2, reading R16, R18 and R23 together)."""
    if not reasons:
        if f.mynumber_card is not None:
            t.by("R17")
        return "none"
    t.by("R13", "P2")
    if f.joined_after_abolition:
        t.by("R16")
        if any(REASONS[r].kind == "ex_officio" for r in reasons):
            t.note("new_member_applies")
        return "application"
    if any(REASONS[r].kind == "ex_officio" for r in reasons):
        t.by("R23")
        return "ex_officio"
    t.by("R18")
    return "application"


def _had_health_card(f: Facts) -> bool:
    """Every member from before 2024-12-02 was given a 保険証; later joiners never were (R1)."""
    return not f.joined_after_abolition


def _holds_health_card(f: Facts) -> bool:
    if f.health_insurance_card is not None:
        return f.health_insurance_card == "held"
    return _had_health_card(f)


def scheduled_delivery(f: Facts, issue: str, reasons: tuple[Reason, ...]) -> bool:
    """R25: 保険証 holders under ※1 ①② got the 資格確認書 ex officio via the 事業所 (2025-11).

    Every member from before 2024-12-02 was such a holder; a 保険証 lost meanwhile is P4's case.
    """
    return (
        issue == "ex_officio" and _had_health_card(f) and bool(_FIRST_LATER_REASONS & set(reasons))
    )


def _could_hold_certificate(f: Facts, day: dt.date) -> bool:
    """Issued only from 2024-12-02 (R13, R24), and to a member: not before joining (R16)."""
    return day >= ABOLITION_DAY and (f.joined_on is None or day >= f.joined_on)


def holds_certificate(f: Facts, issue: str, reasons: tuple[Reason, ...], day: dt.date) -> bool:
    """Whether the 資格確認書 is in hand on ``day``; an absent fact is presumed per the rules."""
    if not _could_hold_certificate(f, day):
        return False
    if f.eligibility_certificate is not None:
        return f.eligibility_certificate == "held"
    if issue == "none":
        return False
    if f.joined_after_abolition:
        # Asked for on the enrolment form (R16), but nothing is presumed to have arrived (v3 A1).
        return False
    if scheduled_delivery(f, issue, reasons):
        return day >= TRANSITION_OVER  # delivered before the 保険証 stopped working (R25)
    # P11: a 職権 reason that arose later has no date; an application is still to be made (R18).
    return False


def documents_of(
    p: Person, issue: str, reasons: tuple[Reason, ...], t: Trace
) -> tuple[Holding, ...]:
    """Held, usable, arriving, lost: each document that matters to this person."""
    f, on = p.f, p.on
    out: list[Holding] = []
    if p.mnic:
        out.append(Holding(Document.MY_NUMBER_INSURANCE_CARD, Status.USABLE))
    if _had_health_card(f):
        card = f.health_insurance_card or "held"
        if card == "held" and on <= TRANSITION_LAST_DAY:
            out.append(Holding(Document.HEALTH_INSURANCE_CARD, Status.USABLE, TRANSITION_LAST_DAY))
        elif card == "held":
            out.append(Holding(Document.HEALTH_INSURANCE_CARD, Status.EXPIRED))
            t.by("R3")
            t.note("health_card_expired")
        else:
            out.append(Holding(Document.HEALTH_INSURANCE_CARD, _NOT_IN_HAND[card]))
    if issue != "none" or f.eligibility_certificate in ("held", "lost"):
        out.append(Holding(Document.ELIGIBILITY_CERTIFICATE, *_certificate(p, issue, reasons, t)))
    if p.mnic:
        # An absent お知らせ is presumed in hand once the new scheme runs (R26, R33, R34).
        notice = f.eligibility_notice or ("held" if on >= ABOLITION_DAY else "none")
        out.append(
            Holding(
                Document.ELIGIBILITY_NOTICE,
                Status.HELD if notice == "held" else _NOT_IN_HAND[notice],
            )
        )
    return tuple(out)


def _certificate(
    p: Person, issue: str, reasons: tuple[Reason, ...], t: Trace
) -> tuple[str, dt.date | None]:
    f, on = p.f, p.on
    scheduled = scheduled_delivery(f, issue, reasons)
    if scheduled:
        t.by("R24", "R25")
    if f.eligibility_certificate == "lost" and _could_hold_certificate(f, on):
        return Status.LOST, None
    if holds_certificate(f, issue, reasons, on):
        if on <= CERTIFICATE_VALID_UNTIL:
            return Status.USABLE, CERTIFICATE_VALID_UNTIL
        t.by("R20")
        t.note("certificate_expired_validity")
        return Status.EXPIRED, None
    if issue == "application":
        return Status.TO_APPLY, None
    if scheduled:
        if f.eligibility_certificate == "none" and on >= TRANSITION_OVER:
            return Status.NOT_RECEIVED, None
        return Status.ARRIVING, None
    t.by("R15", "P11")
    return Status.ARRIVING, None


def returns_of(p: Person, issue: str, reasons: tuple[Reason, ...], t: Trace) -> tuple[Return, ...]:
    """R4/R5 for the 保険証, R21/R22 for the 資格確認書, R32 for the お知らせ (P1).

    Each return is due from the 資格喪失日 (v3 A5), to the employer's clerk, or to the
    association for 任意継続 (v3 A4).
    """
    f = p.f
    lost = f.eligibility_lost_on
    if lost is None:
        return returns_at_75(p, t) if p.over_age else ()
    to = "association" if p.voluntary else "employer"
    out: list[Return] = []
    if _holds_health_card(f):
        if lost <= TRANSITION_LAST_DAY:
            out.append(Return(Document.HEALTH_INSURANCE_CARD, to, lost))
            t.by("R4")
        else:
            t.by("R5")
    before_loss = lost - dt.timedelta(days=1)
    if holds_certificate(f, issue, reasons, before_loss):
        if lost <= CERTIFICATE_VALID_UNTIL:
            out.append(Return(Document.ELIGIBILITY_CERTIFICATE, to, lost))
            t.by("R21")
        else:
            t.by("R22")
    if f.eligibility_notice != "none":
        t.by("R32")
    return tuple(out)


def returns_at_75(p: Person, t: Trace) -> tuple[Return, ...]:
    """Joining 後期高齢者医療 is 資格喪失 (P10, v3 A2): what that brings.

    The day is the 75th birthday, which the member did not give: the answer carries no day,
    only what the age allows (the birthday lies in the year up to the day asked). A
    資格確認書 the member did not mention is returned "if held".
    """
    f, on = p.f, p.on
    assert f.age is not None
    latest = _years_before(on, f.age - LATER_ELDERLY_AGE)
    earliest = _years_before(on, f.age - LATER_ELDERLY_AGE + 1) + dt.timedelta(days=1)
    to = "association" if p.voluntary else "employer"
    out: list[Return] = []
    card = f.health_insurance_card
    if earliest <= TRANSITION_LAST_DAY and (
        card == "held" or (card is None and on <= TRANSITION_LAST_DAY and _had_health_card(f))
    ):
        out.append(Return(Document.HEALTH_INSURANCE_CARD, to))
        t.by("R4")
    # a card lost or never received is not returned (R21 speaks of one in hand)
    could_hold = latest >= ABOLITION_DAY and earliest <= CERTIFICATE_VALID_UNTIL
    if could_hold and f.eligibility_certificate in (None, "held"):
        reasons = reasons_of(f, Trace())
        issue = certificate_issue(f, reasons, Trace())
        held = f.eligibility_certificate == "held" or holds_certificate(f, issue, reasons, on)
        out.append(Return(Document.ELIGIBILITY_CERTIFICATE, to, if_held=not held))
        t.by("R21")
    return tuple(out)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def receive_of(
    p: Person, issue: str, reasons: tuple[Reason, ...], cert_status: str | None, t: Trace
) -> tuple[Delivery, ...]:
    """What comes to the member. A dated event is past when it lies before the day the
    answer is made (v3 A8), whatever day is asked; 任意継続 has no 事業所 to pass it on (A4)."""
    f, today = p.f, p.today
    via = not p.voluntary
    out: list[Delivery] = []
    if cert_status in (Status.ARRIVING, Status.TO_APPLY, Status.NOT_RECEIVED):
        if scheduled_delivery(f, issue, reasons):
            out.append(
                Delivery(
                    Document.ELIGIBILITY_CERTIFICATE,
                    issue,
                    via_employer=via,
                    when=EX_OFFICIO_MONTH.strftime("%Y-%m"),
                    planned=True,
                    past=today >= EX_OFFICIO_MONTH,
                )
            )
        else:
            out.append(Delivery(Document.ELIGIBILITY_CERTIFICATE, issue, False, None))
    if f.eligibility_notice not in ("held", "lost"):  # one in hand (or lost) was received
        joined = f.joined_on
        if joined is None or joined <= FIRST_NOTICE_ROSTER_DAY:
            sent = FIRST_NOTICE_SENT
            out.append(
                Delivery(
                    Document.ELIGIBILITY_NOTICE, "sent", via, sent.isoformat(), past=today >= sent
                )
            )
            t.by("R34")
        elif joined <= SECOND_NOTICE_LAST_DAY:
            month = SECOND_NOTICE_MONTH.strftime("%Y-%m")
            past = today >= SECOND_NOTICE_MONTH
            out.append(Delivery(Document.ELIGIBILITY_NOTICE, "sent", via, month, True, past))
            t.by("R33")
        elif p.mnic:
            out.append(Delivery(Document.ELIGIBILITY_NOTICE, "on_joining", False, None))
            t.by("R26")
    if p.mnic and p.elderly:
        out.append(Delivery(Document.ELIGIBILITY_NOTICE, "on_copay_change", False, None))
        t.by("R26")
    if any(d.past and d.planned for d in out):
        t.by("P13")  # the leaflet's plans are told as past, with their dates
    return tuple(out)
