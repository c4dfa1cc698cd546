"""The site's own strings (blocks, templates, the wizard page's scripts) in the page's language.

The site's messages are a catalog of their own (domain ``kenpo_site``, built with the engine's
by ``python -m kenpo_site.catalogs``): they are used at build time only, so phones never
download them with the engine's wheel. Switching the site's language switches the engine's
too, so a block and the engine texts inside it always agree.

Three kinds of text meet in a block: the site's own (``_``, extracted from this package),
the engine's data marked with ``N_`` in :mod:`kenpo_wizard` and translated where it is shown
(``E_``, the engine's catalog), and the engine's finished sentences (already translated).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from kenpo_wizard import i18n as engine_i18n
from kenpo_wizard.web.html import mark_kept_names

DOMAIN = "kenpo_site"
LOCALE_DIR = Path(__file__).with_name("locale")
SOURCE_LANGUAGE = engine_i18n.SOURCE_LANGUAGE

_translation: gettext.NullTranslations = gettext.NullTranslations()


def current_language() -> str:
    return engine_i18n.current_language()


def use_language(lang: str) -> None:
    global _translation
    engine_i18n.use_language(lang)
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
    )


@contextmanager
def language(lang: str) -> Iterator[None]:
    before = current_language()
    use_language(lang)
    try:
        yield
    finally:
        use_language(before)


def _(message: str) -> str:
    return _translation.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    return message


def E_(message: str) -> str:
    """An engine text marked with ``N_`` in :mod:`kenpo_wizard` (a label, a title), shown in
    the current language from the engine's catalog. The site never retypes it."""
    return engine_i18n._(message)


# ----------------------------------------------------------------------------- scripts
def script_messages(scripts: Iterable[Path]) -> dict[str, str]:
    """What the scripts' ``t("…")`` calls show in the current language: ``{msgid: msgstr}`` for
    the messages whose translation differs (empty in the source language, where ``t`` returns
    the msgid). The page carries it as JSON (``#kenpo-messages``)."""
    if current_language() == SOURCE_LANGUAGE:
        return {}
    out: dict[str, str] = {}
    for msgid in _script_msgids(tuple(scripts)):
        msgstr = _(msgid)
        if msgstr != msgid:
            out[msgid] = msgstr
    return out


@cache
def _script_msgids(scripts: tuple[Path, ...]) -> tuple[str, ...]:
    from babel.messages.extract import extract  # a build tool: only the site needs it

    found: dict[str, None] = {}
    for path in scripts:
        with path.open("rb") as f:
            # as kenpo_site.catalogs extracts them: t("…") inside `…${t("…")}…` too
            for _lineno, message, _comments, _context in extract(
                "javascript", f, keywords={"t": None}, options={"parse_template_string": True}
            ):
                if isinstance(message, str):
                    found[message] = None
    return tuple(found)


# ----------------------------------------------------------------------------- lang="ja"
def mark_japanese(html: str) -> str:
    """Outside the source language, each kept Japanese name marked ``lang="ja"`` (the engine's
    :func:`kenpo_wizard.web.html.mark_kept_names`, which marks the wizard's screens too)."""
    return html if current_language() == SOURCE_LANGUAGE else mark_kept_names(html)
