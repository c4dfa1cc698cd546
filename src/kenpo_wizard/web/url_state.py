"""Every wizard state is a URL: ``?question=answer`` with known keys only, sorted (GOV.UK style).

This module reads a query string into answers, writes answers back as one canonical query,
and knows how one screen links to another, in the browser (query strings) or on the
build's static pages (one directory per state).
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..dates import parse_date
from ..errors import InputError
from ..facts import read_whole_number
from ..flow import FLOW, Question

MAX_QUERY_LENGTH = 1500  # a real query is < 300 characters; longer is a tampered link
MAX_FIELDS = 40
DAY_KEY = "on"  # 受診日・基準日 (absent: today in Asia/Tokyo)
EDIT_KEY = "edit"  # show this answered question again, answer kept (back / 回答を変更)
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in FLOW.questions)
KNOWN_KEYS = frozenset((*QUESTION_IDS, DAY_KEY, EDIT_KEY))

Path = Sequence[tuple[str, str]]  # answers in the order they were asked


@dataclass(frozen=True)
class Band:
    """A choice standing in for typed input on the static pages (a range of dates or ages)."""

    value: str  # the representative answer sent to the engine
    label: str


@dataclass
class Context:
    """How one screen links to others: ``js`` (query strings) or ``static`` (built pages)."""

    mode: str  # "js" or "static"
    on: dt.date
    day_given: bool = False  # the day came from the URL, not "today"
    root: str = "../"  # from this page to the site root (guide pages)
    # static mode: link to the page for a list of answers (in path order); band labels
    static_url: Callable[[Path], str] | None = None
    bands: Mapping[str, Sequence[Band]] = field(default_factory=dict)
    band_labels: Mapping[tuple[str, str], str] = field(default_factory=dict)
    build_note: str = ""
    # static mode: the last day the build's pages hold (a result no longer than this)
    horizon: dt.date | None = None
    # the wizard page's absolute URL (calendar events link back to the result; "" for none)
    base_url: str = ""
    # questions answered only by a range (static bands): not the member's own value
    inexact: frozenset[str] = frozenset()
    # the day the page is made (Japan time): the tense of dated events (v3 A8); default ``on``
    today: dt.date | None = None
    # static mode: where a calendar's text is kept (a file the build writes), by its text
    calendar_url: Callable[[str], str] | None = None

    def query(self, answers: Mapping[str, str], edit: str | None = None) -> str:
        items = dict(answers)
        if self.day_given:
            items[DAY_KEY] = self.on.isoformat()
        if edit:
            items[EDIT_KEY] = edit
        return canonical_query(items)

    def state_url(self, path: Path, edit: str | None = None) -> str:
        if self.mode == "static":
            assert self.static_url is not None
            if edit is not None:  # static pages cannot preselect: go to that question's page
                keys = [k for k, _v in path]
                path = path[: keys.index(edit)] if edit in keys else path
            return self.static_url(path)
        return "?" + self.query(dict(path), edit) if path or edit or self.day_given else "./"

    def start_url(self) -> str:
        return self.state_url([])

    def result_url(self, path: Path) -> str | None:
        """The result's absolute wizard URL for a calendar: the answers given exactly, no day
        (opened on a later day, it shows that day's answer; a range is asked again)."""
        if not self.base_url:
            return None
        exact = {k: v for k, v in path if k not in self.inexact}
        return self.base_url + ("?" + canonical_query(exact) if exact else "")


def canonical_query(items: Mapping[str, str]) -> str:
    """Known keys only, sorted: one URL per state."""
    return urllib.parse.urlencode(sorted((k, v) for k, v in items.items() if k in KNOWN_KEYS))


def canonical_value(q: Question, value: str) -> str:
    """One spelling per answer: typed dates as ISO (R7.4.1 → 2025-04-01), ages as digits."""
    try:
        if q.kind == "date":
            return parse_date(value, field=q.id).isoformat()
        if q.kind == "number":
            number = read_whole_number(value)
            return value if number is None else str(number)
    except InputError:
        pass
    return value


def parse_query(query: str) -> tuple[dict[str, str], list[str]]:
    """Known keys (first value wins) and the names of what was dropped.

    Raises ValueError when the query has more than :data:`MAX_FIELDS` fields.
    """
    pairs = urllib.parse.parse_qsl(
        query.lstrip("?"), keep_blank_values=True, max_num_fields=MAX_FIELDS
    )
    out: dict[str, str] = {}
    dropped: list[str] = []
    for key, value in pairs:
        if key not in KNOWN_KEYS:
            dropped.append(key[:40])
        elif key not in out:
            out[key] = value
    return out, dropped
