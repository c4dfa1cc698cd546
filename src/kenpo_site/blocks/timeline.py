"""The schedule: the leaflet's milestones in date order, in lanes per document, as a list.

Each milestone comes from :mod:`kenpo_wizard.leaflet` with its sections; this module only
orders them, says how each date reads (和暦 with 西暦) and which lane it belongs to. The
chart is :mod:`.chart`; the blocks are :mod:`.schedule`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kenpo_wizard import leaflet as lf
from kenpo_wizard.wareki import seireki, seireki_month, wareki, wareki_month, with_weekday

from ..i18n import E_, _


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class DateText:
    """A milestone's date as shown: 和暦, 西暦, and the span it covers (for past/upcoming)."""

    wareki: str
    seireki: str
    start: dt.date
    end: dt.date


def milestone_date(m: lf.Milestone) -> DateText:
    if m.month_only:
        if m.day == _month_end(m.day) and m.day.day != 1:
            # 「令和6年9月末現在」: a single day, the end of the month
            # i18n: {month} is a month (令和6年9月); the end of that month
            end = _("{month}末")
            return DateText(
                end.format(month=wareki_month(m.day)),
                end.format(month=seireki_month(m.day)),
                m.day,
                m.day,
            )
        month = wareki_month(m.day)
        if m.planned:  # P13: the leaflet's plans are past
            month = _("{month}（予定でした）").format(month=month)
        return DateText(
            month,
            seireki_month(m.day),
            m.day.replace(day=1),
            _month_end(m.day),
        )
    if m.until is not None:
        # i18n: a span of days, from {start} to {end}
        span = _("{start}〜{end}")
        return DateText(
            span.format(start=wareki(m.day), end=wareki(m.until)),
            span.format(start=seireki(m.day), end=seireki(m.until)),
            m.day,
            m.until,
        )
    return DateText(with_weekday(m.day), seireki(m.day), m.day, m.day)


@dataclass(frozen=True)
class Lane:
    key: str
    document: lf.Document

    @property
    def label(self) -> str:
        """The document's name, in the language current when it is shown."""
        return E_(lf.DOCUMENTS[self.document].label)

    @property
    def short_label(self) -> str:
        """For the chart's narrow left column: a translation's bracketed Japanese name is left
        to the lists beside the chart ("Eligibility Certificate (資格確認書)" would run into
        the markers)."""
        return _BRACKETED_NAME.sub("", self.label)


_BRACKETED_NAME = re.compile(r"\s*\([^()]*\)$")


LANE_CARD = Lane("card", lf.Document.HEALTH_INSURANCE_CARD)
LANE_CERTIFICATE = Lane("certificate", lf.Document.ELIGIBILITY_CERTIFICATE)
LANE_NOTICE = Lane("notice", lf.Document.ELIGIBILITY_NOTICE)
LANE_MYNA = Lane("myna", lf.Document.MY_NUMBER_INSURANCE_CARD)
CHART_LANES: tuple[Lane, ...] = (LANE_CARD, LANE_CERTIFICATE, LANE_NOTICE)

# Which lane(s) of the schedule a milestone belongs to (presentation only).
MILESTONE_LANES: dict[str, tuple[Lane, ...]] = {
    "registration_rate": (LANE_MYNA,),
    "first_notice_roster": (LANE_NOTICE,),
    "first_notice_sent": (LANE_NOTICE,),
    "second_notice_window": (LANE_NOTICE,),
    "abolition": (LANE_CARD, LANE_CERTIFICATE, LANE_NOTICE),
    "second_notice_delivery": (LANE_NOTICE,),
    "ex_officio_delivery": (LANE_CERTIFICATE,),
    "transition_last_day": (LANE_CARD,),
    "transition_over": (LANE_CARD,),
    "certificate_valid_until": (LANE_CERTIFICATE,),
}


def lanes_of(m: lf.Milestone) -> tuple[Lane, ...]:
    return MILESTONE_LANES.get(m.key, (LANE_MYNA,))


@dataclass(frozen=True)
class TimelineItem:
    number: int
    milestone: lf.Milestone
    date: DateText
    lanes: tuple[Lane, ...]
    sections: tuple[str, ...]
    label: str  # what happens, in the current language
    written: str  # the leaflet's own words for the date (its catalog: kenpo_site.catalogs)


def timeline_items() -> list[TimelineItem]:
    """The milestones in date order, worded in the current language."""
    ordered = sorted(lf.MILESTONES, key=lambda m: milestone_date(m).start)
    return [
        TimelineItem(
            i,
            m,
            milestone_date(m),
            lanes_of(m),
            tuple(E_(lf.SECTION_TITLES[s]) for s in m.sections),
            E_(m.label),
            _(m.as_written),
        )
        for i, m in enumerate(ordered, start=1)
    ]


def items_in_lane(items: Iterable[TimelineItem], lane: Lane) -> list[TimelineItem]:
    return [i for i in items if lane in i.lanes]
