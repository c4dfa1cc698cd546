"""The schedule chart (SVG): one lane per document, bars for what holds when, numbered markers.

Geometry only: positions are computed here and drawn by ``templates/chart.svg.j2``. The axis
has a break because the leaflet's dates crowd 2024–2025 and then jump to 2029. The page's
script places the 「今日」 line with the same scale (``data-kenpo-scale``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from kenpo_wizard import leaflet as lf
from kenpo_wizard.wareki import era_of, wareki_short

from ..i18n import _
from ..render import render
from .timeline import CHART_LANES, LANE_CARD, LANE_CERTIFICATE, LANE_NOTICE, Lane, TimelineItem

CHART_W = 720
CHART_LEFT = 128
CHART_RIGHT = 708
LANE_TOP = 56
LANE_H = 64
MARKER_GAP = 22  # markers closer than this are pushed right, keeping their order

SCALE: tuple[tuple[dt.date, dt.date, float, float], ...] = (
    (dt.date(2024, 9, 1), dt.date(2026, 3, 1), 0.0, 0.8),
    (dt.date(2029, 9, 1), dt.date(2030, 3, 1), 0.86, 1.0),
)
TICKS = (
    dt.date(2024, 10, 1),
    dt.date(2025, 1, 1),
    dt.date(2025, 4, 1),
    dt.date(2025, 7, 1),
    dt.date(2025, 10, 1),
    dt.date(2026, 1, 1),
    dt.date(2029, 10, 1),
    dt.date(2030, 1, 1),
)


def x_of(day: dt.date) -> float:
    """Horizontal position of a day on the chart (piecewise linear, clamped)."""
    width = CHART_RIGHT - CHART_LEFT
    first, last = SCALE[0], SCALE[-1]
    if day <= first[0]:
        return CHART_LEFT + first[2] * width
    if day >= last[1]:
        return CHART_LEFT + last[3] * width
    for start, end, f0, f1 in SCALE:
        if start <= day <= end:
            frac = (day - start).days / (end - start).days
            return CHART_LEFT + (f0 + frac * (f1 - f0)) * width
    # inside the break: centre of the gap
    return CHART_LEFT + (SCALE[0][3] + SCALE[1][2]) / 2 * width


def scale_json() -> str:
    return json.dumps(
        {
            "left": CHART_LEFT,
            "right": CHART_RIGHT,
            "segments": [[a.isoformat(), b.isoformat(), f0, f1] for a, b, f0, f1 in SCALE],
        }
    )


@dataclass(frozen=True)
class Bar:
    lane: Lane
    start: dt.date
    end: dt.date
    label: str
    style: str  # "ok", "transition", "stop", "valid"


def chart_bars() -> tuple[Bar, ...]:
    chart_end = SCALE[-1][1]
    return (
        Bar(LANE_CARD, SCALE[0][0], lf.ABOLITION_DAY - dt.timedelta(days=1), _("使用可能"), "ok"),
        Bar(LANE_CARD, lf.ABOLITION_DAY, lf.TRANSITION_LAST_DAY, _("経過措置期間"), "transition"),
        Bar(LANE_CARD, lf.TRANSITION_OVER, chart_end, _("使用不可"), "stop"),
        Bar(
            LANE_CERTIFICATE,
            lf.ABOLITION_DAY,
            lf.CERTIFICATE_VALID_UNTIL,
            # i18n: a bar of the schedule chart (short); {date} is like R11.12.1
            _("有効期限 {date}まで").format(date=wareki_short(lf.CERTIFICATE_VALID_UNTIL)),
            "valid",
        ),
        Bar(LANE_NOTICE, lf.ABOLITION_DAY, chart_end, _("新規加入者に対し随時発行"), "valid"),
    )


@dataclass(frozen=True)
class Tick:
    x: float
    era: str  # R6.10
    ad: str  # 2024/10


@dataclass(frozen=True)
class PlacedBar:
    x: float
    width: float
    bar: Bar


@dataclass(frozen=True)
class Marker:
    x: float
    item: TimelineItem


@dataclass(frozen=True)
class LaneRow:
    lane: Lane
    y: int
    bars: tuple[PlacedBar, ...]
    markers: tuple[Marker, ...]


def _ticks() -> tuple[Tick, ...]:
    out = []
    for tick in TICKS:
        era, year = era_of(tick)
        out.append(
            Tick(x_of(tick), f"{era.letter}{year}.{tick.month}", f"{tick.year}/{tick.month}")
        )
    return tuple(out)


def _rows(items: list[TimelineItem]) -> tuple[LaneRow, ...]:
    rows = []
    for row, lane in enumerate(CHART_LANES):
        bars = tuple(
            PlacedBar(x_of(b.start), max(x_of(b.end) - x_of(b.start), 2), b)
            for b in chart_bars()
            if b.lane == lane
        )
        markers, last = [], -100.0
        for item in (i for i in items if lane in i.lanes):
            last = max(x_of(item.date.start), last + MARKER_GAP)
            markers.append(Marker(last, item))
        rows.append(LaneRow(lane, LANE_TOP + row * LANE_H, bars, tuple(markers)))
    return tuple(rows)


def chart_svg(items: Iterable[TimelineItem]) -> str:
    width = CHART_RIGHT - CHART_LEFT
    return render(
        "chart.svg.j2",
        width=CHART_W,
        height=LANE_TOP + LANE_H * len(CHART_LANES) + 8,
        scale=scale_json(),
        ticks=_ticks(),
        gap_a=CHART_LEFT + SCALE[0][3] * width,
        gap_b=CHART_LEFT + SCALE[1][2] * width,
        rows=_rows(list(items)),
    ).replace("\n", "")
