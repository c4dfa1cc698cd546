"""The page scripts' dates and words in each language (kenpo_site/page_data.py): dates.js,
run in Node with a page's JSON, writes every date as the engine does in that language."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from sitekit import ROOT

from kenpo_site.i18n import language
from kenpo_site.page_data import TEXT, page_data
from kenpo_wizard.i18n import languages
from kenpo_wizard.wareki import both, era_table, wareki

DATES_JS = ROOT / "docs" / "assets" / "javascripts" / "dates.js"
DAYS = [
    dt.date(1989, 1, 7),
    dt.date(1989, 1, 8),  # 平成元年
    dt.date(2019, 5, 1),  # 令和元年
    dt.date(2024, 12, 2),
    dt.date(2025, 12, 1),
    dt.date(2026, 2, 28),
]


def _dates_js(data: object, days: list[dt.date]) -> list[list[str]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = """
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const nodes = {"kenpo-eras": JSON.stringify(input.eras), "kenpo-page": JSON.stringify(input.page)};
global.window = {};
global.document = {getElementById: (id) => (id in nodes ? {textContent: nodes[id]} : null)};
eval(fs.readFileSync(process.argv[1], "utf8"));
const d = window.kenpoDates;
console.log(JSON.stringify(input.days.map((iso) => {
  const [y, m, day] = iso.split("-").map(Number);
  return [d.both(iso), d.wareki(y, m, day)];
})));
"""
    payload = {"eras": era_table(), "page": data, "days": [d.isoformat() for d in days]}
    out = subprocess.run(
        [node, "-e", script, str(DATES_JS)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(out.stdout))


@pytest.mark.parametrize("lang", languages())
def test_dates_js_writes_dates_as_the_engine(lang: str) -> None:
    with language(lang):
        data = page_data()
        expected = [[both(d), wareki(d)] for d in DAYS]
    assert _dates_js(data, DAYS) == expected


def test_dates_js_without_the_page_data_is_japanese() -> None:
    with language("ja"):
        expected = [[both(d), wareki(d)] for d in DAYS]
    assert _dates_js(None, DAYS) == expected


@pytest.mark.parametrize("lang", languages())
def test_every_word_of_the_page_scripts_is_there(lang: str) -> None:
    with language(lang):
        text = page_data()["text"]
    assert set(text) == set(TEXT)
    for key, message in TEXT.items():  # the same {placeholders} as the Japanese
        assert sorted(_fields(text[key])) == sorted(_fields(message)), key


def _fields(message: str) -> list[str]:
    import string

    return [name for _lit, name, _spec, _conv in string.Formatter().parse(message) if name]
