"""Both message catalogs (engine and site): up to date, and every translation complete.

For each language other than the source (Japanese) and each domain: every message has a
translation, none is fuzzy, each keeps exactly the msgid's placeholders (``{name}`` and
``%(name)s``), and no Japanese is left outside the names kept beside their translation
(``kenpo_wizard.i18n.KEPT_NAMES``, spec/translation.md).
"""

from __future__ import annotations

import dataclasses
import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from kenpo_site import catalogs, i18n
from kenpo_wizard.i18n import KEPT_NAMES
from kenpo_wizard.wareki import DATE_FIELDS

JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
KEPT = re.compile("|".join(re.escape(n) for n in sorted(KEPT_NAMES, key=len, reverse=True)))
BRACE = re.compile(r"\{(\w*)\}")
PERCENT = re.compile(r"%\((\w+)\)[sdr]")


def placeholders(text: str) -> set[str]:
    return {"{" + n + "}" for n in BRACE.findall(text)} | {
        "%(" + n + ")" for n in PERCENT.findall(text.replace("%%", ""))
    }


def japanese_left(text: str) -> list[str]:
    """The Japanese in ``text`` once the kept names are taken out."""
    return JAPANESE.findall(KEPT.sub("", text))


# Every language some domain has, in every domain: a language missing from one is a failure
# once both catalogs are in the branch (see test_every_message_is_translated).
TRANSLATED = sorted({lang for d in catalogs.DOMAINS for lang in d.languages()[1:]})
CASES = [(d, lang) for d in catalogs.DOMAINS for lang in TRANSLATED]


def _messages(domain: catalogs.Domain, lang: str) -> list[Message]:
    path = domain.po(lang)
    if not path.exists():
        pytest.fail(f"{path} is missing: run `python -m kenpo_site.catalogs --add {lang}`")
    with path.open("rb") as f:
        return [m for m in read_po(f, locale=lang, domain=domain.name) if m.id]


def _id(m: Message) -> str:
    return m.id if isinstance(m.id, str) else m.id[0]


def _strings(m: Message) -> list[str]:
    """The translations (a plural message has several); empty ones left out."""
    if isinstance(m.string, str):
        return [m.string] if m.string else []
    return [s for s in m.string or () if s]


@pytest.mark.parametrize(("domain", "lang"), CASES, ids=[f"{d.name}-{x}" for d, x in CASES])
def test_every_message_is_translated(domain: catalogs.Domain, lang: str) -> None:
    messages = _messages(domain, lang)
    assert messages
    untranslated = [
        _id(m)
        for m in messages
        if not (m.string if isinstance(m.string, str) else all(m.string or ()))
    ]
    assert untranslated == []
    assert [_id(m) for m in messages if m.fuzzy] == []


@pytest.mark.parametrize(("domain", "lang"), CASES, ids=[f"{d.name}-{x}" for d, x in CASES])
def test_placeholders_are_kept(domain: catalogs.Domain, lang: str) -> None:
    wrong = [
        (_id(m), s)
        for m in _messages(domain, lang)
        for s in _strings(m)
        if not _placeholders_fit(m, s)
    ]
    assert wrong == []


def _placeholders_fit(m: Message, translated: str) -> bool:
    """The msgid's placeholders, no more and no fewer; a date pattern may use any date field
    (a language orders and names a date its own way: "{day} {month_name} {year}")."""
    if any(c.startswith("i18n: date pattern") for c in m.auto_comments):
        return placeholders(translated) <= {"{" + f + "}" for f in DATE_FIELDS}
    return placeholders(translated) == placeholders(_id(m))


@pytest.mark.parametrize(("domain", "lang"), CASES, ids=[f"{d.name}-{x}" for d, x in CASES])
def test_no_japanese_outside_the_kept_names(domain: catalogs.Domain, lang: str) -> None:
    left = [(s, japanese_left(s)) for m in _messages(domain, lang) for s in _strings(m)]
    assert [(s, chars) for s, chars in left if chars] == []


def test_the_helpers_see_what_they_should() -> None:
    assert placeholders("{a} %(b)s %%(c)s {}") == {"{a}", "%(b)", "{}"}
    assert japanese_left("Eligibility Certificate (資格確認書), 1 December 2025 (Reiwa 7)") == []
    assert japanese_left("Certificate (資格確認書)。") == ["。"]
    assert japanese_left("職権交付事由") == ["事", "由"]  # 職権交付 is kept; 事由 alone is not


# ----------------------------------------------------------------------------- the build
def test_committed_catalogs_are_up_to_date() -> None:
    stale = [
        str(path)
        for path, data in catalogs.outputs().items()
        if path.suffix != ".mo" and (not path.exists() or path.read_bytes() != data)
    ]
    assert stale == [], "run `python -m kenpo_site.catalogs`"


def test_both_domains_build_deterministically_and_compile() -> None:
    first, second = catalogs.outputs(), catalogs.outputs()
    assert first == second
    for domain in catalogs.DOMAINS:
        assert domain.pot in first
        for lang in domain.languages():
            mo = gettext.GNUTranslations(io.BytesIO(first[domain.mo(lang)]))
            assert mo.charset() == "utf-8" and mo.info()["language"] == lang
            assert b"POT-Creation-Date" not in first[domain.po(lang)]


def test_the_wheel_gets_the_engine_catalogs_only() -> None:
    files = catalogs.compiled()
    assert files and all(p.is_relative_to(catalogs.ENGINE.locale_dir) for p in files)
    assert set(files) == {catalogs.ENGINE.mo(lang) for lang in catalogs.ENGINE.languages()}


def test_the_site_catalog_holds_templates_scripts_and_code() -> None:
    with catalogs.SITE.pot.open("rb") as f:
        template = read_po(f)
    places = {loc for m in template for loc, _line in m.locations}
    assert any(p.startswith("kenpo_site/templates/") for p in places)
    assert any(p.startswith("kenpo_site/blocks/") for p in places)
    assert {"wizard/wizard.js", "wizard/agent.js"} <= places
    ids = {_id(m) for m in template if m.id}
    # a t("…") inside a template literal is found too
    assert "回答を受け付けました。" in ids and "基準日を変更" in ids
    # a template's new-style placeholder, and the leaflet's quoted words
    assert "%(percent)s％" in ids and "令和11年12月1日" in ids


def test_the_scripts_messages_are_all_in_the_site_catalog() -> None:
    with catalogs.SITE.pot.open("rb") as f:
        ids = {_id(m) for m in read_po(f) if m.id}
    scripts = [catalogs.SCRIPTS_DIR / "wizard.js", catalogs.SCRIPTS_DIR / "agent.js"]
    used = set(i18n._script_msgids(tuple(scripts)))
    assert len(used) >= 26 and used <= ids


def _empty(string: object) -> bool:
    """No translation yet; a plural entry has one empty form per plural form ("", "")."""
    return not any(string) if isinstance(string, tuple | list) else not string


def test_add_starts_a_language_in_both_domains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    domains = tuple(
        dataclasses.replace(d, locale_dir=tmp_path / d.name / "locale") for d in catalogs.DOMAINS
    )
    for d in domains:
        (d.locale_dir / "ja" / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.setattr(catalogs, "DOMAINS", domains)
    assert catalogs.main(["--add", "vi"]) == 0
    for d in domains:
        assert d.languages() == ("ja", "vi")
        with d.po("vi").open("rb") as f:
            messages = [m for m in read_po(f) if m.id]
        assert messages and all(_empty(m.string) for m in messages)
        assert d.mo("vi").exists()
    assert catalogs.main(["--check"]) == 0
    d.po("vi").write_bytes(d.po("vi").read_bytes() + b"\n")  # edited by hand: stale
    assert catalogs.main(["--check"]) == 1
    with pytest.raises(SystemExit):
        catalogs.add_language("ja")


# ----------------------------------------------------------------------------- lang="ja"
def test_mark_japanese_wraps_kept_names_in_text_only() -> None:
    html = (
        '<p title="保険証">Eligibility Certificate (資格確認書) or card (マイナ保険証)</p>'
        '<span lang="ja">保険証 <b>保険証</b></span><!-- 保険証 -->'
        "<svg><title>保険証</title><text>card (保険証)</text></svg><br>保険証"
    )
    assert i18n.mark_japanese(html) == html  # the source language: nothing to mark
    with i18n.language("en"):
        out = i18n.mark_japanese(html)
        assert i18n.mark_japanese(out) == out  # idempotent
    assert out == (
        '<p title="保険証">Eligibility Certificate (<span lang="ja">資格確認書</span>) or card'
        ' (<span lang="ja">マイナ保険証</span>)</p>'  # the longer name, not 保険証 inside it
        '<span lang="ja">保険証 <b>保険証</b></span><!-- 保険証 -->'
        '<svg><title>保険証</title><text>card (<tspan lang="ja">保険証</tspan>)</text></svg>'
        '<br><span lang="ja">保険証</span>'
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_message_in_both_catalogs_reads_the_same(lang: str) -> None:
    """The wizard page's HTML (site) and the engine's screens say 基準日 the same way."""
    # a message with a context (a CSV column's header) is another message
    engine = {(m.context, _id(m)): m.string for m in _messages(catalogs.ENGINE, lang)}
    differ = [
        (_id(m), m.string, engine[m.context, _id(m)])
        for m in _messages(catalogs.SITE, lang)
        # a short word may differ by its place (Today as a label, today in brackets)
        if len(_id(m)) > 2
        and (m.context, _id(m)) in engine
        and m.string != engine[m.context, _id(m)]
    ]
    assert differ == []
