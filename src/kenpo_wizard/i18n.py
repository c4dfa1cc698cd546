"""gettext for user-facing strings, and which language they are shown in.

Source strings are Japanese (the product's language). Compiled catalogs live in
``locale/<lang>/LC_MESSAGES/kenpo_wizard.mo`` inside the package; without them the
Japanese source text is shown, so the engine never depends on a build step to run.

A language is a catalog: :func:`languages` lists the ``locale/<lang>`` folders, so adding
one (やさしい日本語, Vietnamese …) needs no code. The engine is single-threaded (one
Pyodide worker, one CLI run, one build), so the language is one module-wide setting,
switched with :func:`language` around the work done in it.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

DOMAIN = "kenpo_wizard"
LOCALE_DIR = Path(__file__).with_name("locale")
SOURCE_LANGUAGE = "ja"

# Names kept in Japanese beside their translation (「資格確認書」 Eligibility Certificate), so a
# member can match the words to the cards, forms and people they deal with. They are the same
# for every language; a translation writes them after the translated name, in parentheses.
KEPT_NAMES: tuple[str, ...] = (
    "千葉県医業健康保険組合",
    "健康保険証",
    "保険証",
    "マイナ保険証",
    "資格確認書",
    "資格情報のお知らせ",
    "マイナンバーカード",
    "マイナポータル",
    "医療保険の資格情報画面",
    "利用登録",
    "電子証明書",
    "資格喪失日",
    "資格取得日",
    "資格取得届",
    "被扶養者異動届",
    "資格確認書交付申請書",
    "資格情報のお知らせ 再交付申請書",
    "任意継続",
    "高齢受給者証",
    "後期高齢者医療制度",
    "負担割合",
    "職権交付",
    "申請交付",
    "交付事由",
    "経過措置",
    "事業所",
    "事務担当者",
    "セブン銀行",
    "令和",
    "平成",
    "昭和",
    "大正",
    "明治",
)

_current = SOURCE_LANGUAGE
_translation: gettext.NullTranslations = gettext.translation(
    DOMAIN, localedir=LOCALE_DIR, languages=[SOURCE_LANGUAGE], fallback=True
)


@cache
def languages() -> tuple[str, ...]:
    """The languages with a catalog folder, the source language first."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())
    return (SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE))


def current_language() -> str:
    return _current


def use_language(lang: str) -> None:
    """Switch the catalog (``ja`` is the source language)."""
    global _translation, _current
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
    )
    _current = lang


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Show everything made inside the block in ``lang``, then switch back."""
    before = _current
    if lang == before:  # nothing to switch (a roster switches once per row)
        yield
        return
    use_language(lang)
    try:
        yield
    finally:
        use_language(before)


def catalog_loaded() -> bool:
    """True when a compiled .mo file was found (the build step ran)."""
    return type(_translation) is not gettext.NullTranslations


def _(message: str) -> str:
    # gettext("") is the catalog's header, never a translation: an empty text stays empty.
    return _translation.gettext(message) if message else message


def C_(context: str, message: str) -> str:
    """A message in a context, where the same Japanese word means two things (月: Monday,
    month)."""
    return _translation.pgettext(context, message)


def n_(singular: str, plural: str, n: int) -> str:
    """A message whose words follow a number ("in 1 day", "in 3 days"); Japanese has one form."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translated where it is shown."""
    return message


def sep_list() -> str:
    """Between items of a list in a sentence (Japanese 、)."""
    # i18n: list separator
    return _("、")


def sep_alternatives() -> str:
    """Between alternatives or sources (Japanese ／)."""
    # i18n: separator between alternatives
    return _("／")


def quoted(name: str) -> str:
    """A name in quotes (Japanese 「」)."""
    return _("「{name}」").format(name=name)
