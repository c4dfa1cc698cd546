"""The wizard page's block: the first question as HTML (it shows before any script runs),
a status line for the engine's progress, and the wizard's own styles and script."""

from __future__ import annotations

from kenpo_wizard.flow import FLOW
from kenpo_wizard.web import first_screen_html

from ..day import build_day
from ..pyodide_assets import asset_paths
from ..render import render
from ..static_pages import STATIC_LINK, static_context
from ..wheel import engine_wheel


def wizard_html() -> str:
    on = build_day()
    paths = asset_paths(engine_wheel())  # the wheel is built once per content (cached)
    return render(
        "wizard.html.j2",
        runtime="../" + paths.runtime,
        engine="../" + paths.engine,
        build_day=on.isoformat(),
        static_link=STATIC_LINK,
        start=FLOW.start,
        first=first_screen_html(static_context(on, None)),
    )
