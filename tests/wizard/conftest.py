"""Fixtures of the wizard's tests: its build facts. Site, server and browser: tests/conftest.py.

``make test-wizard`` builds the site first (``make site``); ``KENPO_SITE`` points elsewhere.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def site(site_dir: Path) -> Path:
    """The built site, with the wizard in it."""
    if not (site_dir / "wizard" / "app" / "build.json").exists():
        pytest.fail(f"{site_dir} has no built wizard: run `make site` first", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def build_info(site: Path) -> dict[str, Any]:
    info: dict[str, Any] = json.loads((site / "wizard" / "app" / "build.json").read_text())
    return info


@pytest.fixture(scope="session")
def build_day(build_info: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(build_info["build_day"])
