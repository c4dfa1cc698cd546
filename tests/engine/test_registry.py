"""One rule registry: spec/domain.md, registry.py and the ids the code records agree, both ways."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

import kenpo_wizard
from kenpo_wizard import registry
from kenpo_wizard.leaflet import Section

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(kenpo_wizard.__file__).resolve().parent  # the checkout, or the installed wheel
DOMAIN = ROOT / "spec" / "domain.md"
RULE_ID = re.compile(r"^[RP]\d{1,2}$")


def domain_rules() -> dict[str, tuple[set[str], set[str]]]:
    """Each id in domain.md with the section keys of its line and the ids its text cites."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    current: str | None = None
    for line in DOMAIN.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- ([RP]\d+)\b(.*)$", line)
        if m:
            current = m[1]
            head, _sep, _rest = m[2].partition(":")
            keys = set(re.findall(r"`([^`]+)`", head))
            out[current] = (keys, set())
            # A rule stated inside another's line ("R22: after the validity, …") shares its keys.
            for inner in re.findall(r"\b(R\d+):", m[2]):
                out[inner] = (keys, set())
            text = m[2]
        elif current and line.startswith("  "):
            text = line
        else:
            current = None
            continue
        cited = set(re.findall(r"\b([RP]\d+)\b", text)) - {current}
        out[current][1].update(c for c in cited if current.startswith("P"))
    return out


def ids_in_code() -> set[str]:
    """String literals shaped like a rule id in the engine's modules."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "registry.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and RULE_ID.match(node.value)
            ):
                found.add(node.value)
    return found


def test_registry_holds_every_id_of_domain_md_and_no_other() -> None:
    assert set(registry.RULES) == set(domain_rules())
    expected = {f"R{n}" for n in range(1, 35)} | {f"P{n}" for n in range(1, 17)}
    assert set(registry.RULES) == expected


@pytest.mark.parametrize("rule_id", sorted(registry.RULES))
def test_sections_and_citations_match_domain_md(rule_id: str) -> None:
    keys, cited = domain_rules()[rule_id]
    rule = registry.RULES[rule_id]
    if rule_id.startswith("R"):
        assert {str(s) for s in rule.sections} == keys & {str(s) for s in Section}
        assert rule.sections, "every leaflet rule names its sections"
    else:
        assert rule.sections == ()  # a decision is ours, not a leaflet section
        assert set(rule.cites) == cited


def test_every_id_the_code_records_is_registered() -> None:
    assert ids_in_code() - set(registry.RULES) == set()


def test_every_decided_rule_is_recorded_somewhere_in_the_code() -> None:
    decided = {r for r, rule in registry.RULES.items() if not rule.shown_only}
    assert decided - ids_in_code() - {"P14"} == set()  # P14 is the shape of the code itself


def test_shown_only_rules_are_what_the_guide_shows_and_no_answer_uses() -> None:
    shown = {r for r, rule in registry.RULES.items() if rule.shown_only}
    assert shown == {"R11", "R12", "R27", "R29"}
    assert shown & ids_in_code() == set()


def test_outside_facts_name_their_sources() -> None:
    for rule in registry.RULES.values():
        for key in rule.sources:
            assert key in registry.OUTSIDE_SOURCES, (rule.id, key)
    used = {k for r in registry.RULES.values() for k in r.sources}
    used |= set(registry.TEMPORARY_MEASURE.sources)
    assert set(registry.OUTSIDE_SOURCES) == used, "an outside source nothing cites"
    assert set(registry.TEMPORARY_MEASURE.sources) <= set(registry.RULES["P8"].sources)
    for source in registry.OUTSIDE_SOURCES.values():
        assert source.url is None or source.url.startswith("https://")


def test_temporary_measure_dates_are_domain_md_dates() -> None:
    text = DOMAIN.read_text(encoding="utf-8")
    m = registry.TEMPORARY_MEASURE
    for day in (m.start, m.first_end, m.end):
        assert day.isoformat() in text


def test_answers_take_their_sources_from_the_registry() -> None:
    from datetime import date

    from kenpo_wizard import assess

    a = assess({"mynumber_card": "held", "insurance_use": "not_registered"}, date(2025, 12, 2))
    from_rules = {s for r in a.rules for s in registry.RULES[r].sections}
    assert set(a.sources) == from_rules


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__]))
