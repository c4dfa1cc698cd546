"""The MkDocs plugin ``kenpo`` (entry point in ``pyproject.toml``; named in ``mkdocs.yml``).

``mkdocs build`` alone gives the whole site: the generated blocks in the pages, the glossary
tooltips, the contact route on every page, Pyodide and the engine's wheel, the wizard's
scripts, and the no-JavaScript pages. ``mkdocs serve`` does the same with live reload; it
reuses the wheel while the engine is unchanged and skips the ~12,000 no-JS pages unless
``serve_static_pages`` is set, so a Markdown edit shows in a few seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kenpo_wizard import __version__
from kenpo_wizard.wareki import era_table

from . import abbreviations, assets, blocks
from .blocks.answers import contact_html
from .compress import precompress
from .day import build_day
from .headers import write_headers
from .pyodide_assets import install_app, install_pyodide
from .search_terms import augment_index
from .service_worker import write_service_worker
from .static_pages import write_static_pages
from .wheel import CACHE

log = logging.getLogger("mkdocs.plugins.kenpo")

# Material puts autocomplete="off" on its two hidden toggle checkboxes (so Firefox does not
# restore them on back navigation); HTML allows that attribute on text-like inputs only, so the
# Nu checker rejects it. It is dropped here and kenpo.js resets the toggles on page show.
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">'
)
# Material's search dialog has no name (axe: aria-dialog-name); one attribute, not a copied partial.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_DIALOG_NAMED = _SEARCH_DIALOG[:-1] + ' aria-label="サイト内検索">'


COMPRESS_CACHE = CACHE.parent / "brotli"  # Brotli 11 of the large files, by content


class KenpoConfig(Config):
    static_pages = opt.Type(bool, default=True)
    serve_static_pages = opt.Type(bool, default=False)
    precompress = opt.Type(bool, default=True)  # .br and .gz beside each file (not while serving)


class KenpoPlugin(BasePlugin[KenpoConfig]):
    def __init__(self) -> None:
        self.serving = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        assets.OPTIONS.trim_stdlib = not self.serving

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assets.begin_build()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The browser's scripts format 和暦 from the engine's own era table (one date module).
        config.extra["kenpo_eras"] = era_table()
        return config

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).parent
        for watched in ("src/kenpo_wizard", "src/kenpo_site", "wizard"):
            if (root / watched).exists():
                server.watch(str(root / watched))
        return server

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        html = blocks.fill(html, "../" * (page.url or "").count("/"))
        if page.meta.get("abbreviations", True):
            html = abbreviations.abbreviate(html)
        return html + contact_html()  # every page ends with whom to ask

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self._fix_theme(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return self._fix_theme(output_content)  # pages from a template alone (404.html)

    @staticmethod
    def _fix_theme(html: str) -> str:
        html = _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)
        return html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG_NAMED)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        augment_index(site)  # the search plugin (listed first) has written its index
        on = build_day()
        t0 = time.monotonic()
        current = assets.current()
        lock = install_pyodide(site, current.wheel, current.stdlib)
        install_app(site)
        t1 = time.monotonic()
        manifest: dict[str, object] = {"build_day": on.isoformat(), "version": __version__, **lock}
        if self.config.static_pages and (self.config.serve_static_pages or not self.serving):
            # the calendars' events link back to the wizard, when the site's address is known
            wizard_url = config.site_url.rstrip("/") + "/wizard/" if config.site_url else ""
            stats = write_static_pages(site, on, wizard_url)
            manifest |= {
                "static_pages": stats.pages,
                "static_results": stats.results,
                "static_bytes": stats.bytes,
                "static_calendars": stats.calendars,
                "static_calendar_bytes": stats.calendar_bytes,
                # the page script steps through the static pages, before the engine is ready,
                # only up to this day (the build day's answers hold until then)
                "static_valid_until": (stats.valid_until or dt.date.max).isoformat(),
            }
            log.info(
                f"kenpo: {stats.pages} no-JS pages ({stats.results} results, "
                f"{stats.bytes / 1e6:.1f} MB; {stats.calendars} calendars, "
                f"{stats.calendar_bytes / 1e6:.1f} MB) in {time.monotonic() - t1:.1f} s"
            )
        else:
            log.info(
                "kenpo: no-JS pages skipped while serving (serve_static_pages: true adds them)"
            )
        (site / "wizard" / "app" / "build.json").write_text(
            json.dumps(manifest, indent=1), encoding="utf-8"
        )
        write_headers(site)
        if not self.serving:  # while editing, a service worker would serve stale assets
            shell, engine = write_service_worker(site)
            log.info(f"kenpo: service worker caches {shell} shell files and {engine} engine files")
        log.info(f"kenpo: build day {on}, Pyodide and {current.wheel.name} in {t1 - t0:.1f} s")
        if self.config.precompress and not self.serving:
            t2 = time.monotonic()
            totals = precompress(site, COMPRESS_CACHE)
            log.info(
                f"kenpo: {totals.files} files precompressed, {totals.raw / 1e6:.1f} MB → "
                f"br {totals.br / 1e6:.1f} MB, gzip {totals.gz / 1e6:.1f} MB "
                f"in {time.monotonic() - t2:.1f} s"
            )
