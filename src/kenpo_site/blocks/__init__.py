"""Generated blocks: a page holds ``<!-- kenpo:NAME -->`` and the build puts the block there.

Every block is made from the engine's data and answers (dates, documents, rules, codes), so
a guide page never retypes a fact. Unknown names are left for others (and reported by tests).
Blocks are made in the site's current language (:mod:`kenpo_site.i18n`); outside Japanese,
the Japanese names kept beside their translation are marked ``lang="ja"``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..i18n import mark_japanese
from ..render import BASE_MARK
from . import (
    agent,
    answers,
    flow_diagram,
    glossary,
    hires,
    result_codes,
    schedule,
    tables,
    today,
    wizard,
)

BLOCKS: dict[str, Callable[[], str]] = {
    "comparison": tables.comparison_html,
    "documents": tables.documents_html,
    "reasons-application": lambda: tables.reasons_html("application"),
    "reasons-ex-officio": lambda: tables.reasons_html("ex_officio"),
    "routes": tables.routes_html,
    "forms": tables.forms_html,
    "registration-rate": tables.registration_rate_html,
    "timeline": schedule.timeline_html,
    "key-dates": schedule.key_dates_html,
    "today-status": today.today_status_html,
    "glossary": glossary.glossary_html,
    "result-codes": result_codes.result_codes_html,
    "flow-diagram": flow_diagram.flow_diagram_html,
    "wizard": wizard.wizard_html,
    "agent": agent.agent_html,
    "forms-link": hires.forms_link_html,
    "new-hires": hires.new_hires_html,
    "new-hire-questions": hires.open_questions_html,
    "new-hire-checklist": hires.checklist_html,
    **answers.BLOCKS,
}
PLACEHOLDER = re.compile(r"<!--\s*kenpo:([a-z0-9-]+)\s*-->")


def fill(page_html: str, base: str) -> str:
    """Replace ``<!-- kenpo:NAME -->`` with its block; ``base`` is the page's path to the root."""

    def sub(match: re.Match[str]) -> str:
        block = BLOCKS.get(match.group(1))
        if block is None:
            return match.group(0)
        return mark_japanese(block()).replace(BASE_MARK, base)

    return PLACEHOLDER.sub(sub, page_html)
