"""The golden list: every path through the question flow, on one day per period, and its outcome.

``python tests/engine/golden.py`` writes ``tests/engine/golden_paths.tsv`` (committed; a test
regenerates it and compares) and prints a per-outcome summary for review. Test support: it
is not part of the engine's wheel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from kenpo_wizard.assessment import Assessment
from kenpo_wizard.flow import FLOW, State, enumerate_paths
from kenpo_wizard.rules import SAMPLE_DAYS, assess

GOLDEN_DAYS = SAMPLE_DAYS
HEADER = "day\toutcome\tresult_code\tanswers"


@dataclass(frozen=True)
class GoldenPath:
    day: dt.date
    outcome: str
    result_code: str
    answers: dict[str, str]

    @property
    def query(self) -> str:
        return urlencode(sorted(self.answers.items()))

    def line(self) -> str:
        return f"{self.day.isoformat()}\t{self.outcome}\t{self.result_code}\t{self.query}"


@cache  # every path of a day takes seconds; the suites read the same paths many times
def paths_on(day: dt.date) -> tuple[State, ...]:
    return tuple(enumerate_paths(FLOW, day))


@cache
def assessed_on(day: dt.date) -> tuple[tuple[State, Assessment], ...]:
    """Every path of ``day`` with the engine's answer for it."""
    return tuple((state, assess(state.facts, day)) for state in paths_on(day))


def golden_paths(days: tuple[dt.date, ...] = GOLDEN_DAYS) -> Iterator[GoldenPath]:
    for day in days:
        for state, answer in assessed_on(day):
            code = str(answer.to_dict()["result_code"])
            yield GoldenPath(day, state.node.id, code, state.answers())


def render() -> str:
    lines = sorted(p.line() for p in golden_paths())
    return "\n".join([HEADER, *lines]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("golden_paths.tsv"))
    args = parser.parse_args(argv)
    text = render()
    args.out.write_text(text, encoding="utf-8")
    rows = text.splitlines()[1:]
    codes = Counter(r.split("\t")[2] for r in rows)
    outcomes = Counter(r.split("\t")[1] for r in rows)
    print(f"{len(rows)} paths, {len(codes)} result codes, outcome nodes: {dict(outcomes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
