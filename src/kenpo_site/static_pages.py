"""The wizard without JavaScript: every question state for the build day, as few static pages.

Typed answers (dates, ages) are offered as bands (:mod:`.bands`). The pages are rendered by
the engine's own screens (:mod:`kenpo_wizard.web`), so they show the same questions and
results.

Many answer paths lead to the same remaining questions and the same result (a minimised
automaton): such states share one page. A page is named by its content (``wizard/s/<id>.html``,
a digest of the HTML, whose links name the next pages' digests), so equal states collapse to
one file, and a page that did not change between two builds keeps its name. The first
answer's pages keep readable names (``wizard/s/before.html``) because the wizard page links
them. One folder of files, not a folder per page: a folder costs a block on disk and a host's
file count alike.
A shared page cannot know the path that led to it: it has no back link of its own (the
browser's Back keeps the answers, which are the URL) and no list of the answers given; with
JavaScript the page script adds both from the address.

Written in the current language (:func:`kenpo_site.i18n.language`): the default language's
under ``wizard/s/``, another's under its folder (``en/wizard/s/``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from kenpo_wizard import i18n as engine_i18n
from kenpo_wizard.contact import ASSOCIATION_CONTACT, EMPLOYER_CLERK
from kenpo_wizard.flow import FLOW, Outcome, Question, walk
from kenpo_wizard.wareki import both
from kenpo_wizard.web import Band, Context, canonical_query, screen

from .bands import Signatures, bands, horizon
from .i18n import _, current_language, mark_japanese
from .render import render_page

STATIC_DIR = "wizard/s"
STATIC_LINK = "s/"  # from the wizard page
CALENDAR_DIR = "ics"  # wizard/s/ics/<digest>.ics
ID_LENGTH = 12  # hex digits of a page's digest: 48 bits, far from a collision at 10^4 pages


@dataclass
class Stats:
    pages: int = 0  # files written
    states: int = 0  # answer paths they stand for
    bytes: int = 0
    results: int = 0
    largest: int = 0
    calendars: int = 0  # result pages with a calendar to add
    calendar_files: int = 0  # the distinct calendars they link (wizard/s/ics/)
    codes: set[str] = field(default_factory=set)
    # each result's last day (the day before the engine's next change), where it has one
    last_days: list[dt.date] = field(default_factory=list)
    # the last day any page holds (each page says its own: data-valid-until)
    horizon: dt.date | None = None


def _marked(text: str) -> Markup:
    return Markup(mark_japanese(str(escape(text))))


def build_note(on: dt.date) -> str:
    return _(
        "基準日（受診日）：{day}。JavaScriptが無効のため、このページを作成した日を基準日にしています。"
    ).format(day=both(on))


def static_context(
    on: dt.date,
    here: Sequence[tuple[str, str]] | None,
    labels: dict[tuple[str, str], str] | None = None,
    *,
    base_url: str = "",
    inexact: frozenset[str] = frozenset(),
    children: dict[str, str] | None = None,
) -> Context:
    """Links for a page of the state ``here`` (None: the wizard page itself, one level above
    ``wizard/s/``). ``children`` names the page each answer here leads to; the wizard page's
    first question leads to the first answer's named pages."""
    depth = 1 if here is None else 2  # wizard/ or wizard/s/
    kids = children or {}
    folder = STATIC_LINK if here is None else ""

    def url(path: Sequence[tuple[str, str]]) -> str:
        if not path or len(path) <= len(here or ()):
            return folder or "./"  # the first question: wizard/s/
        return f"{folder}{kids.get(path[-1][1], path[-1][1])}.html"

    return Context(
        "static",
        on,
        root="../" * depth,
        static_url=url,
        band_labels=dict(labels or {}),
        build_note=build_note(on),
        horizon=horizon(on),
        base_url=base_url,
        inexact=inexact,
    )


def valid_until(answer: dict[str, object] | None) -> dt.date | None:
    """The last day a result page holds: the day before the engine's next change."""
    change = answer.get("next_change") if answer else None
    if not isinstance(change, dict):
        return None
    return dt.date.fromisoformat(str(change["on"])) - dt.timedelta(days=1)


Labels = dict[tuple[str, str], str]


class _Writer:
    """A depth-first walk that writes each distinct page once (children before parents)."""

    def __init__(
        self, out_dir: Path, on: dt.date, sig: Signatures, wizard_url: str, up: str
    ) -> None:
        self.out_dir = out_dir
        self.up = up  # from the language's folder to the site's root (wizard/app/ is shared)
        self.on = on
        self.sig = sig
        self.wizard_url = wizard_url
        self.stats = Stats()
        # a state's page, by what decides it: what follows (the signature), which answers were
        # ranges (their words), and the joining day (later date bands are cut at it)
        self.memo: dict[tuple[str, frozenset[str], str | None], str] = {}
        self.written: set[str] = set()
        self.written_results: set[str] = set()
        # the frame's words with kept Japanese names (marked lang="ja"), made once per language
        self.frame = {
            "lang": current_language(),
            "site_name": _marked(_("保険証廃止ガイド｜千葉県医業健康保険組合")),
            "employer": _marked(engine_i18n._(EMPLOYER_CLERK)),
            "association": _marked(engine_i18n._(ASSOCIATION_CONTACT.name)),
            "website": ASSOCIATION_CONTACT.website,
        }

    def visit(self, path: list[tuple[str, str]], labels: Labels, inexact: frozenset[str]) -> str:
        """The name of the page for ``path`` (written if new)."""
        self.stats.states += 1
        answers = dict(path)
        state = walk(FLOW, answers, self.on)
        assert state.error is None, (path, state.error)
        node = state.node
        joined = answers.get("joined_on") if isinstance(node, Question) else None
        key = (self.sig.of(answers), inexact, joined)
        if key in self.memo:
            return self.memo[key]
        offered: list[Band] = []
        ranged: set[str] = set()  # band values standing for more than one answer
        children: dict[str, str] = {}
        if isinstance(node, Question):
            if node.kind == "choice":
                offered = [Band(c.value, c.label) for c in node.offered(state.facts)]
            else:
                found = bands(node, answers, self.sig)
                offered = [b for b, _r in found]
                ranged = {b.value for b, r in found if r.start is None or r.start != r.end}
            for band in offered:
                more = dict(labels)
                if node.kind != "choice":
                    more[(node.id, band.value)] = band.label
                marked = inexact | {node.id} if band.value in ranged else inexact
                children[band.value] = self.visit([*path, (node.id, band.value)], more, marked)
        html, scr_answer, _kind = self._render(path, labels, inexact, offered, children)
        name = path[0][1] if len(path) == 1 else self._digest(html)
        self._write(name, html)
        if isinstance(node, Outcome) and name not in self.written_results:
            self.written_results.add(name)
            self.stats.results += 1
            assert scr_answer is not None
            self.stats.codes.add(str(scr_answer["result_code"]))
            last = valid_until(scr_answer)
            if last is not None:
                self.stats.last_days.append(last)
            if "data-kw-ics-file" in html:
                self.stats.calendars += 1
        self.memo[key] = name
        return name

    def root(self) -> None:
        """wizard/s/index.html: the first question (its answers lead to the named pages)."""
        for value in self._first_values():
            self.visit([(FLOW.start, value)], {}, frozenset())
        html, _a, _k = self._render([], {}, frozenset(), [], {})
        self._save(self.out_dir / "index.html", html)

    def _first_values(self) -> list[str]:
        node = walk(FLOW, {}, self.on).node
        assert isinstance(node, Question) and node.kind == "choice"
        return [c.value for c in node.offered(walk(FLOW, {}, self.on).facts)]

    def _render(
        self,
        path: list[tuple[str, str]],
        labels: Labels,
        inexact: frozenset[str],
        offered: list[Band],
        children: dict[str, str],
    ) -> tuple[str, dict[str, object] | None, str]:
        ctx = static_context(
            self.on,
            path,
            labels,
            base_url=self.wizard_url,
            inexact=inexact,
            children=children,
        )
        ctx.calendar_url = self._calendar
        node = walk(FLOW, dict(path), self.on).node
        if isinstance(node, Question) and node.kind != "choice":
            ctx.bands = {node.id: offered}
        scr = screen(canonical_query(dict(path)), self.on, ctx)
        page = render_page(
            "state.html.j2",
            title=scr.title,
            root=ctx.root,
            assets=ctx.root + self.up,
            kind=scr.kind,
            node=scr.node or "",
            code=scr.answer["result_code"] if scr.answer else "",
            valid_until=self._holds_until(node, scr.answer).isoformat(),
            body=scr.html,
            **self.frame,
        )
        return page, scr.answer, scr.kind

    def _calendar(self, text: str) -> str:
        """A result's calendar, one file per distinct text (a few hundred results share each)."""
        name = f"{CALENDAR_DIR}/{self._digest(text)}.ics"
        if name not in self.written:
            self.written.add(name)
            target = self.out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            target.write_bytes(data)
            self.stats.calendar_files += 1
            self.stats.bytes += len(data)
        return name

    def _holds_until(self, node: object, answer: dict[str, object] | None) -> dt.date:
        """The last day the page is true (the page script asks the engine after it): a result
        until its next change; a question of date ranges only on the build day (they are cut
        at it); of age ranges to the year's end (from 75 they follow the build's year); a
        choice question until the horizon."""
        last = horizon(self.on)
        if isinstance(node, Outcome):
            change = valid_until(answer)
            return min(last, change) if change else last
        if isinstance(node, Question) and node.kind == "date":
            return self.on
        if isinstance(node, Question) and node.kind == "number":
            return min(last, dt.date(self.on.year, 12, 31))
        return last

    @staticmethod
    def _digest(html: str) -> str:
        return hashlib.sha256(html.encode("utf-8")).hexdigest()[:ID_LENGTH]

    def _write(self, name: str, html: str) -> None:
        if name in self.written:
            return
        self.written.add(name)
        self._save(self.out_dir / f"{name}.html", html)

    def _save(self, target: Path, html: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = html.encode("utf-8")
        target.write_bytes(data)
        self.stats.pages += 1
        self.stats.bytes += len(data)
        self.stats.largest = max(self.stats.largest, len(data))


def write_static_pages(
    site: Path,
    on: dt.date,
    wizard_url: str = "",
    prefix: str = "",
    sig: Signatures | None = None,
) -> Stats:
    """Every answer-prefix state for ``on`` in the current language, under ``prefix`` (the
    language's folder: "" or "en/"), each distinct page once. ``sig`` (what follows each set of
    answers) does not depend on the language: one serves every language of a build."""
    out_dir = site / prefix / STATIC_DIR
    if out_dir.exists():
        shutil.rmtree(out_dir)
    up = "../" * prefix.count("/")
    writer = _Writer(out_dir, on, sig or Signatures(on), wizard_url, up)
    writer.root()
    writer.stats.horizon = horizon(on)
    return writer.stats
