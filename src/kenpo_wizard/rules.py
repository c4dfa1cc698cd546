"""``assess``: the leaflet's rules (spec/domain.md R1–R34) and product decisions (P1–P14).

Every decision about a person lives here and in :mod:`kenpo_wizard.documents` (what they hold,
are issued, receive and return) (P14): what they show and submit, whether the leaflet settles
their case, which 参考 applies, what to do first, whom to ask and when the answer next
changes. Each branch records its rule id on a :class:`~kenpo_wizard.trace.Trace`; the
sections behind an answer come from :mod:`kenpo_wizard.registry`. The day is an argument:
nothing here reads a clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping

from .assessment import (
    Assessment,
    CertificateIssue,
    Change,
    Phase,
    Status,
)
from .dates import check_day
from .documents import LATER_ELDERLY_AGE as LATER_ELDERLY_AGE  # P5, for the flow and bands
from .documents import (
    Person,
    certificate_issue,
    documents_of,
    reasons_of,
    receive_of,
    returns_of,
    shorter_validity_possible,
)
from .errors import InputError
from .facts import Facts, check_consistent, parse_facts
from .leaflet import (
    ABOLITION_DAY,
    CERTIFICATE_EXPIRED_FROM,
    CERTIFICATE_VALID_UNTIL,
    FIRST_NOTICE_ROSTER_DAY,
    RULE_BOUNDARIES,
    SECOND_NOTICE_DUE,
    SECOND_NOTICE_LAST_DAY,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
    Form,
    Reason,
    Route,
)
from .registry import TEMPORARY_MEASURE
from .trace import Trace

ELDERLY_FROM, ELDERLY_TO = 70, 74  # R19: 高齢受給者
# One day inside each period the rules tell apart (before / transition / after / the
# 資格確認書's validity over): the golden list, the code table and the flow diagram use them.
SAMPLE_DAYS: tuple[dt.date, ...] = (
    dt.date(2024, 11, 15),
    dt.date(2025, 6, 15),
    dt.date(2026, 6, 15),
    dt.date(2030, 6, 15),
)


def phase_of(on: dt.date) -> str:
    if on < ABOLITION_DAY:
        return Phase.BEFORE_ABOLITION
    if on <= TRANSITION_LAST_DAY:
        return Phase.TRANSITION
    return Phase.AFTER_TRANSITION


def assess(
    facts: Mapping[str, object] | Facts, on: dt.date, today: dt.date | None = None
) -> Assessment:
    """The answer for a person (``facts``) on the day ``on``; see spec/contract.md.

    ``today`` is the day the answer is made (Japan time; default ``on``): it sets only the
    tense of dated events (v3 A8), never what the answer is. Bad input raises
    :class:`~kenpo_wizard.errors.InputError` (contract A9): a day outside
    :data:`~kenpo_wizard.dates.FIRST_DAY` … :data:`~kenpo_wizard.dates.LAST_DAY`, a bad or
    contradictory fact, also in a :class:`Facts` made without :func:`parse_facts`."""
    for day in (on, today):
        if day is not None and (isinstance(day, dt.datetime) or not isinstance(day, dt.date)):
            raise TypeError("on and today must be datetime.date")
    check_day(on, "on")
    f = parse_facts(facts.to_dict() if isinstance(facts, Facts) else facts)
    answer = decide(f, on, today)
    return dataclasses.replace(answer, next_change=_next_change(f, answer))


# The flow asks the same question of the same facts many times (every walk decides whether
# each answer could change the result): the answer is a pure, frozen value, so it is kept.
@functools.lru_cache(maxsize=2048)
def decide(f: Facts, on: dt.date, today: dt.date | None = None) -> Assessment:
    """The answer without its ``next_change`` (the flow asks this many times)."""
    t = Trace()
    phase = phase_of(on)
    t.by({"before_abolition": "R1", "transition": "R2"}.get(phase, "R3"), "P9")
    p = Person(
        f,
        on,
        over_age=f.age is not None and f.age >= LATER_ELDERLY_AGE,
        not_yet=f.joined_on is not None and on < f.joined_on,
        lost=f.eligibility_lost_on is not None and on >= f.eligibility_lost_on,
        mnic=f.has_usable_my_number_card,
        elderly=f.age is not None and ELDERLY_FROM <= f.age <= ELDERLY_TO,
        today=today or on,
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
    held_reasons = () if p.over_age else reasons_of(f, Trace() if p.lost else t)
    held_issue = certificate_issue(f, held_reasons, Trace() if p.lost else t)
    reasons = held_reasons if p.member else ()
    issue = held_issue if p.member else "none"
    shorter = shorter_validity_possible(issue, reasons)
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
    if p.member and f.join_date == "unknown" and f.joined_on is None:
        unknowns.append("joined_on")  # presumed an existing member (P12): say what to check

    documents = documents_of(p, issue, reasons, t) if p.member else ()
    status = {h.document: h.status for h in documents}
    cert_status = status.get(Document.ELIGIBILITY_CERTIFICATE)
    pending = p.covered and notice_pending(p)
    show = _show(p, status, pending, t) if p.covered else []
    submit = _submit(p, cert_status, t) if p.member else []
    receive = receive_of(p, issue, reasons, cert_status, t) if p.member else ()
    waiting = cert_status in (Status.ARRIVING, Status.TO_APPLY)
    if p.member:
        _contact_cases(
            p, phase, issue, reasons, cert_status, bool(show), unknowns, t, bool(submit) or pending
        )
        if p.covered and not show and waiting:
            t.by("P12")
            t.note("waiting_for_certificate")
        if pending and not (show or waiting):
            t.by("P12")
            t.note("waiting_for_notice")
    returns = returns_of(p, held_issue, held_reasons, t)
    if returns and not p.voluntary:  # the website's 5 days are for the 事業所担当者 (A4)
        t.refer("return_within_5_days", "P10")

    register: tuple[Route, ...] = ()
    if p.member and f.mynumber_card == "held" and f.insurance_use != "registered":
        register = tuple(Route)
        if phase != Phase.AFTER_TRANSITION:
            t.by("R6")  # "early, within the 経過措置"
        t.by("R8", "R9")
        t.refer("registration_routes", "R9")
    if (
        p.covered
        and not p.mnic
        and on >= CERTIFICATE_EXPIRED_FROM
        and (issue != "none" or f.eligibility_certificate == "held")
    ):
        # P13: the leaflet is silent on renewal; recommend マイナ保険証 (with a card first).
        register = tuple(Route)
        t.by("P13", "R7", "R8", "R9")
        t.note("register_after_validity")
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
        first_step=_first_step(p, show, submit, unknowns, cert_status, pending, t),
        ask=_ask(p, bool(returns)),
        today=today,
    )


def notice_pending(p: Person) -> bool:
    """R30 (v3 A3): a joiner's マイナ保険証 works for online checks once the お知らせ arrives,
    or earlier if マイナポータル shows this association. A member of the dated batches (R33,
    R34) whose お知らせ was due and did not come is P4's case instead (notice_not_received)."""
    f = p.f
    if not p.mnic or f.eligibility_notice != "none" or f.mynaportal == "yes":
        return False
    joined = f.joined_on
    if joined is None or joined <= FIRST_NOTICE_ROSTER_DAY:
        return False
    if joined <= SECOND_NOTICE_LAST_DAY:
        return p.on < SECOND_NOTICE_DUE
    return True  # on joining (R26): the leaflet gives no day


def _show(
    p: Person, status: Mapping[Document, str], pending: bool, t: Trace
) -> list[tuple[Document, ...]]:
    f, on = p.f, p.on
    show: list[tuple[Document, ...]] = []
    if pending:
        t.by("R30")
        t.note("notice_pending")
    elif p.mnic:
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


def _submit(p: Person, cert_status: str | None, t: Trace) -> list[Form]:
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
    p: Person,
    phase: str,
    issue: str,
    reasons: tuple[Reason, ...],
    cert_status: str | None,
    can_show: bool,
    unknowns: list[str],
    t: Trace,
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
    if p.mnic and f.eligibility_notice == "none" and f.mynaportal != "yes" and not pending:
        t.ask_association("notice_not_received", "R30")
    waiting = cert_status in (Status.ARRIVING, Status.TO_APPLY)
    if p.covered and not (can_show or unknowns or t.contact or pending or waiting):
        t.ask_association("nothing_to_show", "P4")


def _temporary_measure(p: Person, status: Mapping[Document, str], t: Trace) -> None:
    """P8/P13: the national measure as a 参考 on the days it ran. After it ended it changes
    nothing a member does: it is history, on the guide's history page only (P16, v3 A7)."""
    m = TEMPORARY_MEASURE
    if p.covered and m.start <= p.on <= m.end:
        t.refer("temporary_measure", m.rule)


def _first_step(
    p: Person,
    show: list[tuple[Document, ...]],
    submit: list[Form],
    unknowns: list[str],
    cert_status: str | None,
    pending: bool,
    t: Trace,
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
    if pending and not t.contact:
        return "wait_notice"
    if t.contact or cert_status not in (Status.ARRIVING, Status.TO_APPLY):
        return "contact"
    return "wait"


def _ask(p: Person, returns: bool) -> tuple[str, ...]:
    """Whom to ask: the employer's clerk is the way to the association (R16, P4)."""
    if p.over_age:
        # P5 (参考); what 資格喪失 brings is returned to the 勤務先 or the association (A2)
        if not returns:
            return ("municipality",)
        return ("municipality", "association" if p.voluntary else "employer")
    if p.lost:
        # P10 (参考); returns go to the 勤務先 (R4), or to the association for 任意継続 (A4)
        return ("new_insurer", "association" if p.voluntary else "employer")
    if p.voluntary:
        return ("association",)  # no 事業所 (P4, v3 A4)
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


def next_boundary(on: dt.date) -> dt.date | None:
    """The first day after ``on`` on which the questions asked or any answer's words can
    change for everyone: the leaflet's rule boundaries, and the days the national temporary
    measure's 参考 appears and goes (a person's own dates aside)."""
    m = TEMPORARY_MEASURE
    days = (*RULE_BOUNDARIES, m.start, m.end + dt.timedelta(days=1))
    return min((d for d in days if d > on), default=None)


def _next_change(facts: Facts, now: Assessment) -> Change | None:
    """The first later day on which this person's answer changes, and what changes then.

    Candidates are the leaflet's rule boundaries and the person's own dates (joining,
    losing eligibility); between two candidates the answer cannot change.
    """
    if now.first_step == "later_elderly":
        # Outside this association (P5); the age holds on the assessed day only, so a later
        # day would be another person's answer (their 75th birthday moves with it).
        return None
    days = set(RULE_BOUNDARIES)
    days.update(d for d in (facts.joined_on, facts.eligibility_lost_on) if d is not None)
    certificate = now.holding(Document.ELIGIBILITY_CERTIFICATE)
    if certificate is not None and certificate.status == Status.ARRIVING:
        # "Not received yet" describes today: later days read the delivery as the rules do.
        facts = dataclasses.replace(facts, eligibility_certificate=None)
    for day in sorted(d for d in days if d > now.on):
        later = decide(facts, day, now.today)
        if _outcome(later) != _outcome(now):
            return Change(
                day,
                _change_kind(now, later),
                later.show_at_clinic,
                later.submit,
                later.contact_reasons,
                later,
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


def joiner_with_reason(facts: Facts) -> bool:
    """A member who joined on or after 2024-12-02 with a 交付事由 asks for the 資格確認書 at
    joining (R16): the wizard asks whether it has arrived, not whether it is in hand (v3 A1)."""
    return facts.joined_after_abolition and bool(reasons_of(facts, Trace()))


def answer_depends_on(facts: Facts, on: dt.date, name: str, values: tuple[str, ...]) -> bool:
    """Whether the document ``name`` matters to this person and some value of it changes the
    answer: the question flow asks only then (spec/domain.md P14: the flow holds no rule)."""
    document = Document(name)
    base = decide(facts, on)
    # Who has left is asked about what they held on their last day (the returns, P1).
    lost = facts.eligibility_lost_on
    last_day = lost - dt.timedelta(days=1) if lost is not None and lost <= on else on
    member = base if last_day == on else decide(facts, last_day)
    if member.holding(document) is None:
        return False
    outcomes = {
        _outcome(decide(dataclasses.replace(facts, **{name: value}), on))  # type: ignore[arg-type]
        for value in values
    }
    return len(outcomes | {_outcome(base)}) > 1


def answers_can_change(facts: Facts, on: dt.date, variants: Iterable[Mapping[str, object]]) -> bool:
    """Whether any of these sets of answers changes the answer: the flow asks a question only
    then (P14), so a member whose answer is already fixed (資格喪失, say) is not asked about
    cards and certificates that cannot change it."""
    base = _outcome(decide(facts, on))
    for v in variants:
        changed = dataclasses.replace(facts, **v)  # type: ignore[arg-type]
        try:
            check_consistent(changed)  # an answer that cannot be true is not offered (A9)
        except InputError:
            continue
        if _outcome(decide(changed, on)) != base:
            return True
    return False
