"""Every result code the wizard can give from the build day to ``LAST_DAY``, each with one set
of answers that reaches it (the call center's table, its search rows, agent mode's code box).

The rules change only on their boundary days (``rules.next_boundary``), so one day of each
period from the build day on, answered through every band of every typed question (as the
no-JS pages are), reaches every code of that period; the sample days add the codes of the
earlier periods a caller may still read out. Walking a day's bands takes ~15 s: the result is
kept on disk by the engine's sources and the day, and made on another core while MkDocs
renders the pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import urllib.parse
from pathlib import Path

from kenpo_wizard import rules
from kenpo_wizard.flow import FLOW
from kenpo_wizard.rules import SAMPLE_DAYS, assess

from .bands import Signatures
from .paths import band_paths, paths_on

LAST_DAY = dt.date(2030, 6, 30)  # the call center's horizon (issue: codes "to 2030-06-30")
ENGINE = Path(__file__).resolve().parents[1] / "kenpo_wizard"
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "codes"

Codes = dict[str, tuple[dt.date, str]]  # code → (a day it is given, answers as a query)


def code_days(day: dt.date) -> list[dt.date]:
    """The build day and the first day of each later period up to ``LAST_DAY``."""
    days = [day]
    while (following := rules.next_boundary(days[-1])) is not None and following <= LAST_DAY:
        days.append(following)
    return days


def _engine_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(ENGINE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".po", ".toml", ".json"}:
            digest.update(path.relative_to(ENGINE).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _query(answers: dict[str, str]) -> str:
    return urllib.parse.urlencode(sorted(answers.items()))


def codes_on(day: dt.date, cache: Path | None = CACHE) -> dict[str, str]:
    """code → answers (a query) for every band path of ``day``; kept on disk."""
    file = cache / f"{_engine_digest()}-{day.isoformat()}.json" if cache else None
    if file and file.is_file():
        kept: dict[str, str] = json.loads(file.read_text(encoding="utf-8"))
        return kept
    found: dict[str, str] = {}
    # every day of a range its own (not the no-JS pages' ranges of one answer): every code
    for answers, state in band_paths(Signatures(day, FLOW, as_ranges=False)):
        code = str(assess(state.facts, day).to_dict()["result_code"])
        query = _query(answers)
        if code not in found or (len(query), query) < (len(found[code]), found[code]):
            found[code] = query  # the shortest example: stable from build to build
    if file:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_suffix(f".{id(found)}.part")
        partial.write_text(json.dumps(dict(sorted(found.items()))), encoding="utf-8")
        partial.replace(file)
    return found


def all_codes(day: dt.date, cache: Path | None = CACHE) -> Codes:
    """Every code from ``day`` to ``LAST_DAY`` (band paths) and on the sample days."""
    out: Codes = {}
    for on in code_days(day):
        for code, query in codes_on(on, cache).items():
            out.setdefault(code, (on, query))
    for on in SAMPLE_DAYS:
        for state in paths_on(on):
            code = str(assess(state.facts, on).to_dict()["result_code"])
            out.setdefault(code, (on, _query(state.answers())))
    return dict(sorted(out.items()))


def warm(day: dt.date) -> None:
    """Fill the disk cache for ``day``'s build (run on another core)."""
    for on in code_days(day):
        codes_on(on)
