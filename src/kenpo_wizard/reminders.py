"""Calendar reminders: the member's own coming dates that an answer knows, as an ``.ics``.

Which dates, each strictly after the assessed day:

- the 資格確認書's latest validity (R20, P3: "check the date printed on your card"), when the
  member holds the card or will receive it (documents ``usable``, ``arriving``, ``to_apply``)
  and does not return it before then (R21, decided by the rules as ``returns``);
- the day the answer next changes (``next_change``, decided by the rules), worded as the
  result words it, with what to do first on that day and whom to ask. When that change is
  the day after the 資格確認書's validity, it goes into the validity reminder (one event).

Not offered, because the answer does not know them: the 75th birthday (the wizard asks the
age, not the date of birth, so the day is unknown: no birthday is guessed) and the end of the
電子証明書's grace period (P8: the wizard asks whether it has expired, not when).

A day that comes from an answer given only as a range (the no-JavaScript pages offer typed
dates as bands) is left out: a calendar needs the member's own day, not the band's first.
Wording only, as :mod:`kenpo_wizard.texts`: every date and decision comes from the answer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .assessment import Assessment, Change, Status
from .facts import Facts
from .i18n import _, sep_alternatives
from .ics import Event, calendar, uid
from .leaflet import RULE_BOUNDARIES, SECTION_TITLES, Document, Section
from .phrases import ASK_TEXTS, REFERENCE_TEXTS
from .registry import RULES
from .texts import change_text, explain
from .wareki import both, seireki

KINDS = ("certificate_validity", "next_change")
FILE_NAME = "kenpo-calendar.ics"  # the download's name in the browser
STATIC_FILE = "calendar.ics"  # beside a no-JavaScript result page
_COMING = (Status.USABLE, Status.ARRIVING, Status.TO_APPLY)
_PERSONAL_DATES = ("joined_on", "eligibility_lost_on")


@dataclass(frozen=True)
class Reminder:
    kind: str  # one of KINDS
    day: dt.date
    summary: str
    lines: tuple[str, ...]  # the description, one paragraph each


def _summary(kind: str) -> str:
    return {
        "coverage_starts": _("加入日：当組合の書類で受診できるようになります"),
        "coverage_ends": _("資格喪失日：当組合の書類では受診できなくなります"),
        "certificate_validity_ends": _("資格確認書の有効期限の翌日：受診について当組合へ確認"),
        "show_changes": _("受診のときに使う書類が変わります"),
        "contact_needed": _("当組合へのお問い合わせが必要になります"),
        "submit_changes": _("提出するものが変わります"),
        "abolition": _("保険証の新規発行・再発行が終わります"),
        "transition_ends": _("経過措置の終了：返却や登録の案内が変わります"),
    }.get(kind, _("返却するものや登録の案内が変わります"))


def _sources_line(sections: Collection[Section]) -> str:
    titles = sep_alternatives().join(_(SECTION_TITLES[s]) for s in Section if s in sections)
    return _("根拠（リーフレット）：{titles}").format(titles=titles)


def _ask_lines(a: Assessment) -> list[str]:
    return [_("お問い合わせ先：{who}").format(who=ASK_TEXTS[w]()) for w in a.ask]


def _reference(code: str) -> str:
    return _("参考：{text}").format(text=REFERENCE_TEXTS[code]().plain())


def _from_inexact(day: dt.date, facts: Facts, inexact: Collection[str]) -> bool:
    """Whether ``day`` is one of the person's own dates that was answered only as a range."""
    if day in RULE_BOUNDARIES:
        return False
    return any(getattr(facts, name) == day for name in _PERSONAL_DATES if name in inexact)


def reminders(a: Assessment, facts: Facts, inexact: Collection[str] = ()) -> tuple[Reminder, ...]:
    """The reminders for this answer, in date order; ``inexact`` names facts given as a range."""
    out: list[Reminder] = []
    change = a.next_change
    if change is not None and (change.day <= a.on or _from_inexact(change.day, facts, inexact)):
        change = None
    validity = _validity(a, change)
    if validity is not None:
        out.append(validity)
        if change is not None and change.day == validity.day + dt.timedelta(days=1):
            change = None  # worded inside the validity reminder
    if change is not None:
        out.append(_change(a, change))
    return tuple(sorted(out, key=lambda r: r.day))


def _validity(a: Assessment, change: Change | None) -> Reminder | None:
    held = a.holding(Document.ELIGIBILITY_CERTIFICATE)
    if held is None or held.status not in _COMING:
        return None
    day = held.until or a.eligibility_certificate.valid_until
    if day is None or day <= a.on:
        return None
    if any(r.document == Document.ELIGIBILITY_CERTIFICATE for r in a.returns):
        return None  # returned on losing eligibility, before this day (R21)
    lines = [
        both(day),
        _("お持ちの資格確認書の有効期限は、最長でこの日までです。")
        if held.status == Status.USABLE
        else _("交付される資格確認書の有効期限は、最長でこの日までです。"),
        _("お手元のカードに印字された有効期限をご確認ください。"),
    ]
    if a.eligibility_certificate.shorter_validity_possible:
        lines.append(_reference("shorter_validity"))
    asked = a
    if change is not None and change.day == day + dt.timedelta(days=1):
        lines.append(change_text(a, change, left=seireki(change.day)))
        if change.answer is not None:
            asked = change.answer
            lines += _first_step_lines(change)
    lines.append(_sources_line(RULES["R20"].sections))
    lines += _ask_lines(asked)
    return Reminder("certificate_validity", day, _("資格確認書の有効期限（最長）"), tuple(lines))


# What the first step points at on the result page ("below"), given inside the event.
_PARTS_IN_EVENT = ("submit", "return", "contact")


def _first_step_lines(change: Change) -> list[str]:
    """What to do first on that day, and the lists it points at (the result's own words)."""
    assert change.answer is not None
    x = explain(change.answer)
    step = x.first_step  # it points "below" at its lists: they follow it in the event too
    lines = [_("{day}からの最初の一歩：{step}").format(day=both(change.day), step=step)]
    for part in x.parts:
        if part.key in _PARTS_IN_EVENT:
            lines.append(
                _("{title}：{items}").format(
                    title=part.title, items=sep_alternatives().join(part.items)
                )
            )
    return lines


def _change(a: Assessment, change: Change) -> Reminder:
    lines = [both(change.day), change_text(a, change, left=seireki(change.day))]
    later = change.answer
    if later is not None:
        lines += _first_step_lines(change)
        lines += [_reference(r) for r in later.references if r not in a.references]
        lines.append(_sources_line(later.sources))
        lines += _ask_lines(later)
    return Reminder("next_change", change.day, _summary(change.kind), tuple(lines))


def state_key(facts: Facts, inexact: Collection[str] = ()) -> str:
    """The person, as the UIDs read it: the facts given exactly (not the day asked)."""
    given = {k: v for k, v in facts.to_dict().items() if k not in inexact}
    return json.dumps(given, sort_keys=True, ensure_ascii=False)


def ics(
    a: Assessment, facts: Facts, *, url: str | None = None, inexact: Collection[str] = ()
) -> str:
    """The ``.ics`` text of :func:`reminders` (empty when there is nothing to remind of).

    ``url`` links each event back to the result; the faces pass it (the engine knows no site).
    """
    found = reminders(a, facts, inexact)
    return to_ics(found, a.on, state_key(facts, inexact), url)


def to_ics(found: Sequence[Reminder], on: dt.date, state: str, url: str | None = None) -> str:
    """Reminders as iCalendar text, stamped with the day ``on``; empty when there are none."""
    if not found:
        return ""
    tail = [_("結果をもう一度確認する：{url}").format(url=url)] if url else []
    events = [
        Event(
            uid=uid(state, r.kind),
            day=r.day,
            summary=r.summary,
            description="\n".join([*r.lines, *tail]),
            url=url,
        )
        for r in found
    ]
    return calendar(events, on)
