"""``assess``: the leaflet's rules (domain.md R1–R34) and product decisions (P1–P9).

Every branch records the rule ids and leaflet sections behind it, so each answer can
be traced back to the paper. The day is an argument: nothing here reads a clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from .assessment import Assessment, CertificateIssue, Delivery, Phase, Return
from .facts import Facts, parse_facts
from .leaflet import (
    ABOLITION_DAY,
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

LATER_ELDERLY_AGE = 75  # P5: 後期高齢者医療制度, outside this association
ELDERLY_FROM, ELDERLY_TO = 70, 74  # R19: 高齢受給者
SECTION_ORDER = tuple(Section)


def phase_of(on: dt.date) -> str:
    if on < ABOLITION_DAY:
        return Phase.BEFORE_ABOLITION
    if on <= TRANSITION_LAST_DAY:
        return Phase.TRANSITION
    return Phase.AFTER_TRANSITION


class _Trace:
    """Collects the rule ids, leaflet sections and note codes behind an answer."""

    def __init__(self) -> None:
        self.rules: list[str] = []
        self.sections: set[Section] = set()
        self.notes: list[str] = []
        self.contact: list[str] = []

    def by(self, rule: str, *sections: Section) -> None:
        if rule not in self.rules:
            self.rules.append(rule)
        self.sections.update(sections)

    def note(self, code: str) -> None:
        if code not in self.notes:
            self.notes.append(code)

    def ask_association(self, code: str, rule: str, *sections: Section) -> None:
        if code not in self.contact:
            self.contact.append(code)
        self.by(rule, *sections)


def assess(facts: Mapping[str, object] | Facts, on: dt.date) -> Assessment:
    """The answer for a person (``facts``) on the day ``on``; see contract.md."""
    f = facts if isinstance(facts, Facts) else parse_facts(facts)
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise TypeError("on must be a datetime.date")
    t = _Trace()
    phase = phase_of(on)
    if phase == Phase.BEFORE_ABOLITION:
        t.by("R1", Section.INTRO, Section.ABOLITION)
    elif phase == Phase.TRANSITION:
        t.by("R2", Section.ABOLITION)
    else:
        t.by("R3", Section.ABOLITION, Section.SCHEDULE)
    t.by("P9")

    over_age = f.age is not None and f.age >= LATER_ELDERLY_AGE
    not_yet = f.joined_on is not None and on < f.joined_on
    lost = f.eligibility_lost_on is not None and on >= f.eligibility_lost_on
    covered = not (over_age or not_yet or lost)
    member = not (over_age or lost)  # still (or about to be) a member: rules about receiving apply

    if over_age:
        t.by("P5", Section.CERTIFICATE)
        t.note("over_75")
    if not_yet:
        t.note("not_yet_joined")
    if lost:
        t.by("P1")
        t.note("eligibility_lost")
    if f.member_type == "dependant":
        t.by("P6")
    if f.member_type == "voluntary" and member:
        t.ask_association("no_employer", "P4")

    # What the rules gave while a member (returns after a loss depend on it).
    held_reasons = () if over_age else _reasons(f, _Trace() if lost else t)
    held_issue = _issue(f, held_reasons, _Trace() if lost else t)
    reasons = held_reasons if member else ()
    issue = held_issue if member else "none"
    elderly = f.age is not None and ELDERLY_FROM <= f.age <= ELDERLY_TO
    if issue != "none" and elderly:
        t.by("R19", Section.CERTIFICATE)
    certificate = CertificateIssue(
        issue=issue,
        reasons=reasons,
        valid_until=CERTIFICATE_VALID_UNTIL if issue != "none" else None,
        copay_ratio_printed=issue != "none" and elderly,
    )
    if issue != "none":
        t.by("P3", Section.CERTIFICATE)

    mnic = f.has_usable_my_number_card
    unknowns: list[str] = []
    if member and f.mynumber_card is None:
        unknowns.append("mynumber_card")
    if member and f.mynumber_card == "held" and f.insurance_use is None:
        unknowns.append("insurance_use")

    show: list[tuple[Document, ...]] = []
    submit: list[Form] = []
    if covered:
        show = _show(f, on, issue, mnic, t)
    if member:
        submit = _submit(f, on, issue, mnic, t)
        pending = bool(submit)  # a form to hand in is the leaflet's answer to the gap
        _contact_cases(f, on, phase, issue, mnic, bool(show), unknowns, t, covered, pending)

    returns = _returns(f, held_issue, t)
    register: tuple[Route, ...] = ()
    if member and f.mynumber_card == "held" and f.insurance_use != "registered":
        register = tuple(Route)
        if phase != Phase.AFTER_TRANSITION:
            t.by("R6", Section.INTRO)  # "early, within the 経過措置"
        t.by("R8", Section.SWITCH)
        t.by("R9", Section.SWITCH)
    if member and mnic and f.age is not None and elderly:
        t.note("notice_on_copay_change")

    receive = _receive(f, issue, reasons, mnic, t) if member else ()

    return Assessment(
        on=on,
        phase=phase,
        covered=covered,
        show_at_clinic=tuple(show),
        eligibility_certificate=certificate,
        submit=tuple(submit),
        returns=returns,
        register=register,
        contact_association=bool(t.contact),
        sources=tuple(s for s in SECTION_ORDER if s in t.sections),
        rules=tuple(t.rules),
        notes=tuple(t.notes),
        contact_reasons=tuple(t.contact),
        unknowns=tuple(unknowns),
        receive=receive,
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
            t.ask_association("assisted_child", "P7", Section.CERTIFICATE)
    if card == "none":
        found.add(Reason.NO_CARD)
    if card == "held" and f.insurance_use == "not_registered":
        found.add(Reason.NOT_REGISTERED)
    if f.insurance_use == "cancelled":
        found.add(Reason.REGISTRATION_CANCELLED)
    if card == "held" and f.certificate == "expired":
        found.add(Reason.CERTIFICATE_EXPIRED)
        t.note("reference_certificate_grace")
        t.by("P8")  # the 3-month grace is a labelled 参考, not a rule
    if card == "returned":
        found.add(Reason.CARD_RETURNED)
    if found:
        kinds = {REASONS[r].kind for r in found}
        if "application" in kinds:
            t.by("R14", Section.CERTIFICATE)
        if "ex_officio" in kinds:
            t.by("R15", Section.CERTIFICATE)
    return tuple(r for r in REASONS if r in found)


def _issue(f: Facts, reasons: tuple[Reason, ...], t: _Trace) -> str:
    """申請 or 職権 (P2, reading R16, R18 and R23 together)."""
    if not reasons:
        if f.mynumber_card is not None:
            t.by("R17", Section.CERTIFICATE)
        return "none"
    t.by("R13", Section.CERTIFICATE)
    if f.joined_after_abolition:
        t.by("R16", Section.CERTIFICATE)
        t.by("P2")
        return "application"
    if any(REASONS[r].kind == "ex_officio" for r in reasons):
        t.by("R23", Section.CERTIFICATE)
        t.by("P2")
        return "ex_officio"
    t.by("R18", Section.CERTIFICATE)
    t.by("P2")
    return "application"


def _holds_health_card(f: Facts) -> bool:
    """Every member from before 2024-12-02 was given a 保険証; later joiners never were (R1)."""
    if f.health_insurance_card is not None:
        return f.health_insurance_card == "held"
    return not f.joined_after_abolition


def _holds_certificate(f: Facts, issue: str, day: dt.date) -> bool:
    """Whether the 資格確認書 is in hand on ``day``; an absent fact is presumed per the rules."""
    if day < ABOLITION_DAY:
        return False  # issued only from 2024-12-02 (R13, R24)
    if f.eligibility_certificate is not None:
        return f.eligibility_certificate == "held"
    if issue == "none":
        return False
    if f.joined_after_abolition and f.joined_on is not None:
        return day >= f.joined_on  # asked for on the enrolment form (R16)
    if issue == "ex_officio":
        return day >= TRANSITION_OVER  # delivered before the 保険証 stops working (R25)
    return False  # an existing member's application is still to be made (R18)


def _show(f: Facts, on: dt.date, issue: str, mnic: bool, t: _Trace) -> list[tuple[Document, ...]]:
    show: list[tuple[Document, ...]] = []
    if mnic:
        t.by("R7", Section.INTRO)
        if f.card_reader == "unavailable":
            # Backup when the reader cannot be used: the お知らせ (or its マイナポータル screen).
            notice = f.eligibility_notice == "held" or (
                f.eligibility_notice is None and on >= ABOLITION_DAY
            )
            if notice:
                show.append((Document.MY_NUMBER_INSURANCE_CARD, Document.ELIGIBILITY_NOTICE))
                t.by("R28", Section.NOTICE, Section.TABLE)
            if f.mynaportal == "yes":
                show.append((Document.MY_NUMBER_INSURANCE_CARD, Document.MYNAPORTAL_SCREEN))
                t.by("R31", Section.NOTICE, Section.TABLE)
            if not (notice or f.mynaportal == "yes"):
                t.note("notice_needed_for_reader_trouble")
                t.by("R28", Section.NOTICE)
        else:
            # An absent card_reader is the usual clinic, with a reader that works.
            show.append((Document.MY_NUMBER_INSURANCE_CARD,))
            t.by("R10", Section.TABLE)
            if on >= ABOLITION_DAY:
                t.note("reader_backup")  # the texts say what to bring if it does not
    if on <= TRANSITION_LAST_DAY and _holds_health_card(f):
        show.append((Document.HEALTH_INSURANCE_CARD,))
        t.by("R2", Section.ABOLITION)
    elif (
        on > TRANSITION_LAST_DAY
        and f.health_insurance_card != "none"
        and not f.joined_after_abolition
    ):
        t.note("health_card_expired")
    if _holds_certificate(f, issue, on):
        if on <= CERTIFICATE_VALID_UNTIL:
            show.append((Document.ELIGIBILITY_CERTIFICATE,))
            t.by("R23", Section.CERTIFICATE)
        else:
            t.by("R20", Section.CERTIFICATE)
            t.note("certificate_expired_validity")
    return show


def _submit(f: Facts, on: dt.date, issue: str, mnic: bool, t: _Trace) -> list[Form]:
    submit: list[Form] = []
    has_certificate = f.eligibility_certificate == "held"
    if issue == "application" and not has_certificate:
        if f.joined_after_abolition:
            submit.append(Form.ISSUE_NEEDED_ON_ENROLMENT)
            t.by("R16", Section.CERTIFICATE)
        submit.append(Form.CERTIFICATE_APPLICATION)
        t.by("R18", Section.CERTIFICATE)
    if mnic and f.eligibility_notice == "lost":
        if f.mynaportal == "yes":
            t.note("notice_reissue_not_needed")
        else:
            submit.append(Form.NOTICE_REISSUE)
        t.by("R31", Section.NOTICE)
    return submit


def _contact_cases(
    f: Facts,
    on: dt.date,
    phase: str,
    issue: str,
    mnic: bool,
    can_show: bool,
    unknowns: list[str],
    t: _Trace,
    covered: bool,
    pending: bool,
) -> None:
    """P4 and the other cases the leaflet does not settle: ask the association."""
    certificate_in_hand = _holds_certificate(f, issue, on) and on <= CERTIFICATE_VALID_UNTIL
    if (
        f.health_insurance_card == "lost"
        and phase != Phase.AFTER_TRANSITION
        and not mnic
        and not certificate_in_hand
    ):
        t.ask_association("health_card_lost", "P4", Section.ABOLITION)
    if f.eligibility_certificate == "lost" and on <= CERTIFICATE_VALID_UNTIL:
        t.ask_association("certificate_lost", "P4", Section.CERTIFICATE)
    if f.eligibility_certificate == "held" and mnic:
        t.ask_association("certificate_and_registered", "P4", Section.CERTIFICATE)
    relies_on_certificate = not mnic and (issue != "none" or f.eligibility_certificate == "held")
    if on > CERTIFICATE_VALID_UNTIL and relies_on_certificate:
        t.ask_association("certificate_renewal", "P4", Section.CERTIFICATE)
    if (
        f.eligibility_certificate == "none"
        and issue != "none"
        and not mnic
        and on >= (f.joined_on if f.joined_after_abolition and f.joined_on else TRANSITION_OVER)
        and on <= CERTIFICATE_VALID_UNTIL
    ):
        t.ask_association("certificate_not_received", "R13", Section.CERTIFICATE)
    if mnic and f.eligibility_notice == "none" and f.mynaportal != "yes":
        t.ask_association("notice_not_received", "R30", Section.NOTICE)
    if covered and not can_show and not unknowns and not t.contact and not pending:
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
            t.by("R4", Section.ABOLITION)
        else:
            t.by("R5", Section.ABOLITION)
    before_loss = lost - dt.timedelta(days=1)
    if _holds_certificate(f, issue, before_loss):
        if lost <= CERTIFICATE_VALID_UNTIL:
            out.append(Return(Document.ELIGIBILITY_CERTIFICATE))
            t.by("R21", Section.CERTIFICATE)
            t.note("certificate_return_destination")
        else:
            t.by("R22", Section.CERTIFICATE)
    if f.eligibility_notice != "none":
        t.by("R32", Section.NOTICE)
    return tuple(out)


def _receive(
    f: Facts, issue: str, reasons: tuple[Reason, ...], mnic: bool, t: _Trace
) -> tuple[Delivery, ...]:
    out: list[Delivery] = []
    if issue != "none" and f.eligibility_certificate != "held":
        via_schedule = (
            issue == "ex_officio"
            and _holds_health_card(f)
            and (Reason.NO_CARD in reasons or Reason.NOT_REGISTERED in reasons)
        )
        if via_schedule:
            t.by("R25", Section.SCHEDULE)
            t.by("R24", Section.SCHEDULE)
        out.append(
            Delivery(
                Document.ELIGIBILITY_CERTIFICATE,
                issue,
                via_employer=via_schedule,
                when=EX_OFFICIO_MONTH.strftime("%Y-%m") if via_schedule else None,
                planned=via_schedule,
            )
        )
    if f.eligibility_notice not in ("held",):
        joined = f.joined_on
        if joined is None or joined <= FIRST_NOTICE_ROSTER_DAY:
            out.append(
                Delivery(Document.ELIGIBILITY_NOTICE, "sent", True, FIRST_NOTICE_SENT.isoformat())
            )
            t.by("R34", Section.SCHEDULE)
        elif joined <= SECOND_NOTICE_LAST_DAY:
            month = SECOND_NOTICE_MONTH.strftime("%Y-%m")
            out.append(Delivery(Document.ELIGIBILITY_NOTICE, "sent", True, month, planned=True))
            t.by("R33", Section.NOTICE, Section.SCHEDULE)
        elif mnic:
            out.append(Delivery(Document.ELIGIBILITY_NOTICE, "on_joining", False, None))
            t.by("R26", Section.NOTICE)
    if mnic and f.age is not None and ELDERLY_FROM <= f.age <= ELDERLY_TO:
        out.append(Delivery(Document.ELIGIBILITY_NOTICE, "on_copay_change", False, None))
        t.by("R26", Section.NOTICE)
    return tuple(out)


@dataclass(frozen=True)
class NextChange:
    day: dt.date
    assessment: Assessment


def _outcome(a: Assessment) -> dict[str, object]:
    d = a.to_dict()
    return {k: d[k] for k in ("show_at_clinic", "submit", "return", "register", "covered")} | {
        "issue": d["eligibility_certificate"]["issue"],
        "contact": d["contact_association"],
    }


def next_change(facts: Facts, on: dt.date) -> NextChange | None:
    """The first later day on which this person's answer changes, if any.

    Candidates are the leaflet's rule boundaries and the person's own dates (joining,
    losing eligibility); between two candidates the answer cannot change.
    """
    now = _outcome(assess(facts, on))
    days = set(RULE_BOUNDARIES)
    days.update(d for d in (facts.joined_on, facts.eligibility_lost_on) if d is not None)
    for day in sorted(d for d in days if d > on):
        later = assess(facts, day)
        if _outcome(later) != now:
            return NextChange(day, later)
    return None
