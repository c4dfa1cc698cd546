"""The service worker (``site/sw.js``): what it caches, and one version per build.

The shell is what every page loads (the theme's styles and scripts, ours, the favicon) and the
404 pages: a first visit to a guide page costs the page and this, nothing more. Pages and
other files are cached as they are visited; the engine (Pyodide's runtime and the wheel) only
when a page that runs it says the engine is ready. The version is a hash of every file the
worker may cache, so a build that changes nothing keeps the members' caches.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .render import render_page

SKIP_SUFFIXES = {".br", ".gz", ".map", ".xml"}
SKIP_PARTS = ("wizard/s/", "assets/javascripts/lunr/", "assets/javascripts/workers/", "_bench")
SKIP_NAMES = {"_headers", "sw.js", "sitemap.xml.gz"}
# loaded by every page of the guide (overrides/main.html, mkdocs.yml's extra_css/extra_javascript)
SHELL_PARTS = ("assets/stylesheets/", "assets/javascripts/", "assets/images/")


def _wanted(rel: str) -> bool:
    path = Path(rel)
    return not (
        path.suffix in SKIP_SUFFIXES
        or path.name in SKIP_NAMES
        or any(part in rel for part in SKIP_PARTS)
    )


def precache_lists(site: Path) -> tuple[list[str], list[str], str]:
    """(shell, engine, version): site-relative URLs, pages as their directory URLs, and a
    hash of every cached file."""
    shell: list[str] = []
    engine: list[str] = []
    digest = hashlib.sha256()
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = file.relative_to(site).as_posix()
        if not _wanted(rel):
            continue
        digest.update(rel.encode() + b"\0" + file.read_bytes())
        if rel.startswith("pyodide/"):
            engine.append(rel)
        elif rel.endswith("404.html") or (
            rel.startswith(SHELL_PARTS) and Path(rel).suffix in {".css", ".js", ".png", ".svg"}
        ):
            shell.append(rel)
    return shell, engine, digest.hexdigest()[:16]


def write_service_worker(site: Path) -> tuple[int, int]:
    shell, engine, version = precache_lists(site)
    text = render_page("sw.js.j2", version=version, shell=shell, engine=engine)
    (site / "sw.js").write_text(text, encoding="utf-8")
    return len(shell), len(engine)
