"""Generated blocks: a page holds ``<!-- kenpo:NAME -->`` and the build puts the block there.

Every block is made from the engine's data and answers (dates, documents, rules, codes), so
a guide page never retypes a fact. Unknown names are left for others (and reported by tests).
Blocks are made in the site's current language (:mod:`kenpo_site.i18n`); outside Japanese,
the Japanese names kept beside their translation are marked ``lang="ja"``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..build_context import BuildContext
from ..i18n import mark_japanese
from ..render import BASE_MARK
from . import (
    agent,
    answers,
    flow_diagram,
    glossary,
    hires,
    result_codes,
    roster,
    schedule,
    tables,
    today,
    wizard,
)

Block = Callable[[BuildContext], str]


def _plain(make: Callable[[], str]) -> Block:
    """A block that depends on nothing the build decides (the leaflet's facts only)."""
    return lambda _build: make()


BLOCKS: dict[str, Block] = {
    "comparison": _plain(tables.comparison_html),
    "documents": _plain(tables.documents_html),
    "reasons-application": _plain(lambda: tables.reasons_html("application")),
    "reasons-ex-officio": _plain(lambda: tables.reasons_html("ex_officio")),
    "routes": _plain(tables.routes_html),
    "forms": _plain(tables.forms_html),
    "registration-rate": _plain(tables.registration_rate_html),
    "timeline": schedule.timeline_html,
    "key-dates": _plain(schedule.key_dates_html),
    "today-status": today.today_status_html,
    "glossary": _plain(glossary.glossary_html),
    "result-codes": lambda build: result_codes.result_codes_html(build.codes(), build.day),
    "flow-diagram": _plain(flow_diagram.flow_diagram_html),
    "wizard": wizard.wizard_html,
    "agent": agent.agent_html,
    "roster": roster.roster_html,
    "forms-link": _plain(hires.forms_link_html),
    "new-hires": lambda build: hires.new_hires_html(build.day),
    "new-hire-questions": _plain(hires.open_questions_html),
    "new-hire-checklist": lambda build: hires.checklist_html(build.day),
    "who-submits": lambda build: answers.who_submits_html(build.day),
    "returns": _plain(answers.returns_html),
    "deliveries": lambda build: answers.deliveries_html(build.day),
    **{name: _plain(make) for name, make in answers.REFERENCE_BLOCKS.items()},
}
PLACEHOLDER = re.compile(r"<!--\s*kenpo:([a-z0-9-]+)\s*-->")


def fill(page_html: str, base: str, build: BuildContext | None = None) -> str:
    """Replace ``<!-- kenpo:NAME -->`` with its block; ``base`` is the page's path to the root,
    ``build`` the build's day and assets (a new one for today when not given: tests, tools)."""
    ctx = build or BuildContext.start()

    def sub(match: re.Match[str]) -> str:
        block = BLOCKS.get(match.group(1))
        if block is None:
            return match.group(0)
        return mark_japanese(block(ctx)).replace(BASE_MARK, base)

    return PLACEHOLDER.sub(sub, page_html)
