"""Every fact of the leaflet (tests/site/leaflet_facts.yaml) appears on its page(s)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitekit import PAGES, page_text

FACTS_FILE = Path(__file__).with_name("leaflet_facts.yaml")
FACTS: list[dict[str, Any]] = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    """NFKC (full/half width alike), no whitespace, one kind of wave dash."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("〜", "~").replace("～", "~")
    return "".join(text.split())


@pytest.fixture(scope="module")
def texts(site_dir: Path) -> dict[str, str]:
    return {page: normalize(page_text(site_dir, page)) for page in PAGES}


def test_facts_file_is_well_formed() -> None:
    assert len(FACTS) >= 100
    sections = {f["section"] for f in FACTS}
    assert sections == {"intro", "1-1", "1-2", "2-1", "2-2", "table", "schedule", "back"}
    for fact in FACTS:
        assert set(fact["pages"]) <= set(PAGES), fact


@pytest.mark.parametrize("fact", FACTS, ids=[f"{f['section']}:{f['fact'][:20]}" for f in FACTS])
def test_fact_appears_on_its_pages(fact: dict[str, Any], texts: dict[str, str]) -> None:
    wanted = normalize(fact["fact"])
    missing = [page or "/" for page in fact["pages"] if wanted not in texts[page]]
    assert missing == [], f"「{fact['fact']}」 is missing on {missing}"
