"""Pyodide's standard library, trimmed to what the wizard uses and byte-compiled at build.

The stock ``python_stdlib.zip`` holds 559 modules as source, so Python compiles what it
imports at every start. ``stdlib.mjs`` boots Pyodide in Node, loads the engine's wheel as
the browser does, calls the wizard for a query of every kind (each question, one result of
every code on every sample day, the error screens), and keeps only the modules then loaded,
compiled by Pyodide's own Python 3.14. The result is cached by what it depends on; a change
of the engine, of Pyodide or of the script makes a new one. ``tests/pyodide/trimmed.mjs``
proves it: every golden path runs on the trimmed library alone.

``python -m kenpo_site.stdlib [ENGINE_DIR]`` builds (or finds) it and prints its path; with
ENGINE_DIR, the wheel and its lock file are written there too (for the Pyodide tests).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kenpo_wizard.rules import SAMPLE_DAYS
from kenpo_wizard.web.url_state import canonical_query

from .paths import paths_on
from .pyodide_assets import NODE_MODULES, runtime_version, write_engine
from .wheel import CACHE, engine_wheel

SCRIPT = Path(__file__).with_name("stdlib.mjs")
STDLIB_CACHE = CACHE.parent / "stdlib"
ERROR_QUERIES = ("since=maybe", "on=2025-13-40&since=before", "since=" + "x" * 2000, "edit=on")


def queries() -> list[tuple[str, str]]:
    """A query of every kind: every question screen, one result per code and day, errors."""
    out: list[tuple[str, str]] = [("", d.isoformat()) for d in SAMPLE_DAYS]
    for day in SAMPLE_DAYS:
        codes: set[str] = set()
        nodes: set[str] = set()
        for state in paths_on(day):
            answers = [(s.question.id, s.answer) for s in state.path]
            for i in range(len(answers)):
                if answers[i][0] not in nodes:  # the first path that reaches this question
                    nodes.add(answers[i][0])
                    out.append((canonical_query(dict(answers[:i])), day.isoformat()))
            code = state.node.id + str(len(answers))
            if code not in codes:
                codes.add(code)
                out.append((canonical_query(dict(answers)), day.isoformat()))
                out.append(
                    (canonical_query(dict(answers) | {"edit": answers[-1][0]}), day.isoformat())
                )
    out += [(q, SAMPLE_DAYS[1].isoformat()) for q in ERROR_QUERIES]
    return out


def trimmed_stdlib(wheel: Path | None = None) -> Path:
    wheel = wheel or engine_wheel()
    key = hashlib.sha256(
        runtime_version().encode()
        + hashlib.sha256(wheel.read_bytes()).digest()  # the engine decides the queries
        + SCRIPT.read_bytes()
        + Path(__file__).read_bytes()
    ).hexdigest()[:16]
    out = STDLIB_CACHE / key / "python_stdlib.zip"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    work = json.dumps(queries())
    partial = out.with_name(f"{out.name}.{os.getpid()}.tmp")  # parallel builders: one file each
    with tempfile.TemporaryDirectory(prefix="kenpo-stdlib-") as tmp:
        engine = Path(tmp) / "engine"
        write_engine(engine, wheel)
        (Path(tmp) / "queries.json").write_text(work, encoding="utf-8")
        subprocess.run(
            [
                "node",
                str(SCRIPT),
                str(NODE_MODULES / "pyodide"),
                str(engine),
                str(partial),
                str(Path(tmp) / "queries.json"),
            ],
            check=True,
            capture_output=True,
        )
    os.replace(partial, out)
    return out


if __name__ == "__main__":
    wheel = engine_wheel()
    if len(sys.argv) > 1:
        write_engine(Path(sys.argv[1]), wheel)
    print(trimmed_stdlib(wheel))
    sys.exit(0)
