"""The call center's one-screen mode: every question of the flow as a form (from the flow's
data), answered in any order; ``wizard/agent.js`` asks the engine (``web.agent``) at each
change and shows the result and its code, or the question still needed."""

from __future__ import annotations

from kenpo_wizard.flow import FLOW
from kenpo_wizard.i18n import _

from .. import assets
from ..render import render


def agent_html() -> str:
    paths = assets.current().paths
    questions = [
        {
            "id": q.id,
            "kind": q.kind,
            "text": _(q.text),
            "hint": _(q.hint) if q.hint else "",
            "choices": [(c.value, c.text()) for c in q.choices],
            "examples": q.examples,
        }
        for q in FLOW.questions
    ]
    return render(
        "agent.html.j2",
        runtime="../" + paths.runtime,
        engine="../" + paths.engine,
        questions=questions,
    )
