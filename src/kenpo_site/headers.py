"""The site's HTTP headers, written to ``site/_headers`` from ``templates/headers.j2``.

The policy allows scripts from the site itself only; Material inlines a few small scripts,
whose sha256 hashes are read from the built pages and added, so nothing else inline can run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from .render import render_page

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    """The base64 sha256 of every inline script that runs (JSON data blocks do not)."""
    found: set[str] = set()
    # Material's scripts name the page's path to the root: one level (wizard/) or two (en/…/)
    pages = [*site.glob("*.html"), *site.glob("*/index.html"), *site.glob("*/*/index.html")]
    pages += [*site.glob("*/404.html")]  # en/404.html
    for page in pages:
        for attrs, body in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attrs:
                continue
            found.add(base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode())
    return sorted(found)


def write_headers(site: Path) -> Path:
    text = render_page("headers.j2", script_hashes=inline_script_hashes(site))
    out = site / "_headers"
    out.write_text(text.strip() + "\n", encoding="utf-8")
    return out
