"""The clerks' roster page (issue 21): a staff list checked in the browser, every task with its
day. The form, the template to download and the page's words are made here; ``wizard/roster.js``
reads the file or the pasted table in the page and hands it to the wizard's own engine worker
(``kenpo_wizard.web.roster``); nothing is sent anywhere."""

from __future__ import annotations

import urllib.parse

from kenpo_wizard.leaflet import SECTION_TITLES
from kenpo_wizard.roster import default_period, template_csv
from kenpo_wizard.web.pages import SECTION_PAGES

from ..build_context import BuildContext
from ..i18n import E_, current_language, script_messages
from ..pyodide_assets import APP_DIR
from ..render import BASE_MARK, render


def template_href(lang: str) -> str:
    """The roster template as a ``data:`` URL: UTF-8 with a BOM, so Excel in Japan opens it
    without garbled text; a download that works before (and without) the engine."""
    return "data:text/csv;charset=utf-8," + urllib.parse.quote("\ufeff" + template_csv(lang))


def roster_html(build: BuildContext) -> str:
    paths = build.assets().paths
    first, last = default_period(build.day)
    lang = current_language()
    return render(
        "roster.html.j2",
        base=BASE_MARK,
        runtime=BASE_MARK + paths.runtime,
        engine=BASE_MARK + paths.engine,
        build_day=build.day.isoformat(),
        period_from=first.isoformat(),
        period_to=last.isoformat(),
        template_href=template_href(lang),
        # the leaflet's section behind each task: its guide page and title
        sections={
            str(s): {"href": BASE_MARK + SECTION_PAGES.get(str(s), ""), "title": E_(title)}
            for s, title in SECTION_TITLES.items()
        },
        messages=script_messages([APP_DIR / "roster.js"]),
    )
