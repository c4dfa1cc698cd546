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


_this_build: Assets | None = None


def begin_build() -> None:
    """A new build starts: decide again (the sources may have changed while serving)."""
    global _this_build
    _this_build = None


def current() -> Assets:
    """For the sources as they are when first asked in this build (each step is cached on disk
    by content): every page and the files written after share one wheel, even if a source
    (README.md is in the wheel) is edited while the build runs."""
    global _this_build
    if _this_build is None:
        wheel = engine_wheel()
        stdlib = trimmed_stdlib(wheel) if OPTIONS.trim_stdlib else None
        _this_build = Assets(wheel, stdlib, asset_paths(wheel, stdlib))
    return _this_build
