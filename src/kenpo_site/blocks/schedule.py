"""The schedule blocks: the timeline (chart and list) and the key dates of the top page."""

from __future__ import annotations

from ..render import render
from . import chart
from .timeline import CHART_LANES, timeline_items


def timeline_html() -> str:
    items = timeline_items()
    return render(
        "timeline.html.j2",
        items=items,
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
