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


_TAG = re.compile(r"(<[^>]*>)")
_KEPT = re.compile("|".join(re.escape(n) for n in sorted(KEPT_NAMES, key=len, reverse=True)))


def mark_kept_names(markup: str) -> str:
    """Each Japanese name kept in a translation, marked ``lang="ja"`` so a screen reader reads
    it in Japanese (only in text, never inside a tag)."""
    parts = _TAG.split(markup)
    for i in range(0, len(parts), 2):  # even parts are text between tags
        parts[i] = _KEPT.sub(lambda m: f'<span lang="ja">{m[0]}</span>', parts[i])
    return "".join(parts)
