"""Pyodide, self-hosted: the runtime from the pinned npm package and the engine's wheel.

Both go to ``site/pyodide/`` with our own ``pyodide-lock.json``, which lists only
``kenpo-wizard`` and the wheel's sha256 (the browser checks it as subresource integrity).
The loader, Web Worker and styles (``wizard/``) go to ``site/wizard/app/``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from kenpo_wizard import __version__

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "kenpo-wizard"


class MissingPyodide(RuntimeError):
    pass


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def install_pyodide(site: Path, node_modules: Path, wheel: Path) -> dict[str, str]:
    """Copy the runtime and the wheel; write the lock file that pins the wheel's sha256."""
    src = node_modules / "pyodide"
    if not (src / "pyodide-lock.json").exists():
        raise MissingPyodide(f"{src} is missing: run `npm ci` (or `make setup`) first")
    out = site / "pyodide"
    out.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(src / name, out / name)
    shutil.copy2(wheel, out / wheel.name)
    digest = sha256_file(wheel)
    upstream = json.loads((src / "pyodide-lock.json").read_text(encoding="utf-8"))
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
    (out / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return {"wheel": wheel.name, "sha256": digest}


def install_app(site: Path, source: Path) -> None:
    """The wizard's own scripts and styles."""
    app = site / "wizard" / "app"
    app.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        if path.suffix in (".js", ".mjs", ".css"):
            shutil.copy2(path, app / path.name)
