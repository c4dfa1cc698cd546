"""Typed answers (dates, ages) offered as honest choices on the static no-JavaScript pages.

A static page cannot read a typed date, so each date or number question is shown as a few
ranges ("bands"). Bands are cut at every day or age the rules compare with (the leaflet's
dates, the build day, the joining day), give or take a day, and then adjacent bands whose
whole sub-tree of questions and results is identical are merged: within one band every
answer gives the same path and the same result, so the band's first value stands for all.

A range is offered only where every day of it gives the same pages (issue 20): after a
joining day given as a range, the 資格喪失日 is cut at the leaflet's dates only (not at the
range's first day, which is not the member's) and offered only from the day after the range,
so no day of either range contradicts the other. A day in no offered range is typed exactly
(the wizard with JavaScript, or the CLI). tests/kenpo_site/test_prebuilt_dates.py checks the
first, a middle and the last day of every range offered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from kenpo_wizard import leaflet as lf
from kenpo_wizard import rules
from kenpo_wizard.facts import CHILD_AGE_LIMIT
from kenpo_wizard.flow import FLOW, Flow, Outcome, Question, walk
from kenpo_wizard.wareki import both, seireki, wareki
from kenpo_wizard.web import Band

from .i18n import _

ONE = dt.timedelta(days=1)
DATE_ANCHORS: tuple[dt.date, ...] = (
    lf.FIRST_NOTICE_ROSTER_DAY,
    lf.SECOND_NOTICE_LAST_DAY,
    lf.ABOLITION_DAY,
    lf.TRANSITION_LAST_DAY,
    lf.CERTIFICATE_VALID_UNTIL,
)
# A page built on day D holds at most this long; the wizard asks its engine after that.
MAX_DAYS_VALID = 30
# CHILD_AGE_LIMIT: a child's companion is offered under it only (A9).
AGE_CUTS: tuple[int, ...] = (
    CHILD_AGE_LIMIT,
    rules.ELDERLY_FROM,
    rules.ELDERLY_TO + 1,
    rules.LATER_ELDERLY_AGE,
)
# Typed dates that later date questions are compared with (a 資格喪失日 after the 加入日).
READ_AS_RANGE: tuple[str, ...] = ("joined_on",)
# The "later" choice of the first question: joined on or after 2024-10-06.
DATE_FLOOR: dict[str, dt.date] = {"joined_on": lf.SECOND_NOTICE_FIRST_DAY}


@dataclass(frozen=True)
class Range:
    start: object  # dt.date | int | None (open below)
    end: object  # dt.date | int | None (open above)


def _date_cuts(
    qid: str, on: dt.date, known: Mapping[str, object], after: dt.date | None = None
) -> list[dt.date]:
    anchors = [*DATE_ANCHORS, on]
    joined = known.get("joined_on")
    if isinstance(joined, dt.date) and qid != "joined_on" and after is None:
        anchors.append(joined)
    cuts = {a + d * ONE for a in anchors for d in (0, 1, 2)}
    floor = DATE_FLOOR.get(qid)
    if after is not None:  # only days after an earlier answer's whole range
        floor = max(floor, after + ONE) if floor else after + ONE
    if floor is not None:
        cuts = {c for c in cuts if c > floor} | {floor}
    return sorted(cuts)


def candidate_ranges(
    q: Question,
    on: dt.date,
    known: Mapping[str, object],
    *,
    relative: bool = True,
    after: dt.date | None = None,
) -> list[Range]:
    """Fine ranges for a typed question; ``relative`` adds cuts at the person's own dates;
    ``after``: the last day of an earlier answer given as a range (this one comes later)."""
    if q.kind == "number":
        lo, hi = q.minimum or 0, q.maximum or 130
        # At 75 and over the answer depends on when the 75th birthday fell (the returns of
        # 資格喪失, v3 A2): one cut per year since the 資格確認書 began, then merged.
        recent = range(
            rules.LATER_ELDERLY_AGE + 1,
            rules.LATER_ELDERLY_AGE + max(0, on.year - lf.ABOLITION_DAY.year) + 3,
        )
        ages = sorted({c for c in (*AGE_CUTS, *recent) if lo < c <= hi})
        starts = [lo, *ages]
        ends = [c - 1 for c in ages] + [hi]
        return [Range(s, e) for s, e in zip(starts, ends, strict=True)]
    cuts = _date_cuts(q.id, on, known if relative else {}, after)
    out: list[Range] = []
    if DATE_FLOOR.get(q.id) is None and after is None:  # open below
        out.append(Range(None, cuts[0] - ONE))
    for i, c in enumerate(cuts):
        out.append(Range(c, cuts[i + 1] - ONE if i + 1 < len(cuts) else None))
    return out


def representative(q: Question, r: Range) -> str:
    """The answer standing for a range: its first value (or the day before an open start)."""
    if q.kind == "number":
        return str(r.start)
    if r.start is None:
        assert isinstance(r.end, dt.date)
        return r.end.isoformat()
    assert isinstance(r.start, dt.date)
    return r.start.isoformat()


def _known(answers: Mapping[str, str], flow: Flow, on: dt.date) -> dict[str, object]:
    facts = walk(flow, answers, on).facts
    return {k: v for k, v in facts.__dict__.items() if v is not None}


ERROR = hashlib.sha256(b"error").hexdigest()[:32]


class Signatures:
    """What follows a set of answers (questions and results), as comparable text (memoised).

    A typed question is compared by the sequence of its merged bands' sub-trees, not by the
    dates themselves, so two joining days that lead to the same choices later are equal.
    """

    def __init__(self, on: dt.date, flow: Flow = FLOW, *, as_ranges: bool = True) -> None:
        """``as_ranges`` False: a joining range's first day is taken as the member's (later
        dates cut at it), so a walk reaches every result of the day (the code table)."""
        self.on = on
        self.flow = flow
        self.as_ranges = as_ranges
        self._memo: dict[tuple[tuple[str, str], ...], str] = {}
        self._bands: dict[tuple[str, tuple[tuple[str, str], ...]], list[tuple[str, Range]]] = {}
        # answers that stand for a range of more than one day: (question, value) -> the range
        self.ranged: dict[tuple[str, str], Range] = {}

    def of(self, answers: dict[str, str]) -> str:
        key = tuple(sorted(answers.items()))
        if key not in self._memo:
            # A digest keeps nested signatures small (they nest once per question).
            self._memo[key] = hashlib.sha256(self._compute(answers).encode()).hexdigest()[:32]
        return self._memo[key]

    def _compute(self, answers: dict[str, str]) -> str:
        state = walk(self.flow, answers, self.on)
        if state.error is not None:
            return "error"
        if isinstance(state.node, Outcome):
            out = rules.assess(state.facts, self.on).to_dict()
            return json.dumps([state.node.id, out], sort_keys=True)
        q = state.node
        if q.kind == "choice":
            return json.dumps(
                [q.id]
                + [[c.value, self.of({**answers, q.id: c.value})] for c in q.offered(state.facts)]
            )
        return json.dumps([q.id] + [s for s, _r in self.merged(q, answers)])

    def _joined_range(self, q: Question, answers: Mapping[str, str]) -> Range | None:
        """The joining day's range, when it was answered by one (a later date is offered
        only after its last day); None for a joining day given exactly. Only walks that
        answer through :func:`bands` use this (a typed day never is a range)."""
        if not self.as_ranges or q.kind != "date" or q.id in READ_AS_RANGE:
            return None
        for earlier in READ_AS_RANGE:
            if earlier in answers and (earlier, answers[earlier]) in self.ranged:
                return self.ranged[(earlier, answers[earlier])]
        return None

    def merged(self, q: Question, answers: dict[str, str]) -> list[tuple[str, Range]]:
        key = (q.id, tuple(sorted(answers.items())))
        if key in self._bands:
            return self._bands[key]
        known = _known(answers, self.flow, self.on)
        out: list[tuple[str, Range]] = []
        joined = self._joined_range(q, answers)
        after = joined.end if joined is not None else None
        if joined is not None and after is None:  # joined on a day in an open range: no
            self._bands[key] = out  # later range is after all of it, the day is typed
            return out
        assert after is None or isinstance(after, dt.date)
        for r in candidate_ranges(q, self.on, known, after=after):
            value = representative(q, r)
            if q.id in READ_AS_RANGE and r.start != r.end:
                self.ranged[(q.id, value)] = r  # before its sub-tree, which reads it
            s = self.of({**answers, q.id: value})
            if s == ERROR:
                continue  # a contradiction (e.g. 資格喪失日 on or before 加入日): not offered
            if out and out[-1][0] == s and _adjacent(out[-1][1], r):
                out[-1] = (s, Range(out[-1][1].start, r.end))
                # a wider range: what follows it (later dates after its end) is made again
                self._widen(q.id, out[-1][1], answers)
                out[-1] = (self.of({**answers, q.id: representative(q, out[-1][1])}), out[-1][1])
            else:
                out.append((s, r))
        self._bands[key] = out
        return out

    def _widen(self, qid: str, r: Range, answers: Mapping[str, str]) -> None:
        """Register a merged range and forget what was worked out under its narrower one."""
        value = representative(self.flow.question(qid), r)
        if qid not in READ_AS_RANGE or self.ranged.get((qid, value)) == r:
            return
        self.ranged[(qid, value)] = r
        mark = (qid, value)
        self._memo = {k: v for k, v in self._memo.items() if mark not in k}
        self._bands = {k: v for k, v in self._bands.items() if mark not in k[1]}


def bands(q: Question, answers: dict[str, str], sig: Signatures) -> list[tuple[Band, Range]]:
    """Merged ranges for ``q`` after ``answers``, each with its label and representative."""
    return [
        (Band(representative(q, r), label(q, r, sig.on)), r) for _s, r in sig.merged(q, answers)
    ]


def _adjacent(a: Range, b: Range) -> bool:
    if isinstance(a.end, int) and isinstance(b.start, int):
        return a.end + 1 == b.start
    return isinstance(a.end, dt.date) and isinstance(b.start, dt.date) and a.end + ONE == b.start


def label(q: Question, r: Range, on: dt.date) -> str:
    """Say exactly which answers a band covers (和暦 with 西暦)."""
    if q.kind == "number":
        assert isinstance(r.start, int) and isinstance(r.end, int)
        if r.start == (q.minimum or 0):
            return _("{age}歳以下").format(age=r.end)
        if r.end == (q.maximum or 130):
            return _("{age}歳以上").format(age=r.start)
        if r.start == r.end:
            return _("{age}歳").format(age=r.start)
        return _("{start}〜{end}歳").format(start=r.start, end=r.end)
    start = r.start if isinstance(r.start, dt.date) else None
    end = r.end if isinstance(r.end, dt.date) else None

    def today(day: dt.date) -> str:
        # i18n: after a date that is the day the answers are judged on
        return _("（基準日）") if day == on else ""

    if start is None and end is not None:
        # i18n: {wareki} and {seireki} are the same day (和暦, 西暦); {today} is empty or （基準日）
        return _("{wareki}{today}以前（{seireki}以前）").format(
            wareki=wareki(end), today=today(end), seireki=seireki(end)
        )
    assert start is not None
    if end is None:
        return _("{wareki}{today}以降（{seireki}以降）").format(
            wareki=wareki(start), today=today(start), seireki=seireki(start)
        )
    if start == end:
        return both(start) + today(start)
    return _(
        "{start_wareki}{start_today}〜{end_wareki}{end_today}（{start_seireki}〜{end_seireki}）"
    ).format(
        start_wareki=wareki(start),
        start_today=today(start),
        end_wareki=wareki(end),
        end_today=today(end),
        start_seireki=seireki(start),
        end_seireki=seireki(end),
    )


def horizon(on: dt.date) -> dt.date:
    """The last day the build's question pages hold: 30 days on, or the day before the next
    rule boundary of the leaflet (the flow asks by those dates), whichever is sooner."""
    last = on + dt.timedelta(days=MAX_DAYS_VALID)
    coming = rules.next_boundary(on)
    return min(last, coming - ONE) if coming else last
