"""Screen markup from template files, every value escaped unless it is already markup.

The build renders its HTML with Jinja2; this runs in the browser's Python too, where the
engine keeps to the standard library (MarkupSafe, which Jinja2 needs, has no wheel for
Pyodide's ABI on the package index, and the two would add about 150 kB and an import to
every phone's first start). So screens use :class:`string.Template` fragments kept apart
from the code in ``templates/*.html``: each file holds named fragments, each starting with a
line ``<!--# name -->``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import cache
from importlib import resources

from ..i18n import KEPT_NAMES


class Html(str):
    """Markup that is already safe to insert (a rendered fragment)."""

    __slots__ = ()


# What html.escape(quote=True) does; that module imports html.entities (a 97 kB table of named
# references the engine never reads), shipped and compiled on every phone's first start.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def esc(value: object) -> Html:
    return value if isinstance(value, Html) else Html(str(value).translate(_ESCAPES))


def join(parts: Iterable[Html | str], sep: str = "") -> Html:
    """Rendered fragments joined, empty ones dropped."""
    return Html(sep.join(esc(p) for p in parts if p))


_NAME = re.compile(r"^<!--# ([a-z_]+) -->\n", re.M)


@cache
def _fragments(file: str) -> dict[str, string.Template]:
    text = resources.files(__package__).joinpath("templates", file).read_text(encoding="utf-8")
    parts = _NAME.split(text)[1:]
    return {
        name: string.Template(body.strip("\n").replace("\n", ""))
        for name, body in zip(parts[::2], parts[1::2], strict=True)
    }


def render(file: str, fragment: str, /, **values: object) -> Html:
    """A fragment of ``templates/<file>`` with ``values`` escaped (Html passes as is)."""
    return Html(_fragments(file)[fragment].substitute({k: esc(v) for k, v in values.items()}))


def fmt(pattern: str, /, **values: object) -> Html:
    """A translated pattern (``_("{label}：{day}")``) filled with values: the pattern's own text
    and each value are escaped, unless a value is already markup. Punctuation lives in the
    pattern, so each language brings its own."""
    out: list[str] = []
    for text, field, _spec, _conversion in string.Formatter().parse(pattern):
        out.append(esc(text))
        if field is not None:
            out.append(esc(values[field]))
    return Html("".join(out))


_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9:-]+)")
_LANG_JA = re.compile(r"""\slang\s*=\s*["']?ja\b""")
# Text a screen reader takes as a whole (names, descriptions) or the browser shows as is.
_SKIP = frozenset({"script", "style", "title", "desc", "textarea", "option", "template"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip


_KEPT = re.compile("|".join(re.escape(n) for n in sorted(KEPT_NAMES, key=len, reverse=True)))


def mark_kept_names(html: str) -> str:
    """Wrap each kept Japanese name (``KEPT_NAMES``, longest first)
    in the text of ``html`` in ``<span lang="ja">`` (``<tspan>`` inside SVG), so a screen
    reader reads it in Japanese. Tags, attributes, ``title``/``desc``/``script``/``style``/
    ``option`` and elements already marked ``lang="ja"`` are left alone, so it is idempotent."""
    pattern = _KEPT
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
