"""Helpers for the wizard's browser tests and the bench: page session steps, golden paths."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Route

from kenpo_wizard import texts
from kenpo_wizard.flow import FLOW, enumerate_paths, walk
from kenpo_wizard.rules import assess
from kenpo_wizard.web import step

READY_TIMEOUT_MS = 120_000


def wait_ready(page: Page) -> None:
    page.wait_for_function(
        "document.getElementById('kenpo-wizard').dataset.mode === 'ready'", timeout=READY_TIMEOUT_MS
    )


def renders(page: Page) -> int:
    return int(page.get_attribute("#kenpo-wizard", "data-renders") or 0)


def wait_render(page: Page, before: int) -> None:
    page.wait_for_function(
        f"Number(document.getElementById('kenpo-wizard').dataset.renders || 0) > {before}",
        timeout=READY_TIMEOUT_MS,
    )


def jump(page: Page, query: str) -> None:
    """Go to a state within the same page session (history + popstate, no reload)."""
    before = renders(page)
    page.evaluate(
        "q => { history.pushState(null, '', '?' + q); dispatchEvent(new PopStateEvent('popstate')); }",
        query,
    )
    wait_render(page, before)


# One round trip per step: act in the page, wait for the wizard's own "rendered" event, and
# read back what the screen shows (Playwright's per-action checks would triple the time).
_SNAPSHOT = """
() => {
  const s = document.querySelector('#kenpo-wizard [data-kw-screen]');
  const n = (sel) => s.querySelectorAll(sel).length;
  const h = s.querySelector('.kw-headline');
  return {node: s.dataset.node, code: s.dataset.code, kind: s.dataset.kind,
          search: location.search, headline: h ? h.textContent : null,
          show: n('.kw-s-show li'), submit: n('.kw-s-submit li'), return: n('.kw-s-return li'),
          answers: n('.kw-s-answers .kw-row')};
}
"""
_STEP = (
    """
async ([button, fields, query]) => {
  const root = document.getElementById('kenpo-wizard');
  const done = new Promise((resolve) => root.addEventListener('kw:render', resolve, {once: true}));
  if (query !== null) {
    history.pushState(null, '', '?' + query);
    dispatchEvent(new PopStateEvent('popstate'));
  } else {
    for (const [sel, value] of fields) {
      const el = document.querySelector(sel);
      el.value = value;
      el.dispatchEvent(new Event('input', {bubbles: true}));
    }
    document.querySelector(button).click();
  }
  await done;
  return ("""
    + _SNAPSHOT
    + """)();
}
"""
)

SCREEN = "#kenpo-wizard [data-kw-screen]"


def fields_for(qid: str, value: str, *, wareki: bool = False) -> tuple[str, list[list[str]]]:
    """The button to press and the inputs to fill to answer ``qid`` with ``value``."""
    q = FLOW.question(qid)
    if q.kind == "choice":
        return f"{SCREEN} button[name='{qid}'][value='{value}']", []
    if q.kind == "number":
        return f"{SCREEN} .kw-next", [[f"#kw-{qid}", value]]
    day = dt.date.fromisoformat(value)
    era, year = (
        ("R", str(day.year - 2018))
        if wareki and day >= dt.date(2019, 5, 1)
        else ("", str(day.year))
    )
    return f"{SCREEN} .kw-next", [
        [f"#kw-{qid}-era", era],
        [f"#kw-{qid}-y", year],
        [f"#kw-{qid}-m", str(day.month)],
        [f"#kw-{qid}-d", str(day.day)],
    ]


def step_in_page(page: Page, qid: str, value: str, *, wareki: bool = False) -> dict[str, Any]:
    button, fields = fields_for(qid, value, wareki=wareki)
    out: dict[str, Any] = page.evaluate(_STEP, [button, fields, None])
    return out


def open_in_page(page: Page, query: str) -> dict[str, Any]:
    out: dict[str, Any] = page.evaluate(_STEP, ["", [], query])
    return out


def snapshot(page: Page) -> dict[str, Any]:
    out: dict[str, Any] = page.evaluate(_SNAPSHOT)
    return out


# ----------------------------------------------------------------------------- golden paths
GOLDEN = Path(__file__).resolve().parents[1] / "engine" / "golden_paths.tsv"


@dataclass(frozen=True)
class Golden:
    day: dt.date
    outcome: str
    result_code: str
    answers: tuple[tuple[str, str], ...]  # in the order the flow asks them

    @property
    def query(self) -> str:
        return urllib.parse.urlencode(sorted(self.answers))

    def expected(self) -> dict[str, object]:
        state = walk(FLOW, dict(self.answers), self.day)
        return assess(state.facts, self.day).to_dict()


def _ordered(answers: dict[str, str], day: dt.date) -> tuple[tuple[str, str], ...]:
    state = walk(FLOW, answers, day)
    return tuple((s.question.id, s.answer) for s in state.path)


def load(path: Path = GOLDEN) -> list[Golden]:
    """The engine's committed golden list (a test there keeps it current)."""
    rows: list[Golden] = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            day = dt.date.fromisoformat(r["day"])
            answers = dict(urllib.parse.parse_qsl(r["answers"]))
            rows.append(Golden(day, r["outcome"], r["result_code"], _ordered(answers, day)))
    return rows


def for_day(day: dt.date) -> list[Golden]:
    """Golden paths computed for another day (the static pages' build day)."""
    return [
        Golden(
            day,
            s.node.id,
            str(assess(s.facts, day).to_dict()["result_code"]),
            tuple((st.question.id, st.answer) for st in s.path),
        )
        for s in enumerate_paths(FLOW, day)
    ]


@dataclass(frozen=True)
class SampleResult:
    day: dt.date
    code: str
    query: str  # the answers and the day (on=), as the wizard's address holds them
    html: str  # the result screen, as the worker shows it


def sample_results(lang: str, base: str) -> list[SampleResult]:
    """Every code of every sample day (tests/engine/truth_sweep.py): the engine's HTML made
    here in CPython by the function the worker calls, to be put into the real page."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
    from truth_sweep import SWEEP_DAYS, TODAY, cases

    out = []
    for day in SWEEP_DAYS:
        for case in cases(day):
            query = f"{case.query}&on={day.isoformat()}"
            shown: dict[str, Any] = json.loads(step(query, TODAY.isoformat(), base, lang))
            assert shown["kind"] == "result", (day, case.code, shown["kind"])
            out.append(SampleResult(day, case.code, query, shown["html"]))
    return out


def one_per_outcome(rows: list[Golden]) -> list[Golden]:
    """The first path for each (day, outcome node, result code): what the browser drives."""
    seen: dict[tuple[dt.date, str, str], Golden] = {}
    for g in rows:
        seen.setdefault((g.day, g.outcome, g.result_code), g)
    return list(seen.values())


def one_per_answer(rows: list[Golden]) -> list[Golden]:
    """The first path for each distinct full answer (every field of to_dict but the day)."""
    seen: dict[tuple[dt.date, str, str], Golden] = {}
    for g in rows:
        d = g.expected()
        d.pop("on")
        seen.setdefault((g.day, g.outcome, json.dumps(d, sort_keys=True)), g)
    return list(seen.values())


def expected_screen(g: Golden) -> dict[str, Any]:
    """What the CPython engine says the result screen shows for this path."""
    state = walk(FLOW, dict(g.answers), g.day)
    a = assess(state.facts, g.day)
    d = a.to_dict()
    return {
        "node": state.node.id,
        "code": d["result_code"],
        "kind": "result",
        "headline": texts.explain(a).headline,
        "show": len(d["show_at_clinic"]),
        "submit": len(d["submit"]),
        "return": len(d["return"]),
        "answers": len(g.answers) + 1,  # each answer, and the day
    }


class Gate:
    """Holds a URL's requests (a download not arrived yet) until ``open()``; a request made
    after opening goes straight through, so a slow worker that asks late is never stuck."""

    def __init__(self, page: Page, pattern: str) -> None:
        self.held: list[Route] = []
        self.opened = False
        page.route(pattern, self._hold)

    def _hold(self, route: Route) -> None:
        if self.opened:
            route.continue_()
        else:
            self.held.append(route)

    def open(self) -> None:
        self.opened = True
        for route in self.held:
            route.continue_()
        self.held.clear()
