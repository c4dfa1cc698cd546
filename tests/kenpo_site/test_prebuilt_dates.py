"""No pre-built page claims a date it does not know (spec v3 A6, P15).

A pre-built (no-JavaScript) page answers a typed question with a band: a range of dates or
ages. Every result page reached through a band is walked as the build walks it, and each
date it shows is compared with the engine's own answer for the same answers on the band's
first, a middle and its last day: a date shown must be in all of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

import pytest

from kenpo_site.bands import Range, Signatures, bands
from kenpo_wizard.flow import FLOW, Outcome, Question, walk
from kenpo_wizard.reminders import reminders
from kenpo_wizard.rules import assess
from kenpo_wizard.texts import explain
from kenpo_wizard.wareki import wareki
from kenpo_wizard.web import canonical_query

# every band of every path: make test, not test-fast; one worker shares the band walk
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("band_walk")]

BUILD_DAY = dt.date(2026, 12, 2)
MAX_DAY = dt.date(2099, 12, 31)  # the last day the engine takes (spec v3 A9)
_ERA_DAY = re.compile(r"令和(\d+|元)年(\d+)月(\d+)日")

Path = list[tuple[str, str]]


def dates_in(text: str) -> set[dt.date]:
    out = set()
    for m in _ERA_DAY.finditer(text):
        year = 1 if m.group(1) == "元" else int(m.group(1))
        out.add(dt.date(2018 + year, int(m.group(2)), int(m.group(3))))
    return out


@functools.cache
def band_walk(on: dt.date) -> list[tuple[Path, dict[str, Range], dict[tuple[str, str], str]]]:
    """Every result state reached through at least one band of more than one value (walked
    once per process: both sweeps below read it; they run in one worker, see xdist_group)."""
    return list(_band_walk(on))


def _band_walk(on: dt.date) -> Iterator[tuple[Path, dict[str, Range], dict[tuple[str, str], str]]]:
    sig = Signatures(on)
    todo: list[tuple[Path, dict[str, Range], dict[tuple[str, str], str]]] = [([], {}, {})]
    while todo:
        path, ranged, labels = todo.pop()
        state = walk(FLOW, dict(path), on)
        assert state.error is None, path  # the build offers only answers that can be true
        node = state.node
        if isinstance(node, Outcome):
            if ranged:
                yield path, ranged, labels
            continue
        assert isinstance(node, Question)
        if node.kind == "choice":
            todo.extend(
                ([*path, (node.id, c.value)], ranged, labels) for c in node.offered(state.facts)
            )
            continue
        for band, r in bands(node, dict(path), sig):
            wide = r.start is None or r.end is None or r.start != r.end
            more = {**ranged, node.id: r} if wide else ranged
            todo.append(
                (
                    [*path, (node.id, band.value)],
                    more,
                    {**labels, (node.id, band.value): band.label},
                )
            )


def samples(q: Question, r: Range) -> list[str]:
    """The first, a middle and the last value of a band (open ends: a year, or the range's end)."""
    if q.kind == "number":
        lo, hi = int(str(r.start)), int(str(r.end))
        return [str(v) for v in sorted({lo, (lo + hi) // 2, hi})]
    end = r.end if isinstance(r.end, dt.date) else MAX_DAY
    start = r.start if isinstance(r.start, dt.date) else end - dt.timedelta(days=365)
    middle = start + (end - start) // 2
    return [d.isoformat() for d in sorted({start, middle, end})]


def result_text(answers: dict[str, str], on: dt.date, inexact: frozenset[str] = frozenset()) -> str:
    """What a result page says (the same Explanation the page's views render), with the
    calendar's dates; the answers' own summary (band labels, 「〜以降」) is not an answer."""
    state = walk(FLOW, answers, on)
    assert state.error is None and isinstance(state.node, Outcome), answers
    a = assess(state.facts, on, on)
    x = explain(a, inexact)
    found = reminders(a, state.facts, inexact)
    lines = [x.headline, *(i for p in x.parts for i in p.items)]
    lines += [wareki(r.day) for r in found]
    return "\n".join(lines)


def page_and_truths(
    on: dt.date,
) -> Iterator[tuple[str, set[dt.date], list[tuple[str, set[dt.date]]]]]:
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    for path, ranged, _labels in band_walk(on):
        answers = dict(path)
        facts = {FLOW.question(q).fact or q for q in ranged}
        text = result_text(answers, on, frozenset(facts))
        # pages that say the same over the same bands are checked once
        key = (text, tuple(sorted((q, f"{r.start}..{r.end}") for q, r in ranged.items())))
        if key in seen:
            continue
        seen.add(key)
        shown = dates_in(text)
        truths = []
        for qid, r in ranged.items():
            for value in samples(FLOW.question(qid), r):
                exact = {**answers, qid: value}
                if walk(FLOW, exact, on).error is not None:
                    continue  # contradicts another answer (joined after leaving): no such member
                truths.append((f"{qid}={value}", dates_in(result_text(exact, on))))
        yield canonical_query(answers), shown, truths


@pytest.mark.parametrize("on", [BUILD_DAY], ids=str)
def test_a_prebuilt_page_shows_only_dates_true_on_every_day_of_its_bands(on: dt.date) -> None:
    checked = 0
    wrong: dict[str, list[str]] = {}
    for query, shown, truths in page_and_truths(on):
        checked += 1
        for which, true in truths:
            extra = sorted(shown - true)
            if extra:
                wrong.setdefault(query, []).append(f"{which}: {extra}")
    assert checked > 100  # the walk reached the banded results
    assert wrong == {}


def test_the_check_sees_a_range_shown_as_a_day() -> None:
    """The v2 symptom: a leaver's band 「令和8年12月5日〜」 read as cover ending on 12月5日."""
    answers = {
        "since": "before",
        "member_type": "employee",
        "age": "40",
        "leaving": "yes",
        "eligibility_lost_on": "2026-12-16",
        "mynumber_card": "none",
        "eligibility_certificate": "held",
    }
    assert dt.date(2026, 12, 16) in dates_in(result_text(answers, BUILD_DAY))  # typed: theirs
    band = {**answers, "eligibility_lost_on": "2026-12-05"}
    ranged = result_text(band, BUILD_DAY, frozenset({"eligibility_lost_on"}))
    assert dt.date(2026, 12, 5) not in dates_in(ranged)
    assert "資格喪失日以降" in ranged  # the return is still due from that day, in words


def shown_answer(answers: dict[str, str], on: dt.date, ranged: frozenset[str]) -> tuple[str, str]:
    """What a result page for ``answers`` shows: its result and code, and its text (a band's
    answers worded as ranges, as the page words them)."""
    state = walk(FLOW, answers, on)
    assert state.error is None, (answers, state.error)
    assert isinstance(state.node, Outcome), answers
    facts = frozenset(FLOW.question(q).fact or q for q in ranged)
    code = str(assess(state.facts, on, on).to_dict()["result_code"])
    return f"{state.node.id} {code}", result_text(answers, on, facts)


@pytest.mark.parametrize("on", [BUILD_DAY], ids=str)
def test_every_range_offered_gives_the_same_answer_on_each_of_its_days(on: dt.date) -> None:
    """Issue 20: a range is a choice only where every day of it gives the same result code
    and the same text; the engine's answer on the range's first, a middle and its last day
    (every other answer kept, later ranges at their first day) must be the page's answer."""
    checked: set[tuple[str, str]] = set()
    wrong: dict[str, list[str]] = {}
    for path, ranged, labels in band_walk(on):
        answers = dict(path)
        page = shown_answer(answers, on, frozenset(ranged))
        for qid, r in ranged.items():
            checked.add((qid, labels[(qid, answers[qid])]))
            for value in samples(FLOW.question(qid), r):
                exact = {**answers, qid: value}
                if walk(FLOW, exact, on).error is not None:
                    wrong.setdefault(canonical_query(answers), []).append(f"{qid}={value}: error")
                elif shown_answer(exact, on, frozenset(ranged)) != page:
                    wrong.setdefault(canonical_query(answers), []).append(f"{qid}={value}")
    assert wrong == {}
    assert {q for q, _label in checked} >= {"joined_on", "eligibility_lost_on", "age"}
    assert len(checked) > 15  # the walk reached the ranges of every typed question


def test_a_later_date_is_offered_only_after_a_joining_range() -> None:
    """A 資格喪失日 range after a joining day given as a range starts after that range's last
    day (no day of one contradicts a day of the other), and is not cut at the range's first
    day, which is not the member's."""
    sig = Signatures(BUILD_DAY)
    joined = bands(FLOW.question("joined_on"), {"since": "later"}, sig)
    wide = [(b, r) for b, r in joined if r.start != r.end and isinstance(r.end, dt.date)]
    assert wide
    for band, r in wide:
        answers = {
            "since": "later",
            "joined_on": band.value,
            "member_type": "employee",
            "age": "40",
            "leaving": "yes",
        }
        assert isinstance(r.end, dt.date)
        later = bands(FLOW.question("eligibility_lost_on"), answers, sig)
        starts = [lr.start for _b, lr in later]
        assert later and all(isinstance(s, dt.date) and s > r.end for s in starts), band.label
    # an open range (joined on any day from ...): no later range can follow all of it
    last_band, last = joined[-1]
    assert last.end is None
    answers = {"since": "later", "joined_on": last_band.value, "member_type": "employee"}
    answers |= {"age": "40", "leaving": "yes"}
    assert bands(FLOW.question("eligibility_lost_on"), answers, sig) == []
