"""Every date format the project shows: 和暦, 西暦 and both, and the eras a member may type.

The engine, the CLI, the site's blocks and (through :func:`era_table`, which each page
carries as JSON) the browser's scripts all format dates from here. Only Gregorian dates from
Meiji 6 (1873) on are supported; earlier dates are not needed for birth, joining or
assessment days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .i18n import _


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: dt.date


# Newest first, so the first era starting on or before a day is that day's era.
ERAS: tuple[Era, ...] = (
    Era("令和", "R", dt.date(2019, 5, 1)),
    Era("平成", "H", dt.date(1989, 1, 8)),
    Era("昭和", "S", dt.date(1926, 12, 25)),
    Era("大正", "T", dt.date(1912, 7, 30)),
    Era("明治", "M", dt.date(1873, 1, 1)),
)
ERA_BY_KEY: dict[str, Era] = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}


def era_of(day: dt.date) -> tuple[Era, int]:
    for era in ERAS:
        if day >= era.start:
            return era, day.year - era.start.year + 1
    raise ValueError(f"{day.isoformat()} is before the supported eras")


def wareki(day: dt.date) -> str:
    """令和7年12月1日 (元年 for the first year of an era)."""
    era, year = era_of(day)
    y = "元" if year == 1 else str(year)
    return f"{era.name}{y}年{day.month}月{day.day}日"


def wareki_month(day: dt.date) -> str:
    """令和7年11月: a month the leaflet names without a day."""
    era, year = era_of(day)
    return f"{era.name}{'元' if year == 1 else year}年{day.month}月"


def seireki(day: dt.date) -> str:
    """2025年12月1日."""
    return f"{day.year}年{day.month}月{day.day}日"


def seireki_month(day: dt.date) -> str:
    """2025年12月."""
    return f"{day.year}年{day.month}月"


def wareki_short(day: dt.date) -> str:
    """R7.12.1, as the leaflet's table writes dates."""
    era, year = era_of(day)
    return f"{era.letter}{year}.{day.month}.{day.day}"


WEEKDAYS = "月火水木金土日"


def with_weekday(day: dt.date) -> str:
    return f"{wareki(day)}（{WEEKDAYS[day.weekday()]}）"


def both(day: dt.date) -> str:
    """令和7年12月1日（2025年12月1日）: 和暦 with 西暦 beside it."""
    return f"{wareki(day)}（{seireki(day)}）"


def era_table() -> list[list[str | int]]:
    """The eras as the browser's scripts read them: ``[letter, name, year, month, day]``."""
    return [[e.letter, e.name, e.start.year, e.start.month, e.start.day] for e in ERAS]


def days_phrase(on: dt.date, day: dt.date) -> str:
    """How far ``day`` is from ``on``, as a member reads it: あと3日・今日・3日前."""
    n = (day - on).days
    if n > 0:
        return _("あと{n}日").format(n=n)
    return _("今日") if n == 0 else _("{n}日前").format(n=-n)
