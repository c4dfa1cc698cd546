"""The search worker with the pages of two languages in one index (mkdocs-static-i18n merges
them): a search shows the page's own language, the other only when its own has nothing, and
the vocabulary's page weights follow a page into its translation. Runs the worker's own
functions in Node (no build, no browser)."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest
from sitekit import ROOT

from kenpo_site.search_terms import vocabulary

WORKER = ROOT / "docs" / "assets" / "javascripts" / "search-ja-worker.js"
LANGUAGES = {"ja": "", "en": "en/"}

DOCS = [
    {"location": "", "title": "トップ", "text": "<p>資格確認書と保険証のガイド</p>"},
    {"location": "certificate/", "title": "資格確認書", "text": "<p>資格確認書の有効期限</p>"},
    {"location": "employers/", "title": "事業所ご担当者の方へ", "text": "<p>資格確認書の申請</p>"},
    {"location": "en/", "title": "Home", "text": "<p>Eligibility Certificate (資格確認書)</p>"},
    {
        "location": "en/certificate/",
        "title": "Eligibility Certificate (資格確認書)",
        "text": "<p>The Eligibility Certificate (資格確認書) is valid until the date on it.</p>",
    },
    {
        "location": "en/certificate/#if-you-lose-it",
        "title": "If you lose it",
        "text": "<p>Tell the HR clerk at your workplace if you lose the certificate.</p>",
    },
    {
        "location": "en/comparison/",
        "title": "Comparison table",
        "text": "<p>What to return and when: the old card goes back to your employer.</p>",
    },
    {
        "location": "en/comparison/#返却のまとめ",  # a block's heading: the same id in every language
        "title": "What to return",
        "text": "<p>When your coverage ends, return the certificate to your employer.</p>",
    },
    {"location": "en/comparison/#kenpo-contact-title", "title": "Whom to ask", "text": ""},
]


def _search(lang: str | None, *queries: str) -> list[list[str]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    index: dict[str, Any] = {
        "config": {"kenpo": vocabulary(), "kenpo_languages": LANGUAGES},
        "docs": DOCS,
    }
    script = (
        "const w = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "w.setup(input.index, input.lang);"
        "console.log(JSON.stringify(input.queries.map("
        "q => w.search(q).items.map(group => group[group.length - 1].location.split('#')[0]))));"
    )
    out = subprocess.run(
        [node, "-e", script, str(WORKER)],
        input=json.dumps({"index": index, "lang": lang, "queries": list(queries)}),
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(out.stdout))


def test_an_english_page_shows_english_pages_only() -> None:
    (kept,) = _search("en", "資格確認書")  # a kept name: in both languages' pages
    assert kept and all(page.startswith("en/") for page in kept), kept
    assert kept[0] == "en/certificate/"


def test_a_japanese_page_shows_japanese_pages_only() -> None:
    (found,) = _search("ja", "資格確認書")
    assert found and not any(page.startswith("en/") for page in found), found
    assert found[0] == "certificate/"  # the employers' page comes after the members'


def test_no_page_language_means_the_default_language() -> None:
    assert _search(None, "資格確認書") == _search("ja", "資格確認書")


def test_the_other_language_answers_when_the_own_has_nothing() -> None:
    (found,) = _search("ja", "eligibility certificate")
    assert found and found[0] == "en/certificate/", found


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("eligibility certificate", "en/certificate/"),
        ("lost card", "en/certificate/"),  # lost → lose (search_terms.toml)
        ("I quit", "en/comparison/"),  # an answer of the vocabulary, in the translation too
        ("what do I return", "en/comparison/"),  # words that say nothing are dropped
        ("when does it expire", "en/certificate/"),  # expire → valid until
    ],
)
def test_english_member_words(query: str, page: str) -> None:
    (found,) = _search("en", query)
    assert found and found[0] == page, (query, found)


def test_the_contact_block_is_no_hit() -> None:
    (found,) = _search("en", "whom to ask")
    assert found == [], found


def test_the_home_page_weighs_as_the_japanese_home() -> None:
    """search_terms.toml weighs the top page down ("" = 0.5): en/ too, so a word on the home
    page and on its own page finds its own page first."""
    (found,) = _search("en", "eligibility")
    assert found[0] == "en/certificate/", found
