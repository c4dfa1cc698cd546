"""``assess``: the leaflet's rules (spec/domain.md R1–R34) and product decisions (P1–P14).

Every decision about a person lives here (P14): what they show, hold, receive, submit and
return, whether the leaflet settles their case, which 参考 applies, what to do first and when
the answer next changes. Each branch records its rule id; the sections behind an answer come
from :mod:`kenpo_wizard.registry`. The day is an argument: nothing here reads a clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from .assessment import (
    Assessment,
    CertificateIssue,
    Change,
    Delivery,
    Holding,
    Phase,
    Return,
    Status,
)
from .facts import Facts, parse_facts
from .leaflet import (
    ABOLITION_DAY,
    CERTIFICATE_EXPIRED_FROM,
    CERTIFICATE_VALID_UNTIL,
    EX_OFFICIO_MONTH,
    FIRST_NOTICE_ROSTER_DAY,
    FIRST_NOTICE_SENT,
    REASONS,
    RULE_BOUNDARIES,
    SECOND_NOTICE_LAST_DAY,
    SECOND_NOTICE_MONTH,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
    Form,
    Reason,
    Route,
    Section,
)
from .registry import RULES, TEMPORARY_MEASURE

LATER_ELDERLY_AGE = 75  # P5: 後期高齢者医療制度, outside this association
ELDERLY_FROM, ELDERLY_TO = 70, 74  # R19: 高齢受給者
SECTION_ORDER = tuple(Section)

# Every code an answer can carry; the texts word each one (a test holds them to it).
NOTE_CODES = (
    "over_75",
    "not_yet_joined",
    "eligibility_lost",
    "health_card_expired",
    "certificate_expired_validity",
    "notice_reissue_not_needed",
    "notice_needed_for_reader_trouble",
    "reader_backup",
    "waiting_for_certificate",  # P12
    "new_member_applies",  # P2: a new member with a 職権 reason still applies on the forms
)
CONTACT_CODES = (
    "no_employer",
    "assisted_child",
    "health_card_lost",
    "certificate_lost",
    "certificate_and_registered",
    "certificate_renewal",
    "certificate_not_received",
    "notice_not_received",
    "nothing_to_show",
)
REFERENCE_CODES = (
    "temporary_measure",  # P8, while it ran
    "temporary_measure_ended",  # P8, as history (P13)
    "certificate_grace",  # P8
    "card_suspension",  # P8: stop a lost マイナンバーカード
    "shorter_validity",  # P3/P10
    "after_loss",  # P10: what to use after 資格喪失
    "return_within_5_days",  # P10
    "later_elderly",  # P5
    "registration_routes",  # R9's own reference
)
FIRST_STEPS = (
    "later_elderly",  # 75 and over: outside this association
    "after_loss",  # 資格喪失: return what is due, then the new insurer
    "before_joining",
    "show",
    "submit_then_show",
    "check",  # an answer the member could not give decides the case
    "submit",
    "contact",
    "wait",  # P11/P12: a 資格確認書 is coming, nothing to show yet
)
ASK_CODES = ("employer", "association", "new_insurer", "municipality")
CHANGE_KINDS = (
    "coverage_starts",
    "coverage_ends",
    "certificate_validity_ends",  # P13: the leaflet is silent on what follows
    "show_changes",
    "contact_needed",
    "submit_changes",
    "abolition",
    "transition_ends",
    "other",
)
_FIRST_LATER_REASONS = {Reason.NO_CARD, Reason.NOT_REGISTERED}  # R25 dates ①② only
_NOT_IN_HAND = {"lost": Status.LOST, "none": Status.NONE}
_SHORTER_VALIDITY = {Reason.CARD_LOST_OR_RENEWING, Reason.CERTIFICATE_EXPIRED}  # P3/P10


def phase_of(on: dt.date) -> str:
    if on < ABOLITION_DAY:
        return Phase.BEFORE_ABOLITION
    if on <= TRANSITION_LAST_DAY:
        return Phase.TRANSITION
    return Phase.AFTER_TRANSITION


class _Trace:
    """Collects the rule ids and codes behind an answer."""

    def __init__(self) -> None:
        self.rules: list[str] = []
        self.notes: list[str] = []
        self.contact: list[str] = []
        self.refs: list[str] = []

    def by(self, *rules: str) -> None:
        for rule in rules:
            assert rule in RULES, rule
            if rule not in self.rules:
                self.rules.append(rule)

    def note(self, code: str) -> None:
        assert code in NOTE_CODES, code
        if code not in self.notes:
            self.notes.append(code)

    def ask_association(self, code: str, rule: str) -> None:
        assert code in CONTACT_CODES, code
        if code not in self.contact:
            self.contact.append(code)
        self.by(rule)

    def refer(self, code: str, rule: str) -> None:
        assert code in REFERENCE_CODES, code
        if code not in self.refs:
            self.refs.append(code)
        self.by(rule)

    def sources(self) -> tuple[Section, ...]:
        found = {s for r in self.rules for s in RULES[r].sections}
        return tuple(s for s in SECTION_ORDER if s in found)


@dataclass(frozen=True)
class _Person:
    """What the rules derive about a person on a day, before deciding the answer."""

    f: Facts
    on: dt.date
    over_age: bool
    not_yet: bool
    lost: bool
    mnic: bool
    elderly: bool

    @property
    def covered(self) -> bool:
        return not (self.over_age or self.not_yet or self.lost)

    @property
    def member(self) -> bool:
        """Still (or about to be) a member: the rules about receiving apply."""
        return not (self.over_age or self.lost)


def assess(facts: Mapping[str, object] | Facts, on: dt.date) -> Assessment:
    """The answer for a person (``facts``) on the day ``on``; see spec/contract.md."""
    f = facts if isinstance(facts, Facts) else parse_facts(facts)
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise TypeError("on must be a datetime.date")
    answer = decide(f, on)
    return dataclasses.replace(answer, next_change=_next_change(f, answer))


def decide(f: Facts, on: dt.date) -> Assessment:
    """The answer without its ``next_change`` (the flow asks this many times)."""
    t = _Trace()
    phase = phase_of(on)
    t.by({"before_abolition": "R1", "transition": "R2"}.get(phase, "R3"), "P9")
    p = _Person(
        f,
        on,
        over_age=f.age is not None and f.age >= LATER_ELDERLY_AGE,
        not_yet=f.joined_on is not None and on < f.joined_on,
        lost=f.eligibility_lost_on is not None and on >= f.eligibility_lost_on,
        mnic=f.has_usable_my_number_card,
        elderly=f.age is not None and ELDERLY_FROM <= f.age <= ELDERLY_TO,
    )
    if p.over_age:
        t.by("P5")
        t.note("over_75")
        t.refer("later_elderly", "P5")
    if p.not_yet:
        t.note("not_yet_joined")
    if p.lost:
        t.by("P1")
        t.note("eligibility_lost")
        t.refer("after_loss", "P10")
    if f.member_type == "dependant":
        t.by("P6")
    if f.member_type == "voluntary" and p.member:
        t.ask_association("no_employer", "P4")

    # What the rules gave while a member (returns after a loss depend on it).
    held_reasons = () if p.over_age else _reasons(f, _Trace() if p.lost else t)
    held_issue = _issue(f, held_reasons, _Trace() if p.lost else t)
    reasons = held_reasons if p.member else ()
    issue = held_issue if p.member else "none"
    shorter = issue != "none" and bool(_SHORTER_VALIDITY & set(reasons))
    if issue != "none":
        t.by("P3")
        if p.elderly:
            t.by("R19")
        if shorter:
            t.refer("shorter_validity", "P10")
    certificate = CertificateIssue(
        issue=issue,
        reasons=reasons,
        valid_until=CERTIFICATE_VALID_UNTIL if issue != "none" else None,
        copay_ratio_printed=issue != "none" and p.elderly,
        shorter_validity_possible=shorter,
    )

    unknowns: list[str] = []
    if p.member and f.mynumber_card is None:
        unknowns.append("mynumber_card")
    if p.member and f.mynumber_card == "held" and f.insurance_use is None:
        unknowns.append("insurance_use")

    documents = _documents(p, issue, reasons, t) if p.member else ()
    status = {h.document: h.status for h in documents}
    cert_status = status.get(Document.ELIGIBILITY_CERTIFICATE)
    show = _show(p, status, t) if p.covered else []
    submit = _submit(p, cert_status, t) if p.member else []
    receive = _receive(p, issue, reasons, cert_status, t) if p.member else ()
    if p.member:
        _contact_cases(p, phase, issue, reasons, cert_status, bool(show), unknowns, t, bool(submit))
        if p.covered and not show and cert_status in (Status.ARRIVING, Status.TO_APPLY):
            t.by("P12")
            t.note("waiting_for_certificate")
    returns = _returns(f, held_issue, t)
    if returns and f.eligibility_lost_on is not None:
        t.refer("return_within_5_days", "P10")

    register: tuple[Route, ...] = ()
    if p.member and f.mynumber_card == "held" and f.insurance_use != "registered":
        register = tuple(Route)
        if phase != Phase.AFTER_TRANSITION:
            t.by("R6")  # "early, within the 経過措置"
        t.by("R8", "R9")
        t.refer("registration_routes", "R9")
    if p.member and f.mynumber_card == "lost":
        t.refer("card_suspension", "P8")
    _temporary_measure(p, status, t)

    return Assessment(
        on=on,
        phase=phase,
        covered=p.covered,
        show_at_clinic=tuple(show),
        eligibility_certificate=certificate,
        submit=tuple(submit),
        returns=returns,
        register=register,
        contact_association=bool(t.contact),
        sources=t.sources(),
        rules=tuple(t.rules),
        notes=tuple(t.notes),
        contact_reasons=tuple(t.contact),
        unknowns=tuple(unknowns),
        receive=receive,
        documents=documents,
        references=tuple(t.refs),
        first_step=_first_step(p, show, submit, unknowns, cert_status, t),
        ask=_ask(p),
    )


def _reasons(f: Facts, t: _Trace) -> tuple[Reason, ...]:
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


def _issue(f: Facts, reasons: tuple[Reason, ...], t: _Trace) -> str:
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


def _scheduled_delivery(f: Facts, issue: str, reasons: tuple[Reason, ...]) -> bool:
    """R25: 保険証 holders under ※1 ①② got the 資格確認書 ex officio via the 事業所 (2025-11).

    Every member from before 2024-12-02 was such a holder; a 保険証 lost meanwhile is P4's case.
    """
    return (
        issue == "ex_officio" and _had_health_card(f) and bool(_FIRST_LATER_REASONS & set(reasons))
    )


def _holds_certificate(f: Facts, issue: str, reasons: tuple[Reason, ...], day: dt.date) -> bool:
    """Whether the 資格確認書 is in hand on ``day``; an absent fact is presumed per the rules."""
    if day < ABOLITION_DAY:
        return False  # issued only from 2024-12-02 (R13, R24)
    if f.eligibility_certificate is not None:
        return f.eligibility_certificate == "held"
    if issue == "none":
        return False
    if f.joined_after_abolition and f.joined_on is not None:
        return day >= f.joined_on  # asked for on the enrolment form (R16)
    if _scheduled_delivery(f, issue, reasons):
        return day >= TRANSITION_OVER  # delivered before the 保険証 stopped working (R25)
    # P11: a 職権 reason that arose later has no date; an application is still to be made (R18).
    return False


def _documents(
    p: _Person, issue: str, reasons: tuple[Reason, ...], t: _Trace
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
    p: _Person, issue: str, reasons: tuple[Reason, ...], t: _Trace
) -> tuple[str, dt.date | None]:
    f, on = p.f, p.on
    scheduled = _scheduled_delivery(f, issue, reasons)
    if scheduled:
        t.by("R24", "R25")
    if f.eligibility_certificate == "lost" and on >= ABOLITION_DAY:  # none existed before
        return Status.LOST, None
    if _holds_certificate(f, issue, reasons, on):
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


def _show(p: _Person, status: Mapping[Document, str], t: _Trace) -> list[tuple[Document, ...]]:
    f, on = p.f, p.on
    show: list[tuple[Document, ...]] = []
    if p.mnic:
        t.by("R7")
        if f.card_reader == "unavailable":
            # The backup when the reader cannot be used: the お知らせ (or its マイナポータル screen).
            notice = status.get(Document.ELIGIBILITY_NOTICE) == Status.HELD
            if notice:
                show.append((Document.MY_NUMBER_INSURANCE_CARD, Document.ELIGIBILITY_NOTICE))
                t.by("R28")
            if f.mynaportal == "yes":
                show.append((Document.MY_NUMBER_INSURANCE_CARD, Document.MYNAPORTAL_SCREEN))
                t.by("R31")
            if not (notice or f.mynaportal == "yes"):
                t.note("notice_needed_for_reader_trouble")
                t.by("R28")
        else:
            # An absent card_reader is the usual clinic, with a reader that works.
            show.append((Document.MY_NUMBER_INSURANCE_CARD,))
            t.by("R10")
            if on >= ABOLITION_DAY:
                t.note("reader_backup")
    if status.get(Document.HEALTH_INSURANCE_CARD) == Status.USABLE:
        show.append((Document.HEALTH_INSURANCE_CARD,))
        t.by("R2")
    if status.get(Document.ELIGIBILITY_CERTIFICATE) == Status.USABLE:
        show.append((Document.ELIGIBILITY_CERTIFICATE,))
        t.by("R23")
    return show


def _submit(p: _Person, cert_status: str | None, t: _Trace) -> list[Form]:
    f = p.f
    submit: list[Form] = []
    if cert_status == Status.TO_APPLY:
        if f.joined_after_abolition:
            submit.append(Form.ISSUE_NEEDED_ON_ENROLMENT)
            t.by("R16")
        submit.append(Form.CERTIFICATE_APPLICATION)
        t.by("R18")
    if p.mnic and f.eligibility_notice == "lost":
        if f.mynaportal == "yes":
            t.note("notice_reissue_not_needed")
        else:
            submit.append(Form.NOTICE_REISSUE)
        t.by("R31")
    return submit


def _contact_cases(
    p: _Person,
    phase: str,
    issue: str,
    reasons: tuple[Reason, ...],
    cert_status: str | None,
    can_show: bool,
    unknowns: list[str],
    t: _Trace,
    pending: bool,
) -> None:
    """P4 and the other cases the leaflet does not settle: ask the association."""
    f, on = p.f, p.on
    if (
        f.health_insurance_card == "lost"
        and phase != Phase.AFTER_TRANSITION
        and not p.mnic
        and cert_status != Status.USABLE
    ):
        t.ask_association("health_card_lost", "P4")
    if cert_status == Status.LOST and on <= CERTIFICATE_VALID_UNTIL:
        t.ask_association("certificate_lost", "P4")
    if cert_status == Status.USABLE and p.mnic and Reason.ASSISTED_VISIT not in reasons:
        # P4: a holder who registered later; a helper's card (申請②) is meant beside the マイナ保険証.
        t.ask_association("certificate_and_registered", "P4")
    relies_on_certificate = not p.mnic and (issue != "none" or f.eligibility_certificate == "held")
    if on >= CERTIFICATE_EXPIRED_FROM and relies_on_certificate:
        t.ask_association("certificate_renewal", "P4")
    if cert_status == Status.NOT_RECEIVED and on <= CERTIFICATE_VALID_UNTIL:
        t.ask_association("certificate_not_received", "R25")
    if p.mnic and f.eligibility_notice == "none" and f.mynaportal != "yes":
        t.ask_association("notice_not_received", "R30")
    waiting = cert_status in (Status.ARRIVING, Status.TO_APPLY)
    if p.covered and not (can_show or unknowns or t.contact or pending or waiting):
        t.ask_association("nothing_to_show", "P4")


def _returns(f: Facts, issue: str, t: _Trace) -> tuple[Return, ...]:
    """R4/R5 for the 保険証, R21/R22 for the 資格確認書, R32 for the お知らせ (P1)."""
    lost = f.eligibility_lost_on
    if lost is None:
        return ()
    out: list[Return] = []
    if _holds_health_card(f):
        if lost <= TRANSITION_LAST_DAY:
            out.append(Return(Document.HEALTH_INSURANCE_CARD))
            t.by("R4")
        else:
            t.by("R5")
    before_loss = lost - dt.timedelta(days=1)
    reasons = _reasons(f, _Trace())
    if _holds_certificate(f, issue, reasons, before_loss):
        if lost <= CERTIFICATE_VALID_UNTIL:
            out.append(Return(Document.ELIGIBILITY_CERTIFICATE))
            t.by("R21")
        else:
            t.by("R22")
    if f.eligibility_notice != "none":
        t.by("R32")
    return tuple(out)


def _receive(
    p: _Person, issue: str, reasons: tuple[Reason, ...], cert_status: str | None, t: _Trace
) -> tuple[Delivery, ...]:
    f, on = p.f, p.on
    out: list[Delivery] = []
    if cert_status in (Status.ARRIVING, Status.TO_APPLY, Status.NOT_RECEIVED):
        if _scheduled_delivery(f, issue, reasons):
            out.append(
                Delivery(
                    Document.ELIGIBILITY_CERTIFICATE,
                    issue,
                    via_employer=True,
                    when=EX_OFFICIO_MONTH.strftime("%Y-%m"),
                    planned=True,
                    past=on >= EX_OFFICIO_MONTH,
                )
            )
        else:
            out.append(Delivery(Document.ELIGIBILITY_CERTIFICATE, issue, False, None))
    if f.eligibility_notice != "held":
        joined = f.joined_on
        if joined is None or joined <= FIRST_NOTICE_ROSTER_DAY:
            sent = FIRST_NOTICE_SENT
            out.append(
                Delivery(
                    Document.ELIGIBILITY_NOTICE, "sent", True, sent.isoformat(), past=on >= sent
                )
            )
            t.by("R34")
        elif joined <= SECOND_NOTICE_LAST_DAY:
            month = SECOND_NOTICE_MONTH.strftime("%Y-%m")
            past = on >= SECOND_NOTICE_MONTH
            out.append(Delivery(Document.ELIGIBILITY_NOTICE, "sent", True, month, True, past))
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


def _temporary_measure(p: _Person, status: Mapping[Document, str], t: _Trace) -> None:
    """P8/P13: the national measure as a 参考 while it ran, and as history after it ended."""
    m = TEMPORARY_MEASURE
    if not p.covered or p.on < m.start:
        return
    if p.on <= m.end:
        t.refer("temporary_measure", m.rule)
    elif status.get(Document.HEALTH_INSURANCE_CARD) == Status.EXPIRED:
        t.refer("temporary_measure_ended", m.rule)
        t.by("P13")


def _first_step(
    p: _Person,
    show: list[tuple[Document, ...]],
    submit: list[Form],
    unknowns: list[str],
    cert_status: str | None,
    t: _Trace,
) -> str:
    """What the member does first; every answer has one (and the contact route after it)."""
    if p.over_age:
        return "later_elderly"
    if p.lost:
        return "after_loss"
    if p.not_yet:
        return "before_joining"
    if show:
        return "submit_then_show" if any(x != Form.NOTICE_REISSUE for x in submit) else "show"
    if unknowns:
        return "check"
    if submit:
        return "submit"
    if t.contact or cert_status not in (Status.ARRIVING, Status.TO_APPLY):
        return "contact"
    return "wait"


def _ask(p: _Person) -> tuple[str, ...]:
    """Whom to ask: the employer's clerk is the way to the association (R16, P4)."""
    if p.over_age:
        return ("municipality",)  # P5 (参考)
    if p.lost:
        return ("new_insurer", "employer")  # P10 (参考); returns go to the 勤務先 (R4)
    if p.f.member_type == "voluntary":
        return ("association",)  # no 事業所 (P4)
    return ("employer", "association")


# ----------------------------------------------------------------------------- next change
def _outcome(a: Assessment) -> tuple[object, ...]:
    return (
        a.covered,
        a.show_at_clinic,
        a.submit,
        a.returns,
        bool(a.register),
        a.eligibility_certificate.issue,
        a.contact_association,
    )


def _next_change(facts: Facts, now: Assessment) -> Change | None:
    """The first later day on which this person's answer changes, and what changes then.

    Candidates are the leaflet's rule boundaries and the person's own dates (joining,
    losing eligibility); between two candidates the answer cannot change.
    """
    days = set(RULE_BOUNDARIES)
    days.update(d for d in (facts.joined_on, facts.eligibility_lost_on) if d is not None)
    for day in sorted(d for d in days if d > now.on):
        later = decide(facts, day)
        if _outcome(later) != _outcome(now):
            return Change(
                day,
                _change_kind(now, later),
                later.show_at_clinic,
                later.submit,
                later.contact_reasons,
            )
    return None


def _change_kind(now: Assessment, later: Assessment) -> str:
    if not now.covered and later.covered:
        return "coverage_starts"
    if now.covered and not later.covered:
        return "coverage_ends"
    if "certificate_renewal" in later.contact_reasons and (
        "certificate_renewal" not in now.contact_reasons
    ):
        return "certificate_validity_ends"
    if later.show_at_clinic != now.show_at_clinic:
        return "show_changes"
    if later.contact_association and not now.contact_association:
        return "contact_needed"
    if later.submit != now.submit:
        return "submit_changes"
    # Otherwise a leaflet boundary changed a return or a registration advice: name the boundary.
    return {ABOLITION_DAY: "abolition", TRANSITION_OVER: "transition_ends"}.get(later.on, "other")


def answer_depends_on(facts: Facts, on: dt.date, name: str, values: tuple[str, ...]) -> bool:
    """Whether the document ``name`` matters to this person and some value of it changes the
    answer: the question flow asks only then (spec/domain.md P14: the flow holds no rule)."""
    document = Document(name)
    base = decide(facts, on)
    if base.holding(document) is None:
        return False
    outcomes = {
        _outcome(decide(dataclasses.replace(facts, **{name: value}), on))  # type: ignore[arg-type]
        for value in values
    }
    return len(outcomes | {_outcome(base)}) > 1
