"""The glossary (用語集) block, from ``glossary.toml``: the words as data, the facts from the engine.

The entries' text names facts in braces (``{transition_last_day}``); :data:`FACTS` fills them
from :mod:`kenpo_wizard.leaflet` and the rules, so the glossary cannot drift from the leaflet.
The same entries give every page its ``<abbr>`` tooltips (:mod:`kenpo_site.abbreviations`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kenpo_wizard import leaflet as lf
from kenpo_wizard.rules import ELDERLY_FROM, ELDERLY_TO
from kenpo_wizard.wareki import wareki
from kenpo_wizard.web.pages import PAGE_TITLES

from ..render import BASE_MARK, render

DATA = Path(__file__).with_name("glossary.toml")

FACTS: dict[str, str] = {
    "abolition_day": wareki(lf.ABOLITION_DAY),
    "transition_last_day": wareki(lf.TRANSITION_LAST_DAY),
    "certificate_valid_until": wareki(lf.CERTIFICATE_VALID_UNTIL),
    "my_number_card_years": str(lf.MY_NUMBER_CARD_YEARS),
    "certificate_of_card_years": str(lf.CERTIFICATE_OF_CARD_YEARS),
    "elderly_from": str(ELDERLY_FROM),
    "elderly_to": str(ELDERLY_TO),
    "routes": "、".join(r.label for r in lf.ROUTES.values()),
    **{f"label_{d.value}": t.label for d, t in lf.DOCUMENTS.items()},
    **{f"detail_{d.value}": t.detail for d, t in lf.DOCUMENTS.items()},
}


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    reading: str
    definition: str
    page: str  # where the leaflet's rule lives (site-relative URL)
    aliases: tuple[str, ...] = ()
    note: str = ""  # a 「参考」 note (with its source), never a rule


@cache
def entries() -> tuple[GlossaryEntry, ...]:
    """The entries in the file's order, their facts filled in (a missing fact is a KeyError)."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        GlossaryEntry(
            term=e["term"].format_map(FACTS),
            reading=e["reading"],
            definition=e["definition"].format_map(FACTS),
            page=e["page"],
            aliases=tuple(e.get("aliases", ())),
            note=e.get("note", "").format_map(FACTS),
        )
        for e in data["entry"]
    )


def glossary_html(base: str = BASE_MARK) -> str:
    ordered = sorted(entries(), key=lambda g: g.reading)
    return render("glossary.html.j2", entries=ordered, base=base, pages=PAGE_TITLES)
