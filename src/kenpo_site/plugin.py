"""The MkDocs plugin ``kenpo`` (entry point in ``pyproject.toml``; named in ``mkdocs.yml``).

``mkdocs build`` alone gives the whole site: the generated blocks in the pages, the glossary
tooltips, the contact route on every page, Pyodide and the engine's wheel, the wizard's
scripts, and the no-JavaScript pages. ``mkdocs serve`` does the same with live reload; it
reuses the wheel while the engine is unchanged and skips the ~12,000 no-JS pages unless
``serve_static_pages`` is set, so a Markdown edit shows in a few seconds.

Languages (mkdocs-static-i18n, ``i18n`` in ``mkdocs.yml``): the i18n plugin builds the default
language, then runs one more whole MkDocs build per other language into the same site
(``docs/en/`` → ``/en/``). Each build's blocks, contact route and engine texts are in that
build's language (:func:`kenpo_site.i18n.use_language` in ``on_pre_build``); the work after the
pages (search vocabulary, Pyodide, the no-JS pages of every language, sw.js, compression)
runs once, after the last language and after static-i18n has merged the search index.
"""

from __future__ import annotations

import datetime as dt
import gettext
import json
import logging
import posixpath
import re
import time
from collections.abc import Callable
from copy import deepcopy
from functools import partial
from html import escape
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kenpo_wizard import __version__
from kenpo_wizard.i18n import SOURCE_LANGUAGE
from kenpo_wizard.wareki import era_table

from . import abbreviations, blocks
from .bands import Signatures
from .blocks.answers import contact_html
from .build_context import BuildContext
from .catalogs import write_compiled
from .codes import warm as warm_codes
from .compress import drop_source_maps, precompress, warm
from .headers import write_headers
from .i18n import _, language, mark_japanese, use_language
from .page_data import page_data
from .parallel import run_all, start
from .pyodide_assets import NODE_MODULES, install_app, install_pyodide
from .search_terms import augment_index
from .search_text import for_search
from .service_worker import write_service_worker
from .static_pages import Stats, write_static_pages
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
# The language selector names each language in itself (日本語, English): say which language
# that is (WCAG 3.1.2), so a reader's voice reads 日本語 as Japanese on an English page.
_SELECT_LINK = re.compile(r'(<a href="[^"]*" hreflang="([^"]+)") (class="md-select__link">)')


COMPRESS_CACHE = CACHE.parent / "brotli"  # Brotli 11 of the large files, by content
PYODIDE_WASM = NODE_MODULES / "pyodide" / "pyodide.asm.wasm"  # copied into the site as is

# Material writes one <link rel="alternate" hreflang> per language of the selector.
_HREFLANG = '<link rel="alternate" href="[^"]*" hreflang="{lang}">'
_ANY_HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
# The wizard block names the site's shared files relative to wizard/ (app/…, ../pyodide/…).
_WIZARD_ASSETS = re.compile(
    r'(?P<attr>\b(?:data-runtime|data-engine))="(?P<url>[^"]*)"'
    r'|(?P<attr2>\b(?:href|src))="(?P<url2>app/[^"]*)"'
)


class Languages:
    """The site's languages as static-i18n builds them (one, the source, without it)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.plugin = config.plugins.get("i18n")

    @property
    def default(self) -> str:
        return str(getattr(self.plugin, "default_language", None) or SOURCE_LANGUAGE)

    @property
    def built(self) -> list[str]:
        langs = getattr(self.plugin, "build_languages", None) or [self.default]
        return [self.default, *(lang for lang in langs if lang != self.default)]

    def current(self, config: MkDocsConfig) -> str:
        lang = getattr(self.plugin, "current_language", None)
        return str(lang or config.theme.get("language") or self.default)

    @property
    def nested(self) -> bool:
        """Inside static-i18n's build of another language (its on_post_build runs it)."""
        return bool(getattr(self.plugin, "building", False))

    def prefix(self, lang: str) -> str:
        """The language's folder in the site: "" for the default, "en/" for English."""
        if self.plugin is None or lang == self.default:
            return ""
        link = str(self.plugin.get_language_config(lang).link or f"/{lang}/")
        return link.strip("/") + "/"


def site_assets(html: str, levels: int) -> str:
    """The wizard block of a page ``levels`` folders below wizard/ (en/wizard/): its links to
    the shared engine and scripts (app/…, ../pyodide/…) point back to the site's copies."""
    up = "../" * (levels + 1)

    def sub(m: re.Match[str]) -> str:
        attr, url = m.group("attr") or m.group("attr2"), m.group("url") or m.group("url2")
        if url.startswith("/") or ":" in url:
            return m.group(0)  # not relative to wizard/
        moved = posixpath.normpath(f"{up}wizard/{url}") + ("/" if url.endswith("/") else "")
        return f'{attr}="{moved}"'

    return _WIZARD_ASSETS.sub(sub, html)


def _alternates(config: MkDocsConfig) -> list[dict[str, str]]:
    """Material's language selector (extra.alternate) as the templates will read it:
    static-i18n sets it as an attribute of ``extra`` per page, which Jinja reads first."""
    return list(getattr(config.extra, "alternate", None) or config.extra.get("alternate") or [])


def _set_alternates(config: MkDocsConfig, alternates: list[dict[str, str]]) -> None:
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates  # type: ignore[attr-defined]  # what Jinja reads


class DefaultLanguagePage(File):
    """A page of the default language only (glossary.md), as a page of another language's
    build sees it: a link from docs/en/ (``../glossary.md``) resolves to the Japanese page's
    URL (``../glossary/``), checked like any link; nothing is built or copied for it."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass


class KenpoConfig(Config):
    static_pages = opt.Type(bool, default=True)
    serve_static_pages = opt.Type(bool, default=False)
    precompress = opt.Type(bool, default=True)  # .br and .gz beside each file (not while serving)


class KenpoPlugin(BasePlugin[KenpoConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.language = SOURCE_LANGUAGE  # of the build under way
        self.not_found: dict[str, str] = {}  # 404.html per language (each build writes one)
        self.build = BuildContext.start()  # made again as each build starts (on_config)
        self.compressed: Callable[[], None] = lambda: None  # waits for the early compression

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # static-i18n's on_config (priority -100) has set this build's language by now
        langs = Languages(config)
        self.language = langs.current(config)
        use_language(self.language)  # the blocks, the contact route and the engine's texts
        config.extra["kenpo_page"] = page_data()  # the page scripts' dates and words
        if not langs.nested:
            self.not_found = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not Languages(config).nested:
            # one day and one wheel for every page and file of this build, in every language
            self.build = BuildContext.start(trim_stdlib=not self.serving)
            # every result code from the build day on (kenpo_site.codes): ~30 s of walking on
            # another core while MkDocs renders; the call center's page waits for it
            self.build.pending.append(start(partial(warm_codes, self.build.day)))
            if self.config.precompress and not self.serving:
                # the slowest compression (Pyodide's wasm, cached by content) on another core
                # while MkDocs builds the pages; precompress() at the end finds it done
                self.compressed = start(partial(warm, [PYODIDE_WASM], COMPRESS_CACHE))
            # the message catalogs (.mo, git-ignored) as the sources are now: every language's
            # blocks and no-JS pages are rendered from them
            written = write_compiled()
            if written:
                log.info(f"kenpo: {len(written)} message catalogs compiled")
                gettext._translations.clear()  # type: ignore[attr-defined]  # serve: read anew
        # The browser's scripts format 和暦 from the engine's own era table (one date module).
        config.extra["kenpo_eras"] = era_table()
        return config

    # After static-i18n's on_files (-100), which leaves out the pages without a translation
    # (fallback_to_default: false).
    @event_priority(-150)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        langs = Languages(config)
        if self.language == langs.default:
            return files
        others = {lang.rstrip("/") for lang in map(langs.prefix, langs.built) if lang}
        here = {getattr(f, "norm_src_uri", f.src_uri) for f in files.documentation_pages()}
        for file in get_files(config).documentation_pages():
            if file.src_uri.split("/")[0] in others or file.src_uri in here:
                continue  # another language's page, or translated into this one
            files.append(
                DefaultLanguagePage(
                    file.src_path,
                    config.docs_dir,
                    config.site_dir,
                    config.use_directory_urls,
                    dest_uri=file.dest_uri,  # as a page: glossary/index.html, URL glossary/
                )
            )
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).parent
        for watched in ("src/kenpo_wizard", "src/kenpo_site", "wizard"):
            if (root / watched).exists():
                server.watch(str(root / watched))
        return server

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        langs = Languages(config)
        folders = (page.url or "").count("/")
        levels = langs.prefix(self.language).count("/")  # 1 under en/
        # a block's links to guide pages stay in the page's language: en/… pages link en/…
        html = blocks.fill(html, "../" * (folders - levels), self.build)
        if levels:
            html = site_assets(html, levels)
        # the glossary's tooltips are Japanese definitions of Japanese words
        if self.language == langs.default and page.meta.get("abbreviations", True):
            html = abbreviations.abbreviate(html)
        # every page ends with whom to ask, in its language
        return for_search(html + contact_html())

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """The language selector leads to this page in each language, where it is translated,
        else to that language's home page. static-i18n (on_page_context, priority 50) links
        the homes as absolute /, /en/; here every link is a page URL, relative once rendered
        (the site works under any path), and the homes stand in only in the selector:
        ``on_post_page`` drops their <link rel="alternate" hreflang>."""
        alternates = _alternates(config)
        found = getattr(page.file, "alternates", None)
        if not alternates or found is None:
            return context
        langs = Languages(config)
        # absolute where the site's address is known (hreflang wants it), else relative
        site = config.site_url.rstrip("/") + "/" if config.site_url else ""

        def link(lang: str) -> str:
            url = found[lang].url if lang in found else langs.prefix(lang)
            return site + ("" if url in (".", "./") else url)  # a home from elsewhere: "./"

        _set_alternates(config, [{**alt, "link": link(alt["lang"])} for alt in alternates])
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        homes = getattr(Languages(config).plugin, "extra_alternate", None)
        if template_name == "404.html" and homes:  # no page: static-i18n's links to the homes
            _set_alternates(config, deepcopy(homes))
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        found = getattr(page.file, "alternates", None)
        if found is not None:
            for lang in Languages(config).built:
                if lang not in found:  # no counterpart: its home is no alternate of this page
                    output = re.sub(r"\s*" + _HREFLANG.format(lang=re.escape(lang)), "", output)
        # the kept Japanese names in the theme's parts too (nav, header, footer): lang="ja"
        return mark_japanese(self._fix_theme(output))

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        output = self._fix_theme(output_content)  # pages from a template alone (404.html)
        if template_name == "404.html":
            output = mark_japanese(_ANY_HREFLANG.sub("", output))  # no page, no translation
            self.not_found[self.language] = output
        return output

    @staticmethod
    def _fix_theme(html: str) -> str:
        html = _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)
        html = _SELECT_LINK.sub(r'\1 lang="\2" \3', html)
        name = _("サイト内検索")  # the search dialog's name
        named = _SEARCH_DIALOG[:-1] + f' aria-label="{escape(name)}">'
        return html.replace(_SEARCH_DIALOG, named)

    # After static-i18n's on_post_build (-100): it builds the other languages from there and
    # then merges their search entries into search/search_index.json.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        langs = Languages(config)
        if langs.nested:
            return  # the language's pages are written; the rest is done once, at the end
        site = Path(config.site_dir)
        # every build writes site/404.html: the default language's stays, the others go to
        # their folders (en/404.html)
        for lang, html in self.not_found.items():
            (site / langs.prefix(lang) / "404.html").write_text(html, encoding="utf-8")
        with language(langs.default):
            self._after_pages(config, site, langs)
        use_language(self.language)

    def _after_pages(self, config: MkDocsConfig, site: Path, langs: Languages) -> None:
        on = self.build.day
        augment_index(
            site, self.build.codes(), on, {lang: langs.prefix(lang) for lang in langs.built}
        )
        drop_source_maps(site / "assets")
        t0 = time.monotonic()
        current = self.build.assets()
        lock = install_pyodide(site, current.wheel, current.stdlib)
        install_app(site)
        log.info(
            f"kenpo: build day {on}, Pyodide and {current.wheel.name} "
            f"in {time.monotonic() - t0:.1f} s"
        )
        manifest: dict[str, object] = {"build_day": on.isoformat(), "version": __version__, **lock}
        # Independent steps on every core (kenpo_site.parallel): each language's no-JS pages
        # and the compression of the large files.
        tasks: list[Callable[[], object]] = []
        static = self.config.static_pages and (self.config.serve_static_pages or not self.serving)
        if static:
            t = time.monotonic()
            sig = Signatures(on)  # what follows each set of answers: the same in every language
            sig.of({})  # all of it, before the languages' workers share it
            log.info(f"kenpo: the answer graph of {on} in {time.monotonic() - t:.1f} s")
            for lang in langs.built:
                tasks.append(partial(self._static_pages, site, config, langs, lang, sig))
        else:
            log.info(
                "kenpo: no-JS pages skipped while serving (serve_static_pages: true adds them)"
            )
        compress = self.config.precompress and not self.serving
        if compress:  # all but the wasm, which another core has been compressing since the start
            tasks.append(partial(self._precompress, site, "*", PYODIDE_WASM.name))
        results = run_all(tasks)
        if compress:
            self.compressed()
            self._precompress(site, PYODIDE_WASM.name)
        if static:
            by_language: dict[str, dict[str, int]] = {}
            last_days: list[dt.date] = []
            for lang, stats in zip(langs.built, results, strict=False):
                assert isinstance(stats, Stats)
                by_language[lang] = {
                    "pages": stats.pages,
                    "states": stats.states,
                    "results": stats.results,
                    "bytes": stats.bytes,
                    "calendars": stats.calendars,
                    "files": stats.pages + stats.calendar_files,
                }
                if stats.horizon is not None:
                    last_days.append(stats.horizon)
            first = by_language[langs.default]  # wizard/s/: the default language's pages
            manifest |= {
                "static_pages": first["pages"],
                "static_results": first["results"],
                "static_bytes": first["bytes"],
                "static_states": first["states"],
                "static_calendars": first["calendars"],
                # the page script steps through the static pages, before the engine is ready,
                # up to this day at most; each page says how long it holds (data-valid-until):
                # a result until its next change, a question of date ranges on the build day
                "static_valid_until": min(last_days, default=dt.date.max).isoformat(),
                # every language's pages: en/wizard/s/ …
                "static_languages": by_language,
            }
        (site / "wizard" / "app" / "build.json").write_text(
            json.dumps(manifest, indent=1), encoding="utf-8"
        )
        write_headers(site)
        if not self.serving:  # while editing, a service worker would serve stale assets
            shell, engine = write_service_worker(site)
            log.info(f"kenpo: service worker caches {shell} shell files and {engine} engine files")

    @staticmethod
    def _static_pages(
        site: Path, config: MkDocsConfig, langs: Languages, lang: str, sig: Signatures
    ) -> Stats:
        t = time.monotonic()
        prefix = langs.prefix(lang)
        # the calendars' events link back to the wizard, when the site's address is known
        wizard_url = config.site_url.rstrip("/") + f"/{prefix}wizard/" if config.site_url else ""
        with language(lang):
            stats = write_static_pages(site, sig.on, wizard_url, prefix=prefix, sig=sig)
        log.info(
            f"kenpo: {stats.pages} no-JS pages in {lang} for {stats.states} answer paths "
            f"({stats.results} results, {stats.calendars} with a calendar, "
            f"{stats.calendar_files} calendar files; "
            f"{stats.bytes / 1e6:.1f} MB) in {time.monotonic() - t:.1f} s"
        )
        return stats

    @staticmethod
    def _precompress(site: Path, only: str = "*", skip: str = "") -> None:
        t = time.monotonic()
        totals = precompress(site, COMPRESS_CACHE, only, skip)
        log.info(
            f"kenpo: {totals.files} files precompressed, {totals.raw / 1e6:.1f} MB → "
            f"br {totals.br / 1e6:.1f} MB, gzip {totals.gz / 1e6:.1f} MB "
            f"in {time.monotonic() - t:.1f} s"
        )
