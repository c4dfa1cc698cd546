"""The call center's one-screen mode: every question of the flow as a form (from the flow's
data), answered in any order; ``wizard/agent.js`` asks the engine (``web.agent``) at each
change and shows the result and its code, or the question still needed."""

from __future__ import annotations

from kenpo_wizard.flow import FLOW

from ..build_context import BuildContext
from ..i18n import E_, script_messages
from ..pyodide_assets import APP_DIR
from ..render import render


def agent_html(build: BuildContext) -> str:
    paths = build.assets().paths
    questions = [
        {
            "id": q.id,
            "kind": q.kind,
            "text": E_(q.text),
            "hint": E_(q.hint) if q.hint else "",
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
        # code → one set of answers with that result (a typed code fills them in)
        # (a code of another period with that period's first day: the code holds there)
        codes={
            code: query if on == build.day else f"{query}&on={on.isoformat()}"
            for code, (on, query) in build.codes().items()
        },
        example_code=next(iter(build.codes()), ""),
        messages=script_messages([APP_DIR / "agent.js"]),
    )
