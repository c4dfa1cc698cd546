"""What the wizard page loads: the engine's wheel, the standard library (trimmed and
byte-compiled, or the stock one while serving), and their paths. A build makes them once
(:class:`kenpo_site.build_context.BuildContext`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .pyodide_assets import AssetPaths, asset_paths
from .stdlib import trimmed_stdlib
from .wheel import engine_wheel


@dataclass(frozen=True)
class Assets:
    wheel: Path
    stdlib: Path | None  # None: Pyodide's own python_stdlib.zip
    paths: AssetPaths


def make_assets(*, trim_stdlib: bool = True) -> Assets:
    """The wheel of the sources as they are now, and the library (trimmed unless serving)."""
    wheel = engine_wheel()
    stdlib = trimmed_stdlib(wheel) if trim_stdlib else None
    return Assets(wheel, stdlib, asset_paths(wheel, stdlib))
