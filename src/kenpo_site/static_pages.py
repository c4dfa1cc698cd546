"""The wizard without JavaScript: every question state for the build day as a static page.

Each state is a directory under ``wizard/s/`` named by its answers in path order; typed
answers (dates, ages) are offered as bands (:mod:`.bands`). The pages are rendered by the
engine's own screens (:mod:`kenpo_wizard.web`), so they show the same questions and results.
They are written in the current language (:func:`kenpo_site.i18n.language`): the default
language's under ``wizard/s/``, another's under its folder (``en/wizard/s/``).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from kenpo_wizard import i18n as engine_i18n
from kenpo_wizard.contact import ASSOCIATION_CONTACT, EMPLOYER_CLERK
from kenpo_wizard.flow import FLOW, Outcome, Question, walk
from kenpo_wizard.reminders import STATIC_FILE
from kenpo_wizard.wareki import both
from kenpo_wizard.web import Band, Context, canonical_query, screen

from .bands import Signatures, bands
from .i18n import _, current_language, mark_japanese
from .render import render_page

STATIC_DIR = "wizard/s"
STATIC_LINK = "s/"  # from the wizard page


@dataclass
class Stats:
    pages: int = 0
    bytes: int = 0
    results: int = 0
    largest: int = 0
    calendars: int = 0  # .ics files beside result pages with coming dates
    calendar_bytes: int = 0
    codes: set[str] = field(default_factory=set)
    # each result's last day (the day before the engine's next change), where it has one
    last_days: list[dt.date] = field(default_factory=list)

    @property
    def valid_until(self) -> dt.date | None:
        """The last day on which every result of the build day still holds."""
        return min(self.last_days, default=None)


def _marked(text: str) -> Markup:
    return Markup(mark_japanese(str(escape(text))))


def build_note(on: dt.date) -> str:
    return _(
        "基準日（受診日）：{day}。JavaScriptが無効のため、このページを作成した日を基準日にしています。"
    ).format(day=both(on))


def static_path(path: Sequence[tuple[str, str]]) -> str:
    """The directory of a state under ``wizard/s/``: the answers' values in path order."""
    return "".join(f"{value}/" for _key, value in path)


def static_context(
    on: dt.date,
    here: Sequence[tuple[str, str]] | None,
    labels: dict[tuple[str, str], str] | None = None,
    *,
    base_url: str = "",
    inexact: frozenset[str] = frozenset(),
) -> Context:
    """Links for the page of ``here`` (None: the wizard page itself, one level below the root)."""
    depth = 1 if here is None else 2 + len(here)

    def url(path: Sequence[tuple[str, str]]) -> str:
        if here is None:
            return STATIC_LINK + static_path(path)
        # relative to this page: up to the common prefix, then down (keeps pages small)
        common = 0
        while common < min(len(here), len(path)) and here[common] == path[common]:
            common += 1
        return "../" * (len(here) - common) + static_path(path[common:]) or "./"

    return Context(
        "static",
        on,
        root="../" * depth,
        static_url=url,
        band_labels=dict(labels or {}),
        build_note=build_note(on),
        base_url=base_url,
        inexact=inexact,
    )


def valid_until(answer: dict[str, object] | None) -> dt.date | None:
    """The last day a result page holds: the day before the engine's next change."""
    change = answer.get("next_change") if answer else None
    if not isinstance(change, dict):
        return None
    return dt.date.fromisoformat(str(change["on"])) - dt.timedelta(days=1)


def write_static_pages(site: Path, on: dt.date, wizard_url: str = "", prefix: str = "") -> Stats:
    """Every answer-prefix state for ``on``, one small page each (a depth-first walk), in the
    current language, under ``prefix`` (the language's folder: "" or "en/").

    A result with coming dates gets its calendar (``calendar.ics``) beside its page. A typed
    answer offered as a range of several values is not the member's own: the calendar leaves
    out the dates it would give, and its link back (``wizard_url``, absolute; none when empty)
    asks that question again.
    """
    out_dir = site / prefix / STATIC_DIR
    # the pages link the guide in their language (ctx.root: the language's folder) and the
    # shared files (wizard/app/) from the site's root
    up = "../" * prefix.count("/")
    # the frame's words with kept Japanese names (marked lang="ja"), made once per language
    frame = {
        "lang": current_language(),
        "site_name": _marked(_("保険証廃止ガイド｜千葉県医業健康保険組合")),
        "employer": _marked(engine_i18n._(EMPLOYER_CLERK)),
        "association": _marked(engine_i18n._(ASSOCIATION_CONTACT.name)),
        "website": ASSOCIATION_CONTACT.website,
    }
    if out_dir.exists():
        shutil.rmtree(out_dir)
    sig = Signatures(on)
    stats = Stats()
    Todo = tuple[list[tuple[str, str]], dict[tuple[str, str], str], frozenset[str]]
    todo: list[Todo] = [([], {}, frozenset())]
    while todo:
        path, labels, inexact = todo.pop()
        answers = dict(path)
        state = walk(FLOW, answers, on)
        assert state.error is None, (path, state.error)
        ctx = static_context(on, path, labels, base_url=wizard_url, inexact=inexact)
        node = state.node
        offered: list[Band] = []
        ranged: set[str] = set()  # band values standing for more than one answer
        if isinstance(node, Question):
            if node.kind == "choice":
                offered = [Band(c.value, c.label) for c in node.offered(state.facts)]
            else:
                found = bands(node, answers, sig)
                offered = [b for b, _r in found]
                ranged = {b.value for b, r in found if r.start is None or r.start != r.end}
                ctx.bands = {node.id: offered}
        scr = screen(canonical_query(answers), on, ctx)
        page = render_page(
            "state.html.j2",
            title=scr.title,
            root=ctx.root,
            assets=ctx.root + up,
            kind=scr.kind,
            node=scr.node or "",
            code=scr.answer["result_code"] if scr.answer else "",
            valid_until=(valid_until(scr.answer) or "") if scr.answer else "",
            body=scr.html,
            **frame,
        )
        target = out_dir / static_path(path) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = page.encode("utf-8")
        target.write_bytes(data)
        stats.pages += 1
        stats.bytes += len(data)
        stats.largest = max(stats.largest, len(data))
        if scr.ics:
            ics = scr.ics.encode("utf-8")
            (target.parent / STATIC_FILE).write_bytes(ics)
            stats.calendars += 1
            stats.calendar_bytes += len(ics)
        if isinstance(node, Outcome):
            stats.results += 1
            assert scr.answer is not None
            stats.codes.add(str(scr.answer["result_code"]))
            last = valid_until(scr.answer)
            if last is not None:
                stats.last_days.append(last)
            continue
        assert isinstance(node, Question)
        for band in reversed(offered):
            more = dict(labels)
            if node.kind != "choice":
                more[(node.id, band.value)] = band.label
            marked = inexact | {node.id} if band.value in ranged else inexact
            todo.append(([*path, (node.id, band.value)], more, marked))
    return stats
