"""Jinja2 for everything the build writes as HTML: blocks, the wizard page, the no-JS pages.

One environment, autoescaped, strict about undefined names: a template that names a value
the code does not pass stops the build instead of printing nothing.

Templates say their words with ``{{ _("…") }}`` (``jinja2.ext.i18n``, new-style gettext: values
as ``%(name)s``, escaped; a literal percent sign is ``%%``). The message is looked up when the
template renders, in the site's current language (:mod:`kenpo_site.i18n`).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import i18n

TEMPLATES = Path(__file__).with_name("templates")
BASE_MARK = "@@KENPO_BASE@@"  # in a block: the page's path to the site root (blocks.fill)

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "j2", "svg"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    extensions=["jinja2.ext.i18n"],
)
# Through lambdas: the language is the one current when a template renders, not at import.
_env.install_gettext_callables(  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
    gettext=lambda message: i18n._(message),
    ngettext=lambda singular, plural, n: i18n.ngettext(singular, plural, n),
    newstyle=True,
)


def render(name: str, **context: object) -> str:
    """A template as raw HTML for a Markdown page (no blank lines: they would end the block)."""
    text = _env.get_template(name).render(**context)
    return "\n".join(line for line in text.splitlines() if line.strip())


def render_page(name: str, **context: object) -> str:
    """A whole HTML document (kept as the template lays it out)."""
    return _env.get_template(name).render(**context)
