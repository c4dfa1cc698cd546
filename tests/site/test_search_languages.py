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
    {
        "location": "en/certificate/#資格確認書をなくしたとき",
        "title": "If you lose your Eligibility Certificate",
        "text": "<p>The leaflet does not say how to get a lost certificate reissued.</p>",
    },
    {
        "location": "en/registration/",
        "title": "Registering your My Number Card",
        "text": "<p>Register your My Number Card as your health insurance card.</p>",
    },
    {
        "location": "en/registration/#マイナンバーカードを紛失したとき",
        "title": "If you lose your My Number Card",
        "text": "<p>You can apply for an Eligibility Certificate (資格確認書) meanwhile.</p>",
    },
    {
        "location": "en/abolition/",
        "title": "The end of the health insurance card",
        "text": "<p>The health insurance card cannot be used from 2 December 2025.</p>",
    },
    {
        "location": "en/abolition/#保険証をなくしたとき",
        "title": "If you lost your health insurance card",
        "text": "<p>There is no reissue of a lost health insurance card.</p>",
    },
]


def _run(lang: str | None, queries: list[str], answer: str) -> list[Any]:
    """The worker's functions in Node on the fixture index: `answer` maps each query (q) to
    what the test compares."""
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
        f"console.log(JSON.stringify(input.queries.map(q => {answer})));"
    )
    out = subprocess.run(
        [node, "-e", script, str(WORKER)],
        input=json.dumps({"index": index, "lang": lang, "queries": queries}),
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(out.stdout))


def _search(lang: str | None, *queries: str) -> list[list[str]]:
    """The result pages of each query, best first."""
    pages = "w.search(q).items.map(group => group[group.length - 1].location.split('#')[0])"
    return _run(lang, list(queries), pages)


def _first_link(lang: str | None, query: str) -> str:
    """Where the first result's first link leads: the page's item (no "#"), or the group's
    last item, pointed at the page's best section (as Material 9.8.1 renders it)."""
    first = (
        "(g => g ? (g.find(i => !i.location.includes('#')) || g[g.length - 1]).location : '')"
        "(w.search(q).items[0])"
    )
    (found,) = _run(lang, [query], first)
    return str(found)


def _terms(query: str) -> list[str]:
    (found,) = _run("en", [query], "w.terms(q).map(t => t.word)")
    return list(found)


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
        ("lost certificate", "en/certificate/"),  # lost → lose (search_terms.toml)
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


@pytest.mark.parametrize(
    ("query", "location"),
    [
        # issue 20: the My Number Card's section came first (both headings say "lose")
        ("lost eligibility certificate", "en/certificate/#資格確認書をなくしたとき"),
        ("misplaced my certificate", "en/certificate/#資格確認書をなくしたとき"),
        ("lost my health insurance card", "en/abolition/#保険証をなくしたとき"),
        # a bare "card" is a card members hold today, not the old health insurance card
        ("lost card", "en/registration/#マイナンバーカードを紛失したとき"),
    ],
)
def test_losing_each_document_finds_its_own_section(query: str, location: str) -> None:
    assert _first_link("en", query) == location


def test_an_english_word_is_found_at_the_start_of_a_word_only() -> None:
    assert _search("en", "ertificate") == [[]]  # not inside "certificate"
    assert _search("en", "certif")[0][0] == "en/certificate/"  # a word's start still finds it


def test_words_of_several_words_are_one_query_word() -> None:
    assert _terms("new employee no card") == ["new employee", "no card"]
    assert _terms("I lost my job") == ["lost my job"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("どこで登録", ["登録"]),  # a question word run into the rest, and its particle
        ("いつもらえる", ["もらえる"]),
        ("マイナ保険証ない", ["マイナ保険証"]),  # a word found nowhere loses its ない
        ("保険証 なくした", ["保険証", "なくした"]),
    ],
)
def test_japanese_question_words_and_endings_are_dropped(query: str, words: list[str]) -> None:
    assert _terms(query) == words
