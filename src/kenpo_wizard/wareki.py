"""Every date format the project shows: 和暦, 西暦 and both, and the eras a member may type.

The engine, the CLI, the site's blocks and (through :func:`era_table`, which each page
carries as JSON) the browser's scripts all format dates from here. Only Gregorian dates from
Meiji 6 (1873) on are supported; earlier dates are not needed for birth, joining or
assessment days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .i18n import C_, N_, _, n_


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


# Every date is written through a pattern from the catalog, so a language brings its own order
# and words (English: "1 December 2025 (Reiwa 7)") without code. The patterns may use these
# fields, whatever the Japanese pattern uses: era (the era's name), era_year (元 in its first
# year), year, month, month_name, day, weekday.
MONTH_NAMES = (
    N_("1月"),
    N_("2月"),
    N_("3月"),
    N_("4月"),
    N_("5月"),
    N_("6月"),
    N_("7月"),
    N_("8月"),
    N_("9月"),
    N_("10月"),
    N_("11月"),
    N_("12月"),
)
WEEKDAYS = "月火水木金土日"


def _weekday(n: int) -> str:
    return (
        C_("weekday", "月"),
        C_("weekday", "火"),
        C_("weekday", "水"),
        C_("weekday", "木"),
        C_("weekday", "金"),
        C_("weekday", "土"),
        C_("weekday", "日"),
    )[n]


ERA_NAMES = (N_("令和"), N_("平成"), N_("昭和"), N_("大正"), N_("明治"))
DATE_FIELDS = frozenset({"era", "era_year", "year", "month", "month_name", "day", "weekday"})


def _fields(day: dt.date) -> dict[str, str | int]:
    era, year = era_of(day)
    return {
        "era": _(era.name),
        "era_year": _("元") if year == 1 else str(year),
        "year": day.year,
        "month": day.month,
        "month_name": _(MONTH_NAMES[day.month - 1]),
        "day": day.day,
        "weekday": _weekday(day.weekday()),
    }


def both(day: dt.date) -> str:
    """The one way a day is shown to a member: 令和7年12月1日（2025年12月1日）, in English
    "1 December 2025 (Reiwa 7)"."""
    # i18n: date pattern; fields: era era_year year month month_name day weekday
    return _("{era}{era_year}年{month}月{day}日（{year}年{month}月{day}日）").format(**_fields(day))


def wareki(day: dt.date) -> str:
    """令和7年12月1日 inside a Japanese sentence that gives the 西暦 elsewhere; in another
    language the catalog's pattern (English: the same as :func:`both`)."""
    # i18n: date pattern; fields: era era_year year month month_name day weekday
    return _("{era}{era_year}年{month}月{day}日").format(**_fields(day))


def wareki_month(day: dt.date) -> str:
    """令和7年11月: a month the leaflet names without a day."""
    # i18n: date pattern; fields: era era_year year month month_name day weekday
    return _("{era}{era_year}年{month}月").format(**_fields(day))


def seireki(day: dt.date) -> str:
    """2025年12月1日."""
    # i18n: date pattern; fields: era era_year year month month_name day weekday
    return _("{year}年{month}月{day}日").format(**_fields(day))


def month_day(day: dt.date) -> str:
    """12月3日: a day near enough that its year goes without saying (today, tomorrow)."""
    # i18n: date pattern; fields: era era_year year month month_name day weekday
    return _("{month}月{day}日").format(**_fields(day))


def seireki_month(day: dt.date) -> str:
    """2025年12月."""
    # i18n: date pattern; fields: era era_year year month month_name day weekday
    return _("{year}年{month}月").format(**_fields(day))


def wareki_short(day: dt.date) -> str:
    """R7.12.1, as the leaflet's table writes dates."""
    era, year = era_of(day)
    return f"{era.letter}{year}.{day.month}.{day.day}"


def with_weekday(day: dt.date) -> str:
    """令和7年12月1日（月）."""
    # i18n: date pattern; fields: era era_year year month month_name day weekday
    return _("{era}{era_year}年{month}月{day}日（{weekday}）").format(**_fields(day))


def era_table() -> list[list[str | int]]:
    """The eras as the browser's scripts read them: ``[letter, name, year, month, day]``."""
    return [[e.letter, e.name, e.start.year, e.start.month, e.start.day] for e in ERAS]


def days_phrase(on: dt.date, day: dt.date) -> str:
    """How far ``day`` is from ``on``, as a member reads it: あと3日・今日・3日前."""
    n = (day - on).days
    if n > 0:
        # i18n: plural forms, so that English says "in 1 day" and "in 3 days"
        return n_("あと{n}日", "あと{n}日", n).format(n=n)
    if n == 0:
        return _("今日")
    return n_("{n}日前", "{n}日前", -n).format(n=-n)
