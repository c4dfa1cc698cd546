"""Reading the dates people type: 西暦 or 和暦, half- or full-width, with any usual separator.

Accepted: ``2025-12-01``, ``2025/12/1``, ``2025.12.1``, ``2025年12月1日``, ``20251201``,
``R7.12.1``, ``R7/12/1``, ``令和7年12月1日``, ``令和元年5月1日``, ``H31.4.30``, ``H1.1.8``,
full-width digits and letters. A day that does not exist (2025-02-30) or a 和暦 year that
its era never reached (平成32年) is an error with a Japanese message, never a guess, and so is
a day outside :data:`FIRST_DAY` … :data:`LAST_DAY` (contract A9: ``S64.1.7`` is read, then
refused): the engine answers for 平成 and 令和 only, and every date it computes from a day in
that range can be written (和暦, a calendar's next day).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .errors import InputError
from .i18n import _
from .wareki import ERA_BY_KEY, ERAS, both

MAX_INPUT_LENGTH = 40

# The days the engine answers for, the one place they are defined (contract.md, A9): from the
# first day of 平成 to the end of 2099. Any day typed or passed outside them is bad input.
FIRST_DAY = ERA_BY_KEY["平成"].start  # 1989-01-08
LAST_DAY = dt.date(2099, 12, 31)

_SEIREKI = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_ERA_NAMES = "|".join(e.name for e in ERAS)
_ERA_LETTERS = "".join(e.letter for e in ERAS)
_WAREKI = re.compile(
    rf"(?P<era>{_ERA_NAMES}|[{_ERA_LETTERS}])\s*(?P<year>\d{{1,2}}|元)\s*[-/.年]\s*"
    r"(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
)


def _normalise(text: str) -> str:
    # NFKC turns full-width digits/letters/punctuation into ASCII; the era letters are
    # matched upper-case ("r7.12.1" is as clear as "R7.12.1").
    text = unicodedata.normalize("NFKC", text).strip()
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[（(][月火水木金土日][)）]$", "", text)  # a trailing weekday: （月）
    return text.upper() if re.match(r"^[a-zA-Z]", text) else text


def parse_date(text: str, *, field: str = "date", any_era: bool = False) -> dt.date:
    """Parse a typed date; raise :class:`InputError` with a Japanese message if it is not one.

    ``any_era``: a day before :data:`FIRST_DAY` is read too (a date of birth, from 明治 on),
    never one after :data:`LAST_DAY`; the engine's own dates keep its range (A9)."""
    check = _check_birth_day if any_era else check_day
    if len(text) > MAX_INPUT_LENGTH:
        raise InputError(
            "date_too_long", _("日付が長すぎます。例：2025-12-01 または 令和7年12月1日"), field
        )
    s = _normalise(text)
    if not s:
        raise InputError("date_missing", _("日付を入力してください。例：2025-12-01"), field)
    m = _SEIREKI.fullmatch(s) or _COMPACT.fullmatch(s)
    if m:
        return check(_make(int(m[1]), int(m[2]), int(m[3]), text, field), field, text)
    w = _WAREKI.fullmatch(s)
    if w:
        era = ERA_BY_KEY[w["era"]]
        year_in_era = 1 if w["year"] == "元" else int(w["year"])
        if year_in_era < 1:
            raise InputError("date_impossible", _("和暦の年は1年（元年）から始まります。"), field)
        day = _make(era.start.year + year_in_era - 1, int(w["month"]), int(w["day"]), text, field)
        if day < era.start or _later_era_started(era.name, day):
            raise InputError(
                "date_wrong_era",
                _("{text} はその元号の期間にない日付です。西暦でも入力できます。").format(
                    text=text
                ),
                field,
            )
        return check(day, field, text)
    raise InputError(
        "date_unreadable",
        _(
            "日付として読み取れません：{text}。例：2025-12-01、2025/12/1、令和7年12月1日、R7.12.1"
        ).format(text=text),
        field,
    )


def check_day(day: dt.date, field: str = "date", text: str | None = None) -> dt.date:
    """``day`` itself if the engine answers for it, else :class:`InputError` naming the range
    (``text``: the day as typed, shown in the message; else the day in ISO form)."""
    if FIRST_DAY <= day <= LAST_DAY:
        return day
    raise InputError(
        "date_out_of_range",
        _("{text} は扱えない日付です。{first}から{last}までの日付を指定してください。").format(
            text=(text or day.isoformat())[:MAX_INPUT_LENGTH],
            first=both(FIRST_DAY),
            last=both(LAST_DAY),
        ),
        field,
    )


def _check_birth_day(day: dt.date, field: str = "date", text: str | None = None) -> dt.date:
    """A date of birth: any day from the first era shown (明治6年) to :data:`LAST_DAY`."""
    if ERAS[-1].start <= day <= LAST_DAY:
        return day
    raise InputError(
        "date_out_of_range",
        _("{text} は扱えない日付です。{first}から{last}までの日付を指定してください。").format(
            text=(text or day.isoformat())[:MAX_INPUT_LENGTH],
            first=both(ERAS[-1].start),
            last=both(LAST_DAY),
        ),
        field,
    )


def _later_era_started(name: str, day: dt.date) -> bool:
    idx = next(i for i, e in enumerate(ERAS) if e.name == name)
    return idx > 0 and day >= ERAS[idx - 1].start


def _make(year: int, month: int, day: int, text: str, field: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(
            "date_impossible",
            _("{text} は存在しない日付です。年・月・日を確かめてください。").format(text=text),
            field,
        ) from None


JST = dt.timezone(dt.timedelta(hours=9), "JST")  # Japan has no DST: no tz database needed


def today_in_japan(now: dt.datetime) -> dt.date:
    """The calendar day in Japan for an aware ``now`` (the caller reads the clock)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(JST).date()
