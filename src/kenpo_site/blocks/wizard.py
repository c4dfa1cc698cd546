"""The wizard page's block: the first question as HTML (it shows before any script runs),
a status line for the engine's progress, and the wizard's own styles and script (with its
words in the page's language, ``#kenpo-messages``)."""

from __future__ import annotations

from kenpo_wizard.flow import FLOW
from kenpo_wizard.web import first_screen_html

from ..bands import horizon
from ..build_context import BuildContext
from ..i18n import script_messages
from ..pyodide_assets import APP_DIR
from ..render import render
from ..static_pages import STATIC_LINK, static_context


def wizard_html(build: BuildContext) -> str:
    on = build.day
    paths = build.assets().paths
    return render(
        "wizard.html.j2",
        runtime="../" + paths.runtime,
        engine="../" + paths.engine,
        build_day=on.isoformat(),
        # the last day the pre-built answers hold (build.json's static_valid_until), in the page
        static_until=horizon(on).isoformat(),
        static_link=STATIC_LINK,
        start=FLOW.start,
        first=first_screen_html(static_context(on, None)),
        messages=script_messages([APP_DIR / "wizard.js"]),
    )
