"""The truth sweep (spec v3): every result code on each sample day, its summary as a member
reads it, and the checks a worried member would make of it.

``python tests/engine/truth_sweep.py`` rewrites ``tests/engine/results/<day>.txt`` (committed:
each wording change shows in a diff, as smart-answers keeps its outcome artefacts);
``test_truth_sweep.py`` regenerates them, compares, and runs :func:`problems` on each.
Test support: not part of the engine's wheel.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from kenpo_wizard import leaflet
from kenpo_wizard.assessment import Assessment
from kenpo_wizard.cli import render
from kenpo_wizard.dates import parse_date
from kenpo_wizard.flow import FLOW, enumerate_paths
from kenpo_wizard.registry import OUTSIDE_SOURCES, TEMPORARY_MEASURE
from kenpo_wizard.rules import assess
from kenpo_wizard.texts import doc_label, explain

HERE = Path(__file__).parent
RESULTS = HERE / "results"
# The sample days: each side of every boundary, and a day well after the last.
SWEEP_DAYS = tuple(
    dt.date.fromisoformat(d)
    for d in (
        "2024-11-15",
        "2025-06-01",
        "2025-12-01",
        "2025-12-02",
        "2026-08-01",
        "2026-12-02",
        "2029-12-01",
        "2029-12-02",
        "2030-06-15",
    )
)
# The day the answers are made (the tense of dated events is relative to it, v3 A8).
TODAY = dt.date(2026, 12, 2)

# Every date the leaflet fixes, and the dates the rules compute from them.
LEAFLET_DAYS: frozenset[dt.date] = frozenset(
    {v for v in vars(leaflet).values() if isinstance(v, dt.date)}
    | {TEMPORARY_MEASURE.start, TEMPORARY_MEASURE.first_end, TEMPORARY_MEASURE.end}
    | {s.published for s in OUTSIDE_SOURCES.values() if s.published}
    | {dt.date(2025, 6, 27)}  # the first MHLW notice, named with the second in its source title
)
_ERA_DAY = re.compile(r"令和(\d+|元)年(\d+)月(?:(\d+)日)?")
FUTURE = re.compile(r"(予定です|されます|配付されます|送付されます)")
EMPLOYER_WORDS = ("勤務先", "事業所", "事務担当者")
_CODE_WORD = re.compile(r"(?<![\w/.])[a-z]+(?:_[a-z]+)+(?![\w/.])")


@dataclass(frozen=True)
class Case:
    day: dt.date
    answers: dict[str, str]
    answer: Assessment

    @property
    def code(self) -> str:
        return str(self.answer.to_dict()["result_code"])

    @property
    def query(self) -> str:
        return urlencode(sorted(self.answers.items()))

    def summary(self) -> str:
        return render(explain(self.answer), self.day)


@cache
def cases(day: dt.date) -> tuple[Case, ...]:
    """One path per result code on ``day`` (the first in the flow's order)."""
    found: dict[str, Case] = {}
    for state in enumerate_paths(FLOW, day):
        case = Case(day, state.answers(), assess(state.facts, day, TODAY))
        found.setdefault(case.code, case)
    return tuple(found.values())


def days_in(text: str) -> list[tuple[dt.date, bool]]:
    """The 和暦 dates in ``text`` (a month alone stands for its first day: True)."""
    out = []
    for m in _ERA_DAY.finditer(text):
        year = 1 if m.group(1) == "元" else int(m.group(1))
        iso = f"{2018 + year:04d}-{int(m.group(2)):02d}-{int(m.group(3) or 1):02d}"
        out.append((parse_date(iso), m.group(3) is None))
    return out


def allowed_days(case: Case) -> set[dt.date]:
    """Dates the member gave, the leaflet fixes, or that are computed from those (P15)."""
    a = case.answer
    days = set(LEAFLET_DAYS) | {case.day}
    for name in ("joined_on", "eligibility_lost_on"):
        given = case.answers.get(name)
        if given:
            day = parse_date(given)
            days |= {day, day - dt.timedelta(days=1)}
    if a.next_change is not None:
        days.add(a.next_change.day)
    return days


def problems(case: Case) -> list[str]:
    """What a worried member would catch in the summary, as readable complaints."""
    a, text = case.answer, case.summary()
    out: list[str] = []
    lines = text.splitlines()
    # 1. Never told to show a document the answer does not hold (unless "once it arrives").
    shown = {doc_label(d) for alt in a.show_at_clinic for d in alt}
    for line in [lines[0], *(x for x in lines if x.startswith("・すること："))]:
        for sentence in line.split("。"):
            if "提示" not in sentence or "届いたら" in sentence or "再交付" in sentence:
                continue
            for label in re.findall(r"「([^」]+)」", sentence):
                if label not in shown:
                    out.append(f"shows {label}, which the answer does not hold: {sentence}")
    holds = {h.document for h in a.documents if h.status in ("usable", "held")}
    if "お手元のカードに印字" in text and "eligibility_certificate" not in holds:
        out.append("asks to read the date printed on a card not in hand")
    # 2. No return without its day while still covered (A5).
    for r in a.returns:
        if a.covered and r.from_day is None:
            out.append(f"return of {r.document} without its day")
    for item in (x for x in lines if x.startswith("・「") and "返却" in x):
        if "資格喪失日" not in item:
            out.append(f"return without the 資格喪失日: {item}")
    # 3. No 勤務先 for 任意継続 (A4).
    if a.ask and "employer" not in a.ask and "association" in a.ask:
        for word in EMPLOYER_WORDS:
            if word in text:
                out.append(f"任意継続 told of a {word}")
    # 4. Only dates of the facts, the leaflet or the rules (A6).
    allowed = allowed_days(case)
    for day, month_only in days_in(text):
        if day not in allowed and not (
            month_only and any(d.replace(day=1) == day for d in allowed)
        ):
            out.append(f"date not in the facts or rules: {day}")
    # 5. No future tense for an event before today (A8).
    for sentence in re.split(r"[。\n]", text):
        if FUTURE.search(sentence):
            for day, _m in days_in(sentence):
                if day < TODAY and "基準日" not in sentence:
                    out.append(f"future tense for {day}: {sentence}")
    # 6. No code left untranslated.
    for word in _CODE_WORD.findall(re.sub(r"https?://\S+", "", text)):
        out.append(f"untranslated code {word}")
    return out


def report(day: dt.date) -> str:
    parts = [f"# {day.isoformat()} (answers made on {TODAY.isoformat()})"]
    for case in sorted(cases(day), key=lambda c: c.code):
        parts += ["", f"## {case.code}  ?{case.query}", "", case.summary()]
    return "\n".join(parts) + "\n"


def main() -> int:
    RESULTS.mkdir(exist_ok=True)
    for day in SWEEP_DAYS:
        (RESULTS / f"{day.isoformat()}.txt").write_text(report(day), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
