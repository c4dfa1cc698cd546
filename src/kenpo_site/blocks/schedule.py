"""The schedule blocks: the timeline (chart and list) and the key dates of the top page."""

from __future__ import annotations

import datetime as dt

from kenpo_wizard.wareki import both

from ..build_context import BuildContext
from ..i18n import N_, _
from ..render import render
from . import chart
from .timeline import CHART_LANES, timeline_items

# i18n: a milestone seen from today (short marks beside its date)
STATUS = {"past": N_("過去"), "current": N_("期間中"), "upcoming": N_("今後")}


def status(today: dt.date, start: dt.date, end: dt.date) -> tuple[str, str]:
    """A milestone seen from ``today``, as kenpo.js marks it (drawing, not a rule)."""
    key = "upcoming" if today < start else "past" if today > end else "current"
    label = _("本日") if key == "current" and start == end else _(STATUS[key])
    return key, label


def timeline_html(build: BuildContext) -> str:
    """The chart and the list, marked for the build day (the page script re-marks them for
    today, which on the build day changes nothing: no layout shift)."""
    items = timeline_items()
    today = build.day
    marks = [status(today, i.date.start, i.date.end) for i in items]
    first_upcoming = next((k for k, m in enumerate(marks) if m[0] == "upcoming"), len(items))
    return render(
        "timeline.html.j2",
        items=items,
        marks=marks,
        marker_at=first_upcoming,
        today_text=_("今日（日本時間）：{date}").format(date=both(today)),
        svg=chart.chart_svg(items),
        lanes=CHART_LANES,
    )


def key_dates_html() -> str:
    """The dates that change what a member shows (top page)."""
    keys = (
        "abolition",
        "ex_officio_delivery",
        "transition_last_day",
        "transition_over",
        "certificate_valid_until",
    )
    items = [i for i in timeline_items() if i.milestone.key in keys]
    return render("key_dates.html.j2", items=items)
