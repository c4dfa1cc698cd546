"""Every path of the question flow on a day, computed once per build (it takes seconds).

``paths_on`` follows the golden answers of each typed question (the flow diagram, the
sample days); ``band_paths`` follows one answer of every band a typed question splits into
(the same ranges the no-JS pages offer), so it reaches every result the wizard can give
that day: the call center's table reads it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from kenpo_wizard.flow import FLOW, Outcome, State, enumerate_paths, walk

from .bands import Signatures, bands


@cache
def paths_on(day: dt.date) -> tuple[State, ...]:
    return tuple(enumerate_paths(FLOW, day))


def band_paths(sig: Signatures) -> list[tuple[dict[str, str], State]]:
    """(answers, final state) of every path on ``sig.on``, one answer per band."""
    out: list[tuple[dict[str, str], State]] = []
    stack: list[dict[str, str]] = [{}]
    while stack:
        answers = stack.pop()
        state = walk(FLOW, answers, sig.on)
        if state.error is not None:
            continue
        node = state.node
        if isinstance(node, Outcome):
            out.append((answers, state))
        elif node.kind == "choice":
            stack += [{**answers, node.id: c.value} for c in node.offered(state.facts)]
        else:
            stack += [{**answers, node.id: band.value} for band, _r in bands(node, answers, sig)]
    return out
