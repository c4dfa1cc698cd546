"""Short results (issue 20, item 4): on a phone (375×812) the plain first line, 「次にすること」
and what to show fit the first screen, for every code of every sample day, in both languages.

As in test_print, the engine's HTML for each (day, code) is made here in CPython (the same
function the worker calls) and put into the real wizard page, which lands on it as after a
step (wizard.js ``land()``: the headline under the sticky header). The tallest of each
language is then reached through the wizard itself, which checks the measure against the page.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize
from wizkit import jump, sample_results, wait_ready

pytestmark = pytest.mark.slow

PHONE: ViewportSize = {"width": 375, "height": 812}
LANGS = {"ja": "wizard/", "en": "en/wizard/"}
SCREEN = "#kenpo-wizard [data-kw-screen]"

# Where the first screen's parts end, once the page has landed on the result as wizard.js
# does after a step (focus, then the headline scrolled to the top, clear of the header).
_MEASURE = """
() => {
  const screen = document.querySelector('SCREEN');
  const head = screen.querySelector('.kw-headline');
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const parts = ['.kw-s-todo', '.kw-s-show'].map((s) => screen.querySelector(s)).filter(Boolean);
  return {header, top: head.getBoundingClientRect().top, todo: !!screen.querySelector('.kw-s-todo'),
          end: Math.max(...parts.map((p) => p.getBoundingClientRect().bottom)),
          height: innerHeight, wide: document.documentElement.scrollWidth > innerWidth};
}
""".replace("SCREEN", SCREEN)
_LAND = """
async ([html]) => {
  const screen = document.querySelector('SCREEN');
  screen.dataset.kind = 'result';
  screen.innerHTML = html;
  document.body.classList.add('kw-stepped');
  const h = screen.querySelector('.kw-question');
  h.focus({preventScroll: true});
  h.scrollIntoView({block: 'start'});
  await new Promise(requestAnimationFrame);
  return (MEASURE)();
}
""".replace("SCREEN", SCREEN).replace("MEASURE", _MEASURE.strip())


def _problems(where: str, got: dict[str, Any]) -> list[str]:
    out = []
    if not got["todo"]:
        out.append(f"{where}: no 次にすること")
    if got["top"] < got["header"]:
        out.append(f"{where}: the headline is under the header ({got['top']} < {got['header']})")
    if got["end"] > got["height"]:
        out.append(f"{where}: what to show ends at {got['end']:.0f} px > {got['height']} px")
    if got["wide"]:
        out.append(f"{where}: the page scrolls sideways")
    return out


@pytest.mark.parametrize("lang", list(LANGS))
def test_what_to_do_and_what_to_show_fit_a_phones_first_screen(
    page: Page, base_url: str, lang: str
) -> None:
    url = f"{base_url}/{LANGS[lang]}"
    page.set_viewport_size(PHONE)
    page.goto(url)
    wait_ready(page)
    failures: list[str] = []
    ends: list[tuple[float, str]] = []
    for r in sample_results(lang, url):
        got = page.evaluate(_LAND, [r.html])
        failures += _problems(f"{lang} {r.day} {r.code}", got)
        ends.append((got["end"], r.query))
    assert not failures, f"{len(failures)} of {len(ends)}, e.g.\n" + "\n".join(failures[:60])
    # the measure against the wizard: the tallest, reached by the wizard's own step
    page.goto(url)
    wait_ready(page)
    jump(page, max(ends)[1])
    got = page.evaluate(_MEASURE)
    assert not _problems(f"{lang} {max(ends)[1]}", got), got
    assert got["end"] == pytest.approx(max(ends)[0], abs=2), "the sweep's layout is not the page's"
