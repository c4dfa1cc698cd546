"""The site's own strings (blocks, templates, the wizard page's scripts) in the page's language.

The site's messages are a catalog of their own (domain ``kenpo_site``, built with the engine's
by ``python -m kenpo_site.catalogs``): they are used at build time only, so phones never
download them with the engine's wheel. Switching the site's language switches the engine's
too, so a block and the engine texts inside it always agree.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kenpo_wizard import i18n as engine_i18n

DOMAIN = "kenpo_site"
LOCALE_DIR = Path(__file__).with_name("locale")

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


def N_(message: str) -> str:
    return message
