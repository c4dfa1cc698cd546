"""The build day: the day in Japan when the site is built (``KENPO_BUILD_DAY`` fixes it).

Every generated block that depends on "today" (the code table, the no-JS pages, the guide's
sample answers) reads it here, so one build has one day.
"""

from __future__ import annotations

import datetime as dt
import os

from kenpo_wizard.dates import today_in_japan


def build_day() -> dt.date:
    fixed = os.environ.get("KENPO_BUILD_DAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return today_in_japan(dt.datetime.now(dt.UTC))
