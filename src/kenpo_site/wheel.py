"""The engine's wheel for the browser, built with ``python -m build`` and cached by content.

The build runs in a temporary copy of the engine's sources (``pyproject.toml``, ``README.md``,
``src/kenpo_wizard``) with freshly compiled catalogs, so a stale ``build/`` folder cannot leak
deleted modules into the wheel and the repository is left untouched. A wheel is reused while
none of those files changed, which keeps ``mkdocs serve`` rebuilds quick.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .catalogs import PACKAGE_DIR, compiled

ENGINE = PACKAGE_DIR  # src/kenpo_wizard
REPO = ENGINE.parents[1]
IGNORED = {"__pycache__", ".mypy_cache"}
CACHE = REPO / ".cache" / "kenpo-site" / "wheels"
REPRODUCIBLE_EPOCH = "315532800"  # 1980-01-01, the earliest time a zip entry can carry


def _sources() -> list[Path]:
    files = [REPO / "pyproject.toml", REPO / "README.md"]
    files += sorted(
        p
        for p in ENGINE.rglob("*")
        if p.is_file() and p.suffix not in (".pyc", ".mo") and not IGNORED & set(p.parts)
    )
    return files


def source_hash() -> str:
    h = hashlib.sha256()
    for path in _sources():
        h.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def engine_wheel(cache: Path = CACHE) -> Path:
    """The wheel for the current sources: from ``cache`` if built before, else built now."""
    out = cache / source_hash()
    found = sorted(out.glob("kenpo_wizard-*-py3-none-any.whl"))
    if found:
        return found[0]
    with tempfile.TemporaryDirectory(prefix="kenpo-wheel-") as tmp:
        work = Path(tmp)
        for path in _sources():
            target = work / path.relative_to(REPO)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        for mo, data in compiled().items():
            target = work / mo.relative_to(REPO)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        # --no-isolation: setuptools comes from the environment (the build works offline);
        # SOURCE_DATE_EPOCH: the zip's timestamps, so the same sources give the same bytes
        built = work / "dist"
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(built)],
            cwd=work,
            check=True,
            capture_output=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": REPRODUCIBLE_EPOCH},
        )
        wheel = sorted(built.glob("kenpo_wizard-*-py3-none-any.whl"))[0]
        # into the cache in one step: another process (a parallel test worker) that looks at
        # the same moment finds the whole wheel or none
        out.mkdir(parents=True, exist_ok=True)
        os.replace(wheel, out / wheel.name)
    return sorted(out.glob("kenpo_wizard-*-py3-none-any.whl"))[0]


def main(argv: list[str]) -> int:
    """``python -m kenpo_site.wheel DIR``: the engine's wheel into DIR (for the Pyodide tests)."""
    out = Path(argv[0] if argv else "dist")
    wheel = engine_wheel()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("kenpo_wizard-*.whl"):
        old.unlink()
    shutil.copy2(wheel, out / wheel.name)
    print(out / wheel.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
