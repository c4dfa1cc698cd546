"""The answer for one person on one day (contract.md), and its JSON form."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from .leaflet import Document, Form, Reason, Route, Section


class Phase:
    BEFORE_ABOLITION = "before_abolition"
    TRANSITION = "transition"
    AFTER_TRANSITION = "after_transition"


@dataclass(frozen=True)
class CertificateIssue:
    issue: str  # none / ex_officio / application
    reasons: tuple[Reason, ...] = ()
    valid_until: dt.date | None = None
    copay_ratio_printed: bool = False
    shorter_validity_possible: bool = False  # domain.md P3/P10


class Status:
    """Where a document stands for the person on the day (domain.md P14: decided by the rules)."""

    USABLE = "usable"  # in hand and usable on the day (``until``: the last usable day)
    HELD = "held"  # in hand; used together with another document (the お知らせ, R28)
    EXPIRED = "expired"  # in hand, no longer usable
    ARRIVING = "arriving"  # comes to the member without a form (see ``receive``)
    TO_APPLY = "to_apply"  # comes after the forms in ``submit``
    NOT_RECEIVED = "not_received"  # should have come and did not (the member said so)
    LOST = "lost"
    NONE = "none"  # not in hand (returned, or never had)


@dataclass(frozen=True)
class Holding:
    document: Document
    status: str
    until: dt.date | None = None  # the last day it can be used (the latest, for P3)


@dataclass(frozen=True)
class Return:
    """A document to hand back (P1, v3 A5): due from ``from_day`` (the 資格喪失日), not before."""

    document: Document
    to: str = "employer"  # or "association" (任意継続, v3 A4)
    from_day: dt.date | None = None  # None: the day is not a date the member gave (75, A2)
    if_held: bool = False  # the member did not say whether they hold it (75 and over, A2)


@dataclass(frozen=True)
class Delivery:
    """Something that comes to the member (an extension of the contract)."""

    document: Document
    how: str  # ex_officio / application / on_joining / sent / on_copay_change
    via_employer: bool
    when: str | None  # ISO day or month (YYYY-MM) when the leaflet names one
    planned: bool = False
    past: bool = False  # ``when`` lies before the assessed day (domain.md P13: past tense)


@dataclass(frozen=True)
class Change:
    """The first later day on which the answer changes, and what it is then."""

    day: dt.date
    kind: str  # see trace.CHANGE_KINDS
    show_at_clinic: tuple[tuple[Document, ...], ...] = ()
    submit: tuple[Form, ...] = ()
    contact_reasons: tuple[str, ...] = ()
    # The whole answer on that day (its sources, first step, whom to ask), for the texts
    # that word the change (calendar reminders); not part of the JSON.
    answer: Assessment | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Assessment:
    on: dt.date
    phase: str
    covered: bool
    show_at_clinic: tuple[tuple[Document, ...], ...]
    eligibility_certificate: CertificateIssue
    submit: tuple[Form, ...]
    returns: tuple[Return, ...]
    register: tuple[Route, ...]
    contact_association: bool
    sources: tuple[Section, ...]
    # Extensions: why, in rule ids and note codes, so texts and tests can point at them.
    rules: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    contact_reasons: tuple[str, ...] = ()
    unknowns: tuple[str, ...] = ()
    receive: tuple[Delivery, ...] = field(default=())
    documents: tuple[Holding, ...] = ()
    references: tuple[str, ...] = ()  # 参考 codes (domain.md P8, P10), decided by the rules
    first_step: str = ""  # what to do first (trace.FIRST_STEPS)
    ask: tuple[str, ...] = ()  # whom to ask, in order (trace.ASK_CODES)
    next_change: Change | None = None
    # The day the answer is made (Japan time): events before it are told in the past tense,
    # whatever day is asked (v3 A8). Defaults to ``on``; not part of the JSON.
    today: dt.date | None = field(default=None, compare=False)

    @property
    def now(self) -> dt.date:
        return self.today or self.on

    def holding(self, document: Document) -> Holding | None:
        return next((h for h in self.documents if h.document == document), None)

    def to_dict(self) -> dict[str, Any]:
        ec = self.eligibility_certificate
        out: dict[str, Any] = {
            "on": self.on.isoformat(),
            "phase": self.phase,
            "covered": self.covered,
            "show_at_clinic": [[str(d) for d in alt] for alt in self.show_at_clinic],
            "eligibility_certificate": {
                "issue": ec.issue,
                "reasons": [str(r) for r in ec.reasons],
                "valid_until": ec.valid_until.isoformat() if ec.valid_until else None,
                "copay_ratio_printed": ec.copay_ratio_printed,
                "shorter_validity_possible": ec.shorter_validity_possible,
            },
            "submit": [str(f) for f in self.submit],
            "return": [
                {
                    "document": str(r.document),
                    "to": r.to,
                    "from": r.from_day.isoformat() if r.from_day else None,
                    "if_held": r.if_held,
                }
                for r in self.returns
            ],
            "register": [str(r) for r in self.register],
            "contact_association": self.contact_association,
            "sources": [str(s) for s in self.sources],
            "rules": list(self.rules),
            "notes": list(self.notes),
            "contact_reasons": list(self.contact_reasons),
            "unknowns": list(self.unknowns),
            "receive": [
                {
                    "document": str(d.document),
                    "how": d.how,
                    "via_employer": d.via_employer,
                    "when": d.when,
                    "planned": d.planned,
                    "past": d.past,
                }
                for d in self.receive
            ],
            "documents": [
                {
                    "document": str(h.document),
                    "status": h.status,
                    "until": h.until.isoformat() if h.until else None,
                }
                for h in self.documents
            ],
            "references": list(self.references),
            "first_step": self.first_step,
            "ask": list(self.ask),
            "next_change": _change_dict(self.next_change),
        }
        out["result_code"] = result_code(out)
        return out


def _change_dict(c: Change | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "on": c.day.isoformat(),
        "kind": c.kind,
        "show_at_clinic": [[str(d) for d in alt] for alt in c.show_at_clinic],
        "submit": [str(f) for f in c.submit],
        "contact_reasons": list(c.contact_reasons),
    }


# Letters that survive being read aloud on the phone (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
# What an agent needs to talk about: not the day, not the explanatory notes.
_CODE_KEYS = (
    "phase",
    "covered",
    "show_at_clinic",
    "submit",
    "return",
    "contact_association",
)


def result_code(answer: dict[str, Any]) -> str:
    """A short code for what the answer says (not for the day), e.g. ``T-K7QA``.

    The first letter is the phase (B/T/A); the rest is a digest of the outcome, so the same
    situation always has the same code and a call-center agent can look it up.
    """
    outcome = {k: answer[k] for k in _CODE_KEYS}
    # A return's day is the member's own date, not part of the situation (v3 A5).
    outcome["return"] = [{k: v for k, v in r.items() if k != "from"} for r in answer["return"]]
    certificate = answer["eligibility_certificate"]
    outcome["issue"] = certificate["issue"]
    outcome["register"] = bool(answer["register"])
    # What sets a 資格確認書 apart on the card and on the form, so that a code's row can say it:
    # the 70–74 負担割合 printed on it, the 交付事由, a validity that may be shorter.
    for key in ("copay_ratio_printed", "reasons", "shorter_validity_possible"):
        outcome[key] = certificate[key]
    digest = hashlib.sha256(json.dumps(outcome, sort_keys=True).encode()).digest()
    n = int.from_bytes(digest[:8], "big")
    letters = []
    for _ in range(4):
        n, i = divmod(n, len(_CODE_ALPHABET))
        letters.append(_CODE_ALPHABET[i])
    prefix = {"before_abolition": "B", "transition": "T", "after_transition": "A"}[answer["phase"]]
    return f"{prefix}-{''.join(letters)}"
