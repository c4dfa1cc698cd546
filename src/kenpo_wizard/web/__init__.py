"""The wizard's web face: URL state, which screen a URL shows, and how each screen looks.

``step(query, today)`` is what the browser's Web Worker calls through Pyodide (``agent`` for
the call center's one-screen mode); the build's
static no-JavaScript pages call :func:`screen` with a static context. Standard library only.
"""

from __future__ import annotations

from .agent import agent
from .screens import Screen, first_screen_html, screen, step
from .url_state import Band, Context, canonical_query, parse_query
from .views import answer_text

__all__ = [
    "Band",
    "Context",
    "Screen",
    "agent",
    "answer_text",
    "canonical_query",
    "first_screen_html",
    "parse_query",
    "screen",
    "step",
]
