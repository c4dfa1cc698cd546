"""What the wizard page loads, decided once per build: the engine's wheel, the standard
library (trimmed and byte-compiled, or the stock one while serving), and their paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .pyodide_assets import AssetPaths, asset_paths
from .stdlib import trimmed_stdlib
from .wheel import engine_wheel


@dataclass
class Options:
    # `mkdocs serve` turns this off: trimming runs Pyodide for ~15 s after each engine edit
    trim_stdlib: bool = True


OPTIONS = Options()


@dataclass(frozen=True)
class Assets:
    wheel: Path
    stdlib: Path | None  # None: Pyodide's own python_stdlib.zip
    paths: AssetPaths


def current() -> Assets:
    """For the sources as they are now (each step is cached on disk by content)."""
    wheel = engine_wheel()
    stdlib = trimmed_stdlib(wheel) if OPTIONS.trim_stdlib else None
    return Assets(wheel, stdlib, asset_paths(wheel, stdlib))
