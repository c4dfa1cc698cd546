"""P14: policy lives in the rules. The modules that word an answer (texts, CLI, the web
screens, the site's build) neither compare dates nor read a person's facts; every code an answer can carry
has its wording, so nothing shows raw."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from golden import GOLDEN_DAYS, assessed_on

import kenpo_wizard
from kenpo_wizard import leaflet, trace
from kenpo_wizard.facts import FACT_NAMES
from kenpo_wizard.phrases import (
    ASK_TEXTS,
    CONTACT_REASONS,
    NOTE_TEXTS,
    REFERENCE_TEXTS,
    UNKNOWN_TEXTS,
)
from kenpo_wizard.texts import explain

PACKAGE = Path(kenpo_wizard.__file__).resolve().parent
SITE = Path(__file__).resolve().parents[2] / "src" / "kenpo_site"  # absent under Pyodide
WORDING_MODULES = [
    PACKAGE / "texts.py",
    PACKAGE / "phrases.py",
    PACKAGE / "cli.py",
    *sorted((PACKAGE / "web").glob("*.py")),
    *sorted(p for p in SITE.rglob("*.py") if p.name != "__init__.py"),
]
DATE_CONSTANTS = {
    name for name, value in vars(leaflet).items() if isinstance(value, dt.date) and name.isupper()
}
# (Chart geometry compares plain days with its own axis; that is drawing, not a rule.)
DATE_ATTRIBUTES = {"on", "until", "joined_on", "eligibility_lost_on"}
ORDERED = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)


def _names(node: ast.AST) -> set[str]:
    out: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            out.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            out.add(sub.attr)
    return out


def _facts_reads(tree: ast.AST) -> list[str]:
    """``f.<fact>``, ``facts.<fact>``, ``state.facts.<fact>``: a wording module deciding."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in FACT_NAMES:
            owner = node.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if name in {"f", "facts"}:
                found.append(f"{name}.{node.attr} (line {node.lineno})")
    return found


def _date_comparisons(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, ORDERED) for op in node.ops):
            names = _names(node)
            if names & (DATE_CONSTANTS | DATE_ATTRIBUTES):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("path", WORDING_MODULES, ids=lambda p: p.name)
def test_wording_modules_hold_no_rule(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _date_comparisons(tree) == []
    assert _facts_reads(tree) == []


def test_the_check_finds_a_rule_written_in_a_wording_module() -> None:
    """The AST checks above are not vacuous: a rule written the old way is caught."""
    old = "if a.on <= TRANSITION_LAST_DAY and f.health_insurance_card != 'none': pass"
    tree = ast.parse(old)
    assert _date_comparisons(tree) and _facts_reads(tree)


@pytest.mark.parametrize(
    ("name", "forbidden"),
    [
        ("texts.py", {"facts", "rules", "flow", "nodes"}),
        ("phrases.py", {"facts", "rules", "flow", "nodes"}),
        ("web/views.py", {"facts", "rules"}),  # it reads the questions' texts, not the facts
    ],
)
def test_texts_read_the_answer_only(name: str, forbidden: set[str]) -> None:
    tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
    imported = {
        node.module.lstrip(".")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not imported & forbidden


def test_every_code_has_its_wording() -> None:
    assert set(NOTE_TEXTS) == set(trace.NOTE_CODES)
    assert set(CONTACT_REASONS) == set(trace.CONTACT_CODES)
    assert set(REFERENCE_TEXTS) == set(trace.REFERENCE_CODES)
    assert set(ASK_TEXTS) == set(trace.ASK_CODES)
    # joined_on_direct: the same question for 任意継続, without a 勤務先 to ask (v3 A4)
    assert set(UNKNOWN_TEXTS) == {"mynumber_card", "insurance_use", "joined_on", "joined_on_direct"}
    silent = {code for code, text in NOTE_TEXTS.items() if text is None}
    assert silent == {"over_75", "not_yet_joined", "eligibility_lost"}  # said by the headline


@pytest.mark.slow
def test_every_golden_path_is_worded_with_a_way_forward() -> None:
    """Every result: a first step, whom to ask, and no code or empty line shown raw."""
    codes = set(trace.NOTE_CODES + trace.CONTACT_CODES + trace.REFERENCE_CODES + trace.ASK_CODES)
    seen = set()
    for day in GOLDEN_DAYS:
        for _state, a in assessed_on(day):
            key = (a.to_dict()["result_code"], a.notes, a.references, a.first_step, a.ask)
            if key in seen:
                continue
            seen.add(key)
            x = explain(a)
            assert a.first_step in trace.FIRST_STEPS and x.first_step and x.headline
            assert x.parts[-1].key == "ask" and x.parts[-1].items
            lines = [x.headline, x.first_step, *(i for p in x.parts for i in p.items)]
            assert all(line.strip() for line in lines)
            assert not [line for line in lines if line in codes], "a code shown raw"
            if a.next_change is not None:
                assert a.next_change.kind in trace.CHANGE_KINDS
    assert len(seen) > 100
