"""gettext for user-facing strings.

Source strings are Japanese (the product's language). Compiled catalogs live in
``locale/<lang>/LC_MESSAGES/kenpo_wizard.mo`` inside the package; without them the
Japanese source text is shown, so the engine never depends on a build step to run.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "kenpo_wizard"
LOCALE_DIR = Path(__file__).with_name("locale")

_translation: gettext.NullTranslations = gettext.translation(
    DOMAIN, localedir=LOCALE_DIR, languages=["ja"], fallback=True
)


def use_language(lang: str) -> None:
    """Switch the catalog (``ja`` is the source language)."""
    global _translation
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
    )


def catalog_loaded() -> bool:
    """True when a compiled .mo file was found (the build step ran)."""
    return type(_translation) is not gettext.NullTranslations


def _(message: str) -> str:
    # gettext("") is the catalog's header, never a translation: an empty text stays empty.
    return _translation.gettext(message) if message else message


def N_(message: str) -> str:
    """Mark a string for extraction; translated where it is shown."""
    return message
