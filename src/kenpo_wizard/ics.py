"""iCalendar text (RFC 5545) for all-day reminders: standard library only, no clock.

Only what the wizard's reminders need: one VCALENDAR of all-day VEVENTs, each with an
optional VALARM some days before. Lines end in CRLF and are folded at 75 octets without
splitting a UTF-8 character (the texts are Japanese: one character is three octets); TEXT
values escape backslash, semicolon, comma and newlines (§3.3.11).

``DTSTAMP`` is required and must be a UTC date-time. The engine never reads a clock, so it is
derived from the day the answer is for (midnight in Japan on that day, in UTC). Without a
METHOD property, DTSTAMP is when the information was last revised (§3.8.7.2), and the
information is exactly the answer for that day; it makes the same answer give the same bytes
(the build's static files, tests, caches), and an answer for a later day gives a later stamp,
so a calendar that re-imports an event with the same UID takes the newer one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

PRODID = "-//kenpo-wizard//Hokensho reminders 1.0//JA"
UID_DOMAIN = "kenpo-wizard.invalid"  # a stable, reserved domain (RFC 2606): no real host
FOLD_AT = 75  # octets per line, CRLF not counted (§3.1)
JST = dt.timezone(dt.timedelta(hours=9), "JST")


@dataclass(frozen=True)
class Event:
    """One all-day event on ``day`` (DTEND is the next day, exclusive)."""

    uid: str
    day: dt.date
    summary: str
    description: str
    url: str | None = None
    alarm_days_before: int | None = 7


def escape_text(value: str) -> str:
    """A TEXT value (§3.3.11): backslash, semicolon and comma escaped; newlines as ``\\n``."""
    out = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return out.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets (§3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= FOLD_AT:
        return line
    parts: list[bytes] = []
    start, limit = 0, FOLD_AT
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, FOLD_AT - 1  # a continuation line starts with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def unfold(text: str) -> list[str]:
    """The content lines of ``text`` with folding undone (for tests and readers)."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def uid(state: str, kind: str) -> str:
    """The same person and kind of reminder always give the same UID (an update, not a copy)."""
    digest = hashlib.sha256(f"{state}\0{kind}".encode()).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def stamp_of(day: dt.date) -> str:
    """DTSTAMP for an answer about ``day``: midnight of that day in Japan, in UTC."""
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=JST)
    return midnight.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def uri_allowed(value: str) -> bool:
    """Whether ``value`` can be a URI property (no control characters: one content line)."""
    return not any(ord(c) < 0x20 or c == "\x7f" for c in value)


def _uri(value: str) -> str:
    if not uri_allowed(value):
        raise ValueError("a URI in a calendar cannot hold control characters")
    return value


def calendar(events: Sequence[Event], on: dt.date) -> str:
    """A VCALENDAR with ``events``, stamped with the day ``on`` (see the module's notes)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
    ]
    stamp = stamp_of(on)
    for e in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(e.day)}",
            f"DTEND;VALUE=DATE:{_date(e.day + dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(e.summary)}",
            f"DESCRIPTION:{escape_text(e.description)}",
        ]
        if e.url:
            lines.append(f"URL:{_uri(e.url)}")
        lines.append("TRANSP:TRANSPARENT")  # a reminder, not a busy day
        if e.alarm_days_before:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"TRIGGER:-P{e.alarm_days_before}D",
                f"DESCRIPTION:{escape_text(e.summary)}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
