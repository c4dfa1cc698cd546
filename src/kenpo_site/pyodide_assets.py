"""Pyodide, self-hosted: the runtime from the pinned npm package and the engine's wheel.

Both live under versioned paths that never change in place, so a host may cache them for a
year (``_headers``): the runtime under ``site/pyodide/<version>/``, the wheel with our own
``pyodide-lock.json`` (it lists only ``kenpo-wizard`` and the wheel's sha256, which the
browser checks as subresource integrity) under ``site/pyodide/kenpo-<sha256 prefix>/``.
The loader, Web Worker and styles (``wizard/``) go to ``site/wizard/app/``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from kenpo_wizard import __version__

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "kenpo-wizard"
REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
APP_DIR = REPO / "wizard"


@dataclass(frozen=True)
class AssetPaths:
    """Where the wizard finds Pyodide and the engine, relative to the site root."""

    runtime: str  # pyodide/314.0.7/
    engine: str  # pyodide/kenpo-0123456789ab/


def runtime_version() -> str:
    package = NODE_MODULES / "pyodide" / "package.json"
    if not package.exists():
        raise MissingPyodide(f"{package.parent} is missing: run `npm ci` (or `make setup`) first")
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])


def asset_paths(wheel: Path, stdlib: Path | None = None) -> AssetPaths:
    """Versioned by content: the runtime by Pyodide's version (and the trimmed library's
    hash, which changes with what the engine imports), the engine by the wheel's sha256."""
    runtime = runtime_version()
    if stdlib is not None:
        runtime += "-" + sha256_file(stdlib)[:8]
    return AssetPaths(f"pyodide/{runtime}/", f"pyodide/kenpo-{sha256_file(wheel)[:12]}/")


class MissingPyodide(RuntimeError):
    pass


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_engine(engine: Path, wheel: Path) -> str:
    """The wheel and our lock file (only ``kenpo-wizard``, pinned by sha256) into ``engine``."""
    engine.mkdir(parents=True, exist_ok=True)
    shutil.copy2(wheel, engine / wheel.name)
    digest = sha256_file(wheel)
    upstream = json.loads((NODE_MODULES / "pyodide" / "pyodide-lock.json").read_text("utf-8"))
    lock = {
        "info": upstream["info"],  # the runtime's ABI, unchanged
        "packages": {
            PACKAGE: {
                "name": PACKAGE,
                "version": __version__,
                "file_name": wheel.name,
                "install_dir": "site",
                "sha256": digest,
                "package_type": "package",
                "imports": ["kenpo_wizard"],
                "depends": [],
            }
        },
    }
    (engine / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return digest


def install_pyodide(site: Path, wheel: Path, stdlib: Path | None = None) -> dict[str, str]:
    """Copy the runtime (with the trimmed library when given) and the engine."""
    src = NODE_MODULES / "pyodide"
    paths = asset_paths(wheel, stdlib)
    runtime = site / paths.runtime
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(src / name, runtime / name)
    if stdlib is not None:
        shutil.copy2(stdlib, runtime / "python_stdlib.zip")
    digest = write_engine(site / paths.engine, wheel)
    return {"wheel": wheel.name, "sha256": digest, "runtime": paths.runtime, "engine": paths.engine}


def install_app(site: Path, source: Path = APP_DIR) -> None:
    """The wizard's own scripts and styles."""
    app = site / "wizard" / "app"
    app.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        if path.suffix in (".js", ".mjs", ".css"):
            shutil.copy2(path, app / path.name)
