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
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from kenpo_wizard import i18n as engine_i18n

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
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9:-]+)")
_LANG_JA = re.compile(r"""\slang\s*=\s*["']?ja\b""")
# Text a screen reader takes as a whole (names, descriptions) or the browser shows as is.
_SKIP = frozenset({"script", "style", "title", "desc", "textarea", "option", "template"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip


@cache
def _kept_pattern() -> re.Pattern[str]:
    names = sorted(engine_i18n.KEPT_NAMES, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def mark_japanese(html: str) -> str:
    """Outside the source language, wrap each kept Japanese name (``KEPT_NAMES``, longest first)
    in the text of ``html`` in ``<span lang="ja">`` (``<tspan>`` inside SVG), so a screen
    reader reads it in Japanese. Tags, attributes, ``title``/``desc``/``script``/``style``/
    ``option`` and elements already marked ``lang="ja"`` are left alone, so it is idempotent."""
    if current_language() == SOURCE_LANGUAGE:
        return html
    pattern = _kept_pattern()
    out: list[str] = []
    skip: str | None = None  # the element whose text is left alone, and its nesting depth
    depth = 0
    svg = 0
    for part in _TAG.split(html):
        if not part:
            continue
        if part.startswith("<"):
            m = _TAG_NAME.match(part)
            if m is not None and not part.startswith("<!"):
                name = m.group(1).lower()
                closing = part.startswith("</")
                lone = part.endswith("/>") or name in _VOID
                if skip is not None:
                    if name == skip and not lone:
                        depth += -1 if closing else 1
                        if depth == 0:
                            skip = None
                elif not closing and not lone and (name in _SKIP or _LANG_JA.search(part)):
                    skip, depth = name, 1
                if name == "svg" and not lone:
                    svg += -1 if closing else 1
            out.append(part)
            continue
        if skip is not None:
            out.append(part)
            continue
        tag = "tspan" if svg > 0 else "span"
        out.append(pattern.sub(f'<{tag} lang="ja">\\g<0></{tag}>', part))
    return "".join(out)
