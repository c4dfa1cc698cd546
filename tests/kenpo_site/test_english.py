"""The blocks of the English pages, rendered in English: no Japanese outside the kept names.

Two checks. The site's own words (kenpo_site's catalog) are checked strictly: the engine's
texts are rendered as markers (a stand-in engine catalog), so whatever Japanese is left came
from the site. The whole page, engine texts included, is the second check; it can pass only
once the engine's English catalog and its English dates are in the branch, so until then it
is an expected failure.
"""

from __future__ import annotations

import gettext
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from kenpo_site import blocks, catalogs, i18n
from kenpo_site.blocks import answers, chart, timeline
from kenpo_site.pyodide_assets import APP_DIR
from kenpo_wizard import i18n as engine_i18n
from kenpo_wizard.i18n import KEPT_NAMES

JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+")
KEPT = re.compile("|".join(re.escape(n) for n in sorted(KEPT_NAMES, key=len, reverse=True)))
TAG = re.compile(r"<[^>]+>")
MESSAGES = re.compile(r'<script type="application/json" id="kenpo-messages">(.*?)</script>', re.S)
# What the engine assembles outside its catalog today (its dates, 「」 around a form's name):
# the engine's part of the work (kenpo_wizard.wareki, texts.form_label), not the site's.
ENGINE_DATE = re.compile(
    r"(?:令和|平成|昭和|大正|明治)?(?:元|\d+)年(?:\d+月)?(?:\d+日)?(?:（[月火水木金土日]）)?"
)
ENGINE_LEFT = re.compile(r"「§」|（\s*）")

# The blocks on the English pages (docs/en), and the two the plugin adds to every page.
ENGLISH_BLOCKS = (
    "today-status",
    "timeline",
    "comparison",
    "documents",
    "routes",
    "key-dates",
    "forms",
    "forms-link",
    "deliveries",
    "returns",
    "who-submits",
    "reasons-application",
    "reasons-ex-officio",
    "reference-temporary-measure",
    "reference-certificate-grace",
    "reference-card-suspension",
    "reference-shorter-validity",
    "reference-after-loss",
    "reference-return-within-5-days",
    "registration-rate",
    "wizard",
)


class _Marked(gettext.NullTranslations):
    """A stand-in engine catalog: every engine text comes out as a marked span."""

    def gettext(self, message: str) -> str:
        return "\x02" + message + "\x03"


@contextmanager
def _english(engine_marked: bool) -> Iterator[None]:
    with i18n.language("en"):
        before = engine_i18n._translation
        if engine_marked:
            engine_i18n._translation = _Marked()
        try:
            yield
        finally:
            engine_i18n._translation = before


def _render_all() -> dict[str, str]:
    out = {name: blocks.fill(f"<!-- kenpo:{name} -->", "../") for name in ENGLISH_BLOCKS}
    out["contact"] = answers.contact_html()
    out["schedule-chart"] = chart.chart_svg(timeline.timeline_items())
    return out


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogs() -> None:
    catalogs.write_compiled()  # the .mo files are git-ignored: made as the build makes them


@pytest.fixture(scope="module")
def marked() -> dict[str, str]:
    with _english(engine_marked=True):
        return _render_all()


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    with _english(engine_marked=False):
        return _render_all()


@pytest.fixture(scope="module")
def japanese() -> dict[str, str]:
    return _render_all()


def _visible(html: str) -> str:
    """The text a reader gets: tags out, the messages JSON out (checked on its own)."""
    return TAG.sub(" ", MESSAGES.sub("", html))


def _site_text(name: str, html: str) -> str:
    """The block without the engine's texts (markers) and what the engine assembles."""
    if name == "wizard":  # the first screen is the engine's own HTML (kenpo_wizard.web)
        html = html[: html.index('<div class="kw-screen"')] + html[html.rindex("</div>") :]
    while (inner := re.sub(r"\x02[^\x02\x03]*\x03", "§", html)) != html:
        html = inner
    return ENGINE_LEFT.sub("§", ENGINE_DATE.sub("", _visible(html)))


@pytest.mark.parametrize("name", [*ENGLISH_BLOCKS, "contact", "schedule-chart"])
def test_the_sites_words_are_english(name: str, marked: dict[str, str]) -> None:
    left = JAPANESE.findall(KEPT.sub("", _site_text(name, marked[name])))
    assert left == [], f"{name}: Japanese from the site's own words"


@pytest.mark.parametrize("name", [*ENGLISH_BLOCKS, "contact", "schedule-chart"])
def test_the_whole_block_is_english(name: str, english: dict[str, str]) -> None:
    left = JAPANESE.findall(KEPT.sub("", _visible(english[name])))
    assert left == [], name


def test_kept_names_are_marked_for_screen_readers(english: dict[str, str]) -> None:
    html = english["comparison"]
    assert '<span lang="ja">' in html
    for name in ENGLISH_BLOCKS:
        # no kept name in the text of an English block is left unmarked
        text = re.sub(r'<(t?span) lang="ja">[^<]*</\1>', "", english[name])
        text = re.sub(r"<(title|desc|script|option)\b.*?</\1>", "", text, flags=re.S)
        assert KEPT.findall(TAG.sub(" ", text)) == [], name


def test_the_wizard_page_carries_its_scripts_words(
    english: dict[str, str], japanese: dict[str, str]
) -> None:
    found = MESSAGES.search(english["wizard"])
    assert found is not None
    messages = json.loads(found.group(1))
    used = set(i18n._script_msgids((APP_DIR / "wizard.js",)))
    assert set(messages) == used  # every word the script uses, translated, and no more
    for msgstr in messages.values():
        assert JAPANESE.findall(KEPT.sub("", msgstr)) == []
    assert "kenpo-messages" not in japanese["wizard"]  # Japanese: t() shows the msgid


def test_the_agent_page_carries_its_scripts_words() -> None:
    with _english(engine_marked=False):
        html = blocks.fill("<!-- kenpo:agent -->", "../")
    found = MESSAGES.search(html)
    assert found is not None
    assert set(json.loads(found.group(1))) == set(i18n._script_msgids((APP_DIR / "agent.js",)))
    assert "kenpo-messages" not in blocks.fill("<!-- kenpo:agent -->", "../")


def test_japanese_blocks_are_left_as_they_were(japanese: dict[str, str]) -> None:
    for name, html in japanese.items():
        assert 'lang="ja"' not in html, name
        assert "\x02" not in html, name
