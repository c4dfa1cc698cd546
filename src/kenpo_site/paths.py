"""Every path of the question flow on a day, computed once per build (it takes seconds).

The result-code table and the flow diagram both read the same paths.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from kenpo_wizard.flow import FLOW, State, enumerate_paths


@cache
def paths_on(day: dt.date) -> tuple[State, ...]:
    return tuple(enumerate_paths(FLOW, day))
