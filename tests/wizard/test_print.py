"""Print: every result of the sample days on one A4 sheet, in both languages (issue 20).

Printing 2,300 results to PDF one by one would take minutes, so the sweep lays each result
out as the print engine does: the page in print media at the width of an A4 sheet's printable
area, where a CSS pixel is 1/96 inch (Chromium's PDF scale 1). The engine's HTML for each
(day, code) is made here in CPython (the same function the worker calls) and put into the
real wizard page. The tallest results of each language are then printed to real PDFs through
the page's own engine, which checks the sweep's measure against the printer.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page
from test_a11y import RESULT
from wizkit import open_in_page, sample_results, wait_ready

pytestmark = pytest.mark.slow

MM = 96 / 25.4  # CSS px per millimetre
# @page { size: A4; margin: 10mm } in wizard.css: 190 × 277 mm to print on
SHEET_WIDTH = int(190 * MM)
SHEET_HEIGHT = int(277 * MM)
SCREEN = "#kenpo-wizard [data-kw-screen]"
PRINTED_PAGES = re.compile(rb"/Type\s*/Page(?!s)")
LANGS = {"ja": "wizard/", "en": "en/wizard/"}

_LAY_OUT = """
async ([html]) => {
  const screen = document.querySelector('SCREEN');
  screen.dataset.kind = 'result';
  screen.innerHTML = html;
  for (const d of screen.querySelectorAll('details')) d.open = true;  // as beforeprint does
  await new Promise(requestAnimationFrame);
  const seen = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // controls: the wizard's own links (data-kw), buttons and fields; a source or an address
  // printed as text is content
  const tappable = [...document.querySelectorAll(
      'button, input, select, textarea, a[data-kw], a.kw-button, a.kw-restart, a[download]')]
    .filter(seen).map((el) => el.outerHTML.slice(0, 120));
  const items = [...screen.querySelectorAll('.kw-section li')].filter(seen);
  let shared = 0;
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1].getBoundingClientRect(), b = items[i].getBoundingClientRect();
    if (items[i].parentElement === items[i - 1].parentElement && Math.abs(a.top - b.top) < 2) shared++;
  }
  const bottom = Math.ceil(document.getElementById('kenpo-wizard').getBoundingClientRect().bottom);
  return {height: Math.max(bottom, document.documentElement.scrollHeight > innerHeight
                               ? document.documentElement.scrollHeight : 0), tappable, shared,
          head: document.querySelector('.kw-printhead').innerText.trim(),
          day: (screen.querySelector('.kw-day') || {innerText: ''}).innerText.trim(),
          code: (screen.querySelector('.kw-code-value') || {innerText: ''}).innerText.trim()};
}
""".replace("SCREEN", SCREEN)


@pytest.mark.parametrize("lang", list(LANGS))
def test_every_result_of_the_sample_days_prints_on_one_a4_sheet(
    page: Page, base_url: str, lang: str
) -> None:
    url = f"{base_url}/{LANGS[lang]}"
    page.goto(url)
    wait_ready(page)
    site_name = page.evaluate("document.querySelector('.md-header__topic')?.innerText.trim()")
    page.set_viewport_size({"width": SHEET_WIDTH, "height": SHEET_HEIGHT})
    page.emulate_media(media="print")
    heights: list[tuple[int, str]] = []
    failures: list[str] = []
    for r in sample_results(lang, url):
        got = page.evaluate(_LAY_OUT, [r.html])
        heights.append((got["height"], r.query))
        where = f"{lang} {r.day} {r.code}"
        if got["height"] > SHEET_HEIGHT:
            failures.append(f"{where}: {got['height']} px > {SHEET_HEIGHT} px (two sheets)")
        if got["tappable"]:
            failures.append(f"{where}: printed controls {got['tappable'][:3]}")
        if got["shared"]:
            failures.append(f"{where}: {got['shared']} list items share a line")
        if r.code not in got["code"] or not got["day"]:
            failures.append(f"{where}: the code or the day asked is not printed")
        if not got["head"] or (site_name and site_name.split("｜")[0] not in got["head"]):
            failures.append(f"{where}: no site name / print date on the sheet: {got['head']!r}")
    assert not failures, f"{len(failures)} problems, e.g.\n" + "\n".join(failures[:15])
    # The measure against the printer: the tallest results, printed through the page's engine.
    # (print media kept: page.pdf under emulated screen media would print the screen's layout)
    page.set_viewport_size({"width": 390, "height": 844})
    for _height, query in sorted(heights, reverse=True)[:3]:
        assert open_in_page(page, query)["kind"] == "result"
        pdf = page.pdf(format="A4", print_background=True)
        assert len(PRINTED_PAGES.findall(pdf)) == 1, f"{lang} {query}: more than one page"


def test_the_sheet_names_the_site_and_the_print_day(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    open_in_page(page, RESULT)
    page.emulate_media(media="print")
    head = page.inner_text(".kw-printhead")
    assert "千葉県医業健康保険組合" in head
    assert re.search(r"印刷日：令和\d+年\d+月\d+日", head), head
